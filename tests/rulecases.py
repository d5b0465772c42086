"""Building small catalogs for rule tests: one clean article, then one change at a time."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from provenance.check import Invalid, run_check
from provenance.config import Config
from provenance.findings import Finding
from provenance.results import CheckResult

OUTLETS: list[dict[str, Any]] = [
    {
        "id": "gazette",
        "name": "The Northern Gazette",
        "alternateName": ["Northern Gazette"],
        "domains": ["gazette-north.com"],
        "category": "newspaper",
        "inLanguage": ["en"],
        "reliability": {"status": "generally-reliable", "admiralty": "B", "reason": "Test."},
    },
    {
        "id": "wire",
        "name": "Continental Wire",
        "alternateName": ["ContiWire"],
        "domains": ["contiwire.org"],
        "category": "news-agency",
        "reliability": {"status": "generally-reliable", "admiralty": "A", "reason": "Test."},
    },
    {
        "id": "herald",
        "name": "Herald Times",
        "domains": ["heraldtimes.net"],
        "category": "newspaper",
    },
]

CLEAN_TEXT = """Harbour expansion wins council approval

By Jane Roe in Porto March 3, 2024

The city council approved the harbour expansion on Tuesday after a long debate about costs and the environment.
“This is the largest investment in the port for a generation,” said Marta Silva, the council's planning chief.
Opponents said the plan would harm the estuary and promised to appeal the decision in court.
Silva said construction would begin next spring if the appeal fails, and that the budget would be published.
"""

CLEAN_ARTICLE: dict[str, Any] = {
    "id": "a1",
    "headline": "Harbour expansion wins council approval",
    "file": "a1.txt",
    "copy": {
        "relation": "original",
        "publisher": "gazette",
        "url": "https://gazette-north.com/harbour",
        "author": ["Jane Roe"],
        "inLanguage": "en",
        "datePublished": "2024-03-03",
    },
    "chain": [],
}


def article(**changes: Any) -> dict[str, Any]:
    """The clean article with some top-level keys, or 'copy.x' keys, replaced."""
    entry = copy.deepcopy(CLEAN_ARTICLE)
    for key, value in changes.items():
        if key.startswith("copy_"):
            entry["copy"][key[5:]] = value
        else:
            entry[key] = value
    return entry


def run(
    tmp_path: Path,
    entries: list[tuple[dict[str, Any], str]],
    config: Config | None = None,
    people: list[dict[str, Any]] | None = None,
) -> CheckResult:
    articles = []
    for index, (entry, text) in enumerate(entries):
        entry = {**entry, "id": entry["id"] if index == 0 else f"{entry['id']}-{index}"}
        entry["file"] = f"a{index}.txt"
        if entry["copy"].get("url") and index:
            entry["copy"] = {**entry["copy"], "url": entry["copy"]["url"] + f"-{index}"}
        (tmp_path / entry["file"]).write_text(text, encoding="utf-8")
        articles.append(entry)
    catalog = {
        "schemaVersion": "1.0",
        "outlets": OUTLETS,
        "people": people or [],
        "articles": articles,
    }
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(catalog, indent=2, ensure_ascii=False), encoding="utf-8")
    result = run_check(path, config or Config(), jobs=1)
    assert not isinstance(result, Invalid), [f.headline() for f in result.findings]
    return result


def codes(findings: tuple[Finding, ...] | list[Finding]) -> set[str]:
    return {f.code for f in findings}
