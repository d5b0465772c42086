from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import one_person
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="A006",
    name="quote-attribution-mismatch",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The same quotation (allowing for rewording by translation) is attributed to "
    "different speakers, or said to be given to different outlets, in different articles. "
    "Speakers are one person when A004/A005 would say so: one name romanised or garbled "
    "two ways, or two spellings the catalog's people list for one person.",
    bad='A: "...," Jane Roe told The Gazette. B: "...," John Doe told the Herald.',
    good='A: "...," Jane Roe told The Gazette. B: "...," Jane Roe told The Gazette.',
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    same_person = one_person(ctx.catalog.people, ctx.name_variants)
    for shared in ctx.shared:
        if shared.kind != "quotation":
            continue
        copies = shared.copies
        speaker_clash = _first_clash([c.speaker for c in copies], same_person)
        outlet_clash = _first_clash([c.given_to for c in copies], _same_outlet)
        for copy in copies:
            if copy.speaker in speaker_clash:
                clash = copies[speaker_clash[copy.speaker]]
                message = (
                    f"this quotation is attributed to {copy.speaker!r} here, but to "
                    f"{clash.speaker!r} in {clash.article}"
                )
            elif copy.given_to in outlet_clash:
                clash = copies[outlet_clash[copy.given_to]]
                message = (
                    f"this quotation was given to {copy.given_to!r} here, but to "
                    f"{clash.given_to!r} in {clash.article}"
                )
            else:
                continue
            yield ctx.finding(
                RULE,
                copy.article,
                message,
                evidence=(copy.location,),
                fix="check the primary source of the quotation",
            )


def _same_outlet(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _first_clash(
    values: Sequence[str | None], same: Callable[[str, str], bool]
) -> dict[str | None, int]:
    """Each distinct value -> where the first value that is not the same stands. A quotation
    copied by thousands of articles has a handful of distinct speakers: they are compared
    with each other, not every copy with every other."""
    first_at: dict[str, int] = {}
    for position, value in enumerate(values):
        if value:
            first_at.setdefault(value, position)
    clashes: dict[str | None, int] = {}
    for value in first_at:
        clash = next((at for other, at in first_at.items() if not same(value, other)), None)
        if clash is not None:
            clashes[value] = clash
    return clashes
