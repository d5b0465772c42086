"""Outlet mentions, resolved against the catalog's outlet names, aliases and domains.

Exact matches are case-insensitive on names, aliases and domains (case-sensitive for keys of
three characters or fewer, so 'AP' does not match 'ap'). Near-misses — what machine
translation makes of a name ('Medusa', 'Meduzza' for 'Meduza') — are scored with rapidfuzz
on the plain text and on a transliteration skeleton (kh->h, q->k, doubled letters single,
...) and kept when the score reaches ``FUZZY_THRESHOLD``, or ``CUED_THRESHOLD`` when words
around the mention say it is an outlet ('a media outlet', 'journalist', 'newspaper').
Only capitalised words (up to three in a row) and domain-like tokens are candidates.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from provenance.evidence.dates import trie
from provenance.evidence.lexicon import COMMON, TITLES
from provenance.evidence.model import OutletMatch, OutletMention, Span
from provenance.evidence.registry import Context, extractor, per_registry
from provenance.evidence.text import DOMAIN, boundary_spans, word_patterns
from provenance.models import Outlet

FUZZY_THRESHOLD = 80.0  # a near-miss anywhere
CUED_THRESHOLD = 70.0  # a near-miss the surrounding words call an outlet
MIN_FUZZY_CHARS = 4
MAX_CANDIDATE_WORDS = 3
_CUE = re.compile(
    r"\b(?:outlet|media|newspaper|news\s+site|website|web\s+site|portal|agency|publication|"
    r"journalist|correspondent|columnist|editor|magazine|broadcaster|channel|daily|weekly|"
    r"reported|published|wrote\s+in|according\s+to|told)\b",
    re.IGNORECASE,
)
_CUE_WINDOW = 40
_SKELETON_RULES = (
    ("sh", "\x01"),
    ("dzh", "j"),
    ("kh", "h"),
    ("zh", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("x", "ks"),
    ("c", "k"),
)
_DOUBLE = re.compile(r"(.)\1+")
_NON_WORD = re.compile(r"[^\w./-]+")


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Case-, accent- and spacing-insensitive form: 'The  Guardian ' -> 'guardian'."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.replace("’", "'").split()).strip(" .,;:'\"“”«»()")
    if folded.endswith("'s"):
        folded = folded[:-2]  # "Deutsche Welle's" is Deutsche Welle
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.startswith("www."):
        folded = folded[4:]
    return folded


@lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """A rough sound of a transliterated name: 'Khabarov' -> 'habarov', 'Qasimov' -> 'kasimov'."""
    text = _NON_WORD.sub(" ", normalise(name))
    text = text.replace("tch", "ch").replace("ch", "\x00")  # keep 'ch' while 'c' becomes 'k'
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text.replace("\x00", "ch").replace("\x01", "sh"))


@dataclass(frozen=True)
class _Key:
    outlet: str
    matched: str  # as the catalog writes it


@dataclass(frozen=True, eq=False)  # hashed by identity: it is built once per registry
class _Index:
    exact: dict[str, _Key]  # normalised key -> outlet
    short: dict[str, _Key]  # case-sensitive keys of <= 3 characters
    fuzzy_keys: tuple[str, ...]  # skeletons
    fuzzy_plain: tuple[str, ...]  # normalised, parallel to fuzzy_keys
    fuzzy_owner: tuple[_Key, ...]
    pattern: re.Pattern[str] | None
    short_pattern: re.Pattern[str] | None
    sizes: frozenset[int] = frozenset()  # word counts of the fuzzy keys
    # ``pattern`` opened by the character before a key (see text.word_patterns), when every
    # key ends on a boundary character; None otherwise.
    opened: re.Pattern[str] | None = None
    # name -> its near-miss (or None) at a cutoff: the same places and people recur across
    # a corpus, and a name's result depends only on the index.
    near: dict[tuple[str, float], OutletMatch | None] = field(default_factory=dict)


def _signature(outlets: Sequence[Outlet]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (o.id, (o.name, *o.alternate_name, *o.domains)) for o in sorted(outlets, key=lambda o: o.id)
    )


def _without_suffix(name: str) -> str | None:
    """'example.com' -> 'example', 'news.az' -> 'news'; None when there is no suffix."""
    head, dot, tail = name.rpartition(".")
    return head if dot and head and tail.isalpha() and 2 <= len(tail) <= 12 else None


@lru_cache(maxsize=16)
def _index(signature: tuple[tuple[str, tuple[str, ...]], ...]) -> _Index:
    exact: dict[str, _Key] = {}
    short: dict[str, _Key] = {}
    written_forms: set[str] = set()  # lowercased as written, for scanning the text
    fuzzy: dict[str, tuple[str, _Key]] = {}
    for outlet_id, names in signature:
        for written in names:
            key = _Key(outlet_id, written)
            norm = normalise(written)
            if not norm:
                continue
            if len(norm) <= 3:
                short.setdefault(written.strip(), key)
                continue
            exact.setdefault(norm, key)
            written_forms.update((norm, " ".join(written.lower().split())))
            bare = _without_suffix(norm)
            if bare and len(bare) >= MIN_FUZZY_CHARS:
                exact.setdefault(bare, key)
            for plain in filter(None, (norm, bare)):
                if len(plain) >= MIN_FUZZY_CHARS:
                    fuzzy.setdefault(skeleton(plain), (plain, key))
    ordered = sorted(fuzzy.items())

    # Keys are matched on the lowercased text (case-insensitively), short ones as written.
    keys = written_forms | set(exact)
    pattern = opened = None
    if keys:
        pattern, opened = word_patterns(_BOUNDARY, rf"{trie(keys)}(?![\w-]|\.\w)")
        if not all(_ON_BOUNDARY.match(key[-1]) for key in keys):
            opened = None
    short_pattern = re.compile(rf"(?<![\w.-]){trie(list(short))}(?![\w-]|\.\w)") if short else None
    return _Index(
        exact=exact,
        short=short,
        fuzzy_keys=tuple(k for k, _ in ordered),
        fuzzy_plain=tuple(p for _, (p, _) in ordered),
        fuzzy_owner=tuple(o for _, (_, o) in ordered),
        pattern=pattern,
        short_pattern=short_pattern,
        sizes=frozenset(len(plain.split()) for _, (plain, _) in ordered),
        opened=opened,
    )


_BOUNDARY = r"\w.-"  # no key starts right after one of these characters
_ON_BOUNDARY = re.compile(rf"[{_BOUNDARY}]")


def _key_spans(index: _Index, lowered: str) -> list[tuple[int, int]]:
    """Where the catalog's keys stand in ``lowered`` (the lowercased text)."""
    if index.pattern is None:
        return []
    if index.opened is None:
        return [hit.span() for hit in index.pattern.finditer(lowered)]
    return boundary_spans(index.pattern, index.opened, lowered)


