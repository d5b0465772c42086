"""Reading sources.json: bytes -> JSON -> schema -> model, every error with its position."""

from __future__ import annotations

import difflib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from provenance.findings import Family, Finding, Location, RuleInfo, Severity
from provenance.jsonpos import (
    MAX_NUMBER_CHARS,
    OversizedNumber,
    PositionIndex,
    duplicate_keys,
    join_pointer,
    parse_float,
    parse_int,
)
from provenance.models import Catalog

MAX_CATALOG_BYTES = 512 * 1024 * 1024

JSON_SYNTAX_RULE = RuleInfo(
    code="C000",
    name="json-syntax",
    family=Family.CATALOG,
    severity=Severity.ERROR,
    summary="The catalog is not valid JSON (a missing comma or quote, a trailing comma, a "
    "comment), so nothing else in it can be checked until it is fixed.",
    bad='{"id": "a1" "file": "a1.txt",}',
    good='{"id": "a1", "file": "a1.txt"}',
)
SCHEMA_RULE = RuleInfo(
    code="C001",
    name="schema",
    family=Family.CATALOG,
    severity=Severity.ERROR,
    summary="An entry does not match the catalog's JSON Schema (a wrong type, a missing or "
    "misspelled key, a value out of its pattern).",
    bad='{"id": "a1", "file": "a1.txt", "copy": {"relation": "copied"}}',
    good='{"id": "a1", "file": "a1.txt", "copy": {"relation": "republished"}}',
)
DUPLICATE_KEY_RULE = RuleInfo(
    code="C002",
    name="duplicate-key",
    family=Family.CATALOG,
    severity=Severity.ERROR,
    summary="An object names the same key twice; JSON readers silently keep only one of them.",
    bad='{"id": "a1", "id": "a2"}',
    good='{"id": "a1"}',
)


def _pattern_words() -> dict[str, str]:
    """What each of the schema's patterns asks for, in words: a reader should not have to
    decode a regular expression to learn that a date is written 2024-03-05."""
    from provenance import models

    def pattern_of(annotated: Any) -> str:
        return str(
            next(meta.pattern for meta in annotated.__metadata__ if getattr(meta, "pattern", None))
        )

    return {
        pattern_of(models.PartialDate): "expected a date like 2024-03-05, 2024-03 or 2024, "
        "or a date and time like 2024-03-05T10:00:00Z",
        pattern_of(models.Id): "expected an id of lowercase letters, digits, '.', '_' and '-' "
        "(at most 80, starting with a letter or digit), like 'reuters' or 'bbc-2024-03-05'",
        pattern_of(models.Url): "expected an absolute http(s) address, like "
        "https://example.com/news/1, with no spaces",
        pattern_of(models.LanguageTag): "expected a language tag like 'en', 'ru' or 'az-Latn'",
        pattern_of(models.Name): "expected a name, not only blanks",
        r"^[A-Z]{2}$": "expected a two-letter country code in capitals, like 'GB' or 'AZ'",
        r"^[a-z0-9.-]+\.[a-z]{2,}$": "expected a lowercase domain like 'example.com'",
        r"^[A-Z][0-9]{3}$": "expected a rule code like 'T003'",
    }


_PATTERN_WORDS: dict[str, str] = {}


def pattern_message(value: object, pattern: str) -> str:
    """A value that does not match a pattern of the schema, said in words."""
    if not _PATTERN_WORDS:
        _PATTERN_WORDS.update(_pattern_words())
    words = _PATTERN_WORDS.get(pattern, f"does not have the expected form ({pattern})")
    return f"{value!r}: {words}"


class UnusableInput(Exception):
    """The input cannot be read as a catalog at all (exit 2). The message is one line."""


class JsonSyntaxError(UnusableInput):
    """The catalog is not JSON. Also a finding, so that `check` can report it in every
    format (a CI annotation, a SARIF result) at its line and column."""

    def __init__(self, message: str, finding: Finding) -> None:
        super().__init__(message)
        self.finding = finding


