"""Writing a report: atomically to a file, or to stdout."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from provenance.atomic import (
    describe_write_error,
    fsync_folder,
    real_target,
    target_mode,
    temporary_beside,
)


class OutputError(Exception):
    """The report was not written; the message is one line naming the file and what to do."""


def write_atomic(text: str | Iterable[str], path: Path) -> None:
    """Write ``text`` (UTF-8; a string or its pieces in order) to ``path`` so that readers see
    the old file or the whole new one; a symlink is written through.

    The temporary file is made in the same folder (``os.replace`` is atomic only within one
    filesystem), named so that a later run removes it if this one is killed (atomic.py), and
    flushed to disk before it replaces the target.
    """
    target = real_target(path)
    mode = target_mode(target)  # keep the permissions a user gave the existing report
    with temporary_beside(target) as (descriptor, temporary):
        try:
            handle = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        except BaseException:
            os.close(descriptor)
            raise
        with handle:
            for piece in _pieces(text):
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(temporary, mode)
            # Renamed before the close drops the lock (see atomic.temporary_beside).
            os.replace(temporary, target)
    fsync_folder(target.parent if str(target.parent) else Path("."))


# Pieces joined into one write: a write per finding of a large catalog (761k pieces at
# 100,000 articles) cost 0.9 s to a pipe, a write per thousand 0.2 s.
PIECES_PER_WRITE = 1000


def _pieces(text: str | Iterable[str]) -> Iterator[str]:
    if isinstance(text, str):
        yield text
        return
    pieces = iter(text)
    while batch := list(islice(pieces, PIECES_PER_WRITE)):
        yield "".join(batch)


def write_output(text: str | Iterable[str], path: Path | str | None) -> None:
    """Write the report to ``path``, or to stdout when ``path`` is None or '-'."""
    if path is None or str(path) == "-":
        sys.stdout.writelines(_pieces(text))
        sys.stdout.flush()
        return
    if _is_special(Path(path)):
        # `-o /dev/null`, a named pipe, /dev/stdout: written through, never replaced (a
        # rename would put a regular file in place of the device, as root).
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(_pieces(text))
        return
    write_atomic(text, Path(path))


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is something other than a file or a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def overwritten_input(
    output: Path | str | None,
    catalog: Path,
    articles: Iterable[str] = (),
    others: Iterable[Path] = (),
) -> str | None:
    """What ``output`` would overwrite among the files the run read (the catalog, its
    article texts, ``others`` such as the configuration), described; None when nothing.
    Compared by real path: a rename replaces a name, so only the same name (through
    symlinks) destroys an input, never a hard link's other name."""
    if output is None or str(output) == "-":
        return None
    target = Path(os.path.realpath(output))
    if target == Path(os.path.realpath(catalog)):
        return "the catalog"
    for other in others:
        if target == Path(os.path.realpath(other)):
            return f"{other}, which this run reads"
    folder = Path(os.path.realpath(catalog)).parent
    if folder not in target.parents:
        return None  # article texts all lie inside the catalog's folder
    from provenance.articles import resolve_inside

    for file in articles:
        real = resolve_inside(folder, file)
        if isinstance(real, Path) and Path(os.path.realpath(real)) == target:
            return f"the text of an article ({file})"
    return None


def write_report(
    text: str | Iterable[str],
    output: Path | str | None,
    catalog: Path,
    articles: Iterable[str] = (),
    others: Iterable[Path] = (),
) -> None:
    """write_output, refusing to overwrite what the run read; raises OutputError."""
    clash = overwritten_input(output, catalog, articles, others)
    if clash is not None:
        raise OutputError(
            f"-o {output}: that is {clash}; not overwriting it, write the report elsewhere"
        )
    try:
        write_output(text, output)
    except OSError as error:
        if output is None or str(output) == "-":
            reason = error.strerror or str(error)
            raise OutputError(f"standard output: cannot write: {reason}") from None
        raise OutputError(
            describe_write_error(output, error, unchanged="no file was changed")
        ) from None
