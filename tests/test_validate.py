"""`provenance validate`: every error kind at its pointer, line and column, with its exit code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import FIXTURES, ROOT, run_provenance

CATALOGS = FIXTURES / "catalogs"

# fixture, code, pointer, line, column: positions read off the fixture files by hand.
BROKEN = [
    ("bad_enum.json", "C001", "/articles/0/copy/relation", 31, 21),
    ("bad_url.json", "C001", "/articles/1/copy/url", 57, 16),
    ("unknown_key.json", "C001", "/articles/0/chain/0/datePublihsed", 48, 11),
    ("missing_required.json", "C001", "/articles/1", 51, 5),
    ("wrong_type.json", "C001", "/articles/0/chain/0/credited", 47, 23),
    ("duplicate_key.json", "C002", "/articles/1/id", 52, 7),
    ("duplicate_id.json", "C003", "/articles/1/id", 52, 13),
    ("duplicate_url.json", "C004", "/articles/1/copy/url", 57, 16),
    ("unknown_outlet.json", "C005", "/articles/1/copy/publisher", 56, 22),
    ("missing_file.json", "C006", "/articles/1/file", 53, 15),
    ("not_utf8.json", "C006", "/articles/1/file", 53, 15),
    ("outside.json", "C007", "/articles/1/file", 53, 15),
    ("absolute.json", "C007", "/articles/1/file", 53, 15),
    ("url_domain.json", "C008", "/articles/1/copy/url", 57, 16),
    ("invalid_date.json", "C009", "/articles/1/copy/datePublished", 58, 26),
    ("future_date.json", "C010", "/articles/1/copy/datePublished", 58, 26),
    ("date_order.json", "C011", "/articles/0/copy/datePublished", 38, 26),
    ("retrieved_early.json", "C011", "/articles/0/copy/dateRetrieved", 39, 26),
]


def run_json(runner: CliRunner, path: Path) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_bundled_catalog_is_valid(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(ROOT / "sources.json")])
    assert result.exit_code == 0, result.stdout
    assert "valid (5 articles)" in result.stdout


def test_small_valid_fixture(runner: CliRunner) -> None:
    code, document = run_json(runner, CATALOGS / "valid.json")
    assert (code, document["valid"], document["findings"]) == (0, True, [])


@pytest.mark.parametrize(("fixture", "code", "pointer", "line", "column"), BROKEN)
def test_each_error_kind_is_located(
    runner: CliRunner, fixture: str, code: str, pointer: str, line: int, column: int
) -> None:
    exit_code, document = run_json(runner, CATALOGS / fixture)
    assert exit_code == 1
    findings = document["findings"]
    assert isinstance(findings, list)
    assert [(f["code"], f["catalog"]["pointer"]) for f in findings] == [(code, pointer)]
    where = findings[0]["catalog"]
    assert (where["line"], where["column"]) == (line, column)
    text_line = (CATALOGS / fixture).read_text(encoding="utf-8").splitlines()[line - 1]
    assert text_line[column - 1] in '"{[-0123456789tfn'


def test_text_format_is_file_line_col_pointer_message(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(CATALOGS / "unknown_key.json")])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        f"{CATALOGS / 'unknown_key.json'}:48:11: /articles/0/chain/0/datePublihsed: "
    )
    assert "did you mean 'datePublished'?" in first


def test_all_schema_errors_at_once(runner: CliRunner, tmp_path: Path) -> None:
    document = json.loads((CATALOGS / "valid.json").read_text(encoding="utf-8"))
    document["articles"][0]["copy"]["relation"] = "copied"
    document["articles"][1]["copy"]["url"] = "not a url"
    document["outlets"][0]["category"] = "tabloid"
    (tmp_path / "many.json").write_text(json.dumps(document, indent=1), encoding="utf-8")
    code, report = run_json(runner, tmp_path / "many.json")
    assert code == 1
    pointers = {f["catalog"]["pointer"] for f in report["findings"]}  # type: ignore[index, union-attr]
    assert pointers == {
        "/articles/0/copy/relation",
        "/articles/1/copy/url",
        "/outlets/0/category",
    }


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("syntax.json", "syntax.json:18:7: Expecting ',' delimiter"),
        ("latin1.json", "7:32: not valid UTF-8"),
    ],
)
def test_unusable_input_exits_2_with_position(
    runner: CliRunner, fixture: str, message: str
) -> None:
    result = runner.invoke(app, ["validate", str(CATALOGS / fixture)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [None, "folder", "[1, 2]", "", "\ufeff{}", "null"])
def test_never_a_traceback(runner: CliRunner, tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "catalog.json"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code in (1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stdout + result.stderr


def test_symlink_out_of_the_folder_is_refused_unread(runner: CliRunner, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret\n", encoding="utf-8")
    folder = tmp_path / "catalog"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "a.txt").write_text("Text.\n", encoding="utf-8")
    os.symlink(outside, folder / "texts" / "b.txt")
    (folder / "sources.json").write_text(
        (CATALOGS / "valid.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, document = run_json(runner, folder / "sources.json")
    assert code == 1
    [finding] = document["findings"]  # type: ignore[misc]
    assert finding["code"] == "C007" and "symlink" in finding["message"]


def test_module_entry_point_and_default_path() -> None:
    done = run_provenance("validate")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "sources.json: valid (5 articles)"
