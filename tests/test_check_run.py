"""run_check as a library call: it leaves the interpreter as it found it, and a large
catalog's findings come out the same in serial and in the worker pool."""

from __future__ import annotations

import contextlib
import gc
import pickle
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import provenance.check
from provenance.articles import MAX_ARTICLE_BYTES
from provenance.check import ArticleTexts, CheckResult, article_display_paths, run_check
from provenance.digesting import PARALLEL_THRESHOLD, DigestJob
from provenance.loader import UnusableInput, load_catalog
from tests.conftest import ROOT


def _collector_state_after(call: Callable[[], object]) -> bool:
    with contextlib.suppress(UnusableInput):
        call()
    return gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_restored(enabled: bool, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    calls = (
        lambda: run_check(ROOT / "sources.json"),
        lambda: run_check(tmp_path / "broken.json"),  # not JSON: Invalid, a C000 finding
    )
    try:
        for call in calls:
            gc.enable() if enabled else gc.disable()
            assert _collector_state_after(call) is enabled
            assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_the_pool_and_the_serial_path_agree(pooled_catalog: Path) -> None:
    """Enough articles to take the pool; the findings, grades and shared passages are those
    of the same catalog checked in this process."""
    pooled = run_check(pooled_catalog, jobs=2)
    assert gc.get_freeze_count() == 0  # what was frozen for the workers is thawed
    serial = run_check(pooled_catalog, jobs=1)
    assert isinstance(pooled, CheckResult) and isinstance(serial, CheckResult)
    assert len(pooled.articles) > PARALLEL_THRESHOLD
    assert [asdict(f) for f in pooled.findings] == [asdict(f) for f in serial.findings]
    assert pooled.articles == serial.articles and pooled.shared == serial.shared


def test_work_done_in_the_process_aside_is_the_same(
    pooled_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pointers located and passages found in the process aside (a forked one) are those
    found in this process."""
    serial = run_check(pooled_catalog, jobs=1)
    monkeypatch.setattr(provenance.check, "MINIMUM_WORK", 0)
    aside = run_check(pooled_catalog, jobs=2)
    assert isinstance(serial, CheckResult) and isinstance(aside, CheckResult)
    assert [asdict(f) for f in aside.findings] == [asdict(f) for f in serial.findings]
    assert aside.shared == serial.shared and aside.articles == serial.articles
    assert any(s.kind == "passage" for s in serial.shared)
    assert any(f.catalog is not None and f.catalog.line > 0 for f in serial.findings)


@settings(max_examples=400, deadline=None)
@given(
    catalog=st.sampled_from(
        ["sources.json", "./s.json", "dir/s.json", "/s.json", "/a/b/s.json", "../up/s.json"]
    ),
    file=st.lists(st.sampled_from(["a", "b.txt", ".", "..", "", "/", "é", "x y"]), max_size=6).map(
        "".join
    ),
)
def test_article_paths_are_shown_as_pathlib_shows_them(catalog: str, file: str) -> None:
    """Plain paths are joined as strings for speed: the same as pathlib's, whatever the path."""
    parent = PurePosixPath(Path(catalog).parent.as_posix())
    expected = str(PurePosixPath(file)) if str(parent) == "." else str(parent / file)
    assert article_display_paths(catalog, [file]) == [expected]


def test_what_the_process_aside_holds_survives_pickling() -> None:
    """Where processes are spawned, not forked (macOS; Python 3.14's default), the catalog
    and the reuse input are pickled to the process aside: the texts can still be read."""
    loaded = load_catalog(ROOT / "sources.json")
    assert loaded.catalog is not None
    job = DigestJob(loaded.catalog, loaded.folder, [], (), MAX_ARTICLE_BYTES)
    texts = ArticleTexts(job)
    copied = pickle.loads(pickle.dumps((loaded, texts)))
    assert copied[1](0) == texts(0) and texts(0)
    assert copied[0].locate("/articles/0") == loaded.locate("/articles/0")
