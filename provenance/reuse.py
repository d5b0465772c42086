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
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from provenance.evidence.model import Evidence
from provenance.findings import Location
from provenance.models import Article, date_bounds
from provenance.records import record
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
# Two reworded quotations are one when they share at least this many content words (words
# of four letters or more, stopwords aside): fewer make a phrase, not a statement.
MIN_MEANINGFUL_WORDS = 6
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


@record
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


@record
class ReuseMaterial:
    """One article's share of the reuse index."""

    sentences: array[int]  # flattened (hash, start, end) triples
    quotations: tuple[QuoteRef, ...]


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
# Numbers (articles, quotations, hashes, offsets) as int64 arrays.
Ints = npt.NDArray[np.int64]
_NONE: Ints = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class ReuseInput:
    """What the catalog-wide pass is given: the articles, how their files are shown, their
    material, and a way to re-read one text (only the few that match are read again)."""

    articles: Sequence[Article]
    files: Sequence[str]
    materials: Sequence[ReuseMaterial | None]
    text_of: TextOf


# A day number (date.toordinal) for an article none of whose hops has a date on the calendar.
UNDATED = -1
_NOT_YET = -2


# How sure a likely source is: declared and dated no later than the others; the earliest
# dated to the day among copies all dated; the earliest while some copy is undated or
# dated only to the month (it may be the earlier one).
HIGH, MEDIUM, LOW = "high", "medium", "low"


def likely_source(
    articles: Sequence[Article], day_of: Callable[[int], int] | None = None
) -> tuple[str | None, str | None, str | None]:
    """Which copy the others most likely came from, why, and how sure (all None when it
    can't be told). Never a copy dated later than another: it cannot be their source.
    ``day_of(i)`` is day_number(articles[i]), from a caller that keeps them."""
    days = [day_of(i) if day_of else day_number(a) for i, a in enumerate(articles)]
    dated = [day for day in days if day != UNDATED]
    first_day = min(dated) if dated else UNDATED
    originals = [i for i, a in enumerate(articles) if not a.chain]
    if len(originals) == 1:
        day = days[originals[0]]
        if day == UNDATED or day <= first_day:
            sure = HIGH if day != UNDATED else MEDIUM
            return articles[originals[0]].id, "the only copy declared an original", sure
    # The one copy dated earlier than every other, in one pass (groups have thousands).
    earliest = [i for i, day in enumerate(days) if day == first_day and day != UNDATED]
    if len(earliest) != 1:
        return None, None, None  # none dated, or two of the same day: no telling
    article = articles[earliest[0]]
    last = _last_date(article) or ""
    partial = len(last) < len("2024-05-01")
    sure = LOW if partial or len(dated) < len(articles) else MEDIUM
    return article.id, f"the earliest dated copy ({last})", sure


def _last_date(article: Article) -> str | None:
    dates = [hop.date_published for hop in article.hops if hop.date_published]
    return dates[-1] if dates else None


def day_number(article: Article) -> int:
    """The first day its last dated hop can mean, or UNDATED."""
    last = _last_date(article)
    try:
        return date_bounds(last)[0].toordinal() if last else UNDATED
    except ValueError:
        return UNDATED  # not on the calendar ('2024-02-30'): validation reports it (C009)


class _Days:
    """Each article's day number, worked out the first time a group asks for it: an article
    stands in a group for every passage and quotation it shares, and parsing its dates anew
    for each cost a third of the quotations' time."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self.known = array("q", [_NOT_YET]) * len(articles)

    def __call__(self, index: int) -> int:
        day = self.known[index]
        if day == _NOT_YET:
            day = self.known[index] = day_number(self.articles[index])
        return day

    def likely_source(self, indices: Sequence[int]) -> tuple[str | None, str | None, str | None]:
        return likely_source([self.articles[i] for i in indices], lambda i: self(indices[i]))


def line_column(text: str, offset: int) -> tuple[int, int]:
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


@dataclass(frozen=True, slots=True)
class Postings:
    """The owners of every key, sorted by (key, owner), and the runs of the keys held by 2
    to MAX_POSTINGS owners (the only ones that count)."""

    order: Ints  # sorted position -> position in the arrays given
    owners: Ints  # in sorted order
    starts: Ints  # where each counted key's run of owners starts
    sizes: Ints  # and how many owners it has
    counted: npt.NDArray[np.bool_]  # in sorted order: whether the posting's key counts


def _runs(values: Ints) -> tuple[Ints, Ints]:
    """Where each run of equal values starts in ``values`` (sorted), and how long it is."""
    if not len(values):
        return _NONE, _NONE
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return starts, np.diff(np.r_[starts, len(values)])


def key_postings(keys: Ints, owners: Ints) -> Postings:
    """A sort in numpy rather than a dictionary of lists, which would cost a hundred bytes an
    entry. ``owners`` come in ascending order, so a stable sort of the keys alone puts each
    key's owners in order."""
    order = np.argsort(keys, kind="stable")
    starts, sizes = _runs(keys[order])
    kept = (sizes > 1) & (sizes <= MAX_POSTINGS)
    return Postings(order, owners[order], starts[kept], sizes[kept], np.repeat(kept, sizes))


