"""The page's own publication time, as its header prints it: a date or a relative stamp on a
line that holds only a label ('Published:', 'Publié le'), a weekday, a time, 'by NAME'."""

from __future__ import annotations

from provenance.evidence.model import DateStamp
from provenance.evidence.registry import Context, extractor


@extractor("stamps")
def stamps(ctx: Context) -> tuple[DateStamp, ...]:
    return ()
