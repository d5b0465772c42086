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


_FROZEN: list[tuple[Sequence[Any], tuple[Any, ...]]] = []


def _frozen(items: Sequence[T]) -> tuple[T, ...]:
    """``tuple(items)``, the same tuple object while the caller passes the same sequence, so
    that per-registry caches recognise the registry by identity instead of hashing it."""
    for seen, frozen in _FROZEN:
        if seen is items:
            return frozen
    frozen_items = tuple(items)
    _FROZEN[:] = [(items, frozen_items), *_FROZEN[:3]]
    return frozen_items


class Context:
    """One article being read: its source, the registries, and the results found so far."""

    def __init__(
        self, text: str, outlets: Sequence[Outlet] = (), people: Sequence[Person] = ()
    ) -> None:
        self.source = Source(text)
        self.outlets = _frozen(outlets)
        self.people = _frozen(people)
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


_LAST_KEY: list[tuple[Sequence[Any], int]] = []
# The entries' ids -> a small token, and the entries themselves, held so that no id can be
# reused while its token is in use. A token hashes in constant time, where a tuple of
# 15,000 ids is hashed anew at every lookup.
_TOKENS: dict[tuple[int, ...], tuple[int, tuple[Any, ...]]] = {}
_TOKENS_SIZE = 16
_next_token = 0


def _key_of(items: Sequence[Any]) -> int:
    # A run asks many times with one sequence: its token is remembered by identity (the
    # sequence is held here, so its id cannot be reused meanwhile).
    global _next_token
    for seen, token in _LAST_KEY:
        if seen is items:
            return token
    ids = tuple(map(id, items))
    known = _TOKENS.get(ids)
    if known is None:
        if len(_TOKENS) >= _TOKENS_SIZE:
            del _TOKENS[next(iter(_TOKENS))]
        known = (_next_token, tuple(items))
        _next_token += 1
        _TOKENS[ids] = known
    _LAST_KEY[:] = [(items, known[0]), *_LAST_KEY[:3]]
    return known[0]


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
