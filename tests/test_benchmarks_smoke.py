"""Smoke test of the benchmark corpus (benchmarks/generate.py): not a timed test.

The generated catalog must be valid, its invalid variant must fail with every injected
error reported at its pointer, and generation must be deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.benchmark_modules import load

N = 50


def _generator() -> ModuleType:
    return load("generate")


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _generator()


def _validate(catalog: Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(catalog)])
    return result.exit_code, json.loads(result.stdout)


def test_generated_catalog_is_valid(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(N, tmp_path, seed=3)
    catalog = json.loads((tmp_path / "sources.json").read_text(encoding="utf-8"))
    assert len(catalog["articles"]) == N
    assert len(list((tmp_path / "articles").iterdir())) == N
    code, report = _validate(tmp_path / "sources.json")
    assert report["findings"] == []
    assert code == 0


def test_invalid_variant_reports_every_injected_error(generate: ModuleType, tmp_path: Path) -> None:
    injected = generate.generate(N, tmp_path, seed=3, invalid=True)
    written = json.loads((tmp_path / "injected.json").read_text(encoding="utf-8"))
    assert written == injected
    assert {item["kind"] for item in injected} == {
        "enum",
        "pattern",
        "unknown-key",
        "type",
        "required",
    }
    code, report = _validate(tmp_path / "sources.json")
    assert code == 1
    findings = report["findings"]
    assert isinstance(findings, list)
    reported = {f["catalog"]["pointer"] for f in findings}
    assert {item["pointer"] for item in injected} <= reported


def test_generation_is_deterministic(generate: ModuleType, tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate.generate(N, first, seed=11)
    generate.generate(N, second, seed=11)
    generate.generate(N, other, seed=12)
    catalog = (first / "sources.json").read_bytes()
    assert catalog == (second / "sources.json").read_bytes()
    assert catalog != (other / "sources.json").read_bytes()
    names = sorted(p.name for p in (first / "articles").iterdir())
    assert names == sorted(p.name for p in (second / "articles").iterdir())
    middle = names[len(names) // 2]
    assert (first / "articles" / middle).read_bytes() == (second / "articles" / middle).read_bytes()


def test_texts_carry_the_defects_the_checks_look_for(generate: ModuleType, tmp_path: Path) -> None:
    # Not a statistic to tune, just that the generator does produce each kind of material.
    generate.generate(400, tmp_path, seed=5)
    catalog = json.loads((tmp_path / "sources.json").read_text(encoding="utf-8"))
    relations = {a["copy"]["relation"] for a in catalog["articles"]}
    assert {"original", "translated", "republished", "syndicated", "unknown"} <= relations
    undated = sum(a["copy"]["datePublished"] is None for a in catalog["articles"])
    assert 0.2 * 400 < undated < 0.6 * 400
    texts = [p.read_text(encoding="utf-8") for p in (tmp_path / "articles").iterdir()]
    assert any(t.splitlines()[-1].startswith("Translated from ") for t in texts)
    assert any("\nBy " in t for t in texts)
    assert any(" said " in t or " told " in t for t in texts)
    # Republications: some paragraph appears verbatim in more than one text.
    seen: dict[str, int] = {}
    for text in texts:
        for paragraph in set(text.splitlines()):
            if len(paragraph) > 120:
                seen[paragraph] = seen.get(paragraph, 0) + 1
    assert max(seen.values()) >= 2
