"""Truncation: a text that starts mid-sentence, or whose last body line is cut off."""

from __future__ import annotations

import re

from provenance.evidence.model import Truncation, TruncationKind
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line, ends_sentence, first_words

SHOWN_WORDS = 5
MIN_CUT_WORDS = 4
_WORD = re.compile(r"\S+")
_CONTINUATION = ",;)]}"


def _starts_mid_sentence(text: str) -> bool:
    first_word = text[:100].split()[0]
    if text[0] in _CONTINUATION or text.startswith(("...", "…")):
        return True
    # 'iPhone', 'eBay': a lowercase start with a capital inside is a brand, not a cut.
    return text[0].islower() and not any(c.isupper() for c in first_word[1:])


def _credit_lines(ctx: Context) -> set[int]:
    """Lines that are wholly a credit (not prose that mentions one)."""
    whole: set[int] = set()
    for credit in ctx.get("credits"):
        line = ctx.source.line(credit.span.line)
        if credit.span.start == line.start and credit.span.end == line.end:
            whole.add(line.number)
    return whole


@extractor("truncation")
def truncation(ctx: Context) -> tuple[Truncation, ...]:
    skip = {r.span.line for r in ctx.get("residue")} | _credit_lines(ctx)
    skip |= {b.span.line for b in ctx.get("bylines")} | {h.span.line for h in ctx.get("headlines")}
    skip |= {s.span.line for s in ctx.get("sign_offs")}
    body: list[Line] = [line for line in ctx.source.content if line.number not in skip]
    found: list[Truncation] = []
    if not body:
        return ()
    first, last = body[0], body[-1]
    if _starts_mid_sentence(first.text):
        start, end = first_words(first, SHOWN_WORDS)
        found.append(Truncation(span=ctx.source.span(start, end), kind=TruncationKind.START))
    # A short last line without a full stop is a heading or a caption, not a cut. A text
    # read only in part (MAX_LINES) ends where reading stopped: not the author's end.
    if not ctx.source.capped and not ends_sentence(last.text) and last.words >= MIN_CUT_WORDS:
        tail_from = max(0, len(last.text) - 200)  # a line may be megabytes long
        words = list(_WORD.finditer(last.text, tail_from))[-SHOWN_WORDS:]
        start = last.start + words[0].start()
        found.append(Truncation(span=ctx.source.span(start, last.end), kind=TruncationKind.END))
    return tuple(found)