def _build_index(outlets: tuple[Outlet, ...]) -> _Index:
    return _index(_signature(outlets))


def _index_for(outlets: Sequence[Outlet]) -> _Index:
    """The index of ``outlets``; the same entries asked again skip the signature."""
    return per_registry(outlets, _build_index)


MAX_REMEMBERED = 200_000
_UNKNOWN = OutletMatch(outlet="", matched="", score=0.0, exact=False)  # not yet computed


def _fuzzy_many(index: _Index, names: list[str], cutoff: float) -> dict[str, OutletMatch]:
    """The nearest outlet of each name scoring at least ``cutoff``, compared only with keys
    of as many words (a garble keeps the words; 'Eurasian Market' is not 'Eurasianet').
    Each name's answer is remembered on the index."""
    found: dict[str, OutletMatch] = {}
    fresh: list[str] = []
    for name in names:
        known = index.near.get((name, cutoff), _UNKNOWN)
        if known is _UNKNOWN:
            fresh.append(name)
        elif known is not None:
            found[name] = known
    if fresh:
        computed = _fuzzy_compute(index, fresh, cutoff)
        if len(index.near) + len(fresh) > MAX_REMEMBERED:
            index.near.clear()
        for name in fresh:
            index.near[(name, cutoff)] = computed.get(name)
        found.update(computed)
    return found


