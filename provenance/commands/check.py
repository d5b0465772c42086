from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from provenance.commands.common import (
    DEFAULT_CATALOG,
    EXIT_FINDINGS,
    EXIT_OK,
    CacheDirOption,
    ColorChoice,
    ColorOption,
    NoCacheOption,
    digest_cache,
    fail,
    paint,
    use_color,
)
from provenance.severity import Severity

if TYPE_CHECKING:
    from provenance.findings import Finding


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


def describe(finding: Finding, color: bool = False) -> list[str]:
    """A finding as the terminal shows it: its headline, then its evidence, indented."""
    headline = finding.headline()
    tag = f"[{finding.code} {finding.name}]"
    if color and headline.endswith(tag):
        headline = headline[: -len(tag)] + paint(tag, str(finding.severity), color)
    lines = [headline]
    if finding.acknowledged is not None:
        lines[0] += paint(f" (acknowledged: {finding.acknowledged})", "dim", color)
    for where in finding.evidence:
        quoted = f" {where.snippet!r}" if where.snippet else ""
        lines.append(f"    {where.file}:{where.line}:{where.column}:{quoted}")
    if finding.fix:
        lines.append(f"    fix: {finding.fix}")
    return lines


def check_command(
    path: Annotated[Path, typer.Argument(help="The catalog file.")] = DEFAULT_CATALOG,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on", help="Lowest unacknowledged severity that fails [default: error]."
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these codes or prefixes.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these codes or prefixes.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes.")] = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    color: ColorOption = ColorChoice.auto,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
) -> None:
    """Validate the catalog, then run every rule on every article (what CI runs).

    Exit 0 when no unacknowledged finding reaches --fail-on, 1 otherwise, 2 when the
    input cannot be used.
    """
    from provenance.check import Invalid, failing, run_check
    from provenance.config import UnusableConfig, load_config
    from provenance.findings import finding_json
    from provenance.loader import UnusableInput

    try:
        config = load_config(path).merged(select, ignore, fail_on)
        cache = digest_cache(cache_dir, no_cache)
        result = run_check(path, config, display=str(path), jobs=jobs, cache=cache)
    except (UnusableInput, UnusableConfig) as error:
        fail(str(error))
    from provenance.report import render
    from provenance.report.output import write_output

    findings = list(result.findings)
    failed = failing(findings, config.fail_on)
    text: str | Iterable[str]
    if output_format in (CheckFormat.sarif, CheckFormat.github) and not isinstance(result, Invalid):
        text = render(result, output_format.value)
    elif output_format is CheckFormat.json:
        document = {
            "file": str(path),
            "failed": bool(failed) or isinstance(result, Invalid),
            "findings": [finding_json(f) for f in findings],
        }
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        counts = Counter(f.severity for f in findings if not f.acknowledged)
        acknowledged = sum(1 for f in findings if f.acknowledged)
        articles = "" if isinstance(result, Invalid) else f"{len(result.articles)} articles, "
        summary = (
            f"{path}: {articles}{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} "
            f"warnings, {counts[Severity.INFO]} info, {acknowledged} acknowledged; "
            + (f"{len(failed)} failing (--fail-on {config.fail_on})" if failed else "passed")
        )
        coloured = use_color(color, output)
        summary = paint(summary, "error" if failed else "passed", coloured)
        # Line by line: the findings of a large catalog make hundreds of megabytes of text.
        text = chain(("\n".join(describe(f, coloured)) + "\n" for f in findings), (f"{summary}\n",))
    try:
        write_output(text, output)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")
    raise typer.Exit(EXIT_FINDINGS if failed or isinstance(result, Invalid) else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
