from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T002",
    name="translation-target-language",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="A translated hop does not say what language it was translated into.",
    bad='{"relation": "translated", "inLanguage": null}',
    good='{"relation": "translated", "inLanguage": "en"}',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for index, hop in translated_hops(ctx):
        if hop.in_language is None:
            yield ctx.finding(
                RULE,
                "a translation whose target language is not declared",
                pointer=ctx.hop_pointer(index) + "/relation",
                fix="set inLanguage on the translated hop",
            )
