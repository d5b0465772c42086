"""Each article's digest for `check`: from the digest cache when it holds one, else read,
extracted and checked in worker processes (and stored in the cache).

The digests come back in catalog order whatever the order the work was done in. A worker
inherits the job (the catalog) when it is forked, and sends back only each article's
digest, its cache key and its encoding.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from provenance.articles import ArticleProblem, ArticleReader
from provenance.digest_cache import (
    CacheLocation,
    CacheUnavailable,
    CacheWriter,
    article_key,
    load,
)
from provenance.digests import Digest, Placement, decode, encode, first_mentions
from provenance.evidence import extract
from provenance.models import Catalog
from provenance.reuse import reuse_material
from provenance.rules.base import ArticleContext, Rule

# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64

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


# What one article's turn gives back: its digest and, when its digest is to be kept, its
# cache key and its encoding (None: no cache, an unreadable file, or nothing to keep).
_Outcome = tuple[Digest, bytes | None, str | None]

_job: DigestJob | None = None
_reader: ArticleReader | None = None


def _init_worker(job: DigestJob) -> None:
    global _job, _reader
    _job, _reader = job, ArticleReader(job.folder)


def _start_worker(job: DigestJob) -> None:
    # A worker makes and drops objects article after article: its collector runs (on what
    # it makes; the inherited catalog is frozen), so that no cycle piles up over a long run.
    gc.enable()
    _init_worker(job)


def _placement(job: DigestJob, position: int) -> Placement:
    return Placement(f"/articles/{position}", job.files[position])


def _digest(position: int) -> _Outcome:
    """Read, extract and check one article (in a worker, or in this process)."""
    job = _job
    assert job is not None
    article = job.catalog.articles[position]
    reader = _reader if _reader is not None else ArticleReader(job.folder)
    text = reader.read(article.file, job.max_article_bytes)
    if not isinstance(text, str):
        return _computed(job, position, None, text), None, None
    digest = _computed(job, position, text, None)
    if job.cache is None:
        return digest, None, None
    encoded = encode(digest, _placement(job, position))
    if encoded is None:
        return digest, None, None
    # The key is of the text read here: a file changed since the cache was consulted is
    # stored under what it says now.
    return digest, article_key(job.context, article.model_dump_json(), text), encoded


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
    )


def _outcomes(
    job: DigestJob, positions: Sequence[int], jobs: int | None, progress: Callable[[int], None]
) -> Iterator[_Outcome]:
    """The outcomes of the articles at ``positions``, in that order, on several cores when
    it pays; ``progress`` hears how many are done."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(positions) < PARALLEL_THRESHOLD:
        _init_worker(job)
        for done, position in enumerate(positions, 1):
            yield _digest(position)
            progress(done)
        return
    chunk = max(4, min(128, len(positions) // (jobs * 16) or 1))
    # What the workers inherit (the catalog) moves out of the collector's sight, so that a
    # worker's collections neither walk it nor touch its pages (which would copy them).
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(job,)) as pool:
            outcomes = pool.map(_digest, positions, chunksize=chunk)
            for done, outcome in enumerate(outcomes, 1):
                yield outcome
                if done % chunk == 0 or done == len(positions):
                    progress(done)
    finally:
        gc.unfreeze()


def _cached(job: DigestJob, cache: CacheLocation) -> tuple[dict[int, Digest], list[bytes]]:
    """The digests the cache holds for this run's articles (by position), and the keys of
    every readable article. Here, not in the workers: a digest found costs less to decode
    than to send from a worker, and the workers start only for what is left."""
    reader = ArticleReader(job.folder)
    positions: dict[bytes, int] = {}
    for position, article in enumerate(job.catalog.articles):
        text = reader.read(article.file, job.max_article_bytes)
        if isinstance(text, str):  # an unreadable file is left to its worker to report
            positions[article_key(job.context, article.model_dump_json(), text)] = position
    found: dict[int, Digest] = {}
    for key, encoded in load(cache, list(positions)):
        position = positions[key]
        digest = decode(encoded, _placement(job, position))
        if digest is not None:
            found[position] = digest
    return found, list(positions)


def digest_all(
    job: DigestJob, jobs: int | None, progress: Progress | None, warn: Callable[[str], None]
) -> list[Digest]:
    """Every article's digest, in catalog order: from the cache when it holds them, else
    computed now (and kept in the cache)."""
    total = len(job.catalog.articles)
    found: dict[int, Digest] = {}
    used: list[bytes] = []
    if job.cache is not None:
        try:
            found, used = _cached(job, job.cache)
        except CacheUnavailable as error:
            warn(str(error))
            job = replace(job, cache=None)
    missing = [position for position in range(total) if position not in found]

    def advance(done: int) -> None:
        if progress:
            progress(len(found) + done, total)

    advance(0)
    writer = CacheWriter(job.cache) if job.cache is not None else None
    for position, (digest, key, encoded) in zip(
        missing, _outcomes(job, missing, jobs, advance), strict=True
    ):
        found[position] = digest
        if writer is not None and key is not None and encoded is not None:
            writer.add(key, encoded)
            used.append(key)
    failure = writer.finish(used) if writer is not None else None
    if failure is not None:
        warn(str(failure))  # this run's findings stand; the next run computes them again
    return [found.pop(position) for position in range(total)]
