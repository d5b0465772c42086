from __future__ import annotations

import typer


def schema_command() -> None:
    """Print the catalog's JSON Schema (Draft 2020-12), as committed in the package."""
    from provenance.commands.common import write
    from provenance.schema import committed_catalog_schema, render

    write(render(committed_catalog_schema()))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
