from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T003",
    name="translator-unknown",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="A translated hop names no translator: no one answers for the wording.",
    bad='{"relation": "translated", "translator": []}',
    good='{"relation": "translated", "translator": ["Jane Roe"]}',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for index, hop in translated_hops(ctx):
        if not hop.translator:
            yield ctx.finding(
                RULE,
                "a translation with no named translator",
                pointer=ctx.hop_pointer(index) + "/translator",
                fix="name the translator, or acknowledge that none is credited",
            )
