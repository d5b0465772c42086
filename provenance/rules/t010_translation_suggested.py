from __future__ import annotations

from collections.abc import Iterator

from provenance import knowledge
from provenance.evidence.model import Credit, CreditKind
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.models import Outlet, OutletCategory
from provenance.rules._common import credits
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="T010",
    name="translation-suggested",
    family=Family.TRANSLATION,
    severity=Severity.INFO,
    summary="The text suggests it is a translation: it says so in its own language, sets two "
    "languages side by side, keeps untranslated captions or credits, carries "
    "machine-translation traces, or credits a passage to an outlet that publishes only in "
    "other languages. Shown even when the chain declares the translation, so the reader "
    "sees why it is one.",
    bad='text: "Перевод с английского: ..." (or a German press review quoting «El Mundo»)',
    good="a text that is in one language and credits outlets that publish in it",
)

SHOWN = 3

# Credits that give a passage to an outlet. An agency credit is left out: agencies run
# services in many languages, and the knowledge lists only their main ones.
_PASSAGE_CREDITS = frozenset(
    {
        CreditKind.FROM,
        CreditKind.ORIGINALLY_PUBLISHED,
        CreditKind.FIRST_APPEARED,
        CreditKind.REPUBLISHED,
        CreditKind.SOURCE,
        CreditKind.VIA,
        CreditKind.PARTNERSHIP,
        CreditKind.MASTHEAD,
        CreditKind.TITLE_SITE,
    }
)


def _credited_outlet(ctx: ArticleContext, credit: Credit) -> Outlet | None:
    if credit.outlet is not None:
        return ctx.outlet(credit.outlet.outlet)
    return knowledge.resolve_name(credit.target, ctx.catalog.outlets)


def foreign_credits(ctx: ArticleContext) -> list[tuple[Credit, Outlet, str]]:
    """Credits naming an outlet that publishes only in languages other than the copy's."""
    language = ctx.article.copy_held.in_language or (
        ctx.evidence.language.code if ctx.evidence and ctx.evidence.language else None
    )
    if language is None:
        return []
    found: list[tuple[Credit, Outlet, str]] = []
    seen: set[str] = set()
    for credit in credits(ctx, _PASSAGE_CREDITS):
        outlet = _credited_outlet(ctx, credit)
        if outlet is None or outlet.id in seen or not outlet.in_language:
            continue
        if outlet.category == OutletCategory.NEWS_AGENCY or language in outlet.in_language:
            continue
        seen.add(outlet.id)
        found.append((credit, outlet, language))
    return found


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    signs = [(sign.reason, sign.span) for sign in ctx.evidence.translations]
    signs += [
        (
            f"the text credits {outlet.name} ({credit.span.text.strip()!r}), which publishes "
            f"in {', '.join(outlet.in_language)}, and the copy is in {language}",
            credit.span,
        )
        for credit, outlet, language in foreign_credits(ctx)
    ]
    if not signs:
        return
    reasons = "; ".join(reason for reason, _ in signs[:SHOWN])
    more = f" (and {len(signs) - SHOWN} more)" if len(signs) > SHOWN else ""
    yield ctx.finding(
        RULE,
        f"the text suggests a translation: {reasons}{more}",
        pointer="/copy/relation",
        spans=[span for _, span in signs[:SHOWN]],
        fix=None,
    )
