"""Rule selection as ruff users expect it (issue 15, point 4), on the bundled catalog:
comma lists, unknown codes refused, acknowledgements of rules that did not run left alone,
--extend-select, --statistics, --exit-zero, --quiet, and the same settings in pyproject."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import ROOT

CATALOG = str(ROOT / "sources.json")


def check_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@cache
def full_run() -> tuple[dict[str, Any], ...]:
    """Every finding of the bundled catalog with every rule on (computed once)."""
    result = CliRunner().invoke(app, ["check", CATALOG, "--format", "json"])
    return tuple(json.loads(result.stdout)["findings"])


def codes(document: dict[str, Any]) -> set[str]:
    return {finding["code"] for finding in document["findings"]}


def test_a_comma_list_selects_like_repeated_flags(runner: CliRunner) -> None:
    listed = check_json(runner, CATALOG, "--select", "T,D")
    repeated = check_json(runner, CATALOG, "--select", "T", "--select", "D")
    assert listed["findings"] == repeated["findings"]
    wanted = {f["code"] for f in full_run() if f["code"][0] in "TD"}
    assert wanted and codes(listed) == wanted
    assert {code[0] for code in codes(listed)} == {"T", "D"}


def test_a_comma_list_ignores_like_repeated_flags(runner: CliRunner) -> None:
    listed = check_json(runner, CATALOG, "--ignore", "T, D")
    assert codes(listed) == {f["code"] for f in full_run() if f["code"][0] not in "TD"}


@pytest.mark.parametrize(
    ("args", "named", "suggested"),
    [
        (["--select", "Z999"], "'Z999'", None),
        (["--ignore", "Q"], "'Q'", None),
        (["--select", "T,Z999"], "'Z999'", None),
        (["--select", "T012"], "'T012'", "did you mean T011"),
        (["--extend-select", "A0010"], "'A0010'", "did you mean A001"),
    ],
)
def test_an_unknown_code_is_one_line_exit_2(
    runner: CliRunner, args: list[str], named: str, suggested: str | None
) -> None:
    for command in ("check", "report"):
        result = runner.invoke(app, [command, CATALOG, *args])
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: --"), result.stderr
        assert named in lines[0] and "Traceback" not in result.stderr
        if suggested is None:
            assert "did you mean" not in lines[0]
        else:
            assert suggested in lines[0]


def test_exit_zero_does_not_hide_an_unusable_selection(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", CATALOG, "--select", "Z999", "--exit-zero"])
    assert result.exit_code == 2


def test_ignoring_a_rule_leaves_its_acknowledgements_alone(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", CATALOG, "--ignore", "A00", "--format", "json"])
    assert result.exit_code == 0, result.stdout[-3000:]
    document = json.loads(result.stdout)
    assert "C012" not in codes(document)
    assert not any(code.startswith("A00") for code in codes(document))
    # Not counted either: what is acknowledged is what the rules that ran found.
    expected = sum(1 for f in full_run() if "acknowledged" in f and not f["code"].startswith("A00"))
    assert document["acknowledged"] == expected
    assert expected < sum(1 for f in full_run() if "acknowledged" in f)
    text = runner.invoke(app, ["check", CATALOG, "--ignore", "A00"])
    assert text.exit_code == 0 and text.stdout.rstrip().endswith("passed")
    assert f", {expected} acknowledged;" in text.stdout


def test_an_acknowledgement_of_a_selected_rule_can_still_be_stale(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = catalog_in(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["articles"][1]["acknowledgements"].append({"code": "T004", "reason": "none here"})
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    selected = check_json(runner, str(path), "--select", "T,C012")
    assert "C012" in codes(selected) and selected["failed"]
    ignored = check_json(runner, str(path), "--ignore", "T004")
    assert "C012" not in codes(ignored) and not ignored["failed"]


def catalog_in(tmp_path: Path, pyproject: str | None = None) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    if pyproject is None:
        shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    else:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return tmp_path / "sources.json"


def test_extend_select_adds_to_the_selection(runner: CliRunner, tmp_path: Path) -> None:
    path = str(catalog_in(tmp_path, '[tool.provenance]\nselect = ["T"]\nextend-select = ["I"]\n'))
    assert {c[0] for c in codes(check_json(runner, path))} == {"T", "I"}
    extended = check_json(runner, path, "--extend-select", "D")
    assert {c[0] for c in codes(extended)} == {"T", "I", "D"}
    # --select replaces the file's selection, extend-select included, as in ruff.
    assert {c[0] for c in codes(check_json(runner, path, "--select", "D"))} == {"D"}
    # Without a select, every rule runs: extending "all" changes nothing.
    everything = check_json(runner, CATALOG, "--extend-select", "T")
    assert codes(everything) == {f["code"] for f in full_run()}


def test_settings_are_read_from_pyproject(runner: CliRunner, tmp_path: Path) -> None:
    path = str(
        catalog_in(
            tmp_path,
            '[tool.provenance]\nfail-on = "info"\nselect = "T,D"\nexit-zero = true\n'
            "quiet = true\nstatistics = true\n",
        )
    )
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 0  # exit-zero, though info findings fail
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "failing (--fail-on info)" in lines[0]  # quiet
    document = check_json(runner, path)
    assert {row["code"][0] for row in document["statistics"]} == {"T", "D"}
    assert "findings" not in document


def test_an_unknown_code_in_pyproject_names_the_file(runner: CliRunner, tmp_path: Path) -> None:
    path = str(catalog_in(tmp_path, '[tool.provenance]\nignore = ["R001", "X12"]\n'))
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "pyproject.toml" in lines[0] and "'X12'" in lines[0]


def test_statistics_count_open_and_acknowledged_per_code(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", CATALOG, "--statistics"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["open", "acknowledged", "code", "severity", "rule"]
    rows = {}
    for line in lines[1:-1]:
        open_, acknowledged, code, severity, name = line.split()
        rows[code] = (int(open_), int(acknowledged), severity, name)
    expected: dict[str, list[int]] = {}
    for finding in full_run():
        counts = expected.setdefault(finding["code"], [0, 0])
        counts["acknowledged" in finding] += 1
    assert {code: [o, a] for code, (o, a, _, _) in rows.items()} == expected
    opens = [o for o, _, _, _ in rows.values()]
    assert opens == sorted(opens, reverse=True)  # most open first
    assert lines[-1].endswith("passed")
    document = check_json(runner, CATALOG, "--statistics")
    assert {r["code"]: [r["open"], r["acknowledged"]] for r in document["statistics"]} == expected


def test_statistics_are_refused_in_sarif(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", CATALOG, "--statistics", "--format", "sarif"])
    assert result.exit_code == 2 and "--statistics" in result.stderr


def test_exit_zero(runner: CliRunner) -> None:
    assert runner.invoke(app, ["check", CATALOG, "--fail-on", "info"]).exit_code == 1
    result = runner.invoke(app, ["check", CATALOG, "--fail-on", "info", "--exit-zero"])
    assert result.exit_code == 0
    assert "failing (--fail-on info)" in result.stdout  # the verdict is still reported


def test_quiet_prints_nothing_on_success_and_the_summary_on_failure(runner: CliRunner) -> None:
    passing = runner.invoke(app, ["check", CATALOG, "--quiet"])
    assert passing.exit_code == 0 and passing.stdout == ""
    failing = runner.invoke(app, ["check", CATALOG, "-q", "--fail-on", "info"])
    assert failing.exit_code == 1
    lines = failing.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{CATALOG}: 5 articles, ")


def test_report_takes_the_selection(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", CATALOG, "--select", "T,D", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert found and {code[0] for code in found} == {"T", "D"}
