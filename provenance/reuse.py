"""Text reuse across the catalog: passages and quotations shared between articles.

Two indexes, both near-linear in the size of the catalog (never all pairs):
- passages: every sentence of twelve words or more, normalised and hashed; articles that
  share a sentence hash share a passage (republication, excerpting).
- quotations: each quotation's rarer content words in an inverted index; candidates
  sharing enough of them are confirmed with a fuzzy containment score, which survives the
  rewording that translation brings.
Words shared by too many documents are dropped from the index (like passim's n-gram
frequency cap), which bounds the work per document.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from provenance.evidence.model import Evidence, Span
from provenance.findings import Location
from provenance.models import Article, date_bounds
from provenance.results import PassageCopy, SharedPassage

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 12
MIN_QUOTE_WORDS = 6
MIN_SHARED_WORDS = 4
MIN_CONTAINMENT = 0.5
# A key held by more documents than this says nothing about who copied whom.
MAX_POSTINGS = 50

STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "has have had do does did not no that this these those it its they them their there here "
    "he she his her we our you your i me my which who whom what when where why how than then "
    "so such can could would should will shall may might must also very more most some any "
    "all each other into over under about after before between during through against".split()
)


@dataclass(frozen=True)
class Document:
    """What the reuse index needs of one article."""

    article: Article
    file: str
    text: str
    evidence: Evidence | None


def _content_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.casefold()) if len(w) > 3 and w not in STOPWORDS]


def _location(document: Document, span: Span) -> Location:
    snippet = span.text if len(span.text) <= 200 else span.text[:197] + "..."
    return Location(file=document.file, line=span.line, column=span.column, snippet=snippet)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _sentence_keys(text: str) -> dict[int, tuple[int, int]]:
    """Hash of each long normalised sentence -> its first (start, end) offsets."""
    keys: dict[int, tuple[int, int]] = {}
    for match in SENTENCE.finditer(text):
        words = WORD.findall(match.group().casefold())
        if len(words) >= MIN_SENTENCE_WORDS:
            key = zlib.crc32(" ".join(words).encode("utf-8"))
            keys.setdefault(key, (match.start(), match.end()))
    return keys


class _Groups:
    """Union-find over document indexes."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def members(self) -> list[list[int]]:
        grouped: dict[int, list[int]] = defaultdict(list)
        for item in sorted(self.parent):
            grouped[self.find(item)].append(item)
        return [members for members in grouped.values() if len(members) > 1]


def likely_source(documents: Sequence[Document]) -> tuple[str | None, str | None]:
    """Which copy the others most likely came from, and why (None when it can't be told)."""

    def earliest(document: Document) -> tuple[int, str] | None:
        dated = [hop.date_published for hop in document.article.hops if hop.date_published]
        if not dated:
            return None
        try:
            return date_bounds(dated[-1])[0].toordinal(), dated[-1]
        except ValueError:
            return None  # not on the calendar ('2024-02-30'): validation reports it (C009)

    originals = [d for d in documents if not d.article.chain]
    if len(originals) == 1:
        return originals[0].article.id, "the only copy declared an original"
    dates = [(earliest(d), d) for d in documents]
    known = sorted((stamp, d.article.id) for stamp, d in dates if stamp is not None)
    if known and (len(known) == 1 or known[0][0][0] < known[1][0][0]):
        return known[0][1], f"the earliest dated copy ({known[0][0][1]})"
    return None, None


