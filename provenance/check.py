"""`provenance check`: validate, read each article once, run the rules, grade, acknowledge.

Data flows one way: load -> validate -> per article a digest (digesting.py: in worker
processes, from the digest cache when it holds one, else by reading the text, extracting
its evidence, running the article rules and keeping compact reuse material) -> reuse index
(the passages shared word for word found in the process aside, aside.py, while this one
finds the shared quotations) and cross-article rules -> configuration -> acknowledgements
-> positions (positions.py: most of them located aside meanwhile) -> grades ->
CheckResult. Evidence is dropped as soon as an article is done, so memory grows with the
findings, not with the texts.
"""

from __future__ import annotations

import gc
import os
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath

from provenance.articles import ArticleReader
from provenance.aside import MINIMUM_WORK, Aside, held
from provenance.config import Config
from provenance.crosslingual import TranslationPair, same_story_pairs, translation_pairs
from provenance.digest_cache import CacheLocation, run_context
from provenance.digesting import DigestJob, Progress, digest_all
from provenance.digests import Mentions
from provenance.findings import Finding, Location, Severity
from provenance.grading import Grader
from provenance.loader import JsonSyntaxError, LoadedCatalog, load_catalog
from provenance.models import Catalog
from provenance.namexref import cross_article_variants
from provenance.positions import Locator, place_findings
from provenance.results import ArticleSummary, CheckResult, NameVariants, SharedPassage
from provenance.reuse import ReuseInput, ReuseMaterial, find_passages, find_quotations, in_order
from provenance.rules.base import CatalogContext, all_rules, unresolved
from provenance.rules.c000_catalog import STALE_ACKNOWLEDGEMENT
from provenance.validate import file_finding, validate


@dataclass(frozen=True)
class Invalid:
    """The catalog is not JSON or failed validation at the schema level: no rules could run."""

    loaded: LoadedCatalog
    findings: list[Finding]

    def as_result(self) -> CheckResult:
        """The findings as a result with no articles, for the formats that render one (SARIF,
        GitHub annotations): CI must see why the catalog is invalid, where it is."""
        return CheckResult(
            catalog_file=self.loaded.display,
            catalog=Catalog(schema_version="1.0"),
            articles=(),
            findings=tuple(self.findings),
            rules=tuple(rule.info for rule in all_rules()),
        )


def article_display_paths(catalog_display: str, files: Iterable[str]) -> list[str]:
    """How article files are named in findings: beside the catalog as the user named it."""
    parent = PurePosixPath(Path(catalog_display).parent.as_posix())
    folder = str(parent)
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    shown = []
    for file in files:
        # A plain relative path is what pathlib would make of it: joined as strings
        # (pathlib's parsing cost a second at 100,000 articles).
        if (
            file
            and "/" not in (file[0], file[-1])
            and "//" not in file
            and "/./" not in f"/{file}/"
        ):
            shown.append(prefix + file)
        else:
            shown.append(str(parent / file))
    return shown


def _people_of(
    job: DigestJob, mentions: Sequence[Mentions], variants: Sequence[NameVariants]
) -> dict[str, list[tuple[str, Location]]]:
    """Where the names of the variant groups first stand in each article involved."""
    wanted = {name for group in variants for name in group.variants}
    involved = {article for group in variants for article in group.articles}
    people: dict[str, list[tuple[str, Location]]] = {}
    for position, (article, found) in enumerate(zip(job.catalog.articles, mentions, strict=True)):
        if article.id not in involved:
            continue
        file = job.files[position]
        people[article.id] = [
            (name, Location(file=file, line=line, column=column, snippet=name))
            for name, line, column in found
            if name in wanted
        ]
    return people


