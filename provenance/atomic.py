"""Writing a file so that readers see the old bytes or the new ones, never a mix: a temporary
file in the same folder, written, flushed and fsynced, then renamed over the target, then the
folder fsynced so the rename itself survives a power cut.

Temporary files are named ``.<target>.provenance-<pid>-<random>.tmp`` and their writer holds
an flock on them while it writes. A run killed mid-write (SIGKILL, a power cut: no handler
runs) leaves one behind; the next write into that folder recognises it by its name, finds its
lock free (the kernel drops a dead process's locks) and removes it. A file another live run is
writing is locked, so it is left alone.

A symlinked target is written through: the link stays and the file it names gets the bytes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# Files we create get the mode a plain open() would give them under the current umask.
_DEFAULT_MODE = 0o666
TEMPORARY_MARK = "provenance"
_TEMPORARY = re.compile(rf"^\..+\.{TEMPORARY_MARK}-(?P<pid>\d+)-[0-9a-f]+\.tmp$", re.DOTALL)
# A temporary file whose lock is free is stale when its writer's pid is gone, or (the pid
# reused, or of another machine's process) once this old: between creating the file and
# locking it a live writer leaves it unlocked for an instant.
UNLOCKED_STALE_SECONDS = 60
# Where locks are not supported (some network file systems): stale when the pid is gone, else
# only after this long.
STALE_SECONDS = 24 * 3600


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


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: the end of its symlinks (so that a link
    stays a link, as `open(path, "w")` would keep it), else ``path`` itself."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def temporary_name(target: Path) -> str:
    """A fresh temporary file name for ``target``, recognisable by remove_stale_temporaries."""
    return f".{target.name}.{TEMPORARY_MARK}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def is_temporary(name: str) -> bool:
    return _TEMPORARY.match(name) is not None


def _lock(descriptor: int, *, blocking: bool) -> bool | None:
    """Take an exclusive flock: True when taken, False when another holds it, None where
    flock is not supported."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, someone else's
    return True


def _stale(path: Path) -> bool:
    """Whether the temporary file ``path`` was left by a run that is no longer writing it."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return False  # another user's: not ours to remove
        match = _TEMPORARY.match(path.name)
        assert match is not None
        age = time.time() - info.st_mtime
        free = _lock(descriptor, blocking=False)
        if free is False:
            return False  # its writer is alive and writing
        limit = UNLOCKED_STALE_SECONDS if free else STALE_SECONDS
        return age > limit or not pid_alive(int(match.group("pid")))
    finally:
        os.close(descriptor)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove this tool's temporary files that interrupted runs left in ``folder``; the
    paths removed. Never raises: a folder that cannot be listed or written is left as it is."""
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(folder) if is_temporary(name)]
    except OSError:
        return removed
    for name in sorted(names):
        path = folder / name
        if _stale(path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[tuple[int, Path]]:
    """A new, locked, empty temporary file in ``target``'s folder (after the stale ones of
    killed runs are removed): its descriptor and path. The file is removed on any error. The
    caller closes the descriptor, after renaming the file over the target: the lock, which
    tells a live writer from a dead one, must be held until the name is gone."""
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temporary = folder / temporary_name(target)
        try:
            descriptor = os.open(temporary, flags, 0o600)
            break
        except FileExistsError:
            continue
    try:
        _lock(descriptor, blocking=True)  # ours alone, just created: waits an instant at most
        yield descriptor, temporary
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def target_mode(target: Path) -> int:
    """The mode the new file gets: the old file's, else what open() would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _umask_mode()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace (or create) ``path`` (through its symlinks) with ``data`` atomically. On any
    error the target is as it was and the temporary file is gone."""
    target = real_target(path)
    mode = target_mode(target)
    with temporary_beside(target) as (descriptor, temporary):
        try:
            os.fchmod(descriptor, mode)
            write_all(descriptor, data)
            os.fsync(descriptor)
            # Renamed while still locked: a cleaner that saw the name cannot take it for stale.
            os.replace(temporary, target)
        finally:
            os.close(descriptor)
    fsync_folder(target.parent)


_ADVICE = {
    errno.ENOSPC: "free some space and run it again",
    errno.EDQUOT: "free some space or ask for a larger quota, and run it again",
    errno.EROFS: "write somewhere writable, or remount the file system read-write",
    errno.EACCES: "check who may write there, or write somewhere else",
    errno.EPERM: "check who may write there, or write somewhere else",
}


def describe_write_error(
    path: Path | str, error: OSError, *, unchanged: str = "", doing: str = "cannot write"
) -> str:
    """One line for a write that failed: the path, what happened, what to do."""
    reason = error.strerror or str(error) or type(error).__name__
    advice = _ADVICE.get(error.errno or 0)
    what_to_do = f"; {advice}" if advice else ""
    tail = f" ({unchanged})" if unchanged else ""
    return f"{path}: {doing}: {reason}{what_to_do}{tail}"
