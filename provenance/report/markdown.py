"""The Markdown report (GitHub-flavoured), for a repository or a wiki page.

Every value from the catalog or an article is escaped (``md``): the punctuation that opens
emphasis, code, a link or a table cell gets a backslash and '<', '>', '&' become entities,
so no text can open a link, an image or raw HTML. Only http(s) URLs become links.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from provenance.findings import Finding, Severity
from provenance.report.common import (
    SEVERITIES,
    Change,
    article_index,
    attribution_differences,
    attribution_text,
    chain_steps,
    findings_by_article,
    grade_legend,
    grade_rows,
    marked_side,
    one_line,
    open_text,
    person_matcher,
    reference_index,
    safe_url,
    summary_counts,
    where,
    word_diff,
)
from provenance.results import CheckResult, SharedPassage

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20", "|": "%7C"}


def md(text: str, limit: int | None = None) -> str:
    """``text`` on one line, safe anywhere in Markdown, table cells included."""
    flat = one_line(text, limit)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def link(label: str, url: str | None) -> str:
    safe = safe_url(url)
    if safe is None:
        return md(label)
    target = "".join(_URL_UNSAFE.get(ch, ch) for ch in safe)
    return f"[{md(label)}]({target})"


def _chain(result: CheckResult, article_id: str) -> tuple[str, str, str]:
    article = article_index(result.catalog)[article_id]
    steps = chain_steps(result.catalog, article)
    chain = " → ".join(
        f"{link(step.publisher, step.url)} ({md(step.label)}){' **held**' if step.held else ''}"
        for step in steps
    )
    dates = " → ".join(md(step.date) if step.date else "?" for step in steps)
    authors = " → ".join(
        md(", ".join(step.authors))
        + (f" (tr. {md(', '.join(step.translators))})" if step.translators else "")
        if step.authors or step.translators
        else "?"
        for step in steps
    )
    return chain, dates, authors


def _articles(result: CheckResult) -> list[str]:
    lines = [
        "## Articles",
        "",
        "| Article | Chain: original → … → copy held | Dates | Authors | Grade | Open errors "
        "| Open warnings | Open info |",
        "|---|---|---|---|:-:|--:|--:|--:|",
    ]
    summaries = {summary.id: summary for summary in result.articles}
    for article in result.catalog.articles:
        summary = summaries.get(article.id)
        chain, dates, authors = _chain(result, article.id)
        counts = summary_counts(summary) if summary else dict.fromkeys(SEVERITIES, 0)
        grade = f"**{md(summary.grade.code)}**" if summary else "?"
        cells = [
            f"{md(article.id)}<br>{md(article.file)}",
            chain,
            dates,
            authors,
            grade,
            *(str(counts[s]) for s in SEVERITIES),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _finding(finding: Finding) -> list[str]:
    severity = Severity(finding.severity)
    head = f"- **{severity.value}** {md(finding.code)} {md(finding.name)}: {md(finding.message)}"
    if finding.acknowledged is not None:
        head += " *(acknowledged)*"
    lines = [head]
    if finding.catalog is not None:
        pointer = f" {md(finding.catalog.pointer)}" if finding.catalog.pointer is not None else ""
        lines.append(f"  - at {md(where(finding.catalog))}{pointer}")
    for location in finding.evidence:
        snippet = f": “{md(location.snippet, 160)}”" if location.snippet else ""
        lines.append(f"  - evidence {md(where(location))}{snippet}")
    if finding.fix:
        lines.append(f"  - fix: {md(finding.fix)}")
    if finding.acknowledged is not None:
        lines.append(f"  - acknowledged: {md(finding.acknowledged)}")
    return lines


def _findings(result: CheckResult) -> list[str]:
    lines = ["## Findings by article"]
    summaries = {summary.id: summary for summary in result.articles}
    for article_id, findings in findings_by_article(result):
        title = md(article_id) if article_id is not None else "The catalog as a whole"
        lines += ["", f"### {title}", "", f"{open_text(findings).capitalize()}."]
        summary = summaries.get(article_id) if article_id is not None else None
        if summary is not None:
            grade = summary.grade
            lines += ["", f"Grade **{md(grade.code)}**."]
            for label, value, reasons in grade_rows(grade):
                shown = "; ".join(md(r) for r in reasons)
                lines.append(f"{label} {value}: {shown}.  " if shown else f"{label} {value}.  ")
        lines.append("")
        for finding in findings:
            lines += _finding(finding)
    return lines


def _marked(changes: tuple[Change, ...], side: str) -> str:
    """One side of a word diff: what differs struck through (reference) or bold (copy)."""
    mark = "~~" if side == "before" else "**"
    return marked_side(changes, side, md, lambda text: f"{mark}{text}{mark}")


def _passage(
    number: int, passage: SharedPassage, same: Callable[[str, str], bool] | None = None
) -> list[str]:
    source = f", likely source {md(passage.likely_source)}" if passage.likely_source else ""
    lines = [
        "",
        f"### {number}. {md(passage.kind.capitalize())} "
        f"(similarity {passage.similarity:.1f}{source})",
        "",
    ]
    if passage.reason:
        lines += [md(passage.reason), ""]
    reference = passage.copies[reference_index(passage)]
    lines += ["| Article | Where | Wording | Attribution |", "|---|---|---|---|"]
    for copy in passage.copies:
        if copy is reference:
            wording = md(copy.text)
        else:
            wording = _marked(word_diff(reference.text, copy.text), "after")
        role = " (reference)" if copy is reference else ""
        lines.append(
            f"| {md(copy.article)}{role} | {md(where(copy.location))} | {wording} "
            f"| {md(attribution_text(copy.speaker, copy.given_to))} |"
        )
    notes = attribution_differences(passage, same)
    lines += [""] + [f"- {md(note)}" for note in notes] if notes else []
    return lines


def _shared(result: CheckResult) -> list[str]:
    lines = ["## Quotations and passages shared between articles", ""]
    if result.shared:
        lines.append("Words in **bold** differ from the reference copy's wording.")
    else:
        lines.append("None found.")
    same = person_matcher(result)
    for number, passage in enumerate(result.shared, start=1):
        lines += _passage(number, passage, same)
    lines += ["", "## Names spelled several ways", ""]
    if not result.name_variants:
        lines.append("None found.")
    else:
        lines += ["| Name | Person | Spellings | Articles |", "|---|---|---|---|"]
        for cluster in result.name_variants:
            lines.append(
                f"| {md(cluster.canonical)} | {md(cluster.person or '?')} "
                f"| {' / '.join(md(v, 80) for v in cluster.variants)} "
                f"| {', '.join(md(a) for a in cluster.articles)} |"
            )
    return lines


def render(result: CheckResult) -> str:
    lines = [
        f"# Provenance report: {md(result.catalog_file)}",
        "",
        f"{len(result.catalog.articles)} articles; findings: {open_text(result.findings)}.",
        "",
        *(f"> {md(line)}  " for line in grade_legend()),
        "",
        *_articles(result),
        "",
        *_findings(result),
        "",
        *_shared(result),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
