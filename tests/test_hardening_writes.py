"""Writes that survive a real crash: the process killed between writing the temporary file
and renaming it (no exception handler, no cleanup runs) leaves sources.json as it was, and
the lock it held does not block the next writer. A full disk while writing a report leaves
the old report whole and the command ends with one line.

tests/test_add_commit.py covers the raised-error cases (EIO before the rename, ENOSPC half
way, ENOSPC at fsync, concurrent adds, the lock serializing writers).
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance import atomic
from provenance.adding import add
from provenance.cli import app
from provenance.loader import load_catalog
from provenance.report import output
from provenance.validate import validate
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "add"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


def _add_then_die_before_the_catalog_rename(catalog: str, file: str) -> None:
    real_replace = os.replace

    def die(source: str, target: str | Path) -> None:
        if Path(target).name == "sources.json":
            os._exit(137)  # as SIGKILL or a power cut would: no finally, no cleanup
        real_replace(source, target)

    atomic.os.replace = die  # type: ignore[assignment]  (the child only)
    add(Path(catalog), Path(file))


def _add(catalog: str, file: str) -> None:
    add(Path(catalog), Path(file))


def test_killed_between_write_and_rename_leaves_the_catalog_and_frees_the_lock(
    catalog: Path,
) -> None:
    before = catalog.read_bytes()
    context = multiprocessing.get_context("fork")
    text = str(FIXTURES / "ferry-wire.txt")
    child = context.Process(target=_add_then_die_before_the_catalog_rename, args=(catalog, text))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 137
    # The catalog is the old one, whole and valid; what was left is a dot-file beside it.
    assert catalog.read_bytes() == before
    assert validate(load_catalog(catalog)).valid
    leftovers = [p.name for p in catalog.parent.iterdir() if p.name.endswith(".tmp")]
    assert all(name.startswith(".sources.json.") for name in leftovers), leftovers
    # The lock died with its holder (flock): the next add goes through.
    retry = context.Process(target=_add, args=(str(catalog), text))
    retry.start()
    retry.join(timeout=120)
    assert retry.exitcode == 0
    loaded = load_catalog(catalog)
    assert validate(loaded).valid and loaded.catalog is not None
    assert len(loaded.catalog.articles) == len(load_catalog_text(before)) + 1


def load_catalog_text(raw: bytes) -> list[object]:
    import json

    return list(json.loads(raw)["articles"])


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_full_disk_while_writing_a_report_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    report = tmp_path / "report.json"
    report.write_text('{"old": true}\n', encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        """A file object whose write (or fsync) fails as on a full disk, after half lands."""

        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, text: str) -> int:
            if failing == "write":
                self.handle.write(text[: len(text) // 2])  # type: ignore[attr-defined]
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.handle.write(text)  # type: ignore[attr-defined,no-any-return]

        def flush(self) -> None:
            self.handle.flush()  # type: ignore[attr-defined]

        def fileno(self) -> int:
            if failing == "fsync":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.handle.fileno()  # type: ignore[attr-defined,no-any-return]

    def fdopen(descriptor: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_fdopen(descriptor, mode, *args, **kwargs)  # type: ignore[call-overload]
        return FullDisk(handle) if "w" in mode else handle  # only the report being written

    monkeypatch.setattr(output.os, "fdopen", fdopen)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--format", "json", "-o", str(report)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "No space left on device" in result.stderr
    assert report.read_text(encoding="utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "seeds", "sources.json"]
