"""Terminal and Markdown reports: what they show, and that hostile text stays text."""

from __future__ import annotations

import re
from dataclasses import replace

from report_fixtures import IMG, SCRIPT, build_result, hostile_result

from provenance.report import render
from provenance.report.common import chain_steps, chain_text, word_diff
from provenance.report.markdown import link, md


def test_terminal_draws_each_chain_with_arrows_dates_authors_and_grade() -> None:
    result = build_result()
    text = render(result, "terminal", width=120)
    for article, summary in zip(result.catalog.articles, result.articles, strict=True):
        assert article.id in text
        steps = chain_steps(result.catalog, article)
        for step in steps:
            assert step.publisher in text
        for author in {a for hop in article.hops for a in hop.author}:
            assert author in text
        if article.copy_held.date_published:
            assert article.copy_held.date_published in text
        assert re.search(rf"\b{summary.grade.code}\b", text)
    arrows = sum(len(a.chain) for a in result.catalog.articles)
    assert text.count("→ ") >= arrows


def test_terminal_groups_findings_by_article_with_evidence() -> None:
    result = build_result()
    text = render(result, "terminal", width=160)
    findings_part = text[text.index("Findings by article") :]
    positions = [findings_part.index(a.id) for a in result.catalog.articles]
    assert positions == sorted(positions)
    for finding in result.findings:
        assert finding.message in findings_part
        for location in finding.evidence:
            assert f"{location.file}:{location.line}:{location.column}" in findings_part
    assert "acknowledged reviewed" in findings_part
    assert "The catalog as a whole" in findings_part


def test_terminal_shows_how_shared_quotes_differ() -> None:
    text = render(build_result(), "terminal", width=160)
    shared = text[text.index("Quotations and passages shared") :]
    assert "“shall never permit an” → “will not allow any”" in shared
    # 'the President of the republic' and 'the president': one person, as A006 sees it.
    assert "one speaker, spelled: the President of the republic / the president" in shared
    assert "Names spelled several ways" in shared and "M. Ivanowa" in shared


def test_terminal_output_cannot_drive_the_terminal_or_rich_markup() -> None:
    result = hostile_result()
    plain = render(result, "terminal", width=120)
    assert "\x1b" not in plain and "\x07" not in plain
    coloured = render(result, "terminal", color=True, width=120)
    # Only SGR colour sequences of our own; the payload's clear-screen and title are gone.
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", coloured)
    assert "\x1b[2J" not in coloured
    assert SCRIPT in plain  # shown literally, not swallowed as markup
    markup = result.model_copy(
        update={"findings": (replace(result.findings[0], message="[bold]x[/bold]"),)}
    )
    assert "[bold]x[/bold]" in render(markup, "terminal", width=120)


def test_markdown_has_the_same_sections() -> None:
    result = build_result()
    text = render(result, "markdown")
    for heading in (
        "## Articles",
        "## Findings by article",
        "## Quotations and passages shared between articles",
        "## Names spelled several ways",
    ):
        assert heading in text
    table = [line for line in text.splitlines() if line.startswith("| ") and "<br>" in line]
    assert len(table) == len(result.catalog.articles)
    assert all(line.count(" | ") == 7 for line in table)  # 8 cells: no '|' leaked from data
    for article in result.catalog.articles:
        steps = chain_steps(result.catalog, article)
        assert text.count(" → ") >= len(steps) - 1
    assert "We **will not allow any** outside power" in text


def test_markdown_escapes_everything_taken_from_data() -> None:
    text = render(hostile_result(), "markdown")
    assert "<script" not in text and "<img" not in text and "<svg" not in text
    assert "](javascript:" not in text and "](data:" not in text
    assert "\x1b" not in text
    assert md(IMG).startswith("&lt;img")
    assert md("a|b [x](y) `c` *d* _e_") == r"a\|b \[x\](y) \`c\` \*d\* \_e\_"
    assert link("x", "javascript:alert(1)") == "x"
    assert link("x", "https://e.org/a(b) c") == "x"  # whitespace: not a URL we link
    assert link("x", "https://e.org/a(b)") == "[x](https://e.org/a%28b%29)"


def test_chain_text_and_word_diff_helpers() -> None:
    result = build_result()
    article = max(result.catalog.articles, key=lambda a: len(a.chain))
    line = chain_text(chain_steps(result.catalog, article))
    assert line.count(" → ") == len(article.chain)
    assert line.endswith("[held]")
    changes = word_diff("a b c d", "a x c d e")
    assert [(c.op, c.before, c.after) for c in changes if c.op != "equal"] == [
        ("replace", ("b",), ("x",)),
        ("insert", (), ("e",)),
    ]
