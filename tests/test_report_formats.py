"""The report entry point: dispatch, determinism across processes, atomic output."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from report_fixtures import ROOT, build_result

from provenance.report import FORMATS, render
from provenance.report.output import PIECES_PER_WRITE, write_output
from provenance.report.progress import progress

SCRIPT = """
import sys, hashlib
sys.path.insert(0, {tests!r})
from report_fixtures import build_result
from provenance.report import FORMATS, render
result = build_result()
for fmt in FORMATS:
    print(fmt, hashlib.sha256(render(result, fmt).encode()).hexdigest())
print("color", hashlib.sha256(render(result, "terminal", color=True).encode()).hexdigest())
"""


def _digests(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "COLUMNS": seed}
    code = SCRIPT.format(tests=str(ROOT / "tests"))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_every_format_is_byte_identical_across_processes_and_hash_seeds() -> None:
    first, second = _digests("1"), _digests("4242")
    assert first == second
    assert len(first.splitlines()) == len(FORMATS) + 1


def test_every_format_renders_something_different() -> None:
    result = build_result()
    outputs = {fmt: render(result, fmt) for fmt in FORMATS}
    assert len(set(outputs.values())) == len(FORMATS)
    assert all(text.endswith("\n") for text in outputs.values())


def test_unknown_format_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="sarif"):
        render(build_result(), "xml")


def test_terminal_has_ansi_only_when_colour_is_asked_for() -> None:
    result = build_result()
    assert "\x1b[" not in render(result, "terminal")
    assert "\x1b[" in render(result, "terminal", color=True)


def test_terminal_width_is_respected() -> None:
    text = render(build_result(), "terminal", width=80)
    assert max(len(line) for line in text.splitlines()) <= 80


def test_write_output_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    write_output("new report\n", target)
    assert target.read_text() == "new report\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_output_joins_many_pieces_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pieces are written a batch at a time: none lost, none reordered, at the batch edges."""
    pieces = [f"finding {number}\n" for number in range(2 * PIECES_PER_WRITE + 7)]
    target = tmp_path / "report.txt"
    write_output(iter(pieces), target)
    assert target.read_text() == "".join(pieces)
    write_output(iter(pieces), None)
    assert capsys.readouterr().out == "".join(pieces)


def test_write_output_leaves_no_temporary_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(OSError):
        write_output("text", target)
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_output_writes_through_a_pipe_instead_of_replacing_it(tmp_path: Path) -> None:
    """`-o /dev/null` or a named pipe: the bytes go through it, and it stays what it was
    (replacing it by rename put a regular file in place of /dev/null, as root)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    write_output(("line one\n", "line two\n"), pipe)
    reader.join(timeout=10)
    assert received == ["line one\nline two\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_write_output_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    write_output("to stdout\n", None)
    write_output("dash\n", "-")
    assert capsys.readouterr().out == "to stdout\ndash\n"


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_draws_only_on_a_terminal() -> None:
    items = list(range(30))
    piped = _Stream(tty=False)
    assert list(progress(items, "checking", stream=piped)) == items
    assert piped.getvalue() == ""
    terminal = _Stream(tty=True)
    assert list(progress(items, "checking", stream=terminal)) == items
    assert "checking" in terminal.getvalue()
    short = _Stream(tty=True)
    assert list(progress(items[:3], "checking", stream=short)) == items[:3]
    assert short.getvalue() == ""
