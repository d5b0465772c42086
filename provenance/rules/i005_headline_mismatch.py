from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import fold
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="I005",
    name="headline-mismatch",
    family=Family.INTEGRITY,
    severity=Severity.ERROR,
    summary="The catalog's headline for the article is not the headline in its text: the "
    "entry and the file do not describe the same article.",
    bad='"headline": "Markets fall" for a file headed "Tokens rise"',
    good='"headline": "Tokens rise" for a file headed "Tokens rise"',
)

MIN_SIMILARITY = 85


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    declared = ctx.article.headline
    if declared is None or ctx.evidence is None or not ctx.evidence.headlines or not ctx.text:
        return
    from rapidfuzz import fuzz

    wanted = fold(declared)
    if any(fuzz.ratio(wanted, fold(h.span.text)) >= MIN_SIMILARITY for h in ctx.evidence.headlines):
        return
    head = ctx.text[: max(2000, len(declared) * 4)]
    if fuzz.partial_ratio(wanted, fold(head)) >= MIN_SIMILARITY:
        return
    found = ctx.evidence.headlines[0]
    yield ctx.finding(
        RULE,
        f"the catalog's headline {declared!r} is not the text's ({found.span.text!r})",
        pointer="/headline",
        spans=[found.span],
        fix="check that the entry points at the right file",
    )
