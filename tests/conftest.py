from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tldextract  # noqa: F401  (urllib3 probes IPv6 with a socket at import: do it before sockets are blocked)
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch copy of the bundled catalog and its seeds; returns the catalog's path."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    return tmp_path / "sources.json"