def _fuzzy_compute(index: _Index, names: list[str], cutoff: float) -> dict[str, OutletMatch]:
    groups: dict[int, list[tuple[str, str]]] = {}
    for name in names:
        norm = normalise(name)
        if len(norm) >= MIN_FUZZY_CHARS:
            groups.setdefault(len(norm.split()), []).append((name, norm))
    found: dict[str, OutletMatch] = {}
    for words, kept in sorted(groups.items()):
        keys, key_sounds = _keys_of_length(index, words)
        if not keys:
            continue
        scores = process.cdist(
            [skeleton(norm) for _, norm in kept],
            key_sounds,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            workers=1,
        )
        for row, (name, norm) in enumerate(kept):
            column = int(scores[row].argmax())
            sound = float(scores[row][column])
            if sound < cutoff or sound == 0:
                continue
            position = keys[column]
            key = index.fuzzy_plain[position]
            if len(norm) != len(key) and (key.startswith(norm) or norm.startswith(key)):
                continue  # 'Eurasian' is a word of its own, not a garble of 'Eurasianet'
            owner = index.fuzzy_owner[position]
            score = round(max(sound, fuzz.ratio(norm, key)), 1)
            found[name] = OutletMatch(
                outlet=owner.outlet, matched=owner.matched, score=score, exact=False
            )
    return found


@lru_cache(maxsize=64)
def _keys_of_length(index: _Index, words: int) -> tuple[list[int], list[str]]:
    """The fuzzy keys of ``words`` words: their positions and their skeletons."""
    keys = [i for i, plain in enumerate(index.fuzzy_plain) if len(plain.split()) == words]
    return keys, [index.fuzzy_keys[i] for i in keys]


def _fuzzy(index: _Index, name: str, cutoff: float) -> OutletMatch | None:
    return _fuzzy_many(index, [name], cutoff).get(name)


def match_outlet(
    name: str, outlets: Sequence[Outlet], threshold: float = FUZZY_THRESHOLD
) -> OutletMatch | None:
    """The outlet ``name`` designates: exact on a name, alias or domain (any case), else the
    nearest near-miss scoring at least ``threshold`` (0..100) with ``exact=False``."""
    if not outlets or not name.strip():
        return None
    index = _index_for(outlets)
    written = name.strip().strip(".,;:'\"“”«»()")
    if written in index.short:
        key = index.short[written]
        return OutletMatch(outlet=key.outlet, matched=key.matched, score=100.0, exact=True)
    norm = normalise(name)
    if "://" in norm:
        norm = normalise(norm.split("://", 1)[1].split("/", 1)[0])
    for candidate in (norm, _without_suffix(norm)):
        if candidate and candidate in index.exact:
            key = index.exact[candidate]
            return OutletMatch(outlet=key.outlet, matched=key.matched, score=100.0, exact=True)
    if "." in norm and " " not in norm:
        # 'news.dw.com' -> 'dw.com': drop host labels until a catalog domain matches (no
        # public-suffix lookup needed: only the catalog's own domains count).
        labels = norm.split(".")
        for first in range(1, len(labels) - 1):
            parent = index.exact.get(".".join(labels[first:]))
            if parent is not None:
                return OutletMatch(
                    outlet=parent.outlet, matched=parent.matched, score=100.0, exact=True
                )
    return _fuzzy(index, name, threshold)


@lru_cache(maxsize=65536)
def _is_common(word: str) -> bool:
    folded = word.casefold()
    return folded in COMMON or folded in TITLES


@lru_cache(maxsize=65536)
def _candidate_length(written: str) -> int | None:
    """The length of capitalised ``written`` without a closing apostrophe; None when the
    word is a common one. One cached call per word: most words recur."""
    word = written.rstrip("'’")
    return None if _is_common(word) else len(word)


