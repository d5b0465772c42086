from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import chains_meet
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="R002",
    name="undeclared-reuse",
    family=Family.REUSE,
    severity=Severity.WARNING,
    summary="The article shares a passage with another article whose outlet is nowhere in "
    "its chain: an undeclared republication, or a chain that is incomplete.",
    bad="two articles share paragraphs; neither chain names the other's publisher",
    good="the copy's chain has a hop with \"publisher\" set to the source's outlet",
)


# Without a likely source, a copy is compared with this many others of its group: enough to
# name the problem, and the work stays linear in the size of a large group.
MAX_COMPARED = 10


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for shared in ctx.shared:
        if shared.kind != "passage":
            continue
        for copy in shared.copies:
            if copy.article == shared.likely_source:
                continue
            article = ctx.article(copy.article)
            if shared.likely_source is not None:
                others = [shared.likely_source]
            else:
                others = [c.article for c in shared.copies if c.article != copy.article]
                others = others[:MAX_COMPARED]
            unrelated = [o for o in others if not chains_meet(article, ctx.article(o))]
            if unrelated:
                yield ctx.finding(
                    RULE,
                    copy.article,
                    f"shares text with {', '.join(sorted(unrelated)[:3])}, but the chains "
                    "share no outlet or URL",
                    pointer="/chain",
                    evidence=(copy.location,),
                    fix="add the source to the chain, or explain the link in a note",
                )
