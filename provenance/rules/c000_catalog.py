"""The catalog family: validation's rules, listed here so that the catalogue is complete.

Their checks run in provenance.validate (before any evidence is read)."""

from __future__ import annotations

from provenance.findings import Family, RuleInfo, Severity
from provenance.rules.base import Rule, _register
from provenance.validate import CATALOG_RULES

STALE_ACKNOWLEDGEMENT = RuleInfo(
    code="C012",
    name="stale-acknowledgement",
    family=Family.CATALOG,
    severity=Severity.ERROR,
    summary="An acknowledgement matches no finding: the problem it excused is gone (or the "
    "code is wrong), so it would silently excuse a future one.",
    bad='"acknowledgements": [{"code": "D001", "reason": "..."}] on an article with a date',
    good="remove the acknowledgement once its finding is fixed",
)

for _info in (*CATALOG_RULES, STALE_ACKNOWLEDGEMENT):
    _register(Rule(_info))
