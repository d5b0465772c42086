"""Where findings stand in sources.json: the line and column of the JSON pointer each one
knows, filled in at the end of a check.

Locating a pointer walks the catalog's text. A large catalog has hundreds of thousands of
pointers, so most are located in a forked process while the main one builds the reuse
index and runs the rules that compare articles (`Locator`); what that process could not
know in advance (the pointers of the cross-article findings) is handed to it as soon as
those rules are done, while the main process applies the configuration.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from provenance.findings import Finding, Location
from provenance.loader import LoadedCatalog

# Below this many findings and articles, locating their pointers beside the cross-article
# work costs more than it saves (starting the process).
BACKGROUND_POINTERS = 20_000


def unplaced(findings: Iterable[Finding]) -> Iterator[tuple[int, str]]:
    """The indexes of the findings that know only a pointer into sources.json, and those
    pointers."""
    for index, finding in enumerate(findings):
        where = finding.catalog
        if where is not None and where.line == 0 and where.pointer is not None:
            yield index, where.pointer


def pointer_order(pointer: str) -> tuple[str, int]:
    """'/articles/12/copy' -> ('articles', 12): the articles in their numeric order."""
    parts = pointer.split("/", 3)
    number = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else -1
    return (parts[1] if len(parts) > 1 else "", number)


def place_findings(
    findings: list[Finding], loaded: LoadedCatalog, known: Mapping[str, Location]
) -> None:
    """Fill in the line and column in sources.json of findings that know only a pointer (in
    place: a large catalog's findings are not held twice); ``known``: pointers located
    already."""
    waiting = []
    for index, pointer in unplaced(findings):
        place = known.get(pointer)
        if place is None:
            waiting.append((pointer_order(pointer), index, pointer))
        else:
            findings[index] = findings[index].located(place)
    # Article by article, whatever order the rules found them in: the index lists an
    # article's members once while its pointers are asked for, then moves on.
    waiting.sort()
    located: dict[str, Location] = {}  # several findings often point at one value
    for _order, index, pointer in waiting:
        place = located.get(pointer)
        if place is None:
            place = located[pointer] = loaded.locate(pointer)
        findings[index] = findings[index].located(place)


# What the forked process inherits (set before it is forked, never pickled).
_loaded: LoadedCatalog | None = None
_pointers: Sequence[str] = ()


def _inherit(loaded: LoadedCatalog, pointers: Sequence[str]) -> None:
    global _loaded, _pointers
    _loaded, _pointers = loaded, pointers


def _locate(pointers: Sequence[str]) -> array[int]:
    """In the forked process: where each pointer's value stands (line and column in turn)."""
    assert _loaded is not None
    places = array("q")
    for pointer in pointers:
        place = _loaded.locate(pointer)
        places.extend((place.line, place.column))
    return places


def _locate_inherited() -> array[int]:
    return _locate(_pointers)


class Locator:
    """Locates pointers in a forked process while this one goes on.

    ``with Locator(loaded, findings, articles, jobs) as locator:`` starts locating the
    pointers of ``findings`` and of every article; ``locator.add(more)`` hands it the
    pointers of findings made since; ``locator.located()`` waits for all of it. With one
    core, or too few pointers to pay for the process, nothing is located aside and
    ``located()`` is empty: `place_findings` locates everything."""

    def __init__(
        self, loaded: LoadedCatalog, findings: Sequence[Finding], articles: int, jobs: int
    ) -> None:
        self._loaded = loaded
        self._pool: ProcessPoolExecutor | None = None
        self._batches: list[tuple[list[str], Future[array[int]]]] = []
        if jobs <= 1 or len(findings) + articles < BACKGROUND_POINTERS:
            return
        # With the articles themselves: the rules that compare articles point at them.
        wanted = {pointer for _index, pointer in unplaced(findings)}
        wanted.update(f"/articles/{position}" for position in range(articles))
        pointers = sorted(wanted, key=pointer_order)  # article by article, as the index likes
        self._pool = ProcessPoolExecutor(1, initializer=_inherit, initargs=(loaded, pointers))
        self._batches.append((pointers, self._pool.submit(_locate_inherited)))

    def __enter__(self) -> Locator:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, findings: Iterable[Finding]) -> None:
        """Also locate the pointers of ``findings`` (made after the process started)."""
        if self._pool is not None:
            pointers = sorted(
                {pointer for _index, pointer in unplaced(findings)}, key=pointer_order
            )
            if pointers:
                self._batches.append((pointers, self._pool.submit(_locate, pointers)))

    def located(self) -> dict[str, Location]:
        """Every pointer located aside, and where it stands."""
        display = self._loaded.display
        known: dict[str, Location] = {}
        batches, self._batches = self._batches, []
        for pointers, future in batches:
            places = future.result()
            for number, pointer in enumerate(pointers):
                line, column = places[2 * number], places[2 * number + 1]
                known[pointer] = Location(display, line, column, pointer)
        return known
