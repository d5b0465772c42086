from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import fold
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="A005",
    name="name-variants-across-articles",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The same person's name is spelled differently in different articles of the "
    "catalog, and the catalog's people do not list the spellings as legitimate.",
    bad='one article quotes "Luka Andersen", another "Luca Anderson", for one speaker',
    good='both write "Luca Andersen", or people lists "Luka Andersen" as an alternateName',
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for group in ctx.name_variants:
        canonical = fold(group.canonical)
        for article_id in group.articles:
            article = ctx.article(article_id)
            spans = [
                p.span
                for p in (article.evidence.people if article.evidence else ())
                if p.name in group.variants and not _same_spelling(p.name, canonical)
            ]
            if not spans:
                continue
            others = sorted(set(group.articles) - {article_id})
            yield article.finding(
                RULE,
                f"{spans[0].text!r} here is written {group.canonical!r} elsewhere "
                f"({', '.join(others[:3])})",
                spans=spans[:5],
                fix="check the spelling; if legitimate, list it in people as an alternateName",
            )


def _same_spelling(name: str, canonical: str) -> bool:
    """'Roe' and 'Jane Roe' spell 'Jane Roe' alike; 'Jane Row' and 'Jan Roe' do not."""
    words, canonical_words = fold(name).split(), canonical.split()
    return words == canonical_words[len(canonical_words) - len(words) :]
