"""What the commands share: how they read a catalog and how they fail."""

from __future__ import annotations

import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.digest_cache import CacheLocation
    from provenance.severity import Severity

DEFAULT_CATALOG = Path("sources.json")
EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


CacheDirOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="Where article digests are kept between runs "
        "[default: $PROVENANCE_CACHE_DIR, else $XDG_CACHE_HOME/provenance or ~/.cache/provenance].",
        show_default=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Read settings from this file: a pyproject.toml ([tool.provenance]) or a TOML file "
        "of the same keys [default: the nearest pyproject.toml with [tool.provenance], searched "
        "upward from the catalog's folder, then from the working folder].",
        show_default=False,
        dir_okay=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Read every article again; use no cache.")
]


SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only these codes or prefixes (repeat it, or give a comma list: T,D).",
        show_default=False,
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select",
        help="Codes or prefixes to run besides those selected.",
        show_default=False,
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Skip these codes or prefixes (repeat it, or give a comma list).",
        show_default=False,
    ),
]


def configure(
    catalog: Path,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    fail_on: Severity | None = None,
    *,
    statistics: bool = False,
    exit_zero: bool = False,
    quiet: bool = False,
    show_acknowledged: bool = False,
    explicit: Path | None = None,
) -> Config:
    """[tool.provenance] with the flags over it; exit 2 with one line when the file cannot
    be used or a code, there or on the command line, names no rule."""
    from provenance.config import UnusableConfig, load_config
    from provenance.rules.base import all_rules

    known = {rule.info.code for rule in all_rules()}
    try:
        config = load_config(catalog, known, explicit).merged(
            select,
            ignore,
            fail_on,
            extend_select=extend_select,
            statistics=statistics,
            exit_zero=exit_zero,
            quiet=quiet,
            show_acknowledged=show_acknowledged,
        )
    except UnusableConfig as error:
        fail(str(error))
    problems = config.unknown_selection(known)
    if problems:
        fail(f"--{problems[0]}")
    return config


def digest_cache(directory: Path | None, no_cache: bool) -> CacheLocation | None:
    """The cache a command uses, ready; None (with a warning) when it cannot be used."""
    if no_cache:
        return None
    from provenance.digest_cache import CacheLocation, CacheUnavailable, default_directory, prepare

    try:
        location = CacheLocation(directory or default_directory())
        prepare(location)
    except CacheUnavailable as error:
        typer.echo(f"warning: {error}", err=True)
        return None
    return location


class _Global:
    """What was given before the command's name (`provenance --config FILE check`); set by
    the top-level callback at every invocation, so one run's options never reach the next."""

    config: Path | None = None


def set_global_config(path: Path | None) -> None:
    _Global.config = path


def config_file(option: Path | None) -> Path | None:
    """The command's own --config, else the one given before the command's name."""
    return option if option is not None else _Global.config


class ColorChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


ColorOption = Annotated[
    ColorChoice,
    typer.Option(
        "--color",
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.",
        case_sensitive=False,
    ),
]

# The width of a report written to a file or a pipe: fixed, so that the same catalog gives
# the same bytes whatever terminal the command was started from.
FILE_WIDTH = 100
# Narrower than this, every line of a report would be a word or two: draw at this width and
# let the terminal wrap.
MIN_WIDTH = 40


def to_terminal(output: Path | None) -> bool:
    """Whether the command writes to standard output and that is a terminal."""
    return (output is None or str(output) == "-") and sys.stdout.isatty()


def use_color(choice: ColorChoice, output: Path | None) -> bool:
    """Colour or not: --color always/never as said; auto only on a terminal and only when
    NO_COLOR is unset or empty (https://no-color.org: an option given on the command line
    overrides it)."""
    if choice is not ColorChoice.auto:
        return choice is ColorChoice.always
    if os.environ.get("NO_COLOR"):
        return False
    return to_terminal(output) and os.environ.get("TERM") != "dumb"


def report_width(output: Path | None) -> int:
    """The terminal's width (COLUMNS when set, as shutil reads it) on a terminal; the fixed
    FILE_WIDTH for a file or a pipe."""
    if not to_terminal(output):
        return FILE_WIDTH
    return max(shutil.get_terminal_size((FILE_WIDTH, 24)).columns, MIN_WIDTH)


# SGR codes of the styles the plain-text outputs use (the report's, drawn by rich, match).
_SGR = {"error": "1;31", "warning": "33", "info": "36", "dim": "2", "passed": "32"}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in ``style`` (a key of _SGR) when ``color``, else unchanged."""
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m" if color else text


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


def catalog_argument(
    command: str, file: Path, given: Path | None, old: Path | None, flag: str
) -> Path | None:
    """The catalog of `add` and `evidence`, given after the article's file, or by the old
    ``flag`` (still taken, with a deprecation warning); refused when both name different
    catalogs."""
    if old is None:
        return given
    if given is not None and given != old:
        fail(f"two catalogs given ({given} and --catalog {old}); give one")
    typer.echo(
        f"warning: {flag} is deprecated; give the catalog as the argument after the file, "
        f"as the other commands do: provenance {command} {file} {old}",
        err=True,
    )
    return old


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


def configuration_files(catalog: Path, option: Path | None) -> list[Path]:
    """The configuration file a command reads (--config, else the one found upward), so
    that `-o` can refuse to overwrite it."""
    explicit = config_file(option)
    if explicit is not None:
        return [explicit]
    from provenance.config import UnusableConfig, find_config

    try:
        found = find_config(catalog)
    except (UnusableConfig, OSError):
        return []
    return [found[0]] if found else []
