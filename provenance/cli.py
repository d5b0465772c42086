"""The command line. Each command lives in provenance/commands/ and imports its heavy
modules inside the function, so that `provenance --help` stays fast."""

from __future__ import annotations

import gc
import importlib
import os
import sys

import typer

COMMANDS = ("report", "check", "validate", "add", "evidence", "rules", "schema")

app = typer.Typer(
    name="provenance",
    help="Check where each article in a sources.json catalog came from, and how far to trust it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich_utils alone costs over 0.1 s of start-up.
    rich_markup_mode=None,
)

for _name in COMMANDS:
    importlib.import_module(f"provenance.commands.{_name}").register(app)


def main() -> None:
    # One command, then the process exits: the cyclic collector has nothing to gain, and at
    # 100,000 articles its first full pass over a check's result cost about 3 s. (`run_check`
    # pauses it anyway and restores it, for library callers.)
    gc.disable()
    try:
        app()
    except BrokenPipeError:
        # `provenance report | head`: the reader left; stop quietly, as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
