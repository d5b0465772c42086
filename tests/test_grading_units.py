"""Grader's shortcuts against the plain definitions they replace."""

from __future__ import annotations

import random

import pytest

from provenance.findings import Family, Finding, Location, Severity
from provenance.grading import Grader, _problems, hop_label, record_quality
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


def _corroborating_by_definition(
    grader: Grader, article_id: str, stories: list[tuple[str, str]], groups: list[list[int]]
) -> list[str]:
    """Story partners whose chains share no outlet with this one's, and no text."""
    mine = grader.publishers[article_id]
    sharing = {
        f"a{m:03d}"
        for g in groups
        if f"a{int(article_id[1:]):03d}" in {f"a{n:03d}" for n in g}
        for m in g
    }
    partners = {b for a, b in stories if a == article_id} | {
        a for a, b in stories if b == article_id
    }
    return sorted(
        other
        for other in partners
        if mine
        and grader.publishers[other]
        and not grader.publishers[other] & mine
        and other not in sharing
    )


@pytest.mark.parametrize("seed", range(30))
def test_corroboration_comes_only_from_independent_outlets(seed: int) -> None:
    rng = random.Random(seed)
    outlets = [f"o{n}" for n in range(rng.randint(1, 6))]
    size = rng.randint(2, 60)
    publishers = [rng.sample(outlets, rng.randint(0, min(2, len(outlets)))) for _ in range(size)]
    groups = [
        rng.sample(range(size), rng.randint(2, min(size, 5))) for _ in range(rng.randint(0, 40))
    ]
    stories = [
        tuple(f"a{n:03d}" for n in rng.sample(range(size), 2)) for _ in range(rng.randint(0, 60))
    ]
    grader = Grader(_catalog(publishers), _shared(groups), stories)  # type: ignore[arg-type]
    for n in range(size):
        article_id = f"a{n:03d}"
        corroborating, _copies = grader._corroboration(article_id)
        assert corroborating == _corroborating_by_definition(
            grader,
            article_id,
            stories,  # type: ignore[arg-type]
            groups,
        ), article_id


def test_two_copies_of_one_source_do_not_corroborate_each_other() -> None:
    # a000 and a001 both republish o1's article (and share its passage); a002 tells the same
    # story from an outlet of its own.
    catalog = _catalog([["o1", "o2"], ["o1", "o3"], ["o4"]])
    stories = [("a000", "a001"), ("a000", "a002"), ("a001", "a002")]
    grader = Grader(catalog, _shared([[0, 1]]), stories)
    score, reasons = grader.credibility(catalog.articles[0], [], True)
    assert score == 2  # one independent corroboration: a002
    assert any("independent outlets: a002" in reason for reason in reasons)
    assert any("copies of one source with it: a001" in reason for reason in reasons)
    # Without the independent one, the copies confirm nothing.
    alone = Grader(catalog, _shared([[0, 1]]), [("a000", "a001")])
    assert alone.credibility(catalog.articles[0], [], True)[0] == 3


def test_a_translation_pair_is_no_corroboration() -> None:
    catalog = _catalog([["o1"], ["o2"]])
    grader = Grader(catalog, [], [("a000", "a001")], copies=[("a000", "a001")])
    assert grader.credibility(catalog.articles[0], [], True)[0] == 3


def _finding(code: str, family: Family, severity: Severity) -> Finding:
    return Finding(code, f"name-{code}", family, severity, "message", "a000")


def test_problems_count_each_family_and_keep_the_first_of_the_worst() -> None:
    findings = [
        _finding("T005", Family.TRANSLATION, Severity.WARNING),
        _finding("T006", Family.TRANSLATION, Severity.ERROR),
        _finding("T007", Family.TRANSLATION, Severity.ERROR),
        _finding("T010", Family.TRANSLATION, Severity.INFO),  # info does not count
        _finding("A001", Family.ATTRIBUTION, Severity.WARNING),
        _finding("R001", Family.REUSE, Severity.ERROR),  # not a weighted family
    ]
    found = {
        family: (hits, worst.code)
        for family, (hits, worst) in _problems(findings, record=False).items()
    }
    assert found == {Family.TRANSLATION: (3, "T006"), Family.ATTRIBUTION: (1, "A001")}
    score, reasons = Grader(_catalog([["o1"]]), []).credibility(
        _catalog([["o1"]]).articles[0], findings, True
    )
    assert score == 5
    assert reasons[1:] == [
        "+1: translation problems (3, e.g. T006 name-T006)",
        "+1: attribution problems (1, e.g. A001 name-A001)",
    ]


def test_record_keeping_problems_leave_the_credibility_alone() -> None:
    # No date, scraping residue, a name spelled two ways, no translator's name: the record
    # is poor, the information no less credible.
    findings = [
        _finding("D001", Family.DATES, Severity.WARNING),
        _finding("I001", Family.INTEGRITY, Severity.WARNING),
        _finding("A004", Family.ATTRIBUTION, Severity.WARNING),
        _finding("T003", Family.TRANSLATION, Severity.WARNING),
    ]
    catalog = _catalog([["o1"]])
    grade = Grader(catalog, []).grade(catalog.articles[0], findings, True)
    assert grade.credibility == 3
    assert (
        record_quality(findings)
        == list(grade.record)
        == [
            "translation: 1, e.g. T003 name-T003",
            "attribution: 1, e.g. A004 name-A004",
            "dates: 1, e.g. D001 name-D001",
            "integrity: 1, e.g. I001 name-I001",
        ]
    )


def test_hops_are_numbered_as_the_lists_show_them() -> None:
    catalog = _catalog([["o1", "o2", "o3"]])
    article = catalog.articles[0]
    assert hop_label(article, catalog, 0) == "hop 1 (O1)"
    assert hop_label(article, catalog, 2) == "hop 3 (O3, the copy held)"
