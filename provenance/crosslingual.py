"""Two articles of the catalog, in two languages, that give the same names, numbers and
dates in the same order: one is likely a translation of the other.

A translation rewrites every word but keeps what no language changes: figures, dates and
the people named, in the order the story tells them. Each article is reduced, where its
text is read, to that sequence of anchors (hashes, with their offsets):
- numbers of two digits or more, their digits only ('1,200', '1 200' and '1.200' agree);
- dates, as the ISO value the date reader gives ('3 марта 2024' and 'March 3, 2024');
- people, by the romanised key of their last name ('Зеленский' and 'Zelensky').
Candidate pairs are found through the reuse index's postings (keys held by a few articles
only), never by comparing all pairs; a pair is confirmed when the longest run of anchors
the two share in order is long enough, and a large enough share of the shorter sequence.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from provenance.evidence.model import DateKind, Evidence
from provenance.findings import Location
from provenance.models import Article
from provenance.reuse import TextOf, key_postings, line_column, pair_counts
from provenance.transliteration import romanised_key

MAX_ANCHORS = 400
MIN_SHARED = 6  # anchors shared in order
MIN_SHARE = 0.4  # of the shorter sequence
MIN_LANGUAGE_CONFIDENCE = 0.8

_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?!\d)|\d+(?:[.,]\d+)?")
_DIGITS = re.compile(r"\D")


# An anchor's kind travels in its key, above the 32 bits of its value's hash: a short
# number ('10', '48') is common to unrelated stories; a date, a name or a longer figure is
# not ("distinctive").
SHORT_NUMBER, NUMBER, DATE, NAME = 1, 2, 3, 4


def _key(kind: int, value: str) -> int:
    return (kind << 32) | zlib.crc32(value.encode())


def distinctive(key: int) -> bool:
    return key >> 32 != SHORT_NUMBER


def anchors(text: str, evidence: Evidence | None) -> array[int]:
    """The text's anchors in order, as flattened (key, start, end) triples."""
    found: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for mention in evidence.dates if evidence else ():
        if mention.value and mention.kind in (DateKind.ABSOLUTE, DateKind.MONTH_YEAR):
            span = mention.span
            found.append((span.start, span.end, _key(DATE, mention.value)))
            taken.append((span.start, span.end))
    taken.sort()
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue  # the day and year of a date are that date
        digits = _DIGITS.sub("", match.group())
        if len(digits) >= 2:
            kind = NUMBER if len(digits) >= 3 else SHORT_NUMBER
            found.append((start, end, _key(kind, digits)))
    for person in evidence.people if evidence else ():
        words = romanised_key(person.name).split()
        if words and len(words[-1]) >= 3:
            found.append((person.span.start, person.span.end, _key(NAME, words[-1])))
    found.sort()
    triples = array("q")
    for start, end, key in found[:MAX_ANCHORS]:
        triples.extend((key, start, end))
    return triples


def text_language(evidence: Evidence | None) -> str | None:
    language = evidence.language if evidence else None
    if language is None or language.confidence < MIN_LANGUAGE_CONFIDENCE:
        return None
    return language.code


@dataclass(frozen=True)
class TranslationPair:
    """Two articles in two languages sharing anchors in order; ``shown`` are the shared
    anchors as the first article writes them, ``where`` the first of them in each."""

    first: str
    second: str
    languages: tuple[str, str]
    shared: int
    shown: tuple[str, ...]
    where: tuple[Location, Location]


def _longest_common(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int]]:
    """The index pairs of a longest common subsequence of ``a`` and ``b`` (short lists: only
    the anchors the two share are given)."""
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(cols - 1, -1, -1):
            row[j] = below[j + 1] + 1 if a[i] == b[j] else max(below[j], row[j + 1])
    pairs = []
    i = j = 0
    while i < rows and j < cols:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _languages(articles: Sequence[Article], detected: Sequence[str | None]) -> list[str | None]:
    # The catalog's declared language first: the user's word over the detector's.
    return [
        (article.copy_held.in_language or language or None)
        for article, language in zip(articles, detected, strict=True)
    ]


