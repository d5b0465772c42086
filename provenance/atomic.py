"""Writing a file so that readers see the old bytes or the new ones, never a mix: a temporary
file in the same folder, written, flushed and fsynced, then renamed over the target, then the
folder fsynced so the rename itself survives a power cut."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

# Files we create get the mode a plain open() would give them under the current umask.
_DEFAULT_MODE = 0o666


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return _DEFAULT_MODE & ~mask


def write_all(descriptor: int, data: bytes) -> None:
    """os.write until every byte is down (it may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` atomically. On any error the target is as it
    was and the temporary file is gone."""
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _umask_mode()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            os.fchmod(descriptor, mode)
            write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    fsync_folder(folder)
