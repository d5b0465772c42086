"""Bylines ('By NAME [and NAME] [in PLACE] [DATE]') and the author's sign-off at the end."""

from __future__ import annotations

import re

from provenance.evidence.dates import find_dates
from provenance.evidence.lexicon import is_name_token, looks_like_full_name
from provenance.evidence.model import Byline, Contributor, DateKind, SignOff
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line

MAX_BYLINE_CHARS = 200
_PREFIX = re.compile(
    r"^(?:written\s+by|reporting\s+by|words\s+by|by|von|par|por|di|door|автор\s*:?|author\s*:|text\s*:)"
    r"\s+",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*,\s*|\s+(?:and|und|et|y|e|и|ve)\s+|\s*&\s*", re.IGNORECASE)
_PLACE = re.compile(r"\s+(?:in|aus|à|en|a|из|в)\s+", re.IGNORECASE)
_TAIL = re.compile(
    r"^[\s,|•·–—-]*(?:\d{1,2}:\d{2}(?:\s*(?:am|pm|gmt|utc|cet|msk))?)?[\s,|.]*$", re.I
)
_DASH = re.compile(r"^[—–-]{1,2}\s*")


def _names(part: str) -> list[str] | None:
    names = [piece.strip() for piece in _JOIN.split(part) if piece.strip()]
    if names and all(looks_like_full_name(name.split()) for name in names):
        return names
    return None


def parse_byline(ctx: Context, line: Line) -> Byline | None:
    """The byline on ``line``, or None when the line is not one."""
    if len(line.text) > MAX_BYLINE_CHARS:
        return None
    prefix = _PREFIX.match(line.text)
    if prefix is None:
        return None
    body_start = line.start + prefix.end()
    body_end = line.end
    date_value: str | None = None
    mentions = [
        m for m in find_dates(ctx.source, body_start, line.end) if m.kind is not DateKind.RELATIVE
    ]
    if mentions:
        first = min(mentions, key=lambda m: m.span.start)
        if not _TAIL.match(ctx.source.text[first.span.end : line.end]):
            return None
        body_end = first.span.start
        date_value = first.value
    # 'Reporting by A; Editing by B': the first clause names the authors.
    body = ctx.source.text[body_start:body_end].split(";")[0].strip(" ,|•·–—-\t")
    place: str | None = None
    pieces = _PLACE.split(body, maxsplit=1)
    if len(pieces) == 2:
        body, place = pieces[0], pieces[1].strip(" ,")
        if not place or not all(is_name_token(w) or w[:1].isupper() for w in place.split()):
            return None
    names = _names(body)
    if names is None:
        # 'By NAME, Outlet' or 'By NAME | Place': the names come first, the rest is affiliation.
        head = re.split(r"\s*[|•·]\s*|\s*,\s*(?=\S+$)", body, maxsplit=1)[0]
        names = _names(head)
    if names is None:
        return None
    return Byline(
        span=ctx.source.line_span(line), names=tuple(names), place=place or None, date=date_value
    )


@extractor("bylines")
def bylines(ctx: Context) -> tuple[Byline, ...]:
    found = (parse_byline(ctx, line) for line in ctx.source.content)
    return tuple(b for b in found if b is not None)


MAX_SIGN_OFF_CHARS = 60


@extractor("sign_offs")
def sign_offs(ctx: Context) -> tuple[SignOff, ...]:
    """A name alone on the last body line (after it: only credits and residue)."""
    skip = {r.span.line for r in ctx.get("residue")} | {c.span.line for c in ctx.get("credits")}
    skip |= {b.span.line for b in ctx.get("bylines")}
    last = next((ln for ln in reversed(ctx.source.content) if ln.number not in skip), None)
    if last is None:
        return ()
    text = _DASH.sub("", last.text).strip()
    if len(text) > MAX_SIGN_OFF_CHARS or not looks_like_full_name(text.split()):
        return ()
    offset = last.start + last.text.index(text)
    return (SignOff(span=ctx.source.span(offset, offset + len(text)), name=text),)


@extractor("contributors")
def contributors(ctx: Context) -> tuple[Contributor, ...]:
    """Translators, editors and photographers named in the text (not authors)."""
    return ()
