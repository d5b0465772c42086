"""`provenance check` and `provenance report` on the bundled catalog, as CI runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import ROOT, run_provenance


def test_bundled_catalog_passes_ci() -> None:
    done = run_provenance("check")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    assert done.stdout.rstrip().endswith("passed")
    assert "acknowledged" in done.stdout


def catalog_in(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    return tmp_path / "sources.json"


def edit(path: Path, change: object) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)  # type: ignore[operator]
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(("article", "code"), [(2, "T003"), (4, "I002"), (0, "A007")])
def test_removing_an_acknowledgement_fails_with_its_code(
    runner: CliRunner, tmp_path: Path, article: int, code: str
) -> None:
    path = catalog_in(tmp_path)

    def drop(document: dict[str, list[dict[str, list[dict[str, str]]]]]) -> None:
        acks = document["articles"][article]["acknowledgements"]
        acks[:] = [ack for ack in acks if ack["code"] != code]

    edit(path, drop)
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    failing = {
        (f["article"], f["code"])
        for f in json.loads(result.stdout)["findings"]
        if "acknowledged" not in f and f["severity"] != "info"
    }
    article_id = json.loads(path.read_text(encoding="utf-8"))["articles"][article]["id"]
    assert failing == {(article_id, code)}


def test_stale_acknowledgement_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    path = catalog_in(tmp_path)

    def add_stale(document: dict[str, list[dict[str, list[dict[str, str]]]]]) -> None:
        document["articles"][1]["acknowledgements"].append(
            {"code": "T004", "reason": "no translation chain here"}
        )

    edit(path, add_stale)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "[C012 stale-acknowledgement]" in result.stdout
    assert "/articles/1/acknowledgements/" in result.stdout


def test_fail_on_flag_overrides_the_file(runner: CliRunner, tmp_path: Path) -> None:
    path = catalog_in(tmp_path)
    assert runner.invoke(app, ["check", str(path), "--fail-on", "info"]).exit_code == 1
    assert runner.invoke(app, ["check", str(path), "--fail-on", "error"]).exit_code == 0


def test_invalid_catalog_stops_before_the_rules(runner: CliRunner, tmp_path: Path) -> None:
    path = catalog_in(tmp_path)
    edit(path, lambda d: d["articles"][0]["copy"].__setitem__("relation", "copied"))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "[C001 schema]" in result.stdout
    report = runner.invoke(app, ["report", str(path)])
    assert report.exit_code == 1
    assert "no report written" in report.stderr


def test_bad_configuration_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    path = catalog_in(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.provenance]\nfail-on = "sometimes"\n')
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "pyproject.toml" in result.stderr and "fail-on" in result.stderr


@pytest.mark.parametrize(
    "fmt", ["terminal", "markdown", "html", "json", "sarif", "github", "prov-json"]
)
def test_report_is_byte_identical_across_runs(tmp_path: Path, fmt: str) -> None:
    outputs = []
    for attempt in range(2):
        target = tmp_path / f"report-{attempt}"
        done = run_provenance("report", "--format", fmt, "-o", str(target))
        assert done.returncode == 0, done.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 500


def test_default_report_shows_chains_grades_and_shared_quotes() -> None:
    done = run_provenance("report")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "\x1b[" not in text  # piped: no colour
    for article in json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))["articles"]:
        assert article["id"][:12] in text
    assert "→" in text
    assert "Radio Free Europe/Radio Liberty" in text


def test_sarif_from_check_is_valid(tmp_path: Path) -> None:
    from jsonschema import Draft4Validator

    done = run_provenance("check", "--format", "sarif", "-o", str(tmp_path / "out.sarif"))
    assert done.returncode == 0, done.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())
    assert not list(Draft4Validator(schema).iter_errors(sarif))
    results = sarif["runs"][0]["results"]
    assert results and all(r.get("suppressions") for r in results if r["level"] != "note")


def test_rules_and_explain(runner: CliRunner) -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    codes = [line.split()[0] for line in listing.stdout.splitlines()]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 35
    explained = runner.invoke(app, ["explain", "t004"])
    assert explained.exit_code == 0
    assert "translation-chain" in explained.stdout and "bad:" in explained.stdout
    assert runner.invoke(app, ["explain", "Z999"]).exit_code == 2


def test_help_is_fast_to_import() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "provenance", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert not {"pydantic", "rich", "jsonschema", "rapidfuzz", "tldextract"} & imported


def test_article_size_limit_can_be_set(runner: CliRunner, tmp_path: Path) -> None:
    path = catalog_in(tmp_path)
    with (tmp_path / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("max-article-bytes = 5000\n")  # the seeds run from 3.6 to 10 KB
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    refused = {f["catalog"]["pointer"] for f in json.loads(result.stdout)["findings"]}
    assert refused == {"/articles/0/file", "/articles/1/file", "/articles/3/file"}
    assert all(f["code"] == "C006" for f in json.loads(result.stdout)["findings"])
