"""The JSON report and its committed JSON Schema."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from report_fixtures import build_result, hostile_result

from provenance.report import render
from provenance.report.json_report import (
    committed_report_schema,
    generate_report_schema,
    render_schema,
)
from provenance.results import CheckResult


def test_committed_schema_matches_the_models() -> None:
    # Regenerate with: python -c "from provenance.report.json_report import *;
    #   open('provenance/report/report.schema.json','w').write(
    #   render_schema(generate_report_schema()))"
    assert committed_report_schema() == json.loads(render_schema(generate_report_schema()))


def test_report_is_valid_against_its_schema() -> None:
    validator = Draft202012Validator(committed_report_schema())
    Draft202012Validator.check_schema(committed_report_schema())
    # Only build_result: hostile_result holds javascript: URLs that the catalog schema refuses.
    errors = list(validator.iter_errors(json.loads(render(build_result(), "json"))))
    assert errors == []


def test_schema_catches_a_broken_report() -> None:
    document = json.loads(render(build_result(), "json"))
    document["findings"][0]["severity"] = "fatal"
    del document["articles"][0]["grade"]
    errors = list(Draft202012Validator(committed_report_schema()).iter_errors(document))
    assert len(errors) == 2


def test_report_reads_back_into_the_same_result() -> None:
    result = build_result()
    document = json.loads(render(result, "json"))
    assert document["version"] == "1.0"
    assert document["catalog"]["schemaVersion"] == "1.0"  # the catalog keeps its own spelling
    assert CheckResult.model_validate_json(render(result, "json")) == result
    hostile = hostile_result()
    messages = [f["message"] for f in json.loads(render(hostile, "json"))["findings"]]
    assert messages == [f.message for f in hostile.findings]
