from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="I004",
    name="repeated-headline",
    family=Family.INTEGRITY,
    severity=Severity.INFO,
    summary="The headline appears twice at the top: page title and article title were both "
    "scraped, a sign that the copy was saved from a web page.",
    bad='"Tokens rise\\n\\nTokens rise\\nBy Jane Roe ..."',
    good='"Tokens rise\\nBy Jane Roe ..."',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for headline in ctx.evidence.headlines if ctx.evidence else ():
        if headline.repeated:
            yield ctx.finding(
                RULE,
                f"the headline is repeated at line {headline.span.line}",
                pointer="/file",
                spans=[headline.span],
            )
            return
