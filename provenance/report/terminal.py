"""The terminal report, drawn with rich: the articles and their chains, the findings by
article with their evidence, then what travels between articles.

Everything taken from the catalog or an article goes into ``rich.text.Text`` objects, never
into markup strings, so a '[bold]' in a headline is printed, not obeyed; control characters
are removed so a text cannot drive the terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from provenance.findings import Finding, Severity
from provenance.models import Article
from provenance.report.common import (
    SEVERITIES,
    article_index,
    attribution_differences,
    attribution_text,
    chain_steps,
    changes_text,
    clean,
    counts_text,
    findings_by_article,
    grade_legend,
    grade_rows,
    one_line,
    open_text,
    person_matcher,
    reference_index,
    summary_counts,
    where,
    word_diff,
)
from provenance.results import ArticleSummary, CheckResult, SharedPassage

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _t(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _chain_cell(result: CheckResult, article: Article) -> Text:
    """One line per hop: '→ Outlet (relation, lang)  date  authors', the copy held last."""
    chain = Text()
    for step in chain_steps(result.catalog, article):
        if step.index:
            chain.append("\n→ ", style="dim")
        chain.append(step.publisher, style="bold" if step.held else "")
        chain.append(f" ({step.label})", style="dim")
        if step.held:
            chain.append(" held", style="green")
        chain.append("  ")
        chain.append(step.date or "no date", style="" if step.date else "dim")
        chain.append("  ")
        names = ", ".join(step.authors)
        chain.append(f"by {names}" if names else "no author", style="" if names else "dim")
        if step.translators:
            chain.append(", translated by " + ", ".join(step.translators))
    return chain


# The table's chain column must hold each hop on one line: a wrapped hop splits a name or a
# date over two lines, and the ids beside a narrow column are cut mid-word. Where it cannot,
# the articles are listed one under another instead. A hop longer than this wraps anyway.
LONGEST_HOP = 80
# What the table spends besides the article and chain columns: the grade and three counts,
# and one space of padding either side of each of the six columns.
TABLE_OVERHEAD = 5 + 3 * 3 + 6 * 2


def _article_width(result: CheckResult) -> int:
    """The widest article id or file name: the Article column must hold each one whole."""
    return max(
        (cell_len(clean(text)) for a in result.catalog.articles for text in (a.id, a.file)),
        default=len("Article"),
    )


def _articles(result: CheckResult, width: int) -> RenderableType:
    """The articles as a table when it fits ``width``, else as a list."""
    chains = {article.id: _chain_cell(result, article) for article in result.catalog.articles}
    longest = max(
        (cell_len(line) for c in chains.values() for line in c.plain.split("\n")), default=0
    )
    if width - _article_width(result) - TABLE_OVERHEAD >= min(longest, LONGEST_HOP):
        return _articles_table(result, chains)
    return _articles_list(result, chains)


def _article_counts(summary: ArticleSummary | None) -> dict[Severity, int]:
    return summary_counts(summary) if summary else dict.fromkeys(SEVERITIES, 0)


def _articles_table(result: CheckResult, chains: dict[str, Text]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("Article", min_width=_article_width(result), overflow="fold")
    table.add_column("Chain: original → … → copy held, with dates and authors", ratio=1)
    table.add_column("Grade", justify="center", no_wrap=True)
    for severity in SEVERITIES:
        table.add_column(LABELS[severity][0].upper(), justify="right", style=STYLES[severity])
    summaries = {summary.id: summary for summary in result.articles}
    for article in result.catalog.articles:
        summary = summaries.get(article.id)
        name = _t(article.id, "bold")
        name.append("\n")
        name.append(_t(article.file, "dim"))
        counts = _article_counts(summary)
        grade = _t(summary.grade.code, "bold") if summary else _t("—", "dim")
        table.add_row(
            name,
            chains[article.id],
            grade,
            *(str(counts[s]) for s in SEVERITIES),
        )
    return table


def _articles_list(result: CheckResult, chains: dict[str, Text]) -> Group:
    """For a narrow terminal: each article's id, grade and counts on a line of their own,
    then its file and its chain, indented."""
    parts: list[RenderableType] = [
        Text(),
        Text("Articles", style="bold underline"),
        Text("chain: original → … → copy held, with dates and authors", style="dim"),
    ]
    summaries = {summary.id: summary for summary in result.articles}
    for article in result.catalog.articles:
        summary = summaries.get(article.id)
        head = _t(article.id, "bold")
        head.append("  ")
        head.append(_t(summary.grade.code, "bold") if summary else _t("—", "dim"))
        head.append(f"  open: {counts_text(_article_counts(summary))}", style="dim")
        body = _t(article.file, "dim")
        body.append("\n")
        body.append(chains[article.id])
        parts += [Text(), head, Padding(body, (0, 0, 0, 2))]
    parts.append(Text())
    return Group(*parts)


def _finding(finding: Finding) -> RenderableType:
    severity = Severity(finding.severity)
    head = _t(finding.code, "bold")
    head.append(" ")
    head.append(_t(finding.name))
    head.append("  ")
    head.append(_t(one_line(finding.message)))
    if finding.acknowledged is not None:
        head.append("  (acknowledged)", style="green")
    details = Text()
    if finding.catalog is not None:
        details.append("at ", style="dim")
        details.append(_t(where(finding.catalog)))
        if finding.catalog.pointer is not None:
            details.append("  ")
            details.append(_t(finding.catalog.pointer, "dim"))
        details.append("\n")
    for location in finding.evidence:
        details.append("evidence ", style="dim")
        details.append(_t(where(location)))
        if location.snippet:
            details.append("  “")
            details.append(_t(one_line(location.snippet, 120), "italic"))
            details.append("”")
        details.append("\n")
    if finding.fix:
        details.append("fix ", style="dim")
        details.append(_t(one_line(finding.fix)))
        details.append("\n")
    if finding.acknowledged is not None:
        details.append("acknowledged ", style="dim")
        details.append(_t(one_line(finding.acknowledged), "green"))
        details.append("\n")
    details.rstrip()
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=7, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(LABELS[severity], style=STYLES[severity]), head)
    if details.plain:
        grid.add_row(Text(), details)
    return grid


def _grade_lines(summary: ArticleSummary) -> Text:
    grade = summary.grade
    text = Text()
    text.append("grade ", style="dim")
    text.append(_t(grade.code, "bold"))
    for label, value, reasons in grade_rows(grade):
        text.append(f"\n  {label.lower()} {value}", style="dim")
        if reasons:
            text.append(": ", style="dim")
            text.append(_t("; ".join(one_line(r) for r in reasons)))
    return text


def _findings_section(result: CheckResult) -> list[RenderableType]:
    summaries = {summary.id: summary for summary in result.articles}
    articles = article_index(result.catalog)
    parts: list[RenderableType] = [Text("Findings by article", style="bold underline")]
    for article_id, findings in findings_by_article(result):
        title = Text()
        if article_id is None:
            title.append("The catalog as a whole", style="bold")
        else:
            title.append(_t(article_id, "bold"))
            if article_id in articles:
                title.append("  ")
                title.append(_t(articles[article_id].file, "dim"))
        title.append(f"  ({open_text(findings)})", style="dim")
        parts.append(Text())
        parts.append(title)
        if article_id in summaries:
            parts.append(Padding(_grade_lines(summaries[article_id]), (0, 0, 0, 2)))
        parts.extend(Padding(_finding(f), (0, 0, 0, 2)) for f in findings)
    return parts


def _passage(
    number: int, passage: SharedPassage, same: Callable[[str, str], bool] | None = None
) -> RenderableType:
    head = Text()
    head.append(f"{number}. {passage.kind}", style="bold")
    head.append(f"  similarity {passage.similarity:.1f}", style="dim")
    if passage.likely_source:
        head.append("  likely source ", style="dim")
        head.append(_t(passage.likely_source))
    if passage.reason:
        head.append("  (")
        head.append(_t(one_line(passage.reason)))
        head.append(")")
    body = Text()
    reference = passage.copies[reference_index(passage)]
    for copy in passage.copies:
        body.append("\n")
        body.append(_t(copy.article, "bold"))
        body.append("  ")
        body.append(_t(where(copy.location), "dim"))
        body.append("\n  “")
        body.append(_t(one_line(copy.text, 400), "italic"))
        body.append("”\n  ")
        body.append(_t(attribution_text(copy.speaker, copy.given_to), "dim"))
        if copy is not reference:
            for line in changes_text(word_diff(reference.text, copy.text)):
                body.append("\n    ")
                body.append(_t(line, "magenta"))
    for note in attribution_differences(passage, same):
        body.append("\n")
        body.append(_t(note, "magenta"))
    return Group(head, Padding(body, (0, 0, 0, 2)))


def _shared_section(result: CheckResult) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(),
        Text("Quotations and passages shared between articles", style="bold underline"),
    ]
    if not result.shared:
        parts.append(Text("none found", style="dim"))
    same = person_matcher(result)
    for number, passage in enumerate(result.shared, start=1):
        parts.append(Text())
        parts.append(_passage(number, passage, same))
    parts += [Text(), Text("Names spelled several ways", style="bold underline")]
    if not result.name_variants:
        parts.append(Text("none found", style="dim"))
    for cluster in result.name_variants:
        line = Text("• ")
        line.append(_t(one_line(cluster.canonical), "bold"))
        if cluster.person:
            line.append(" (")
            line.append(_t(cluster.person, "dim"))
            line.append(")")
        line.append(": ")
        line.append(_t(" / ".join(one_line(v, 80) for v in cluster.variants)))
        line.append("  in ", style="dim")
        line.append(_t(", ".join(cluster.articles), "dim"))
        parts.append(line)
    return parts


def _header(result: CheckResult) -> Text:
    text = Text("provenance report  ", style="bold")
    text.append(_t(result.catalog_file))
    text.append(
        f"\n{len(result.catalog.articles)} articles; findings: {open_text(result.findings)}"
        "\nE, W, I: open errors, warnings and info of each article"
    )
    for line in grade_legend():
        text.append(f"\n{line}", style="dim")
    return text


def render(result: CheckResult, *, color: bool = False, width: int = 100) -> str:
    """The report as text; ANSI colours only when ``color`` is true."""
    console = Console(
        file=StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        _environ={},  # COLUMNS, NO_COLOR, TERM... must not change a report saved to a file
    )
    console.print(_header(result))
    console.print(_articles(result, width))
    for part in _findings_section(result):
        console.print(part)
    for part in _shared_section(result):
        console.print(part)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    # Rich pads table lines to the width; trailing spaces are noise in files and diffs.
    return "\n".join(line.rstrip() for line in str(output).splitlines()) + "\n"
