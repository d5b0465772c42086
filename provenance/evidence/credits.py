"""Credit and origin lines: who the text says it came from.

Each phrasing is one bounded regex tried on one line at a time; lines longer than
``MAX_CREDIT_LINE`` are only searched for the in-sentence phrasings ('originally published
in X', 'first appeared on X'), which are anchored on their literal words.
"""

from __future__ import annotations

import re

from provenance.evidence.model import Credit, CreditKind
from provenance.evidence.outlets import match_outlet
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line

MAX_CREDIT_LINE = 200
MAX_TARGET_CHARS = 100

LANGUAGES: dict[str, str] = {
    "english": "en",
    "russian": "ru",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "turkish": "tr",
    "azerbaijani": "az",
    "azeri": "az",
    "kazakh": "kk",
    "uzbek": "uz",
    "kyrgyz": "ky",
    "tajik": "tg",
    "ukrainian": "uk",
    "belarusian": "be",
    "polish": "pl",
    "czech": "cs",
    "estonian": "et",
    "latvian": "lv",
    "lithuanian": "lt",
    "finnish": "fi",
    "swedish": "sv",
    "norwegian": "no",
    "danish": "da",
    "dutch": "nl",
    "greek": "el",
    "arabic": "ar",
    "persian": "fa",
    "farsi": "fa",
    "hebrew": "he",
    "chinese": "zh",
    "mandarin": "zh",
    "japanese": "ja",
    "korean": "ko",
    "hindi": "hi",
    "urdu": "ur",
    "georgian": "ka",
    "armenian": "hy",
    "romanian": "ro",
    "hungarian": "hu",
    "serbian": "sr",
    "croatian": "hr",
    "bulgarian": "bg",
    "русского": "ru",
    "английского": "en",
    "немецкого": "de",
    "французского": "fr",
    "russischen": "ru",
    "englischen": "en",
    "französischen": "fr",
    "russe": "ru",
    "anglais": "en",
    "allemand": "de",
    "ruso": "ru",
    "inglés": "en",
    "alemán": "de",
}
_T = rf"(?P<target>[^\n]{{1,{MAX_TARGET_CHARS}}})"
_END = r"\s*$"

# (kind, pattern, whole-line?) — whole-line patterns only apply to short lines.
_LINE_PATTERNS: tuple[tuple[CreditKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(body, re.IGNORECASE))
    for kind, body in (
        (
            CreditKind.TRANSLATED_FROM,
            r"^(?:translated|translation)\s+(?:from|of)\s+(?:the\s+)?" + _T + _END,
        ),
        (CreditKind.TRANSLATED_FROM, r"^(?:translation|translated\s+by)\s*:?\s+" + _T + _END),
        (
            CreditKind.TRANSLATED_FROM,
            r"^(?:перевод\s+с|übersetzt\s+aus|übersetzung\s+aus|traduit\s+de|traduction\s+de"
            r"|traducido\s+de|traducción\s+de|tradotto\s+da|traduzido\s+de)\s+" + _T + _END,
        ),
        (
            CreditKind.REPUBLISHED,
            r"^(?:this\s+\w+\s+(?:is|was|has\s+been)\s+)?(?:republished|reprinted|reposted|re-?published)\s+(?:here\s+)?(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?(?:from|of|by)\s+"
            + _T
            + _END,
        ),
        (
            CreditKind.SOURCE,
            r"^(?:sources?|источник|quelle|source|fuente|fonte|kaynak|mənbə)\s*:\s*" + _T + _END,
        ),
        (CreditKind.FROM, r"^(?:from|via)\s*:?\s+" + _T + _END),
        (
            CreditKind.COPYRIGHT,
            r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
            + _T
            + _END,
        ),
    )
)
_SENTENCE_PATTERNS: tuple[tuple[CreditKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(body, re.IGNORECASE))
    for kind, body in (
        (
            CreditKind.ORIGINALLY_PUBLISHED,
            r"\boriginally\s+(?:published|posted|ran|written|produced)(?:\s+\w+){0,2}?\s+(?:in|on|by|at)\s+"
            + _T,
        ),
        (
            CreditKind.FIRST_APPEARED,
            r"\b(?:first\s+(?:appeared|published|ran)|originally\s+appeared)\s+(?:in|on|at)\s+"
            + _T,
        ),
        (
            CreditKind.REPUBLISHED,
            r"\b(?:republished|reprinted)\s+(?:here\s+)?(?:(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)"
            r"(?:from|of|by)|from)\s+" + _T,
        ),
        (CreditKind.VIA, r"(?:^|[(\[|]\s*)via\s+" + _T),
    )
)
# 'LONDON (Reuters) -', 'WASHINGTON, Aug 27 (AP) —', '(AFP) -' at the start of a line.
_AGENCY = re.compile(
    r"^(?:[^\W\d_][^()\n]{0,80}?\s)?\((?P<target>[^\W\d_][^()\n]{0,40}?)\)\s{0,3}[-–—]"
)
# Where a line's first sentence ends: a full stop, then the capital of the next sentence.
_NEXT_SENTENCE = re.compile(r"\.\s+(?=[A-ZА-Я])")
# Where a credited name ends inside a sentence.
_STOP = re.compile(r"\.\s|\.$|[,;)\]|]|\s+(?:and|under|with|on|in|as|where|who|which)\s", re.I)
_LANGUAGE_BY = re.compile(r"^(?:the\s+)?(\w+)\s+by\s+(.{1,100})$", re.I)
_LANGUAGE_IN_TARGET = re.compile(r"^(?:the\s+)?(\w+)(?:\s+original)?$", re.I)


