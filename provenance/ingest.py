"""Reading an article file to add: plain text, or a saved HTML page reduced to its text and
metadata. Offline only: the HTML is parsed here and handed to trafilatura and htmldate as a
tree, so that neither library ever sees a string it could take for a URL to fetch."""

from __future__ import annotations

import codecs
import copy
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.articles import MAX_ARTICLE_BYTES

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = (b"<!doctype html", b"<html")
_HTML_TAGS = re.compile(rb"<(?:head|body|article|meta|title|p|div)[\s>/]", re.I)
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
# The catalog's limits (models.Url, models.Name): page metadata beyond them is left out with
# a note rather than proposed into an entry the catalog would refuse.
MAX_URL = 2048
MAX_NAME = 300


# A charset declared near the top: <meta charset>, <meta http-equiv content="...; charset=">,
# or an XML declaration's encoding. Read from the bytes, which every such declaration writes
# in ASCII (a UTF-16 page's is found once the page is decoded, and is moot then).
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class IngestError(Exception):
    """The file cannot be added; the message says why, in one line."""


@dataclass(frozen=True)
class Metadata:
    """What a saved page says about itself. Every field is None when the page does not say."""

    title: str | None = None
    author: str | None = None
    date_published: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Document:
    """An article ready to be catalogued: its text as it will be stored, and its metadata."""

    source: Path
    text: str
    is_html: bool
    metadata: Metadata
    notes: tuple[str, ...] = ()  # what of the page's metadata was left out, and why


