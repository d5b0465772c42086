from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import fold
from provenance.rules.base import CatalogContext, catalog_rule
from provenance.transliteration import one_name

RULE = RuleInfo(
    code="A005",
    name="name-variants-across-articles",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The same person's name is spelled differently in different articles of the "
    "catalog, and the catalog's people do not list the spellings as legitimate.",
    bad='one article quotes "Luka Andersen", another "Luca Anderson", for one speaker',
    good='both write "Luca Andersen", or people lists "Luka Andersen" as an alternateName',
    record_keeping=True,
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for group in ctx.name_variants:
        canonical = fold(group.canonical)
        ordered = sorted(group.articles)
        for article_id in group.articles:
            places = [
                where
                for name, where in ctx.people.get(article_id, ())
                if name in group.variants
                and not _same_spelling(name, canonical)
                # 'Zelenskyy' here, 'Zelensky' there: two romanisations, not a garble
                and not one_name([name, group.canonical])
            ]
            if not places:
                continue
            others = [other for other in ordered[:4] if other != article_id]
            yield ctx.finding(
                RULE,
                article_id,
                f"{places[0].snippet!r} here is written {group.canonical!r} elsewhere "
                f"({', '.join(others[:3])})",
                evidence=places[:5],
                fix="check the spelling; if legitimate, list it in people as an alternateName",
            )


def _same_spelling(name: str, canonical: str) -> bool:
    """'Roe' and 'Jane Roe' spell 'Jane Roe' alike; 'Jane Row' and 'Jan Roe' do not."""
    words, canonical_words = fold(name).split(), canonical.split()
    return words == canonical_words[len(canonical_words) - len(words) :]
