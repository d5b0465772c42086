"""Habits the tool shares with ruff, pre-commit and check-jsonschema: --version, settings found
from any subfolder or given with --config, the catalog given the same way in every command,
`add` that asks (and refuses when it cannot), no lock file left in the user's folder."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import provenance
from provenance.adding import add
from provenance.loader import load_catalog
from provenance.validate import validate
from tests.conftest import ROOT

ADD_FIXTURES = ROOT / "tests" / "fixtures" / "add"


def run(
    *args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provenance", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    shutil.copytree(ADD_FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


# --version and the distribution's name


def test_version_is_the_installed_distributions() -> None:
    done = run("--version", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"provenance {metadata.version(provenance.DISTRIBUTION)}\n"
    assert metadata.version(provenance.DISTRIBUTION) == provenance.__version__


def test_the_distribution_is_not_named_as_someone_elses() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # "provenance" on the public index is an unrelated library.
    assert project["name"] == provenance.DISTRIBUTION != "provenance"
    assert project["scripts"] == {"provenance": "provenance.cli:main"}


# Settings: found upward, or given with --config

STRICT = "[tool.provenance]\nmax-article-bytes = 10\n"  # every article file then too large


def test_settings_are_found_from_a_subfolder(catalog: Path) -> None:
    repository = catalog.parent.parent
    (repository / "pyproject.toml").write_text(STRICT, encoding="utf-8")
    # A sub-project's own pyproject.toml without the table does not hide the repository's.
    (catalog.parent / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    done = run("validate", cwd=catalog.parent)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[C006 article-file]" in done.stdout and "10-byte" in done.stdout


def test_settings_from_the_working_folders_ancestors(catalog: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(STRICT, encoding="utf-8")
    elsewhere = tmp_path / "work" / "deep"
    elsewhere.mkdir(parents=True)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    shutil.copytree(catalog.parent, outside)
    try:
        done = run("validate", str(outside / "sources.json"), cwd=elsewhere)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "[C006 article-file]" in done.stdout
    finally:
        shutil.rmtree(outside)


@pytest.mark.parametrize("where", ["global", "command"])
@pytest.mark.parametrize("form", ["pyproject.toml", "provenance.toml"])
def test_config_option(catalog: Path, tmp_path: Path, where: str, form: str) -> None:
    settings = tmp_path / "settings" / form
    settings.parent.mkdir()
    text = STRICT if form == "pyproject.toml" else "max-article-bytes = 10\n"
    settings.write_text(text, encoding="utf-8")
    assert run("validate", cwd=catalog.parent).returncode == 0
    args = (
        ["--config", str(settings), "validate"]
        if where == "global"
        else ["validate", "--config", str(settings)]
    )
    done = run(*args, cwd=catalog.parent)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[C006 article-file]" in done.stdout


def test_a_missing_config_file_is_one_line_exit_2(catalog: Path) -> None:
    done = run("check", "--config", "nowhere.toml", cwd=catalog.parent)
    assert done.returncode == 2
    assert done.stderr == "error: nowhere.toml: no such configuration file\n"


def test_the_command_option_wins_over_the_global_one(catalog: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("max-article-bytes = 10\n", encoding="utf-8")
    lenient = tmp_path / "lenient.toml"
    lenient.write_text("max-article-bytes = 100000\n", encoding="utf-8")
    done = run("--config", str(strict), "validate", "--config", str(lenient), cwd=catalog.parent)
    assert done.returncode == 0, done.stdout + done.stderr


# `add`: the catalog as an argument, asking, no lock file


def test_add_takes_the_catalog_as_its_argument(catalog: Path, tmp_path: Path) -> None:
    text = str(ADD_FIXTURES / "ferry-wire.txt")
    done = run("add", text, str(catalog), "--yes", "--id", "ferry-1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(catalog.read_text(encoding="utf-8"))["articles"][-1]["id"] == "ferry-1"
    assert done.stderr == ""


def test_add_still_takes_the_old_option_with_a_note(catalog: Path, tmp_path: Path) -> None:
    text = str(ADD_FIXTURES / "ferry-wire.txt")
    done = run("add", text, "-c", str(catalog), "--yes", "--id", "ferry-1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "deprecated" in done.stderr and f"provenance add {text} {catalog}" in done.stderr
    assert json.loads(catalog.read_text(encoding="utf-8"))["articles"][-1]["id"] == "ferry-1"
    clash = run("add", text, str(catalog), "-c", "other.json", "--yes", cwd=tmp_path)
    assert clash.returncode == 2 and clash.stderr.count("\n") == 1


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_add_without_yes_refuses_when_it_cannot_ask(catalog: Path, stdin: str) -> None:
    before = files_under(catalog.parent)
    command = [sys.executable, "-m", "provenance", "add", str(ADD_FIXTURES / "ferry-wire.txt")]
    if stdin == "closed":
        # exec with descriptor 0 closed: Python then has no sys.stdin at all.
        command = ["sh", "-c", 'exec "$@" 0<&-', "sh", *command]
    done = subprocess.run(
        command,
        cwd=catalog.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL if stdin == "devnull" else None,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "standard input is not a terminal" in done.stderr and "--yes" in done.stderr
    assert files_under(catalog.parent) == before
    # --dry-run needs no answer.
    dry = run("add", str(ADD_FIXTURES / "ferry-wire.txt"), "--dry-run", cwd=catalog.parent)
    assert dry.returncode == 0, dry.stderr
    assert files_under(catalog.parent) == before


def test_add_leaves_no_lock_file(catalog: Path) -> None:
    before = set(files_under(catalog.parent))
    done = run("add", str(ADD_FIXTURES / "ferry-wire.txt"), "--yes", cwd=catalog.parent)
    assert done.returncode == 0, done.stderr
    loaded = load_catalog(catalog)
    assert loaded.catalog is not None
    assert set(files_under(catalog.parent)) == before | {loaded.catalog.articles[-1].file}


def _add_one(catalog: str, file: str, barrier: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    add(Path(catalog), Path(file))


def test_ten_concurrent_adds_all_land(catalog: Path, tmp_path: Path) -> None:
    lines = (ADD_FIXTURES / "ferry-wire.txt").read_text(encoding="utf-8").splitlines()
    texts = []
    for n in range(10):
        text = tmp_path / f"ferry-{n}.txt"
        # Each its own headline and text, so that none is refused as a duplicate.
        text.write_text(
            "\n".join([f"{lines[0]}, part {n + 1}", *lines[1:], f"Update {n + 1}."]) + "\n",
            encoding="utf-8",
        )
        texts.append(text)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(texts))
    children = [
        context.Process(target=_add_one, args=(str(catalog), str(text), barrier)) for text in texts
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=300)
        assert child.exitcode == 0
    loaded = load_catalog(catalog)
    assert validate(loaded).valid and loaded.catalog is not None
    assert len(loaded.catalog.articles) == 11
    stored = {
        (catalog.parent / a.file).read_text(encoding="utf-8") for a in loaded.catalog.articles
    }
    assert {text.read_text(encoding="utf-8") for text in texts} <= stored
    assert not [p for p in catalog.parent.rglob("*") if p.name.endswith((".lock", ".tmp"))]


# Errors in words, and a JSON syntax error as a finding in every format

SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"


def test_a_bad_date_says_which_format_is_expected(catalog: Path) -> None:
    document = json.loads(catalog.read_text(encoding="utf-8"))
    document["articles"][0]["copy"]["datePublished"] = "5 March 2024"
    catalog.write_text(json.dumps(document, indent=2), encoding="utf-8")
    done = run("validate", cwd=catalog.parent)
    assert done.returncode == 1
    [line] = [line for line in done.stdout.splitlines() if "[C001 schema]" in line]
    assert "/articles/0/copy/datePublished: '5 March 2024': expected a date like 2024-03-05" in line
    assert "2024-03 or 2024" in line and "[0-9]" not in line and "^" not in line


def test_every_pattern_of_the_schema_is_said_in_words() -> None:
    from provenance.loader import pattern_message
    from provenance.schema import committed_catalog_schema

    patterns: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(committed_catalog_schema())
    assert len(patterns) >= 8
    for pattern in patterns:
        assert "expected" in pattern_message("x", pattern)
        assert pattern not in pattern_message("x", pattern)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_json_syntax_error_is_a_finding_in_every_format(catalog: Path, fmt: str) -> None:
    catalog.write_text('{\n  "schemaVersion": "1.0",\n  "outlets": [,\n}\n', encoding="utf-8")
    done = run("check", "--format", fmt, cwd=catalog.parent)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    if fmt == "text":
        assert done.stdout.startswith(
            "sources.json:3:15: not valid JSON: Expecting value [C000 json-syntax]\n"
        )
    elif fmt == "json":
        [finding] = json.loads(done.stdout)["findings"]
        assert finding["code"] == "C000"
        assert (finding["catalog"]["line"], finding["catalog"]["column"]) == (3, 15)
    elif fmt == "github":
        assert done.stdout.startswith(
            "::error file=sources.json,line=3,col=15,title=C000 json-syntax::not valid JSON"
        )
    else:
        from jsonschema import Draft4Validator

        sarif = json.loads(done.stdout)
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        assert not list(Draft4Validator(schema).iter_errors(sarif))
        [result] = sarif["runs"][0]["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert result["ruleId"] == "C000" and result["level"] == "error"
        assert (region["startLine"], region["startColumn"]) == (3, 15)
        assert "informationUri" not in sarif["runs"][0]["tool"]["driver"]


def test_a_schema_error_reaches_sarif_and_annotations(catalog: Path) -> None:
    document = json.loads(catalog.read_text(encoding="utf-8"))
    document["articles"][0]["copy"]["relation"] = "copied"
    catalog.write_text(json.dumps(document, indent=2), encoding="utf-8")
    sarif = run("check", "--format", "sarif", cwd=catalog.parent)
    assert sarif.returncode == 1
    assert [r["ruleId"] for r in json.loads(sarif.stdout)["runs"][0]["results"]] == ["C001"]
    github = run("check", "--format", "github", cwd=catalog.parent)
    assert github.returncode == 1
    assert github.stdout.startswith("::error file=sources.json,line=")


# Instructions that work


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_install_line_installs_this_tool() -> None:
    import re
    import shlex

    lines = [
        (path.name, line)
        for path in _markdown_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"pip install\s", line) and not line.lstrip().startswith("#")
    ]
    assert len(lines) >= 4
    for name, line in lines:
        command = line[line.index("pip install") :].split("&&")[0].split("  #")[0]
        targets = [word for word in shlex.split(command)[2:] if not word.startswith("-")]
        assert targets, (name, line)
        for target in targets:
            # A path (this checkout) or a git URL: never a bare name from the public index.
            assert target.startswith((".", "git+https://")), (name, line)


def test_the_pre_commit_example_needs_only_the_repository_address() -> None:
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\nrepos:\n", 1)[1].split("```", 1)[0]
    [repo] = yaml.safe_load("repos:\n" + block)["repos"]
    shipped = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {hook["id"] for hook in repo["hooks"]} == shipped
    assert repo["repo"] == "https://github.com/OWNER/REPO"  # the one thing to fill in
    assert repo["rev"] == "main"  # exists in every clone; a tag would have to be made first
    assert "example.invalid" not in readme
    for path in _markdown_files():
        assert "pip install provenance" not in path.read_text(encoding="utf-8"), path
