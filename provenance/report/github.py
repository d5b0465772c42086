"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest are
dropped silently, so we emit the most severe first, up to each cap, and then one plain line
that counts everything, including what was not annotated. Acknowledged findings are not
annotated (they were reviewed and do not fail the check); the last line counts them.
"""

from __future__ import annotations

from provenance.findings import Finding, Severity
from provenance.report.common import SEVERITIES, one_line, primary_location, sorted_findings
from provenance.results import CheckResult

CAP = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A message, escaped as GitHub's toolkit does (``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), escaped as GitHub's toolkit does (``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = []
    where = primary_location(finding)
    if where is not None:
        properties += [
            f"file={escape_property(where.file.replace(chr(92), '/'))}",
            f"line={where.line}",
            f"col={where.column}",
        ]
    properties.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
    message = one_line(finding.message)
    if finding.article:
        message = f"{message} (article {finding.article})"
    return (
        f"::{COMMANDS[Severity(finding.severity)]} {','.join(properties)}::{escape_data(message)}"
    )


def render(result: CheckResult) -> str:
    shown = {s: 0 for s in SEVERITIES}
    totals = {s: 0 for s in SEVERITIES}
    acknowledged = 0
    lines = []
    for finding in sorted_findings(result.findings):
        if finding.acknowledged is not None:
            acknowledged += 1
            continue
        severity = Severity(finding.severity)
        totals[severity] += 1
        if shown[severity] < CAP:
            shown[severity] += 1
            lines.append(annotation(finding))
    hidden = sum(totals.values()) - sum(shown.values())
    summary = (
        f"provenance: {sum(totals.values())} open findings ({totals[Severity.ERROR]} errors, "
        f"{totals[Severity.WARNING]} warnings, {totals[Severity.INFO]} notices) in "
        f"{result.catalog_file}"
    )
    summary += f"; {hidden} more not annotated (GitHub shows {CAP} of each kind per step)"
    summary += f"; {acknowledged} acknowledged"
    summary += "; run `provenance report` for the full list" if hidden else ""
    # A line starting '::' would be taken for a command; the summary never does.
    lines.append(escape_data(one_line(summary)))
    return "\n".join(lines) + "\n"
