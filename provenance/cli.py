"""The command line. Each command lives in provenance/commands/ and imports its heavy
modules inside the function, so that `provenance --help` stays fast."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Annotated

import typer

from provenance.commands.common import ConfigOption, set_global_config

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


def installed_version() -> str:
    """The installed distribution's version; the package's own when run from a bare checkout."""
    from importlib import metadata

    from provenance import DISTRIBUTION, __version__

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"provenance {installed_version()}")
        raise typer.Exit(0)


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Check where each article in a sources.json catalog came from, and how far to trust it."""
    set_global_config(config)


for _name in COMMANDS:
    importlib.import_module(f"provenance.commands.{_name}").register(app)


def main() -> None:
    # One command, then the process exits: the cyclic collector has nothing to gain, and at
    # 100,000 articles its first full pass over a check's result cost about 3 s. (`run_check`
    # pauses it anyway and restores it, for library callers.)
    gc.disable()
    try:
        app()
    except MemoryError:
        # Whatever ran out (a huge input under `ulimit -v`), one line and exit 2 as for any
        # input the tool cannot use; the frames that held the memory are gone by now.
        sys.stderr.write("error: out of memory (is an input far larger than it should be?)\n")
        sys.exit(2)
    except BrokenPipeError:
        # `provenance report | head`: the reader left; stop quietly, as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as error:
        # Every file the commands read or write has its own message; what reaches here is
        # standard output failing (a full device, `> /dev/full`). One line, exit 2, and
        # stdout pointed at /dev/null so that the interpreter's last flush does not fail too.
        where = error.filename if error.filename else "standard output"
        reason = error.strerror or str(error)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.stderr.write(f"error: {where}: cannot write: {reason}\n")
        sys.exit(2)
