from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import source_language, translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T005",
    name="back-translation",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="A hop is 'translated' into the language it came from: a re-translation (often "
    "machine-made, to disguise a copy) whose wording no longer matches the original.",
    bad='chain: [{"relation": "original", "inLanguage": "en"}], copy: {"relation": '
    '"translated", "inLanguage": "en"}',
    good='chain: [{"relation": "original", "inLanguage": "en"}], copy: {"relation": '
    '"republished", "inLanguage": "en"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for index, hop in translated_hops(ctx):
        source = source_language(ctx, index)
        target = hop.in_language
        if source and target and source.split("-")[0].lower() == target.split("-")[0].lower():
            yield ctx.finding(
                RULE,
                f"translated from {source} into {target}: a re-translation; "
                "quotes in it are not the original's words",
                pointer=ctx.hop_pointer(index) + "/relation",
                fix="cite the hop it was re-translated from",
            )
