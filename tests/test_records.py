"""Records (records.py): built as plain slotted dataclasses, yet equal, hashed and pickled as
the frozen values the rest of the code takes them for."""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from pathlib import Path

from provenance.findings import Family, Finding, Location, Severity
from provenance.results import PassageCopy
from provenance.reuse import QuoteRef, ReuseMaterial


def _finding(message: str = "the copy credits nobody") -> Finding:
    return Finding(
        "A002",
        "uncredited-copy",
        Family.ATTRIBUTION,
        Severity.WARNING,
        message,
        article="a1",
        catalog=Location("sources.json", 3, 5, "/articles/0/chain/0"),
        evidence=(Location("a1.txt", 1, 1, None, "By Jane Doe"),),
    )


def test_equal_records_are_equal_and_hash_alike() -> None:
    one, same = _finding(), _finding()
    assert one == same and one is not same
    assert len({one, same, _finding("another message")}) == 2


def test_records_pickle_as_constructor_calls_and_come_back_equal() -> None:
    quote = QuoteRef("We will", 2, 4, "Jane Doe", None, b"\x01" * 8, b"", 7)
    material = ReuseMaterial(sentences=array("q", [1, 0, 9]), quotations=(quote,))
    copy = PassageCopy("a1", Location("a1.txt", 2, 4), "We will")
    for value in (_finding(), quote, material, copy):
        reduced = value.__reduce__()
        assert reduced[0] is type(value)
        assert pickle.loads(pickle.dumps(value)) == value


def test_records_keep_no_instance_dict_and_replace_builds_a_new_one() -> None:
    finding = _finding()
    assert not hasattr(finding, "__dict__")  # slotted: no per-instance dictionary
    moved = dataclasses.replace(finding, acknowledged="checked by hand")
    assert moved.acknowledged == "checked by hand" and finding.acknowledged is None
    assert finding.located(Location("s.json", 9, 1, "/articles/0")).catalog == Location(
        "s.json", 9, 1, "/articles/0"
    )


def test_type_checkers_refuse_assigning_to_a_record(tmp_path: Path) -> None:
    from mypy import api

    snippet = tmp_path / "assign.py"
    snippet.write_text(
        "from provenance.findings import Location\n"
        "place = Location('a.txt', 1, 1)\n"
        "place.line = 2\n",
        encoding="utf-8",
    )
    out, _err, status = api.run(
        ["--config-file", "", "--cache-dir", str(tmp_path / "cache"), str(snippet)]
    )
    assert status == 1
    assert 'Property "line" defined in "Location" is read-only' in out
