"""Reading an article file to add: plain text, or a saved HTML page reduced to its text and
metadata. Offline only: the HTML is parsed here and handed to trafilatura and htmldate as a
tree, so that neither library ever sees a string it could take for a URL to fetch."""

from __future__ import annotations

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
    if b"\x00" in raw:
        raise IngestError(f"{path}: is binary (it holds NUL bytes), not an article text")
    return raw


def looks_like_html(path: Path, raw: bytes) -> bool:
    if path.suffix.lower() in _HTML_SUFFIXES:
        return True
    head = raw[:4096]
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
        return raw.decode("utf-8-sig")
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

    tree = trafilatura.load_html(raw)
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
    notes: list[str] = []
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
    if not text.strip():
        raise IngestError(f"{path}: is empty; there is no article text to add")
    return Document(source=path, text=text, is_html=False, metadata=Metadata())
