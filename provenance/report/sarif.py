"""SARIF 2.1.0: what code scanning (GitHub, Azure DevOps, IDE viewers) reads.

Each finding is one result whose first location is its line in sources.json (or, for a
finding found only in an article's text, its line there); the places in the article files
that support it follow as related locations. Acknowledged findings carry an external
suppression with the catalog's reason, so code scanning shows them as dismissed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from provenance import __version__
from provenance.findings import Finding, Location, RuleInfo, Severity
from provenance.report.common import one_line
from provenance.results import CheckResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "provenance/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(file: str) -> str:
    """A location's file as a SARIF URI: relative, forward slashes, no leading './'."""
    if PureWindowsPath(file).drive or file.startswith("/"):
        # An absolute path cannot be relative to the repository; say so as a file URI.
        path = PureWindowsPath(file) if PureWindowsPath(file).drive else PurePosixPath(file)
        return path.as_uri()
    posix = file.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    # Percent-encode what a URI reference cannot hold; keep '/' and common name characters.
    from urllib.parse import quote

    return quote(posix, safe="/-._~")


def _physical(location: Location) -> dict[str, Any]:
    uri = artifact_uri(location.file)
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = "%SRCROOT%"
    region: dict[str, Any] = {
        "startLine": max(location.line, 1),
        "startColumn": max(location.column, 1),
    }
    if location.snippet:
        region["snippet"] = {"text": location.snippet}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _location(location: Location, message: str | None = None) -> dict[str, Any]:
    entry = _physical(location)
    if location.pointer is not None:
        entry["logicalLocations"] = [{"fullyQualifiedName": location.pointer, "kind": "element"}]
    if message:
        entry["message"] = {"text": message}
    return entry


def _rule(rule: RuleInfo) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\nBad:\n  {rule.bad}\n\nGood:\n  {rule.good}"
    help_markdown = (
        f"{rule.summary}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": one_line(rule.summary)},
        "fullDescription": {"text": f"{rule.summary} Bad: {rule.bad} Good: {rule.good}"},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[Severity(rule.severity)]},
        "properties": {"tags": [str(rule.family)], "problem.severity": str(rule.severity)},
    }


def _rules(result: CheckResult) -> list[RuleInfo]:
    """The rule catalogue, plus a bare entry for any code a finding uses but no rule lists."""
    rules = {rule.code: rule for rule in result.rules}
    for finding in result.findings:
        rules.setdefault(
            finding.code,
            RuleInfo(
                finding.code,
                finding.name,
                finding.family,
                finding.severity,
                finding.name.replace("-", " "),
                "",
                "",
            ),
        )
    return [rules[code] for code in sorted(rules)]


def fingerprint(finding: Finding) -> str:
    """Stable across runs and across edits elsewhere in the files: no line numbers in it."""
    where = finding.catalog
    parts = [
        finding.code,
        finding.article or "",
        where.pointer or "" if where else "",
        finding.message,
        *(f"{e.file}|{e.snippet or ''}" for e in finding.evidence),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    primary = finding.catalog or (finding.evidence[0] if finding.evidence else None)
    related = finding.evidence if finding.catalog else finding.evidence[1:]
    text = finding.message + (f" Fix: {finding.fix}" if finding.fix else "")
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[Severity(finding.severity)],
        "message": {"text": text},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {"family": str(finding.family), "name": finding.name},
    }
    if finding.article is not None:
        entry["properties"]["article"] = finding.article
    if primary is not None:
        entry["locations"] = [_location(primary)]
    if related:
        entry["relatedLocations"] = [
            {"id": i, **_location(loc, "evidence in the article's text")}
            for i, loc in enumerate(related, start=1)
        ]
    if finding.acknowledged is not None:
        entry["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": finding.acknowledged}
        ]
    return entry


def document(result: CheckResult) -> dict[str, Any]:
    rules = _rules(result)
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    findings = sorted(result.findings, key=Finding.sort_key)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "provenance",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {
                    "%SRCROOT%": {
                        "description": {"text": "The repository root (the working directory)."}
                    }
                },
                "results": [_result(f, rule_index) for f in findings],
                "properties": {"catalog": result.catalog_file, "reportVersion": result.version},
            }
        ],
    }


def render(result: CheckResult) -> str:
    return json.dumps(document(result), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
