"""Reading article texts named by the catalog, without ever leaving the catalog's folder."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

MAX_ARTICLE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ArticleProblem:
    """Why an article file cannot be used; ``outside`` when it points out of the folder."""

    message: str
    outside: bool = False


class ArticleReader:
    """Reads article files under one folder; each directory's real path is resolved once,
    so that a large catalog does not walk the same path components for every file."""

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()
        self._root = str(self.root)
        self._inside = os.path.join(self._root, "")  # the root with a separator after it
        self._directories: dict[str, str] = {}

    def _real_directory(self, relative: str) -> str:
        """The real path of the folder ``relative`` (POSIX-style, '.' for the root)."""
        if relative not in self._directories:
            self._directories[relative] = str((self.root / relative).resolve(strict=False))
        return self._directories[relative]

    def resolve(self, relative: str) -> Path | ArticleProblem:
        """The real path of ``relative`` under the folder, refusing anything that leaves it."""
        real = self._real_path(relative)
        return real if isinstance(real, ArticleProblem) else Path(real)

    def read(self, relative: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str | ArticleProblem:
        return _read_resolved(self._real_path(relative), relative, max_bytes)

    def _real_path(self, relative: str) -> str | ArticleProblem:
        # Strings, not Path objects, on the way: a large catalog resolves every file three
        # times (validate, check, the re-reading of shared passages), and pathlib's parsing
        # cost more than the reads.
        if "\x00" in relative:
            return ArticleProblem("the path holds a NUL character", outside=True)
        split = _plain_split(relative) or _checked_split(relative)
        if isinstance(split, ArticleProblem):
            return split
        folder, name = split
        try:
            real = os.path.join(self._real_directory(folder), name)
            if os.path.islink(real):
                real = str(Path(real).resolve(strict=False))
        except (OSError, RuntimeError):
            return ArticleProblem(f"{relative!r} cannot be resolved (a symlink loop?)")
        if real != self._root and not real.startswith(self._inside):
            return ArticleProblem(
                f"{relative!r} is a symlink that leads out of the catalog's folder", True
            )
        return real


def _plain_split(relative: str) -> tuple[str, str] | None:
    """(folder, name) of a path pathlib would leave as it is and accept ('texts/a.txt'), told
    by splitting the string; None for any other, which goes through pathlib."""
    if os.name != "posix" or relative.startswith("\\"):
        return None
    parts = relative.split("/")
    if "" in parts or "." in parts or ".." in parts or ":" in parts[0]:
        return None
    folder, _slash, name = relative.rpartition("/")
    return folder or ".", name


def _checked_split(relative: str) -> tuple[str, str] | ArticleProblem:
    """(folder, name) of ``relative`` as pathlib reads it, or why it leaves the folder."""
    if not relative:
        return ArticleProblem("the path is empty")
    candidate = PurePath(relative)
    if not candidate.parts:
        # '.' or './' (pathlib drops the dots): the catalog's folder itself, which the reader
        # then refuses as a folder, and which a setting naming a folder may mean.
        return ".", ""
    if candidate.is_absolute() or relative.startswith(("/", "\\")) or ":" in candidate.parts[0]:
        return ArticleProblem(
            f"{relative!r} is an absolute path; use one relative to the catalog", True
        )
    if ".." in candidate.parts:
        return ArticleProblem(f"{relative!r} climbs out of the catalog's folder with '..'", True)
    return candidate.parent.as_posix(), candidate.name


def resolve_inside(folder: Path, relative: str) -> Path | ArticleProblem:
    """The real path of ``relative`` under ``folder``, refusing anything that leaves it."""
    return ArticleReader(folder).resolve(relative)


def read_article(
    folder: Path, relative: str, max_bytes: int = MAX_ARTICLE_BYTES
) -> str | ArticleProblem:
    """The article's text (BOM dropped, line ends normalised to \\n), or why it cannot be read."""
    return ArticleReader(folder).read(relative, max_bytes)


def _read_resolved(
    resolved: str | ArticleProblem, relative: str, max_bytes: int
) -> str | ArticleProblem:
    if isinstance(resolved, ArticleProblem):
        return resolved
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        return ArticleProblem(f"{relative!r} does not exist")
    except OSError as error:
        return ArticleProblem(f"{relative!r} cannot be read: {error.strerror or error}")
    if stat.S_ISDIR(info.st_mode):
        return ArticleProblem(f"{relative!r} is a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):
        return ArticleProblem(f"{relative!r} is not a regular file (a device or a pipe?)")
    if info.st_size > max_bytes:
        return ArticleProblem(
            f"{relative!r} is {info.st_size} bytes, over the {max_bytes}-byte limit for an article"
        )
    try:
        # O_NOFOLLOW|O_NONBLOCK: a file swapped for a symlink or a FIFO after the checks above
        # still cannot make us read outside the folder or hang.
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(resolved, flags)
        with os.fdopen(descriptor, "rb") as handle:
            raw = _read_up_to(handle, max_bytes + 1, info.st_size)
    except OSError as error:
        return ArticleProblem(f"{relative!r} cannot be read: {error.strerror or error}")
    if len(raw) > max_bytes:
        return ArticleProblem(f"{relative!r} is over the {max_bytes}-byte limit for an article")
    if b"\x00" in raw:
        return ArticleProblem(f"{relative!r} is binary (it holds NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return ArticleProblem(f"{relative!r} is not valid UTF-8 (line {line}, byte {error.start})")
    # Each replace scans the text even when it finds nothing: most texts have no \r at all.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _read_up_to(handle: BinaryIO, limit: int, size: int) -> bytes:
    """The file's first ``limit`` bytes (all of it when shorter), asking first for the
    ``size`` it had when checked: a buffered read allocates all it is asked for, and asking
    for the limit (50 MB) each time cost more than reading the article."""
    raw = handle.read(min(size + 1, limit))
    if len(raw) == size + 1 < limit:  # it has grown since: read on, up to the limit
        raw += handle.read(limit - len(raw))
    return raw
