"""Outlet mentions, resolved against the catalog's outlet names, aliases and domains.

Exact matches are case-insensitive on names, aliases and domains (case-sensitive for keys of
three characters or fewer, so 'AP' does not match 'ap'). Near-misses — what machine
translation makes of a name ('Hakkin', 'Khatchin' for 'Haqqin') — are scored with rapidfuzz
on the plain text and on a transliteration skeleton (kh->h, q->k, doubled letters single,
...) and kept when the score reaches ``FUZZY_THRESHOLD``, or ``CUED_THRESHOLD`` when words
around the mention say it is an outlet ('a media outlet', 'journalist', 'newspaper').
Only capitalised words (up to three in a row) and domain-like tokens are candidates.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from provenance.evidence.lexicon import COMMON, TITLES
from provenance.evidence.model import OutletMatch, OutletMention, Span
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import CAPITALISED, DOMAIN
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


def normalise(name: str) -> str:
    """Case-, accent- and spacing-insensitive form: 'The  Guardian ' -> 'guardian'."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.replace("’", "'").split()).strip(" .,;:'\"“”«»()")
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.startswith("www."):
        folded = folded[4:]
    return folded


def skeleton(name: str) -> str:
    """How a transliterated name sounds, roughly: 'Khatchin' -> 'hachin', 'Haqqin' -> 'hakin'."""
    text = _NON_WORD.sub(" ", normalise(name))
    text = text.replace("tch", "ch").replace("ch", "\x00")  # keep 'ch' while 'c' becomes 'k'
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text.replace("\x00", "ch").replace("\x01", "sh"))


@dataclass(frozen=True)
class _Key:
    outlet: str
    matched: str  # as the catalog writes it


@dataclass(frozen=True)
class _Index:
    exact: dict[str, _Key]  # normalised key -> outlet
    short: dict[str, _Key]  # case-sensitive keys of <= 3 characters
    fuzzy_keys: tuple[str, ...]  # skeletons
    fuzzy_plain: tuple[str, ...]  # normalised, parallel to fuzzy_keys
    fuzzy_owner: tuple[_Key, ...]
    pattern: re.Pattern[str] | None
    short_pattern: re.Pattern[str] | None


def _signature(outlets: Sequence[Outlet]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (o.id, (o.name, *o.alternate_name, *o.domains)) for o in sorted(outlets, key=lambda o: o.id)
    )


def _without_suffix(name: str) -> str | None:
    """'oilprice.com' -> 'oilprice', 'haqqin.az' -> 'haqqin'; None when there is no suffix."""
    head, dot, tail = name.rpartition(".")
    return head if dot and head and tail.isalpha() and 2 <= len(tail) <= 12 else None


@lru_cache(maxsize=16)
def _index(signature: tuple[tuple[str, tuple[str, ...]], ...]) -> _Index:
    exact: dict[str, _Key] = {}
    short: dict[str, _Key] = {}
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
            bare = _without_suffix(norm)
            if bare and len(bare) >= MIN_FUZZY_CHARS:
                exact.setdefault(bare, key)
            for plain in filter(None, (norm, bare)):
                if len(plain) >= MIN_FUZZY_CHARS:
                    fuzzy.setdefault(skeleton(plain), (plain, key))
    ordered = sorted(fuzzy.items())

    def alternation(keys: list[str]) -> str:
        parts = sorted(keys, key=lambda k: (-len(k), k))
        return "|".join(r"\s+".join(map(re.escape, k.split())) for k in parts)

    pattern = (
        re.compile(rf"(?<![\w.-])(?:{alternation(list(exact))})(?![\w-]|\.\w)", re.IGNORECASE)
        if exact
        else None
    )
    short_pattern = (
        re.compile(rf"(?<![\w.-])(?:{alternation(list(short))})(?![\w-]|\.\w)") if short else None
    )
    return _Index(
        exact=exact,
        short=short,
        fuzzy_keys=tuple(k for k, _ in ordered),
        fuzzy_plain=tuple(p for _, (p, _) in ordered),
        fuzzy_owner=tuple(o for _, (_, o) in ordered),
        pattern=pattern,
        short_pattern=short_pattern,
    )


