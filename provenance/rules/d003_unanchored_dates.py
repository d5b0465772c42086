from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D003",
    name="yearless-dates",
    family=Family.DATES,
    severity=Severity.WARNING,
    summary="The text dates events without a year ('August 9', '22 January'), and neither the "
    "text nor the catalog gives a year to anchor them.",
    bad='text: "... reported on 22 January ..."; every datePublished null',
    good='text: "... reported on 22 January ..."; copy: {"datePublished": "2003-02-04"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or any(hop.date_published for hop in ctx.hops):
        return
    dates = ctx.evidence.dates
    if any(d.kind in (DateKind.ABSOLUTE, DateKind.MONTH_YEAR) for d in dates):
        return
    yearless = [d for d in dates if d.kind == DateKind.YEARLESS]
    if yearless:
        shown = ", ".join(f"'{d.span.text}'" for d in yearless[:4])
        yield ctx.finding(
            RULE,
            f"{len(yearless)} date(s) without a year ({shown}) and nothing to give them one",
            pointer="/copy/datePublished",
            spans=[d.span for d in yearless[:4]],
            fix="find and record the publication date of the copy or of its original",
        )
