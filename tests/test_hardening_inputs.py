"""Malformed values a catalog or an option can hold end as a finding or one line, never a
traceback (issue 16, item 0): paths with no parts, numbers too long for int(), odd URLs and
ids given to `add`, and `seeds` settings that name no usable folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.articles import ArticleProblem, ArticleReader
from provenance.cli import app
from provenance.jsonpos import MAX_NUMBER_CHARS, OversizedNumber, PositionIndex
from tests.conftest import ROOT

RUNNER = CliRunner()
REAL = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
ADD_FIXTURES = Path(__file__).parent / "fixtures" / "add"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _invoke(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args[0]} raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def _findings(path: Path, command: str = "validate") -> list[dict[str, Any]]:
    code, stdout, stderr = _invoke(command, str(path), "--format", "json")
    assert code == 1, (code, stdout, stderr)
    findings: list[dict[str, Any]] = json.loads(stdout)["findings"]
    return findings


# --- article paths with no parts ------------------------------------------------------------


@pytest.mark.parametrize("name", [".", "./", ".//.", "seeds/.."])
def test_an_article_file_with_no_parts_is_a_finding_in_every_command(
    folder: Path, name: str
) -> None:
    document = json.loads(json.dumps(REAL))
    document["articles"][0]["file"] = name
    path = folder / "sources.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    for command in ("validate", "check"):
        about_file = [
            f for f in _findings(path, command) if f["catalog"]["pointer"] == "/articles/0/file"
        ]
        assert [f["code"] for f in about_file] in (["C006"], ["C007"]), about_file
    code, stdout, _stderr = _invoke("report", str(path), "--format", "json")
    assert code in (0, 1) and json.loads(stdout)
    assert '"C006"' in stdout or '"C007"' in stdout


def test_the_reader_takes_dot_for_the_folder_and_refuses_an_empty_path(tmp_path: Path) -> None:
    reader = ArticleReader(tmp_path)
    assert reader.resolve(".") == tmp_path.resolve()
    assert reader.read(".") == ArticleProblem("'.' is a folder, not a text file")
    assert reader.read("") == ArticleProblem("the path is empty")
    assert isinstance(reader.read(".."), ArticleProblem) and reader.read("..").outside  # type: ignore[union-attr]


# --- numbers too long for int() -----------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["9" * 10_000, "-" + "7" * 10_000, "1." + "5" * 10_000 + "e3", "1e" + "9" * 5000]
)
def test_a_10000_digit_number_is_a_schema_error_at_its_line_and_column(
    folder: Path, number: str
) -> None:
    document = json.loads(json.dumps(REAL))
    document["articles"][1]["copy"]["url"] = "PLACEHOLDER"
    text = json.dumps(document, indent=2).replace('"PLACEHOLDER"', number)
    path = folder / "sources.json"
    path.write_text(text, encoding="utf-8")
    offset = text.index(number)
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    for command in ("validate", "check"):
        findings = _findings(path, command)
        at = [f for f in findings if f["catalog"]["pointer"] == "/articles/1/copy/url"]
        assert len(at) == 1, findings
        assert at[0]["code"] == "C001"
        assert f"{len(number)} characters long" in at[0]["message"]
        assert (at[0]["catalog"]["line"], at[0]["catalog"]["column"]) == (line, column)
    code, stdout, stderr = _invoke("report", str(path))
    assert code == 1 and "no report written" in stderr
    assert f"{line}:{column}: /articles/1/copy/url: a number" in stdout + stderr


def test_a_huge_number_under_the_catalog_itself_is_located(folder: Path) -> None:
    text = json.dumps(REAL, indent=2).replace("{", '{"big": ' + "1" * 10_000 + ",", 1)
    path = folder / "sources.json"
    path.write_text(text, encoding="utf-8")
    findings = _findings(path)
    assert {(f["catalog"]["pointer"], f["catalog"]["line"]) for f in findings} == {("/big", 1)}
    columns = sorted(f["catalog"]["column"] for f in findings)
    assert columns == [2, 9]  # the unknown key, then the number


def test_numbers_up_to_the_limit_are_read_as_numbers() -> None:
    from provenance.loader import parse_json

    short = "9" * MAX_NUMBER_CHARS
    assert parse_json(f"[{short}, 1.5]", "x")[0] == [int(short), 1.5]
    assert parse_json(f"[{short}9]", "x")[0] == [OversizedNumber(MAX_NUMBER_CHARS + 1)]
    index = PositionIndex('{"a": ' + "9" * 5000 + ', "b": 1}')
    assert (index.value("/b").line, index.value("/b").column) == (1, 5014)


# --- `add`: odd options, page metadata beyond the catalog's limits, odd `seeds` -------------


@pytest.fixture
def add_catalog(tmp_path: Path) -> Path:
    shutil.copytree(ADD_FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


def _add(catalog: Path, file: Path, *options: str) -> tuple[int, str, str]:
    return _invoke("add", str(file), str(catalog), "--dry-run", *options)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "https://example.com/" + "a" * 2100,
            "2120 characters long; the catalog takes at most 2048",
        ),
        ("https://example.com/a\n", "is not an absolute http(s) URL"),
        ("https://example.com/a b", "is not an absolute http(s) URL"),
        ("ftp://example.com/a", "is not an absolute http(s) URL"),
    ],
)
def test_an_odd_url_option_is_one_line(add_catalog: Path, url: str, words: str) -> None:
    before = add_catalog.read_bytes()
    code, _stdout, stderr = _add(add_catalog, ADD_FIXTURES / "ferry-wire.txt", "--url", url)
    assert code == 2 and stderr.startswith("error: --url ") and stderr.count("\n") == 1, stderr
    assert words in stderr and len(stderr) < 300
    assert add_catalog.read_bytes() == before


@pytest.mark.parametrize("article_id", ["abc\n", "ABC", "", "a" * 81, "-a"])
def test_an_odd_id_option_is_one_line(add_catalog: Path, article_id: str) -> None:
    code, _stdout, stderr = _add(add_catalog, ADD_FIXTURES / "ferry-wire.txt", "--id", article_id)
    assert code == 2 and stderr.startswith("error: --id ") and stderr.count("\n") == 1, stderr


def _page(tmp_path: Path, old: str, new: str) -> Path:
    page = tmp_path / "page.html"
    text = (ADD_FIXTURES / "coastal-herald-ferry.html").read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")
    return page


def test_a_page_address_over_the_limit_is_left_out_with_a_note(
    add_catalog: Path, tmp_path: Path
) -> None:
    long_url = "https://www.thecoastalherald.co.uk/" + "a" * 2100
    page = _page(
        tmp_path,
        "https://www.thecoastalherald.co.uk/news/2025/03/island-ferry-service-cut",
        long_url,
    )
    code, stdout, stderr = _add(add_catalog, page)
    assert code == 0, stderr
    assert "note: the page's own address is 2135 characters long" in stdout
    assert long_url not in stdout
    # Given on the command line instead, the page's address is not needed.
    code, stdout, _ = _add(add_catalog, page, "--url", "https://www.thecoastalherald.co.uk/n/1")
    assert code == 0 and '"url": "https://www.thecoastalherald.co.uk/n/1"' in stdout


def test_a_page_author_over_the_limit_is_left_out_with_a_note(
    add_catalog: Path, tmp_path: Path
) -> None:
    page = _page(tmp_path, "Eilidh MacLeod", "Bob " * 100)
    code, stdout, stderr = _add(add_catalog, page)
    assert code == 0, stderr
    assert "note: an author name in the page's metadata is over 300 characters long" in stdout
    assert "Bob Bob Bob" not in stdout.split("Findings for")[0].split("note:")[0]


@pytest.mark.parametrize(
    ("seeds", "words"),
    [
        ("", "the path is empty"),
        ("sources.json", "sources.json is a file, not a folder"),
        ("sources.json/texts", "sources.json is a file, not a folder"),
        ("../elsewhere", "climbs out"),
        ("b/" * 600, "the proposed entry is invalid at file"),
    ],
)
def test_a_seeds_setting_naming_no_usable_folder_is_one_line(
    add_catalog: Path, seeds: str, words: str
) -> None:
    (add_catalog.parent / "pyproject.toml").write_text(
        f"[tool.provenance]\nseeds = {json.dumps(seeds)}\n", encoding="utf-8"
    )
    before = sorted(add_catalog.parent.rglob("*"))
    code, _stdout, stderr = _invoke(
        "add", str(ADD_FIXTURES / "ferry-wire.txt"), str(add_catalog), "--yes"
    )
    assert code == 2 and stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
    assert words in stderr
    assert sorted(add_catalog.parent.rglob("*")) == before


def test_seeds_dot_puts_the_text_beside_the_catalog(add_catalog: Path) -> None:
    (add_catalog.parent / "pyproject.toml").write_text(
        '[tool.provenance]\nseeds = "."\n', encoding="utf-8"
    )
    code, _stdout, stderr = _invoke(
        "add", str(ADD_FIXTURES / "ferry-wire.txt"), str(add_catalog), "--yes", "--id", "ferry-1"
    )
    assert code == 0, stderr
    entry = json.loads(add_catalog.read_text(encoding="utf-8"))["articles"][-1]
    assert entry["id"] == "ferry-1" and "/" not in entry["file"]
    assert (add_catalog.parent / entry["file"]).is_file()


# --- a saved page's encoding, checked against its bytes -----------------------------------------

ACCENTED = "Résidents of the outer îslands café naïve"


def _encoded_page(tmp_path: Path, name: str, encoding: str, declared: str | None) -> Path:
    text = (ADD_FIXTURES / "coastal-herald-ferry.html").read_text(encoding="utf-8")
    text = text.replace("Residents of the outer islands", ACCENTED)
    meta = '<meta charset="utf-8">'
    text = text.replace(meta, f'<meta charset="{declared}">' if declared else "")
    page = tmp_path / name
    page.write_bytes(text.encode(encoding))
    return page


@pytest.mark.parametrize(
    ("encoding", "declared", "note"),
    [
        ("utf-8", "utf-8", None),
        ("latin-1", "iso-8859-1", None),
        ("utf-16", "utf-8", None),  # with a BOM: the BOM is what counts
        ("utf-16-le", "utf-16", None),  # without a BOM
        ("utf-16-be", None, None),
        ("latin-1", "utf-8", "declares utf-8 but its bytes are not that: read as cp1252"),
        ("latin-1", None, "declares no charset and is not UTF-8: read as cp1252"),
        ("utf-8", "iso-8859-1", "declares iso8859-1 but its bytes are UTF-8"),
    ],
)
def test_a_page_is_read_in_the_encoding_its_bytes_are_in(
    tmp_path: Path, encoding: str, declared: str | None, note: str | None
) -> None:
    from provenance.ingest import read_document

    document = read_document(_encoded_page(tmp_path, "page.html", encoding, declared))
    assert ACCENTED in document.text
    assert "\ufffd" not in document.text
    encoding_notes = [n for n in document.notes if "declares" in n]
    if note is None:
        assert encoding_notes == []
    else:
        assert len(encoding_notes) == 1 and note in encoding_notes[0], encoding_notes


def test_a_cyrillic_page_that_claims_utf8_is_read_as_detected(tmp_path: Path) -> None:
    from provenance.ingest import read_document

    text = (ADD_FIXTURES / "coastal-herald-ferry.html").read_text(encoding="utf-8")
    words = "Жители островов получат паром три раза в неделю, сообщил оператор"
    page = tmp_path / "page.html"
    page.write_bytes(text.replace("Residents of the outer islands", words).encode("cp1251"))
    document = read_document(page)
    assert words in document.text
    assert document.notes == (
        "the page declares utf-8 but its bytes are not that: read as cp1251 (detected)",
    )


def test_a_utf16_text_file_is_read_and_a_binary_one_refused(tmp_path: Path) -> None:
    from provenance.ingest import IngestError, read_document

    plain = tmp_path / "wire.txt"
    plain.write_bytes("Résidents said the ferry is late.\nA second line.\n".encode("utf-16"))
    assert read_document(plain).text == "Résidents said the ferry is late.\nA second line.\n"
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(IngestError, match="binary"):
        read_document(binary)


def test_a_page_no_encoding_fits_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance import ingest

    monkeypatch.setattr(ingest, "_detected", lambda raw: None)
    page = _encoded_page(tmp_path, "page.html", "latin-1", "utf-8")
    with pytest.raises(ingest.IngestError) as raised:
        ingest.read_document(page)
    assert str(raised.value) == (
        f"{page}: the page declares utf-8 but its bytes are not that charset, and no "
        "encoding fits its bytes; save it as UTF-8"
    )


def test_add_stores_the_letters_of_a_latin1_page_that_claims_utf8(
    add_catalog: Path, tmp_path: Path
) -> None:
    page = _encoded_page(tmp_path, "page.html", "latin-1", "utf-8")
    code, stdout, stderr = _invoke("add", str(page), str(add_catalog), "--yes", "--id", "ferry-l1")
    assert code == 0, stderr
    assert "note: the page declares utf-8 but its bytes are not that: read as cp1252" in stdout
    entry = json.loads(add_catalog.read_text(encoding="utf-8"))["articles"][-1]
    stored = (add_catalog.parent / entry["file"]).read_text(encoding="utf-8")
    assert ACCENTED in stored
