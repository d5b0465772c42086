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
