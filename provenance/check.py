"""`provenance check`: validate, extract evidence, run the rules, grade, acknowledge.

Data flows one way: load -> validate -> extract evidence (in parallel) -> reuse index ->
rules -> configuration -> acknowledgements -> grades -> CheckResult.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from provenance.config import Config
from provenance.evidence import extract
from provenance.evidence.model import Evidence
from provenance.findings import Finding, Severity
from provenance.grading import grade
from provenance.loader import LoadedCatalog, load_catalog
from provenance.models import Catalog, Outlet, Person
from provenance.namexref import cross_article_variants
from provenance.results import ArticleSummary, CheckResult
from provenance.reuse import Document, find_reuse
from provenance.rules.base import ArticleContext, CatalogContext, all_rules
from provenance.rules.c000_catalog import STALE_ACKNOWLEDGEMENT
from provenance.validate import validate

# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Invalid:
    """The catalog failed validation at the schema level: no rules could run."""

    loaded: LoadedCatalog
    findings: list[Finding]


def article_display_path(catalog_display: str, file: str) -> str:
    """How an article file is named in findings: beside the catalog as the user named it."""
    parent = PurePosixPath(Path(catalog_display).parent.as_posix())
    joined = parent / file if str(parent) != "." else PurePosixPath(file)
    return str(joined)


_worker_registry: tuple[Sequence[Outlet], Sequence[Person]] = ((), ())


def _init_worker(outlets: Sequence[Outlet], people: Sequence[Person]) -> None:
    global _worker_registry
    _worker_registry = (outlets, people)


def _extract_one(text: str | None) -> Evidence | None:
    if text is None:
        return None
    outlets, people = _worker_registry
    return extract(text, outlets, people)


def extract_all(
    catalog: Catalog,
    texts: Sequence[str | None],
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[Evidence | None]:
    """Evidence for every text, in catalog order, on several cores when it pays."""
    jobs = jobs or os.cpu_count() or 1
    total = len(texts)
    if jobs <= 1 or total < PARALLEL_THRESHOLD:
        _init_worker(catalog.outlets, catalog.people)
        results = []
        for done, text in enumerate(texts, start=1):
            results.append(_extract_one(text))
            if progress:
                progress(done, total)
        return results
    chunk = max(8, min(256, total // (jobs * 8) or 1))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(catalog.outlets, catalog.people)
    ) as pool:
        results = []
        for done, evidence in enumerate(pool.map(_extract_one, texts, chunksize=chunk), start=1):
            results.append(evidence)
            if progress and (done % chunk == 0 or done == total):
                progress(done, total)
        return results


def _names(evidence: Evidence | None) -> Iterator[str]:
    if evidence is None:
        return
    yield from (p.name for p in evidence.people)


def _acknowledge(findings: list[Finding], loaded: LoadedCatalog, catalog: Catalog) -> list[Finding]:
    """Mark acknowledged findings; report acknowledgements that match nothing."""
    by_article = {article.id: (i, article) for i, article in enumerate(catalog.articles)}
    used: set[tuple[str, int]] = set()
    marked = []
    for finding in findings:
        entry = by_article.get(finding.article or "")
        if entry is not None:
            position, article = entry
            for index, ack in enumerate(article.acknowledgements):
                if ack.code != finding.code:
                    continue
                if ack.evidence is not None:
                    haystack = [finding.message, *(e.snippet or "" for e in finding.evidence)]
                    if not any(ack.evidence in text for text in haystack):
                        continue
                used.add((article.id, index))
                finding = finding.model_copy(update={"acknowledged": ack.reason})
                break
        marked.append(finding)
    for position, article in enumerate(catalog.articles):
        for index, ack in enumerate(article.acknowledgements):
            if (article.id, index) not in used:
                what = f" covering {ack.evidence!r}" if ack.evidence else ""
                marked.append(
                    STALE_ACKNOWLEDGEMENT.finding(
                        f"acknowledgement of {ack.code}{what} matches no finding",
                        article=article.id,
                        catalog=loaded.locate(f"/articles/{position}/acknowledgements/{index}"),
                        fix="remove it",
                    )
                )
    return marked


def run_check(
    path: Path,
    config: Config | None = None,
    *,
    display: str | None = None,
    today: date | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> CheckResult | Invalid:
    """Check a catalog file. Raises loader.UnusableInput when it cannot be read at all."""
    config = config or Config()
    display = display if display is not None else str(path)
    loaded = load_catalog(path, display)
    validation = validate(loaded, today=today)
    catalog = loaded.catalog
    if catalog is None:
        return Invalid(loaded, validation.findings)
    files = [article_display_path(display, a.file) for a in catalog.articles]
    texts = [validation.texts.get(a.id) for a in catalog.articles]
    evidence = extract_all(catalog, texts, jobs=jobs, progress=progress)
    documents = [
        Document(article, file, text, found)
        for article, file, text, found in zip(catalog.articles, files, texts, evidence, strict=True)
        if text is not None
    ]
    shared = find_reuse(documents)
    contexts = [
        ArticleContext(catalog, article, i, files[i], texts[i], evidence[i], loaded.locate, shared)
        for i, article in enumerate(catalog.articles)
    ]
    variants = cross_article_variants(
        {a.id: sorted(set(_names(e))) for a, e in zip(catalog.articles, evidence, strict=True)},
        catalog.people,
    )
    everything = CatalogContext(catalog, contexts, shared, variants)
    findings = list(validation.findings)
    for rule in all_rules():
        if not config.enabled(rule.info.code):
            continue
        if rule.article_check is not None:
            for context in contexts:
                findings.extend(rule.article_check(context))
        if rule.catalog_check is not None:
            findings.extend(rule.catalog_check(everything))
    configured = [f for f in (config.apply(f) for f in findings) if f is not None]
    acknowledged = _acknowledge(configured, loaded, catalog)
    final = sorted(
        (f for f in (config.apply(f) for f in acknowledged) if f is not None),
        key=Finding.sort_key,
    )
    summaries = []
    for i, article in enumerate(catalog.articles):
        mine = [f for f in final if f.article == article.id]
        counts = Counter(Severity(f.severity) for f in mine if f.acknowledged is None)
        summaries.append(
            ArticleSummary(
                id=article.id,
                file=files[i],
                grade=grade(article, catalog, mine, shared, texts[i] is not None),
                counts={severity: counts.get(severity, 0) for severity in Severity},
            )
        )
    return CheckResult(
        catalog_file=display,
        catalog=catalog,
        articles=tuple(summaries),
        findings=tuple(final),
        shared=tuple(shared),
        name_variants=tuple(variants),
        rules=tuple(rule.info for rule in all_rules() if config.enabled(rule.info.code)),
    )


def failing(findings: Sequence[Finding], fail_on: Severity) -> list[Finding]:
    return [
        f for f in findings if f.acknowledged is None and Severity(f.severity).rank >= fail_on.rank
    ]
