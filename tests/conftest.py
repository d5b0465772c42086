from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tldextract  # noqa: F401  (urllib3 probes IPv6 with a socket at import: do it before sockets are blocked)
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_provenance(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m provenance ARGS` in a child process, this checkout first on the path and a
    random hash seed (output must not depend on it); a hang fails the test, not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "provenance", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "random"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands run by the tests (in this process or in children) keep their digest cache
    in a folder of the test run, never in the user's."""
    os.environ["PROVENANCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("provenance-cache"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch copy of the bundled catalog and its seeds; returns the catalog's path."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "sources.json", tmp_path / "sources.json")
    return tmp_path / "sources.json"


@pytest.fixture
def pooled_catalog(tmp_path: Path) -> Path:
    """The bundled catalog's articles copied until `check` takes its worker pool (each copy
    its own id and URL, no acknowledgements); returns the catalog's path."""
    from provenance.digesting import PARALLEL_THRESHOLD

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    data = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
    seeds = data["articles"]
    copies = []
    for n in range(PARALLEL_THRESHOLD // len(seeds) + 1):
        for article in seeds:
            copy = json.loads(json.dumps(article))
            copy["id"] = f"{article['id']}-{n}"
            if copy.get("url"):
                copy["url"] = f"{copy['url']}?copy={n}"  # each entry its own URL (C004)
            copy["acknowledgements"] = []
            copies.append(copy)
    data["articles"] = copies
    (tmp_path / "sources.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return tmp_path / "sources.json"
