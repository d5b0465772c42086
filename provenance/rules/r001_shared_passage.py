from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="R001",
    name="shared-passage",
    family=Family.REUSE,
    severity=Severity.INFO,
    summary="A passage of the article appears word for word in another article of the "
    "catalog; the report shows which copy is the likely source.",
    bad="(informational: shown so that reuse is visible)",
    good="(informational)",
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for shared in ctx.shared:
        if shared.kind != "passage":
            continue
        members = sorted({c.article for c in shared.copies})
        for copy in shared.copies:
            others = [other for other in members[:4] if other != copy.article]
            source = f"; likely source: {shared.likely_source}" if shared.likely_source else ""
            yield ctx.finding(
                RULE,
                copy.article,
                f"shares a passage with {', '.join(others[:3])}{source}",
                evidence=(copy.location,),
            )
