"""Quotations, with who said them, the verb, and the outlet they were given to.

Quotation marks are paired on each line through precomputed positions of the closing marks
(bisection), so a line of 100,000 unmatched marks is still read in n·log n. Attribution is
read from short windows just after and just before the quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from provenance.evidence.lexicon import TITLES, bare, is_name_token
from provenance.evidence.model import Quotation
from provenance.evidence.outlets import match_outlet
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import UPPER, Line

# Which closing marks end a quotation opened by each mark.
_CLOSERS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", '"': '"', "‹": "›", "「": "」"}
_CLOSING = re.compile("[" + re.escape("".join(sorted(set("".join(_CLOSERS.values()))))) + "]")
_OPENERS = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
MIN_UNATTRIBUTED_WORDS = 4  # shorter unattributed quotes are scare quotes or titles
AFTER_WINDOW, BEFORE_WINDOW = 120, 160
# A long interview holds a few hundred quotations; past this many a text is a dump or an
# attack, and each further one costs a span and a model (time and memory without a bound).
MAX_QUOTATIONS = 2_000
# Opening marks read (each costs a few attribution patterns); a page has some hundreds, a
# text of "a" "b" "c"... as many as it has characters.
MAX_OPENINGS = 20_000

_VERBS = (
    r"said|says|say|told|tells|wrote|writes|added|adds|argued|argues|noted|notes|stated|states"
    r"|explained|explains|claimed|claims|asked|asks|continued|continues|observed|insisted"
    r"|warned|warns|commented|remarked|declared|stressed|emphasi[sz]ed|replied|concluded"
    r"|suggested|recalled|admitted|acknowledged|tweeted|posted|believes|contends|contended"
    # French, German, Spanish, Italian, Russian reporting verbs
    r"|a\s+déclaré|a\s+dit|a\s+affirmé|a\s+expliqué|a\s+ajouté|sagte|erklärte|betonte"
    r"|dijo|afirmó|explicó|declaró|ha\s+detto|ha\s+dichiarato|ha\s+spiegato"
    r"|заявил[аи]?|сказал[аи]?|отметил[аи]?|добавил[аи]?|написал[аи]?"
)
_NAME = (
    rf"{UPPER}[\w'’.-]{{0,30}}"
    rf"(?:\s{{1,2}}(?:(?:de|van|von|al|bin|da|di|la|le)\s)?{UPPER}[\w'’.-]{{0,30}}){{0,3}}"
)
_PRONOUN = r"he|she|they|it|we|i|the\s+\w{1,20}|his\s+\w{1,20}|her\s+\w{1,20}"
_TO = rf"(?P<to>{UPPER}[\w/.&'’-]{{0,40}}(?:\s{UPPER}[\w/.&'’-]{{0,40}}){{0,3}})"
_VERB_STEMS = ("emphasi", "заявил", "сказал", "отметил", "добавил", "написал")
_LEAD = r"^[\s,.!?…;:—–-]{0,6}"
_AFTER_VERB_FIRST = re.compile(
    rf"{_LEAD}(?P<verb>(?i:{_VERBS}))(?:\s+(?P<speaker>{_NAME}|{_PRONOUN}))?"
)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"{_LEAD}(?P<speaker>{_NAME}|{_PRONOUN})\s+(?:also\s+|later\s+)?"
    rf"(?P<verb>{_VERBS})(?:\s+{_TO})?"
)
# '..., herder Bolat Seitkali told X': a lowercase description before the name.
_AFTER_DESCRIBED_SPEAKER = re.compile(
    rf"{_LEAD}(?:[^\W\d_A-Z][\w-]{{0,30}}\s){{1,3}}(?P<speaker>{_NAME})\s+(?:also\s+)?"
    rf"(?P<verb>{_VERBS})(?:\s+{_TO})?"
)
# Before a quotation: first find the verb at the window's end (cheap), then the name before it.
_BEFORE_VERB = re.compile(
    rf"\b(?P<verb>{_VERBS}|saying|writing|adding)(?:\s+{_TO})?(?:\s+that)?\s*[,:]?\s*$"
)
_NAME_BEFORE_VERB = re.compile(rf"(?P<speaker>{_NAME}),?\s+(?:also\s+|later\s+|has\s+|had\s+)?$")
_ACCORDING = re.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<speaker>{_NAME})\s*,?\s*$")
_GIVEN = re.compile(rf"(?i:interview\s+with|comments?\s+(?:made\s+)?to|speaking\s+to|told)\s+{_TO}")


_GIVEN_HINTS = ("told", "nterview", "omment", "peaking")
# The last word of every reporting verb: a window that ends otherwise has no verb before the
# quotation, and the (costlier) search for one is skipped.
_VERB_ENDINGS = frozenset(
    word.split("\\s+")[-1] for word in re.sub(r"\[[^\]]*\]\??", "", _VERBS).split("|")
) | {"saying", "writing", "adding", "that"}


def _may_end_with_verb(before: str) -> bool:
    words = before[-60:].rstrip(" ,:\t").rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return (
        last.lower() in _VERB_ENDINGS or last.lower().startswith(_VERB_STEMS) or last[:1].isupper()
    )


def _speaker(raw: str | None) -> str | None:
    """The name in ``raw`` with titles dropped; None for pronouns and descriptions."""
    if raw is None:
        return None
    words = [bare(w) for w in raw.split()]
    while words and words[0].casefold().rstrip(".") in TITLES:
        words.pop(0)
    if not words or not all(is_name_token(w) or w.islower() for w in words):
        return None
    if not is_name_token(words[0]) or not is_name_token(words[-1]):
        return None
    return " ".join(words)


def _verb(raw: str) -> str:
    return " ".join(raw.lower().split())


def _attribute(ctx: Context, after: str, before: str) -> tuple[str | None, str | None, str | None]:
    """(speaker, verb, given_to) from the text after and before a quotation."""
    speaker = verb = given = None
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST, _AFTER_DESCRIBED_SPEAKER):
        hit = pattern.match(after)
        if hit:
            verb, speaker = _verb(hit.group("verb")), _speaker(hit.group("speaker"))
            given = hit.groupdict().get("to")
            break
    if verb is None and _may_end_with_verb(before):
        tail = _BEFORE_VERB.search(before, max(0, len(before) - 100))
        if tail:
            verb, given = _verb(tail.group("verb")), tail.group("to")
            named = _NAME_BEFORE_VERB.search(before, max(0, tail.start() - 80), tail.start())
            speaker = _speaker(named.group("speaker")) if named else None
        elif "ccording" in before:
            hit = _ACCORDING.search(before)
            if hit:
                verb, speaker = _verb(hit.group("verb")), _speaker(hit.group("speaker"))
    if given is None and any(hint in before for hint in _GIVEN_HINTS):
        told = _GIVEN.search(before)
        given = told.group("to") if told else None
    if given is not None:
        given = given.rstrip(".,;:'’")
        if verb != "told" and not match_outlet(given, ctx.outlets) and not _GIVEN.search(before):
            given = None  # 'X said Monday' is not a recipient
    return speaker, verb, given


class _Budget:
    """What is left of MAX_QUOTATIONS and MAX_OPENINGS for the rest of the text."""

    def __init__(self) -> None:
        self.quotations = MAX_QUOTATIONS
        self.openings = MAX_OPENINGS

    @property
    def spent(self) -> bool:
        return self.quotations <= 0 or self.openings <= 0


def _quotes_on(ctx: Context, line: Line, budget: _Budget) -> list[Quotation]:
    text = line.text
    if _OPENERS.search(text) is None:
        return []
    closers: dict[str, list[int]] = {}
    for mark in _CLOSING.finditer(text):
        closers.setdefault(mark.group(), []).append(mark.start())
    found: list[Quotation] = []
    position = 0
    while True:
        opener = _OPENERS.search(text, position)
        if opener is None:
            break
        budget.openings -= 1
        start = opener.start()
        ends = [
            positions[i]
            for mark in _CLOSERS[opener.group()]
            if (positions := closers.get(mark))
            and (i := bisect_right(positions, start)) < len(positions)
        ]
        end = min(ends) if ends else None
        if end is None:
            # An unclosed quotation at the start of a line, or after a colon ('saying: "...'),
            # runs to the paragraph's end: the next paragraph reopens it, by convention.
            if start > 2 and not text[:start].rstrip().endswith(":"):
                break
            end = len(text)
        inner = text[start + 1 : end].strip()
        words = len(inner.split())
        if words:
            after = text[end + 1 : end + 1 + AFTER_WINDOW]
            before = text[max(0, start - BEFORE_WINDOW) : start]
            speaker, verb, given = _attribute(ctx, after, before)
            if verb is not None or words >= MIN_UNATTRIBUTED_WORDS:
                found.append(
                    Quotation(
                        span=ctx.source.span(line.start + start + 1, line.start + end),
                        speaker=speaker,
                        verb=verb,
                        given_to=given,
                        given_to_outlet=match_outlet(given, ctx.outlets) if given else None,
                    )
                )
                budget.quotations -= 1
        if budget.spent:
            break
        position = end + 1
    return found


@extractor("quotations")
def quotations(ctx: Context) -> tuple[Quotation, ...]:
    found: list[Quotation] = []
    budget = _Budget()
    for line in ctx.source.content:
        found.extend(_quotes_on(ctx, line, budget))
        if budget.spent:
            break
    return tuple(found)
