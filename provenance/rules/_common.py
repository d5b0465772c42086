"""Small helpers that several rules share."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from provenance.evidence.model import Credit, CreditKind, NameCluster
from provenance.models import Article, HeldCopy, Hop, HopRelation, Person
from provenance.results import NameVariants
from provenance.rules.base import ArticleContext
from provenance.transliteration import one_name

# Credits that name where the text came from (a copyright line names the holder, a 'via'
# names a route: both are weaker, but still name an outlet the chain should know).
ORIGIN_CREDITS = frozenset(
    {
        CreditKind.FROM,
        CreditKind.TRANSLATED_FROM,
        CreditKind.ORIGINALLY_PUBLISHED,
        CreditKind.FIRST_APPEARED,
        CreditKind.REPUBLISHED,
        CreditKind.SOURCE,
        CreditKind.AGENCY_DATELINE,
        CreditKind.VIA,
        CreditKind.COPYRIGHT,
        CreditKind.AGENCY,
        CreditKind.PARTNERSHIP,
        CreditKind.MASTHEAD,
        CreditKind.TITLE_SITE,
        CreditKind.ADDRESS,
    }
)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = (c for c in decomposed if c.isalnum() or c.isspace())
    return " ".join("".join(kept).split())


def translated_hops(ctx: ArticleContext) -> Iterator[tuple[int, Hop | HeldCopy]]:
    for index, hop in enumerate(ctx.hops):
        if hop.relation == HopRelation.TRANSLATED:
            yield index, hop


def source_language(ctx: ArticleContext, index: int) -> str | None:
    """A translated hop's source language: the language of the hop it came from."""
    return ctx.hops[index - 1].in_language if index > 0 else None


def credits(ctx: ArticleContext, kinds: Iterable[CreditKind] = ORIGIN_CREDITS) -> list[Credit]:
    wanted = frozenset(kinds)
    return [c for c in ctx.evidence.credits if c.kind in wanted] if ctx.evidence else []


_SPELLINGS: list[tuple[Sequence[Person], dict[str, str]]] = []


def legitimate_spellings(people: Sequence[Person]) -> dict[str, str]:
    """Every registered spelling (folded) -> the person's canonical name. Built once per
    registry: the rules ask for it for every article."""
    if _SPELLINGS and _SPELLINGS[0][0] is people:
        return _SPELLINGS[0][1]
    spellings: dict[str, str] = {}
    for person in people:
        for spelling in (person.name, *person.alternate_name):
            spellings[fold(spelling)] = person.name
    _SPELLINGS[:] = [(people, spellings)]
    return spellings


def chains_meet(a: Article, b: Article) -> bool:
    """Whether one article's chain holds an outlet or URL of the other's: one leads to the
    other, or both to one source."""
    publishers = {hop.publisher for hop in a.hops if hop.publisher}
    urls = {hop.url for hop in a.hops if hop.url}
    return any(hop.publisher in publishers or hop.url in urls for hop in b.hops)


def chain_publishers(ctx: ArticleContext) -> set[str]:
    return {hop.publisher for hop in ctx.hops if hop.publisher}


def garbled_clusters(ctx: ArticleContext) -> list[NameCluster]:
    """Name clusters in the text whose spellings are not all legitimate for one person."""
    if ctx.evidence is None:
        return []
    legitimate = legitimate_spellings(ctx.catalog.people)
    garbled = []
    for cluster in ctx.evidence.name_clusters:
        written = written_variants(cluster)
        if len(spellings(written)) < 2:
            continue  # 'Jane Roe' and 'Roe' are one spelling, shortened
        if one_name(written):
            continue  # 'Zelensky' and 'Zelenskyy': two romanisations, not a garble
        owners = {legitimate.get(fold(variant)) for variant in written}
        if None in owners or len(owners) > 1:
            garbled.append(cluster)
    return garbled


def spellings(variants: Iterable[str]) -> set[str]:
    """Distinct spellings of a name's last word ('Jane Roe', 'Roe' -> one; 'Roe', 'Row' -> two)."""
    return {fold(variant).split()[-1] for variant in variants if fold(variant)}


def credited_outlets(ctx: ArticleContext) -> set[str]:
    """Outlet ids that the text's credit lines name (exactly or by a near-miss)."""
    return {c.outlet.outlet for c in credits(ctx) if c.outlet is not None}


def text_credits_hop(ctx: ArticleContext, hop: Hop | HeldCopy) -> bool:
    """Whether a credit line in the text names this hop's outlet or one of its authors."""
    if hop.publisher and hop.publisher in credited_outlets(ctx):
        return True
    authors = {fold(name) for name in hop.author}
    return any(fold(c.target) in authors for c in credits(ctx))


OPENING_CHARS = 1_500


def named_in_opening(ctx: ArticleContext, outlet_id: str | None) -> bool:
    """Whether the text's opening writes one of the outlet's names, compared transliterated
    with spaces and marks aside ('نیویورک تایمز' and 'نيويورك تايمز' are one name)."""
    outlet = ctx.outlet(outlet_id)
    if outlet is None or ctx.text is None:
        return False
    from provenance.knowledge import transliterated_key

    opening = transliterated_key(ctx.text[:OPENING_CHARS])
    keys = (transliterated_key(name) for name in (outlet.name, *outlet.alternate_name))
    return any(len(key) >= 4 and key in opening for key in keys)


def one_person(
    people: Sequence[Person], variants: Iterable[NameVariants] = ()
) -> Callable[[str, str], bool]:
    """The one notion of 'the same person' that A004/A005 use, for rules comparing speakers:
    the same written name, loosely (``same_person``); one name romanised two ways
    (``one_name``); two spellings the catalog's people list for one person; or two spellings
    the name variants found across articles join."""
    legitimate = legitimate_spellings(people)
    group_of: dict[str, int] = {}
    for number, group in enumerate(variants):
        for variant in (group.canonical, *group.variants):
            words = fold(variant).split()
            if words:
                group_of.setdefault(words[-1], number)

    def same(a: str, b: str) -> bool:
        if same_person(a, b) or one_name([a, b]):
            return True
        owner = legitimate.get(fold(a))
        if owner is not None and owner == legitimate.get(fold(b)):
            return True
        last_a, last_b = fold(a).split()[-1:], fold(b).split()[-1:]
        return bool(last_a and last_b) and group_of.get(last_a[0], -1) == group_of.get(
            last_b[0], -2
        )

    return same


def same_person(a: str, b: str) -> bool:
    """Loose match of two written names: same folded last word, or one contains the other."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    return fa == fb or fa.split()[-1] == fb.split()[-1] or fa in fb or fb in fa


def written_variants(cluster: NameCluster) -> list[str]:
    """The spellings the text itself uses (a registry's canonical name may not be among them)."""
    return sorted({mention.text for mention in cluster.mentions})
