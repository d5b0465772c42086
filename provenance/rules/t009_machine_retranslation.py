from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.models import HopRelation
from provenance.rules._common import garbled_clusters, written_variants
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T009",
    name="machine-translation-signs",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="The text shows the marks of machine (re-)translation: people's names spelled "
    "several ways and outlets named by garbled names. Its quotes are not the speakers' words.",
    bad='"said Jon Smyth" ... "Smith told the Gazzete" ... "Smitt argued"',
    good='"said John Smith" ... "Smith told the Gazette" ... "Smith argued"',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    clusters = garbled_clusters(ctx)
    outlets = [m for m in ctx.evidence.outlets if not m.match.exact]
    signs = len(clusters) + len(outlets)
    if signs < 2 or not clusters:
        return
    declared = any(hop.relation == HopRelation.TRANSLATED for hop in ctx.hops)
    names = "; ".join(" / ".join(written_variants(c)) for c in clusters[:3])
    message = (
        f"{len(clusters)} name(s) spelled several ways ({names}) and "
        f"{len(outlets)} garbled outlet name(s): signs of machine translation"
    )
    if not declared:
        message += ", but the chain declares no translation"
    yield ctx.finding(
        RULE,
        message,
        pointer="/copy/relation",
        spans=[clusters[0].mentions[0], *(m.span for m in outlets[:1])],
        fix=None if declared else 'declare the translated hop ("relation": "translated")',
    )
