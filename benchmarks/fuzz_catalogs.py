"""Fuzz `validate` and `check` with mutated copies of the bundled catalog, in process.

    python benchmarks/fuzz_catalogs.py [--count 10000] [--seed 16] [--check-every 5]

Each catalog is the real sources.json with one to four mutations drawn from a fixed-seed
random generator: values replaced by hostile shapes (paths with no parts, '.', '..', huge
numbers written as JSON literals, over-long URLs and ids, impossible dates, control and
bidirectional characters, wrong types), keys deleted, added or duplicated, items repeated.
Every catalog goes through `validate`, and every N-th also through `check`; each run must end
with exit 0, 1 or 2, no exception, no traceback, and for exit 2 exactly one `error:` line.
The first failure stops the run and saves its catalog (--keep FILE) to replay it.

A separate, longer job than the test suite (10,000 took 810 s on a busy two-core machine); the
same seed gives the same catalogs. Exit 0 when every catalog ended cleanly, 1 otherwise.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HUGE = "\x00huge-number\x00"  # written as a bare 10,000-digit literal, not as a string
SHAPES: list[Any] = [
    "",
    ".",
    "..",
    "./",
    "/",
    ".//.",
    "seeds/..",
    "seeds/.",
    "seeds/./000_901eae532ebeab44.txt",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\x.txt",
    "seeds\\000_901eae532ebeab44.txt",
    "a\x00b",
    "https://example.org/" + "a" * 2100,
    "https://example.org/a\n",
    "https://[::1]:99999/",
    "http://",
    "javascript:alert(1)",
    "a" * 81,
    "a" * 10_001,
    "A",
    "-a",
    "kazpravda\n",
    "2024-02-30",
    "2024-13-45",
    "0000",
    "9999-12-31T23:59:60Z",
    "2024-08-27T24:00Z",
    "٢٠٢٤-08-27",
    "\u202e\u200b",
    "\x1c",
    "\ud800",  # a lone surrogate, escaped by json.dumps
    HUGE,
    -(2**70),
    1e308,
    -0.0,
    True,
    None,
    [],
    {},
    [[[[[]]]]],
    {"": None},
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


def mutate(real: Any, rng: random.Random) -> Any:
    document = copy.deepcopy(real)
    for _ in range(rng.randint(1, 4)):
        paths = list(_paths(document))[1:]
        if not paths:
            break
        path = rng.choice(paths)
        parent, last = _get(document, path[:-1]), path[-1]
        operation = rng.choice(["shape", "shape", "shape", "edit", "delete", "add", "repeat"])
        if operation == "shape":
            parent[last] = copy.deepcopy(rng.choice(SHAPES))
        elif operation == "edit" and isinstance(parent[last], str):
            affix = rng.choice(["\n", " ", "/..", "/.", "\u200b", "x" * 300, "\x1f"])
            parent[last] = parent[last] + affix if rng.random() < 0.5 else affix + parent[last]
        elif operation == "delete":
            del parent[last]
        elif operation == "add" and isinstance(parent[last], dict):
            parent[last][rng.choice(["id", "file", "url", "x", ""])] = rng.choice(SHAPES)
        elif operation == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return document


def render(document: Any, rng: random.Random) -> str:
    text = json.dumps(document, indent=2)
    digits = "9" * rng.choice([4301, 10_000])
    return text.replace(json.dumps(HUGE), rng.choice(["", "-"]) + digits)


def run(command: str, path: Path) -> str | None:
    """Why the run did not end cleanly, or None."""
    from typer.testing import CliRunner

    from provenance.cli import app

    result = CliRunner().invoke(app, [command, str(path), "--format", "json"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{command} raised {result.exception!r}"
    output = result.stdout + result.stderr
    if "Traceback" in output:
        return f"{command} printed a traceback"
    if result.exit_code not in (0, 1, 2):
        return f"{command} exited {result.exit_code}"
    if result.exit_code == 2 and not (
        result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    ):
        return f"{command} exited 2 without one error line: {result.stderr[:300]!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--check-every", type=int, default=5, help="also `check` every N-th")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failure.json"))
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    real = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="provenance-fuzz-") as temporary:
        folder = Path(temporary)
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        path = folder / "sources.json"
        for number in range(1, options.count + 1):
            path.write_text(render(mutate(real, rng), rng), encoding="utf-8")
            commands = ["validate"] + (["check"] if number % options.check_every == 0 else [])
            for command in commands:
                problem = run(command, path)
                if problem is not None:
                    shutil.copy(path, options.keep)
                    print(f"catalog {number}: {problem}; saved as {options.keep}")
                    return 1
            if number % 1000 == 0:
                print(f"{number} catalogs, {time.monotonic() - started:.0f} s", flush=True)
    print(f"{options.count} mutated catalogs (seed {options.seed}): no traceback")
    return 0


if __name__ == "__main__":
    sys.exit(main())
