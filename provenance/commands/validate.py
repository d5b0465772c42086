from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from provenance.commands.common import (
    DEFAULT_CATALOG,
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    TextOrJson,
    config_file,
    fail,
    write,
)


def validate_command(
    path: Annotated[Path, typer.Argument(help="The catalog file.")] = DEFAULT_CATALOG,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="Output format.")
    ] = TextOrJson.text,
    config_path: ConfigOption = None,
) -> None:
    """Validate a catalog: JSON syntax, the schema, then references, files, URLs and dates.

    Exit 0 when valid, 1 when not, 2 when the file cannot be used at all.
    """
    from provenance.config import UnusableConfig, load_config
    from provenance.findings import finding_json
    from provenance.loader import UnusableInput, load_catalog
    from provenance.validate import validate

    try:
        limit = load_config(path, explicit=config_file(config_path)).max_article_bytes
        validation = validate(load_catalog(path, str(path)), max_article_bytes=limit)
    except (UnusableInput, UnusableConfig) as error:
        fail(str(error))
    findings = validation.findings
    if output_format is TextOrJson.json:
        document = {
            "file": str(path),
            "valid": validation.valid,
            "findings": [finding_json(f) for f in findings],
        }
        write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        lines = [finding.headline() for finding in findings]
        catalog = validation.loaded.catalog
        if validation.valid and catalog is not None:
            lines.append(f"{path}: valid ({len(catalog.articles)} articles)")
        else:
            lines.append(f"{path}: {len(findings)} error{'s' * (len(findings) != 1)}")
        write("\n".join(lines) + "\n")
    raise typer.Exit(EXIT_OK if validation.valid else EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
