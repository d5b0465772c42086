"""One way of counting (issue 15, point 5): open and acknowledged findings named in words in
every output, and `check` listing the open ones in full, the acknowledged in one line."""

from __future__ import annotations

import json
import re

from report_fixtures import build_result
from typer.testing import CliRunner

from provenance.cli import app
from provenance.report import render
from tests.conftest import ROOT

CATALOG = str(ROOT / "sources.json")


def test_check_lists_open_findings_and_sums_up_acknowledged_ones(runner: CliRunner) -> None:
    document = json.loads(runner.invoke(app, ["check", CATALOG, "--format", "json"]).stdout)
    acknowledged = [f for f in document["findings"] if "acknowledged" in f]
    still_open = [f for f in document["findings"] if "acknowledged" not in f]
    assert acknowledged and still_open
    assert document["acknowledged"] == len(acknowledged)
    assert sum(document["open"].values()) == len(still_open)

    result = runner.invoke(app, ["check", CATALOG])
    assert result.exit_code == 0
    headlines = [line for line in result.stdout.splitlines() if re.search(r"\[[A-Z]\d{3} ", line)]
    assert len(headlines) == len(still_open)
    assert "(acknowledged:" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[-2] == (
        f"{len(acknowledged)} acknowledged findings not shown (--show-acknowledged lists them)"
    )
    assert lines[-1] == (
        f"{CATALOG}: 5 articles, {len(still_open)} open findings (0 errors, 0 warnings, "
        f"{len(still_open)} info), {len(acknowledged)} acknowledged; passed"
    )

    shown = runner.invoke(app, ["check", CATALOG, "--show-acknowledged"])
    assert shown.exit_code == 0
    assert shown.stdout.count("(acknowledged:") == len(acknowledged)
    assert "not shown" not in shown.stdout


def test_terminal_report_labels_its_counts() -> None:
    result = build_result()
    acknowledged = sum(1 for f in result.findings if f.acknowledged is not None)
    text = render(result, "terminal", width=160)
    heading = text.splitlines()[1]
    assert f"findings: {len(result.findings) - acknowledged} open (" in heading
    assert heading.endswith(f"), {acknowledged} acknowledged")
    assert "E, W, I: open errors, warnings and info" in text
    findings = text[text.index("Findings by article") :]
    titles = [line for line in findings.splitlines() if " open (" in line]
    assert titles and all(line.rstrip().endswith(" acknowledged)") for line in titles)


def test_markdown_report_labels_its_counts() -> None:
    result = build_result()
    acknowledged = sum(1 for f in result.findings if f.acknowledged is not None)
    text = render(result, "markdown")
    assert f"{len(result.findings) - acknowledged} open (" in text.splitlines()[2]
    assert f"), {acknowledged} acknowledged." in text.splitlines()[2]
    assert "| Open errors | Open warnings | Open info |" in text
