"""benchmarks/accuracy.py on a tiny corpus written here: the user's flow, the mapping of
findings and entries to flags, the scores and the ratchet."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmark_modules import load

WIRE_COPY = """Harbour strike ends after two weeks

PORTO, March 3, 2024 (AP) — Dock workers voted on Sunday to end a strike that had halted
shipping for two weeks, after the port authority agreed to raise wages by six percent.
The union said the deal would be put to a second vote next month if members asked for it.
"""

CLEAN_ORIGINAL = """Council approves the new library

By Jane Roe

Published: 12 May 2023

The council approved the new library on Thursday after two years of planning and a public
consultation that drew more than four thousand replies from residents of the district.
"""

CORPUS = [
    {
        "id": "wire-copy",
        "address": "https://harbour-news.example.com/strike-ends",
        "excerpt": WIRE_COPY,
        "expected_flags": ["attribution_mismatch", "missing_author"],
    },
    {
        "id": "clean-original",
        "address": "https://town-paper.example.org/library",
        "excerpt": CLEAN_ORIGINAL,
        "expected_flags": ["none"],
    },
]


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load("accuracy")


@pytest.fixture(scope="module")
def measured(accuracy: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("accuracy")
    corpus = folder / "corpus.json"
    corpus.write_text(json.dumps(CORPUS), encoding="utf-8")
    report = folder / "report.json"
    assert accuracy.main([str(corpus), "--json", str(report)]) == 0
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def test_a_wire_copy_raises_attribution_and_missing_author(measured: dict[str, object]) -> None:
    cases = measured["cases"]
    assert isinstance(cases, dict)
    raised = cases["wire-copy"]["raised"]
    assert "attribution_mismatch" in raised
    assert any(
        "hop(s) before the copy from another outlet" in reason
        for reason in raised["attribution_mismatch"]
    )
    assert "missing_author" in raised
    # The wire dateline's date belongs to the original: some hop is dated.
    assert "missing_date" not in raised


def test_a_clean_original_raises_no_warning_flag(measured: dict[str, object]) -> None:
    cases = measured["cases"]
    assert isinstance(cases, dict)
    assert cases["clean-original"]["raised"] == {}
    figures = measured["figures"]
    assert isinstance(figures, dict)
    assert figures["clean_pages_passing"] == 1


def test_the_ratchet_fails_when_a_figure_falls(
    accuracy: ModuleType, tmp_path: Path, measured: dict[str, object]
) -> None:
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps(CORPUS), encoding="utf-8")
    higher = tmp_path / "baseline.json"
    higher.write_text(json.dumps({"clean_pages_passing": 2}), encoding="utf-8")
    assert accuracy.main([str(corpus), "--baseline", str(higher)]) == 1
    same = tmp_path / "same.json"
    assert accuracy.main([str(corpus), "--write-baseline", str(same)]) == 0
    assert accuracy.main([str(corpus), "--baseline", str(same)]) == 0


def test_scores_count_hits_misses_and_false_alarms(accuracy: ModuleType) -> None:
    outcome = accuracy.Outcome
    outcomes = [
        outcome("a", frozenset({"missing_date"}), {"missing_date": ["x"]}, None, [], None),
        outcome("b", frozenset({"missing_date"}), {}, None, [], None),
        outcome("c", frozenset(), {"missing_date": ["x"]}, None, [], None),
    ]
    scores, clean_pass, clean_total = accuracy.score(outcomes)
    date = scores["missing_date"]
    assert (date.tp, date.fn, date.fp) == (["a"], ["b"], ["c"])
    assert date.recall == 0.5 and date.precision == 0.5
    assert (clean_pass, clean_total) == (0, 1)
