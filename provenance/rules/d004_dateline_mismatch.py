from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind, StampLabel
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.models import date_bounds
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D004",
    name="dateline-mismatch",
    family=Family.DATES,
    severity=Severity.ERROR,
    summary="The byline or dateline in the text carries a date that no hop of the chain "
    "declares: the catalog or the file is wrong.",
    bad='text: "By Jane Roe, March 3, 2024"; copy: {"datePublished": "2024-05-03"}',
    good='text: "By Jane Roe, March 3, 2024"; copy: {"datePublished": "2024-03-03"}',
)


def _overlaps(value: str, declared: str) -> bool:
    start, end = date_bounds(value)
    declared_start, declared_end = date_bounds(declared)
    return start <= declared_end and declared_start <= end


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    declared = [hop.date_published for hop in ctx.hops if hop.date_published]
    if ctx.evidence is None or not declared:
        return
    labelled = [s for s in ctx.evidence.stamps if s.label != StampLabel.NONE and s.value]
    first_label = labelled[0].span.start if labelled else -1
    for mention in ctx.evidence.dates:
        if not (mention.dateline and mention.value and mention.kind == DateKind.ABSOLUTE):
            continue
        if mention.span.start < first_label:
            continue  # a date above the labelled stamp: the site's banner of today's date
        try:
            if any(_overlaps(mention.value, date) for date in declared):
                continue
        except ValueError:
            continue
        yield ctx.finding(
            RULE,
            f"the text's dateline says {mention.value}, but the catalog declares "
            f"{', '.join(declared)}",
            pointer="/copy/datePublished",
            spans=[mention.span],
            fix=f'check the file, or set "datePublished": "{mention.value}"',
        )
