"""Text reuse across the catalog: passages and quotations shared between articles.

Each article is reduced, where its text is read (in a worker), to compact material:
- the hash of every sentence of twelve words or more (normalised), with its offsets;
- for each quotation, the hashes of its content words and word pairs, and where it stands.
The catalog-wide pass then works on those numbers, never on all pairs of articles:
- passages: articles that share at least MIN_SHARED_SENTENCES sentence hashes, joined
  into groups (a source and its copies);
- quotations: identical ones joined by the hash of their words; reworded ones through an
  inverted index of consecutive content-word pairs, in which only the rarer pairs count
  (like passim's n-gram frequency cap); candidates that share enough of them are
  confirmed by their containment over all their words, which survives the rewording that
  translation brings, and measured with rapidfuzz on the re-read texts.
Words and sentences held by more than MAX_POSTINGS articles are left out: they say nothing
about who copied whom, and they would make the work quadratic.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from provenance.evidence.model import Evidence
from provenance.findings import Location
from provenance.models import Article, date_bounds
from provenance.pickling import as_constructor_call
from provenance.results import PassageCopy, SharedPassage

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 12
# Two articles share a passage when they share this many long sentences word for word, and
# that many make up this share of the shorter one's long sentences (two popular quotations
# in two unrelated articles are not a republication).
MIN_SHARED_SENTENCES = 2
MIN_SHARED_FRACTION = 0.3
MIN_QUOTE_WORDS = 6
MIN_SHARED_WORDS = 4
MIN_SHARED_PAIRS = 2
MIN_CONTAINMENT = 0.5
MIN_SIMILARITY = 50
MAX_POSTINGS = 50
SNIPPET = 200

STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "has have had do does did not no that this these those it its they them their there here "
    "he she his her we our you your i me my which who whom what when where why how than then "
    "so such can could would should will shall may might must also very more most some any "
    "all each other into over under about after before between during through against".split()
)


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def content_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.casefold()) if len(w) > 3 and w not in STOPWORDS]


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quotation reduced to what the index needs. Its wording is kept (a few hundred bytes)
    because a popular quotation is compared in thousands of articles: re-reading each of
    their files to get it back cost more than the rest of the index."""

    text: str
    line: int
    column: int
    speaker: str | None
    given_to: str | None
    # Hashes as the bytes of int64 arrays: one object each to send back from a worker.
    words: bytes  # sorted, distinct content-word hashes
    pairs: bytes  # sorted, distinct hashes of consecutive content-word pairs
    exact: int  # hash of all its words, normalised: identical quotations share it

    def __reduce__(self) -> tuple[type[QuoteRef], tuple[object, ...]]:  # see pickling.py
        return as_constructor_call(self)


@dataclass(frozen=True, slots=True)
class ReuseMaterial:
    """One article's share of the reuse index."""

    sentences: array[int]  # flattened (hash, start, end) triples
    quotations: tuple[QuoteRef, ...]

    def __reduce__(self) -> tuple[type[ReuseMaterial], tuple[object, ...]]:  # see pickling.py
        return as_constructor_call(self)


def reuse_material(text: str, evidence: Evidence | None) -> ReuseMaterial:
    """The compact material of one article (computed where its text is read)."""
    sentences = array("q")
    seen: set[int] = set()
    folded = text.casefold()
    # Casefolding goes character by character and never shortens one, so when the lengths
    # agree every offset does, and the sentences are read from the folded text at once.
    source = folded if len(folded) == len(text) else None
    for match in SENTENCE.finditer(text):
        if source is not None:
            words = WORD.findall(source, match.start(), match.end())
        else:
            words = WORD.findall(match.group().casefold())
        if len(words) >= MIN_SENTENCE_WORDS:
            key = _hash(" ".join(words))
            if key not in seen:
                seen.add(key)
                sentences.extend((key, match.start(), match.end()))
    quotations = []
    for quotation in evidence.quotations if evidence else ():
        span = quotation.span
        content = content_words(span.text)
        hashes = {_hash(word) for word in content}
        if len(hashes) >= MIN_SHARED_WORDS and len(span.text.split()) >= MIN_QUOTE_WORDS:
            pairs = {_hash(f"{a} {b}") for a, b in pairwise(content)}
            quotations.append(
                QuoteRef(
                    text=span.text,
                    line=span.line,
                    column=span.column,
                    speaker=quotation.speaker,
                    given_to=quotation.given_to,
                    words=array("q", sorted(hashes)).tobytes(),
                    pairs=array("q", sorted(pairs)).tobytes(),
                    exact=_hash(" ".join(WORD.findall(span.text.casefold()))),
                )
            )
    return ReuseMaterial(sentences=sentences, quotations=tuple(quotations))


TextOf = Callable[[int], str | None]


