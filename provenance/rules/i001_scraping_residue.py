from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from provenance.evidence.model import Span
from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="I001",
    name="scraping-residue",
    family=Family.INTEGRITY,
    severity=Severity.WARNING,
    summary="The text holds site furniture scraped with it (footers, 'Subscribe', price "
    "tickers, navigation): not the article's words, and a sign of a scraped copy.",
    bad='text ending "Read more ... Subscribe ... BTC 59888.38"',
    good="the article's own paragraphs only",
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None or not ctx.evidence.residue:
        return
    by_kind: dict[str, list[Span]] = defaultdict(list)
    for residue in ctx.evidence.residue:
        by_kind[residue.kind].append(residue.span)
    for kind, spans in sorted(by_kind.items()):
        yield ctx.finding(
            RULE,
            f"{len(spans)} line(s) of scraped {kind} residue, from line {spans[0].line}",
            pointer="/file",
            spans=spans[:5],
            fix="strip the residue from the file, or keep the file as saved and acknowledge",
        )
