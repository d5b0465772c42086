from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import fold, same_person
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A003",
    name="author-mismatch",
    family=Family.ATTRIBUTION,
    severity=Severity.ERROR,
    summary="The byline or sign-off in the text names someone the catalog does not declare "
    "as an author of the copy or of any hop before it.",
    bad='text: "By Jane Roe"; copy: {"author": ["John Doe"]}',
    good='text: "By Jane Roe"; copy: {"author": ["Jane Roe"]}',
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    declared = [name for hop in ctx.hops for name in hop.author]
    # An organisational byline naming an outlet of the chain ('/ТАСС/' on a copy of TASS
    # wire) credits that hop: it is the chain's publisher, not an undeclared author.
    publishers = [ctx.outlet(hop.publisher) for hop in ctx.hops if hop.publisher]
    publisher_names = {
        fold(name)
        for outlet in publishers
        if outlet is not None
        for name in (outlet.name, *outlet.alternate_name)
    }
    written = [
        (name, b.span)
        for b in ctx.evidence.bylines
        for name in b.names
        if not (b.organisation and fold(name) in publisher_names)
    ]
    written += [(s.name, s.span) for s in ctx.evidence.sign_offs]
    reported: set[str] = set()
    for name, span in written:
        if name in reported or any(same_person(name, known) for known in declared):
            continue
        reported.add(name)
        if declared:
            message = f"the text is signed {name!r}, but the catalog declares {', '.join(declared)}"
        else:
            message = f"the text is signed {name!r}, but the catalog declares no author"
        yield ctx.finding(
            RULE,
            message,
            pointer="/copy/author",
            spans=[span],
            fix=f'add "{name}" to the author of the right hop',
        )