@dataclass
class LoadedCatalog:
    """A catalog file as read: its text, its data, the model when valid, and what was wrong."""

    path: Path
    display: str
    text: str
    data: Any
    catalog: Catalog | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent

    @cached_property
    def positions(self) -> PositionIndex:
        return PositionIndex(self.text)

    def locate(self, pointer: str, *, key: bool = False) -> Location:
        where = self.positions.key(pointer) if key else self.positions.value(pointer)
        return Location(file=self.display, line=where.line, column=where.column, pointer=pointer)


def read_text(path: Path, display: str) -> str:
    """The file's text, or UnusableInput naming what is wrong with it."""
    try:
        # Open first, then ask the open file what it is: a FIFO opened O_NONBLOCK does not
        # block, and a device or a pipe (sources.json committed as a symlink to /dev/zero)
        # is refused before a byte is read, instead of read forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise UnusableInput(f"{display}: is a folder, not a catalog file")
            if not stat.S_ISREG(info.st_mode):
                raise UnusableInput(f"{display}: is not a regular file (a device or a pipe?)")
            if info.st_size > MAX_CATALOG_BYTES:
                raise UnusableInput(
                    f"{display}: {info.st_size} bytes is over the {MAX_CATALOG_BYTES}-byte "
                    "limit for a catalog"
                )
            raw = handle.read(MAX_CATALOG_BYTES + 1)
    except FileNotFoundError:
        raise UnusableInput(f"{display}: no such file") from None
    except IsADirectoryError:
        raise UnusableInput(f"{display}: is a folder, not a catalog file") from None
    except OSError as error:
        raise UnusableInput(f"{display}: cannot read: {error.strerror or error}") from None
    if len(raw) > MAX_CATALOG_BYTES:
        raise UnusableInput(f"{display}: over the {MAX_CATALOG_BYTES}-byte limit for a catalog")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise UnusableInput(f"{display}:{line}:{column}: not valid UTF-8") from None
    return text


def parse_json(text: str, display: str, *, keep: bool = True) -> tuple[Any, bool]:
    """The decoded document (None unless ``keep``) and whether any object repeats a key.

    Without ``keep`` each object is dropped as soon as its keys are checked, so that a large
    catalog's syntax and keys are checked without building a tree the model does not need.
    """
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any] | None:
        nonlocal duplicated
        if len({key for key, _value in items}) != len(items):
            duplicated = True
        return dict(items) if keep else None

    try:
        document = json.loads(
            text, object_pairs_hook=pairs, parse_int=parse_int, parse_float=parse_float
        )
        return document, duplicated
    except json.JSONDecodeError as error:
        where = Location(file=display, line=error.lineno, column=error.colno)
        finding = JSON_SYNTAX_RULE.finding(f"not valid JSON: {error.msg}", catalog=where)
        raise JsonSyntaxError(
            f"{display}:{error.lineno}:{error.colno}: {error.msg}", finding
        ) from None
    except RecursionError:
        raise UnusableInput(f"{display}: nested too deeply to be a catalog") from None


def _branch_errors(context: list[Any]) -> list[Any]:
    """For anyOf/oneOf: the errors of the branches whose type fits the value, which say what
    is actually wrong ('does not match pattern'), rather than 'is not of type null'."""
    fitting = [error for error in context if error.validator != "type"]
    return fitting or context


_PATTERN_DISAGREEMENT = re.compile(r"\\u001[c-fC-F]")


def _schema_errors(data: Any) -> Iterator[Any]:
    from jsonschema import Draft202012Validator

    from provenance.schema import committed_catalog_schema

    return Draft202012Validator(committed_catalog_schema()).iter_errors(data)  # type: ignore[no-any-return]


