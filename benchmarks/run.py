"""Measure `provenance validate` and `provenance check` end to end on synthetic catalogs.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--workdir DIR] [--seed S]
                             [--skip-check] [--skip-invalid] [--json FILE]

For each size: generate the corpus (cached in the workdir by size, seed and generator
version), then run each command as a child process and record wall time, CPU time
(user + sys, the child and everything it waited for, from os.wait4), peak RSS of the
largest process (ru_maxrss from os.wait4) and peak RSS of the whole process tree (sampled
from /proc every 20 ms, which counts pool workers too), and throughput in articles/s.
check-jsonschema runs on the same file and schema, and on an invalid variant the JSON
pointers both tools report are compared with each other and with the injected errors.
`provenance check` runs twice on a fresh cache folder: cold (every article extracted, its
digest stored), then warm (every digest found). `provenance --help` is timed too (best of
5). Prints Markdown; --json writes raw figures.

This is a benchmark, not a test: it runs the code in this checkout (PYTHONPATH set to it).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "provenance" / "catalog.schema.json"


@dataclass
class Run:
    """One measured child process."""

    label: str
    size: int
    argv: list[str]
    wall: float
    user: float
    system: float
    max_rss_mib: float
    tree_rss_mib: float
    exit_code: int
    stdout: str = field(default="", repr=False)
    stderr: str = field(default="", repr=False)

    @property
    def cpu(self) -> float:
        return self.user + self.system

    @property
    def rate(self) -> float:
        return self.size / self.wall if self.wall else 0.0

    def figures(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("stdout")
        data.pop("stderr")
        data["cpu"] = round(self.cpu, 3)
        data["articles_per_second"] = round(self.rate, 1)
        return data


# ---------------------------------------------------------------------------------------
# Measuring a child process.


def _children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields resume after the last ')'.
        parent = int(stat[stat.rindex(b")") + 2 :].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _tree_rss(root: int, page: int) -> int:
    total = 0
    pending = [root]
    tree = _children_map()
    while pending:
        pid = pending.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            pass
        pending.extend(tree.get(pid, ()))
    return total


class TreeSampler(threading.Thread):
    """Peak summed RSS of a process and its descendants, sampled every ``interval`` s."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.done = threading.Event()
        self.page = os.sysconf("SC_PAGE_SIZE")

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid, self.page))
            self.done.wait(self.interval)


