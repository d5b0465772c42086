from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.evidence.model import DateKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D006",
    name="relative-publication-time",
    family=Family.DATES,
    severity=Severity.WARNING,
    summary="The text tells its own time only relatively ('yesterday', 'last week', 'hace "
    "3 días') and no hop has a date to the day, so 'yesterday' cannot be resolved. A date "
    "without a year in a dateline ('Dec 7 (PTI)') anchors them well enough to say which day.",
    bad='text: "I noticed today that ..."; every datePublished null (or "2024-03")',
    good='text: "I noticed today that ..."; copy: {"datePublished": "2024-03-12"}',
)

_DAY_PRECISE = 10  # len('2024-03-12')
# 'the next day', 'three years later', 'the day before': relative to an event the text
# tells, not to when it was written.
_ANAPHORIC = re.compile(
    r"\b(?:later|next\s+day|day\s+before|following)\b|\b\w+\s+\w+\s+earlier$", re.IGNORECASE
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    if any(len(hop.date_published or "") >= _DAY_PRECISE for hop in ctx.hops):
        return
    dates = ctx.evidence.dates
    if any(
        d.kind == DateKind.ABSOLUTE or (d.dateline and d.kind == DateKind.YEARLESS) for d in dates
    ):
        return
    relative = [
        d for d in dates if d.kind == DateKind.RELATIVE and not _ANAPHORIC.search(d.span.text)
    ]
    if relative:
        shown = ", ".join(f"'{d.span.text}'" for d in relative[:4])
        yield ctx.finding(
            RULE,
            f"the text dates itself only relatively ({shown}) and no hop is dated to the day",
            pointer="/copy/datePublished",
            spans=[d.span for d in relative[:4]],
            fix="find the day the copy (or its original) was published and record it",
        )
