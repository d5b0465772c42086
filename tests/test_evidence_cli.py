"""`provenance evidence FILE`: what it prints and how it fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from evidence_support import FIXTURES, SEEDS
from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner()
LINE = re.compile(
    r'^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>[a-z-]+): .* "(?P<quote>.*)"$'
)


def test_text_format_lists_signals_in_line_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./sources.json here: no registry
    path = FIXTURES / "wire_reuters.txt"
    result = runner.invoke(app, ["evidence", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = [LINE.match(line) for line in lines[:-1]]
    assert all(rows), lines
    positions = [(int(r["line"]), int(r["col"])) for r in rows if r]
    assert positions == sorted(positions)
    assert any(
        r["kind"] == "credit" and r["quote"] == "LONDON, Sept 3 (Reuters) -" for r in rows if r
    )
    assert lines[-1] == f"{path}: language: en (1.00)"
    assert "outlet:" not in result.output  # no catalog, no outlet resolution


def test_catalog_option_resolves_outlets(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "evidence",
            str(SEEDS / "002_4732de6aed251bdf.txt"),
            str(SEEDS.parent / "sources.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert re.search(r":11:1: credit: translated-from .* -> \w", result.output)
    assert ": outlet: " in result.output


def test_json_format_is_the_model_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = FIXTURES / "german_dates.txt"
    first = runner.invoke(app, ["evidence", str(path), "--format", "json"])
    second = runner.invoke(app, ["evidence", str(path), "--format", "json"])
    assert first.exit_code == 0 and first.output == second.output
    document = json.loads(first.output)
    assert document["language"]["code"] == "de"
    assert [d["value"] for d in document["dates"]][:3] == ["2024-08-27", "2023-03-03", "2024-01-01"]
    assert document["credits"][0]["kind"] == "source"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "does not exist"), (b"abc\x00def", "binary"), (b"caf\xe9\n", "not valid UTF-8")],
)
def test_unusable_files_fail_with_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["evidence", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_bad_catalog_given_explicitly_fails(tmp_path: Path) -> None:
    catalog = tmp_path / "bad.json"
    catalog.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["evidence", str(FIXTURES / "clean_original.txt"), str(catalog)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_an_invalid_default_catalog_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["evidence", str(FIXTURES / "clean_original.txt")])
    assert result.exit_code == 0, result.output
