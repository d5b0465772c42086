from __future__ import annotations

from collections.abc import Iterator

from provenance.evidence.model import CreditKind, TranslationBasis
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import credits, translated_hops
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T006",
    name="undeclared-translation",
    family=Family.TRANSLATION,
    severity=Severity.ERROR,
    summary="The text says it is a translation (in any of the languages the tool reads: "
    "'Translated from', 'Перевод с', 'Übersetzung', 'traduit de', '译'), but the chain "
    "declares no translated hop.",
    bad='text: "Translated from the Russian by J. Doe"; copy: {"relation": "republished"}',
    good='text: "Translated from the Russian by J. Doe"; copy: {"relation": "translated", '
    '"translator": ["J. Doe"]}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or any(translated_hops(ctx)):
        return
    notes = credits(ctx, [CreditKind.TRANSLATED_FROM])
    stated = [s for s in ctx.evidence.translations if s.basis == TranslationBasis.STATED]
    if stated:
        said = f"the text says it is a translation ({stated[0].reason})"
    elif notes:
        said = f"the text says it was translated from {notes[0].target}"
    else:
        return
    yield ctx.finding(
        RULE,
        f"{said}, but the chain declares no translation",
        pointer="/copy/relation",
        spans=[sign.span for sign in stated[:3]] or [note.span for note in notes],
        fix='set the copy\'s relation to "translated" and add the original as a hop',
    )
