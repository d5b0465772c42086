from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A007",
    name="garbled-outlet-name",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The text names an outlet by a near-miss of its real name (a transliteration or "
    "machine-translation garble), so readers cannot find the source it cites.",
    bad='"praised by Gazzete, a private outlet"',
    good='"praised by Gazette, a private outlet"',
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    seen: set[tuple[str, str]] = set()
    for mention in ctx.evidence.outlets:
        match = mention.match
        key = (match.outlet, mention.span.text)
        if match.exact or key in seen:
            continue
        seen.add(key)
        yield ctx.finding(
            RULE,
            f"{mention.span.text!r} looks like a garbled {ctx.outlet_name(match.outlet)} "
            f"(similarity {match.score:.0f})",
            spans=[mention.span],
            fix=f"write {match.matched!r}",
        )
