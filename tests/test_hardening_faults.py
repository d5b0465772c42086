"""Faults on the write side (issue 16): a full disk, a read-only folder, a refused permission
or an exhausted quota end `add`, `report -o` and `check -o` with one line naming the path and
what to do, exit 2, and leave the catalog's folder as it was; a killed run's temporary file is
removed by the next run; writes do what the user means (a symlinked catalog is written
through, `-o` never overwrites what the run reads, `add` refuses the catalog itself); an
unusable digest cache is one warning, never a failure.

Each fault is shown twice: simulated (the system call raises the errno), which runs
everywhere, and real, on a small tmpfs mounted for the test, which needs root (skipped
cleanly where mounting is not permitted).
"""

from __future__ import annotations

import contextlib
import errno
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance import atomic, digest_cache
from provenance.cli import app
from provenance.loader import load_catalog
from provenance.locking import catalog_lock
from provenance.validate import validate
from tests.conftest import ROOT, run_provenance

FIXTURES = Path(__file__).parent / "fixtures" / "add"
ARTICLE = FIXTURES / "ferry-wire.txt"
FAULTS = {
    errno.ENOSPC: "No space left on device; free some space",
    errno.EROFS: "Read-only file system; write somewhere writable",
    errno.EACCES: "Permission denied; check who may write there",
    errno.EDQUOT: "Disk quota exceeded; free some space or ask for a larger quota",
}


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder`` (hidden ones too) and its bytes, or its link target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "folder"
    return found


def temporaries(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name.endswith(".tmp"))


