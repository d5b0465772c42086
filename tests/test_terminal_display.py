"""The terminal report at the terminal's width, and colour as NO_COLOR and --color say.

The commands run in child processes whose standard output is a real pseudo-terminal of a
given size (as a user's shell gives them), or a pipe, or a file.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import ROOT, run_provenance
from report_fixtures import build_result
from rich.cells import cell_len

from provenance.report import render

ANSI = "\x1b["
CATALOG = ROOT / "sources.json"


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    for name in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _in_terminal(*args: str, columns: int, **env: str | None) -> str:
    """What `provenance ARGS` prints to a terminal ``columns`` wide, line ends as '\\n'."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", *args],
        cwd=ROOT,
        env=_env(**env),
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=subprocess.DEVNULL,  # the progress bar draws on a terminal; not read here
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child's side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=120) in (0, 1)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _widest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


def _ids_whole(text: str) -> None:
    """In the articles' part, each id and file name stands whole on a line (not folded)."""
    lines = text[: text.index("Findings by article")].splitlines()
    for article in build_result().catalog.articles:
        assert any(article.id in line for line in lines), f"{article.id} is cut"
        assert any(article.file in line for line in lines), f"{article.file} is cut"


@pytest.mark.parametrize("columns", [80, 160])
def test_report_takes_the_width_of_the_terminal(columns: int) -> None:
    text = _in_terminal("report", "--color", "never", "--jobs", "1", columns=columns)
    assert "Findings by article" in text
    # Filled to the terminal's width, and not one column more (the terminal would wrap it).
    assert columns - 10 < _widest(text) <= columns
    _ids_whole(text)


def test_columns_overrides_the_terminal_size() -> None:
    text = _in_terminal("report", "--color", "never", "-j", "1", columns=160, COLUMNS="80")
    assert 70 < _widest(text) <= 80


def test_a_file_or_a_pipe_gets_the_fixed_width_whatever_the_terminal(tmp_path: Path) -> None:
    for columns in (80, 160):
        _in_terminal("report", "-j", "1", "-o", str(tmp_path / f"{columns}.txt"), columns=columns)
    narrow = (tmp_path / "80.txt").read_bytes()
    assert narrow == (tmp_path / "160.txt").read_bytes()
    assert ANSI.encode() not in narrow
    piped = run_provenance("report", "-j", "1")
    assert piped.returncode == 0 and piped.stdout.encode() == narrow
    assert _widest(piped.stdout) <= 100


@pytest.mark.parametrize("command", ["report", "check"])
def test_colour_follows_no_color_and_the_color_option(command: str) -> None:
    def coloured(*args: str, **env: str | None) -> bool:
        return ANSI in _in_terminal(command, "-j", "1", *args, columns=100, **env)

    assert coloured()
    assert not coloured(NO_COLOR="1")
    assert coloured(NO_COLOR="")  # no-color.org: only a non-empty value counts
    assert not coloured("--color", "never")
    assert coloured("--color", "always", NO_COLOR="1")  # the command line wins
    assert not coloured(TERM="dumb")


@pytest.mark.parametrize("command", ["report", "check"])
def test_colour_in_a_pipe_only_when_asked_for(command: str) -> None:
    assert ANSI not in run_provenance(command, "-j", "1").stdout
    assert ANSI in run_provenance(command, "-j", "1", "--color", "always").stdout


@pytest.mark.parametrize("width", [80, 100, 160])
def test_rendered_at_any_width_nothing_is_cut_or_overflows(width: int) -> None:
    result = build_result()
    text = render(result, "terminal", width=width)
    assert _widest(text) <= width
    _ids_whole(text)
    lines = text[: text.index("Findings by article")].splitlines()
    for article in result.catalog.articles:
        for author in {name for hop in article.hops for name in hop.author}:
            assert any(author in line for line in lines), f"{author} is split at {width}"
    assert text.count("→ ") >= sum(len(a.chain) for a in result.catalog.articles)
