"""One process beside the main one: forked when the first piece of work is handed to it, it
works on what the main process held then, while the main process goes on.

`check` hands it the work that the rest of a large check does not need at once: the
passages shared word for word (while the main process finds the shared quotations), and
the positions of the findings in sources.json (needed only at the end). What it holds is
inherited by the fork; only the arguments and the results of the work cross between the
processes. Where processes are spawned rather than forked (macOS; Python 3.14's default
start method), what it holds is pickled instead: the same results, more slowly.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

# Below this many findings and articles, a process aside costs more than it saves
# (starting it, and sending the results back).
MINIMUM_WORK = 20_000

P = ParamSpec("P")
R = TypeVar("R")

_held: dict[str, Any] = {}


def _hold(values: dict[str, Any]) -> None:
    global _held
    _held = values


def held(name: str) -> Any:
    """In the process aside: one of the values it was given to hold."""
    return _held[name]


class Aside:
    """``with Aside(enabled, name=value, ...) as aside:`` a process that holds those values
    when ``enabled`` (a second core, and enough work to pay for it); ``aside.submit`` runs
    a module-level function there and returns its Future, or None when there is no process
    aside (the caller then does the work itself). Work runs in the order it is submitted."""

    def __init__(self, enabled: bool, **values: Any) -> None:
        self._pool = (
            ProcessPoolExecutor(1, initializer=_hold, initargs=(values,)) if enabled else None
        )

    @property
    def running(self) -> bool:
        return self._pool is not None

    def submit(
        self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs
    ) -> Future[R] | None:
        return None if self._pool is None else self._pool.submit(function, *args, **kwargs)

    def __enter__(self) -> Aside:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