def measure(label: str, size: int, argv: list[str], env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
        sampler = TreeSampler(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(
        label=label,
        size=size,
        argv=argv,
        wall=round(wall, 3),
        user=round(usage.ru_utime, 3),
        system=round(usage.ru_stime, 3),
        max_rss_mib=round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        tree_rss_mib=round(sampler.peak / 2**20, 1),
        exit_code=child.returncode,
        stdout=stdout,
        stderr=stderr,
    )


# ---------------------------------------------------------------------------------------
# Corpora.


def generator_version() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:12]


def corpus(workdir: Path, size: int, seed: int, invalid: bool) -> Path:
    """The corpus folder, generated unless a complete one for this generator is cached."""
    folder = workdir / f"n{size}-s{seed}{'-invalid' if invalid else ''}"
    marker = folder / ".complete"
    version = generator_version()
    if marker.exists() and marker.read_text() == version:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    start = time.perf_counter()
    # In a child process: generating 100k articles in this one would grow it past 1 GiB, and
    # every measured child forked from it would start with that RSS on its ru_maxrss.
    argv = [sys.executable, str(HERE / "generate.py"), str(size), str(folder), "--seed", str(seed)]
    subprocess.run([*argv, "--invalid"] if invalid else argv, check=True)
    marker.write_text(version)
    took = time.perf_counter() - start
    print(f"generated {folder} in {took:.1f} s", file=sys.stderr)
    return folder


# ---------------------------------------------------------------------------------------
# Comparing reported errors.

_PATH_PART = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['\"](.*?)['\"]\]")


def jsonpath_to_pointer(path: str) -> str:
    """check-jsonschema's '$.articles[3].copy.url' as the JSON pointer '/articles/3/copy/url'."""
    parts: list[str] = []
    rest = path[1:] if path.startswith("$") else path
    for match in _PATH_PART.finditer(rest):
        name, index, quoted = match.groups()
        parts.append(name if name is not None else index if index is not None else quoted)
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def provenance_pointers(document: dict[str, Any]) -> set[str]:
    return {
        f["catalog"]["pointer"]
        for f in document.get("findings", [])
        if f.get("catalog") and f["catalog"].get("pointer") is not None
    }


def as_container(pointer: str, unknown_keys: set[str]) -> str:
    """provenance points an unknown key at the key itself, check-jsonschema at the object
    holding it; compare them at the object."""
    return pointer.rsplit("/", 1)[0] if pointer in unknown_keys else pointer


def compare_errors(
    provenance_doc: dict[str, Any], checker_doc: dict[str, Any], folder: Path
) -> dict[str, Any]:
    injected = json.loads((folder / "injected.json").read_text())
    unknown = {i["pointer"] for i in injected if i["kind"] == "unknown-key"}
    unknown |= {
        f["catalog"]["pointer"]
        for f in provenance_doc.get("findings", [])
        if f.get("catalog") and str(f.get("message", "")).startswith("unknown key")
    }
    ours = provenance_pointers(provenance_doc)
    theirs = {jsonpath_to_pointer(e["path"]) for e in checker_doc.get("errors", [])}
    expected = {i["pointer"] for i in injected}
    ours_cmp = {as_container(p, unknown) for p in ours}
    expected_cmp = {as_container(p, unknown) for p in expected}
    return {
        "injected": sorted(expected),
        "provenance": sorted(ours),
        "check_jsonschema": sorted(theirs),
        "agree": ours_cmp == theirs,
        "provenance_found_all_injected": expected <= ours,
        "check_jsonschema_found_all_injected": expected_cmp <= theirs,
        "only_provenance": sorted(ours_cmp - theirs),
        "only_check_jsonschema": sorted(theirs - ours_cmp),
    }


# ---------------------------------------------------------------------------------------
# The benchmark.


def tools(python: str) -> tuple[list[str], list[str] | None]:
    """How to call provenance, and check-jsonschema if it is installed."""
    provenance = [python, "-m", "provenance"]
    beside = Path(python).parent / "check-jsonschema"
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    return provenance, ([found] if found else None)


def has_check(provenance: list[str], env: dict[str, str]) -> bool:
    shown = subprocess.run(
        [*provenance, "--help"], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    ).stdout
    # typer lists commands one a line, inside a box drawn with '│'.
    return re.search(r"^[\s│|]*check\s", shown, re.MULTILINE) is not None


def time_help(python: str, env: dict[str, str]) -> dict[str, float]:
    script = Path(python).parent / "provenance"
    argv = [str(script), "--help"] if script.exists() else [python, "-m", "provenance", "--help"]
    help_runs = [measure("help", 0, argv, env).wall for _ in range(5)]
    bare_runs = [measure("python", 0, [python, "-c", "pass"], env).wall for _ in range(5)]
    return {"help_best": min(help_runs), "python_startup_best": min(bare_runs)}


def bench(args: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    provenance, checker = tools(args.python)
    run_check = not args.skip_check and has_check(provenance, env)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "seed": args.seed,
        "generator": generator_version(),
        "check_available": run_check,
        "runs": [],
        "comparisons": [],
    }
    results["help"] = time_help(args.python, env)
    for size in args.sizes:
        folder = corpus(args.workdir, size, args.seed, invalid=False)
        catalog = str(folder / "sources.json")
        plan: list[tuple[str, list[str]]] = [
            ("provenance validate", [*provenance, "validate", catalog])
        ]
        if checker:
            plan.append(("check-jsonschema", [*checker, "--schemafile", str(SCHEMA), catalog]))
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=args.workdir))
        if run_check:
            # The first run computes every digest and stores it; the second finds them all,
            # as a CI job does on an unchanged catalog once the cache folder is kept.
            checking = [*provenance, "check", catalog, "--cache-dir", str(cache)]
            plan.append(("provenance check (cold cache)", checking))
            plan.append(("provenance check (warm cache)", checking))
        try:
            for label, argv in plan:
                run = measure(label, size, argv, env)
                print(f"{label} N={size}: {run.wall:.2f} s, exit {run.exit_code}", file=sys.stderr)
                if run.exit_code not in (0, 1):
                    print(run.stderr[-2000:], file=sys.stderr)
                results["runs"].append(run.figures())
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        if args.skip_invalid or not checker:
            continue
        bad = corpus(args.workdir, size, args.seed, invalid=True)
        bad_catalog = str(bad / "sources.json")
        ours = measure(
            "provenance validate (invalid)",
            size,
            [*provenance, "validate", "--format", "json", bad_catalog],
            env,
        )
        theirs = measure(
            "check-jsonschema (invalid)",
            size,
            [*checker, "-o", "json", "--schemafile", str(SCHEMA), bad_catalog],
            env,
        )
        results["runs"].extend([ours.figures(), theirs.figures()])
        comparison = compare_errors(json.loads(ours.stdout), json.loads(theirs.stdout), bad)
        comparison["size"] = size
        results["comparisons"].append(comparison)
    return results


