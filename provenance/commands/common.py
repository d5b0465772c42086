"""What the commands share: how they read a catalog and how they fail."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import typer

DEFAULT_CATALOG = Path("sources.json")
EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: the input could not be used at all."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_UNUSABLE)


def write(text: str) -> None:
    """Write to stdout; a closed pipe (| head) ends quietly instead of with a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(EXIT_OK) from None
