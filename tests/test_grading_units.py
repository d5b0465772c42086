"""Grader's shortcuts against the plain definitions they replace."""

from __future__ import annotations

import random

import pytest

from provenance.findings import Family, Finding, Location, Severity
from provenance.grading import Grader, _problems
from provenance.models import Catalog
from provenance.results import PassageCopy, SharedPassage


def _catalog(publishers: list[list[str]]) -> Catalog:
    outlets = sorted({p for ps in publishers for p in ps})
    return Catalog.model_validate(
        {
            "schemaVersion": "1.0",
            "outlets": [{"id": o, "name": o.upper()} for o in outlets],
            "articles": [
                {
                    "id": f"a{n:03d}",
                    "file": f"a{n:03d}.txt",
                    "copy": {"relation": "republished", "publisher": ps[-1] if ps else None},
                    "chain": [{"relation": "original", "publisher": p} for p in ps[:-1]],
                }
                for n, ps in enumerate(publishers)
            ],
        }
    )


def _shared(groups: list[list[int]]) -> list[SharedPassage]:
    here = Location(file="f", line=1, column=1)
    return [
        SharedPassage(
            kind="passage",
            copies=tuple(PassageCopy(article=f"a{n:03d}", location=here, text="t") for n in g),
            similarity=100.0,
        )
        for g in groups
    ]


def _corroborating_by_definition(grader: Grader, article_id: str) -> list[str]:
    """The first two articles of other outlets in each of its groups; the two smallest."""
    mine = grader.publishers[article_id]
    found: set[str] = set()
    for members in grader.groups:
        if article_id not in members:
            continue
        others = [
            m
            for m in members
            if m != article_id and grader.publishers[m] and not grader.publishers[m] & mine
        ]
        found.update(others[:2])
    return sorted(found)[:2]


@pytest.mark.parametrize("seed", range(30))
def test_corroborating_articles_are_the_two_smallest_of_other_outlets(seed: int) -> None:
    rng = random.Random(seed)
    outlets = [f"o{n}" for n in range(rng.randint(1, 6))]
    size = rng.randint(2, 60)
    publishers = [rng.sample(outlets, rng.randint(0, min(2, len(outlets)))) for _ in range(size)]
    groups = [
        rng.sample(range(size), rng.randint(2, min(size, 5))) for _ in range(rng.randint(0, 40))
    ]
    grader = Grader(_catalog(publishers), _shared(groups))
    for n in range(size):
        article_id = f"a{n:03d}"
        assert grader._corroborating(article_id) == _corroborating_by_definition(
            grader, article_id
        ), article_id


def _finding(code: str, family: Family, severity: Severity) -> Finding:
    return Finding(code, f"name-{code}", family, severity, "message", "a000")


def test_problems_count_each_family_and_keep_the_first_of_the_worst() -> None:
    findings = [
        _finding("D001", Family.DATES, Severity.WARNING),
        _finding("D002", Family.DATES, Severity.ERROR),
        _finding("D003", Family.DATES, Severity.ERROR),
        _finding("D004", Family.DATES, Severity.INFO),  # info does not count
        _finding("A001", Family.ATTRIBUTION, Severity.WARNING),
        _finding("R001", Family.REUSE, Severity.ERROR),  # not a weighted family
    ]
    found = {family: (hits, worst.code) for family, (hits, worst) in _problems(findings).items()}
    assert found == {Family.DATES: (3, "D002"), Family.ATTRIBUTION: (1, "A001")}
    score, reasons = Grader(_catalog([["o1"]]), []).credibility(
        _catalog([["o1"]]).articles[0], findings, True
    )
    assert score == 5
    assert reasons[1:] == [
        "+1: attribution problems (1, e.g. A001 name-A001)",
        "+1: dates problems (3, e.g. D002 name-D002)",
    ]
