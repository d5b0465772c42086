"""What is kept of one article once its text and evidence are gone, and its JSON form.

A digest is computed in a worker process and sent back; `check` keeps digests between runs
(digest_cache.py) in the JSON form below. That form leaves out where the article stands in
the catalog (its position in the pointers, its file in the evidence) so that an entry moved
or a catalog renamed still finds its digest; both are put back on decoding.

JSON, not pickle: a cache file is data that anyone able to write the folder could have
placed there, and decoding JSON runs no code. Anything that does not have the expected
shape decodes to None and is computed again.
"""

from __future__ import annotations

import binascii
import json
from array import array
from dataclasses import dataclass
from typing import Any

from provenance.articles import ArticleProblem
from provenance.evidence.model import Evidence
from provenance.findings import Family, Finding, Location, Severity
from provenance.records import record
from provenance.reuse import QuoteRef, ReuseMaterial

Mentions = tuple[tuple[str, int, int], ...]  # each distinct name, where it first stands

# Raised by a cache entry of the wrong shape: the entry is a miss, never an error.
_MALFORMED = (KeyError, IndexError, TypeError, ValueError, AttributeError)


@record
class Digest:
    """What is kept of one article once its text and evidence are gone."""

    problem: ArticleProblem | None  # why its file could not be read, if it could not
    findings: tuple[Finding, ...]
    material: ReuseMaterial | None
    people: Mentions
    # The names, numbers and dates in order, and the text's language (crosslingual.py).
    anchors: array[int] | None = None
    language: str | None = None


def first_mentions(evidence: Evidence | None) -> Mentions:
    first: dict[str, tuple[str, int, int]] = {}
    for person in evidence.people if evidence else ():
        first.setdefault(person.name, (person.name, person.span.line, person.span.column))
    return tuple(sorted(first.values()))


@dataclass(frozen=True)
class Placement:
    """Where an article stands: the prefix of its pointers and its file as findings show it."""

    pointer: str  # "/articles/12"
    file: str


def encode(digest: Digest, placement: Placement) -> str | None:
    """The digest as JSON without its placement; None when it is not worth keeping (its
    file could not be read: nothing was extracted) or a finding is placed in a way that
    cannot be taken out (it would come back wrong elsewhere)."""
    if digest.problem is not None:
        return None
    findings = [_encode_finding(finding, placement) for finding in digest.findings]
    if any(finding is None for finding in findings):
        return None
    material = digest.material
    return json.dumps(
        [
            findings,
            None if material is None else _encode_material(material),
            digest.people,
            None if digest.anchors is None else _bytes_text(digest.anchors.tobytes()),
            digest.language,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(encoded: str, placement: Placement) -> Digest | None:
    """The digest at ``placement``, or None when ``encoded`` is not what `encode` wrote.

    A warm check decodes every article's digest in one process, so this is written for
    speed: types are checked inline, not through a helper call per value."""
    try:
        findings, material, people, anchors_text, language = json.loads(encoded)
        people = tuple(map(tuple, people))
        for name, line, column in people:
            if type(name) is not str or type(line) is not int or type(column) is not int:
                raise TypeError("a name mention of the wrong shape")
        if language is not None and type(language) is not str:
            raise TypeError("a language of the wrong shape")
        anchors = None
        if anchors_text is not None:
            anchors = array("q")
            anchors.frombytes(_int64s(_text_bytes(anchors_text)))
            if len(anchors) % 3:
                raise ValueError("anchors come in (key, start, end) triples")
        return Digest(
            problem=None,
            findings=tuple(_decode_finding(item, placement) for item in findings),
            material=None if material is None else _decode_material(material),
            people=people,
            anchors=anchors,
            language=language,
        )
    except _MALFORMED:
        return None


def _encode_finding(finding: Finding, placement: Placement) -> list[Any] | None:
    catalog = finding.catalog
    if catalog is None or catalog.line or catalog.column or catalog.file or catalog.snippet:
        return None  # article rules leave the position to `check`: anything else is new
    pointer = catalog.pointer or ""
    if pointer != placement.pointer and not pointer.startswith(placement.pointer + "/"):
        return None
    evidence = []
    for location in finding.evidence:
        if location.file != placement.file or location.pointer is not None:
            return None
        evidence.append([location.line, location.column, location.snippet])
    return [
        finding.code,
        finding.name,
        str(finding.family),
        str(finding.severity),
        finding.message,
        finding.article,
        pointer[len(placement.pointer) :],
        evidence,
        finding.fix,
        finding.acknowledged,
    ]


_FAMILIES = {family.value: family for family in Family}
_SEVERITIES = {severity.value: severity for severity in Severity}
_TEXT_OR_NONE = (str, type(None))


def _decode_finding(item: list[Any], placement: Placement) -> Finding:
    code, name, family, severity, message, article, pointer, evidence, fix, acknowledged = item
    if (
        type(code) is not str
        or type(name) is not str
        or type(message) is not str
        or type(pointer) is not str
        or type(article) not in _TEXT_OR_NONE
        or type(fix) not in _TEXT_OR_NONE
        or type(acknowledged) not in _TEXT_OR_NONE
    ):
        raise TypeError("a finding of the wrong shape")
    file = placement.file
    places = []
    for line, column, snippet in evidence:
        if type(line) is not int or type(column) is not int or type(snippet) not in _TEXT_OR_NONE:
            raise TypeError("a location of the wrong shape")
        places.append(Location(file, line, column, None, snippet))
    return Finding(
        code,
        name,
        _FAMILIES[family],
        _SEVERITIES[severity],
        message,
        article,
        Location("", 0, 0, placement.pointer + pointer),
        tuple(places),
        fix,
        acknowledged,
    )


def _bytes_text(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).decode("ascii")


def _text_bytes(text: Any) -> bytes:
    if type(text) is not str:
        raise TypeError("expected base64 text")
    return binascii.a2b_base64(text, strict_mode=True)


def _encode_material(material: ReuseMaterial) -> list[Any]:
    return [
        _bytes_text(material.sentences.tobytes()),
        [
            [
                q.text,
                q.line,
                q.column,
                q.speaker,
                q.given_to,
                _bytes_text(q.words),
                _bytes_text(q.pairs),
                q.exact,
            ]
            for q in material.quotations
        ],
    ]


def _decode_material(item: list[Any]) -> ReuseMaterial:
    sentences_text, quotations = item
    sentences = array("q")
    sentences.frombytes(_text_bytes(sentences_text))
    decoded = []
    for text, line, column, speaker, given_to, words, pairs, exact in quotations:
        if (
            type(text) is not str
            or type(line) is not int
            or type(column) is not int
            or type(exact) is not int
            or (speaker is not None and type(speaker) is not str)
            or (given_to is not None and type(given_to) is not str)
        ):
            raise TypeError("a quotation of the wrong shape")
        decoded.append(
            QuoteRef(
                text,
                line,
                column,
                speaker,
                given_to,
                _int64s(_text_bytes(words)),
                _int64s(_text_bytes(pairs)),
                exact,
            )
        )
    return ReuseMaterial(sentences=sentences, quotations=tuple(decoded))


def _int64s(data: bytes) -> bytes:
    if len(data) % 8:
        raise ValueError("not a whole number of int64 values")
    return data
