from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import TruncationKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="I003",
    name="truncated-end",
    family=Family.INTEGRITY,
    severity=Severity.WARNING,
    summary="The text's last line is cut off: its end was lost when it was copied.",
    bad='"... the operation was conducted under the aegis of the"',
    good='"... the operation was conducted under the aegis of the alliance."',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for cut in ctx.evidence.truncation if ctx.evidence else ():
        if cut.kind == TruncationKind.END:
            yield ctx.finding(
                RULE,
                f"the text is cut off at line {cut.span.line}",
                pointer="/file",
                spans=[cut.span],
                fix="find a complete copy",
            )
