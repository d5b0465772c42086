from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T004",
    name="translation-chain",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="The text went through more than one translation (a translation of a "
    "translation): each hop drifts further from the original's words.",
    bad='chain: [{"relation": "original", "inLanguage": "az"}, {"relation": "translated", '
    '"inLanguage": "ru"}], copy: {"relation": "translated", "inLanguage": "en"}',
    good='chain: [{"relation": "original", "inLanguage": "az"}], copy: {"relation": '
    '"translated", "inLanguage": "en"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    translations = list(translated_hops(ctx))
    if len(translations) > 1:
        languages = [hop.in_language or "?" for _index, hop in translations]
        second = translations[1][0]
        yield ctx.finding(
            RULE,
            f"{len(translations)} translation hops ({' -> '.join(languages)}): quote from "
            "the original, not from this copy",
            pointer=ctx.hop_pointer(second) + "/relation",
            fix="find the original-language text and cite it",
        )
