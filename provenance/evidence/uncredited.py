"""Visible signs that a text was copied with its credit removed or never given."""

from __future__ import annotations

from provenance.evidence.model import UncreditedSign
from provenance.evidence.registry import Context, extractor


@extractor("uncredited")
def uncredited(ctx: Context) -> tuple[UncreditedSign, ...]:
    return ()
