"""The checks on altered copies of the seeds: each alteration is caught by the rule for it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from provenance.check import Invalid, run_check
from provenance.config import Config

Alteration = Callable[[Path, dict[str, Any]], None]


def edit_text(name: str, change: Callable[[str], str]) -> Alteration:
    def alter(folder: Path, _catalog: dict[str, Any]) -> None:
        path = next((folder / "seeds").glob(f"{name}_*.txt"))
        before = path.read_text(encoding="utf-8")
        after = change(before)
        assert after != before, "the alteration changed nothing"
        path.write_text(after, encoding="utf-8")

    return alter


def edit_entry(position: int, change: Callable[[dict[str, Any]], None]) -> Alteration:
    def alter(_folder: Path, catalog: dict[str, Any]) -> None:
        change(catalog["articles"][position])

    return alter


def remove_line(starting: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        return "\n".join(line for line in text.split("\n") if not line.startswith(starting))

    return change


def first_line_with(word: str, text: str) -> str:
    return next(line for line in text.split("\n") if word in line)


ALTERATIONS: dict[str, tuple[Alteration, str]] = {
    "credit line removed": (edit_text("000", remove_line("From ")), "A008"),
    "date changed": (
        edit_entry(1, lambda a: a["copy"].__setitem__("datePublished", "2024-08-20")),
        "D004",
    ),
    "author swapped": (
        edit_entry(1, lambda a: a["copy"].__setitem__("author", ["Maria Lindgren"])),
        "A003",
    ),
    "name garbled": (
        edit_text("001", lambda t: t.replace("observed Akromov", "observed Akhromov")),
        "A004",
    ),
    "translation note added": (
        edit_text(
            "001", lambda t: t.rstrip("\n") + "\nTranslated from the Russian by Ivan Petrov\n"
        ),
        "T006",
    ),
    "chain edited: credited outlet dropped": (
        edit_entry(2, lambda a: a["chain"][0].__setitem__("publisher", "rferl")),
        "A001",
    ),
    "credit to an unknown outlet added": (
        edit_text(
            "003",
            lambda t: t.replace(
                "\nSarnased", "\nOriginally published by The Daily Planet\n\nSarnased"
            ),
        ),
        "A001",
    ),
    "declared language changed": (
        edit_entry(3, lambda a: a["copy"].__setitem__("inLanguage", "ru")),
        "T008",
    ),
    "headline swapped": (
        edit_entry(1, lambda a: a.__setitem__("headline", "Markets rally as oil prices fall")),
        "I005",
    ),
    "translation declared on an original": (
        edit_entry(1, lambda a: a["copy"].__setitem__("relation", "translated")),
        "T007",
    ),
}


def check_codes(catalog_path: Path) -> set[tuple[str | None, str]]:
    result = run_check(catalog_path, Config(), jobs=1)
    assert not isinstance(result, Invalid), [f.headline() for f in result.findings]
    return {(f.article, f.code) for f in result.findings}


@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_alteration_is_caught(repo_copy: Path, name: str) -> None:
    before = check_codes(repo_copy)
    alteration, code = ALTERATIONS[name]
    catalog = json.loads(repo_copy.read_text(encoding="utf-8"))
    alteration(repo_copy.parent, catalog)
    repo_copy.write_text(json.dumps(catalog, indent=2, ensure_ascii=False), encoding="utf-8")
    after = check_codes(repo_copy)
    assert code in {code for _article, code in after - before}, sorted(after - before)