def _candidates(
    text: str, words: Iterable[tuple[int, int, str]], sizes: frozenset[int]
) -> set[str]:
    """Distinct runs of ``sizes`` capitalised ``words`` (start, end, word) of ``text``, and
    domain-like tokens, as written."""
    found: set[str] = set()
    run: list[tuple[int, int]] = []

    ascending = sorted(sizes)

    def flush() -> None:
        count = len(run)
        for size in ascending:
            if size > count:
                break
            for first in range(count - size + 1):
                start, end = run[first][0], run[first + size - 1][1]
                if end - start >= MIN_FUZZY_CHARS:
                    found.add(text[start:end])
        run.clear()

    for start, _, written in words:
        length = _candidate_length(written)
        if length is None:  # a common word ends the run
            if run:
                flush()
            continue
        if run and text[run[-1][1] : start] != " ":
            flush()
        run.append((start, start + length))
        if len(run) > 12:  # a long capitalised run is a heading; keep the work bounded
            flush()
    flush()
    # Domains are rare: find their '.tld' endings first, then read each one whole.
    ends = [m.end() for m in _TLD_END.finditer(text)]
    for lo, hi in _merge([(max(0, end - 160), end) for end in ends]):
        found.update(match.group("domain") for match in DOMAIN.finditer(text, lo, hi))
    return found


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


# The dot opens the pattern (the character before it is a look-behind): the engine then
# skips straight to dots. Consuming that character instead could only hide a match whose
# character ends the match before, which its look-ahead (no '.x' after) rules out: the
# same endings are found.
_TLD_END = re.compile(r"\.(?<=[A-Za-z0-9-]\.)[a-z]{2,12}(?![\w-]|\.\w)")


def _occurrences(text: str, written: str) -> list[tuple[int, int]]:
    """Where ``written`` stands as a whole word (found again only for the few near-misses).

    The same matches as the pattern's ``finditer``, but the pattern is only tried where
    ``str.find`` sees the words: a regex that opens with a look-behind tries every position."""
    pattern = re.compile(rf"(?<![\w'’/.-]){re.escape(written)}(?![\w'’/-]|\.\w)")
    found: list[tuple[int, int]] = []
    position = text.find(written)
    while position >= 0:
        match = pattern.match(text, position)
        if match is None:
            position = text.find(written, position + 1)
        else:
            found.append(match.span())
            position = text.find(written, match.end())
    return found


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping each other)."""
    index = bisect_left(spans, (end, end))
    return index > 0 and spans[index - 1][1] > start


@extractor("outlets")
def outlets(ctx: Context) -> tuple[OutletMention, ...]:
    if not ctx.outlets:
        return ()
    text = ctx.source.text
    index = _index_for(ctx.outlets)
    found: dict[tuple[int, int], OutletMention] = {}

    def add(start: int, end: int, match: OutletMatch) -> None:
        span: Span = ctx.source.span(start, end)
        found[(span.start, span.end)] = OutletMention(span=span, match=match)

    lowered = ctx.source.lowered
    if len(lowered) != len(text):  # 'İ' lowercases to two characters: match case-blind
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    short = index.short_pattern
    hits = _key_spans(index, lowered) + ([m.span() for m in short.finditer(text)] if short else [])
    for start, end in hits:
        resolved = match_outlet(text[start:end], ctx.outlets)
        if resolved is not None:
            add(start, end, resolved)
    taken = sorted(found)
    residue_lines = {r.span.line for r in ctx.get("residue")}
    sizes = index.sizes
    candidates = sorted(
        written
        for written in _candidates(text, ctx.source.capitalised, sizes)
        # acronyms and ticker symbols are not garbled outlet names
        if len(written) >= MIN_FUZZY_CHARS and not (written.isupper() and len(written) <= 5)
    )
    near_misses = _fuzzy_many(index, candidates, CUED_THRESHOLD)
    for written, near in sorted(near_misses.items()):
        if normalise(written) in index.exact:
            continue
        for start, end in _occurrences(text, written):
            if overlaps(taken, start, end) or ctx.source.line_of(start).number in residue_lines:
                continue
            if near.score >= FUZZY_THRESHOLD or _CUE.search(
                text, max(0, start - _CUE_WINDOW), min(len(text), end + _CUE_WINDOW)
            ):
                add(start, end, near)
    # A longer mention wins over the shorter ones inside it.
    kept: list[OutletMention] = []
    for mention in sorted(found.values(), key=lambda m: (m.span.start, -m.span.end)):
        if kept and mention.span.start < kept[-1].span.end:
            continue
        kept.append(mention)
    return tuple(kept)
