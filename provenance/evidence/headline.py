"""The headline line, and the same headline repeated further down (a scraping tell)."""

from __future__ import annotations

from provenance.evidence.model import Headline
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line

MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30
# A scraped page repeats its headline a few times (title, og:title, a teaser); a text that
# repeats it thousands of times gains nothing from a span per repetition.
MAX_REPEATS = 100
_OPENING = "\"“„«'‘"


def looks_like_headline(line: Line) -> bool:
    text = line.text
    if len(text) > MAX_HEADLINE_CHARS or not 2 <= line.words <= MAX_HEADLINE_WORDS:
        return False
    first = text.lstrip(_OPENING)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    # A headline may ask or exclaim, but a full stop, comma or colon ends a sentence.
    return text[-1] not in ".,;:"


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@extractor("headlines")
def headlines(ctx: Context) -> tuple[Headline, ...]:
    skip = {hit.line.number for hit in ctx.get("residue_base")}
    skip |= {b.span.line for b in ctx.get("bylines")}
    first = next((line for line in ctx.source.content if line.number not in skip), None)
    if first is None or not looks_like_headline(first):
        return ()
    found = [Headline(span=ctx.source.line_span(first))]
    key = _key(first.text)
    for line in ctx.source.content:
        if (
            line.number > first.number
            and len(line.text) == len(first.text)
            and _key(line.text) == key
        ):
            found.append(Headline(span=ctx.source.line_span(line), repeated=True))
            if len(found) > MAX_REPEATS:
                break
    return tuple(found)
