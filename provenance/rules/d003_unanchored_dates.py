from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D003",
    name="unanchored-dates",
    family=Family.DATES,
    severity=Severity.WARNING,
    summary="The text dates events only relatively ('last week', '2 years ago') or without "
    "a year ('August 9'), and neither the text nor the catalog gives a date to anchor them.",
    bad='text: "His call last week ..."; every datePublished null',
    good='text: "His call last week ..."; copy: {"datePublished": "2024-08-16"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or any(hop.date_published for hop in ctx.hops):
        return
    dates = ctx.evidence.dates
    if any(d.kind == DateKind.ABSOLUTE for d in dates):
        return
    floating = [d for d in dates if d.kind in (DateKind.RELATIVE, DateKind.YEARLESS)]
    if floating:
        shown = ", ".join(f"'{d.span.text}'" for d in floating[:4])
        yield ctx.finding(
            RULE,
            f"{len(floating)} relative or year-less date(s) ({shown}) with nothing to anchor them",
            pointer="/copy/datePublished",
            spans=[d.span for d in floating[:4]],
            fix="find and record the publication date of the copy or of its original",
        )
