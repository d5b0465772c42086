"""Each article's digest for `check`: found in the digest cache, or read, extracted and
checked; in worker processes when there are enough articles.

A worker reads an article, computes its cache key and looks it up. A digest found is sent
back as its encoding (one string) and decoded by the main process; a digest not found is
computed, and sent back with its key and its encoding for the main process to store. The
outcomes come back in catalog order whatever order the work was done in, a bounded
window at a time. A worker inherits the job (the catalog) when it is forked.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from provenance.articles import ArticleProblem, ArticleReader
from provenance.crosslingual import anchors, text_language
from provenance.digest_cache import (
    CacheLocation,
    CacheUnavailable,
    CacheWriter,
    Lookup,
    article_key,
)
from provenance.digests import Digest, Placement, decode, encode, first_mentions
from provenance.evidence import extract
from provenance.models import Catalog
from provenance.records import record
from provenance.reuse import reuse_material
from provenance.rules.base import ArticleContext, Rule

# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
# Chunks of articles handed to the pool ahead of the one the main process waits for, per
# worker: enough to keep the workers busy, few enough that the encodings sent back while
# the main process decodes do not pile up (at 100,000 articles, hundreds of megabytes).
CHUNKS_AHEAD = 4

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DigestJob:
    """What every article's digest is made with (inherited by the workers)."""

    catalog: Catalog
    folder: Path
    files: Sequence[str]
    rules: tuple[Rule, ...]
    max_article_bytes: int
    cache: CacheLocation | None = None
    context: bytes = b""  # what every cached digest of this run depends on


@record
class _Outcome:
    """One article's turn: the digest computed, or None when ``encoded`` was found in the
    cache (the main process decodes it); its cache key (None: no cache, or an unreadable
    file) and its encoding (None: nothing to keep)."""

    digest: Digest | None
    key: bytes | None = None
    encoded: str | None = None


@dataclass
class _Worker:
    """What one process digests articles with."""

    job: DigestJob
    reader: ArticleReader
    lookup: Lookup | None


_worker: _Worker | None = None


def _worker_for(job: DigestJob, consult_cache: bool = True) -> _Worker:
    lookup = Lookup(job.cache) if job.cache is not None and consult_cache else None
    return _Worker(job, ArticleReader(job.folder), lookup)


def _start_worker(job: DigestJob) -> None:
    # A worker makes and drops objects article after article: its collector runs (on what
    # it makes; the inherited catalog is frozen), so that no cycle piles up over a long run.
    gc.enable()
    global _worker
    _worker = _worker_for(job)


def _placement(job: DigestJob, position: int) -> Placement:
    return Placement(f"/articles/{position}", job.files[position])


def _digest_chunk(positions: Sequence[int]) -> list[_Outcome]:
    assert _worker is not None
    return [_digest(_worker, position) for position in positions]


def _digest(worker: _Worker, position: int) -> _Outcome:
    """Read one article, and find its digest in the cache or compute it."""
    job = worker.job
    article = job.catalog.articles[position]
    text = worker.reader.read(article.file, job.max_article_bytes)
    if not isinstance(text, str):
        return _Outcome(_computed(job, position, None, text))
    if job.cache is None:
        return _Outcome(_computed(job, position, text, None))
    # The key is of the text read here: a file changed since is stored under what it says.
    key = article_key(job.context, article.model_dump_json(), text)
    if worker.lookup is not None:
        try:
            found = worker.lookup.get(key)
        except CacheUnavailable:
            # Locked meanwhile, say: computed, and the writer will tell. Not asked again:
            # every question would wait out the busy timeout.
            found, worker.lookup = None, None
        if found is not None:
            return _Outcome(None, key, found)
    digest = _computed(job, position, text, None)
    return _Outcome(digest, key, encode(digest, _placement(job, position)))


def _computed(
    job: DigestJob, position: int, text: str | None, problem: ArticleProblem | None
) -> Digest:
    evidence = extract(text, job.catalog.outlets, job.catalog.people) if text is not None else None
    context = ArticleContext(
        job.catalog, job.catalog.articles[position], position, job.files[position], text, evidence
    )
    findings = tuple(
        finding
        for rule in job.rules
        if rule.article_check is not None
        for finding in rule.article_check(context)
    )
    return Digest(
        problem=problem,
        findings=findings,
        material=reuse_material(text, evidence) if text is not None else None,
        people=first_mentions(evidence),
        anchors=anchors(text, evidence) if text is not None else None,
        language=text_language(evidence),
    )


def _outcomes(
    job: DigestJob, jobs: int | None, progress: Callable[[int], None]
) -> Iterator[_Outcome]:
    """Every article's outcome, in catalog order, on several cores when it pays;
    ``progress`` hears how many are done."""
    total = len(job.catalog.articles)
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or total < PARALLEL_THRESHOLD:
        worker = _worker_for(job)
        try:
            for position in range(total):
                yield _digest(worker, position)
                progress(position + 1)
        finally:
            if worker.lookup is not None:
                worker.lookup.close()
        return
    chunk = max(4, min(128, total // (jobs * 16) or 1))
    # What the workers inherit (the catalog) moves out of the collector's sight, so that a
    # worker's collections neither walk it nor touch its pages (which would copy them).
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(job,)) as pool:
            ahead: deque[Future[list[_Outcome]]] = deque()
            starts = iter(range(0, total, chunk))
            done = 0
            while True:
                for start in starts:
                    ahead.append(
                        pool.submit(_digest_chunk, range(start, min(start + chunk, total)))
                    )
                    if len(ahead) >= jobs * CHUNKS_AHEAD:
                        break
                if not ahead:
                    break
                outcomes = ahead.popleft().result()
                yield from outcomes
                done += len(outcomes)
                progress(done)
    finally:
        gc.unfreeze()


def digest_all(
    job: DigestJob, jobs: int | None, progress: Progress | None, warn: Callable[[str], None]
) -> list[Digest]:
    """Every article's digest, in catalog order: from the cache when it holds them, else
    computed now (and kept in the cache)."""
    total = len(job.catalog.articles)
    if job.cache is not None:
        try:
            Lookup(job.cache).probe()
        except CacheUnavailable as error:
            warn(str(error))
            job = replace(job, cache=None)

    def advance(done: int) -> None:
        if progress:
            progress(done, total)

    advance(0)
    writer = CacheWriter(job.cache) if job.cache is not None else None
    used: list[bytes] = []
    digests: list[Digest] = []
    for position, outcome in enumerate(_outcomes(job, jobs, advance)):
        digest, key, encoded = outcome.digest, outcome.key, outcome.encoded
        if digest is None and encoded is not None:
            digest = decode(encoded, _placement(job, position))
            if digest is None:  # not what `encode` writes: computed again, here
                recomputed = _digest(_worker_for(job, consult_cache=False), position)
                digest, encoded = recomputed.digest, recomputed.encoded
            else:
                encoded = None  # stored already
        assert digest is not None
        digests.append(digest)
        if key is not None:
            used.append(key)
            if writer is not None and encoded is not None:
                writer.add(key, encoded)
    failure = writer.finish(used) if writer is not None else None
    if failure is not None:
        warn(str(failure))  # this run's findings stand; the next run computes them again
    return digests
