"""What every check produces: findings with locations, and the metadata of the rules."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from provenance.severity import Family, Severity

__all__ = ["Family", "Finding", "Location", "RuleInfo", "Severity"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """A place in a file: sources.json (with its JSON pointer) or an article text."""

    file: str
    line: int
    column: int
    pointer: str | None = None
    snippet: str | None = None


class Finding(_Frozen):
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

    def finding(self, message: str, **fields: object) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            family=self.family,
            severity=self.severity,
            message=message,
            **fields,
        )
