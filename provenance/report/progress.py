"""A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes,
files or CI logs, where it would be noise and would break byte-identical output)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")


def progress(
    items: Sequence[T], label: str, *, stream: TextIO | None = None, minimum: int = 20
) -> Iterator[T]:
    """Yield ``items``, drawing a bar on ``stream`` (stderr) when it is a terminal and there
    are at least ``minimum`` items; otherwise yield them silently."""
    out = stream if stream is not None else sys.stderr
    if len(items) < minimum or not out.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(file=out), transient=True) as bar:
        task = bar.add_task(label, total=len(items))
        for item in items:
            yield item
            bar.advance(task)
