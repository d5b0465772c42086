"""What an article's own text says about its provenance.

``extract(text, outlets, people)`` runs every registered extractor (one module per signal)
and returns an :class:`Evidence`; ``match_outlet(name, outlets)`` resolves one written name
to a catalog outlet, exactly or as a near-miss.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from provenance.evidence.model import Evidence, OutletMatch
from provenance.evidence.outlets import match_outlet
from provenance.evidence.registry import Context
from provenance.models import Outlet, Person

# Importing a module registers its extractors.
for _module in (
    "byline",
    "credits",
    "dates",
    "headline",
    "language",
    "names",
    "outlets",
    "quotes",
    "residue",
    "stamps",
    "translation",
    "truncation",
    "uncredited",
):
    importlib.import_module(f"provenance.evidence.{_module}")

FIELDS = (
    "headlines",
    "bylines",
    "contributors",
    "stamps",
    "sign_offs",
    "dates",
    "credits",
    "outlets",
    "quotations",
    "people",
    "name_clusters",
    "residue",
    "truncation",
    "translations",
    "uncredited",
    "language",
)


def extract(text: str, outlets: Sequence[Outlet] = (), people: Sequence[Person] = ()) -> Evidence:
    """Every provenance signal in ``text``, each with its exact span, in line order."""
    ctx = Context(text, outlets, people)
    found = {name: ctx.get(name) for name in FIELDS}
    return Evidence(line_count=ctx.source.line_count, **found)


__all__ = ["Evidence", "OutletMatch", "extract", "match_outlet"]
