"""Reading a file for `provenance add`: text, saved HTML (offline), and the refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.ingest import IngestError, looks_like_html, normalise_text, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "add"


def test_plain_text_is_kept_as_written() -> None:
    document = read_document(FIXTURES / "ferry-wire.txt")
    assert not document.is_html
    original = (FIXTURES / "ferry-wire.txt").read_text(encoding="utf-8")
    assert document.text == original.rstrip("\n") + "\n"
    assert document.metadata.title is None and document.metadata.url is None


def test_html_gives_body_title_author_site_url_language() -> None:
    document = read_document(FIXTURES / "coastal-herald-ferry.html")
    meta = document.metadata
    assert document.is_html
    assert meta.title == "Island ferry service cut to three sailings a week"
    assert meta.author == "Eilidh MacLeod"
    assert meta.site_name == "The Coastal Herald"
    assert meta.url == "https://www.thecoastalherald.co.uk/news/2025/03/island-ferry-service-cut"
    assert meta.language == "en"
    # The body, without navigation or footer, opening with the headline.
    assert document.text.startswith(meta.title)
    assert "chairs the island's community council" in document.text
    assert "Subscribe" not in document.text and "newsletter" not in document.text
    assert "<p>" not in document.text


def test_html_date_is_the_original_publication_not_the_update() -> None:
    # The page says published 2025-03-04 and modified 2025-03-11 (meta, JSON-LD and text).
    assert read_document(FIXTURES / "coastal-herald-ferry.html").metadata.date_published == (
        "2025-03-04"
    )
    assert read_document(FIXTURES / "digest-republished.html").metadata.date_published == (
        "2025-04-14"
    )


def test_html_title_prepended_when_body_lacks_it(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    paragraphs = "".join(
        f"<p>Paragraph {n} of the council's budget story, long enough to count as text "
        "for the extractor to keep it in the body.</p>"
        for n in range(6)
    )
    page.write_text(
        "<html><head><title>Council budget approved</title></head>"
        f"<body><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert document.text.startswith("Council budget approved\n\n")
    assert "Paragraph 5 of the council's budget story" in document.text


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    saved = tmp_path / "saved-page"
    saved.write_bytes((FIXTURES / "coastal-herald-ferry.html").read_bytes())
    assert looks_like_html(saved, saved.read_bytes())
    assert read_document(saved).metadata.site_name == "The Coastal Herald"
    plain = (FIXTURES / "ferry-wire.txt").read_bytes()
    assert not looks_like_html(Path("article.txt"), plain)


def test_a_url_in_an_html_file_is_never_fetched(tmp_path: Path) -> None:
    # Sockets are disabled in tests: a fetch would raise SocketBlockedError, not IngestError.
    page = tmp_path / "link.html"
    page.write_text("https://example.com/news/some-story\n", encoding="utf-8")
    with pytest.raises(IngestError):
        read_document(page)


@pytest.mark.parametrize("name", ["binary.png", "binary.txt"])
def test_binary_is_refused(name: str) -> None:
    with pytest.raises(IngestError, match="binary"):
        read_document(FIXTURES / name)


def test_empty_and_blank_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty"):
        read_document(FIXTURES / "empty.txt")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(IngestError, match="empty"):
        read_document(blank)


def test_over_size_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(IngestError, match="over the 100-byte limit"):
        read_document(big, max_bytes=100)
    assert read_document(big, max_bytes=500).text.startswith("word word")


def test_undecodable_is_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Ärger über die Fähre\n".encode("latin-1"))
    with pytest.raises(IngestError, match="not UTF-8"):
        read_document(latin)


def test_folder_and_missing_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="folder"):
        read_document(tmp_path)
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_normalise_text() -> None:
    assert normalise_text("\ufeff\nTitle  \r\nBody\r\r\n\r\n") == "Title  \nBody\n"
    assert normalise_text("Cafe\u0301") == "Cafe\u0301\n"  # the copy keeps its characters
