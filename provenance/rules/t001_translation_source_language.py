from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import source_language, translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T001",
    name="translation-source-language",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="A translated hop does not say what language it was translated from: the hop "
    "before it has no inLanguage (or there is no hop before it).",
    bad='chain: [{"relation": "original", "inLanguage": null}], copy: {"relation": "translated"}',
    good='chain: [{"relation": "original", "inLanguage": "ru"}], copy: {"relation": "translated"}',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    for index, _hop in translated_hops(ctx):
        if source_language(ctx, index) is None:
            before = ctx.hop_pointer(index - 1) if index else ctx.hop_pointer(index)
            yield ctx.finding(
                RULE,
                "a translation whose source language is not known",
                pointer=f"{before}/inLanguage" if index else "/chain",
                fix="set inLanguage on the hop the translation was made from"
                if index
                else "add the hop the translation was made from to the chain",
            )
