"""Property-based hardening: whatever a catalog or an article holds, the tool ends cleanly.

- Any JSON document, and any mutation of the real catalog, through `validate` and `check`:
  exit 0, 1 or 2, never a traceback, one line on stderr for exit 2, and every finding
  pointing at a place that exists in the document (or at the parent of a missing key).
- The loader's fast path (strict pydantic) accepts exactly what the JSON Schema accepts.
- Any text through the evidence extractor: it ends, within a generous bound per megabyte,
  and every span quotes the text exactly at a line that exists.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from typer.testing import CliRunner

from provenance.cli import app
from provenance.evidence import extract
from provenance.evidence.model import Span
from provenance.models import Catalog, Id, LanguageTag, PartialDate, Url
from tests.conftest import ROOT

# The longer job (docs/security.md) raises the count: PROVENANCE_PROPERTY_EXAMPLES=1000.
SETTINGS = settings(
    max_examples=int(os.environ.get("PROVENANCE_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REAL = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
RUNNER = CliRunner()

# Finite floats only in documents: json.dumps would write NaN, which is not JSON (a separate
# test feeds NaN and Infinity literals as text).
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
# Strings shaped like the catalog's own values, so that mutations reach past the type checks.
CATALOG_LIKE = st.sampled_from(
    [
        "",
        "original",
        "translated",
        "https://example.org/a",
        "javascript:alert(1)",
        "2024-02-30",
        "2024-08-27T10:00:00Z",
        "2999-01-01",
        "en",
        "xx-YY",
        "../../etc/passwd",
        "/etc/passwd",
        "seeds",
        "kazpravda",
        "B",
        "generally-reliable",
        "T003",
        "\u202e\u200b",
        "kazpravda\n",  # Python's `$` matches before a final newline; ECMA's and pydantic's not
        "en\n",
        "2024-08-27\n",
        "٢٠٢٤-08-27",  # Arabic-Indic digits
        "9999-12",
        "https://example.org/x\x1cy",  # a separator: whitespace to Python's \\s, not to Rust's
        "\x1f",
        "0000",
        "2024-08-27T24:00Z",
        "2024-08-27T10:00:00+23:59",
        # Paths with no parts, and dots alone: '.' crashed the reader (issue 16).
        ".",
        "..",
        "./",
        ".//.",
        "seeds/..",
        "seeds/.",
        "/",
        "a\x00b",
        # Beyond the schema's lengths, and values Python's `$` passes before a newline.
        "https://example.org/" + "a" * 2100,
        "https://example.org/a\n",
        "a" * 81,
        "2024-13-45",
        "9999-12-31T23:59:60Z",
    ]
)
# Written as a bare number literal of 10,000 digits (json.dumps cannot write one: int() and
# str() refuse more than 4,300 digits), which crashed every command (issue 16).
HUGE = "\x00huge-number\x00"
HUGE_LITERALS = ["9" * 10_000, "-" + "1" * 4_301, "1." + "5" * 5_000 + "e3"]
JSON_VALUES = st.recursive(
    SCALARS | CATALOG_LIKE,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder with the seeds, so that mutated catalogs still find their texts."""
    root = tmp_path_factory.mktemp("hardening")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root


def _write(folder: Path, document: Any, huge: str = HUGE_LITERALS[0]) -> Path:
    path = folder / "sources.json"
    text = json.dumps(document, ensure_ascii=False, indent=2)
    path.write_text(text.replace(json.dumps(HUGE), huge), encoding="utf-8")
    return path


