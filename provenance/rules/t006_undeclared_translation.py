from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import CreditKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import credits, translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T006",
    name="undeclared-translation",
    family=Family.TRANSLATION,
    severity=Severity.ERROR,
    summary="The text says it is a translation, but the chain declares no translated hop.",
    bad='text: "Translated from the Russian by J. Doe"; copy: {"relation": "republished"}',
    good='text: "Translated from the Russian by J. Doe"; copy: {"relation": "translated", '
    '"translator": ["J. Doe"]}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    notes = credits(ctx, [CreditKind.TRANSLATED_FROM])
    if notes and not any(translated_hops(ctx)):
        yield ctx.finding(
            RULE,
            f"the text says it was translated from {notes[0].target}, but the chain "
            "declares no translation",
            pointer="/copy/relation",
            spans=[note.span for note in notes],
            fix='set the copy\'s relation to "translated" and add the original as a hop',
        )
