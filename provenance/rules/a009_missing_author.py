from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A009",
    name="missing-author",
    family=Family.ATTRIBUTION,
    severity=Severity.INFO,
    summary="Neither the copy held nor any hop before it names an author: nobody answers for "
    "the words. A wire or organisational byline ('Reuters', 'Staff', 'Our Correspondent') "
    "is an author.",
    bad='copy: {"author": []}; chain: [{"publisher": "gazette", "author": []}]',
    good='copy: {"author": []}; chain: [{"publisher": "gazette", "author": ["Jane Roe"]}]',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if any(hop.author for hop in ctx.hops):
        return
    bylines = ctx.evidence.bylines if ctx.evidence else ()
    named = next((b for b in bylines if b.names), None)
    yield ctx.finding(
        RULE,
        "no author is named for the copy held or for any hop before it",
        pointer="/copy/author",
        spans=[named.span] if named else [],
        fix=f'the text\'s byline names {", ".join(named.names)}: set "author"'
        if named
        else "find the byline of the original and record it on its hop",
    )
