"""`provenance add`, the I/O around the pure parts: plan an entry for a file (nothing
written), then commit it under a lock so that the catalog ends valid with the entry, or
untouched.

Order of a commit, under the catalog's lock (locking.py: no lock file in the user's folder):
re-read the catalog (another add may have
landed), propose again, refuse duplicates, build the new text, validate it in a mirror of the
folder, copy the article text (atomically), then replace sources.json (atomically). If the
catalog cannot be written, the copied text is removed again.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from provenance.articles import MAX_ARTICLE_BYTES, ArticleProblem, resolve_inside
from provenance.atomic import (
    describe_write_error,
    pid_alive,
    real_target,
    remove_stale_temporaries,
    write_atomic,
)
from provenance.catalog_edit import EditError, append_article
from provenance.evidence.model import Evidence
from provenance.findings import Finding
from provenance.ingest import Document, read_document
from provenance.loader import LoadedCatalog, UnusableInput, load_catalog
from provenance.models import Article, Catalog, Outlet, Person
from provenance.proposal import Options, Proposal, conflicts, propose
from provenance.validate import validate

if TYPE_CHECKING:
    from provenance.config import Config

DEFAULT_ARTICLES_FOLDER = "seeds"
LOCK_TIMEOUT = 120.0
_BOM = "\ufeff"

Extractor = Callable[[str, Sequence[Outlet], Sequence[Person]], Evidence]


class AddRefused(Exception):
    """The entry is not written; the message says why (one line per reason)."""


@dataclass
class Plan:
    """A proposed entry, the catalog text with it, and what the checks say about it."""

    catalog_path: Path
    document: Document
    proposal: Proposal
    candidate_text: str
    bom: str = ""  # the catalog's byte-order mark, kept as it was
    findings: list[Finding] = field(default_factory=list)  # for the new article only
    problems: list[str] = field(default_factory=list)  # reasons to refuse the write

    @property
    def article(self) -> Article:
        return self.proposal.article


def _config(catalog_path: Path, config: Config | None) -> Config:
    from provenance.config import UnusableConfig, load_config

    if config is not None:
        return config
    try:
        return load_config(catalog_path)
    except UnusableConfig as error:
        raise AddRefused(str(error)) from None


def articles_folder(catalog_path: Path, config: Config | None = None) -> str:
    """Where new texts go: `[tool.provenance] seeds` (default 'seeds'), inside the catalog's
    folder."""
    value = _config(catalog_path, config).seeds
    resolved = resolve_inside(catalog_path.resolve().parent, value)
    if not value.strip() or isinstance(resolved, ArticleProblem):
        reason = resolved.message if isinstance(resolved, ArticleProblem) else "empty"
        raise AddRefused(f"[tool.provenance] seeds = {value!r}: {reason}")
    # Refused here, before anything is read: a file on the way (seeds = "sources.json") would
    # otherwise fail only when the text is copied, as an OSError.
    for ancestor in (resolved, *resolved.parents):
        try:
            if ancestor.is_dir():
                break
            if os.path.lexists(ancestor):
                raise AddRefused(
                    f"[tool.provenance] seeds = {value!r}: {ancestor} is a file, not a folder"
                )
        except OSError as error:
            raise AddRefused(
                f"[tool.provenance] seeds = {value!r}: {error.strerror or error}"
            ) from None
    return value.strip().replace("\\", "/").rstrip("/") or "."


def default_extractor(text: str, outlets: Sequence[Outlet], people: Sequence[Person]) -> Evidence:
    from provenance.evidence import extract

    return extract(text, outlets=outlets, people=people)


def _read_catalog(path: Path) -> tuple[LoadedCatalog, Catalog, str]:
    """The loaded catalog, its model and its raw text's BOM ('' or U+FEFF)."""
    try:
        with path.open("rb") as handle:
            raw_head = handle.read(3)
    except FileNotFoundError:
        raise AddRefused(f"{path}: no such catalog") from None
    except OSError as error:
        raise AddRefused(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        loaded = load_catalog(path, str(path))
    except UnusableInput as error:
        raise AddRefused(str(error)) from None
    if loaded.catalog is None:
        count = len(loaded.findings)
        raise AddRefused(
            f"{path} does not match its schema ({count} error{'s' * (count != 1)}); "
            f"run `provenance validate {path}` and fix it first"
        )
    return loaded, loaded.catalog, _BOM if raw_head == _BOM.encode("utf-8") else ""


def _finding_key(finding: Finding) -> tuple[str, str | None, str]:
    return (finding.code, finding.article, finding.message)


def _mirror(folder: Path, catalog: Catalog, mirror: Path) -> None:
    """Hard links (copies across file systems) of the article files the catalog names, so
    the candidate is checked against the same texts without touching the real folder."""
    for article in catalog.articles:
        real = resolve_inside(folder, article.file)
        if isinstance(real, ArticleProblem) or not real.is_file():
            continue  # validation reports it, in the old catalog as in the new
        target = mirror / article.file
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(real, target)
        except OSError:
            with contextlib.suppress(OSError):
                shutil.copyfile(real, target)


def _check_findings(candidate: Path, display: str, config: Config) -> list[Finding] | None:
    """What `provenance check` says of the candidate; None when it is not a valid catalog."""
    from provenance.check import Invalid, run_check

    result = run_check(candidate, config, display=display, jobs=1)
    return list(result.findings) if not isinstance(result, Invalid) else None


@dataclass(frozen=True)
class CandidateFindings:
    validation: list[Finding]  # the catalog family: any new one refuses the write
    check: list[Finding] | None  # every rule, when the check is asked for and can run


def check_candidate(
    catalog_path: Path,
    candidate_text: str,
    catalog: Catalog,
    article: Article,
    text: str,
    *,
    with_check: bool = True,
    config: Config | None = None,
) -> CandidateFindings:
    """Validate (and check) the catalog with the new entry in a mirror of its folder; the
    findings are located in the real file's lines, as they will be once written."""
    display = str(catalog_path)
    try:
        return _check_in_mirror(
            catalog_path, candidate_text, catalog, article, text, display, with_check, config
        )
    except OSError as error:
        where = error.filename or tempfile.gettempdir()
        raise AddRefused(
            describe_write_error(
                where,
                error,
                unchanged=f"nothing added; {catalog_path} is as it was",
                doing="cannot prepare the check of the new entry",
            )
        ) from None


# The mirror's folder in the temporary directory: named with its run's pid, so that the
# next add removes the mirror of an add that was killed.
MIRROR_PREFIX = "provenance-add-"
_MIRROR = re.compile(rf"^{MIRROR_PREFIX}(?P<pid>\d+)-")


def remove_stale_mirrors(parent: Path) -> list[Path]:
    """Remove the mirror folders of killed adds (this user's, their pid gone); never raises."""
    removed: list[Path] = []
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return removed
    for name in names:
        match = _MIRROR.match(name)
        if match is None or int(match.group("pid")) == os.getpid():
            continue
        path = parent / name
        try:
            info = path.lstat()
        except OSError:
            continue
        ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISDIR(info.st_mode) or not ours or pid_alive(int(match.group("pid"))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _check_in_mirror(
    catalog_path: Path,
    candidate_text: str,
    catalog: Catalog,
    article: Article,
    text: str,
    display: str,
    with_check: bool,
    config: Config | None,
) -> CandidateFindings:
    remove_stale_mirrors(Path(tempfile.gettempdir()))
    prefix = f"{MIRROR_PREFIX}{os.getpid()}-"
    with tempfile.TemporaryDirectory(prefix=prefix) as temporary:
        mirror = Path(temporary)
        _mirror(catalog_path.resolve().parent, catalog, mirror)
        stored = mirror / article.file
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(text.encode("utf-8"))
        candidate = mirror / catalog_path.name
        candidate.write_bytes(candidate_text.encode("utf-8"))
        validation = validate(load_catalog(candidate, display)).findings
        checked = (
            _check_findings(candidate, display, _config(catalog_path, config))
            if with_check
            else None
        )
    return CandidateFindings(validation, checked)


def plan(
    catalog_path: Path,
    document: Document,
    options: Options,
    extractor: Extractor | None = None,
    *,
    with_check: bool = True,
    config: Config | None = None,
) -> Plan:
    """What `add` would write, and why it would refuse. Writes nothing."""
    loaded, catalog, bom = _read_catalog(catalog_path)
    before = validate(loaded)
    evidence = (extractor or default_extractor)(document.text, catalog.outlets, catalog.people)
    try:
        proposal = propose(document, evidence, catalog, options)
    except ValidationError as error:
        # A value the checks before missed (a limit of the catalog's schema): one line, not
        # pydantic's report.
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise AddRefused(
            f"{document.source}: the proposed entry is invalid at {where}: {detail['msg']}"
        ) from None
    problems = conflicts(proposal.article, proposal.text, catalog, before.texts)
    entry = proposal.article.model_dump(by_alias=True, mode="json")
    outlets = [outlet.model_dump(by_alias=True, mode="json") for outlet in proposal.outlets]
    try:
        candidate_text = append_article(loaded.text, entry, outlets)
    except EditError as error:
        raise AddRefused(f"{catalog_path}: {error}") from None
    result = Plan(catalog_path, document, proposal, candidate_text, bom, problems=problems)
    if problems:
        return result
    after = check_candidate(
        catalog_path,
        candidate_text,
        catalog,
        proposal.article,
        proposal.text,
        with_check=with_check,
        config=config,
    )
    old = Counter(_finding_key(f) for f in before.findings)
    for finding in after.validation:
        key = _finding_key(finding)
        if old[key]:
            old[key] -= 1
            continue
        # A catalog-family finding the old catalog did not have: the write would damage it.
        problems.append(f"the entry would make the catalog invalid: {finding.headline()}")
    shown = after.check if after.check is not None else after.validation
    result.findings = [f for f in shown if f.article == proposal.article.id]
    return result


def commit(
    catalog_path: Path,
    document: Document,
    options: Options,
    extractor: Extractor | None = None,
    config: Config | None = None,
) -> Plan:
    """Write the entry: under the lock, plan again on the catalog as it is now, then copy
    the text and replace the catalog, both atomically. Raises AddRefused, writing nothing,
    when the plan has problems."""
    from provenance.locking import LockTimeout, LockUnavailable, catalog_lock

    try:
        with catalog_lock(catalog_path, LOCK_TIMEOUT):
            _remove_stale(catalog_path, options)
            # Validation only: the full check was shown already, and the lock is held.
            fresh = plan(
                catalog_path, document, options, extractor, with_check=False, config=config
            )
            if fresh.problems:
                raise AddRefused("; ".join(fresh.problems))
            _write(fresh)
            return fresh
    except LockTimeout:
        raise AddRefused(
            f"another `provenance add` has been writing to {catalog_path} for "
            f"{LOCK_TIMEOUT:.0f} s; try again when it is done"
        ) from None
    except LockUnavailable as error:
        raise AddRefused(f"{catalog_path}: cannot lock it against other writers: {error}") from None


def _remove_stale(catalog_path: Path, options: Options) -> None:
    """Remove the temporary files of adds killed mid-write (under the lock, so none is
    writing now), beside the catalog's real file and in the articles folder."""
    remove_stale_temporaries(real_target(catalog_path).parent)
    seeds = resolve_inside(catalog_path.resolve().parent, options.articles_folder)
    if isinstance(seeds, Path) and seeds.is_dir():
        remove_stale_temporaries(seeds)


def _write(plan: Plan) -> None:
    folder = plan.catalog_path.resolve().parent
    target = resolve_inside(folder, plan.article.file)
    if isinstance(target, ArticleProblem):
        raise AddRefused(f"{plan.article.file}: {target.message}")
    data = plan.proposal.text.encode("utf-8")
    created_folders: list[Path] = []
    created_text = False
    writing = target
    try:
        if target.exists():
            if target.read_bytes() != data:
                raise AddRefused(
                    f"{plan.article.file} already exists with other content; remove or rename it"
                )
        else:
            for parent in reversed(target.relative_to(folder).parents[:-1]):
                if not (folder / parent).exists():
                    writing = folder / parent
                    (folder / parent).mkdir()
                    created_folders.append(folder / parent)
            writing = target
            write_atomic(target, data)
            created_text = True
        writing = plan.catalog_path
        write_atomic(plan.catalog_path, (plan.bom + plan.candidate_text).encode("utf-8"))
    except BaseException as error:
        # The catalog was not replaced: take back the text it would have named.
        if created_text:
            with contextlib.suppress(OSError):
                target.unlink()
        for created in reversed(created_folders):
            with contextlib.suppress(OSError):
                created.rmdir()
        if isinstance(error, OSError):
            raise AddRefused(
                describe_write_error(
                    writing, error, unchanged=f"nothing added; {plan.catalog_path} is as it was"
                )
            ) from None
        raise


def _same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through symlinks and hard links)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def add(
    catalog_path: Path,
    file: Path,
    options: Options | None = None,
    *,
    dry_run: bool = False,
    confirm: Callable[[Plan], bool] | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    extractor: Extractor | None = None,
    config: Config | None = None,
) -> tuple[Plan, bool]:
    """Plan, ask (``confirm``), commit. Returns the plan shown and whether it was written.
    ``config`` is read from the catalog's pyproject.toml when not given."""
    if _same_file(file, catalog_path):
        raise AddRefused(
            f"{file}: that is the catalog itself, not an article; give an article's text or "
            "saved page"
        )
    config = _config(catalog_path, config)
    if options is None:
        options = Options(articles_folder=articles_folder(catalog_path, config))
    document = read_document(file, max_bytes)
    shown = plan(catalog_path, document, options, extractor, config=config)
    if shown.problems:
        raise AddRefused("; ".join(shown.problems))
    if dry_run or (confirm is not None and not confirm(shown)):
        return shown, False
    return commit(catalog_path, document, options, extractor, config), True
