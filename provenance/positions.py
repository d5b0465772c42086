"""Where findings stand in sources.json: the line and column of the JSON pointer each one
knows, filled in at the end of a check.

Locating a pointer walks the catalog's text. A large catalog has hundreds of thousands of
pointers, so most are located in the process aside (aside.py) while the main one builds
the reuse index and runs the rules that compare articles (`Locator`); the pointers of the
cross-article findings, not known before, are handed to it as soon as those rules are
done, while the main process applies the configuration.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future

from provenance.aside import Aside, held
from provenance.findings import Finding, Location
from provenance.loader import LoadedCatalog


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


def _locate(pointers: Sequence[str]) -> array[int]:
    """In the process aside: where each pointer's value stands (line and column in turn)."""
    loaded: LoadedCatalog = held("loaded")
    places = array("q")
    for pointer in pointers:
        place = loaded.locate(pointer)
        places.extend((place.line, place.column))
    return places


class Locator:
    """Locates pointers in the process aside (aside.py, holding the catalog as ``loaded``)
    while this one goes on.

    ``Locator(aside, loaded, findings, articles)`` starts locating the pointers of
    ``findings`` and of every article; ``add(more)`` hands it the pointers of findings made
    since; ``located()`` waits for all of it. With no process aside nothing is located
    there and ``located()`` is empty: `place_findings` locates everything."""

    def __init__(
        self, aside: Aside, loaded: LoadedCatalog, findings: Sequence[Finding], articles: int
    ) -> None:
        self._aside = aside
        self._loaded = loaded
        self._batches: list[tuple[list[str], Future[array[int]]]] = []
        if aside.running:
            # With the articles themselves: the rules that compare articles point at them.
            wanted = {pointer for _index, pointer in unplaced(findings)}
            wanted.update(f"/articles/{position}" for position in range(articles))
            self._submit(wanted)

    def _submit(self, pointers: Iterable[str]) -> None:
        ordered = sorted(pointers, key=pointer_order)  # article by article, as the index likes
        future = self._aside.submit(_locate, ordered) if ordered else None
        if future is not None:
            self._batches.append((ordered, future))

    def add(self, findings: Iterable[Finding]) -> None:
        """Also locate the pointers of ``findings`` (made after the process started)."""
        if self._aside.running:
            self._submit({pointer for _index, pointer in unplaced(findings)})

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
