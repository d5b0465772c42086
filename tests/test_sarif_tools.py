"""Our SARIF log as a real consumer reads it: sarif-tools (a test dependency) on the bundled
catalog. Acknowledged findings are suppressions; with the filter we ship
(docs/sarif-tools-filter.yaml) sarif-tools counts only open findings, so its `--check
warning` agrees with `provenance check`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_provenance
from jsonschema.validators import validator_for

pytest.importorskip("sarif", reason="sarif-tools is in the test extra")

FILTER = ROOT / "docs" / "sarif-tools-filter.yaml"
SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def _sarif_tools(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sarif", *args],
        cwd=cwd,
        # matplotlib (imported by sarif-tools) wants a writable config folder.
        env={**os.environ, "MPLCONFIGDIR": str(cwd / "mpl")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def bundled_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`provenance check --format sarif` on the bundled catalog, which passes (exit 0)."""
    path = tmp_path_factory.mktemp("sarif") / "provenance.sarif"
    done = run_provenance("check", "sources.json", "--format", "sarif", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


def _counts(summary: str) -> dict[str, int]:
    """sarif-tools' summary lines 'warning: 33' as {'warning': 33}."""
    found = re.findall(r"^(error|warning|note|none): (\d+)$", summary, re.MULTILINE)
    return {level: int(count) for level, count in found}


def _results(path: Path) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["runs"][0][
        "results"
    ]
    return results


def test_acknowledged_findings_are_external_suppressions_valid_per_the_schema(
    bundled_log: Path,
) -> None:
    document = json.loads(bundled_log.read_text(encoding="utf-8"))
    assert [e.message for e in validator_for(SCHEMA)(SCHEMA).iter_errors(document)] == []
    catalog = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
    reasons = {
        ack["reason"] for article in catalog["articles"] for ack in article["acknowledgements"]
    }
    suppressed = [r for r in _results(bundled_log) if "suppressions" in r]
    assert len(suppressed) == 33
    for result in suppressed:
        (suppression,) = result["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression["status"] == "accepted"
        assert suppression["justification"] in reasons


def test_sarif_tools_counts_acknowledged_findings_as_closed(
    bundled_log: Path, tmp_path: Path
) -> None:
    # Without the filter sarif-tools reads no suppression: the 33 acknowledged warnings
    # count as live, which is why the filter exists.
    unfiltered = _sarif_tools("--check", "warning", "summary", str(bundled_log), cwd=tmp_path)
    assert unfiltered.returncode == 33, unfiltered.stderr
    assert _counts(unfiltered.stdout)["warning"] == 33

    done = _sarif_tools(
        "--check", "warning", "summary", "--filter", str(FILTER), str(bundled_log), cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The open notes (no suppression, some on line 1) are all still counted.
    notes = sum(1 for r in _results(bundled_log) if r["level"] == "note")
    assert notes > 0
    assert _counts(done.stdout) == {"error": 0, "warning": 0, "note": notes}
    assert "33 filtered out" in done.stdout


def test_the_filter_keeps_an_open_warning(bundled_log: Path, tmp_path: Path) -> None:
    document = json.loads(bundled_log.read_text(encoding="utf-8"))
    opened = next(r for r in document["runs"][0]["results"] if "suppressions" in r)
    del opened["suppressions"]  # the same finding, no longer acknowledged
    path = tmp_path / "one-open.sarif"
    path.write_text(json.dumps(document), encoding="utf-8")
    done = _sarif_tools(
        "--check", "warning", "summary", "--filter", str(FILTER), str(path), cwd=tmp_path
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert _counts(done.stdout)["warning"] == 1
