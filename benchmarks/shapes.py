"""Extraction speed and memory on adversarial text shapes (issue 16).

    python benchmarks/shapes.py [--sizes 0.25,0.5,1] [--shape NAME ...] [--no-memory] [--cli]

Each shape is generated at each size (in MB of UTF-8) and run through
``provenance.evidence.extract`` once; the line printed per run gives MB/s of CPU time and
the peak of memory Python allocated during the run (tracemalloc, a second run, since tracing
slows Python down). Linear extraction shows as a flat MB/s column down the sizes of a shape.

With --cli, each text is written to a temporary file and read by ``provenance evidence FILE``
in a child process instead: MB/s of the child's CPU time (user + sys, start-up included) and
its peak resident memory (``ru_maxrss`` from ``os.wait4``), i.e. what a user waits for.

This is a benchmark, not a test: it runs the code in this checkout (set PYTHONPATH to it).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence

from provenance.evidence import extract

_WORDS = "the council said on tuesday that a new plan would be put to a vote".split()
_NAMES = ["Anna Berg", "Jonas Weller", "Maria Costa", "Tom Hale", "Lena Fischer", "Ravi Shah"]


def _fill(unit: Callable[[int], str], size: int, joiner: str = "\n") -> str:
    """``unit(0) + joiner + unit(1) + ...`` until ``size`` characters."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part) + len(joiner)
        i += 1
    return joiner.join(parts)[:size]


def short_lines(size: int) -> str:
    rng = random.Random(1)
    return _fill(lambda i: " ".join(rng.choice(_WORDS) for _ in range(1 + i % 3)), size)


def byline_lines(size: int) -> str:
    return _fill(lambda i: f"By {_NAMES[i % len(_NAMES)]} and {_NAMES[(i + 1) % 6]}", size)


def long_lines(size: int) -> str:
    rng = random.Random(2)
    return _fill(lambda i: " ".join(rng.choice(_WORDS) for _ in range(400)) + ".", size)


def one_line_quotes(size: int) -> str:
    return _fill(
        lambda i: f'"We will {_WORDS[i % 15]} it," said {_NAMES[i % 6]}. "Never," she said.',
        size,
        " ",
    )


def quote_marks(size: int) -> str:
    return _fill(lambda i: '"' * 50 + " “ ” « » „ ‘ ’ '", size)


def capitalised(size: int) -> str:
    rng = random.Random(3)
    caps = [w.capitalize() for w in _WORDS] + [n.split()[1] for n in _NAMES]
    return _fill(lambda i: " ".join(rng.choice(caps) for _ in range(30)), size)


def many_names(size: int) -> str:
    """Distinct invented names and lone capitalised words: every pair is a comparison."""
    rng = random.Random(4)

    def word() -> str:
        return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    return _fill(
        lambda i: f"{word().capitalize()} {word().capitalize()} met {word().capitalize()}.",
        size,
        " ",
    )


def scare_quotes(size: int) -> str:
    return _fill(lambda i: "“a”", size, " ")


def month_dates(size: int) -> str:
    return _fill(lambda i: f"{i % 28 + 1} January {2000 + i % 25},", size, " ")


def punctuation(size: int) -> str:
    return _fill(lambda i: "-.,;:!?*=_/()[]" * 7, size, "")


def digits(size: int) -> str:
    return _fill(lambda i: "0123456789" * 10, size, "")


def digit_lines(size: int) -> str:
    return _fill(lambda i: f"{i % 28 + 1}.{i % 12 + 1}.{2000 + i % 30} 12:{i % 60:02d}", size)


def repeated(size: int) -> str:
    return _fill(lambda i: "By By By By Reuters Reuters (AP) (AP) — — said said " * 4, size, " ")


def one_word_line(size: int) -> str:
    return "a" * size


def one_word_two_scripts(size: int) -> str:
    """A long run of letters on a page that also holds another script: the prose test once
    backtracked through the run from each of its letters."""
    return "\u0436 " + "a" * size


def glued_capitals(size: int) -> str:
    """Prose lines of words glued across a capital: each capital once re-read its line."""
    return _fill(lambda i: " ".join(["wordWord"] * 12), size)


def blank_lines(size: int) -> str:
    return "\n" * size


SHAPES: dict[str, Callable[[int], str]] = {
    "short-lines": short_lines,
    "byline-lines": byline_lines,
    "long-lines": long_lines,
    "one-line-quotes": one_line_quotes,
    "quote-marks": quote_marks,
    "capitalised": capitalised,
    "many-names": many_names,
    "scare-quotes": scare_quotes,
    "month-dates": month_dates,
    "punctuation": punctuation,
    "digits": digits,
    "digit-lines": digit_lines,
    "repeated": repeated,
    "one-word": one_word_line,
    "one-word-two-scripts": one_word_two_scripts,
    "glued-capitals": glued_capitals,
    "blank-lines": blank_lines,
}


def measure(text: str, memory: bool) -> tuple[float, float | None]:
    """CPU seconds of one extraction, and its peak traced memory in MB."""
    gc.collect()
    start = time.process_time()
    extract(text)
    seconds = time.process_time() - start
    peak = None
    if memory:
        gc.collect()
        tracemalloc.start()
        extract(text)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return seconds, peak


def measure_cli(text: str) -> tuple[float, float, int]:
    """CPU seconds and peak RSS (MB) of ``provenance evidence`` on ``text``, and its exit
    code."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "shape.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        child = subprocess.Popen(
            [sys.executable, "-m", "provenance", "evidence", path],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
        )
        _, status, usage = os.wait4(child.pid, 0)
    seconds = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0.25,0.5,1", help="MB, comma-separated")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), default=None)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--cli", action="store_true", help="time `provenance evidence FILE`")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    extract("By Anna Berg\n\nA warm-up.")  # lazy imports and compiled patterns
    memory = "RSS MB" if args.cli else "peak MB"
    print(f"{'shape':16s} {'MB':>6s} {'lines':>8s} {'CPU s':>8s} {'MB/s':>8s} {memory:>8s}")
    for name in args.shape or list(SHAPES):
        for mb in sizes:
            text = SHAPES[name](int(mb * 1_000_000))
            size = len(text.encode("utf-8")) / 1e6
            if args.cli:
                seconds, rss, code = measure_cli(text)
                peak: float | None = rss
                if code != 0:
                    print(f"{name}: provenance evidence exited {code}", file=sys.stderr)
            else:
                seconds, peak = measure(text, not args.no_memory)
            rate = size / seconds if seconds > 0 else float("inf")
            peak_text = f"{peak:8.1f}" if peak is not None else f"{'-':>8s}"
            lines = text.count("\n") + 1
            print(
                f"{name:16s} {size:6.2f} {lines:8d} {seconds:8.2f} {rate:8.2f} {peak_text}",
                flush=True,
            )


if __name__ == "__main__":
    main()
