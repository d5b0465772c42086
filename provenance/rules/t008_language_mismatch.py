from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T008",
    name="language-mismatch",
    family=Family.TRANSLATION,
    severity=Severity.ERROR,
    summary="The copy's declared language is not the language its text is written in.",
    bad='copy: {"inLanguage": "ru"} for a text in English',
    good='copy: {"inLanguage": "en"} for a text in English',
    record_keeping=True,
)

# Below this the detector is guessing (very short texts, mixed languages).
MIN_CONFIDENCE = 0.9
MIN_CHARACTERS = 200


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    declared = ctx.article.copy_held.in_language
    evidence = ctx.evidence
    if declared is None or evidence is None or evidence.language is None or ctx.text is None:
        return
    detected = evidence.language
    if detected.confidence < MIN_CONFIDENCE or len(ctx.text) < MIN_CHARACTERS:
        return
    if declared.split("-")[0].lower() != detected.code.lower():
        yield ctx.finding(
            RULE,
            f"declared {declared}, but the text reads as {detected.code} "
            f"(confidence {detected.confidence:.2f})",
            pointer="/copy/inLanguage",
            fix=f'set "inLanguage": "{detected.code}", or check that the right file is catalogued',
        )