@dataclass(frozen=True)
class ReuseInput:
    """What the catalog-wide pass is given: the articles, how their files are shown, their
    material, and a way to re-read one text (only the few that match are read again)."""

    articles: Sequence[Article]
    files: Sequence[str]
    materials: Sequence[ReuseMaterial | None]
    text_of: TextOf


def likely_source(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    """Which copy the others most likely came from, and why (None when it can't be told)."""
    originals = [a for a in articles if not a.chain]
    if len(originals) == 1:
        return originals[0].id, "the only copy declared an original"
    known = []
    for article in articles:
        dated = [hop.date_published for hop in article.hops if hop.date_published]
        if not dated:
            continue
        try:
            known.append((date_bounds(dated[-1])[0].toordinal(), dated[-1], article.id))
        except ValueError:
            continue  # not on the calendar ('2024-02-30'): validation reports it (C009)
    known.sort()
    if known and (len(known) == 1 or known[0][0] < known[1][0]):
        return known[0][2], f"the earliest dated copy ({known[0][1]})"
    return None, None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 3] + "..."


class _Texts:
    """Re-read texts, the most recent ones kept (a large catalog cannot hold them all)."""

    KEPT = 256

    def __init__(self, text_of: TextOf) -> None:
        self.text_of = text_of
        self.cache: OrderedDict[int, str | None] = OrderedDict()

    def __call__(self, index: int) -> str:
        if index in self.cache:
            self.cache.move_to_end(index)
        else:
            self.cache[index] = self.text_of(index)
            if len(self.cache) > self.KEPT:
                self.cache.popitem(last=False)
        return self.cache[index] or ""


class _Groups:
    """Union-find over quotation numbers."""

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

    def groups(self) -> Iterator[list[int]]:
        grouped: dict[int, list[int]] = defaultdict(list)
        for item in sorted(self.parent):
            grouped[self.find(item)].append(item)
        yield from (members for members in grouped.values() if len(members) > 1)


class _PairCounter:
    """How many keys each pair of holders shares, counted in a flat array of pair codes
    (eight bytes a pair, where a dictionary of tuples costs over a hundred)."""

    def __init__(self, size: int) -> None:
        self.size = max(size, 1)
        self.codes = array("q")

    def add(self, holders: list[int]) -> None:
        size = self.size
        self.codes.extend(a * size + b for a, b in combinations(holders, 2))

    def counts(self, minimum: int) -> dict[tuple[int, int], int]:
        import numpy as np

        if not self.codes:
            return {}
        codes, counts = np.unique(np.frombuffer(self.codes, dtype=np.int64), return_counts=True)
        kept = counts >= minimum
        return {
            (code // self.size, code % self.size): count
            for code, count in zip(codes[kept].tolist(), counts[kept].tolist(), strict=True)
        }


def _postings(keys: array[int], owners: array[int]) -> Iterator[tuple[int, list[int]]]:
    """Each key held by 2 to MAX_POSTINGS owners, with its owners in order: a sort in numpy
    rather than a dictionary of lists, which would cost a hundred bytes an entry."""
    import numpy as np

    if not keys:
        return
    key_array = np.frombuffer(keys, dtype=np.int64)
    owner_array = np.frombuffer(owners, dtype=np.int64)
    order = np.lexsort((owner_array, key_array))
    sorted_keys, sorted_owners = key_array[order], owner_array[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(sorted_keys)])
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        if 1 < size <= MAX_POSTINGS:
            yield int(sorted_keys[start]), sorted_owners[start : start + size].tolist()