def _fuzzy(index: _Index, name: str, cutoff: float) -> OutletMatch | None:
    norm = normalise(name)
    if len(norm) < MIN_FUZZY_CHARS or not index.fuzzy_keys:
        return None
    best = process.extractOne(
        skeleton(norm), index.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff
    )
    if best is None:
        return None
    _, sound, position = best
    plain = fuzz.ratio(norm, index.fuzzy_plain[position])
    owner = index.fuzzy_owner[position]
    return OutletMatch(
        outlet=owner.outlet,
        matched=owner.matched,
        score=round(max(sound, plain), 1),
        exact=False,
    )


def match_outlet(
    name: str, outlets: Sequence[Outlet], threshold: float = FUZZY_THRESHOLD
) -> OutletMatch | None:
    """The outlet ``name`` designates: exact on a name, alias or domain (any case), else the
    nearest near-miss scoring at least ``threshold`` (0..100) with ``exact=False``."""
    if not outlets or not name.strip():
        return None
    index = _index(_signature(outlets))
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
        from provenance.domains import registered_domain

        domain = registered_domain(norm)
        if domain and domain != norm:
            return match_outlet(domain, outlets, threshold)
    return _fuzzy(index, name, threshold)


def _candidates(text: str) -> dict[str, list[tuple[int, int]]]:
    """Capitalised runs of up to three words and domain-like tokens, by their written form."""
    found: dict[str, list[tuple[int, int]]] = {}
    run: list[tuple[int, int]] = []

    def flush() -> None:
        for size in range(1, MAX_CANDIDATE_WORDS + 1):
            for first in range(len(run) - size + 1):
                start, end = run[first][0], run[first + size - 1][1]
                found.setdefault(text[start:end], []).append((start, end))
        run.clear()

    for match in CAPITALISED.finditer(text):
        word = match.group().rstrip("'’")
        if word.casefold() in COMMON or word.casefold() in TITLES:
            flush()
            continue
        if run and text[run[-1][1] : match.start()] != " ":
            flush()
        run.append((match.start(), match.start() + len(word)))
        if len(run) > 12:  # a long capitalised run is a heading; keep the work bounded
            flush()
    flush()
    for match in DOMAIN.finditer(text):
        found.setdefault(match.group("domain"), []).append(match.span("domain"))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping each other)."""
    index = bisect_left(spans, (end, end))
    return index > 0 and spans[index - 1][1] > start


@extractor("outlets")
def outlets(ctx: Context) -> tuple[OutletMention, ...]:
    if not ctx.outlets:
        return ()
    text = ctx.source.text
    index = _index(_signature(ctx.outlets))
    found: dict[tuple[int, int], OutletMention] = {}

    def add(start: int, end: int, match: OutletMatch) -> None:
        span: Span = ctx.source.span(start, end)
        found[(span.start, span.end)] = OutletMention(span=span, match=match)

    for pattern in (index.pattern, index.short_pattern):
        if pattern is None:
            continue
        for hit in pattern.finditer(text):
            resolved = match_outlet(hit.group(), ctx.outlets)
            if resolved is not None:
                add(hit.start(), hit.end(), resolved)
    taken = sorted(found)
    residue_lines = {r.span.line for r in ctx.get("residue")}
    for written, places in sorted(_candidates(text).items()):
        if len(written) < MIN_FUZZY_CHARS or normalise(written) in index.exact:
            continue
        if written.isupper() and len(written) <= 5:
            continue  # acronyms and ticker symbols are not garbled outlet names
        near = _fuzzy(index, written, CUED_THRESHOLD)
        if near is None:
            continue
        for start, end in places:
            if _overlaps(taken, start, end) or ctx.source.line_of(start).number in residue_lines:
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
