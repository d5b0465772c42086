"""Person names, and clusters of one person's name spelled several ways in the same text.

Names are runs of two to four capitalised name-shaped words (titles, places, months and
other capitalised non-names from :mod:`lexicon` break a run), plus the speakers of
quotations, byline and sign-off names, the catalog's people, and single surnames that
repeat — or nearly repeat — a surname already found. Surnames cluster when they are near
(rapidfuzz ratio >= ``SURNAME_RATIO``, or equal metaphone keys with ratio >=
``PHONETIC_RATIO``), share a first letter, and nothing says they are two people: different
given names, a feminine form (-ov/-ova), or two different people in the catalog.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process

from provenance.evidence.lexicon import PARTICLES, bare, is_name_token
from provenance.evidence.model import NameCluster, PersonMention, Span, build
from provenance.evidence.outlets import overlaps as _overlaps
from provenance.evidence.outlets import skeleton
from provenance.evidence.registry import Context, extractor, per_registry
from provenance.models import Person

SURNAME_RATIO = 80.0
PHONETIC_RATIO = 70.0
GIVEN_NAME_RATIO = 85.0
NEAR_SURNAME_RATIO = 85.0  # a lone capitalised word this close to a known surname is one
MAX_RUN = 4
_AFTER_PLACE_WORD = re.compile(r"\b(?:of|in|at|from)\s$")
_PARTICLE_GAP = re.compile(r"^ (?:" + "|".join(sorted(PARTICLES)) + r") $")


def _surname(name: str) -> str:
    return name.split()[-1]


# A long read names its people a few hundred times; each mention is a span and a model, so
# a text of a million capitalised words would hold a million of them.
MAX_MENTIONS = 2_000
# Capitalised words read for names: a long read has a few thousand. Each distinct one costs
# a lexicon test (cached, but a text of invented words misses the cache every time).
MAX_NAME_WORDS = 20_000
# Word-to-surname comparisons for near spellings: a page makes some tens of thousands.
MAX_NEAR_PAIRS = 1_000_000
# Distinct surnames under one first letter compared for variant spellings (first seen first).
MAX_BUCKET = 500


@lru_cache(maxsize=65536)
def _name_word(token: str) -> tuple[int, int] | None:
    """(offset, length) of the name inside ``token`` ("Volkov's" -> (0, 6)), or None."""
    word = bare(token)
    if not word or not is_name_token(word):
        return None
    return token.find(word), len(word)


def _runs(
    text: str, words: Iterable[tuple[int, int, str]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(full-name spans, single-word spans) of name-shaped capitalised ``words`` (start, end,
    word) of ``text``."""
    full: list[tuple[int, int]] = []
    single: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        # 'University of Oregon Jane Doe': after 'of/in/at/from', a run of three or
        # more words most likely starts with the place or institution the phrase names.
        if len(run) >= 3 and _AFTER_PLACE_WORD.search(text, max(0, run[0][0] - 6), run[0][0]):
            run.pop(0)
        if 2 <= len(run) <= MAX_RUN:
            full.append((run[0][0], run[-1][1]))
        elif len(run) == 1:
            single.append(run[0])
        run.clear()

    for start, match_end, word in words:
        shape = _name_word(word)
        if shape is None:
            flush()
            continue
        end = start + shape[0] + shape[1]
        gap = text[run[-1][1] : start] if run else " "
        if run and gap != " " and not _PARTICLE_GAP.match(gap):
            flush()
        run.append((start, end))
        # A possessive or a following comma ends the name: "Volkov's", "Smith, a lecturer".
        if end != match_end:
            flush()
    flush()
    return full, single


@dataclass
class _Found:
    spans: dict[tuple[int, int], str]

    def add(self, start: int, end: int, name: str) -> None:
        self.spans.setdefault((start, end), name)


def _spellings(people: tuple[Person, ...]) -> dict[str, str]:
    names: dict[str, str] = {}
    for person in people:
        for written in (person.name, *person.alternate_name):
            names.setdefault(written.casefold(), person.id)
            names.setdefault(_surname(written).casefold(), person.id)
    return names


