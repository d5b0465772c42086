"""The Admiralty grade of each article, with the reasons that set it.

Source reliability (A-F) starts from the outlet at the head of the chain and drops a step
for each hop that puts distance between the reader and it: a translation, an uncredited
copy, a hop of unknown kind. F means it cannot be judged (no known origin).
Information credibility (1-6) starts at 3 ('possibly true'), rises with corroboration by
articles from independent outlets, and falls with each family of problems found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from provenance.findings import Family, Finding, Severity
from provenance.models import Article, Catalog, HopRelation
from provenance.results import Grade, SharedPassage

LETTERS = "ABCDE"
WEIGHTED_FAMILIES = (Family.TRANSLATION, Family.ATTRIBUTION, Family.DATES, Family.INTEGRITY)


def source_reliability(article: Article, catalog: Catalog) -> tuple[str, list[str]]:
    hops = article.hops
    head = hops[0]
    outlet = catalog.outlet(head.publisher)
    if outlet is None or outlet.reliability is None or outlet.reliability.admiralty == "F":
        named = outlet.name if outlet else "not known"
        return "F", [f"the origin's reliability cannot be judged (origin: {named})"]
    letter = outlet.reliability.admiralty
    reasons = [f"{letter}: origin {outlet.name} ({outlet.reliability.status})"]
    step = LETTERS.index(letter)
    for index, hop in enumerate(hops[1:], start=1):
        if hop.relation in (HopRelation.TRANSLATED, HopRelation.UNKNOWN):
            step += 1
            reasons.append(f"-1: hop {index} is {hop.relation}")
    for index, hop in enumerate(article.chain):
        if hop.credited is False:
            step += 1
            reasons.append(f"-1: the copy does not credit hop {index}")
    if step >= len(LETTERS):
        step = len(LETTERS) - 1
    return LETTERS[step], reasons


_RANKS = {severity: severity.rank for severity in Severity}
_WEIGHTED = frozenset(WEIGHTED_FAMILIES)


def _problems(findings: Sequence[Finding]) -> dict[str, tuple[int, Finding]]:
    """For each weighted family with findings above info: how many, and the first of the
    most severe (one pass over the findings, where a pass per family took four)."""
    found: dict[str, tuple[int, Finding]] = {}
    for finding in findings:
        if finding.severity == Severity.INFO or finding.family not in _WEIGHTED:
            continue
        known = found.get(finding.family)
        if known is None:
            found[finding.family] = (1, finding)
        else:
            hits, worst = known
            if _RANKS[finding.severity] > _RANKS[worst.severity]:
                worst = finding
            found[finding.family] = (hits + 1, worst)
    return found


class Grader:
    """Grades the articles of one catalog; what is shared between articles is indexed once."""

    def __init__(self, catalog: Catalog, shared: Sequence[SharedPassage]) -> None:
        self.catalog = catalog
        self.publishers = {
            article.id: frozenset(hop.publisher for hop in article.hops if hop.publisher)
            for article in catalog.articles
        }
        # Each article's groups, not each pair: one statement repeated by thousands of
        # articles would make the pairs quadratic.
        # In the order of their smallest members, so that an article's groups can be left as
        # soon as one starts past the two smallest found (see _corroborating).
        self.groups: list[list[str]] = sorted(sorted({c.article for c in g.copies}) for g in shared)
        self.groups_of: dict[str, list[int]] = defaultdict(list)
        for number, members in enumerate(self.groups):
            for article_id in members:
                self.groups_of[article_id].append(number)

    def _corroborating(self, article_id: str) -> list[str]:
        """Up to two articles of other outlets that share text with this one (the smallest
        ids, so that the reason is the same on every run)."""
        publishers = self.publishers[article_id]
        smallest: list[str] = []  # the two smallest found so far, in order
        for number in self.groups_of.get(article_id, ()):
            members = self.groups[number]
            if len(smallest) == 2 and members[0] >= smallest[1]:
                break  # this group, and every one after it, starts past the two found
            for other in members:
                if len(smallest) == 2 and other >= smallest[1]:
                    break  # the group is sorted: nothing further down is smaller
                if other == article_id or other in smallest:
                    continue
                others = self.publishers[other]
                if others and not others & publishers:
                    smallest = sorted([*smallest, other])[:2]
        return smallest

    def credibility(
        self, article: Article, findings: Sequence[Finding], readable: bool
    ) -> tuple[int, list[str]]:
        if not readable:
            return 6, ["6: the text could not be read"]
        corroborating = self._corroborating(article.id)
        score = 3
        reasons = ["3: baseline, possibly true"]
        if len(corroborating) >= 2:
            score -= 2
            reasons.append(
                f"-2: corroborated by articles from other outlets ({', '.join(corroborating)})"
            )
        elif corroborating:
            score -= 1
            reasons.append(f"-1: corroborated by {corroborating[0]} from another outlet")
        problems = _problems(findings)
        for family in WEIGHTED_FAMILIES:
            if family in problems:
                hits, worst = problems[family]
                score += 1
                reasons.append(f"+1: {family} problems ({hits}, e.g. {worst.code} {worst.name})")
        score = max(1, min(5, score))
        if score == 1 and any(f.severity == Severity.ERROR for f in findings):
            score = 2
        return score, reasons

    def grade(self, article: Article, findings: Sequence[Finding], readable: bool) -> Grade:
        letter, letter_reasons = source_reliability(article, self.catalog)
        number, number_reasons = self.credibility(article, findings, readable)
        return Grade(
            reliability=letter,
            credibility=number,
            reliability_reasons=tuple(letter_reasons),
            credibility_reasons=tuple(number_reasons),
        )
