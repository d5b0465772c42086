"""The Admiralty grade of each article, with the reasons that set it, and apart from it the
quality of the record.

Source reliability (A-F) starts from the outlet at the head of the chain and drops a step
for each hop that puts distance between the reader and it: a translation, an uncredited
copy, a hop of unknown kind. F means it cannot be judged (no known origin).

Information credibility (1-6) starts at 3 ('possibly true'). It rises with corroboration:
another article of the catalog that tells the same story (the same people, dates and
figures) from an independent outlet: not in this article's chain nor it in its, sharing no
passage or quotation with it, not a translation of it, not crediting the same source. Copies
of one source confirm nothing: they are listed as copies. It falls with each family of
findings that bear on whether the information is true (a translation that distorts, a
credit that does not match).

The record's quality is a line of its own: findings about how the record was kept (a
missing date, scraping residue, a name spelled two ways, a translator not named) say
nothing about whether the claim is true, so they do not move the credibility.

Hops are numbered as every list shows them: 1 is the original, the copy held is last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from provenance.findings import Family, Finding, RuleInfo, Severity
from provenance.models import Article, Catalog, HopRelation
from provenance.results import Grade, SharedPassage

LETTERS = "ABCDE"
CREDIBILITY_FAMILIES = (Family.TRANSLATION, Family.ATTRIBUTION)
RECORD_FAMILIES = (Family.TRANSLATION, Family.ATTRIBUTION, Family.DATES, Family.INTEGRITY)
SHOWN = 2
# A passage or quotation shared by more articles than this says nothing of one source: a
# famous quotation is repeated everywhere.
MAX_GROUP = 50

# The Admiralty code's definitions (NATO AJP-2.1; US Army FM 2-22.3, appendix B), which
# every report prints beside the grades.
RELIABILITY_LEGEND = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LEGEND = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def legend_lines() -> list[str]:
    """What a grade like 'B3' means, one line per axis, for every report."""
    letters = "; ".join(f"{k} {v}" for k, v in RELIABILITY_LEGEND.items())
    numbers = "; ".join(f"{k} {v}" for k, v in CREDIBILITY_LEGEND.items())
    return [
        f"Source reliability (letter): {letters}.",
        f"Information credibility (number): {numbers}.",
        "Record quality is shown apart: missing dates, residue and spellings do not change "
        "the grade.",
    ]


def hop_label(article: Article, catalog: Catalog, index: int) -> str:
    """'hop 2 (Oilprice)': a hop by its place in the chain as lists show it (1 = the
    original), with its outlet."""
    hop = article.hops[index]
    outlet = catalog.outlet(hop.publisher)
    name = outlet.name if outlet else (hop.publisher or "unknown outlet")
    held = ", the copy held" if index == len(article.hops) - 1 else ""
    return f"hop {index + 1} ({name}{held})"


def source_reliability(article: Article, catalog: Catalog) -> tuple[str, list[str]]:
    hops = article.hops
    head = hops[0]
    outlet = catalog.outlet(head.publisher)
    if outlet is None or outlet.reliability is None or outlet.reliability.admiralty == "F":
        named = outlet.name if outlet else "not known"
        return "F", [f"F: the origin's reliability cannot be judged (origin: {named})"]
    letter = outlet.reliability.admiralty
    reasons = [f"{letter}: origin {outlet.name} ({outlet.reliability.status})"]
    step = LETTERS.index(letter)
    for index, hop in enumerate(hops[1:], start=1):
        if hop.relation in (HopRelation.TRANSLATED, HopRelation.UNKNOWN):
            step += 1
            reasons.append(f"-1: {hop_label(article, catalog, index)} is {hop.relation}")
    for index, hop in enumerate(article.chain):
        if hop.credited is False:
            step += 1
            reasons.append(f"-1: the copy does not credit {hop_label(article, catalog, index)}")
    if step >= len(LETTERS):
        step = len(LETTERS) - 1
    return LETTERS[step], reasons


@cache
def _rule_infos() -> dict[str, RuleInfo]:
    from provenance.rules.base import all_rules

    return {rule.info.code: rule.info for rule in all_rules()}


def _about_the_record(finding: Finding) -> bool:
    info = _rule_infos().get(finding.code)
    if info is not None:
        return info.about_the_record
    return finding.family in (Family.DATES, Family.INTEGRITY)


_RANKS = {severity: severity.rank for severity in Severity}
_WEIGHTED = frozenset(RECORD_FAMILIES)


def _problems(findings: Iterable[Finding], record: bool) -> dict[str, tuple[int, Finding]]:
    """For each family, among the findings above info that are (``record``) or are not
    about the record's keeping: how many, and the first of the most severe."""
    found: dict[str, tuple[int, Finding]] = {}
    for finding in findings:
        if finding.severity == Severity.INFO or finding.family not in _WEIGHTED:
            continue  # acknowledged ones count: an acknowledgement says known, not fixed
        if _about_the_record(finding) is not record:
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


