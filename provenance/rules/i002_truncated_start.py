from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import TruncationKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="I002",
    name="truncated-start",
    family=Family.INTEGRITY,
    severity=Severity.WARNING,
    summary="The text starts mid-sentence: its beginning was lost when it was copied.",
    bad='"outset of 2022, the country was shaken by ..."',
    good='"At the outset of 2022, the country was shaken by ..."',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for cut in ctx.evidence.truncation if ctx.evidence else ():
        if cut.kind == TruncationKind.START:
            yield ctx.finding(
                RULE,
                f"the text starts mid-sentence at line {cut.span.line}",
                pointer="/file",
                spans=[cut.span],
                fix="find a complete copy",
            )
