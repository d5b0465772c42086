"""The extractors, registered by the Evidence field they fill, and the context they share.

Each extractor is a pure function of a :class:`Context`. An extractor that needs another's
result asks the context for it (``ctx.get("residue")``), which runs that extractor once and
caches it; so extractors stay small and independent while ``extract`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from provenance.evidence.text import Source
from provenance.models import Outlet, Person
from provenance.registry_cache import per_registry

Extractor = Callable[["Context"], Any]
F = TypeVar("F", bound=Extractor)
T = TypeVar("T")

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


__all__ = ["EXTRACTORS", "Context", "extractor", "per_registry"]