def _trim(target: str) -> str:
    stop = _STOP.search(target)
    if stop:
        target = target[: stop.start()]
    return target.strip(" .,;:'\"“”«»*_–—-")


def _plausible(target: str) -> bool:
    """A credited name starts like a name or a domain and is short."""
    words = target.split()
    return (
        bool(words)
        and len(words) <= 8
        and (target[0].isupper() or target[0].isdigit() or "." in target)
    )


def _language(target: str) -> str | None:
    found = _LANGUAGE_IN_TARGET.match(target) or _LANGUAGE_BY.match(target)
    return LANGUAGES.get(found.group(1).lower()) if found else None


# Cheap tests that skip the patterns on lines that cannot hold a credit.
_LINE_STARTS = (
    "translat",
    "перевод",
    "übersetz",
    "tradu",
    "this",
    "republish",
    "reprint",
    "repost",
    "re-publish",
    "source",
    "источник",
    "quelle",
    "fuente",
    "fonte",
    "kaynak",
    "mənbə",
    "from",
    "via",
    "copyright",
    "©",
    "(c)",
)
_SENTENCE_WORDS = (
    "originally",
    "first appeared",
    "first published",
    "first ran",
    "republished",
    "reprinted",
    "via ",
)


def _credits_on(ctx: Context, line: Line, worded: set[int] | None) -> list[Credit]:
    """The credits on ``line``. ``worded`` holds the numbers of the lines that may hold one
    of the sentence words (None: any line may): most lines need no lowercasing and search."""
    text = line.text
    head = text[:12].lower()
    if "(" not in text[:130] and not head.startswith(_LINE_STARTS):
        if worded is not None and line.number not in worded:
            return []
        lowered = text.lower()
        if not any(word in lowered for word in _SENTENCE_WORDS):
            return []
    found: list[Credit] = []

    def add(kind: CreditKind, start: int, end: int, target: str) -> None:
        language: str | None = None
        by = _LANGUAGE_BY.match(target)
        if by and by.group(1).lower() in LANGUAGES:
            language = LANGUAGES[by.group(1).lower()]
            # 'Translated from the Russian by TRANSLATOR' credits a language, while
            # 'originally published in Russian by OUTLET' credits the outlet.
            target = by.group(1) if kind is CreditKind.TRANSLATED_FROM else by.group(2)
        elif kind is CreditKind.TRANSLATED_FROM:
            written = _LANGUAGE_IN_TARGET.match(target)
            language = LANGUAGES.get(written.group(1).lower()) if written else None
            if written and language:
                target = written.group(1)
            elif " by " in target:
                target = target.split(" by ", 1)[0].strip()
        names_language = kind is CreditKind.TRANSLATED_FROM and language is not None
        outlet = None if names_language else match_outlet(target, ctx.outlets)
        found.append(
            Credit(
                span=ctx.source.span(line.start + start, line.start + end),
                kind=kind,
                target=target,
                outlet=outlet,
                language=language,
            )
        )

    # The agency dateline opens a paragraph of any length; its pattern is anchored and bounded.
    agency = _AGENCY.match(text)
    if agency and _plausible(agency.group("target")):
        add(CreditKind.AGENCY_DATELINE, 0, agency.end(), agency.group("target"))
        return found
    # A credit line may hold two credits ('Translated from German by A. Originally
    # published in B.'): the whole-line phrasings read its first sentence, the in-sentence
    # ones the rest.
    first = _NEXT_SENTENCE.search(text)
    first_end = first.start() + 1 if first else len(text)
    rest_from = 0
    if first_end <= MAX_CREDIT_LINE:
        head_text = text[:first_end]
        for kind, pattern in _LINE_PATTERNS:
            hit = pattern.match(head_text)
            if hit is None:
                continue
            target = hit.group("target").strip(" .,;:'\"“”«»*_–—-")
            if kind is CreditKind.COPYRIGHT:
                target = _trim(target)
            if kind in (CreditKind.FROM, CreditKind.SOURCE) and len(target.split()) > 6:
                continue  # a sentence that starts with 'From', not a credit line
            if (kind is CreditKind.TRANSLATED_FROM and _language(target)) or _plausible(target):
                add(kind, 0, first_end, target)
                rest_from = first_end
                break
        if rest_from and rest_from >= len(text.rstrip()):
            return found
    for kind, pattern in _SENTENCE_PATTERNS:
        for hit in pattern.finditer(text, rest_from):
            target = _trim(hit.group("target"))
            if not _plausible(target):
                continue
            end = hit.start("target") + hit.group("target").find(target) + len(target)
            add(kind, hit.start(), end, target)
            break
    return found


@extractor("credits")
def credits(ctx: Context) -> tuple[Credit, ...]:
    found: list[Credit] = []
    worded = ctx.source.lines_holding(_SENTENCE_WORDS)
    for line in ctx.source.content:
        found.extend(_credits_on(ctx, line, worded))
    return tuple(sorted(found, key=lambda c: (c.span.start, c.span.end, c.kind)))
