from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import text_credits_hop
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A008",
    name="credited-flag-mismatch",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="A hop's 'credited' flag disagrees with the text: declared credited but no credit "
    "line names it, or declared uncredited while the text does credit it.",
    bad='chain: [{"publisher": "gazette", "credited": true}]; no credit line names The Gazette',
    good='chain: [{"publisher": "gazette", "credited": true}]; text: "From The Gazette"',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    for index, hop in enumerate(ctx.article.chain):
        if hop.credited is None or (hop.publisher is None and not hop.author):
            continue
        in_text = text_credits_hop(ctx, hop)
        if hop.credited and not in_text:
            message = (
                f"declared credited, but no credit line names {ctx.outlet_name(hop.publisher)}"
            )
        elif not hop.credited and in_text:
            message = f"declared uncredited, but the text credits {ctx.outlet_name(hop.publisher)}"
        else:
            continue
        yield ctx.finding(
            RULE,
            message,
            pointer=f"/chain/{index}/credited",
            fix=f'set "credited": {"true" if in_text else "false"}',
        )
