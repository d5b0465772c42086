from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D002",
    name="original-undated",
    family=Family.DATES,
    severity=Severity.WARNING,
    summary="The original at the head of the chain has no date: no one can tell which "
    "version came first, or what 'last week' meant to its author.",
    bad='chain: [{"relation": "original", "datePublished": null}]',
    good='chain: [{"relation": "original", "datePublished": "2024-08-12"}]',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    chain = ctx.article.chain
    if chain and chain[0].date_published is None:
        yield ctx.finding(
            RULE,
            f"the original ({ctx.outlet_name(chain[0].publisher)}) has no publication date",
            pointer="/chain/0/datePublished",
        )
