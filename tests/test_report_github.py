"""GitHub workflow-command annotations: escaping, per-step caps, the summary line."""

from __future__ import annotations

import re

from report_fixtures import MISSING_DATE, NO_CREDIT, RELATIVE_DATE, TRANSLATION_CHAIN, build_result

from provenance.findings import Location
from provenance.report import render
from provenance.report.github import annotation, escape_data, escape_property

COMMAND = re.compile(
    r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$"
)


def _many(count: int) -> object:
    result = build_result()
    extra = []
    for n in range(count):
        where = Location(file="sources.json", line=1000 + n, column=3, pointer=f"/x/{n}")
        extra += [
            TRANSLATION_CHAIN.finding(f"error {n}", catalog=where),
            NO_CREDIT.finding(f"warning {n}", catalog=where),
            RELATIVE_DATE.finding(f"info {n}", catalog=where),
            MISSING_DATE.finding(f"acknowledged {n}", catalog=where, acknowledged="reviewed"),
        ]
    return result.model_copy(update={"findings": (*result.findings, *extra)})


def test_at_most_ten_annotations_of_each_kind_then_one_summary_line() -> None:
    result = _many(15)
    lines = render(result, "github").splitlines()  # type: ignore[arg-type]
    commands = [COMMAND.match(line) for line in lines[:-1]]
    assert all(commands), [line for line, m in zip(lines, commands, strict=False) if not m]
    kinds = [m.group(1) for m in commands if m]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds.count("notice") == 10
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)  # worst first
    summary = lines[-1]
    assert not summary.startswith("::")
    unacknowledged = [f for f in result.findings if f.acknowledged is None]  # type: ignore[attr-defined]
    errors = sum(1 for f in unacknowledged if f.severity == "error")
    assert f"{errors} errors" in summary
    assert f"{len(unacknowledged) - 30} more not annotated" in summary
    acknowledged = len(result.findings) - len(unacknowledged)  # type: ignore[attr-defined]
    assert f"{acknowledged} acknowledged" in summary


def test_acknowledged_findings_are_not_annotated() -> None:
    text = render(build_result(), "github")
    assert "acknowledged" not in "".join(text.splitlines()[:-1])
    assert "2 acknowledged" in text.splitlines()[-1]


def test_annotation_points_at_the_line_and_column() -> None:
    result = build_result()
    finding = next(f for f in result.findings if f.catalog is not None)
    match = COMMAND.match(annotation(finding))
    assert match is not None
    assert match.group(2) == finding.catalog.file  # type: ignore[union-attr]
    assert (int(match.group(3)), int(match.group(4))) == (
        finding.catalog.line,  # type: ignore[union-attr]
        finding.catalog.column,  # type: ignore[union-attr]
    )
    assert match.group(5) == f"{finding.code} {finding.name}"


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    where = Location(file="dir,x/a:b.txt", line=3, column=4)
    line = annotation(NO_CREDIT.finding("50%\nof it::error::x", evidence=(where,)))
    assert line.startswith(
        "::warning file=dir%2Cx/a%3Ab.txt,line=3,col=4,title=A001 uncredited-copy::"
    )
    assert "\n" not in line and line.count("::") == 2 + line.split("::", 2)[2].count("::")
    assert line.endswith("50%25 of it::error::x")