def pair_counts(postings: Postings, minimum: int) -> tuple[Ints, Ints, Ints]:
    """Each pair of owners (a < b) holding at least ``minimum`` (2 or more) counted keys
    together, with how many, in (a, b) order: the pairs of all runs as codes a * width + b,
    counted by one sort (a loop over the runs in Python took longer than the rest of the
    index)."""
    if minimum < 2:
        raise ValueError("pairs are counted by their repeats: the minimum is 2 or more")
    width = int(postings.owners.max()) + 1 if len(postings.owners) else 1
    codes = _pair_codes(postings, width)
    codes.sort()
    # Only the repeats: most pairs share a single key, and arrays of run starts and lengths
    # over all of them were three times the size of the codes.
    repeats = codes[1:][codes[1:] == codes[:-1]]
    del codes
    starts, extra = _runs(repeats)
    kept = extra + 1 >= minimum
    unique = repeats[starts[kept]]
    return unique // width, unique % width, extra[kept] + 1


# Pairs made at once, at most: bounds the temporary index arrays to a few megabytes.
_PAIRS_AT_ONCE = 1 << 18


def _pair_codes(postings: Postings, width: int) -> Ints:
    """The code of every pair of owners of every run, written into one array: a run of n
    owners gives n(n-1)/2 pairs, and the runs of one length make theirs together."""
    owners, starts, sizes = postings.owners, postings.starts, postings.sizes
    codes = np.empty(int((sizes * (sizes - 1) // 2).sum()), dtype=np.int64)
    filled = 0
    for size in np.unique(sizes).tolist():
        left, right = np.triu_indices(size, 1)
        runs = starts[sizes == size]
        step = max(1, _PAIRS_AT_ONCE // len(left))
        for batch in range(0, len(runs), step):
            firsts = runs[batch : batch + step, None]
            out = codes[filled : filled + len(firsts) * len(left)].reshape(len(firsts), -1)
            np.multiply(owners[firsts + left], width, out=out)
            out += owners[firsts + right]
            filled += out.size
    return codes


@dataclass(frozen=True, slots=True)
class _Joined:
    """Numbers joined through pairs: each group's members sorted, the groups in the order of
    their smallest member, and which group each pair given fell in."""

    members: list[list[int]]
    group_of_pair: Ints


def _join(a: Ints, b: Ints) -> _Joined:
    """The connected groups of the pairs (a[i], b[i]), in numpy: each number points to the
    smallest it is known to be joined with, pairs pull their two ends to the smaller, and
    pointers are followed to their end, until every pair has its ends on one number: the
    smallest of their group."""
    numbers = np.unique(np.concatenate((a, b)))
    left, right = np.searchsorted(numbers, a), np.searchsorted(numbers, b)
    label = np.arange(len(numbers))
    while True:
        left_label, right_label = label[left], label[right]
        if np.array_equal(left_label, right_label):
            break
        smaller = np.minimum(left_label, right_label)
        np.minimum.at(label, left_label, smaller)
        np.minimum.at(label, right_label, smaller)
        while True:
            followed = label[label]
            if np.array_equal(followed, label):
                break
            label = followed
    order = np.argsort(label, kind="stable")  # by group, members in ascending order
    starts, sizes = _runs(label[order])
    group_of = np.empty(len(numbers), dtype=np.int64)
    group_of[order] = np.repeat(np.arange(len(starts)), sizes)
    sorted_numbers = numbers[order].tolist()
    bounds = [*starts.tolist(), len(numbers)]
    members = [sorted_numbers[start:end] for start, end in pairwise(bounds)]
    return _Joined(members, group_of[left])


def _sentences(materials: Sequence[ReuseMaterial | None]) -> tuple[Ints, Ints, Ints]:
    """Every article's (hash, start, end) triples as rows, the article of each row, and how
    many rows each article has."""
    flat = array("q")
    counts = array("q")
    for material in materials:
        if material is None:
            counts.append(0)
        else:
            flat.extend(material.sentences)
            counts.append(len(material.sentences) // 3)
    per_article = np.frombuffer(counts, dtype=np.int64)
    owners = np.repeat(np.arange(len(materials), dtype=np.int64), per_article)
    return np.frombuffer(flat, dtype=np.int64).reshape(-1, 3), owners, per_article


def _first_counted(
    triples: Ints, owners: Ints, postings: Postings, articles: int
) -> tuple[Ints, Ints]:
    """Where each article's first counted sentence starts and ends (-1 for none): the least
    (start, end) of its sentences whose hash counts."""
    counted = np.zeros(len(owners), dtype=np.bool_)
    counted[postings.order[postings.counted]] = True
    rows = np.flatnonzero(counted)  # each article's rows together, as they were given
    starts, ends = triples[rows, 1], triples[rows, 2]
    # (start, end) as one number that orders the same, so that a minimum per article finds
    # it without a sort.
    span = int(ends.max()) + 1 if len(ends) else 1
    firsts, _sizes = _runs(owners[rows])
    least = np.minimum.reduceat(starts * span + ends, firsts) if len(firsts) else _NONE
    first_start = np.full(articles, -1, dtype=np.int64)
    first_end = np.full(articles, -1, dtype=np.int64)
    first_start[owners[rows[firsts]]] = least // span
    first_end[owners[rows[firsts]]] = least % span
    return first_start, first_end


def shared_passages(given: ReuseInput, texts: _Texts, days: _Days) -> list[SharedPassage]:
    """One group per set of articles joined by identical sentences (a source and its copies),
    each copy shown at the first sentence it shares."""
    triples, owners, sentence_counts = _sentences(given.materials)
    postings = key_postings(triples[:, 0], owners)
    a, b, shared = pair_counts(postings, MIN_SHARED_SENTENCES)
    # The same product in float64 as in Python: the threshold is met exactly as it was.
    enough = shared >= MIN_SHARED_FRACTION * np.minimum(sentence_counts[a], sentence_counts[b])
    a, b, shared = a[enough], b[enough], shared[enough]
    joined = _join(a, b)
    sentences = np.zeros(len(joined.members), dtype=np.int64)
    np.add.at(sentences, joined.group_of_pair, shared)
    first_start, first_end = _first_counted(triples, owners, postings, len(given.materials))
    results = []
    for members, identical_count in zip(joined.members, sentences.tolist(), strict=True):
        copies = []
        for index in members:
            start, end = int(first_start[index]), int(first_end[index])
            text = texts(index)
            line, column = line_column(text, start)
            passage = text[start:end].strip()
            copies.append(
                PassageCopy(
                    article=given.articles[index].id,
                    location=Location(
                        file=given.files[index], line=line, column=column, snippet=_snippet(passage)
                    ),
                    text=passage,
                )
            )
        source, reason, sure = days.likely_source(members)
        identical = f"{identical_count} identical sentence(s) between them"
        results.append(
            SharedPassage(
                kind="passage",
                copies=tuple(copies),
                similarity=100.0,
                likely_source=source,
                reason=f"{identical}; source: {reason}" if source else identical,
                confidence=sure,
            )
        )
    return results


def _shared_words(a: bytes, b: bytes) -> int:
    return len(set(array("q", a)) & set(array("q", b)))


def _containment(a: bytes, b: bytes) -> float:
    shared = _shared_words(a, b)
    return shared / (min(len(a), len(b)) // 8) if shared >= MIN_SHARED_WORDS else 0.0


def _quotations(materials: Sequence[ReuseMaterial | None]) -> tuple[list[QuoteRef], Ints]:
    """Every quotation, numbered in catalog order, and the article of each."""
    quotes: list[QuoteRef] = []
    counts = array("q")
    for material in materials:
        found = material.quotations if material is not None else ()
        quotes.extend(found)
        counts.append(len(found))
    per_article = np.frombuffer(counts, dtype=np.int64)
    return quotes, np.repeat(np.arange(len(materials), dtype=np.int64), per_article)


def _identical_pairs(quotes: list[QuoteRef], article: Ints) -> tuple[Ints, Ints]:
    """Each quotation paired with the first one of identical words, when that is in another
    article: without the postings cap, a statement repeated by hundreds of articles is one
    group, found in linear time."""
    exact = np.fromiter((quote.exact for quote in quotes), dtype=np.int64, count=len(quotes))
    order = np.argsort(exact, kind="stable")  # the first with each hash leads its run
    starts, sizes = _runs(exact[order])
    first = np.repeat(order[starts], sizes)
    apart = (first != order) & (article[first] != article[order])
    return first[apart], order[apart]


def _candidate_pairs(quotes: list[QuoteRef], article: Ints) -> tuple[Ints, Ints]:
    """Pairs of quotations (by number, in order) from different articles sharing rare pairs
    of consecutive content words (far rarer than single words, so even common vocabulary
    stays under the postings cap)."""
    keys = np.frombuffer(b"".join(quote.pairs for quote in quotes), dtype=np.int64)
    sizes = np.fromiter((len(quote.pairs) // 8 for quote in quotes), np.int64, len(quotes))
    numbers = np.repeat(np.arange(len(quotes), dtype=np.int64), sizes)
    a, b, _counts = pair_counts(key_postings(keys, numbers), MIN_SHARED_PAIRS)
    apart = article[a] != article[b]
    return a[apart], b[apart]


def _reworded_pairs(
    quotes: list[QuoteRef], a: Ints, b: Ints
) -> tuple[Ints, Ints, npt.NDArray[np.float64]]:
    """The candidate pairs confirmed by containment and similarity, with their similarity."""
    from rapidfuzz import fuzz

    kept_a, kept_b, scores = array("q"), array("q"), array("d")
    for first, second in zip(a.tolist(), b.tolist(), strict=True):
        one, other = quotes[first], quotes[second]
        if _containment(one.words, other.words) < MIN_CONTAINMENT:
            continue
        if _shared_words(one.words, other.words) < MIN_MEANINGFUL_WORDS:
            continue  # a few words in common are a phrase, not a quotation
        if fuzz.token_set_ratio(one.text, other.text) >= MIN_SIMILARITY:
            kept_a.append(first)
            kept_b.append(second)
            # Shown as token_sort_ratio, which weighs what one wording has and the other
            # lacks: a fragment inside a long quotation is not 'similarity 100'.
            scores.append(float(fuzz.token_sort_ratio(one.text, other.text)))
    return (
        np.frombuffer(kept_a, dtype=np.int64),
        np.frombuffer(kept_b, dtype=np.int64),
        np.frombuffer(scores, dtype=np.float64),
    )


def shared_quotations(given: ReuseInput, days: _Days) -> list[SharedPassage]:
    quotes, article = _quotations(given.materials)
    same_a, same_b = _identical_pairs(quotes, article)
    near_a, near_b, near_scores = _reworded_pairs(quotes, *_candidate_pairs(quotes, article))
    joined = _join(np.concatenate((same_a, near_a)), np.concatenate((same_b, near_b)))
    # The lowest similarity of each group: identical pairs count 100, which no score exceeds.
    lowest = np.full(len(joined.members), np.inf)
    scores = np.concatenate((np.full(len(same_a), 100.0), near_scores))
    np.minimum.at(lowest, joined.group_of_pair, scores)
    article_of = article.tolist()
    results = []
    for members, similarity in zip(joined.members, lowest.tolist(), strict=True):
        by_article: dict[int, int] = {}
        for number in members:
            by_article.setdefault(article_of[number], number)
        if len(by_article) < 2:
            continue
        chosen = sorted(by_article.items())
        source, reason, sure = days.likely_source([index for index, _number in chosen])
        copies = _quotation_copies(given, quotes, chosen)
        credited = next((c for c in copies if c.article == source and c.given_to), None)
        if credited is not None and credited.given_to is not None:
            # The copy that would be the source says it was given to another outlet: that
            # outlet is the source, whether the catalog holds it or not.
            source, sure = None, None
            reason = f"{credited.article} says it was given to {credited.given_to}"
        results.append(
            SharedPassage(
                kind="quotation",
                copies=copies,
                similarity=round(similarity, 1),
                likely_source=source,
                reason=reason,
                confidence=sure,
                credited_to=credited.given_to if credited is not None else None,
            )
        )
    return results


def _quotation_copies(
    given: ReuseInput, quotes: list[QuoteRef], chosen: list[tuple[int, int]]
) -> tuple[PassageCopy, ...]:
    """The copies of one group: each (article, quotation number) chosen, as shown."""
    # Most groups are one statement repeated word for word: its snippet is made once.
    snippets: dict[str, str] = {}
    copies = []
    for index, number in chosen:
        quote = quotes[number]
        snippet = snippets.get(quote.text)
        if snippet is None:
            snippet = snippets[quote.text] = _snippet(quote.text)
        # Positional arguments: keywords double the cost of building a copy, and a popular
        # quotation has thousands.
        place = Location(given.files[index], quote.line, quote.column, None, snippet)
        copies.append(
            PassageCopy(given.articles[index].id, place, quote.text, quote.speaker, quote.given_to)
        )
    return tuple(copies)


def find_passages(given: ReuseInput) -> list[SharedPassage]:
    """The passages shared word for word (re-reading the texts of their copies)."""
    return shared_passages(given, _Texts(given.text_of), _Days(given.articles))


def find_quotations(given: ReuseInput) -> list[SharedPassage]:
    """The quotations shared, word for word or reworded."""
    return shared_quotations(given, _Days(given.articles))


def in_order(found: Iterable[SharedPassage]) -> list[SharedPassage]:
    """Shared passages and quotations in the order every report shows them."""
    return sorted(found, key=lambda s: (s.kind, [c.article for c in s.copies], s.copies[0].text))


def find_reuse(given: ReuseInput) -> list[SharedPassage]:
    """Every shared passage and quotation, in a deterministic order."""
    return in_order(find_passages(given) + find_quotations(given))
