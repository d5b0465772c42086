from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

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
    report_width,
    use_color,
)


class ReportFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"
    sarif = "sarif"
    github = "github"
    prov_json = "prov-json"


def report_command(
    path: Annotated[Path, typer.Argument(help="The catalog file.")] = DEFAULT_CATALOG,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.terminal,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes.")] = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    config_path: ConfigOption = None,
    color: ColorOption = ColorChoice.auto,
) -> None:
    """The provenance report: each article's chain, dates, authors, grade and findings, and
    what travels between articles.

    Exit 0 when the report is written, 1 when the catalog is invalid (its errors are
    printed instead), 2 when the input cannot be used.
    """
    from provenance.check import Invalid, run_check
    from provenance.commands.check import describe
    from provenance.config import UnusableConfig
    from provenance.loader import UnusableInput
    from provenance.report import render
    from provenance.report.output import OutputError, write_report
    from provenance.report.progress import ProgressBar

    config = configure(path, select, ignore, extend_select, explicit=config_file(config_path))
    try:
        cache = digest_cache(cache_dir, no_cache)
        with ProgressBar("extracting evidence") as bar:
            result = run_check(
                path, config, display=str(path), jobs=jobs, progress=bar, cache=cache
            )
    except (UnusableInput, UnusableConfig) as error:
        fail(str(error))
    if isinstance(result, Invalid):
        lines = [line for finding in result.findings for line in describe(finding)]
        typer.echo("\n".join(lines), err=True)
        typer.echo(f"error: {path} is not a valid catalog; no report written", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    text = render(
        result, output_format.value, color=use_color(color, output), width=report_width(output)
    )
    try:
        write_report(
            text,
            output,
            path,
            articles=[article.file for article in result.catalog.articles],
            others=configuration_files(path, config_path),
        )
    except OutputError as error:
        fail(str(error))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