def shared_passages(documents: Sequence[Document]) -> list[SharedPassage]:
    postings: dict[int, list[int]] = defaultdict(list)
    spans: list[dict[int, tuple[int, int]]] = []
    for index, document in enumerate(documents):
        keys = _sentence_keys(document.text)
        spans.append(keys)
        for key in keys:
            postings[key].append(index)
    pair_keys: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for key, holders in postings.items():
        if 1 < len(holders) <= MAX_POSTINGS:
            pair_keys[tuple(holders)].append(key)
    results = []
    for group, shared_keys in sorted(pair_keys.items()):
        first_key = min(shared_keys, key=lambda k: spans[group[0]][k][0])
        copies = []
        for holder in group:
            document = documents[holder]
            start, end = spans[holder][first_key]
            line, column = _line_col(document.text, start)
            copies.append(
                PassageCopy(
                    article=document.article.id,
                    location=Location(
                        file=document.file,
                        line=line,
                        column=column,
                        snippet=document.text[start:end].strip()[:200],
                    ),
                    text=document.text[start:end].strip(),
                )
            )
        source, reason = likely_source([documents[h] for h in group])
        results.append(
            SharedPassage(
                kind="passage",
                copies=tuple(copies),
                similarity=100.0,
                likely_source=source,
                reason=f"{len(shared_keys)} identical sentence(s); source: {reason}"
                if source
                else f"{len(shared_keys)} identical sentence(s)",
            )
        )
    return results


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def shared_quotations(documents: Sequence[Document]) -> list[SharedPassage]:
    from rapidfuzz import fuzz

    quotes: list[tuple[int, int, set[str]]] = []  # (document, quotation index, words)
    for index, document in enumerate(documents):
        if document.evidence is None:
            continue
        for q_index, quotation in enumerate(document.evidence.quotations):
            words = set(_content_words(quotation.span.text))
            if (
                len(words) >= MIN_SHARED_WORDS
                and len(quotation.span.text.split()) >= MIN_QUOTE_WORDS
            ):
                quotes.append((index, q_index, words))
    frequency: Counter[str] = Counter()
    for _doc, _q, words in quotes:
        frequency.update(words)
    postings: dict[str, list[int]] = defaultdict(list)
    for quote_id, (_doc, _q, words) in enumerate(quotes):
        for word in words:
            if frequency[word] <= MAX_POSTINGS:
                postings[word].append(quote_id)
    groups = _Groups()
    best: dict[tuple[int, int], float] = {}
    for quote_id, (doc, q_index, words) in enumerate(quotes):
        shared: Counter[int] = Counter()
        for word in words:
            if frequency[word] <= MAX_POSTINGS:
                shared.update(o for o in postings[word] if o > quote_id)
        for other, count in shared.items():
            other_doc, other_q, other_words = quotes[other]
            if other_doc == doc or count < MIN_SHARED_WORDS:
                continue
            if _containment(words, other_words) < MIN_CONTAINMENT:
                continue
            a = documents[doc].evidence.quotations[q_index].span.text  # type: ignore[union-attr]
            b = documents[other_doc].evidence.quotations[other_q].span.text  # type: ignore[union-attr]
            score = float(fuzz.token_set_ratio(a, b))
            if score >= 50:
                groups.union(quote_id, other)
                best[(quote_id, other)] = score
    group_scores: dict[int, list[float]] = defaultdict(list)
    for (a, _b), score in best.items():
        group_scores[groups.find(a)].append(score)
    results = []
    for members in groups.members():
        by_document: dict[int, int] = {}
        for member in members:
            by_document.setdefault(quotes[member][0], member)
        if len(by_document) < 2:
            continue
        copies = []
        for doc_index, member in sorted(by_document.items()):
            document = documents[doc_index]
            quotation = document.evidence.quotations[quotes[member][1]]  # type: ignore[union-attr]
            copies.append(
                PassageCopy(
                    article=document.article.id,
                    location=_location(document, quotation.span),
                    text=quotation.span.text,
                    speaker=quotation.speaker,
                    given_to=quotation.given_to,
                )
            )
        scores = group_scores[groups.find(members[0])]
        source, reason = likely_source([documents[d] for d in sorted(by_document)])
        results.append(
            SharedPassage(
                kind="quotation",
                copies=tuple(copies),
                similarity=round(min(scores), 1) if scores else 0.0,
                likely_source=source,
                reason=reason,
            )
        )
    return results


def find_reuse(documents: Sequence[Document]) -> list[SharedPassage]:
    """Every shared passage and quotation, in a deterministic order."""
    found = shared_passages(documents) + shared_quotations(documents)
    return sorted(found, key=lambda s: (s.kind, [c.article for c in s.copies], s.copies[0].text))
