"""The lock that serializes writers of one catalog, without a lock file in the user's folder.

On POSIX the lock is an flock on the catalog's folder itself: nothing is created, every user
who can read the folder takes the same lock, and the kernel frees it when its holder dies
(even by SIGKILL). Where a folder cannot be locked (Windows; some network file systems refuse
flock on a read-only descriptor), a lock file in a private folder of the temporary directory
stands in, named by a hash of the catalog's real path, so that it never litters a repository.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """Another writer held the lock for the whole timeout."""


class LockUnavailable(Exception):
    """The lock could not be taken at all; the message says why."""


def lock_file_for(catalog: Path) -> Path:
    """The stand-in lock file of ``catalog``: outside its folder, private to this user."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"provenance-locks-{uid}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()
    # A shared temporary directory: a folder planted by someone else (or a symlink) is not used.
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        raise OSError(errno.EPERM, f"{folder} is not this user's own folder")
    name = hashlib.sha256(str(catalog.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{name[:32]}.lock"


def _acquire_folder(folder: Path, timeout: float) -> int:
    import fcntl

    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise LockUnavailable(f"{folder}: {error.strerror or error}") from None
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(descriptor)
                raise LockTimeout from None
            time.sleep(POLL_SECONDS)
        except OSError as error:
            os.close(descriptor)
            raise LockUnavailable(f"{folder}: {error.strerror or error}") from None


@contextlib.contextmanager
def _folder_flock(folder: Path, timeout: float) -> Iterator[None]:
    descriptor = _acquire_folder(folder, timeout)
    try:
        yield
    finally:
        import fcntl

        # Unlocked explicitly, not by closing: a child forked meanwhile shares the descriptor's
        # lock, which a close here would leave held until that child exits.
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


@contextlib.contextmanager
def _file_lock(catalog: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    try:
        lock = FileLock(str(lock_file_for(catalog)), timeout=timeout)
        lock.acquire()
    except Timeout:
        raise LockTimeout from None
    except OSError as error:
        raise LockUnavailable(f"cannot lock {catalog}: {error.strerror or error}") from None
    try:
        yield
    finally:
        lock.release()


def _can_flock(folder: Path) -> bool:
    if sys.platform == "win32":
        return False
    import fcntl

    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        # A shared lock probes support without excluding anyone for more than an instant.
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True  # supported: another writer holds it now
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return True


def catalog_lock(catalog: Path, timeout: float) -> contextlib.AbstractContextManager[None]:
    """Held while ``catalog`` is re-read and replaced. Entering raises LockTimeout after
    ``timeout``, LockUnavailable when the lock cannot be taken at all."""
    folder = catalog.resolve().parent
    if _can_flock(folder):
        return _folder_flock(folder, timeout)
    return _file_lock(catalog, timeout)