def shared_passages(given: ReuseInput, texts: _Texts) -> list[SharedPassage]:
    """One group per set of articles joined by identical sentences (a source and its copies),
    each copy shown at the first sentence it shares."""
    keys = array("q")
    owners = array("q")
    for index, material in enumerate(given.materials):
        if material is not None:
            keys.extend(material.sentences[0::3])
            owners.extend([index] * (len(material.sentences) // 3))
    shared_keys: set[int] = set()
    pairs = _PairCounter(len(given.materials))
    for key, places in _postings(keys, owners):
        shared_keys.add(key)
        pairs.add(places)
    pair_counts = pairs.counts(MIN_SHARED_SENTENCES)

    def sentence_count(index: int) -> int:
        material = given.materials[index]
        return len(material.sentences) // 3 if material else 0

    joined = {
        pair: count
        for pair, count in pair_counts.items()
        if count >= MIN_SHARED_SENTENCES
        and count >= MIN_SHARED_FRACTION * min(sentence_count(pair[0]), sentence_count(pair[1]))
    }
    groups = _Groups()
    for a, b in joined:
        groups.union(a, b)
    sentences: dict[int, int] = defaultdict(int)
    for (a, _b), count in joined.items():
        sentences[groups.find(a)] += count
    results = []
    for members in groups.groups():
        copies = []
        for index in members:
            material = given.materials[index]
            assert material is not None
            triples = material.sentences
            first = min(
                (triples[p + 1], triples[p + 2])
                for p in range(0, len(triples), 3)
                if triples[p] in shared_keys
            )
            text = texts(index)
            line, column = _line_col(text, first[0])
            passage = text[first[0] : first[1]].strip()
            copies.append(
                PassageCopy(
                    article=given.articles[index].id,
                    location=Location(
                        file=given.files[index], line=line, column=column, snippet=_snippet(passage)
                    ),
                    text=passage,
                )
            )
        source, reason = likely_source([given.articles[index] for index in members])
        identical = f"{sentences[groups.find(members[0])]} identical sentence(s) between them"
        results.append(
            SharedPassage(
                kind="passage",
                copies=tuple(copies),
                similarity=100.0,
                likely_source=source,
                reason=f"{identical}; source: {reason}" if source else identical,
            )
        )
    return results


def _containment(a: bytes, b: bytes) -> float:
    shared = len(set(array("q", a)) & set(array("q", b)))
    return shared / (min(len(a), len(b)) // 8) if shared >= MIN_SHARED_WORDS else 0.0


def _candidate_pairs(quotes: list[tuple[int, QuoteRef]]) -> dict[tuple[int, int], int]:
    """Pairs of quotations (by number) from different articles sharing rare pairs of
    consecutive content words (far rarer than single words, so even common vocabulary stays
    under the postings cap), with how many they share."""
    keys = array("q")
    numbers = array("q")
    for number, (_index, quote) in enumerate(quotes):
        keys.frombytes(quote.pairs)
        numbers.extend([number] * (len(quote.pairs) // 8))
    pairs = _PairCounter(len(quotes))
    for _key, holders in _postings(keys, numbers):
        pairs.add(holders)
    return {
        (a, b): count
        for (a, b), count in pairs.counts(MIN_SHARED_PAIRS).items()
        if quotes[a][0] != quotes[b][0]
    }


def shared_quotations(given: ReuseInput) -> list[SharedPassage]:
    from rapidfuzz import fuzz

    quotes = [
        (index, quote)
        for index, material in enumerate(given.materials)
        if material is not None
        for quote in material.quotations
    ]
    groups = _Groups()
    scores: dict[tuple[int, int], float] = {}

    def words_of(number: int) -> str:
        return quotes[number][1].text

    # Identical quotations join without the postings cap: a statement repeated by hundreds
    # of articles is one group, found in linear time.
    first_with: dict[int, int] = {}
    for number, (_index, quote) in enumerate(quotes):
        other = first_with.setdefault(quote.exact, number)
        if other != number and quotes[other][0] != quotes[number][0]:
            groups.union(other, number)
            scores[(other, number)] = 100.0
    for (a, b), _count in sorted(_candidate_pairs(quotes).items()):
        if _containment(quotes[a][1].words, quotes[b][1].words) < MIN_CONTAINMENT:
            continue
        score = float(fuzz.token_set_ratio(words_of(a), words_of(b)))
        if score >= MIN_SIMILARITY:
            groups.union(a, b)
            scores[(a, b)] = score
    group_scores: dict[int, list[float]] = defaultdict(list)
    for (a, _b), score in scores.items():
        group_scores[groups.find(a)].append(score)
    results = []
    for members in groups.groups():
        by_article: dict[int, int] = {}
        for number in members:
            by_article.setdefault(quotes[number][0], number)
        if len(by_article) < 2:
            continue
        copies = []
        for index, number in sorted(by_article.items()):
            quote = quotes[number][1]
            wording = words_of(number)
            copies.append(
                PassageCopy(
                    article=given.articles[index].id,
                    location=Location(
                        file=given.files[index],
                        line=quote.line,
                        column=quote.column,
                        snippet=_snippet(wording),
                    ),
                    text=wording,
                    speaker=quote.speaker,
                    given_to=quote.given_to,
                )
            )
        found = group_scores[groups.find(members[0])]
        source, reason = likely_source([given.articles[index] for index in sorted(by_article)])
        results.append(
            SharedPassage(
                kind="quotation",
                copies=tuple(copies),
                similarity=round(min(found), 1) if found else 0.0,
                likely_source=source,
                reason=reason,
            )
        )
    return results


def find_reuse(given: ReuseInput) -> list[SharedPassage]:
    """Every shared passage and quotation, in a deterministic order."""
    texts = _Texts(given.text_of)
    found = shared_passages(given, texts) + shared_quotations(given)
    return sorted(found, key=lambda s: (s.kind, [c.article for c in s.copies], s.copies[0].text))
