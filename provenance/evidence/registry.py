"""The extractors, registered by the Evidence field they fill, and the context they share.

Each extractor is a pure function of a :class:`Context`. An extractor that needs another's
result asks the context for it (``ctx.get("residue")``), which runs that extractor once and
caches it; so extractors stay small and independent while ``extract`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from provenance.evidence.text import Source
from provenance.models import Outlet, Person

Extractor = Callable[["Context"], Any]
F = TypeVar("F", bound=Extractor)
T = TypeVar("T")
R = TypeVar("R")

EXTRACTORS: dict[str, Extractor] = {}


def extractor(name: str) -> Callable[[F], F]:
    """Register ``function`` as the extractor of ``name`` (an Evidence field or a helper)."""

    def register(function: F) -> F:
        if name in EXTRACTORS:
            raise ValueError(f"two extractors for {name!r}")
        EXTRACTORS[name] = function
        return function

    return register


class Context:
    """One article being read: its source, the registries, and the results found so far."""

    def __init__(
        self, text: str, outlets: Sequence[Outlet] = (), people: Sequence[Person] = ()
    ) -> None:
        self.source = Source(text)
        self.outlets = tuple(outlets)
        self.people = tuple(people)
        self._results: dict[str, Any] = {}
        self._running: set[str] = set()

    def get(self, name: str) -> Any:
        if name not in self._results:
            if name in self._running:
                raise RuntimeError(f"extractors depend on each other in a cycle at {name!r}")
            self._running.add(name)
            try:
                self._results[name] = EXTRACTORS[name](self)
            finally:
                self._running.discard(name)
        return self._results[name]


# Structures built from a registry (spelling maps, outlet indexes), keyed by the identity of
# the registry's entries. The entries are frozen models and the cache holds them, so an id
# cannot be reused while its entry is cached; computing the key is a few microseconds where
# rebuilding a structure costs a millisecond per article.
_PER_REGISTRY: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
_PER_REGISTRY_SIZE = 16


_LAST_KEY: list[tuple[Sequence[Any], tuple[int, ...]]] = []


def _key_of(items: Sequence[Any]) -> tuple[int, ...]:
    # A context asks several times with one tuple: its key is remembered by identity (the
    # tuple is immutable and held here, so its id cannot be reused meanwhile).
    for seen, key in _LAST_KEY:
        if seen is items:
            return key
    key = tuple(map(id, items))
    if isinstance(items, tuple):
        _LAST_KEY[:] = [(items, key), *_LAST_KEY[:3]]
    return key


def per_registry(items: Sequence[T], build: Callable[[tuple[T, ...]], R]) -> R:
    """``build(items)``, computed once per registry (the same entries, in the same order)."""
    key = (build, _key_of(items))
    hit = _PER_REGISTRY.get(key)
    if hit is not None:
        result: R = hit[1]
        return result
    kept = tuple(items)
    value = build(kept)
    if len(_PER_REGISTRY) >= _PER_REGISTRY_SIZE:
        del _PER_REGISTRY[next(iter(_PER_REGISTRY))]  # the oldest
    _PER_REGISTRY[key] = (kept, value)
    return value