def _run_clean(command: str, path: Path) -> tuple[int, str]:
    """Run a command in process; assert the clean-ending contract; return (exit, stdout)."""
    result = RUNNER.invoke(app, [command, str(path), "--format", "json"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.output)
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ")
        assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
        assert result.stdout == ""
    else:
        json.loads(result.stdout)  # a whole document, not a torn one
    return result.exit_code, result.stdout


# --- paths into a document ---------------------------------------------------------------


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


REAL_PATHS = list(_paths(REAL))


def _get(document: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


def _resolve(document: Any, pointer: str) -> bool:
    """Whether a JSON pointer names a value in ``document``."""
    if pointer == "":
        return True
    for raw in pointer[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(document, dict) and token in document:
            document = document[token]
        elif isinstance(document, list) and token.isdigit() and int(token) < len(document):
            document = document[int(token)]
        else:
            return False
    return True


@st.composite
def mutated_catalogs(draw: st.DrawFn, huge: bool = False) -> Any:
    """The real catalog, mutated; with ``huge``, a value may become a 10,000-digit number
    (only for the tests that write the document with ``_write``)."""
    document = copy.deepcopy(REAL)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = list(_paths(document))
        path = draw(st.sampled_from(paths if draw(st.booleans()) else REAL_PATHS))
        try:
            parent = _get(document, path[:-1]) if path else None
            _get(document, path)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed it
        if path and not isinstance(parent, dict | list):
            continue  # an earlier mutation made the parent a string: its letters are no keys
        operation = draw(
            st.sampled_from(["replace", "plausible", "plausible", "delete", "add-key", "duplicate"])
        )
        if not path:
            if operation == "replace":
                document = draw(JSON_VALUES)
            continue
        last = path[-1]
        if operation == "replace":
            parent[last] = draw(JSON_VALUES)
        elif operation == "plausible":
            # A value of the kind the catalog holds, or the old one edited slightly: these
            # pass the type checks and reach the semantic checks and the rules.
            old = parent[last]
            if isinstance(old, str) and draw(st.booleans()):
                affix = draw(
                    st.sampled_from(["\n", " ", "\x1c", "\u200b", "\u202e", "x", "-", "/.."])
                )
                parent[last] = old + affix if draw(st.booleans()) else affix + old
            elif huge and draw(st.integers(0, 9)) == 0:
                parent[last] = HUGE
            else:
                parent[last] = draw(CATALOG_LIKE)
        elif operation == "delete":
            del parent[last]
        elif operation == "add-key":
            target = parent[last]
            if isinstance(target, dict):
                target[draw(st.text(min_size=1, max_size=12))] = draw(JSON_VALUES)
            else:
                parent[last] = {"unexpected": target}
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[last] = [parent[last], copy.deepcopy(parent[last])]
    return document


# --- validate and check on arbitrary documents ------------------------------------------------


@SETTINGS
@given(document=JSON_VALUES)
def test_any_json_document_ends_cleanly(folder: Path, document: Any) -> None:
    path = _write(folder, document)
    for command in ("validate", "check"):
        code, _ = _run_clean(command, path)
        assert code != 0 or Catalog.model_validate(document)


@SETTINGS
@given(text=st.text(max_size=200) | st.sampled_from(["NaN", "[Infinity]", "-Infinity", "{"]))
def test_any_text_as_a_catalog_ends_cleanly(folder: Path, text: str) -> None:
    path = folder / "sources.json"
    path.write_text(text, encoding="utf-8")
    for command in ("validate", "check"):
        _run_clean(command, path)


@SETTINGS
@given(document=mutated_catalogs(huge=True), huge=st.sampled_from(HUGE_LITERALS))
def test_mutated_catalog_validate_ends_cleanly_with_real_pointers(
    folder: Path, document: Any, huge: str
) -> None:
    path = _write(folder, document, huge)
    code, stdout = _run_clean("validate", path)
    if code == 2:
        return
    report = json.loads(stdout)
    assert report["valid"] == (code == 0)
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    for finding in report["findings"]:
        where = finding["catalog"]
        pointer = where["pointer"]
        parent = pointer.rsplit("/", 1)[0] if pointer else ""
        assert _resolve(document, pointer) or _resolve(document, parent), finding
        assert 1 <= where["line"] <= lines and where["column"] >= 1, finding


@SETTINGS
@given(document=mutated_catalogs(huge=True), huge=st.sampled_from(HUGE_LITERALS))
def test_mutated_catalog_check_ends_cleanly(folder: Path, document: Any, huge: str) -> None:
    path = _write(folder, document, huge)
    _run_clean("check", path)


ARTICLE_PATHS = st.sampled_from(["", ".", "..", "./", ".//.", "/", "seeds/..", "seeds/."]) | (
    st.lists(
        st.sampled_from([".", "..", "", "seeds", "x", "\\", " ", "C:", "\u202e"]), max_size=4
    ).map("/".join)
)


@settings(SETTINGS, max_examples=40)
@given(name=ARTICLE_PATHS, index=st.integers(0, len(REAL["articles"]) - 1))
def test_any_article_path_of_dots_and_slashes_ends_cleanly(
    folder: Path, name: str, index: int
) -> None:
    """Every command that reads the texts, on a file path made of dots, slashes and blanks:
    the shapes the random mutations above did not reach before issue 16."""
    document = copy.deepcopy(REAL)
    document["articles"][index]["file"] = name
    path = _write(folder, document)
    for command in ("validate", "check"):
        code, _ = _run_clean(command, path)
        assert code in (1, 2) or name.startswith("seeds/"), (command, code)
    result = RUNNER.invoke(app, ["report", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output


def _pattern(annotated: Any) -> str:
    return next(m.pattern for m in annotated.__metadata__ if getattr(m, "pattern", None))


# Values the schema's own patterns allow, drawn from those patterns: dates that are not on the
# calendar ('2024-02-30', '0000', Arabic-Indic digits), odd URLs, unknown outlet ids.
SHAPED = {
    "datePublished": st.from_regex(_pattern(PartialDate), fullmatch=True),
    "dateRetrieved": st.from_regex(_pattern(PartialDate), fullmatch=True),
    "url": st.from_regex(_pattern(Url), fullmatch=True).filter(lambda u: len(u) <= 2048),
    "publisher": st.sampled_from([o["id"] for o in REAL["outlets"]])
    | st.from_regex(_pattern(Id), fullmatch=True),
    "inLanguage": st.from_regex(_pattern(LanguageTag), fullmatch=True),
}


@st.composite
def shaped_catalogs(draw: st.DrawFn) -> Any:
    document = copy.deepcopy(REAL)
    for article in document["articles"]:
        for hop in [*article["chain"], article["copy"]]:
            for key, values in SHAPED.items():
                if (key in hop or key != "dateRetrieved") and draw(st.booleans()):
                    if key == "dateRetrieved" and hop is not article["copy"]:
                        continue
                    hop[key] = draw(values)
    return document


@settings(SETTINGS, max_examples=20)
@given(document=shaped_catalogs())
def test_schema_shaped_values_reach_the_rules_and_end_cleanly(folder: Path, document: Any) -> None:
    """Values that pass the schema but not the calendar or the registry run every rule."""
    path = _write(folder, document)
    code, stdout = _run_clean("validate", path)
    assert code in (0, 1)
    codes = {f["code"] for f in json.loads(stdout)["findings"]}
    assert "C001" not in codes or any(value.endswith("\n") for value in _strings(document)), codes
    _run_clean("check", path)
    result = RUNNER.invoke(app, ["report", str(path), "--format", "json"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield key
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


@settings(max_examples=200, deadline=None)
@given(document=mutated_catalogs())
def test_the_loader_accepts_exactly_what_the_schema_accepts(document: Any) -> None:
    """load_catalog trusts strict pydantic on its fast path; it must never pass a catalog the
    committed JSON Schema refuses (pydantic alone does, on U+001C..U+001F). The reverse is
    allowed in one known case, Python's `$` matching before a final newline ('en\\n' passes
    jsonschema's patterns, not pydantic's nor an ECMA-262 editor's): the loader then reports
    pydantic's error, so the catalog still fails.
    """
    from jsonschema import Draft202012Validator

    from provenance.loader import load_catalog
    from provenance.schema import committed_catalog_schema

    text = json.dumps(document, ensure_ascii=False)
    schema_errors = list(Draft202012Validator(committed_catalog_schema()).iter_errors(document))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sources.json"
        path.write_text(text, encoding="utf-8")
        loaded = load_catalog(path)
    refused = any(f.code == "C001" for f in loaded.findings)
    assert refused == (loaded.catalog is None)
    if schema_errors:
        assert refused, [e.message for e in schema_errors][:3]
    elif refused:
        assert any(value.endswith("\n") for value in _strings(document)), loaded.findings[:3]


# --- the evidence extractor on arbitrary text ---------------------------------------------------

REGISTRIES = Catalog.model_validate(REAL)
ANY_CHARACTER = st.characters(exclude_categories=["Cs"])
HOSTILE_PIECES = st.sampled_from(
    [
        "\u202e",  # right-to-left override
        "\u200b",  # zero-width space
        "\u200f",  # right-to-left mark
        "\ufeff",
        "\x00",
        "\r",
        "\r\n",
        "\x0b\x0c\x1c\x85\u2028\u2029",  # what str.splitlines() also calls a line end
        "\t",
        "By ",
        "Translated from ",
        "“",
        "”",
        '"',
        "«",
        "said",
        "—",
        "©",
        "Reuters",
        "Kazakhstanskaya Pravda",
        "www.",
        ".com",
        "August 27, 2024",
        "\n\n",
    ]
)
TEXTS = st.lists(
    st.text(ANY_CHARACTER, max_size=40)
    | HOSTILE_PIECES
    | st.builds(lambda c, n: c * n, st.sampled_from("a .“-\n\u200b"), st.integers(0, 20_000)),
    max_size=30,
).map("".join)

# Generous: the seeds run at well under a second per megabyte; this catches a blow-up
# (quadratic behaviour), not a slow machine; CPU time, so other jobs on the machine do not count.
SECONDS_PER_MB = 30.0
SECONDS_FLOOR = 5.0


def _spans(value: Any) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _spans(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _spans(getattr(value, name))


def _reader_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


@SETTINGS
@given(text=TEXTS)
def test_extractor_ends_with_exact_spans_on_any_text(text: str) -> None:
    started = time.process_time()
    evidence = extract(text, REGISTRIES.outlets, REGISTRIES.people)
    elapsed = time.process_time() - started
    megabytes = len(text.encode("utf-8", "surrogatepass")) / 1e6
    assert elapsed < SECONDS_FLOOR + SECONDS_PER_MB * megabytes
    lines = max(_reader_lines(text), 1)
    assert evidence.line_count == _reader_lines(text)
    for span in _spans(evidence):
        assert text[span.start : span.end] == span.text, span
        assert 1 <= span.line <= lines, (span, lines)
        line_start = text.rfind("\n", 0, span.start) + 1
        assert span.column == span.start - line_start + 1, span


def test_extractor_on_one_huge_line() -> None:
    """A 1 MB line with no line end (a minified page pasted whole) ends within the bound."""
    text = ("Lorem “ipsum” dolor, said Reuters; via www.example.com \u200b\u202e " * 40_000)[
        :1_000_000
    ]
    started = time.process_time()
    evidence = extract(text, REGISTRIES.outlets, REGISTRIES.people)
    assert time.process_time() - started < SECONDS_FLOOR + SECONDS_PER_MB * 1
    assert evidence.line_count == 1
    for span in _spans(evidence):
        assert text[span.start : span.end] == span.text
