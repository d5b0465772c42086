"""The shared ground of every extractor: the text split into lines, and exact spans into it."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from provenance.evidence.model import Span

# Quotation marks, dashes and the like that may wrap a line's meaningful text.
TERMINAL = ".!?…\"”»’')]:;"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Line:
    """One line of the source: ``start``/``end`` are offsets of its stripped content."""

    number: int  # 1-based
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


class Source:
    """The article's text with fast offset -> (line, column) lookup and span building."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))
        lines: list[Line] = []
        for index, begin in enumerate(self._starts):
            stop = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(text)
            raw = text[begin:stop]
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                lines.append(Line(index + 1, begin + lead, begin + lead + len(stripped), stripped))
            else:
                lines.append(Line(index + 1, begin, begin, ""))
        self.lines: tuple[Line, ...] = tuple(lines)

    @property
    def line_count(self) -> int:
        """Lines as a reader counts them: a final newline does not open a new line."""
        if self.text.endswith("\n"):
            return len(self.lines) - 1
        return len(self.lines) if self.text else 0

    @cached_property
    def content(self) -> tuple[Line, ...]:
        """The non-blank lines, in order."""
        return tuple(line for line in self.lines if not line.blank)

    def line_of(self, offset: int) -> Line:
        return self.lines[bisect_right(self._starts, offset) - 1]

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]`` trimmed of surrounding whitespace, with its position."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        index = bisect_right(self._starts, start) - 1
        return Span(
            line=index + 1,
            column=start - self._starts[index] + 1,
            start=start,
            end=end,
            text=self.text[start:end],
        )

    def line_span(self, line: Line) -> Span:
        return self.span(line.start, line.end)


def first_words(line: Line, count: int) -> tuple[int, int]:
    """Offsets covering the first ``count`` words of a line."""
    end = line.start
    for index, match in enumerate(_WORD.finditer(line.text)):
        if index >= count:
            break
        end = line.start + match.end()
    return line.start, end


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL


def _uppercase_class() -> str:
    """A regex character class of every uppercase letter in the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return "[" + "".join(parts) + "]"


UPPER = _uppercase_class()
# A capitalised word: 'Haqqin', 'Kassym-Jomart', "O'Neil", 'RFE/RL' (letters after the first
# may be of either case); bounded so that a scan is linear.
CAPITALISED = re.compile(rf"(?<![\w'’/-]){UPPER}[\w'’/-]{{0,40}}(?![\w'’/-])")
DOMAIN = re.compile(
    r"(?<![\w@/.-])(?:www\.)?(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{0,40}(?:\.[A-Za-z0-9-]{1,40}){0,3}"
    r"\.[a-z]{2,12})(?![\w-]|\.\w)"
)
