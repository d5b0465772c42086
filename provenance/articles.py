"""Reading article texts named by the catalog, without ever leaving the catalog's folder."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath

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

    def _real_directory(self, relative: PurePath) -> str:
        key = relative.as_posix()
        if key not in self._directories:
            self._directories[key] = str((self.root / relative).resolve(strict=False))
        return self._directories[key]

    def resolve(self, relative: str) -> Path | ArticleProblem:
        """The real path of ``relative`` under the folder, refusing anything that leaves it."""
        if "\x00" in relative:
            return ArticleProblem("the path holds a NUL character", outside=True)
        candidate = PurePath(relative)
        if candidate.is_absolute() or relative.startswith(("/", "\\")) or ":" in candidate.parts[0]:
            return ArticleProblem(
                f"{relative!r} is an absolute path; use one relative to the catalog", True
            )
        if ".." in candidate.parts:
            return ArticleProblem(
                f"{relative!r} climbs out of the catalog's folder with '..'", True
            )
        # Strings, not Path objects, on the way: a large catalog resolves every file twice
        # (validate, then check), and pathlib's parsing cost more than the reads.
        try:
            real = os.path.join(self._real_directory(candidate.parent), candidate.name)
            if os.path.islink(real):
                real = str(Path(real).resolve(strict=False))
        except (OSError, RuntimeError):
            return ArticleProblem(f"{relative!r} cannot be resolved (a symlink loop?)")
        if real != self._root and not real.startswith(self._inside):
            return ArticleProblem(
                f"{relative!r} is a symlink that leads out of the catalog's folder", True
            )
        return Path(real)

    def read(self, relative: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str | ArticleProblem:
        return _read_resolved(self.resolve(relative), relative, max_bytes)


def resolve_inside(folder: Path, relative: str) -> Path | ArticleProblem:
    """The real path of ``relative`` under ``folder``, refusing anything that leaves it."""
    return ArticleReader(folder).resolve(relative)


def read_article(
    folder: Path, relative: str, max_bytes: int = MAX_ARTICLE_BYTES
) -> str | ArticleProblem:
    """The article's text (BOM dropped, line ends normalised to \\n), or why it cannot be read."""
    return _read_resolved(resolve_inside(folder, relative), relative, max_bytes)


def _read_resolved(
    resolved: Path | ArticleProblem, relative: str, max_bytes: int
) -> str | ArticleProblem:
    if isinstance(resolved, ArticleProblem):
        return resolved
    try:
        info = resolved.stat()
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
            raw = handle.read(max_bytes + 1)
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
    return text.replace("\r\n", "\n").replace("\r", "\n")