def record_quality(findings: Sequence[Finding]) -> list[str]:
    """The record's problems, one line per family ('dates: 2, e.g. D001 copy-undated');
    empty when the record is complete."""
    problems = _problems(findings, record=True)
    return [
        f"{family}: {hits}, e.g. {worst.code} {worst.name}"
        for family in RECORD_FAMILIES
        if family in problems
        for hits, worst in [problems[family]]
    ]


class Grader:
    """Grades the articles of one catalog; what articles share is indexed once.

    ``stories``: pairs of article ids whose texts tell the same story (crosslingual.py);
    ``copies``: pairs known to be one text twice (a translation pair). Articles in one group
    of ``shared`` passages or quotations are copies of each other too."""

    def __init__(
        self,
        catalog: Catalog,
        shared: Sequence[SharedPassage],
        stories: Iterable[tuple[str, str]] = (),
        copies: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.catalog = catalog
        self.publishers = {
            article.id: frozenset(hop.publisher for hop in article.hops if hop.publisher)
            for article in catalog.articles
        }
        self.urls = {
            article.id: frozenset(hop.url for hop in article.hops if hop.url)
            for article in catalog.articles
        }
        self.sharing: dict[str, set[str]] = defaultdict(set)
        for group in shared:
            members = {copy.article for copy in group.copies}
            # A quotation repeated by thousands is no sign of one text: only small groups.
            if len(members) <= MAX_GROUP:
                for member in members:
                    self.sharing[member] |= members - {member}
        for a, b in copies:
            self.sharing[a].add(b)
            self.sharing[b].add(a)
        self.stories: dict[str, set[str]] = defaultdict(set)
        for a, b in stories:
            self.stories[a].add(b)
            self.stories[b].add(a)

    def independent(self, a: str, b: str) -> bool:
        """Whether two articles come from outlets independent of each other: neither chain
        holds the other's outlets or addresses (which also covers crediting one source), and
        they share no text."""
        publishers_a, publishers_b = self.publishers[a], self.publishers[b]
        if not publishers_a or not publishers_b or publishers_a & publishers_b:
            return False
        return not (self.urls[a] & self.urls[b]) and b not in self.sharing[a]

    def _corroboration(self, article_id: str) -> tuple[list[str], list[str]]:
        """The articles that corroborate this one, and those that are copies of one source
        with it (both sorted, so that the reasons are the same on every run)."""
        related = self.stories[article_id] | self.sharing[article_id]
        corroborating = sorted(o for o in related if self.independent(article_id, o))
        copies = sorted(related - set(corroborating))
        return corroborating, copies

    def credibility(
        self, article: Article, findings: Sequence[Finding], readable: bool
    ) -> tuple[int, list[str]]:
        if not readable:
            return 6, ["6: the text could not be read: its truth cannot be judged"]
        corroborating, copies = self._corroboration(article.id)
        score = 3
        reasons = ["3: baseline, possibly true"]
        if corroborating:
            named = ", ".join(corroborating[:SHOWN])
            more = f" and {len(corroborating) - SHOWN} more" if len(corroborating) > SHOWN else ""
            step = 2 if len(corroborating) >= 2 else 1
            score -= step
            reasons.append(
                f"-{step}: the same story (people, dates, figures) from independent outlets: "
                f"{named}{more}"
            )
        if copies:
            named = ", ".join(copies[:SHOWN])
            more = f" and {len(copies) - SHOWN} more" if len(copies) > SHOWN else ""
            reasons.append(
                f"0: not counted as corroboration, copies of one source with it: {named}{more}"
            )
        problems = _problems(findings, record=False)
        for family in CREDIBILITY_FAMILIES:
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
            record=tuple(record_quality(findings)),
        )
