"""`provenance add` on the command line: output, prompt, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.commands import add as add_command

FIXTURES = Path(__file__).parent / "fixtures" / "add"
runner = CliRunner()


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


def invoke(catalog: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    file, *options = args
    result = runner.invoke(app, ["add", file, str(catalog), *options], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def entry_json(output: str) -> dict[str, object]:
    start = output.index("{\n")
    end = output.index("\n}\n", start) + 2
    document: dict[str, object] = json.loads(output[start:end])
    return document


def test_dry_run_prints_the_entry_and_writes_nothing(catalog: Path) -> None:
    before = catalog.read_bytes()
    code, out, _ = invoke(catalog, str(FIXTURES / "coastal-herald-ferry.html"), "--dry-run")
    assert code == 0
    entry = entry_json(out)
    assert entry["id"] == "coastal-herald-island-ferry-service-cut-to-three-sailings-a-week"
    assert "Dry run: nothing written." in out
    assert catalog.read_bytes() == before
    assert not any((catalog.parent / "seeds").glob("*island-ferry*"))


def test_yes_writes(catalog: Path) -> None:
    code, out, _ = invoke(catalog, str(FIXTURES / "ferry-wire.txt"), "--yes", "--id", "ferry-1")
    assert code == 0, out
    assert "Added ferry-1" in out
    assert json.loads(catalog.read_text())["articles"][-1]["id"] == "ferry-1"


@pytest.mark.parametrize(("answer", "written"), [("y\n", True), ("n\n", False), ("\n", False)])
def test_a_terminal_is_asked(
    catalog: Path, monkeypatch: pytest.MonkeyPatch, answer: str, written: bool
) -> None:
    monkeypatch.setattr(add_command, "_stdin_is_terminal", lambda: True)
    before = catalog.read_bytes()
    code, out, err = invoke(catalog, str(FIXTURES / "ferry-wire.txt"), stdin=answer)
    assert code == 0
    assert "Write this entry to" in err and "[y/N]" in err
    assert (catalog.read_bytes() != before) is written
    assert ("Nothing written." in out) is not written


def test_refusals_exit_2_with_one_line(catalog: Path) -> None:
    for args, message in (
        ([str(FIXTURES / "binary.png")], "binary"),
        ([str(FIXTURES / "empty.txt")], "empty"),
        ([str(FIXTURES / "ferry-wire.txt"), "--id", "coastal-herald-harbour-dredging"], "already"),
        ([str(FIXTURES / "ferry-wire.txt"), "--outlet", "nowhere"], "no outlet"),
        ([str(FIXTURES / "ferry-wire.txt"), "--max-bytes", "10"], "limit"),
    ):
        code, _, err = invoke(catalog, *args, "--yes")
        assert code == 2, (args, err)
        assert err.startswith("error: ") and message in err and err.count("\n") == 1
        assert "Traceback" not in err
