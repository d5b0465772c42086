from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import DateKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="D001",
    name="copy-undated",
    family=Family.DATES,
    severity=Severity.WARNING,
    summary="The copy held has no publication date: nothing tells when its words were "
    "published, so its relative dates ('last week') cannot be resolved.",
    bad='copy: {"datePublished": null}',
    good='copy: {"datePublished": "2024-08-27"}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.article.copy_held.date_published is not None:
        return
    datelines = [
        d
        for d in (ctx.evidence.dates if ctx.evidence else ())
        if d.dateline and d.kind == DateKind.ABSOLUTE and d.value
    ]
    yield ctx.finding(
        RULE,
        "the copy held has no publication date",
        pointer="/copy/datePublished",
        spans=[d.span for d in datelines[:1]],
        fix=f'the text\'s dateline says {datelines[0].value}: set "datePublished": '
        f'"{datelines[0].value}"'
        if datelines
        else None,
    )
