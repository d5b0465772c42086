"""Resource bounds: a very long catalog and a very long article, in a subprocess under an
address-space cap, end with a result or a clear limit; over-size inputs are refused unread.

The million-entry catalog and the 5 MB article are manual benchmarks (docs/security.md gives
the commands and the measurements); these tests run the same paths at a size CI can afford.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from provenance.articles import MAX_ARTICLE_BYTES
from provenance.loader import MAX_CATALOG_BYTES
from tests.conftest import ROOT

GIB = 1 << 30


# ru_maxrss starts from the forking process's high-water mark (Linux copies it on fork and
# keeps it across exec), so a child forked straight from a grown pytest process reports
# pytest's RSS. A fresh, small launcher forks the measured process and reports its peak.
_LAUNCHER = """
import os, resource, subprocess, sys
cap = int(sys.argv[1])
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
child = subprocess.Popen(
    [sys.executable, "-m", "provenance", *sys.argv[2:]], stdout=subprocess.DEVNULL, preexec_fn=limit
)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024)
"""


def run_capped(args: list[str], cwd: Path, cap: int, timeout: float = 300) -> tuple[int, str, int]:
    """Run `provenance ARGS` with RLIMIT_AS = cap; (exit code, stderr, peak RSS in bytes)."""
    launcher = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, str(cap), *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = launcher.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and the measured process
        launcher.communicate()
        raise AssertionError(f"provenance {' '.join(args)} did not end in {timeout} s") from expired
    code, peak = stdout.decode().split()
    return int(code), stderr.decode(), int(peak)


def write_long_catalog(path: Path, entries: int) -> None:
    """``entries`` minimal articles sharing one tiny text, written without building a list."""
    entry = '{"id":"a%d","file":"a.txt","copy":{"relation":"original"}}'
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"schemaVersion":"1.0","outlets":[],"people":[],"articles":[\n')
        for index in range(entries):
            handle.write(("," if index else "") + entry % index + "\n")
        handle.write("]}\n")


def test_a_hundred_thousand_entries_validate_within_memory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("By Jane Roe\n\nShort text.\n", encoding="utf-8")
    write_long_catalog(tmp_path / "sources.json", 100_000)
    code, stderr, peak = run_capped(["validate", "sources.json"], tmp_path, cap=4 * GIB)
    assert code == 0, stderr
    # Measured at about 0.3 GB; linear growth puts a million entries near 2.5 GB.
    assert peak < 1 * GIB, peak


def test_a_one_megabyte_line_through_evidence_within_memory(tmp_path: Path) -> None:
    line = "Lorem “ipsum” dolor, said Reuters on August 9; via www.example.com \u200b\u202e "
    text = (line * (1_000_000 // len(line) + 1))[:1_000_000]
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    code, stderr, peak = run_capped(["evidence", "long.txt", "--format", "json"], tmp_path, 2 * GIB)
    assert code == 0, stderr
    assert peak < 1 * GIB, peak


def test_an_article_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: nothing written, nothing to read
    code, stderr, peak = run_capped(["evidence", "huge.txt"], tmp_path, cap=1 * GIB)
    assert code == 2 and f"over the {MAX_ARTICLE_BYTES}-byte limit" in stderr, stderr
    assert stderr.count("\n") == 1
    assert peak < 256 * 1024 * 1024  # the 50 MB were never loaded


def test_a_catalog_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    with (tmp_path / "sources.json").open("wb") as handle:
        handle.truncate(MAX_CATALOG_BYTES + 1)
    for command in ("validate", "check"):
        code, stderr, peak = run_capped([command, "sources.json"], tmp_path, cap=1 * GIB)
        assert code == 2 and f"over the {MAX_CATALOG_BYTES}-byte limit" in stderr, stderr
        assert peak < 256 * 1024 * 1024


def test_a_deeply_nested_catalog_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    code, stderr, _ = run_capped(["validate", "sources.json"], tmp_path, cap=2 * GIB)
    assert code == 2 and "nested too deeply" in stderr and "Traceback" not in stderr, stderr