def _oversized_numbers(data: Any) -> Iterator[tuple[list[str | int], OversizedNumber]]:
    """Where the document holds a number too long to read, and that number. A loop, not
    recursion: the document may nest as deep as json.loads allows."""
    pending: list[tuple[list[str | int], Any]] = [([], data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, OversizedNumber):
            yield path, value
        elif isinstance(value, dict):
            pending.extend(([*path, key], child) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend(
                ([*path, index], child) for index, child in reversed(list(enumerate(value)))
            )


def _schema_findings(loaded: LoadedCatalog) -> list[Finding]:
    from jsonschema.exceptions import best_match

    findings = [
        SCHEMA_RULE.finding(
            f"{number!r}: too long to read (at most {MAX_NUMBER_CHARS}); no catalog value "
            "is a number",
            catalog=loaded.locate(join_pointer(path)),
        )
        for path, number in _oversized_numbers(loaded.data)
    ]
    for error in _schema_errors(loaded.data):
        shown = best_match(_branch_errors(error.context)) if error.context else error
        if isinstance(shown.instance, OversizedNumber):
            continue  # said above, in its own words
        pointer = join_pointer(list(shown.absolute_path))
        at_key = shown.validator == "additionalProperties"
        message = shown.message
        if shown.validator == "pattern":
            message = pattern_message(shown.instance, shown.validator_value)
        if at_key:
            known = list(shown.schema.get("properties", {}))
            extras = sorted(set(shown.instance) - set(known))
            if extras:
                pointer = join_pointer([*shown.absolute_path, extras[0]])
                message = f"unknown key {', '.join(repr(k) for k in extras)}"
                close = difflib.get_close_matches(extras[0], known, n=1)
                message += f" (did you mean {close[0]!r}?)" if close else ""
        findings.append(SCHEMA_RULE.finding(message, catalog=loaded.locate(pointer, key=at_key)))
    return findings


def load_catalog(path: Path, display: str | None = None) -> LoadedCatalog:
    """Read and structurally validate a catalog. Raises UnusableInput for exit-2 cases."""
    display = display if display is not None else str(path)
    text = read_text(path, display)
    _syntax_only, duplicated = parse_json(text, display, keep=False)
    loaded = LoadedCatalog(path=path, display=display, text=text, data=None, catalog=None)
    if duplicated:
        loaded.findings.extend(
            DUPLICATE_KEY_RULE.finding(
                f"key {pointer.rsplit('/', 1)[-1]!r} appears more than once in this object",
                catalog=loaded.locate(pointer, key=True),
            )
            for pointer in duplicate_keys(text)
        )
    # Fast path: strict pydantic agrees with the generated schema on valid input, except on
    # U+001C..U+001F, which Python's `\s` (the schema's patterns, via jsonschema) counts as
    # whitespace and pydantic's Rust `\s` does not: a catalog holding one is checked by the
    # schema too. (JSON holds them only escaped, so the escape is what to look for.)
    catalog: Catalog | None
    try:
        catalog = Catalog.model_validate_json(text, strict=True)
    except ValidationError:
        catalog = None
    if catalog is not None and _PATTERN_DISAGREEMENT.search(text):
        loaded.data = parse_json(text, display)[0]
        catalog = None if next(_schema_errors(loaded.data), None) is not None else catalog
    if catalog is None:
        if loaded.data is None:
            loaded.data = parse_json(text, display)[0]
        loaded.findings.extend(_schema_findings(loaded))
        if not any(f.code == SCHEMA_RULE.code for f in loaded.findings):
            # The schema accepted what pydantic refused: report pydantic's words rather than
            # pass an invalid catalog on.
            loaded.findings.extend(_pydantic_findings(loaded))
        return loaded
    if not loaded.findings:
        loaded.catalog = catalog
    return loaded


def _pydantic_findings(loaded: LoadedCatalog) -> list[Finding]:
    try:
        Catalog.model_validate_json(loaded.text, strict=True)
    except ValidationError as error:
        return [
            SCHEMA_RULE.finding(
                pattern_message(detail["input"], detail["ctx"]["pattern"])
                if detail["type"] == "string_pattern_mismatch"
                else detail["msg"],
                catalog=loaded.locate(join_pointer(list(detail["loc"]))),
            )
            for detail in error.errors()
        ]
    return []
