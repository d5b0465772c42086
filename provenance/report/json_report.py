"""The JSON report: the CheckResult as data, with its own committed JSON Schema.

The document is ``CheckResult.model_dump`` with the catalog in its sources.json spelling
(camelCase), keys sorted, so it reads back with ``CheckResult.model_validate_json``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from provenance.results import REPORT_VERSION, CheckResult
from provenance.schema import DRAFT, packaged_schema
from provenance.schema import render as render_json_schema

SCHEMA_FILE = "report.schema.json"
SCHEMA_ID = f"https://provenance.invalid/schemas/report-{REPORT_VERSION}.schema.json"


def document(result: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = result.model_dump(mode="json", by_alias=True)
    return data


def render(result: CheckResult) -> str:
    return json.dumps(document(result), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def generate_report_schema() -> dict[str, Any]:
    """The schema of the JSON report as the models define it today."""
    schema = CheckResult.model_json_schema(by_alias=True, mode="serialization")
    schema["description"] = (
        "The report of `provenance check` / `provenance report --format json`: the catalog "
        "checked, a summary and grade per article, every finding with its locations, the "
        "quotations and passages shared between articles, name variants, and the rules."
    )
    return {"$schema": DRAFT, "$id": SCHEMA_ID, **schema}


render_schema = render_json_schema  # one layout for both committed schemas


@cache
def committed_report_schema() -> dict[str, Any]:
    """The schema shipped beside this module."""
    return packaged_schema("provenance.report", SCHEMA_FILE)