def _acknowledge(findings: Iterable[Finding], catalog: Catalog, config: Config) -> list[Finding]:
    """Mark acknowledged findings; report acknowledgements that match nothing. The
    acknowledgement of a rule that did not run (``config`` turned it off) is not stale: its
    rule could not have found what it excuses."""
    positions = {article.id: i for i, article in enumerate(catalog.articles)}
    used: set[tuple[str, int]] = set()
    marked = []
    for finding in findings:
        position = positions.get(finding.article or "")
        if position is not None:
            article = catalog.articles[position]
            for index, ack in enumerate(article.acknowledgements):
                if ack.code != finding.code:
                    continue
                if ack.evidence is not None:
                    haystack = [finding.message, *(e.snippet or "" for e in finding.evidence)]
                    if not any(ack.evidence in text for text in haystack):
                        continue
                used.add((article.id, index))
                finding = replace(finding, acknowledged=ack.reason)
                break
        marked.append(finding)
    for position, article in enumerate(catalog.articles):
        for index, ack in enumerate(article.acknowledgements):
            if (article.id, index) not in used and config.enabled(ack.code):
                what = f" covering {ack.evidence!r}" if ack.evidence else ""
                marked.append(
                    STALE_ACKNOWLEDGEMENT.finding(
                        f"acknowledgement of {ack.code}{what} matches no finding",
                        article=article.id,
                        catalog=unresolved(f"/articles/{position}/acknowledgements/{index}"),
                        fix="remove it",
                    )
                )
    return marked


