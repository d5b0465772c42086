from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import garbled_clusters, written_variants
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A004",
    name="name-variants",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="One person's name is spelled several ways within the article, and the catalog's "
    "people do not list those spellings as legitimate: a garble, often from machine "
    "translation, that makes the quote hard to trace.",
    bad='"said Jon Smyth" ... "Smitt told reporters"',
    good='"said John Smith" ... "Smith told reporters" (or "Smitt" listed as an alternateName)',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for cluster in garbled_clusters(ctx):
        yield ctx.finding(
            RULE,
            f"one name written {len(written_variants(cluster))} ways: "
            f"{' / '.join(written_variants(cluster))}",
            spans=cluster.mentions[:5],
            fix=f"check the spelling against a primary source (most frequent: {cluster.canonical})",
        )
