from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import chains_meet
from provenance.rules.base import CatalogContext, catalog_rule

RULE = RuleInfo(
    code="T011",
    name="translation-pair",
    family=Family.TRANSLATION,
    severity=Severity.WARNING,
    summary="Two articles of the catalog in different languages give the same names, numbers "
    "and dates in the same order, and neither chain leads to the other: one is likely a "
    "translation of the other, or both of one source the chains do not name.",
    bad="an English and a Russian article share '3 March 2024', '1,200', 'Zelensky', '48' "
    "... in order; their chains share no outlet or URL",
    good="the Russian article's chain has a hop with the English article's outlet and URL",
)


@catalog_rule(RULE)
def check(ctx: CatalogContext) -> Iterator[Finding]:
    for pair in ctx.translations:
        first, second = ctx.article(pair.first), ctx.article(pair.second)
        if chains_meet(first, second):
            continue
        shown = ", ".join(repr(item) for item in pair.shown)
        more = f" and {pair.shared - len(pair.shown)} more" if pair.shared > len(pair.shown) else ""
        yield ctx.finding(
            RULE,
            pair.second,
            f"shares {pair.shared} names, numbers and dates, in order, with {pair.first} "
            f"({pair.languages[1]} and {pair.languages[0]}): {shown}{more}; neither chain "
            "leads to the other",
            pointer="/chain",
            evidence=(pair.where[1], pair.where[0]),
            fix=f"if it translates {pair.first}, add that article's outlet and URL as a hop "
            "and mark the copy translated",
        )