def translation_pairs(
    articles: Sequence[Article],
    files: Sequence[str],
    sequences: Sequence[array[int] | None],
    detected: Sequence[str | None],
    text_of: TextOf,
) -> list[TranslationPair]:
    """The pairs of articles in different languages that share their anchors in order.
    ``text_of(position)`` re-reads a text, to show what is shared."""
    languages = [(code or "").split("-")[0] or None for code in _languages(articles, detected)]
    known = [triples if languages[i] else None for i, triples in enumerate(sequences)]
    found = []
    for a, b in _pairs_sharing(known, MIN_SHARED, lambda _key: True):
        if languages[a] == languages[b]:
            continue
        pair = _confirmed(a, b, sequences, text_of)
        if pair is None:
            continue
        shown, where_a, where_b, shared = pair
        found.append(
            TranslationPair(
                first=articles[a].id,
                second=articles[b].id,
                languages=(str(languages[a]), str(languages[b])),
                shared=shared,
                shown=shown,
                where=(
                    Location(files[a], *where_a[:2], None, where_a[2]),
                    Location(files[b], *where_b[:2], None, where_b[2]),
                ),
            )
        )
    return found


_SHOWN = 8
# A pair must also share this many distinctive anchors: dates, names, longer figures.
MIN_DISTINCTIVE = 3


def _confirmed(
    a: int, b: int, sequences: Sequence[array[int] | None], text_of: TextOf
) -> tuple[tuple[str, ...], tuple[int, int, str], tuple[int, int, str], int] | None:
    seq_a, seq_b = sequences[a], sequences[b]
    assert seq_a is not None and seq_b is not None
    common = set(seq_a[0::3]) & set(seq_b[0::3])
    rows_a = [i for i in range(0, len(seq_a), 3) if seq_a[i] in common]
    rows_b = [i for i in range(0, len(seq_b), 3) if seq_b[i] in common]
    matched = _longest_common([seq_a[i] for i in rows_a], [seq_b[i] for i in rows_b])
    shorter = min(len(seq_a), len(seq_b)) // 3
    if len(matched) < MIN_SHARED or len(matched) < MIN_SHARE * shorter:
        return None
    if sum(1 for i, _ in matched if distinctive(seq_a[rows_a[i]])) < MIN_DISTINCTIVE:
        return None
    text_a, text_b = text_of(a) or "", text_of(b) or ""
    shown = tuple(text_a[seq_a[rows_a[i] + 1] : seq_a[rows_a[i] + 2]] for i, _ in matched[:_SHOWN])
    first_a, first_b = rows_a[matched[0][0]], rows_b[matched[0][1]]

    def place(text: str, seq: array[int], row: int) -> tuple[int, int, str]:
        line, column = line_column(text, seq[row + 1])
        end = text.find("\n", seq[row + 1])
        snippet = text[text.rfind("\n", 0, seq[row + 1]) + 1 : end if end >= 0 else None]
        return line, column, snippet.strip()[:200]

    return shown, place(text_a, seq_a, first_a), place(text_b, seq_b, first_b), len(matched)


# Two articles tell one story when they share this many distinctive anchors, in any order.
MIN_STORY = 4


def same_story_pairs(sequences: Sequence[array[int] | None]) -> list[tuple[int, int]]:
    """Pairs of positions (a < b) whose texts share MIN_STORY distinctive anchors: the same
    people, dates and figures, whatever the language and wording."""
    return _pairs_sharing(sequences, MIN_STORY, distinctive)


def _pairs_sharing(
    sequences: Sequence[array[int] | None], minimum: int, kept: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Pairs of positions (a < b) sharing at least ``minimum`` distinct ``kept`` anchor
    keys, found through the reuse index's postings (never all pairs)."""
    keys: list[int] = []
    owners: list[int] = []
    for position, triples in enumerate(sequences):
        if triples is None:
            continue
        distinct = sorted({key for key in triples[0::3] if kept(key)})
        keys.extend(distinct)
        owners.extend([position] * len(distinct))
    if not keys:
        return []
    postings = key_postings(np.array(keys, dtype=np.int64), np.array(owners, dtype=np.int64))
    firsts, seconds, _counts = pair_counts(postings, minimum)
    return list(zip(firsts.tolist(), seconds.tolist(), strict=True))
