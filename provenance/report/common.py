"""What every human-readable report shares: the chain of an article, findings grouped and
counted, word differences between two wordings, and text made safe to print.

Written once here so that terminal, Markdown and HTML describe chains and differences with
the same words; each renderer only decides how to draw them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from provenance.findings import Finding, Location, Severity
from provenance.models import Article, Catalog, HeldCopy, Hop
from provenance.results import ArticleSummary, CheckResult, Grade, SharedPassage

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
UNKNOWN = "?"

# C0/C1 controls (but tab and newline) and bidi overrides: a hostile text must not be able to
# move a terminal's cursor, recolour it, or reorder what a reader sees.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_HTTP = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_WORD = re.compile(r"\S+")


def clean(text: str) -> str:
    """``text`` without control characters (newlines and tabs kept)."""
    return _CONTROLS.sub("", text)


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` cleaned, its whitespace runs made single spaces, cut at ``limit`` characters."""
    flat = _SPACES.sub(" ", clean(text)).strip()
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)].rstrip() + "…"
    return flat


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL, else None: nothing else becomes a link."""
    if url is None or _CONTROLS.search(url) or not _HTTP.match(url):
        return None
    return url


@dataclass(frozen=True)
class ChainStep:
    """One hop of an article's chain, with the names a reader needs."""

    index: int
    relation: str
    publisher_id: str | None
    publisher: str  # the outlet's name, its id when undefined, '?' when not known
    url: str | None
    date: str | None
    authors: tuple[str, ...]
    translators: tuple[str, ...]
    language: str | None
    credited: bool | None
    held: bool  # the copy held (the last step)

    @property
    def label(self) -> str:
        """What the step is, in a few words: 'translated, en', 'original'."""
        return f"{self.relation}, {self.language}" if self.language else self.relation

    def details(self) -> str:
        """Date, authors and translators, or what is missing: one short line."""
        parts = [self.date or "no date"]
        parts.append("by " + ", ".join(self.authors) if self.authors else "no author")
        if self.translators:
            parts.append("translated by " + ", ".join(self.translators))
        elif self.relation == "translated":
            parts.append("translator not named")
        return "; ".join(parts)


def _step(catalog: Catalog, index: int, hop: Hop | HeldCopy, held: bool) -> ChainStep:
    outlet = catalog.outlet(hop.publisher)
    name = outlet.name if outlet else (hop.publisher or UNKNOWN)
    return ChainStep(
        index=index,
        relation=str(hop.relation),
        publisher_id=hop.publisher,
        publisher=one_line(name, 80),
        url=hop.url,
        date=hop.date_published,
        authors=tuple(one_line(a, 80) for a in hop.author),
        translators=tuple(one_line(t, 80) for t in hop.translator),
        language=hop.in_language,
        credited=hop.credited if isinstance(hop, Hop) else None,
        held=held,
    )


def chain_steps(catalog: Catalog, article: Article) -> tuple[ChainStep, ...]:
    """The article's chain from the original to the copy held."""
    hops = article.hops
    return tuple(_step(catalog, i, hop, i == len(hops) - 1) for i, hop in enumerate(hops))


def chain_text(steps: Sequence[ChainStep], arrow: str = " → ") -> str:
    """'Outlet A (original) → Outlet B (republished) → ? (translated, en) [held]'."""
    parts = []
    for step in steps:
        text = f"{step.publisher} ({step.label}"
        text += f", {step.date})" if step.date else ")"
        parts.append(text + (" [held]" if step.held else ""))
    return arrow.join(parts)


def article_index(catalog: Catalog) -> dict[str, Article]:
    return {article.id: article for article in catalog.articles}


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first, then in file order: the order every report lists findings in."""
    return sorted(findings, key=lambda f: (-Severity(f.severity).rank, *f.sort_key()))


def findings_by_article(result: CheckResult) -> list[tuple[str | None, list[Finding]]]:
    """Findings grouped by article, in catalog order; catalog-wide findings (None) last."""
    order = {article.id: i for i, article in enumerate(result.catalog.articles)}
    groups: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.article, []).append(finding)

    def rank(key: str | None) -> tuple[int, int, str]:
        if key is None:
            return (2, 0, "")
        return (0, order[key], key) if key in order else (1, 0, key)

    return [(key, sorted_findings(groups[key])) for key in sorted(groups, key=rank)]


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[Severity(finding.severity)] += 1
    return counts


def summary_counts(summary: ArticleSummary) -> dict[Severity, int]:
    """An article's counts with every severity present (missing ones are 0)."""
    return {s: int(summary.counts.get(s, 0)) for s in SEVERITIES}


def counts_text(counts: dict[Severity, int]) -> str:
    return ", ".join(f"{counts[s]} {s.value}" for s in SEVERITIES)


