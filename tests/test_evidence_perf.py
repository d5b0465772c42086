"""Adversarial inputs finish in linear time (no catastrophic backtracking, no quadratic loops).

Time is only a safety bound here, far above what is measured (see the report): what these
tests catch is a regression to quadratic or exponential behaviour, which is orders of
magnitude slower. The bound is on this process's CPU time, not the wall clock, so that other
jobs on a shared CI machine do not make it fail.
"""

from __future__ import annotations

import time

import pytest
from evidence_support import FIXTURES, OUTLETS, PEOPLE

from provenance.evidence import extract
from provenance.evidence.language import detect

SECONDS_PER_MB = 5.0


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    detect("warm the language model up once")  # loading it is a one-off, not per text


def _bounded(text: str) -> float:
    started = time.process_time()
    evidence = extract(text, OUTLETS, PEOPLE)
    elapsed = time.process_time() - started
    megabytes = max(len(text.encode("utf-8")) / 1e6, 0.2)
    assert elapsed < SECONDS_PER_MB * megabytes, f"{elapsed:.2f} CPU s for {megabytes:.2f} MB"
    assert evidence.line_count == text.count("\n") + (not text.endswith("\n"))
    return elapsed


def test_five_megabytes_on_one_line() -> None:
    article = " ".join(p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    line = article.replace("\n", " ")
    text = (line * (5_000_000 // len(line) + 1))[:5_000_000]
    _bounded(text)


@pytest.mark.parametrize(
    "text",
    [
        "“" * 100_000,
        '"' * 100_000,
        "„”«" * 34_000,
        '"a" ' * 100_000,
        "“Who said it?” " * 30_000,
        ("“" + "word " * 30) * 3_000,
    ],
    ids=["curly-open", "straight", "mixed", "pairs", "attributed-shape", "unclosed-long"],
)
def test_a_hundred_thousand_quotation_marks(text: str) -> None:
    _bounded(text)


@pytest.mark.parametrize(
    "text",
    [
        " \t" * 400_000,
        "\n" * 500_000,
        " \u00a0\u2009\u3000" * 100_000,
        ("By " + " " * 5_000 + "\n") * 100,
        "August" + " " * 300_000 + "27, 2024",
        "Translated from" + " " * 300_000 + "x",
        "(" + "A " * 100_000 + ") -",
    ],
    ids=[
        "spaces-tabs",
        "newlines",
        "unicode-spaces",
        "byline-gaps",
        "date-gap",
        "credit-gap",
        "dateline",
    ],
)
def test_pathological_whitespace(text: str) -> None:
    _bounded(text)


def test_long_capitalised_runs_and_dense_dates() -> None:
    _bounded("Ab Cd Ef Gh Ij Kl " * 30_000)
    _bounded("12.12.2024 2024-01-01 August 5, 2024 last week " * 5_000)
