from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind, ResidueKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D005",
    name="page-relative-date",
    family=Family.DATES,
    severity=Severity.INFO,
    summary="The page dates the post relative to when it was viewed ('2 years ago'), and the "
    "catalog does not record when the copy was retrieved, so that date is lost.",
    bad='text: "in #asia 2 years ago"; copy: {"dateRetrieved": null}',
    good='text: "in #asia 2 years ago"; copy: {"dateRetrieved": "2026-11-29"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or ctx.article.copy_held.date_retrieved is not None:
        return
    platform_lines = {r.span.line for r in ctx.evidence.residue if r.kind == ResidueKind.PLATFORM}
    page_dates = [
        d
        for d in ctx.evidence.dates
        if d.kind == DateKind.RELATIVE and d.span.line in platform_lines
    ]
    if page_dates:
        yield ctx.finding(
            RULE,
            f"the page dates this copy '{page_dates[0].span.text}', relative to a retrieval "
            "date that is not recorded",
            pointer="/copy/dateRetrieved",
            spans=[page_dates[0].span],
            fix="record dateRetrieved when saving a page",
        )