# ---------------------------------------------------------------------------------------
# Report.


def _find(runs: list[dict[str, Any]], label: str, size: int) -> dict[str, Any] | None:
    return next((r for r in runs if r["label"] == label and r["size"] == size), None)


def markdown(results: dict[str, Any]) -> str:
    runs = results["runs"]
    lines = [
        "| command | N | wall s | CPU s | peak RSS MiB (largest process) | peak RSS MiB (tree) "
        "| articles/s | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r['label']} | {r['size']:,} | {r['wall']:.2f} | {r['cpu']:.2f} "
            f"| {r['max_rss_mib']:.0f} | {r['tree_rss_mib']:.0f} "
            f"| {r['articles_per_second']:,.0f} | {r['exit_code']} |"
        )
    lines.append("")
    sizes = sorted({r["size"] for r in runs})
    for size in sizes:
        ours = _find(runs, "provenance validate", size)
        theirs = _find(runs, "check-jsonschema", size)
        if ours and theirs:
            lines.append(
                f"- N={size:,}: check-jsonschema / provenance validate wall-time ratio = "
                f"{theirs['wall'] / ours['wall']:.2f} (above 1: validate is faster)"
            )
    for label in (
        "provenance validate",
        "provenance check (cold cache)",
        "provenance check (warm cache)",
    ):
        for small, large in itertools.pairwise(sizes):
            a, b = _find(runs, label, small), _find(runs, label, large)
            if a and b:
                lines.append(
                    f"- {label}: N={small:,} -> N={large:,} costs {b['wall'] / a['wall']:.1f}x "
                    f"wall for {large / small:.0f}x the articles"
                )
    for comparison in results["comparisons"]:
        lines.append(
            f"- invalid variant N={comparison['size']:,}: {len(comparison['injected'])} errors "
            f"injected; provenance found all: {comparison['provenance_found_all_injected']}; "
            f"check-jsonschema found all: {comparison['check_jsonschema_found_all_injected']}; "
            f"the two report the same pointers: {comparison['agree']}"
            + (
                f" (only provenance: {comparison['only_provenance']}, only check-jsonschema: "
                f"{comparison['only_check_jsonschema']})"
                if not comparison["agree"]
                else ""
            )
        )
    shown = results["help"]
    lines.append(
        f"- `provenance --help`: best of 5 = {shown['help_best']:.3f} s "
        f"(bare `python -c pass`: {shown['python_startup_best']:.3f} s)"
    )
    if not results["check_available"]:
        lines.append("- `provenance check` was not measured (not available, or --skip-check).")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        type=lambda text: [int(part) for part in text.split(",") if part],
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "provenance-bench"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-check", action="store_true", help="do not run provenance check")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="skip the invalid-variant comparison"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter to run provenance")
    parser.add_argument("--json", type=Path, help="write the raw figures here")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = bench(args)
    sys.stdout.write(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
