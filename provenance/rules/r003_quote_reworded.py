from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="R003",
    name="quote-reworded",
    family=Family.REUSE,
    severity=Severity.INFO,
    summary="A quotation that also appears in another article is worded differently there: "
    "at least one of them is a translation or a paraphrase, not the speaker's words.",
    bad='A: "We want respect, too." B: "We also want to be respected."',
    good="quote the version closest to the original, and say which one you quote",
)

IDENTICAL = 99.5


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for shared in ctx.shared:
        if shared.kind != "quotation" or shared.similarity >= IDENTICAL:
            continue
        members = sorted({c.article for c in shared.copies})
        for copy in shared.copies:
            others = [other for other in members[:4] if other != copy.article]
            yield ctx.finding(
                RULE,
                copy.article,
                f"a quotation shared with {', '.join(others[:3])} is worded differently "
                f"(similarity {shared.similarity:.0f})",
                evidence=(copy.location,),
            )
