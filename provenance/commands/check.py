from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from provenance.commands.common import (
    DEFAULT_CATALOG,
    EXIT_FINDINGS,
    EXIT_OK,
    CacheDirOption,
    ColorChoice,
    ColorOption,
    ConfigOption,
    ExtendSelectOption,
    IgnoreOption,
    NoCacheOption,
    SelectOption,
    config_file,
    configuration_files,
    configure,
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


def statistics(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Per rule code: its name, severity, open and acknowledged findings; most open first,
    as ruff's --statistics orders them."""
    rows: dict[str, dict[str, Any]] = {}
    for finding in findings:
        row = rows.setdefault(
            finding.code,
            {
                "code": finding.code,
                "name": finding.name,
                "severity": str(finding.severity),
                "open": 0,
                "acknowledged": 0,
            },
        )
        row["acknowledged" if finding.acknowledged is not None else "open"] += 1
    return sorted(rows.values(), key=lambda r: (-r["open"], -r["acknowledged"], r["code"]))


def statistics_lines(rows: Sequence[dict[str, Any]]) -> Iterator[str]:
    if not rows:
        return
    yield "open  acknowledged  code  severity  rule"
    for row in rows:
        yield (
            f"{row['open']:>4}  {row['acknowledged']:>12}  {row['code']:<4}  "
            f"{row['severity']:<8}  {row['name']}"
        )


def check_command(
    path: Annotated[Path, typer.Argument(help="The catalog file.")] = DEFAULT_CATALOG,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
    fail_on: Annotated[
        Severity | None,
        typer.Option("--fail-on", help="Lowest open severity that fails [default: error]."),
    ] = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    show_statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="A count per rule code (open, acknowledged), not each finding."
        ),
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even when findings fail (2 still when unusable)."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Text: print only the summary, and nothing when passing."
        ),
    ] = False,
    show_acknowledged: Annotated[
        bool,
        typer.Option("--show-acknowledged", help="Text: list acknowledged findings in full too."),
    ] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes.")] = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    color: ColorOption = ColorChoice.auto,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    config_path: ConfigOption = None,
) -> None:
    """Validate the catalog, then run every rule on every article (what CI runs).

    Exit 0 when no open (unacknowledged) finding reaches --fail-on, 1 otherwise, 2 when
    the input cannot be used.
    """
    from provenance.check import Invalid, failing, run_check
    from provenance.config import UnusableConfig
    from provenance.findings import finding_json
    from provenance.loader import UnusableInput
    from provenance.report.common import open_counts

    config = configure(
        path,
        select,
        ignore,
        extend_select,
        fail_on,
        statistics=show_statistics,
        exit_zero=exit_zero,
        quiet=quiet,
        show_acknowledged=show_acknowledged,
        explicit=config_file(config_path),
    )
    if config.statistics and output_format not in (CheckFormat.text, CheckFormat.json):
        fail(f"--statistics is given as text or json, not {output_format.value}")
    try:
        cache = digest_cache(cache_dir, no_cache)
        result = run_check(path, config, display=str(path), jobs=jobs, cache=cache)
    except (UnusableInput, UnusableConfig) as error:
        fail(str(error))
    from provenance.report import render
    from provenance.report.output import OutputError, write_report

    findings = list(result.findings)
    failed = failing(findings, config.fail_on)
    counts, acknowledged = open_counts(findings)
    text: str | Iterable[str]
    if output_format in (CheckFormat.sarif, CheckFormat.github):
        text = render(
            result.as_result() if isinstance(result, Invalid) else result, output_format.value
        )
    elif output_format is CheckFormat.json:
        document: dict[str, Any] = {
            "file": str(path),
            "failed": bool(failed) or isinstance(result, Invalid),
            "open": {severity.value: number for severity, number in counts.items()},
            "acknowledged": acknowledged,
        }
        if config.statistics:
            document["statistics"] = statistics(findings)
        else:
            document["findings"] = [finding_json(f) for f in findings]
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        articles = "" if isinstance(result, Invalid) else f"{len(result.articles)} articles, "
        summary = (
            f"{path}: {articles}{sum(counts.values())} open findings ({counts[Severity.ERROR]} "
            f"errors, {counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info), "
            f"{acknowledged} acknowledged; "
            + (f"{len(failed)} failing (--fail-on {config.fail_on})" if failed else "passed")
        )
        coloured = use_color(color, output)
        summary = paint(summary, "error" if failed else "passed", coloured)
        body: Iterable[str]
        if config.quiet:
            body = ()
        elif config.statistics:
            body = (f"{line}\n" for line in statistics_lines(statistics(findings)))
        else:
            # Line by line: the findings of a large catalog make hundreds of megabytes.
            shown = (f for f in findings if f.acknowledged is None or config.show_acknowledged)
            body = ("\n".join(describe(f, coloured)) + "\n" for f in shown)
            if acknowledged and not config.show_acknowledged:
                hidden = (
                    f"{acknowledged} acknowledged findings not shown "
                    "(--show-acknowledged lists them)\n"
                )
                body = chain(body, (hidden,))
        quiet_success = config.quiet and not failed and not isinstance(result, Invalid)
        text = chain(body, () if quiet_success else (f"{summary}\n",))
    try:
        write_report(
            text,
            output,
            path,
            articles=()
            if isinstance(result, Invalid)
            else [a.file for a in result.catalog.articles],
            others=configuration_files(path, config_path),
        )
    except OutputError as error:
        fail(str(error))
    broken = bool(failed) or isinstance(result, Invalid)
    raise typer.Exit(EXIT_FINDINGS if broken and not config.exit_zero else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
