from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T010",
    name="translation-suggested",
    family=Family.TRANSLATION,
    severity=Severity.INFO,
    summary="The text suggests it is a translation: it says so in its own language, sets two "
    "languages side by side, keeps untranslated captions or credits, or carries "
    "machine-translation traces. Shown even when the chain declares the translation, so "
    "the reader sees why it is one.",
    bad='text: "Перевод с английского: ..." (or lines alternating Portuguese and English)',
    good="a text that is in one language and says nothing of a translation",
)

SHOWN = 3


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    signs = ctx.evidence.translations if ctx.evidence else ()
    if not signs:
        return
    reasons = "; ".join(sign.reason for sign in signs[:SHOWN])
    more = f" (and {len(signs) - SHOWN} more)" if len(signs) > SHOWN else ""
    yield ctx.finding(
        RULE,
        f"the text suggests a translation: {reasons}{more}",
        pointer="/copy/relation",
        spans=[sign.span for sign in signs[:SHOWN]],
        fix=None,
    )