def open_counts(findings: Iterable[Finding]) -> tuple[dict[Severity, int], int]:
    """Open (unacknowledged) findings by severity, and how many are acknowledged."""
    counts = dict.fromkeys(SEVERITIES, 0)
    acknowledged = 0
    for finding in findings:
        if finding.acknowledged is None:
            counts[Severity(finding.severity)] += 1
        else:
            acknowledged += 1
    return counts, acknowledged


def open_text(findings: Iterable[Finding]) -> str:
    """'13 open (0 error, 0 warning, 13 info), 33 acknowledged': how every report counts,
    so that no number stands unlabelled beside another that counts something else."""
    counts, acknowledged = open_counts(findings)
    return f"{sum(counts.values())} open ({counts_text(counts)}), {acknowledged} acknowledged"


def where(location: Location) -> str:
    return f"{location.file}:{location.line}:{location.column}"


def primary_location(finding: Finding) -> Location | None:
    return finding.catalog or (finding.evidence[0] if finding.evidence else None)


@dataclass(frozen=True)
class Change:
    """One stretch of a word diff: equal, or what the reference says and what the copy says."""

    op: Literal["equal", "replace", "delete", "insert"]
    before: tuple[str, ...]
    after: tuple[str, ...]


def word_diff(reference: str, copy: str) -> tuple[Change, ...]:
    """The word-level differences from ``reference`` to ``copy`` (whitespace ignored)."""
    a = tuple(_WORD.findall(clean(reference)))
    b = tuple(_WORD.findall(clean(copy)))
    # autojunk off: on long passages it would silently treat common words as noise.
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return tuple(Change(op, a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes())


def marked_side(
    changes: Sequence[Change], side: str, escape: Callable[[str], str], mark: Callable[[str], str]
) -> str:
    """One side ("before" or "after") of a word diff, escaped, with ``mark`` around each
    changed run: shared by the HTML and Markdown reports."""
    words = []
    for change in changes:
        chunk = change.before if side == "before" else change.after
        if chunk:
            text = escape(" ".join(chunk))
            words.append(text if change.op == "equal" else mark(text))
    return " ".join(words)


def changes_text(changes: Sequence[Change], limit: int = 6) -> list[str]:
    """The differences as short lines: '"military" → "defence"', '+ "also"', '- "very"'."""
    lines = []
    for change in changes:
        before, after = " ".join(change.before), " ".join(change.after)
        if change.op == "replace":
            lines.append(f"“{one_line(before, 60)}” → “{one_line(after, 60)}”")
        elif change.op == "delete":
            lines.append(f"− “{one_line(before, 60)}”")
        elif change.op == "insert":
            lines.append(f"+ “{one_line(after, 60)}”")
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more differences"]
    return lines


def reference_index(passage: SharedPassage) -> int:
    """Which copy the others are compared with: the likely source, else the first."""
    for i, copy in enumerate(passage.copies):
        if copy.article == passage.likely_source:
            return i
    return 0


def attribution_text(speaker: str | None, given_to: str | None) -> str:
    said = f"said by {speaker}" if speaker else "speaker not named"
    return said + (f", given to {given_to}" if given_to else "")


def attribution_differences(
    passage: SharedPassage, same_person: Callable[[str, str], bool] | None = None
) -> list[str]:
    """How the copies disagree on who said it and to whom. ``same_person``: the checks'
    notion of one person (rules/_common.one_person), so that one speaker spelled two ways
    is shown as that, not as two speakers."""
    notes = []
    speakers = sorted({c.speaker or UNKNOWN for c in passage.copies})
    given = sorted({c.given_to or UNKNOWN for c in passage.copies})
    named = [s for s in speakers if s != UNKNOWN]
    one = (
        same_person is not None
        and len(named) == len(speakers) > 1
        and all(same_person(named[0], other) for other in named[1:])
    )
    if one:
        notes.append("one speaker, spelled: " + " / ".join(one_line(s, 60) for s in speakers))
    elif len(speakers) > 1:
        notes.append("speaker differs: " + " / ".join(one_line(s, 60) for s in speakers))
    if len(given) > 1:
        notes.append("given to differs: " + " / ".join(one_line(g, 60) for g in given))
    return notes


def grade_rows(grade: Grade) -> list[tuple[str, str, list[str]]]:
    """(label, value, reasons) for the two axes of the grade and, apart, the record: every
    format shows the same three rows."""
    record = list(grade.record)
    return [
        ("Reliability", grade.reliability, [r for r in grade.reliability_reasons if r.strip()]),
        (
            "Credibility",
            str(grade.credibility),
            [r for r in grade.credibility_reasons if r.strip()],
        ),
        ("Record", "incomplete" if record else "complete", record),
    ]


def grade_legend() -> list[str]:
    """What a grade means, as every report prints it (provenance/grading.py)."""
    from provenance.grading import legend_lines

    return legend_lines()


def person_matcher(result: CheckResult) -> Callable[[str, str], bool]:
    """The checks' notion of one person, for a report of ``result``."""
    from provenance.rules._common import one_person

    return one_person(result.catalog.people, result.name_variants)
