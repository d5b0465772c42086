"""Per-article evidence extraction speed on a generated corpus.

    python benchmarks/extract_speed.py CORPUS [--limit N] [--repeat R] [--dump FILE]

CORPUS is a directory written by benchmarks/generate.py. Every text is read first; one
warm-up pass fills the per-registry caches; then extraction runs over all texts R times and
the best pass's CPU time per article is printed (CPU time, best of R: the machine is shared,
and wall time measures the neighbours too), followed by each extractor's own share (the time
inside it minus the extractors it asked for), measured in one more pass.

--dump FILE writes ``extract(...).model_dump_json()`` for every text, one per line, so that
two checkouts' outputs can be compared byte for byte (``cmp``) after a speed change.

This is a benchmark, not a test: it runs the code in this checkout (set PYTHONPATH to it).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from provenance.evidence import extract
from provenance.evidence.registry import EXTRACTORS, Context
from provenance.models import Catalog, Outlet, Person

Texts = list[str]


def _load(corpus: Path, limit: int | None) -> tuple[Catalog, Texts]:
    catalog = Catalog.model_validate_json((corpus / "sources.json").read_bytes())
    articles = catalog.articles if limit is None else catalog.articles[:limit]
    return catalog, [(corpus / a.file).read_text("utf-8") for a in articles]


def _pass(texts: Texts, outlets: Sequence[Outlet], people: Sequence[Person]) -> float:
    """CPU seconds to extract every text once."""
    start = time.process_time()
    for text in texts:
        extract(text, outlets, people)
    return time.process_time() - start


def _own_times(
    texts: Texts, outlets: Sequence[Outlet], people: Sequence[Person]
) -> tuple[dict[str, float], float]:
    """CPU seconds spent inside each extractor, not counting the extractors it asked for,
    and the whole pass's."""
    own: dict[str, float] = {}
    nested: list[float] = []  # per running extractor: time spent in those it asked for

    def timed(name: str, function: Callable[[Context], Any]) -> Callable[[Context], Any]:
        def run(ctx: Context) -> Any:
            start = time.process_time()
            nested.append(0.0)
            try:
                return function(ctx)
            finally:
                inner = nested.pop()
                elapsed = time.process_time() - start
                own[name] = own.get(name, 0.0) + elapsed - inner
                if nested:
                    nested[-1] += elapsed

        return run

    original = dict(EXTRACTORS)
    try:
        for name, function in original.items():
            EXTRACTORS[name] = timed(name, function)
        total = _pass(texts, outlets, people)
    finally:
        EXTRACTORS.update(original)
    return own, total


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    parser.add_argument("--dump", type=Path, default=None, help="write each Evidence as JSON")
    args = parser.parse_args(argv)

    catalog, texts = _load(args.corpus, args.limit)
    outlets, people = catalog.outlets, catalog.people
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for text in texts:
                out.write(extract(text, outlets, people).model_dump_json() + "\n")
    else:
        _pass(texts, outlets, people)  # warm-up: per-registry caches, lazy imports
    best = min(_pass(texts, outlets, people) for _ in range(max(1, args.repeat)))
    count = max(1, len(texts))
    print(f"{len(texts)} articles: {best / count * 1000:.3f} ms CPU per article (best pass)")
    own, total = _own_times(texts, outlets, people)
    print(f"a timed pass per extractor: {total / count * 1000:.3f} ms per article")
    for name, seconds in sorted(own.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {name:15s} {seconds / count * 1000:.3f} ms")
    print(f"  {'(outside them)':15s} {(total - sum(own.values())) / count * 1000:.3f} ms")


if __name__ == "__main__":
    main()
