"""Article files and catalog files that try to make the tool read what it should not, hang,
or run out of memory: each gives a clear finding or a one-line error, and nothing outside the
catalog's folder is opened (checked with an audit hook, which sees every open in the process).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.articles import MAX_ARTICLE_BYTES, ArticleProblem, read_article
from provenance.cli import app
from tests.conftest import ROOT, run_provenance

TEXT = "By Jane Roe\n\nThe harbour reopened on Monday, officials said.\n"
SECRET = "secret: the contents of a file outside the catalog's folder\n"
RUNNER = CliRunner()


def _catalog(folder: Path, files: list[str]) -> Path:
    """A minimal valid catalog whose articles name ``files``."""
    document = {
        "schemaVersion": "1.0",
        "outlets": [],
        "people": [],
        "articles": [
            {"id": f"a{i}", "file": file, "copy": {"relation": "original"}}
            for i, file in enumerate(files)
        ],
    }
    path = folder / "sources.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def _validate(path: Path) -> tuple[int, list[dict[str, Any]]]:
    result = RUNNER.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """(catalog folder, a sibling folder outside it holding a secret)."""
    folder = tmp_path / "catalog"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "good.txt").write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    return folder, outside


def test_the_minimal_catalog_is_valid(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    assert _validate(_catalog(folder, ["texts/good.txt"])) == (0, [])


# name -> (builds the entry in the folder and returns its "file", code, words of the message)
Setup = Callable[[Path, Path], str]


def _dotdot(folder: Path, outside: Path) -> str:
    return "../outside/secret.txt"


def _dotdot_inside(folder: Path, outside: Path) -> str:
    (folder / "texts" / "other.txt").write_text(TEXT, encoding="utf-8")
    return "texts/../texts/other.txt"  # stays inside, but '..' is refused on principle


def _absolute(folder: Path, outside: Path) -> str:
    return str(outside / "secret.txt")


def _symlink_file(folder: Path, outside: Path) -> str:
    (folder / "texts" / "link.txt").symlink_to(outside / "secret.txt")
    return "texts/link.txt"


def _symlink_folder(folder: Path, outside: Path) -> str:
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    return "elsewhere/secret.txt"


def _symlink_dev_zero(folder: Path, outside: Path) -> str:
    (folder / "texts" / "zero.txt").symlink_to("/dev/zero")
    return "texts/zero.txt"


def _symlink_dev_null(folder: Path, outside: Path) -> str:
    (folder / "texts" / "null.txt").symlink_to("/dev/null")
    return "texts/null.txt"


def _symlink_loop(folder: Path, outside: Path) -> str:
    (folder / "texts" / "loop.txt").symlink_to(folder / "texts" / "loop.txt")
    return "texts/loop.txt"


def _folder(folder: Path, outside: Path) -> str:
    return "texts"


def _missing(folder: Path, outside: Path) -> str:
    return "texts/missing.txt"


def _fifo(folder: Path, outside: Path) -> str:
    os.mkfifo(folder / "texts" / "pipe.txt")
    return "texts/pipe.txt"


def _latin1(folder: Path, outside: Path) -> str:
    (folder / "texts" / "latin1.txt").write_bytes("Caf\u00e9 cr\u00e8me\n".encode("latin-1"))
    return "texts/latin1.txt"


def _nul(folder: Path, outside: Path) -> str:
    (folder / "texts" / "nul.txt").write_bytes(b"Text\x00with a NUL\n")
    return "texts/nul.txt"


def _over_limit(folder: Path, outside: Path) -> str:
    with (folder / "texts" / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no 50 MB written
    return "texts/huge.txt"


CASES: dict[str, tuple[Setup, str, str]] = {
    "dotdot": (_dotdot, "C007", "'..'"),
    "dotdot-inside": (_dotdot_inside, "C007", "'..'"),
    "absolute": (_absolute, "C007", "absolute path"),
    "symlink-to-file-outside": (_symlink_file, "C007", "symlink"),
    "symlink-to-folder-outside": (_symlink_folder, "C007", "symlink"),
    "symlink-to-dev-zero": (_symlink_dev_zero, "C007", "symlink"),
    "symlink-to-dev-null": (_symlink_dev_null, "C007", "symlink"),
    "symlink-loop": (_symlink_loop, "C006", "cannot be resolved"),
    "folder": (_folder, "C006", "is a folder"),
    "missing": (_missing, "C006", "does not exist"),
    "fifo": (_fifo, "C006", "not a regular file"),
    "non-utf8": (_latin1, "C006", "not valid UTF-8 (line 1, byte 3)"),
    "nul-bytes": (_nul, "C006", "NUL bytes"),
    "over-limit": (_over_limit, "C006", f"over the {MAX_ARTICLE_BYTES}-byte limit"),
}


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path opened in this process while the test runs (audit event 'open')."""
    paths: list[str] = []
    active = threading.Event()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if active.is_set() and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            paths.append(os.fsdecode(args[0]))

    sys.addaudithook(hook)  # hooks cannot be removed; the event gates it to this test
    active.set()
    yield paths
    active.clear()


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_article_file_is_a_clear_finding_and_read_no_further(
    case: str, layout: tuple[Path, Path], opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, outside = layout
    setup, code, words = CASES[case]
    file = setup(folder, outside)
    path = _catalog(folder, ["texts/good.txt", file])
    monkeypatch.chdir(folder)
    opened.clear()  # what the set-up wrote does not count
    for command in ("validate", "check"):
        result = RUNNER.invoke(app, [command, str(path), "--format", "json"])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        findings = json.loads(result.stdout)["findings"]
        [finding] = [f for f in findings if f["catalog"]["pointer"] == "/articles/1/file"]
        assert finding["code"] == code and words in finding["message"], finding
        assert finding["catalog"]["line"] > 1
        assert SECRET.strip() not in result.stdout
    # Nothing of the outside folder, no device, and not the bad entry itself when it
    # leads out, was ever opened.
    reached = {os.path.realpath(p) for p in opened}
    assert not any(p.startswith(str(outside)) or p.startswith("/dev/") for p in reached)
    if code == "C007":
        assert os.path.realpath(folder / file) not in reached


def test_only_the_catalog_folder_and_the_installation_are_opened(
    layout: tuple[Path, Path], opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One catalog holding every hostile entry at once, through validate and check."""
    folder, outside = layout
    files = ["texts/good.txt"] + [CASES[case][0](folder, outside) for case in sorted(CASES)]
    path = _catalog(folder, files)
    monkeypatch.chdir(folder)
    opened.clear()
    for command in ("validate", "check"):
        result = RUNNER.invoke(app, [command, str(path), "--format", "json"])
        assert result.exit_code == 1, result.output
        assert len(json.loads(result.stdout)["findings"]) >= len(CASES)
    allowed = [
        str(folder.resolve()),
        sys.prefix,
        sys.base_prefix,
        str(Path(json.__file__).resolve().parent),  # the standard library
        str((ROOT / "provenance").resolve()),  # the package's own schema files
    ]
    for opened_path in {os.path.realpath(p) for p in opened}:
        assert any(opened_path.startswith(prefix) for prefix in allowed), opened_path
    assert str(folder.resolve() / "texts" / "good.txt") in {os.path.realpath(p) for p in opened}


# --- devices and pipes: refused before a byte is read, in a subprocess so a hang shows -------


def test_device_node_inside_the_folder_is_refused_unread(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    device = folder / "texts" / "zero.txt"
    try:
        os.mknod(device, 0o600 | 0o020000, os.makedev(1, 5))  # a character device: /dev/zero
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    result = read_article(folder, "texts/zero.txt")
    assert isinstance(result, ArticleProblem) and "not a regular file" in result.message
    path = _catalog(folder, ["texts/good.txt", "texts/zero.txt"])
    done = run_provenance("validate", str(path), cwd=folder)
    assert done.returncode == 1 and "not a regular file" in done.stdout


@pytest.mark.parametrize("kind", ["dev-zero", "dev-null", "fifo", "folder"])
def test_catalog_that_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    """sources.json committed as a symlink to /dev/zero once made validate read forever."""
    path = tmp_path / "sources.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero" if kind == "dev-zero" else "/dev/null")
    for command in ("validate", "check", "report"):
        done = run_provenance(command, str(path), cwd=tmp_path)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert ("folder" if kind == "folder" else "not a regular file") in done.stderr


def test_evidence_on_a_fifo_or_device_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    for name in ("pipe.txt", "zero.txt"):
        done = run_provenance("evidence", str(tmp_path / name), cwd=tmp_path)
        assert done.returncode == 2 and done.stderr.startswith("error: "), done.stderr


# --- encodings and line ends ------------------------------------------------------------------


def test_bom_is_dropped_and_crlf_is_normalised(tmp_path: Path) -> None:
    (tmp_path / "lf.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    (tmp_path / "crlf.txt").write_bytes(TEXT.replace("\n", "\r\n").encode())
    (tmp_path / "cr.txt").write_bytes(TEXT.replace("\n", "\r").encode())
    (tmp_path / "both.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode())
    for name in ("bom.txt", "crlf.txt", "cr.txt", "both.txt"):
        assert read_article(tmp_path, name) == TEXT, name


def test_crlf_and_bom_copy_of_a_seed_gives_the_same_check(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every finding, line and column is the same for a seed stored with CRLF and a BOM."""
    monkeypatch.chdir(repo_copy.parent)
    before = RUNNER.invoke(app, ["check", "sources.json", "--format", "json"])
    for seed in sorted((repo_copy.parent / "seeds").glob("*.txt")):
        raw = seed.read_bytes()
        assert b"\r" not in raw
        seed.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    after = RUNNER.invoke(app, ["check", "sources.json", "--format", "json"])
    assert before.exit_code == after.exit_code
    assert after.exception is None or isinstance(after.exception, SystemExit)
    findings = json.loads(after.stdout)["findings"]
    located = [e for f in findings for e in f.get("evidence", []) if e["file"].startswith("seeds/")]
    assert located, "the seeds give findings located in their text"
    assert after.stdout == before.stdout


# --- the size limit -------------------------------------------------------------------------


def test_exactly_at_the_limit_is_read_and_one_byte_over_is_refused(tmp_path: Path) -> None:
    line = "A line of article text.\n"
    body = line * (4096 // len(line))
    body += "x" * (4096 - len(body) - 1) + "\n"
    (tmp_path / "at.txt").write_text(body, encoding="utf-8")
    (tmp_path / "over.txt").write_text(body + "y", encoding="utf-8")
    assert read_article(tmp_path, "at.txt", max_bytes=4096) == body
    over = read_article(tmp_path, "over.txt", max_bytes=4096)
    assert isinstance(over, ArticleProblem) and "over the 4096-byte limit" in over.message


def test_a_real_article_of_exactly_50_mb_is_read(tmp_path: Path) -> None:
    chunk = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n" * 1024).encode()
    with (tmp_path / "big.txt").open("wb") as handle:
        for _ in range(MAX_ARTICLE_BYTES // len(chunk)):
            handle.write(chunk)
        handle.write(b"z" * (MAX_ARTICLE_BYTES % len(chunk)))
    assert (tmp_path / "big.txt").stat().st_size == MAX_ARTICLE_BYTES
    text = read_article(tmp_path, "big.txt")
    assert isinstance(text, str) and len(text) == MAX_ARTICLE_BYTES
