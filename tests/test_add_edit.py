"""Appending an entry to sources.json in the file's own style: the diff is the entry alone."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from provenance.catalog_edit import EditError, append_article, detect_style

REPO = Path(__file__).resolve().parent.parent

ENTRY: dict[str, Any] = {
    "id": "kurier-wind-farm",
    "headline": "Windpark spaltet Küstendörfer",
    "file": "seeds/0123456789abcdef_wind-farm.txt",
    "copy": {
        "relation": "translated",
        "publisher": None,
        "url": None,
        "author": ["Lena Hoffmann", "Jan Peters"],
        "translator": [],
        "inLanguage": "en",
        "datePublished": None,
        "dateRetrieved": None,
        "note": None,
    },
    "chain": [
        {
            "relation": "original",
            "publisher": "nordsee-kurier",
            "url": None,
            "headline": None,
            "author": [],
            "translator": [],
            "inLanguage": "de",
            "datePublished": None,
            "credited": True,
            "note": "Credited by the line 'Originally published in Nordsee Kurier.'",
        }
    ],
    "acknowledgements": [],
    "note": None,
}


def _insertion(old: str, new: str) -> str:
    """What ``new`` inserts into ``old``, asserting that it is one contiguous insertion: no
    byte of ``old`` is changed or removed."""
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = len(old) - prefix
    assert old[prefix:] == new[len(new) - suffix :]
    return new[prefix : len(new) - suffix]


def _changes(old: str, new: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(keepends=True), new.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_repo_catalog_diff_is_the_entry_and_one_comma() -> None:
    old = (REPO / "sources.json").read_text(encoding="utf-8")
    new = append_article(old, ENTRY)
    inserted = _insertion(old, new)
    assert inserted.startswith(",\n    {\n") and inserted.endswith("\n    }")
    assert json.loads(inserted[1:]) == ENTRY
    # As a line diff: new lines, and at most the last article's closing brace gaining a comma.
    removed, added = _changes(old, new)
    assert removed in ([], ["    }\n"])
    assert len(added) == len(inserted.splitlines()) - 1 + len(removed)
    block = inserted
    # Written as the file writes entries: two spaces, scalar arrays on one line, literal UTF-8.
    assert '      "id": "kurier-wind-farm",\n' in block
    assert '        "author": ["Lena Hoffmann", "Jan Peters"],\n' in block
    assert "Küstendörfer" in block
    assert new.endswith("  ]\n}\n") and old.endswith("  ]\n}\n")
    assert json.loads(new)["articles"][:-1] == json.loads(old)["articles"]


def test_key_order_follows_existing_entries() -> None:
    old = json.dumps(
        {
            "schemaVersion": "1.0",
            "articles": [
                {
                    "file": "a.txt",
                    "id": "a",
                    "copy": {"url": None, "relation": "original"},
                }
            ],
        },
        indent=2,
    )
    new = append_article(old, ENTRY)
    entry = json.loads(new)["articles"][-1]
    assert list(entry)[:3] == ["file", "id", "copy"]
    assert list(entry["copy"])[:2] == ["url", "relation"]
    # The file leaves out nulls and empty lists that its entries do not spell out.
    assert "dateRetrieved" not in entry["copy"] and "translator" not in entry["copy"]
    assert entry["copy"]["author"] == ["Lena Hoffmann", "Jan Peters"]
    assert "headline" in entry  # not null: kept, after the template's keys


@pytest.mark.parametrize("indent", [4, "\t"])
def test_indent_and_multiline_arrays_are_kept(indent: int | str) -> None:
    existing = {"id": "a", "file": "a.txt", "copy": {"relation": "original", "author": ["X Y"]}}
    old = json.dumps({"schemaVersion": "1.0", "articles": [existing]}, indent=indent) + "\n"
    new = append_article(old, ENTRY)
    unit = " " * indent if isinstance(indent, int) else indent
    inserted = _insertion(old, new)
    assert inserted.startswith(",\n" + unit * 2 + "{\n")
    added = inserted.splitlines(keepends=True)
    assert f'{unit * 4}"author": [\n' in added
    assert f'{unit * 5}"Lena Hoffmann",\n' in added
    written = json.loads(new)["articles"][-1]
    # The existing entry spells out no nulls; neither does the new one. No hop is there to
    # copy, so hops are written in full.
    assert "note" not in written and "url" not in written["copy"]
    assert written["chain"] == ENTRY["chain"]


def test_crlf_and_ascii_escapes_are_kept() -> None:
    existing = {
        "id": "a",
        "file": "a.txt",
        "headline": "Caf\u00e9",
        "copy": {"relation": "original"},
    }
    old = json.dumps({"schemaVersion": "1.0", "articles": [existing]}, indent=2).replace(
        "\n", "\r\n"
    )
    assert "\\u00e9" in old
    new = append_article(old, ENTRY)
    assert "\n" not in new.replace("\r\n", "")
    assert new.isascii()
    assert json.loads(new)["articles"][-1]["headline"] == ENTRY["headline"]
    assert detect_style(old, json.loads(old)).newline == "\r\n"


def test_empty_articles_array() -> None:
    old = '{\n    "schemaVersion": "1.0",\n    "articles": []\n}\n'
    new = append_article(old, ENTRY)
    assert new.startswith('{\n    "schemaVersion": "1.0",\n    "articles": [\n        {\n')
    assert new.endswith("        }\n    ]\n}\n")
    assert json.loads(new)["articles"] == [ENTRY]


def test_missing_articles_key() -> None:
    old = '{\n  "schemaVersion": "1.0",\n  "outlets": []\n}'
    new = append_article(old, ENTRY)
    assert new.startswith('{\n  "schemaVersion": "1.0",\n  "outlets": [],\n  "articles": [\n')
    assert not new.endswith("\n")  # no final newline before, none after
    assert json.loads(new)["articles"] == [ENTRY]


def test_one_line_catalog_stays_one_line() -> None:
    old = json.dumps({"schemaVersion": "1.0", "articles": [{"id": "a"}]})
    new = append_article(old, ENTRY)
    assert "\n" not in new
    assert json.loads(_insertion(old, new).removeprefix(", ")) == {"id": ENTRY["id"]} | {
        key: value for key, value in ENTRY.items() if value not in (None, [])
    }


def test_strings_that_look_like_json_do_not_confuse_the_insert() -> None:
    tricky = {**ENTRY, "id": "a", "note": 'ends with ] and }, "articles": [ inside'}
    old = json.dumps({"articles": [tricky], "schemaVersion": "1.0"}, indent=2) + "\n"
    new = append_article(old, ENTRY)
    assert json.loads(new) == {"articles": [tricky, ENTRY], "schemaVersion": "1.0"}


@pytest.mark.parametrize("text", ["[]", '{"articles": {}}', "not json"])
def test_unusable_catalog_text(text: str) -> None:
    with pytest.raises(EditError):
        append_article(text, ENTRY)


OUTLET: dict[str, Any] = {
    "id": "lakeside-echo",
    "name": "Lakeside Echo",
    "alternateName": [],
    "domains": ["lakeside-echo.example"],
    "category": None,
    "country": None,
    "inLanguage": [],
    "ownershipFundingInfo": None,
    "reliability": {"status": "unknown", "admiralty": "F", "reason": "Proposed.", "evidence": None},
}


def test_a_proposed_outlet_is_appended_in_the_files_style_with_the_entry() -> None:
    text = (REPO / "sources.json").read_text(encoding="utf-8")
    result = append_article(text, ENTRY, [OUTLET])
    before, after = json.loads(text), json.loads(result)
    assert after["outlets"][:-1] == before["outlets"]
    assert after["outlets"][-1]["id"] == "lakeside-echo"
    assert after["articles"][-1]["id"] == ENTRY["id"]
    added = [
        line[2:]
        for line in difflib.ndiff(text.splitlines(), result.splitlines())
        if line.startswith("+ ")
    ]
    # The outlet is written as the file writes outlets: its keys in their order, on lines.
    assert '      "id": "lakeside-echo",' in added
    assert '      "domains": ["lakeside-echo.example"],' in added


def test_a_catalog_without_outlets_gets_the_array() -> None:
    text = '{\n  "schemaVersion": "1.0",\n  "articles": []\n}\n'
    result = json.loads(append_article(text, ENTRY, [OUTLET]))
    assert [o["id"] for o in result["outlets"]] == ["lakeside-echo"]
    assert [a["id"] for a in result["articles"]] == [ENTRY["id"]]
