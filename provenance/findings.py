"""What every check produces: findings with locations, and the metadata of the rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ConfigDict, TypeAdapter

from provenance.records import record
from provenance.severity import Family, Severity

__all__ = ["Family", "Finding", "Location", "RuleInfo", "Severity"]

# Findings and locations are records (records.py), not pydantic models: a large catalog
# has hundreds of thousands of them, and a model instance costs five times the memory and
# four times the time to build. Pydantic still reads and writes them inside CheckResult
# (the config below keeps the JSON Schema closed), and mypy checks who builds them.
_CLOSED = ConfigDict(extra="forbid")


@record
class Location:
    """A place in a file: sources.json (with its JSON pointer) or an article text."""

    __pydantic_config__ = _CLOSED

    file: str
    line: int
    column: int
    pointer: str | None = None
    snippet: str | None = None


@record
class Finding:
    """What a rule found: where, how severe, how to fix it, and whether it is acknowledged."""

    __pydantic_config__ = _CLOSED
    code: str
    name: str
    family: Family
    severity: Severity
    message: str
    article: str | None = None
    catalog: Location | None = None
    evidence: tuple[Location, ...] = ()
    fix: str | None = None
    acknowledged: str | None = None

    def located(self, catalog: Location) -> Finding:
        """The same finding at ``catalog`` (``dataclasses.replace`` is ten times slower)."""
        return Finding(
            self.code,
            self.name,
            self.family,
            self.severity,
            self.message,
            self.article,
            catalog,
            self.evidence,
            self.fix,
            self.acknowledged,
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        where = self.catalog or (self.evidence[0] if self.evidence else None)
        return (
            where.file if where else "",
            where.line if where else 0,
            where.column if where else 0,
            self.code,
            self.message,
        )

    def headline(self) -> str:
        """One line: ``file:line:col: pointer: message [CODE name]``."""
        where = self.catalog or (self.evidence[0] if self.evidence else None)
        prefix = f"{where.file}:{where.line}:{where.column}: " if where else ""
        pointer = f"{where.pointer}: " if where and where.pointer is not None else ""
        return f"{prefix}{pointer}{self.message} [{self.code} {self.name}]"


@dataclass(frozen=True)
class RuleInfo:
    """A rule's catalogue entry, in the spirit of ruff's and sqlfluff's rule docs."""

    code: str
    name: str
    family: Family
    severity: Severity
    summary: str
    bad: str
    good: str
    # Whether a finding speaks of how the record was kept (a date, a spelling, a missing
    # translator's name) rather than of whether the information is true: the grade keeps
    # those on a line of their own instead of lowering the credibility. Dates and integrity
    # findings always do.
    record_keeping: bool = False

    @property
    def about_the_record(self) -> bool:
        return self.record_keeping or self.family in (Family.DATES, Family.INTEGRITY)

    def finding(
        self,
        message: str,
        *,
        article: str | None = None,
        catalog: Location | None = None,
        evidence: tuple[Location, ...] = (),
        fix: str | None = None,
        acknowledged: str | None = None,
    ) -> Finding:
        # Positional: keywords double the cost, and rules make hundreds of thousands.
        return Finding(
            self.code,
            self.name,
            self.family,
            self.severity,
            message,
            article,
            catalog,
            evidence,
            fix,
            acknowledged,
        )


@cache
def _finding_adapter() -> TypeAdapter[Finding]:
    return TypeAdapter(Finding)


def finding_json(finding: Finding) -> dict[str, Any]:
    """The finding as JSON values, unknown fields left out (the `--format json` outputs)."""
    dumped: dict[str, Any] = _finding_adapter().dump_python(finding, mode="json", exclude_none=True)
    return dumped