def assert_one_line_error(stderr: str, *parts: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
    for part in parts:
        assert part in stderr, (part, stderr)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


def _is_temporary_path(path: object) -> bool:
    return atomic.is_temporary(os.path.basename(os.fspath(path)))  # type: ignore[arg-type]


def _fail_creating_temporaries(monkeypatch: pytest.MonkeyPatch, code: int, where: str) -> None:
    """os.open of a temporary file raises ``code`` when its target's name contains ``where``
    (as the kernel does on a read-only or full file system, or a folder one may not write)."""
    real_open = os.open

    def failing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if _is_temporary_path(path) and where in os.path.basename(os.fspath(path)):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", failing_open)


def _fail_writing(monkeypatch: pytest.MonkeyPatch, code: int, catalog_write: bool) -> None:
    """Half the bytes land, then the write raises ``code``: a disk filling up mid-write."""
    real_write = atomic.write_all

    def failing_write(descriptor: int, data: bytes) -> None:
        if data.lstrip().startswith(b"{") == catalog_write:
            real_write(descriptor, data[: len(data) // 2])
            raise OSError(code, os.strerror(code))
        real_write(descriptor, data)

    monkeypatch.setattr(atomic, "write_all", failing_write)


# --- add: simulated faults --------------------------------------------------------------


@pytest.mark.parametrize("code", list(FAULTS), ids=[errno.errorcode[c] for c in FAULTS])
@pytest.mark.parametrize("step", ["create-text", "create-catalog", "write-text", "write-catalog"])
def test_add_fault_is_one_line_and_changes_nothing(
    catalog: Path, monkeypatch: pytest.MonkeyPatch, code: int, step: str
) -> None:
    before = snapshot(catalog.parent)
    action, what = step.split("-")
    if action == "create":
        _fail_creating_temporaries(
            monkeypatch, code, "sources.json" if what == "catalog" else ".txt"
        )
    else:
        _fail_writing(monkeypatch, code, catalog_write=what == "catalog")
    result = CliRunner().invoke(app, ["add", str(ARTICLE), str(catalog), "--yes"])
    assert result.exit_code == 2, result.output
    named = str(catalog) if what == "catalog" else str(catalog.parent / "seeds")
    assert_one_line_error(result.stderr, named, FAULTS[code], f"{catalog} is as it was")
    assert snapshot(catalog.parent) == before


def test_add_with_a_full_temporary_folder_is_one_line(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new entry is checked in a mirror of the folder under $TMPDIR: that filling up is
    a clean refusal too."""
    from provenance import adding

    before = snapshot(catalog.parent)
    real_write_bytes = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.is_relative_to(adding.tempfile.gettempdir()) and adding.MIRROR_PREFIX in str(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    result = CliRunner().invoke(app, ["add", str(ARTICLE), str(catalog), "--yes"])
    assert result.exit_code == 2, result.output
    assert_one_line_error(result.stderr, "cannot prepare the check", "No space left on device")
    assert snapshot(catalog.parent) == before


# --- report -o and check -o: simulated faults -------------------------------------------


@pytest.mark.parametrize("code", list(FAULTS), ids=[errno.errorcode[c] for c in FAULTS])
@pytest.mark.parametrize("command", ["report", "check"])
def test_output_fault_is_one_line_and_keeps_the_old_report(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch, code: int, command: str
) -> None:
    folder = repo_copy.parent
    report = folder / "out" / "report.json"
    report.parent.mkdir()
    report.write_text('{"old": true}\n', encoding="utf-8")
    before = snapshot(folder)
    _fail_creating_temporaries(monkeypatch, code, "report.json")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, [command, "--format", "json", "-o", str(report)])
    assert result.exit_code == 2, result.output
    assert_one_line_error(result.stderr, str(report), FAULTS[code], "no file was changed")
    assert snapshot(folder) == before


# --- real faults on a small tmpfs --------------------------------------------------------


@contextlib.contextmanager
def small_filesystem(where: Path, kilobytes: int = 64) -> Iterator[Path]:
    """A tmpfs of ``kilobytes`` mounted at ``where`` for the block; skips the test when
    mounting is not permitted (not root, a container without CAP_SYS_ADMIN)."""
    where.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def remount_read_only(where: Path) -> None:
    done = subprocess.run(
        ["mount", "-o", "remount,ro", str(where)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` until ``leave`` bytes are free."""
    with (folder / "filler").open("wb") as handle, contextlib.suppress(OSError):
        while True:
            stat = os.statvfs(folder)
            free = stat.f_bavail * stat.f_frsize
            if free <= leave:
                break
            handle.write(b"\0" * min(4096, free - leave))
            handle.flush()


def without_filler(found: dict[str, bytes | str]) -> dict[str, bytes | str]:
    return {name: value for name, value in found.items() if name != "filler"}


@pytest.mark.parametrize("leave", [0, 4096])
def test_add_on_a_full_disk(tmp_path: Path, leave: int) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        shutil.copytree(FIXTURES / "catalog", disk, dirs_exist_ok=True)
        fill(disk, leave)
        before = without_filler(snapshot(disk))
        result = run_provenance("add", str(ARTICLE), "sources.json", "--yes", cwd=disk)
        assert result.returncode == 2, result.stdout + result.stderr
        assert_one_line_error(result.stderr, "No space left on device; free some space")
        assert without_filler(snapshot(disk)) == before
        assert validate(load_catalog(disk / "sources.json")).valid


def test_report_on_a_full_disk(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        shutil.copytree(FIXTURES / "catalog", disk, dirs_exist_ok=True)
        (disk / "report.html").write_text("old report\n", encoding="utf-8")
        fill(disk)
        before = without_filler(snapshot(disk))
        result = run_provenance("report", "--format", "html", "-o", "report.html", cwd=disk)
        assert result.returncode == 2, result.stdout + result.stderr
        assert_one_line_error(result.stderr, "report.html: cannot write: No space left")
        assert without_filler(snapshot(disk)) == before


def test_read_only_folder(tmp_path: Path) -> None:
    """add and report -o end with one line; the commands that only read work as usual, the
    lock does not stand in their way (nor in add's: the error is the write's, not a lock's)."""
    with small_filesystem(tmp_path / "disk") as disk:
        shutil.copytree(FIXTURES / "catalog", disk, dirs_exist_ok=True)
        remount_read_only(disk)
        before = snapshot(disk)
        added = run_provenance("add", str(ARTICLE), "sources.json", "--yes", cwd=disk)
        assert added.returncode == 2, added.stdout + added.stderr
        assert_one_line_error(added.stderr, "Read-only file system; write somewhere writable")
        assert "lock" not in added.stderr
        reported = run_provenance("report", "-o", "report.txt", cwd=disk)
        assert reported.returncode == 2
        assert_one_line_error(reported.stderr, "report.txt: cannot write: Read-only file system")
        for command in ("validate", "check", "report"):
            assert run_provenance(command, cwd=disk).returncode in (0, 1), command
        with catalog_lock(disk / "sources.json", timeout=5):
            pass
        assert snapshot(disk) == before


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_an_unwritable_cache_is_one_warning(tmp_path: Path, repo_copy: Path, fault: str) -> None:
    expected = run_provenance("check", "--format", "json", "--no-cache", cwd=repo_copy.parent)
    with small_filesystem(tmp_path / "cache") as cache:
        if fault == "full":
            fill(cache)
        else:
            remount_read_only(cache)
        env_cache = str(cache / "provenance")
        result = subprocess.run(
            [sys.executable, "-m", "provenance", "check", "--format", "json"],
            cwd=repo_copy.parent,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PROVENANCE_CACHE_DIR": env_cache},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == expected.returncode
    assert json.loads(result.stdout) == json.loads(expected.stdout)
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("warning: "), result.stderr
    assert "cache not used" in warnings[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("code", list(FAULTS), ids=[errno.errorcode[c] for c in FAULTS])
def test_a_cache_that_cannot_be_written_warns_once(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int
) -> None:
    monkeypatch.chdir(repo_copy.parent)
    expected = CliRunner().invoke(app, ["check", "--format", "json", "--no-cache"])
    real_connect = digest_cache._connect

    def connect(location: digest_cache.CacheLocation, *, read_only: bool) -> Any:
        if not read_only and location.file.exists():
            raise OSError(code, os.strerror(code), str(location.file))
        return real_connect(location, read_only=read_only)

    monkeypatch.setattr(digest_cache, "_connect", connect)
    args = ["check", "--format", "json", "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == expected.exit_code
    assert json.loads(result.stdout) == json.loads(expected.stdout)
    assert result.stderr.count("warning: ") == 1 and os.strerror(code) in result.stderr


# --- killed mid-write ---------------------------------------------------------------------


def _stall_at_fsync(module: Any, ready: Any, wanted: Callable[[int], bool]) -> None:
    """In the child: the fsync of a wanted temporary file announces itself and waits to be
    killed, so the parent kills it exactly while the file exists, half way through a write."""
    real_fsync = module.os.fsync

    def stall(descriptor: int) -> None:
        if wanted(descriptor):
            ready.set()
            time.sleep(600)
        real_fsync(descriptor)

    module.os.fsync = stall


def _names_temporary(descriptor: int, part: str) -> bool:
    name = os.path.basename(os.readlink(f"/proc/self/fd/{descriptor}"))
    return atomic.is_temporary(name) and part in name


def _report_child(folder: str, ready: Any) -> None:
    from provenance.report import output

    os.chdir(folder)
    _stall_at_fsync(output, ready, lambda fd: _names_temporary(fd, "report.html"))
    CliRunner().invoke(app, ["report", "--format", "html", "-o", "report.html"])


def _add_child(catalog: str, ready: Any, part: str) -> None:
    _stall_at_fsync(atomic, ready, lambda fd: _names_temporary(fd, part))
    CliRunner().invoke(app, ["add", str(ARTICLE), catalog, "--yes"])


def _kill_when_ready(target: Callable[..., None], *args: Any) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name the file being written")
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    child = context.Process(target=target, args=(*args, ready))
    child.start()
    try:
        assert ready.wait(timeout=120), "the child never reached the write"
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL
    finally:
        if child.is_alive():
            child.kill()


def test_a_killed_report_leaves_a_temporary_file_that_the_next_run_removes(
    repo_copy: Path,
) -> None:
    folder = repo_copy.parent
    _kill_when_ready(_report_child, str(folder))
    left = temporaries(folder)
    assert len(left) == 1 and left[0].startswith(".report.html.provenance-"), left
    assert not (folder / "report.html").exists()
    result = run_provenance("report", "--format", "html", "-o", "report.html", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert temporaries(folder) == []
    assert (folder / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("part", ["sources.json", ".txt"])
def test_a_killed_add_leaves_temporary_files_that_the_next_run_removes(
    catalog: Path, part: str
) -> None:
    before = catalog.read_bytes()
    _kill_when_ready(lambda ready: _add_child(str(catalog), ready, part))
    left = temporaries(catalog.parent)
    assert len(left) == 1 and part.lstrip(".") in left[0], left
    assert catalog.read_bytes() == before  # the old catalog, whole
    result = run_provenance("add", str(ARTICLE), str(catalog), "--yes")
    assert result.returncode == 0, result.stderr
    assert temporaries(catalog.parent) == []
    loaded = load_catalog(catalog)
    assert validate(loaded).valid and loaded.catalog is not None
    assert len(loaded.catalog.articles) == len(json.loads(before)["articles"]) + 1


def test_a_temporary_file_being_written_is_left_alone(tmp_path: Path) -> None:
    """Only stale files are removed: one that a live writer holds, or that is not ours by
    its name, stays."""
    target = tmp_path / "report.html"
    with atomic.temporary_beside(target) as (descriptor, temporary):
        unrelated = tmp_path / ".report.html.abcd.tmp"
        unrelated.write_text("someone else's\n")
        assert atomic.remove_stale_temporaries(tmp_path) == []
        assert temporary.exists() and unrelated.exists()
        os.close(descriptor)  # the writer dies: its lock goes with it
        # A live pid and a fresh file: kept until the writer's pid is gone or it ages.
        assert atomic.remove_stale_temporaries(tmp_path) == []
        old = time.time() - atomic.UNLOCKED_STALE_SECONDS - 5
        os.utime(temporary, (old, old))
        assert atomic.remove_stale_temporaries(tmp_path) == [temporary]
    assert unrelated.exists()


def test_stale_mirror_folders_of_killed_adds_are_removed(tmp_path: Path) -> None:
    from provenance.adding import MIRROR_PREFIX, remove_stale_mirrors

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f"{MIRROR_PREFIX}{dead.stdout.strip()}-abc"
    live = tmp_path / f"{MIRROR_PREFIX}{os.getppid()}-abc"
    other = tmp_path / "provenance-addendum"
    for folder in (stale, live, other):
        (folder / "seeds").mkdir(parents=True)
    assert remove_stale_mirrors(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and other.exists()


# --- writes that surprise ----------------------------------------------------------------


def test_add_writes_through_a_symlinked_catalog(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "catalog", tmp_path / "data")
    work = tmp_path / "work"
    work.mkdir()
    (work / "sources.json").symlink_to(tmp_path / "data" / "sources.json")
    (work / "seeds").symlink_to(tmp_path / "data" / "seeds")
    result = CliRunner().invoke(app, ["add", str(ARTICLE), str(work / "sources.json"), "--yes"])
    assert result.exit_code == 0, result.output
    assert (work / "sources.json").is_symlink()
    real = load_catalog(tmp_path / "data" / "sources.json")
    assert real.catalog is not None and len(real.catalog.articles) == 2
    assert validate(real).valid
    assert temporaries(work) == [] and temporaries(tmp_path / "data") == []


def test_report_writes_through_a_symlinked_output(repo_copy: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.json"
    real.write_text("{}\n")
    link = repo_copy.parent / "report.json"
    link.symlink_to(real)
    result = run_provenance("report", "--format", "json", "-o", "report.json", cwd=repo_copy.parent)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and json.loads(real.read_text())["catalog_file"] == "sources.json"


@pytest.mark.parametrize("command", ["report", "check"])
@pytest.mark.parametrize("output", ["catalog", "catalog-link", "article", "config"])
def test_output_never_overwrites_what_the_run_reads(
    repo_copy: Path, command: str, output: str
) -> None:
    folder = repo_copy.parent
    (folder / "pyproject.toml").write_text('[tool.provenance]\nfail-on = "error"\n')
    (folder / "link.json").symlink_to("sources.json")
    article = json.loads(repo_copy.read_text(encoding="utf-8"))["articles"][0]["file"]
    target = {
        "catalog": "sources.json",
        "catalog-link": "link.json",
        "article": f"./{article}",
        "config": "pyproject.toml",
    }[output]
    before = snapshot(folder)
    result = run_provenance(command, "-o", target, cwd=folder)
    assert result.returncode == 2, result.stdout + result.stderr
    assert_one_line_error(result.stderr, f"-o {Path(target)}: that is", "not overwriting it")
    assert snapshot(folder) == before


def test_add_refuses_the_catalog_itself(catalog: Path) -> None:
    before = snapshot(catalog.parent)
    for given in (catalog, catalog.parent / "." / "sources.json"):
        result = CliRunner().invoke(app, ["add", str(given), str(catalog), "--yes"])
        assert result.exit_code == 2, result.output
        assert_one_line_error(result.stderr, "that is the catalog itself")
    assert snapshot(catalog.parent) == before


@pytest.mark.parametrize(
    "arguments",
    [
        ["rules"],
        ["schema"],
        ["explain", "T004"],
        ["validate", "sources.json"],
        ["evidence", "seeds/000_901eae532ebeab44.txt"],
        ["check", "sources.json", "--no-cache"],
    ],
)
def test_a_full_standard_output_is_one_line_and_exit_2(arguments: list[str]) -> None:
    import subprocess
    import sys
    from pathlib import Path

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    root = Path(__file__).resolve().parent.parent
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "provenance", *arguments],
            cwd=root,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: standard output: cannot write: No space left on device"
    ]
