"""SARIF 2.1.0, checked against the official schema (a local copy: no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema.validators import validator_for
from report_fixtures import build_result, hostile_result

from provenance import __version__
from provenance.report import render
from provenance.report.sarif import artifact_uri

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def _sarif(result: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render(result, "sarif"))
    return document


def test_valid_against_the_official_schema() -> None:
    validator_class = validator_for(SCHEMA)  # the schema names its own draft
    validator_class.check_schema(SCHEMA)
    validator = validator_class(SCHEMA)
    for result in (build_result(), hostile_result()):
        assert [e.message for e in validator.iter_errors(_sarif(result))] == []


def test_schema_check_is_not_vacuous() -> None:
    document = _sarif(build_result())
    document["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator_for(SCHEMA)(SCHEMA).iter_errors(document))


def test_rules_come_from_the_rule_catalogue() -> None:
    result = build_result()
    driver = _sarif(result)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "provenance"
    assert driver["version"] == __version__
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {rule.code for rule in result.rules}
    for info in result.rules:
        rule = rules[info.code]
        assert rule["name"] == info.name
        assert rule["shortDescription"]["text"] == info.summary
        assert info.bad in rule["help"]["text"] and info.good in rule["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[info.severity]
        assert rule["defaultConfiguration"]["level"] == level
        assert rule["properties"]["tags"] == [info.family]


def test_each_finding_is_on_its_line_with_its_evidence() -> None:
    result = build_result()
    run = _sarif(result)["runs"][0]
    assert len(run["results"]) == len(result.findings)
    rules = run["tool"]["driver"]["rules"]
    for finding in result.findings:
        place = finding.catalog or finding.evidence[0]
        entry = [
            r
            for r in run["results"]
            if r["message"]["text"].startswith(finding.message)
            and r["locations"][0]["physicalLocation"]["region"]["startLine"] == place.line
            and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == place.file
        ]
        assert len(entry) == 1, finding
        sarif = entry[0]
        assert rules[sarif["ruleIndex"]]["id"] == sarif["ruleId"] == finding.code
        primary = sarif["locations"][0]["physicalLocation"]
        where = finding.catalog or finding.evidence[0]
        assert primary["artifactLocation"]["uri"] == where.file
        assert primary["region"]["startColumn"] == where.column
        related = sarif.get("relatedLocations", [])
        expected = finding.evidence if finding.catalog else finding.evidence[1:]
        assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
            e.file for e in expected
        ]
        assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [
            e.line for e in expected
        ]
        if finding.acknowledged:
            assert sarif["suppressions"] == [
                {"kind": "external", "status": "accepted", "justification": finding.acknowledged}
            ]
        else:
            assert "suppressions" not in sarif
    assert any(
        "seeds/" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["results"]
    )


def test_fingerprints_are_stable_and_distinct() -> None:
    first = _sarif(build_result())["runs"][0]["results"]
    second = _sarif(build_result())["runs"][0]["results"]
    prints = [r["partialFingerprints"]["provenance/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["provenance/v1"] for r in second]
    assert len(set(prints)) == len(prints)


def test_artifact_uris_are_relative_with_forward_slashes() -> None:
    assert artifact_uri("./data/sources.json") == "data/sources.json"
    assert artifact_uri("seeds\\a b.txt") == "seeds/a%20b.txt"
    assert artifact_uri("/srv/catalog/sources.json") == "file:///srv/catalog/sources.json"
