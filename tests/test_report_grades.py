"""Every format that shows grades says what they mean, and shows the record apart."""

from __future__ import annotations

import json

import pytest
from report_fixtures import build_result

from provenance.report import render
from provenance.report.json_report import committed_report_schema


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_human_format_carries_the_legend_and_the_record(fmt: str) -> None:
    result = build_result()
    text = render(result, fmt)
    for meaning in ("completely reliable", "cannot be judged", "confirmed by other sources"):
        assert meaning in " ".join(text.split())
    summary = result.articles[0]
    record = "incomplete" if summary.grade.record else "complete"
    assert f"ecord {record}" in text  # 'Record' or 'record', as the format writes labels


def test_the_json_reports_schema_says_what_the_grades_mean() -> None:
    grade = committed_report_schema()["$defs"]["Grade"]["properties"]
    assert "completely reliable" in grade["reliability"]["description"]
    assert "improbable" in grade["credibility"]["description"]
    assert "record" in grade
    document = json.loads(render(build_result(), "json"))
    assert all("record" in article["grade"] for article in document["articles"])


def test_one_speaker_spelled_two_ways_is_shown_as_one() -> None:
    from provenance.findings import Location
    from provenance.report.common import attribution_differences
    from provenance.results import PassageCopy, SharedPassage
    from provenance.rules._common import one_person

    here = Location(file="f", line=1, column=1)

    def passage(*speakers: str) -> SharedPassage:
        copies = tuple(
            PassageCopy(article=f"a{n}", location=here, text="t", speaker=speaker)
            for n, speaker in enumerate(speakers)
        )
        return SharedPassage(kind="quotation", copies=copies, similarity=100.0)

    same = one_person([])
    assert attribution_differences(passage("Tomas Berg", "Томас Берг"), same) == [
        "one speaker, spelled: Tomas Berg / Томас Берг"
    ]
    assert attribution_differences(passage("Tomas Berg", "Erik Lund"), same) == [
        "speaker differs: Erik Lund / Tomas Berg"
    ]