def _registry_names(ctx: Context) -> dict[str, str]:
    """Every legitimate spelling (casefolded) -> person id (built once per registry; read-only)."""
    return per_registry(ctx.people, _spellings)


def _surnames_by_initial(people: tuple[Person, ...]) -> dict[str, list[tuple[str, str]]]:
    """Casefolded first letter -> (person id, surname) of every person's every surname: only
    a surname with the same first letter can be near another (:func:`_near`), so a lookup
    compares a few surnames instead of the whole catalog's."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for person in people:
        for surname in sorted({_surname(n) for n in (person.name, *person.alternate_name)}):
            found[surname.casefold()[:1]].append((person.id, surname))
    return dict(found)


def _people_by_id(people: tuple[Person, ...]) -> dict[str, Person]:
    return {p.id: p for p in people}


@extractor("people")
def people(ctx: Context) -> tuple[PersonMention, ...]:
    text = ctx.source.text
    full, single = _runs(text, ctx.source.capitalised[:MAX_NAME_WORDS])
    # A name that the catalog knows as an outlet ('Deutsche Welle') is not a person.
    outlet_spans = sorted((m.span.start, m.span.end) for m in ctx.get("outlets"))
    full = [(s, e) for s, e in full if not _overlaps(outlet_spans, s, e)]
    found = _Found({})
    for start, end in full:
        found.add(start, end, text[start:end])
    known: set[str] = {_surname(text[s:e]) for s, e in full}
    for quote in ctx.get("quotations"):
        if quote.speaker:
            known.add(_surname(quote.speaker))
    for byline in ctx.get("bylines"):
        known.update(_surname(name) for name in byline.names)
    for sign_off in ctx.get("sign_offs"):
        known.add(_surname(sign_off.name))
    registry = _registry_names(ctx)
    # The registry is read in place: copying it into a set per article costs time in
    # proportion to the catalog (a millisecond per article at 12,000 people).
    known_folded = {k.casefold() for k in known}
    distinct = sorted({text[s:e] for s, e in single} - known)
    near: set[str] = set()
    if distinct and known:
        surnames = sorted(known)
        if len(distinct) * len(surnames) > MAX_NEAR_PAIRS:
            # Each word is compared with every surname: thousands of distinct capitalised
            # words against thousands of names would take minutes. A page names a few
            # dozen people and capitalises a few hundred other words; past that, only the
            # first words (alphabetically) are compared.
            distinct = distinct[: max(1, MAX_NEAR_PAIRS // len(surnames))]
        for word in distinct:
            best = process.extractOne(
                word, surnames, scorer=fuzz.ratio, score_cutoff=NEAR_SURNAME_RATIO
            )
            if best is not None and best[0][:1].casefold() == word[:1].casefold():
                near.add(word)
    for start, end in single:
        word = text[start:end]
        folded = word.casefold()
        if folded in known_folded or folded in registry or word in near:
            found.add(start, end, word)
    mentions = [
        build(PersonMention, {"span": ctx.source.span(start, end), "name": name})
        for (start, end), name in sorted(found.spans.items())[:MAX_MENTIONS]
    ]
    return tuple(mentions)


def _given(names: list[str]) -> set[str]:
    return {name.split()[0] for name in names if len(name.split()) > 1}


def _compatible_given(first: set[str], second: set[str]) -> bool:
    if not first or not second:
        return True
    for a in first:
        for b in second:
            x, y = a.casefold().rstrip("."), b.casefold().rstrip(".")
            if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
                return True
            # Transliterations of one given name ('Dmitry'/'Dmitri') share a skeleton.
            if fuzz.ratio(skeleton(x), skeleton(y)) >= GIVEN_NAME_RATIO:
                return True
    return False


def _feminine_pair(a: str, b: str) -> bool:
    """'Petrov'/'Petrova', 'Kowalski'/'Kowalska': a family, not one person misspelled."""
    x, y = sorted((a.casefold(), b.casefold()), key=len)
    return (
        y == x + "a"
        or (x[:-1] == y[:-1] and {x[-1], y[-1]} == {"i", "a"})
        or (x.endswith("sky") and y == x[:-1] + "aya")
    )


def _near(a: str, b: str) -> bool:
    x, y = a.casefold(), b.casefold()
    if x[:1] != y[:1] or _feminine_pair(a, b):
        return False
    ratio = fuzz.ratio(x, y)
    if ratio >= SURNAME_RATIO:
        return True
    return ratio >= PHONETIC_RATIO and jellyfish.metaphone(x) == jellyfish.metaphone(y)


def _near_people(ctx: Context, surnames: list[str]) -> set[str]:
    """Catalog people whose surname is near one of ``surnames`` (when none is spelled exactly)."""
    by_initial = per_registry(ctx.people, _surnames_by_initial)
    found: set[str] = set()
    for surname in surnames:
        for person_id, spelling in by_initial.get(surname.casefold()[:1], ()):
            if person_id not in found and _near(surname, spelling):
                found.add(person_id)
    return found


@extractor("name_clusters")
def name_clusters(ctx: Context) -> tuple[NameCluster, ...]:
    mentions: list[PersonMention] = list(ctx.get("people"))
    by_surname: dict[str, list[PersonMention]] = defaultdict(list)
    for mention in mentions:
        by_surname[_surname(mention.name)].append(mention)
    registry = _registry_names(ctx)
    surnames = list(by_surname)  # first-seen order
    parent = list(range(len(surnames)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only surnames with the same first letter can be one name: compare within those buckets.
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, surname in enumerate(surnames):
        buckets[surname[:1].casefold()].append(i)
    for members in buckets.values():
        if len(members) < 2:
            continue
        # The comparison is a square matrix; a page names a few dozen people, and a text
        # with thousands of surnames under one letter would need gigabytes for it.
        members = members[:MAX_BUCKET]
        words = [surnames[i].casefold() for i in members]
        scores = process.cdist(words, words, scorer=fuzz.ratio, score_cutoff=PHONETIC_RATIO)
        for x, y in zip(*scores.nonzero(), strict=True):
            if x < y:
                i, j = members[int(x)], members[int(y)]
                a, b = surnames[i], surnames[j]
                if a.casefold() == b.casefold() or not _near(a, b):
                    continue
                pa, pb = registry.get(a.casefold()), registry.get(b.casefold())
                if pa and pb and pa != pb:
                    continue  # two people the catalog knows apart
                given_a = _given([m.name for m in by_surname[a]])
                given_b = _given([m.name for m in by_surname[b]])
                if _compatible_given(given_a, given_b):
                    parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(surnames)):
        groups[root(i)].append(i)
    clusters: list[NameCluster] = []
    people_by_id = per_registry(ctx.people, _people_by_id)
    for members in groups.values():
        if len({surnames[i].casefold() for i in members}) < 2:
            continue
        group = [m for i in members for m in by_surname[surnames[i]]]
        spans: list[Span] = sorted((m.span for m in group), key=lambda s: s.start)
        person_ids = {
            registry[surnames[i].casefold()] for i in members if surnames[i].casefold() in registry
        } or _near_people(ctx, [surnames[i] for i in members])
        person = people_by_id[min(person_ids)] if len(person_ids) == 1 else None
        if person is not None:
            canonical = person.name
        else:
            first_seen = {surnames[i]: by_surname[surnames[i]][0].span.start for i in members}
            top = min(first_seen, key=lambda s: (-len(by_surname[s]), first_seen[s]))
            name_seen: dict[str, int] = {}
            for mention in by_surname[top]:  # mentions are in text order
                name_seen.setdefault(mention.name, mention.span.start)
            canonical = max(name_seen, key=lambda n: (len(n), -name_seen[n]))
        variants = tuple(sorted({m.name for m in group} | {canonical}))
        clusters.append(
            NameCluster(
                canonical=canonical,
                variants=variants,
                mentions=tuple(spans),
                person=person.id if person else None,
            )
        )
    return tuple(sorted(clusters, key=lambda c: c.mentions[0].start))
