from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import CreditKind, TranslationBasis
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.models import HopRelation
from provenance.rules._common import credits
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T007",
    name="translation-unmarked",
    family=Family.TRANSLATION,
    severity=Severity.INFO,
    summary="The chain declares that the copy held is a translation, but its text never "
    "says so: readers of this copy cannot tell.",
    bad='copy: {"relation": "translated"}; text without any "Translated from ..." line',
    good='copy: {"relation": "translated"}; text ending "Translated from the Azerbaijani"',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    copy = ctx.article.copy_held
    if ctx.evidence is None or copy.relation != HopRelation.TRANSLATED:
        return
    stated = any(s.basis == TranslationBasis.STATED for s in ctx.evidence.translations)
    if not stated and not credits(ctx, [CreditKind.TRANSLATED_FROM]):
        yield ctx.finding(
            RULE,
            "declared a translation, but the text carries no translation note",
            pointer="/copy/relation",
        )
