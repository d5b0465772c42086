"""Malformed values a catalog or an option can hold end as a finding or one line, never a
traceback (issue 16, item 0): paths with no parts, numbers too long for int(), odd URLs and
ids given to `add`, and `seeds` settings that name no usable folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.articles import ArticleProblem, ArticleReader
from provenance.cli import app
from provenance.jsonpos import MAX_NUMBER_CHARS, OversizedNumber, PositionIndex
from tests.conftest import ROOT

RUNNER = CliRunner()
REAL = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
ADD_FIXTURES = Path(__file__).parent / "fixtures" / "add"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _invoke(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args[0]} raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def _findings(path: Path, command: str = "validate") -> list[dict[str, Any]]:
    code, stdout, stderr = _invoke(command, str(path), "--format", "json")
    assert code == 1, (code, stdout, stderr)
    findings: list[dict[str, Any]] = json.loads(stdout)["findings"]
    return findings


# --- article paths with no parts ------------------------------------------------------------


@pytest.mark.parametrize("name", [".", "./", ".//.", "seeds/.."])
def test_an_article_file_with_no_parts_is_a_finding_in_every_command(
    folder: Path, name: str
) -> None:
    document = json.loads(json.dumps(REAL))
    document["articles"][0]["file"] = name
    path = folder / "sources.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    for command in ("validate", "check"):
        about_file = [
            f for f in _findings(path, command) if f["catalog"]["pointer"] == "/articles/0/file"
        ]
        assert [f["code"] for f in about_file] in (["C006"], ["C007"]), about_file
    code, stdout, _stderr = _invoke("report", str(path), "--format", "json")
    assert code in (0, 1) and json.loads(stdout)
    assert '"C006"' in stdout or '"C007"' in stdout


def test_the_reader_takes_dot_for_the_folder_and_refuses_an_empty_path(tmp_path: Path) -> None:
    reader = ArticleReader(tmp_path)
    assert reader.resolve(".") == tmp_path.resolve()
    assert reader.read(".") == ArticleProblem("'.' is a folder, not a text file")
    assert reader.read("") == ArticleProblem("the path is empty")
    assert isinstance(reader.read(".."), ArticleProblem) and reader.read("..").outside  # type: ignore[union-attr]


# --- numbers too long for int() -----------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["9" * 10_000, "-" + "7" * 10_000, "1." + "5" * 10_000 + "e3", "1e" + "9" * 5000]
)
def test_a_10000_digit_number_is_a_schema_error_at_its_line_and_column(
    folder: Path, number: str
) -> None:
    document = json.loads(json.dumps(REAL))
    document["articles"][1]["copy"]["url"] = "PLACEHOLDER"
    text = json.dumps(document, indent=2).replace('"PLACEHOLDER"', number)
    path = folder / "sources.json"
    path.write_text(text, encoding="utf-8")
    offset = text.index(number)
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    for command in ("validate", "check"):
        findings = _findings(path, command)
        at = [f for f in findings if f["catalog"]["pointer"] == "/articles/1/copy/url"]
        assert len(at) == 1, findings
        assert at[0]["code"] == "C001"
        assert f"{len(number)} characters long" in at[0]["message"]
        assert (at[0]["catalog"]["line"], at[0]["catalog"]["column"]) == (line, column)
    code, stdout, stderr = _invoke("report", str(path))
    assert code == 1 and "no report written" in stderr
    assert f"{line}:{column}: /articles/1/copy/url: a number" in stdout + stderr


def test_a_huge_number_under_the_catalog_itself_is_located(folder: Path) -> None:
    text = json.dumps(REAL, indent=2).replace("{", '{"big": ' + "1" * 10_000 + ",", 1)
    path = folder / "sources.json"
    path.write_text(text, encoding="utf-8")
    findings = _findings(path)
    assert {(f["catalog"]["pointer"], f["catalog"]["line"]) for f in findings} == {("/big", 1)}
    columns = sorted(f["catalog"]["column"] for f in findings)
    assert columns == [2, 9]  # the unknown key, then the number


def test_numbers_up_to_the_limit_are_read_as_numbers() -> None:
    from provenance.loader import parse_json

    short = "9" * MAX_NUMBER_CHARS
    assert parse_json(f"[{short}, 1.5]", "x")[0] == [int(short), 1.5]
    assert parse_json(f"[{short}9]", "x")[0] == [OversizedNumber(MAX_NUMBER_CHARS + 1)]
    index = PositionIndex('{"a": ' + "9" * 5000 + ', "b": 1}')
    assert (index.value("/b").line, index.value("/b").column) == (1, 5014)
