"""Writing an entry: atomic, locked, never half-written, the diff the entry alone."""

from __future__ import annotations

import difflib
import errno
import json
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from provenance import adding, atomic
from provenance.adding import AddRefused, add
from provenance.ingest import IngestError
from provenance.loader import load_catalog
from provenance.proposal import Options
from provenance.validate import validate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "add"


@pytest.fixture
def fixture_catalog(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path / "catalog" / "sources.json"


@pytest.fixture
def repo_catalog(tmp_path: Path) -> Path:
    (tmp_path / "repo").mkdir()
    shutil.copy(REPO / "sources.json", tmp_path / "repo" / "sources.json")
    shutil.copytree(REPO / "seeds", tmp_path / "repo" / "seeds")
    return tmp_path / "repo" / "sources.json"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_add(catalog: Path, file: Path, **options: str) -> adding.Plan:
    plan, written = add(
        catalog,
        file,
        Options(**options) if options else None,
    )
    assert written
    return plan


def test_add_text_writes_the_text_and_the_entry(fixture_catalog: Path) -> None:
    plan = run_add(fixture_catalog, FIXTURES / "ferry-wire.txt", outlet="harbour-digest")
    folder = fixture_catalog.parent
    stored = folder / plan.article.file
    assert stored.parent == folder / "seeds"
    assert stored.read_text(encoding="utf-8") == (FIXTURES / "ferry-wire.txt").read_text(
        encoding="utf-8"
    )
    loaded = load_catalog(fixture_catalog)
    assert validate(loaded).valid
    assert loaded.catalog is not None
    assert loaded.catalog.articles[-1] == plan.article
    assert plan.article.copy_held.publisher == "harbour-digest"


def test_add_html_stores_the_extracted_text(fixture_catalog: Path) -> None:
    plan = run_add(fixture_catalog, FIXTURES / "coastal-herald-ferry.html")
    article = plan.article
    assert article.copy_held.publisher == "coastal-herald"
    assert article.copy_held.date_published == "2025-03-04"
    assert article.copy_held.author == ["Eilidh MacLeod"]
    assert article.id == "coastal-herald-island-ferry-service-cut-to-three-sailings-a-week"
    stored = (fixture_catalog.parent / article.file).read_text(encoding="utf-8")
    assert "<" not in stored and stored.startswith("Island ferry service cut")


def test_seeds_folder_from_config(fixture_catalog: Path) -> None:
    folder = fixture_catalog.parent
    (folder / "pyproject.toml").write_text('[tool.provenance]\nseeds = "texts/new"\n')
    plan = run_add(fixture_catalog, FIXTURES / "windpark-translated.txt")
    assert plan.article.file.startswith("texts/new/")
    assert (folder / plan.article.file).is_file()
    (folder / "pyproject.toml").write_text('[tool.provenance]\nseeds = "../outside"\n')
    with pytest.raises(AddRefused, match="seeds"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")


def test_dry_run_and_declined_write_nothing(fixture_catalog: Path) -> None:
    before = snapshot(fixture_catalog.parent)
    plan, written = add(fixture_catalog, FIXTURES / "ferry-wire.txt", dry_run=True)
    assert not written and plan.article.file.startswith("seeds/")
    asked = []
    _, written = add(
        fixture_catalog,
        FIXTURES / "ferry-wire.txt",
        confirm=lambda shown: asked.append(shown.article.id) is not None,
    )
    assert not written and asked == [plan.article.id]
    assert snapshot(fixture_catalog.parent) == before


def test_repo_catalog_diff_is_the_new_entry_alone(repo_catalog: Path) -> None:
    old = repo_catalog.read_text(encoding="utf-8")
    plan = run_add(repo_catalog, FIXTURES / "windpark-translated.txt")
    new = repo_catalog.read_text(encoding="utf-8")
    # The new text is the old one plus one contiguous insertion per new object: the
    # proposed outlets at the end of the outlets, the entry at the end of the articles.
    # The only existing lines that change are closing braces that gain a comma.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    inserted = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old[i1:i2], new[j1:j2])
        if tag == "insert":
            inserted.append(new[j1:j2])
    expected = [o.model_dump(by_alias=True, mode="json") for o in plan.proposal.outlets]
    expected.append(plan.article.model_dump(by_alias=True, mode="json"))
    assert len(inserted) == len(expected)
    assert all(block.count("{") == block.count("}") for block in inserted)
    before, after = json.loads(old), json.loads(new)
    outlets = len(plan.proposal.outlets)
    assert after["outlets"][: len(before["outlets"])] == before["outlets"]
    assert after["outlets"][len(before["outlets"]) :] == expected[:outlets]
    assert after["articles"] == [*before["articles"], expected[-1]]
    assert new.endswith("\n") and validate(load_catalog(repo_catalog)).valid


def test_crash_between_write_and_rename_leaves_the_catalog(
    fixture_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(fixture_catalog.parent)
    real_replace = os.replace

    def crash(source: str, target: str | Path) -> None:
        if Path(target).name == "sources.json":
            raise OSError(errno.EIO, "simulated crash before the rename")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(AddRefused, match=r"sources\.json: cannot write: simulated crash"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    # The catalog is byte-identical, the text copied first was taken back, no temp files.
    assert snapshot(fixture_catalog.parent) == before


def test_crash_before_the_text_lands(
    fixture_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(fixture_catalog.parent)
    (fixture_catalog.parent / "pyproject.toml").write_text('[tool.provenance]\nseeds = "fresh"\n')
    before["pyproject.toml"] = (fixture_catalog.parent / "pyproject.toml").read_bytes()

    def crash(source: str, target: str | Path) -> None:
        raise OSError(errno.EIO, "simulated crash")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(AddRefused, match=r"\.txt: cannot write: simulated crash"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    assert snapshot(fixture_catalog.parent) == before
    assert not (fixture_catalog.parent / "fresh").exists()  # the folder made for it is gone


@pytest.mark.parametrize("target", ["sources.json", "text"])
def test_full_disk_during_the_write(
    fixture_catalog: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    before = snapshot(fixture_catalog.parent)
    real_write = atomic.write_all

    def fill_the_disk(descriptor: int, data: bytes) -> None:
        is_catalog = data.lstrip().startswith(b"{")
        if is_catalog == (target == "sources.json"):
            real_write(descriptor, data[: len(data) // 2])  # half lands, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(descriptor, data)

    monkeypatch.setattr(atomic, "write_all", fill_the_disk)
    with pytest.raises(AddRefused) as raised:
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    written = "sources.json" if target == "sources.json" else ".txt"
    assert f"{written}: cannot write: No space left on device; free some space" in str(raised.value)
    assert snapshot(fixture_catalog.parent) == before


def test_full_disk_at_fsync(fixture_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(fixture_catalog.parent)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(AddRefused, match="No space left on device"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    assert snapshot(fixture_catalog.parent) == before


def test_file_mode_is_kept(fixture_catalog: Path) -> None:
    fixture_catalog.chmod(0o640)
    run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    assert fixture_catalog.stat().st_mode & 0o777 == 0o640


def test_byte_order_mark_is_kept(fixture_catalog: Path) -> None:
    fixture_catalog.write_bytes(b"\xef\xbb\xbf" + fixture_catalog.read_bytes())
    run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    raw = fixture_catalog.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")


def _add_in_child(catalog: str, file: str, barrier: Any) -> None:
    barrier.wait()
    add(Path(catalog), Path(file))


def test_concurrent_adds_both_land(fixture_catalog: Path) -> None:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(3)
    files = [FIXTURES / "ferry-wire.txt", FIXTURES / "windpark-translated.txt"]
    children = [
        context.Process(target=_add_in_child, args=(str(fixture_catalog), str(f), barrier))
        for f in files
    ]
    for child in children:
        child.start()
    barrier.wait()
    for child in children:
        child.join(timeout=120)
        assert child.exitcode == 0
    loaded = load_catalog(fixture_catalog)
    assert validate(loaded).valid and loaded.catalog is not None
    stored = {
        (fixture_catalog.parent / a.file).read_text(encoding="utf-8")
        for a in loaded.catalog.articles
    }
    assert len(loaded.catalog.articles) == 3
    assert {f.read_text(encoding="utf-8") for f in files} <= stored


def test_writers_are_serialized_by_the_lock(fixture_catalog: Path) -> None:
    from provenance.locking import catalog_lock

    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    child = context.Process(
        target=_add_in_child,
        args=(str(fixture_catalog), str(FIXTURES / "ferry-wire.txt"), barrier),
    )
    before = fixture_catalog.read_bytes()
    with catalog_lock(fixture_catalog, timeout=5):
        child.start()
        barrier.wait()
        child.join(timeout=3)
        # Held here: the child waits and has written nothing.
        assert child.is_alive()
        assert fixture_catalog.read_bytes() == before
    child.join(timeout=120)
    assert child.exitcode == 0
    assert fixture_catalog.read_bytes() != before


def test_refusals_name_the_existing_entry(fixture_catalog: Path, tmp_path: Path) -> None:
    before = snapshot(fixture_catalog.parent)
    existing = "coastal-herald-harbour-dredging"
    with pytest.raises(AddRefused, match=f"id '{existing}' is already used"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt", article_id=existing)
    with pytest.raises(AddRefused, match=f"copy held by article '{existing}'"):
        run_add(
            fixture_catalog,
            FIXTURES / "ferry-wire.txt",
            url="https://WWW.thecoastalherald.co.uk/news/harbour-dredging/",
        )
    retyped = tmp_path / "same.txt"
    original = (fixture_catalog.parent / "seeds" / "harbour-dredging.txt").read_text()
    retyped.write_bytes(original.replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n")
    with pytest.raises(AddRefused, match=f"already in the catalog as article '{existing}'"):
        run_add(fixture_catalog, retyped)
    for name in ("binary.png", "empty.txt"):
        with pytest.raises(IngestError):
            run_add(fixture_catalog, FIXTURES / name)
    assert snapshot(fixture_catalog.parent) == before


def test_an_entry_that_would_invalidate_the_catalog_is_refused(fixture_catalog: Path) -> None:
    before = snapshot(fixture_catalog.parent)
    # The URL is on another outlet's domain: validation would flag url-domain-mismatch.
    with pytest.raises(AddRefused, match="invalid"):
        run_add(
            fixture_catalog,
            FIXTURES / "ferry-wire.txt",
            outlet="nordsee-kurier",
            url="https://harbourdigest.net/ferry",
        )
    assert snapshot(fixture_catalog.parent) == before


def test_a_catalog_with_schema_errors_is_not_touched(fixture_catalog: Path) -> None:
    fixture_catalog.write_text('{"schemaVersion": "1.0", "articles": [{"id": "x"}]}\n')
    before = snapshot(fixture_catalog.parent)
    with pytest.raises(AddRefused, match="does not match its schema"):
        run_add(fixture_catalog, FIXTURES / "ferry-wire.txt")
    assert snapshot(fixture_catalog.parent) == before
