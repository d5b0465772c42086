from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind, ResidueKind, Span
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D005",
    name="page-relative-date",
    family=Family.DATES,
    severity=Severity.INFO,
    summary="The page stamps the post relative to when it was viewed ('2 years ago', "
    "'Updated: 15 hr ago', 'vor 3 Tagen'), and the catalog does not record when the copy was "
    "retrieved, so that date is lost.",
    bad='text: "in #asia 2 years ago"; copy: {"dateRetrieved": null}',
    good='text: "in #asia 2 years ago"; copy: {"dateRetrieved": "2026-11-29"}',
)


def _page_stamp(ctx: ArticleContext) -> Span | None:
    """The header's relative stamp, or a relative date on a platform line ('in #asia2 years
    ago')."""
    assert ctx.evidence is not None
    stamp = next((s for s in ctx.evidence.stamps if s.relative), None)
    if stamp is not None:
        return stamp.span
    platform_lines = {r.span.line for r in ctx.evidence.residue if r.kind == ResidueKind.PLATFORM}
    mention = next(
        (
            d
            for d in ctx.evidence.dates
            if d.kind == DateKind.RELATIVE and d.span.line in platform_lines
        ),
        None,
    )
    return mention.span if mention else None


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or ctx.article.copy_held.date_retrieved is not None:
        return
    span = _page_stamp(ctx)
    if span is not None:
        yield ctx.finding(
            RULE,
            f"the page dates this copy '{span.text}', relative to a retrieval date that is not "
            "recorded",
            pointer="/copy/dateRetrieved",
            spans=[span],
            fix="record dateRetrieved when saving a page",
        )
