"""Shared helpers for the evidence tests: a registry of outlets that are not the seeds'."""

from __future__ import annotations

from pathlib import Path

from provenance.evidence import extract
from provenance.evidence.model import Evidence
from provenance.models import Outlet, Person

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"
SEEDS = Path(__file__).parent.parent / "seeds"


def _outlet(id_: str, name: str, aliases: list[str], domains: list[str]) -> Outlet:
    return Outlet(id=id_, name=name, alternate_name=aliases, domains=domains)


OUTLETS = (
    _outlet("reuters", "Reuters", [], ["reuters.com"]),
    _outlet("ap", "Associated Press", ["AP"], ["apnews.com"]),
    _outlet("afp", "Agence France-Presse", ["AFP"], ["afp.com"]),
    _outlet("dw", "Deutsche Welle", ["DW"], ["dw.com"]),
    _outlet("meduza", "Meduza", ["Медуза"], ["meduza.io"]),
    _outlet("conversation", "The Conversation", [], ["theconversation.com"]),
    _outlet("eurasianet", "Eurasianet", [], ["eurasianet.org"]),
    _outlet("diplomat", "The Diplomat", [], ["thediplomat.com"]),
    _outlet("aljazeera", "Al Jazeera", [], ["aljazeera.com"]),
)
PEOPLE = (
    Person(id="dmitry-volkov", name="Dmitry Volkov", alternate_name=["Dmitri Volkov"]),
    Person(id="arkady-z", name="Arkady Zhemchuzhnikov", alternate_name=["Zhemchuzhnikov"]),
)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def evidence_of(name: str) -> Evidence:
    return extract(fixture(name), OUTLETS, PEOPLE)


def check_spans(text: str, evidence: Evidence) -> int:
    """Every span in ``evidence`` quotes ``text`` exactly at its line and column; returns count."""
    lines = text.split("\n")
    count = 0
    for span in _spans(evidence.model_dump()):
        assert text[span["start"] : span["end"]] == span["text"], span
        line = lines[span["line"] - 1]
        column = span["column"] - 1
        assert line[column : column + len(span["text"])] == span["text"].split("\n")[0], span
        count += 1
    return count


def _spans(value: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(value, dict):
        if {"line", "column", "start", "end", "text"} <= set(value):
            found.append(value)
        for child in value.values():
            found.extend(_spans(child))
    elif isinstance(value, list | tuple):
        for child in value:
            found.extend(_spans(child))
    return found
