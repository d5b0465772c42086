"""The digest cache: a warm check gives what a cold one gives, reads the cache instead of
extracting again, recomputes exactly what changed, and survives a broken or hostile cache."""

from __future__ import annotations

import json
import shutil
import sqlite3
from array import array
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

import provenance.digesting
from provenance import digest_cache
from provenance.check import CheckResult, run_check
from provenance.digest_cache import FILE_NAME, CacheLocation, prepare
from provenance.digesting import PARALLEL_THRESHOLD
from provenance.digests import Digest, Placement, decode, encode
from provenance.findings import Family, Finding, Location, Severity
from tests.conftest import run_provenance


def _outcome(result: object) -> tuple[Any, ...]:
    assert isinstance(result, CheckResult)
    return (
        [asdict(finding) for finding in result.findings],
        result.articles,
        result.shared,
        result.name_variants,
    )


@pytest.fixture
def cache(tmp_path: Path) -> CacheLocation:
    location = CacheLocation(tmp_path / "cache")
    prepare(location)
    return location


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts extracted from in this process (jobs=1): what the cache did not answer."""
    seen: list[str] = []
    real = provenance.digesting.extract

    def counting(text: str, *args: Any) -> Any:
        seen.append(text)
        return real(text, *args)

    monkeypatch.setattr(provenance.digesting, "extract", counting)
    return seen


def _stored(cache: CacheLocation) -> int:
    with sqlite3.connect(cache.file) as connection:
        count: int = connection.execute("SELECT count(*) FROM digests").fetchone()[0]
    connection.close()
    return count


def test_a_warm_check_reads_the_cache_and_gives_the_cold_result(
    repo_copy: Path, cache: CacheLocation, extractions: list[str]
) -> None:
    uncached = _outcome(run_check(repo_copy, jobs=1))
    extractions.clear()
    cold = _outcome(run_check(repo_copy, jobs=1, cache=cache))
    assert len(extractions) == 5 and _stored(cache) == 5
    extractions.clear()
    warm = _outcome(run_check(repo_copy, jobs=1, cache=cache))
    assert extractions == []
    assert warm == cold == uncached


def test_the_worker_pool_fills_the_cache(pooled_catalog: Path, cache: CacheLocation) -> None:
    cold = _outcome(run_check(pooled_catalog, jobs=2, cache=cache))
    assert _stored(cache) > PARALLEL_THRESHOLD
    assert _outcome(run_check(pooled_catalog, jobs=2, cache=cache)) == cold
    assert cold == _outcome(run_check(pooled_catalog, jobs=1))


def test_the_workers_take_what_the_cache_holds(pooled_catalog: Path, cache: CacheLocation) -> None:
    """With the pool, the workers look the digests up and the main process decodes them:
    an entry altered in the cache (a well-formed one) shows in the findings."""
    run_check(pooled_catalog, jobs=2, cache=cache)
    marker = "a message only the cache holds"
    with sqlite3.connect(cache.file) as connection:
        rows = connection.execute("SELECT key, value FROM digests").fetchall()
        for key, value in rows:
            findings, *rest = json.loads(value)
            findings = [[*finding[:4], marker, *finding[5:]] for finding in findings]
            altered = json.dumps([findings, *rest])
            connection.execute("UPDATE digests SET value = ? WHERE key = ?", (altered, key))
    connection.close()
    warm = run_check(pooled_catalog, jobs=2, cache=cache)
    assert isinstance(warm, CheckResult)
    from_cache = [finding for finding in warm.findings if finding.message == marker]
    assert len(from_cache) > PARALLEL_THRESHOLD


def _rewrite(catalog: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(catalog.read_text(encoding="utf-8"))
    change(data)
    catalog.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def test_moved_entries_and_a_moved_catalog_take_their_digests_along(
    repo_copy: Path, cache: CacheLocation, extractions: list[str], tmp_path: Path
) -> None:
    run_check(repo_copy, jobs=1, cache=cache)
    moved = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(repo_copy.parent / "seeds", moved / "seeds")
    shutil.copy(repo_copy, moved / "catalog.json")
    _rewrite(moved / "catalog.json", lambda data: data["articles"].reverse())
    extractions.clear()
    warm = _outcome(run_check(moved / "catalog.json", jobs=1, cache=cache))
    assert extractions == []
    # Every pointer and file is the moved catalog's, as a check without the cache gives.
    assert warm == _outcome(run_check(moved / "catalog.json", jobs=1))


def test_only_what_changed_is_computed_again(
    repo_copy: Path, cache: CacheLocation, extractions: list[str]
) -> None:
    run_check(repo_copy, jobs=1, cache=cache)
    data = json.loads(repo_copy.read_text(encoding="utf-8"))
    changed = repo_copy.parent / data["articles"][2]["file"]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    extractions.clear()
    run_check(repo_copy, jobs=1, cache=cache)
    assert extractions == [changed.read_text(encoding="utf-8")]

    _rewrite(repo_copy, lambda data: data["articles"][0].update(headline="Another headline"))
    extractions.clear()
    run_check(repo_copy, jobs=1, cache=cache)
    assert len(extractions) == 1

    # The registries shape every article's evidence: a new outlet name recomputes them all.
    _rewrite(repo_copy, lambda data: data["outlets"][0].update(name="Renamed Outlet"))
    extractions.clear()
    warm = _outcome(run_check(repo_copy, jobs=1, cache=cache))
    assert len(extractions) == 5
    assert warm == _outcome(run_check(repo_copy, jobs=1))


def test_a_selection_of_rules_has_digests_of_its_own(
    repo_copy: Path, cache: CacheLocation, extractions: list[str]
) -> None:
    from provenance.config import Config

    run_check(repo_copy, jobs=1, cache=cache)
    extractions.clear()
    only_dates = _outcome(run_check(repo_copy, Config(select=("D",)), jobs=1, cache=cache))
    assert len(extractions) == 5
    assert only_dates == _outcome(run_check(repo_copy, Config(select=("D",)), jobs=1))


def test_tampered_entries_are_computed_again(
    repo_copy: Path, cache: CacheLocation, extractions: list[str]
) -> None:
    expected = _outcome(run_check(repo_copy, jobs=1, cache=cache))
    garbage = [
        '"a string"',
        "[",
        "[]",
        "[[],null,[],null,null]",
        '[[["X","x","dates","error","m",null,"",[],null]],null,[],null,null]',
    ]
    with sqlite3.connect(cache.file) as connection:
        keys = [row[0] for row in connection.execute("SELECT key FROM digests")]
        for key, value in zip(keys, garbage, strict=True):
            connection.execute("UPDATE digests SET value = ? WHERE key = ?", (value, key))
    connection.close()
    extractions.clear()
    # "[[],null,[],null,null]" is well formed (an article with no findings): it is taken as such.
    result = _outcome(run_check(repo_copy, jobs=1, cache=cache))
    assert len(extractions) == 4
    assert result != expected  # the well-formed lie is believed: the cache is trusted data
    extractions.clear()
    shutil.rmtree(cache.directory)
    prepare(cache)
    assert _outcome(run_check(repo_copy, jobs=1, cache=cache)) == expected


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "{}",
        "[[],null]",
        '[[],null,[["Name",true,1]]]',  # a bool where a line number goes
        '[[],["not base64!",[]],[]]',
        '[[],["AAAA",[]],[]]',  # three bytes: not whole int64 values
        '[[["A001","n","no-such-family","error","m",null,"",[],null,null]],null,[]]',
        '[[["A001","n","dates","error","m",null,"",[[1,2]],null,null]],null,[]]',
    ],
)
def test_malformed_entries_decode_to_nothing(encoded: str) -> None:
    assert decode(encoded, Placement("/articles/3", "seeds/a.txt")) is None


def _finding(catalog: Location | None, evidence: tuple[Location, ...] = ()) -> Finding:
    return Finding("A001", "name", Family.DATES, Severity.ERROR, "m", "a", catalog, evidence)


def test_findings_placed_outside_their_article_are_not_kept() -> None:
    placement = Placement("/articles/3", "seeds/a.txt")
    here = Location("", 0, 0, pointer="/articles/3/copy")
    kept = Digest(None, (_finding(here, (Location("seeds/a.txt", 4, 2, snippet="x"),)),), None, ())
    assert decode(encode(kept, placement) or "", placement) == kept
    assert decode(encode(kept, placement) or "", Placement("/articles/9", "b.txt")) == Digest(
        None,
        (
            _finding(
                Location("", 0, 0, pointer="/articles/9/copy"),
                (Location("b.txt", 4, 2, snippet="x"),),
            ),
        ),
        None,
        (),
    )
    elsewhere = [
        _finding(Location("", 0, 0, pointer="/articles/30/copy")),
        _finding(Location("sources.json", 3, 1, pointer="/articles/3")),
        _finding(None),
        _finding(here, (Location("seeds/other.txt", 1, 1),)),
    ]
    for finding in elsewhere:
        assert encode(Digest(None, (finding,), None, ()), placement) is None


def test_the_command_line_keeps_its_cache_outside_the_catalog_folder(
    repo_copy: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sorted(p.name for p in repo_copy.parent.iterdir())
    cache_dir = tmp_path_factory.mktemp("named") / "cache"
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(cache_dir))
    first = run_provenance("check", str(repo_copy))
    second = run_provenance("check", str(repo_copy))
    assert first.returncode == second.returncode and first.stdout == second.stdout
    assert first.stderr == second.stderr == ""
    assert (cache_dir / FILE_NAME).is_file() and (cache_dir / "CACHEDIR.TAG").is_file()
    assert sorted(p.name for p in repo_copy.parent.iterdir()) == before

    unused = cache_dir.parent / "unused"
    uncached = run_provenance("check", str(repo_copy), "--no-cache", "--cache-dir", str(unused))
    assert uncached.stdout == first.stdout and not unused.exists()


@pytest.mark.parametrize("breakage", ["a file in the way", "not a database"])
def test_an_unusable_cache_is_a_warning_not_a_failure(
    repo_copy: Path, tmp_path: Path, breakage: str
) -> None:
    cache_dir = tmp_path / "cache"
    if breakage == "a file in the way":
        cache_dir.write_text("not a folder", encoding="utf-8")
    else:
        cache_dir.mkdir()
        (cache_dir / FILE_NAME).write_bytes(b"\x00garbage" * 512)
    expected = run_provenance("check", str(repo_copy), "--no-cache")
    result = run_provenance("check", str(repo_copy), "--cache-dir", str(cache_dir))
    assert (result.returncode, result.stdout) == (expected.returncode, expected.stdout)
    warning = result.stderr.strip().splitlines()
    assert (
        len(warning) == 1 and warning[0].startswith("warning: ") and "cache not used" in warning[0]
    )
    assert "Traceback" not in result.stderr


def test_unused_entries_are_pruned(repo_copy: Path, cache: CacheLocation) -> None:
    with sqlite3.connect(cache.file) as connection:
        connection.executemany(
            "INSERT INTO digests VALUES (?, ?)",
            ((i.to_bytes(32, "big"), "[]") for i in range(1100)),
        )
    connection.close()
    run_check(repo_copy, jobs=1, cache=cache)
    assert _stored(cache) == 5


def test_a_cache_that_cannot_be_written_loses_no_finding(
    repo_copy: Path, cache: CacheLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = digest_cache._connect

    def read_only(location: CacheLocation, *, read_only: bool) -> sqlite3.Connection:
        if not read_only:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(location, read_only=read_only)

    monkeypatch.setattr(digest_cache, "_connect", read_only)
    warnings: list[str] = []
    result = _outcome(run_check(repo_copy, jobs=1, cache=cache, warn=warnings.append))
    assert result == _outcome(run_check(repo_copy, jobs=1))
    assert len(warnings) == 1 and "readonly database" in warnings[0]
    assert _stored(cache) == 0


def test_a_locked_cache_is_skipped_with_one_warning(
    repo_copy: Path, cache: CacheLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digest_cache, "_BUSY_SECONDS", 0.05)
    holder = sqlite3.connect(cache.file)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        warnings: list[str] = []
        result = _outcome(run_check(repo_copy, jobs=1, cache=cache, warn=warnings.append))
    finally:
        holder.rollback()
        holder.close()
    assert result == _outcome(run_check(repo_copy, jobs=1))
    assert len(warnings) == 1 and "locked" in warnings[0]


def test_a_cache_that_fails_during_the_run_is_asked_once(
    repo_copy: Path, cache: CacheLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache that became unreadable after the first look (locked by another run, say) is
    not asked again for every article: each question would wait out the busy timeout."""
    run_check(repo_copy, jobs=1, cache=cache)
    asked: list[bytes] = []

    def failing(self: digest_cache.Lookup, key: bytes) -> str | None:
        asked.append(key)
        raise digest_cache.CacheUnavailable("digests.sqlite: cache not used: database is locked")

    monkeypatch.setattr(digest_cache.Lookup, "get", failing)
    result = _outcome(run_check(repo_copy, jobs=1, cache=cache, warn=lambda message: None))
    assert len(asked) == 1
    assert result == _outcome(run_check(repo_copy, jobs=1))


