from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import same_person
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="A006",
    name="quote-attribution-mismatch",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The same quotation (allowing for rewording by translation) is attributed to "
    "different speakers, or said to be given to different outlets, in different articles.",
    bad='A: "...," Jane Roe told The Gazette. B: "...," John Doe told the Herald.',
    good='A: "...," Jane Roe told The Gazette. B: "...," Jane Roe told The Gazette.',
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for shared in ctx.shared:
        if shared.kind != "quotation":
            continue
        speakers = [c for c in shared.copies if c.speaker]
        given = [c for c in shared.copies if c.given_to]
        for copy in shared.copies:
            clash = next(
                (
                    o
                    for o in speakers
                    if copy.speaker and not same_person(copy.speaker, o.speaker or "")
                ),
                None,
            )
            if clash is not None:
                message = (
                    f"this quotation is attributed to {copy.speaker!r} here, but to "
                    f"{clash.speaker!r} in {clash.article}"
                )
            else:
                outlet_clash = next(
                    (
                        o
                        for o in given
                        if copy.given_to
                        and o.given_to
                        and copy.given_to.casefold() != o.given_to.casefold()
                    ),
                    None,
                )
                if outlet_clash is None:
                    continue
                message = (
                    f"this quotation was given to {copy.given_to!r} here, but to "
                    f"{outlet_clash.given_to!r} in {outlet_clash.article}"
                )
            yield ctx.finding(
                RULE,
                copy.article,
                message,
                evidence=(copy.location,),
                fix="check the primary source of the quotation",
            )
