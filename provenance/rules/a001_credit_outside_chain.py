from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import CreditKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import chain_publishers, credits, fold
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A001",
    name="credit-outside-chain",
    family=Family.ATTRIBUTION,
    severity=Severity.ERROR,
    summary="A credit line in the text ('From X', 'Originally published by X', 'Source: X') "
    "names an outlet that the article's chain does not contain.",
    bad='text ends "Originally published by The Gazette"; chain: [{"publisher": "wire"}]',
    good='text ends "Originally published by The Gazette"; chain: [{"publisher": "gazette"}]',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    publishers = chain_publishers(ctx)
    authors = {fold(name) for hop in ctx.hops for name in hop.author}
    seen: set[str] = set()
    for credit in credits(ctx):
        if credit.kind == CreditKind.COPYRIGHT and credit.outlet is None:
            continue  # a copyright holder may be a person or a company: not a claim of origin
        if credit.kind == CreditKind.TRANSLATED_FROM and credit.language is not None:
            continue  # 'Translated from the Russian': a language, not an outlet
        if fold(credit.target) in authors:
            continue
        key = credit.outlet.outlet if credit.outlet else fold(credit.target)
        if key in seen or (credit.outlet and credit.outlet.outlet in publishers):
            continue
        seen.add(key)
        if credit.outlet is None:
            message = (
                f"the text credits {credit.target!r}, which is neither an outlet of the "
                "catalog nor in the chain"
            )
            fix = "add the outlet to outlets and the hop to the chain"
        else:
            message = (
                f"the text credits {ctx.outlet_name(credit.outlet.outlet)} "
                f"({credit.span.text.strip()!r}), which is not in the chain"
            )
            fix = f'add a hop with "publisher": "{credit.outlet.outlet}" to the chain'
        yield ctx.finding(RULE, message, pointer="/chain", spans=[credit.span], fix=fix)