def _print_warning(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for one check. Its data is acyclic, and each full
    collection walks everything held so far (the catalog, every finding): with it on, the
    collector took two fifths of the time after the workers were done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_check(
    path: Path,
    config: Config | None = None,
    *,
    display: str | None = None,
    today: date | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    cache: CacheLocation | None = None,
    warn: Callable[[str], None] = _print_warning,
) -> CheckResult | Invalid:
    """Check a catalog file, keeping article digests in ``cache`` (see digest_cache.py;
    prepared by the caller) for the next run. Raises loader.UnusableInput when it cannot be
    read at all."""
    with _collector_paused():
        return _run_check(path, config, display, today, jobs, progress, cache, warn)


def _passages_aside() -> list[SharedPassage]:
    """In the process aside: the passages shared word for word."""
    return find_passages(held("reuse"))


def _across_articles(
    job: DigestJob,
    findings: list[Finding],
    given: ReuseInput,
    materials: list[ReuseMaterial | None],
    passages: Future[list[SharedPassage]] | None,
    mentions: list[Mentions],
    anchored: tuple[list[array[int] | None], list[str | None]] = ([], []),
) -> tuple[list[SharedPassage], list[NameVariants], list[TranslationPair]]:
    """The reuse index and the name variants across articles, and the findings of the
    rules that compare articles (added to ``findings``). ``materials``: those of ``given``,
    emptied once used; ``passages``: the shared passages being found aside, if they are."""
    catalog = job.catalog
    quotations = find_quotations(given)
    word_for_word = find_passages(given) if passages is None else []
    # Half a gigabyte at 100,000 articles, done with (the process aside has its own).
    materials.clear()
    variants = cross_article_variants(
        {a.id: [m[0] for m in found] for a, found in zip(catalog.articles, mentions, strict=True)},
        catalog.people,
    )
    shared = in_order((word_for_word if passages is None else passages.result()) + quotations)
    sequences, languages = anchored
    translations = (
        translation_pairs(catalog.articles, job.files, sequences, languages, given.text_of)
        if sequences
        else []
    )
    everything = CatalogContext(
        catalog, shared, variants, _people_of(job, mentions, variants), translations
    )
    for rule in job.rules:
        if rule.catalog_check is not None:
            findings.extend(rule.catalog_check(everything))
    return shared, variants, translations


class ArticleTexts:
    """Re-reads an article's text by its position (None when it cannot be read). A class,
    not a closure: the process aside holds it, and where processes are spawned rather than
    forked (macOS; Python 3.14's default) what it holds is pickled."""

    def __init__(self, job: DigestJob) -> None:
        self.files = [article.file for article in job.catalog.articles]
        self.reader = ArticleReader(job.folder)
        self.max_bytes = job.max_article_bytes

    def __call__(self, position: int) -> str | None:
        text = self.reader.read(self.files[position], self.max_bytes)
        return text if isinstance(text, str) else None


def _run_check(
    path: Path,
    config: Config | None,
    display: str | None,
    today: date | None,
    jobs: int | None,
    progress: Progress | None,
    cache: CacheLocation | None,
    warn: Callable[[str], None],
) -> CheckResult | Invalid:
    config = config or Config()
    display = display if display is not None else str(path)
    try:
        loaded = load_catalog(path, display)
    except JsonSyntaxError as error:
        # A finding like any other, so that every format reports it where it is.
        empty = LoadedCatalog(path=path, display=display, text="", data=None, catalog=None)
        return Invalid(empty, [error.finding])
    # The article files are read once, by the workers, which report those that cannot be.
    validation = validate(loaded, today=today, read_files=False)
    catalog = loaded.catalog
    if catalog is None:
        return Invalid(loaded, validation.findings)
    rules = tuple(rule for rule in all_rules() if config.enabled(rule.info.code))
    job = DigestJob(
        catalog=catalog,
        folder=loaded.folder,
        files=article_display_paths(display, (a.file for a in catalog.articles)),
        rules=rules,
        max_article_bytes=config.max_article_bytes,
        cache=cache,
        context=b""
        if cache is None
        else run_context(
            catalog,
            (rule.info.code for rule in rules if rule.article_check is not None),
            config.max_article_bytes,
        ),
    )
    digests = digest_all(job, jobs, progress, warn)
    # Taken apart at once, so that each part goes as soon as it has served (the reuse
    # material of 100,000 articles is half a gigabyte).
    findings = list(validation.findings)
    for position, digest in enumerate(digests):
        if digest.problem is not None:
            where = unresolved(f"/articles/{position}/file")
            findings.append(file_finding(digest.problem, catalog.articles[position].id, where))
        findings.extend(digest.findings)
    readable = [digest.problem is None for digest in digests]
    mentions = [digest.people for digest in digests]
    anchored = ([digest.anchors for digest in digests], [digest.language for digest in digests])
    materials = [digest.material for digest in digests]
    given = ReuseInput(catalog.articles, job.files, materials, ArticleTexts(job))
    del digests
    cores = jobs or os.cpu_count() or 1
    enough = len(findings) + len(catalog.articles) >= MINIMUM_WORK
    with Aside(cores > 1 and enough, loaded=loaded, reuse=given) as aside:
        passages = aside.submit(_passages_aside)  # first: the main process will wait for it
        locator = Locator(aside, loaded, findings, len(catalog.articles))
        made_before = len(findings)
        shared, variants, translations = _across_articles(
            job, findings, given, materials, passages, mentions, anchored
        )
        ids = [article.id for article in catalog.articles]
        stories = [(ids[a], ids[b]) for a, b in same_story_pairs(anchored[0])]
        del given, materials, mentions, anchored
        locator.add(findings[made_before:])  # located while the configuration is applied
        findings = config.apply_all(_acknowledge(config.apply_all(findings), catalog, config))
        place_findings(findings, loaded, locator.located())
    findings.sort(key=Finding.sort_key)
    by_article: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_article[finding.article or ""].append(finding)
    grader = Grader(catalog, shared, stories, ((t.first, t.second) for t in translations))
    summaries = []
    for i, article in enumerate(catalog.articles):
        mine = by_article.get(article.id, [])
        counts = Counter(f.severity for f in mine if f.acknowledged is None)
        summaries.append(
            ArticleSummary(
                id=article.id,
                file=job.files[i],
                grade=grader.grade(article, mine, readable[i]),
                counts={severity: counts.get(severity, 0) for severity in Severity},
            )
        )
    return CheckResult(
        catalog_file=display,
        catalog=catalog,
        articles=tuple(summaries),
        findings=tuple(findings),
        shared=tuple(shared),
        name_variants=tuple(variants),
        rules=tuple(rule.info for rule in rules),
    )


def failing(findings: Sequence[Finding], fail_on: Severity) -> list[Finding]:
    # The severities that fail, as a set: a rank looked up per finding cost 1.5 s at 100k.
    failing_severities = {severity for severity in Severity if severity.rank >= fail_on.rank}
    return [f for f in findings if f.acknowledged is None and f.severity in failing_severities]
