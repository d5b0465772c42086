"""Severities and rule families: plain enums, importable without pydantic (CLI start-up)."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


class Family(StrEnum):
    CATALOG = "catalog"
    TRANSLATION = "translation"
    DATES = "dates"
    ATTRIBUTION = "attribution"
    INTEGRITY = "integrity"
    REUSE = "reuse"


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
