from __future__ import annotations

from collections.abc import Iterator

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.rules._common import credits, named_in_opening, text_credits_hop
from provenance.rules.base import ArticleContext, article_rule

RULE = RuleInfo(
    code="A002",
    name="uncredited-copy",
    family=Family.ATTRIBUTION,
    severity=Severity.WARNING,
    summary="The copy held does not credit a hop it came from: a republication that hides "
    "its source (or credits nobody at all), or a text that shows its credit was removed (an "
    "emptied 'CITY () -' slot, a wire dateline without its agency, an auto-posting notice).",
    bad='chain: [{"publisher": "gazette", "credited": false}]; no credit line in the text',
    good='chain: [{"publisher": "gazette", "credited": true}]; text: "From The Gazette"',
    # The source side: an uncredited hop already lowers the source reliability.
    record_keeping=True,
)


@article_rule(RULE)
def check(ctx: ArticleContext) -> Iterator[Finding]:
    if ctx.evidence is None:
        return
    signs = ctx.evidence.uncredited
    if signs and not any(hop.credited for hop in ctx.article.chain):
        yield ctx.finding(
            RULE,
            f"the copy shows it was copied without credit: {signs[0].reason}",
            pointer="/chain/0/credited" if ctx.article.chain else "/copy/relation",
            spans=[sign.span for sign in signs[:3]],
            fix="find the source the text was taken from and record it as a hop",
        )
        return
    own = ctx.article.copy_held.publisher
    # A hop of the copy's own publisher (its edition in another language) needs no credit,
    # nor one only inferred to exist (no outlet, no author, 'credited' not known).
    # So does one whose outlet the text's opening names (a translation 'of one of the
    # stories The Guardian publishes'), when nobody recorded whether that is a credit.
    chain = [
        hop
        for hop in ctx.article.chain
        if (own is None or hop.publisher != own)
        and (hop.publisher or hop.author or hop.credited is not None)
        and not (hop.credited is None and named_in_opening(ctx, hop.publisher))
    ]
    if chain and not credits(ctx) and not any(hop.credited for hop in chain):
        yield ctx.finding(
            RULE,
            f"the copy credits nobody, though it came from {len(chain)} earlier hop(s)",
            pointer="/chain/0/credited",
            fix="cite the source in the catalog note, and prefer a credited copy",
        )
        return
    for index, hop in enumerate(ctx.article.chain):
        if hop not in chain or hop.credited or text_credits_hop(ctx, hop):
            continue
        if hop.publisher is None and not hop.author:
            continue  # nothing known to credit; the 'credits nobody' case is above
        yield ctx.finding(
            RULE,
            f"the copy does not credit {ctx.outlet_name(hop.publisher)}, a hop it came from",
            pointer=f"/chain/{index}/credited",
        )
