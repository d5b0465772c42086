"""No command reaches for the network (issue 16, item 5): run each in a child process whose
`sitecustomize` installs an audit hook, which ends the process (exit 97) at the first internet
socket (AF_INET, AF_INET6 or any other family but AF_UNIX), connection or name lookup. The
hook is installed at start-up, before any of the tool's imports, and in every child Python
process the command starts (sitecustomize runs in each)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ADD_FIXTURES = Path(__file__).parent / "fixtures" / "add"
NETWORK_EXIT = 97

SITECUSTOMIZE = """
import os, socket, sys

def _refuse(what):
    os.write(2, f"NETWORK: {what}\\n".encode())
    os._exit(EXIT)

def _audit(event, args):
    if event == "socket.__new__":
        family = args[1]
        # -1: the default, AF_INET.
        if family != socket.AF_UNIX:
            _refuse(f"socket(family={family})")
    elif event in ("socket.connect", "socket.sendto", "socket.bind"):
        if getattr(args[0], "family", None) != socket.AF_UNIX:
            _refuse(f"{event}{args[1:]!r}")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        _refuse(f"{event}{args!r}")

sys.addaudithook(_audit)
""".replace("EXIT", str(NETWORK_EXIT))


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hooks = tmp_path_factory.mktemp("audit-hook")
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return hooks


def _run(audited: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provenance", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(audited), str(ROOT)])},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_audit_hook_catches_an_internet_socket(audited: Path, tmp_path: Path) -> None:
    """The hook itself works: a socket the way urllib3 opened one ends the process."""
    result = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket(socket.AF_INET6)"],
        env={**os.environ, "PYTHONPATH": str(audited)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == NETWORK_EXIT and "NETWORK: socket(family=" in result.stderr


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    shutil.copytree(ADD_FIXTURES / "catalog", tmp_path / "addcat")
    return tmp_path


COMMANDS = {
    "validate": ["validate", "sources.json"],
    "check": ["check", "sources.json"],
    "report": ["report", "sources.json", "--format", "html", "-o", "out.html"],
    "evidence": ["evidence", "seeds/000_901eae532ebeab44.txt", "sources.json"],
    "add-html": [
        "add",
        str(ADD_FIXTURES / "coastal-herald-ferry.html"),
        "addcat/sources.json",
        "--yes",
    ],
    "add-text": ["add", str(ADD_FIXTURES / "ferry-wire.txt"), "addcat/sources.json", "--dry-run"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_command_opens_an_internet_socket(audited: Path, workspace: Path, name: str) -> None:
    result = _run(audited, workspace, *COMMANDS[name])
    assert "NETWORK:" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
