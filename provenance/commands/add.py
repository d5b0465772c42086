from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from provenance.commands.common import (
    DEFAULT_CATALOG,
    EXIT_OK,
    ConfigOption,
    catalog_argument,
    config_file,
    fail,
    write,
)

if TYPE_CHECKING:
    from provenance.adding import Plan

MAX_BYTES = 50 * 1024 * 1024


def _render(plan: Plan) -> str:
    from provenance.catalog_edit import render_entry, render_outlet
    from provenance.commands.check import describe

    entry = plan.article.model_dump(by_alias=True, mode="json")
    lines = [f"Proposed entry for {plan.document.source} (text to {plan.article.file}):"]
    lines.append(render_entry(plan.candidate_text, entry).replace("\r\n", "\n"))
    for outlet in plan.proposal.outlets:
        shown = render_outlet(plan.candidate_text, outlet.model_dump(by_alias=True, mode="json"))
        lines.append(f"Proposed outlet {outlet.id!r}:")
        lines.append(shown.replace("\r\n", "\n"))
    for note in plan.proposal.notes:
        lines.append(f"note: {note}")
    if plan.findings:
        lines.append(f"Findings for {plan.article.id}:")
        lines.extend(f"  {line}" for finding in plan.findings for line in describe(finding))
    else:
        lines.append(f"No findings for {plan.article.id}.")
    return "\n".join(lines) + "\n"


def _stdin_is_terminal() -> bool:
    # No standard input at all (its descriptor closed) or a closed stream cannot be asked.
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


CANNOT_ASK = (
    "not writing without confirmation: standard input is not a terminal, so nobody can be "
    "asked; pass --yes to write, or --dry-run to only see the entry"
)


def _ask(plan: Plan) -> bool:
    return typer.confirm(f"Write this entry to {plan.catalog_path}?", default=False, err=True)


def add_command(
    file: Annotated[Path, typer.Argument(help="A plain-text article or a saved HTML page.")],
    path: Annotated[
        Path | None,
        typer.Argument(help="The catalog file [default: sources.json].", show_default=False),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Where the copy was found (never fetched).")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="The publisher's outlet id in the catalog.")
    ] = None,
    article_id: Annotated[
        str | None, typer.Option("--id", help="The new article's id (default: from its title).")
    ] = None,
    old_catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            "-c",
            hidden=True,
            help="Deprecated: give the catalog as the argument after FILE.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the entry and its findings; write nothing.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse files larger than this.")
    ] = MAX_BYTES,
    config_path: ConfigOption = None,
) -> None:
    """Add an article to the catalog: propose its entry from the file (offline), show it with
    its findings, then copy the text beside the catalog and append the entry atomically.

    Asks before writing unless --yes; refuses (exit 2) when it cannot ask. Refuses a
    duplicate id, URL or text, and binary, empty or over-size files (exit 2).
    """
    from provenance.adding import AddRefused, add, articles_folder
    from provenance.config import UnusableConfig, load_config
    from provenance.ingest import IngestError
    from provenance.proposal import Options, ProposalError

    catalog = catalog_argument("add", file, path, old_catalog, "--catalog/-c") or DEFAULT_CATALOG
    if not yes and not dry_run and not _stdin_is_terminal():
        fail(CANNOT_ASK)
    try:
        config = load_config(catalog, explicit=config_file(config_path))
        options = Options(
            url=url,
            outlet=outlet,
            article_id=article_id,
            articles_folder=articles_folder(catalog, config),
        )
        shown: list[Plan] = []

        def confirm(plan: Plan) -> bool:
            shown.append(plan)
            write(_render(plan))
            return yes or _ask(plan)

        result, written = add(
            catalog,
            file,
            options,
            dry_run=dry_run,
            confirm=confirm,
            max_bytes=max_bytes,
            config=config,
        )
    except (AddRefused, IngestError, ProposalError, UnusableConfig) as error:
        fail(str(error))
    if not shown:
        write(_render(result))
    if written:
        if shown and shown[0].article != result.article:
            write("The catalog changed meanwhile; this entry was written instead:\n")
            write(_render(result))
        write(f"Added {result.article.id} to {catalog} ({result.article.file}).\n")
    elif dry_run:
        write("Dry run: nothing written.\n")
    else:
        write("Nothing written.\n")
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("add")(add_command)