def test_no_home_folder_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from provenance.commands.common import digest_cache

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("PROVENANCE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert digest_cache(None, no_cache=False) is None
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "home directory" in warning[0]


def test_a_data_file_of_the_package_is_part_of_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import provenance

    copy = tmp_path / "provenance"
    shutil.copytree(Path(provenance.__file__).parent, copy)
    monkeypatch.setattr(provenance, "__file__", str(copy / "__init__.py"))
    fingerprints = []
    for change in (b"", b" "):
        with (copy / "catalog.schema.json").open("ab") as schema:
            schema.write(change)
        digest_cache.code_fingerprint.cache_clear()
        fingerprints.append(digest_cache.code_fingerprint())
    digest_cache.code_fingerprint.cache_clear()
    assert fingerprints[0] != fingerprints[1]


def test_anchors_and_language_travel_through_the_cache() -> None:
    placement = Placement("/articles/3", "seeds/a.txt")
    digest = Digest(None, (), None, (), anchors=array("q", [-5, 0, 4, 7, 10, 14]), language="ru")
    assert decode(encode(digest, placement) or "", placement) == digest


@pytest.mark.parametrize(
    "encoded",
    [
        '[[],null,[],"AAAAAAAAAAA=",null]',  # anchors not in whole triples
        "[[],null,[],null,7]",  # a language that is no text
    ],
)
def test_malformed_anchors_decode_to_nothing(encoded: str) -> None:
    assert decode(encoded, Placement("/articles/3", "seeds/a.txt")) is None
