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


class ProgressBar:
    """A ``(done, total)`` callback that draws on stderr only when it is a terminal and the
    run is long enough to be worth it; use as a context manager."""

    def __init__(self, label: str, *, stream: TextIO | None = None, minimum: int = 20) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.minimum = minimum
        self._bar: object | None = None
        self._task: object | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]

    def __call__(self, done: int, total: int) -> None:
        if total < self.minimum or not self.stream.isatty():
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
            bar = Progress(*columns, console=Console(file=self.stream), transient=True)
            bar.start()
            self._bar, self._task = bar, bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done)  # type: ignore[attr-defined]