def read_bytes(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes, refusing folders, devices, empty and over-size files."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except OSError as error:
        raise IngestError(f"{path}: cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{path}: is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"{path}: is not a regular file (a device or a pipe?)")
    if info.st_size > max_bytes:
        raise IngestError(
            f"{path}: {info.st_size} bytes is over the {max_bytes}-byte limit for an article"
        )
    try:
        # O_NONBLOCK: a file swapped for a FIFO after the stat above cannot hang us.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(raw) > max_bytes:
        raise IngestError(f"{path}: over the {max_bytes}-byte limit for an article")
    if not raw.strip():
        raise IngestError(f"{path}: is empty; there is no article text to add")
    # UTF-16 holds NUL bytes in every ASCII character: told apart from a binary file here,
    # and its text checked for NULs once decoded.
    if b"\x00" in raw and _utf16(raw) is None:
        raise IngestError(f"{path}: is binary (it holds NUL bytes), not an article text")
    return raw


def _utf16(raw: bytes) -> str | None:
    """'utf-16' (with a BOM), 'utf-16-le' or 'utf-16-be' (without: most characters of an
    article or a page are ASCII, so one byte of most pairs is NUL), or None."""
    if raw.startswith(_UTF16_BOMS):
        return "utf-16"
    if len(raw) < 2 or len(raw) % 2:
        return None
    sample = raw[:4096]
    pairs = len(sample) // 2
    if sample[1::2].count(0) >= 0.6 * pairs and sample[0::2].count(0) == 0:
        return "utf-16-le"
    if sample[0::2].count(0) >= 0.6 * pairs and sample[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detected(raw: bytes) -> str | None:
    """The encoding charset-normalizer finds for the bytes, or None when nothing fits."""
    from charset_normalizer import from_bytes

    results = from_bytes(raw)
    best = results.best()
    if best is None:
        return None
    tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    # Short Western text often fits cp1250 as well as cp1252: the tie goes to cp1252, which
    # browsers read Latin-1 and ASCII labels as, the commonest legacy encoding of the web.
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return _codec(best.encoding)


def decode_page(path: Path, raw: bytes) -> tuple[str, str | None]:
    """A saved page's text and, when it is not read as it says, a note saying how it was.

    The declared charset is checked against the bytes: a page saved as Latin-1 that still
    says UTF-8 (or the reverse) would otherwise be stored with its letters changed.
    """
    if raw.startswith(codecs.BOM_UTF8):
        declared: str | None = "utf-8"
    elif (utf16 := _utf16(raw)) is not None:
        declared = utf16
    else:
        match = _DECLARED.search(raw[:4096])
        named = (match.group(1) or match.group(2)).decode("ascii") if match else None
        # An unknown name says nothing: the bytes are read as they are.
        declared = _codec(named) if named else None
    utf8 = _decodes(raw, "utf-8-sig")
    if declared is not None and declared.startswith("utf-16"):
        text = _decodes(raw, declared)
        if text is not None:
            return text, None
    elif declared in (None, "utf-8") and utf8 is not None:
        return utf8, None
    elif declared is not None and declared != "utf-8":
        text = _decodes(raw, declared)
        # A single-byte charset decodes any bytes, so it cannot be refuted by decoding; but
        # bytes that hold non-ASCII letters and are valid UTF-8 are UTF-8, whatever the page
        # says (Latin-1 text is almost never valid UTF-8 by chance).
        if utf8 is not None and not raw.isascii():
            return utf8, f"the page declares {declared} but its bytes are UTF-8: read as UTF-8"
        if text is not None:
            return text, None
    detected = _detected(raw)
    text = _decodes(raw, detected) if detected else None
    if detected is None or text is None:
        said = f"declares {declared} but its bytes are not that" if declared else "declares no"
        raise IngestError(
            f"{path}: the page {said} charset, and no encoding fits its bytes; save it as UTF-8"
        )
    if declared is None:
        return text, f"the page declares no charset and is not UTF-8: read as {detected} (detected)"
    return (
        text,
        f"the page declares {declared} but its bytes are not that: read as {detected} (detected)",
    )


def _decodes(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_like_html(path: Path, raw: bytes) -> bool:
    if path.suffix.lower() in _HTML_SUFFIXES:
        return True
    head = raw[:4096]
    utf16 = _utf16(raw)
    if utf16 is not None:
        head = raw[:8192].decode(utf16, errors="ignore").encode("utf-8")
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().lower().startswith(_HTML_START):
        return True
    # No doctype (a fragment, or a comment first): several block tags near the top.
    return len(_HTML_TAGS.findall(head)) >= 3


def normalise_text(text: str) -> str:
    """The text as stored: no BOM, \n line ends, no blank lines around it, one final newline.
    Nothing else changes: the copy keeps the words, spaces and characters it was given."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip("\n") + "\n"


def _decode_text(path: Path, raw: bytes) -> str:
    try:
        utf16 = _utf16(raw)
        return raw.decode(utf16) if utf16 else raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise IngestError(
            f"{path}: is not UTF-8 text (line {line}, byte {error.start}); "
            "convert it to UTF-8 or save the page as HTML"
        ) from None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _html_language(tree: Any) -> str | None:
    lang = _clean(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if lang is None or not _LANG.match(lang):
        return None
    return lang.split("-")[0].lower()


def extract_html(path: Path, raw: bytes) -> Document:
    """Body text and metadata of a saved page, with trafilatura and htmldate, offline."""
    from provenance.offline import import_urllib3_offline

    import_urllib3_offline()  # both import urllib3 (for downloads this module never asks for)
    import htmldate
    import trafilatura

    text, note = decode_page(path, raw)
    if "\x00" in text:
        raise IngestError(f"{path}: is binary (it holds NUL characters), not an article text")
    # Decoded here, so trafilatura does not guess again (it falls back to replacing what it
    # cannot decode); lxml refuses a str that still opens with an encoding declaration.
    tree = trafilatura.load_html(_XML_DECLARATION.sub("", text, count=1))
    if tree is None:
        raise IngestError(f"{path}: cannot be parsed as HTML")
    language = _html_language(tree)
    # htmldate first, on its own copy: trafilatura prunes the tree it is given. With a tree
    # (never a string) htmldate cannot mistake its input for a URL to download.
    published = htmldate.find_date(
        copy.deepcopy(tree), original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
    )
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
    )
    if document is None:
        raise IngestError(f"{path}: no article text was found in this page")
    data = document if isinstance(document, dict) else document.as_dict()
    body = data.get("text") or ""
    if not body.strip():
        raise IngestError(f"{path}: no article text was found in this page")
    title = _clean(data.get("title"))
    # The stored text opens with the headline, as a copied article would.
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    notes: list[str] = [note] if note else []
    url = _clean(data.get("url"))
    if url is not None and len(url) > MAX_URL:
        notes.append(
            f"the page's own address is {len(url)} characters long, over the catalog's "
            f"{MAX_URL}: left out (give --url)"
        )
        url = None
    author = _clean(data.get("author"))
    if author is not None:
        # trafilatura joins several authors with ';', as the proposal splits them again.
        names = [name.strip() for name in author.split(";")]
        kept = [name for name in names if name and len(name) <= MAX_NAME]
        if len(kept) < len([name for name in names if name]):
            notes.append(
                f"an author name in the page's metadata is over {MAX_NAME} characters long: "
                "left out"
            )
        author = "; ".join(kept) or None
    metadata = Metadata(
        title=title,
        author=author,
        date_published=published if isinstance(published, str) else None,
        site_name=_clean(data.get("sitename")),
        # fullmatch: `$` would also match before a final newline.
        url=url if url and _URL.fullmatch(url) else None,
        language=language,
    )
    return Document(
        source=path,
        text=normalise_text(body),
        is_html=True,
        metadata=metadata,
        notes=tuple(notes),
    )


def read_document(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Document:
    """Read FILE for `provenance add`, or raise IngestError saying why it cannot be added."""
    raw = read_bytes(path, max_bytes)
    if looks_like_html(path, raw):
        return extract_html(path, raw)
    text = normalise_text(_decode_text(path, raw))
    if "\x00" in text:
        raise IngestError(f"{path}: is binary (it holds NUL characters), not an article text")
    if not text.strip():
        raise IngestError(f"{path}: is empty; there is no article text to add")
    return Document(source=path, text=text, is_html=False, metadata=Metadata())
