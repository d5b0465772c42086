"""Article digests kept between runs of `check`: a catalog checked again costs what changed.

An entry's key is a hash of everything its digest depends on: this code and the libraries
the extractors use, the rules that run, the size limit, the outlets and people registries,
the article's entry and its text. Any change to one of them is a different key, so an
entry is never stale, only unused; entries unused by a run are pruned once they outnumber
the used ones.

The store is one SQLite file (atomic transactions, safe with concurrent runs) in the
user's cache folder, never inside the catalog's folder: a cloned repository cannot bring a
cache that would hide findings. A cache that cannot be opened or written is skipped with
a warning; it never fails a check.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.request import pathname2url

import provenance
from provenance.atomic import write_atomic
from provenance.models import Catalog

ENVIRONMENT_VARIABLE = "PROVENANCE_CACHE_DIR"
FILE_NAME = "digests.sqlite"
# Bumped when the table or the encoding of digests changes.
FORMAT = 2
# Libraries whose behaviour shapes the evidence: a new version may find other things.
_LIBRARIES = ("py3langid", "rapidfuzz", "tldextract", "pydantic", "numpy")
# A reader waits this long for a writer's transaction to end before it gives up.
_BUSY_SECONDS = 5.0
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by provenance.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class CacheUnavailable(Exception):
    """The cache cannot be used; the message is one line naming the file."""


def default_directory() -> Path:
    """$PROVENANCE_CACHE_DIR, else $XDG_CACHE_HOME/provenance, else ~/.cache/provenance.
    Raises CacheUnavailable when none is set and there is no home folder."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = os.path.join(Path.home(), ".cache")
        except RuntimeError as error:  # no HOME and no password entry: some CI containers
            raise CacheUnavailable(f"cache not used: {error}") from error
    return Path(base) / "provenance"


@cache
def code_fingerprint() -> bytes:
    """This package's files (code and data) and the versions of what it relies on."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    package = Path(provenance.__file__).parent
    files = (path for path in package.rglob("*") if path.is_file())
    for path in sorted(path for path in files if "__pycache__" not in path.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library}={version}\0".encode())
    return digest.digest()


def run_context(catalog: Catalog, rule_codes: Iterable[str], max_article_bytes: int) -> bytes:
    """What every digest of one run depends on besides its own article."""
    digest = hashlib.sha256(code_fingerprint())
    digest.update(" ".join(sorted(rule_codes)).encode() + b"\0")
    digest.update(f"{max_article_bytes}\0".encode())
    registries = catalog.model_dump_json(include={"schema_version", "outlets", "people"})
    digest.update(registries.encode())
    return digest.digest()


def article_key(context: bytes, entry: str, text: str) -> bytes:
    """The key of one article's digest: the run's context, its entry (JSON), its text."""
    digest = hashlib.sha256(context)
    digest.update(entry.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.digest()


@dataclass(frozen=True)
class CacheLocation:
    directory: Path

    @property
    def file(self) -> Path:
        return self.directory / FILE_NAME


def _unavailable(location: CacheLocation, error: Exception) -> CacheUnavailable:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return CacheUnavailable(f"{location.file}: cache not used: {reason}")


def prepare(location: CacheLocation) -> None:
    """Create the cache file and its table if needed (in the main process, before workers
    open it for reading). Raises CacheUnavailable."""
    try:
        location.directory.mkdir(parents=True, exist_ok=True)
        tag = location.directory / "CACHEDIR.TAG"
        if not tag.exists():
            # Atomically: a tag cut short by a full disk would be kept as it is for good.
            write_atomic(tag, _CACHEDIR_TAG.encode("ascii"))
        with _connect(location, read_only=False) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version != FORMAT:
                connection.execute("DROP TABLE IF EXISTS digests")
                connection.execute(f"PRAGMA user_version = {FORMAT}")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS digests (key BLOB PRIMARY KEY, value TEXT NOT NULL)"
                " WITHOUT ROWID"
            )
        connection.close()
    except (OSError, sqlite3.Error) as error:
        raise _unavailable(location, error) from error


def _connect(location: CacheLocation, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"file:{pathname2url(str(location.file))}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=_BUSY_SECONDS, check_same_thread=False)
    return sqlite3.connect(location.file, timeout=_BUSY_SECONDS)


# Entries written in one transaction.
_BATCH = 500


class Lookup:
    """Reads stored encodings one key at a time, in the process that uses it (each worker
    opens its own connection: one is never shared across a fork)."""

    def __init__(self, location: CacheLocation) -> None:
        self.location = location
        self._connection: sqlite3.Connection | None = None

    def probe(self) -> None:
        """Raise CacheUnavailable now if the cache cannot be read (not a database, locked),
        so that a check warns once instead of finding every entry missing."""
        self._execute("SELECT key FROM digests LIMIT 1")
        self.close()

    def get(self, key: bytes) -> str | None:
        """The encoding stored under ``key``, if any. Raises CacheUnavailable."""
        rows = self._execute("SELECT value FROM digests WHERE key = ?", (key,))
        value = rows[0][0] if rows else None
        return value if isinstance(value, str) else None

    def _execute(self, statement: str, parameters: tuple[bytes, ...] = ()) -> list[tuple[object]]:
        try:
            if self._connection is None:
                self._connection = _connect(self.location, read_only=True)
            return self._connection.execute(statement, parameters).fetchall()
        except sqlite3.Error as error:
            raise _unavailable(self.location, error) from error

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class CacheWriter:
    """Stores digests as they are computed, a batch per transaction (the digests of 100,000
    articles are 300 MB of text: not to be held until the end), then prunes. It never
    raises: the first failure stops the writing, and ``finish`` returns it."""

    def __init__(self, location: CacheLocation) -> None:
        self.location = location
        self._pending: list[tuple[bytes, str]] = []
        self._connection: sqlite3.Connection | None = None
        self._failure: CacheUnavailable | None = None

    def add(self, key: bytes, encoded: str) -> None:
        if self._failure is None:
            self._pending.append((key, encoded))
            if len(self._pending) >= _BATCH:
                self._flush()

    def _flush(self) -> None:
        try:
            if self._connection is None:
                self._connection = _connect(self.location, read_only=False)
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO digests VALUES (?, ?)", self._pending
                )
        except (OSError, sqlite3.Error) as error:
            self._failure = _unavailable(self.location, error)
        self._pending.clear()

    def finish(self, used: Collection[bytes]) -> CacheUnavailable | None:
        """Store what is pending, prune entries unused by this run once they outnumber the
        used ones, and close; the failure that stopped the writing, if any."""
        if self._failure is None:
            self._flush()
        if self._failure is None and self._connection is not None:
            try:
                _prune(self._connection, used)
            except sqlite3.Error as error:
                self._failure = _unavailable(self.location, error)
        if self._connection is not None:
            self._connection.close()
        return self._failure


def _prune(connection: sqlite3.Connection, used: Collection[bytes]) -> None:
    with connection:
        stored = connection.execute("SELECT count(*) FROM digests").fetchone()[0]
        if stored > 2 * len(used) + 1000:
            connection.execute("CREATE TEMP TABLE used (key BLOB PRIMARY KEY)")
            connection.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in used))
            connection.execute("DELETE FROM digests WHERE key NOT IN (SELECT key FROM used)")
