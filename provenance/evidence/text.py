"""The shared ground of every extractor: the text split into lines, and exact spans into it."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import cached_property
from itertools import accumulate, islice
from typing import NamedTuple

from provenance.evidence.model import Span, build

# Quotation marks, dashes and the like that may wrap a line's meaningful text.
TERMINAL = ".!?…\"”»’')]:;"
_WORD = re.compile(r"\S+")
# Non-blank lines read from one text. A news page, even a long live blog, holds a few
# hundred paragraphs and a few thousand at most; a text of more is a dump, a list or an
# attack, and reading its first lines keeps extraction linear with a small constant
# (every extractor costs some microseconds per line, which 300,000 short lines multiply).
MAX_LINES = 10_000


def beyond_max_lines(text: str) -> bool:
    """Whether extraction reads only a prefix of ``text`` (more than ``MAX_LINES`` non-blank
    lines), for the caller to say so. Counts newlines first: a page never gets near."""
    if text.count("\n") < MAX_LINES:
        return False
    return sum(1 for piece in text.split("\n") if piece and not piece.isspace()) > MAX_LINES


class Line(NamedTuple):
    """One line of the source: ``start``/``end`` are offsets of its stripped content.

    A NamedTuple: a text may have hundreds of thousands of lines, and these are cheap."""

    number: int  # 1-based
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def words(self) -> int:
        return len(self.text.split())


class Source:
    """The article's text with fast offset -> (line, column) lookup and span building."""

    def __init__(self, text: str) -> None:
        pieces = text.split("\n")
        self._pieces = pieces
        self._line_count = len(pieces) - (1 if text.endswith("\n") else 0) if text else 0
        self._starts: list[int] | array[int]
        if len(pieces) <= MAX_LINES:
            # Every page: the plain loop and list, the cheapest for a few hundred lines.
            starts = [0] * len(pieces)
            offset = 0
            for index, piece in enumerate(pieces):
                starts[index] = offset
                offset += len(piece) + 1
            self._starts = starts
            # Only non-blank lines become Line objects.
            indexes = [i for i, piece in enumerate(pieces) if piece and not piece.isspace()]
        else:
            # Offsets in a machine array: 8 bytes a line, where a list of ints takes about
            # 40 (20 MB of newlines: 800 MB); and the non-blank lines counted up to the cap.
            wide = array("q", accumulate((len(piece) + 1 for piece in pieces), initial=0))
            wide.pop()  # the offset after the last piece
            self._starts = wide
            non_blank = (i for i, piece in enumerate(pieces) if piece and not piece.isspace())
            indexes = list(islice(non_blank, MAX_LINES + 1))
        self.capped = len(indexes) > MAX_LINES
        if self.capped:
            # Past MAX_LINES the text is not an article: every extractor reads the same
            # prefix (the text ends with that line), so full-text scans and line scans agree.
            indexes.pop()
            last = indexes[-1]
            text = text[: self._starts[last] + len(pieces[last])]
        self.text = text
        lines = [self._line(index) for index in indexes]
        if OMISSION in text:
            lines = [part for line in lines for part in _omission_parts(line)]
        self.content: tuple[Line, ...] = tuple(lines)

    def _line(self, index: int) -> Line:
        raw = self._pieces[index]
        stripped = raw.strip()
        begin = self._starts[index]
        if not stripped:
            return Line(index + 1, begin, begin, "")
        lead = len(raw) - len(raw.lstrip())
        return Line(index + 1, begin + lead, begin + lead + len(stripped), stripped)

    @cached_property
    def wide_script(self) -> bool:
        """Whether the text holds a letter of a script beyond Latin (Greek, Cyrillic,
        Arabic, Indic, CJK...): most texts hold none, and extractors skip their
        other-script work on one test shared by all."""
        return not self.text.isascii() and WIDE_SCRIPT.search(self.text) is not None

    @cached_property
    def lowered_words(self) -> list[str]:
        """``lowered.split()``: the text's words, once for every extractor that counts or
        looks up words."""
        return self.lowered.split()

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, computed once for every extractor that scans it."""
        return self.text.lower()

    @cached_property
    def capitalised(self) -> tuple[tuple[int, int, str], ...]:
        """(start, end, word) of every ``CAPITALISED`` word: one scan shared by extractors."""
        return tuple((m.start(), m.end(), m.group()) for m in CAPITALISED.finditer(self.text))

    def lines_holding(self, words: tuple[str, ...]) -> set[int] | None:
        """Numbers of the lines whose lowercased text may hold one of ``words`` (lowercase,
        without a newline): a few ``str.find`` over the whole text instead of a test per
        line. None when lowercasing changes the text's length (offsets no longer agree)."""
        lowered = self.lowered
        if len(lowered) != len(self.text):
            return None
        numbers: set[int] = set()
        for word in words:
            at = lowered.find(word)
            while at >= 0:
                numbers.add(bisect_right(self._starts, at))  # the 1-based number
                at = lowered.find(word, at + 1)
        return numbers

    @property
    def line_count(self) -> int:
        """Lines as a reader counts them: a final newline does not open a new line."""
        return self._line_count

    def line(self, number: int) -> Line:
        """The line numbered ``number`` (1-based)."""
        return self._line(number - 1)

    def line_of(self, offset: int) -> Line:
        return self._line(bisect_right(self._starts, offset) - 1)

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]`` trimmed of surrounding whitespace, with its position."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        index = bisect_right(self._starts, start) - 1
        return build(
            Span,
            {
                "line": index + 1,
                "column": start - self._starts[index] + 1,
                "start": start,
                "end": end,
                "text": self.text[start:end],
            },
        )

    def line_span(self, line: Line) -> Span:
        return self.span(line.start, line.end)


WIDE_SCRIPT = re.compile(r"[\u0370-\u1fff\u3000-\ud7ff]")

# A quoted page marks what it left out with '[...]': what follows the mark stood elsewhere on
# the page (often at the start of its own line), so each part is read as a line of its own.
OMISSION = "[...]"


def _omission_parts(line: Line) -> list[Line]:
    if OMISSION not in line.text:
        return [line]
    parts: list[Line] = []
    offset = 0
    for piece in line.text.split(OMISSION):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            start = line.start + offset + lead
            parts.append(Line(line.number, start, start + len(stripped), stripped))
        offset += len(piece) + len(OMISSION)
    return parts


def first_words(line: Line, count: int) -> tuple[int, int]:
    """Offsets covering the first ``count`` words of a line."""
    end = line.start
    for index, match in enumerate(_WORD.finditer(line.text)):
        if index >= count:
            break
        end = line.start + match.end()
    return line.start, end


def word_patterns(boundary: str, rest: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(?<![boundary])rest``, and the same opened by the character before, consumed:
    ``[^boundary](rest)``. A pattern that opens on a character class lets the regex engine
    skip straight to candidates instead of trying every position; :func:`boundary_spans`
    reads the first with the second. Only for a ``rest`` whose every match ends on a
    ``boundary`` character: else a match could start right after the previous one, on the
    character the opened form would have consumed."""
    return re.compile(rf"(?<![{boundary}]){rest}"), re.compile(rf"[^{boundary}]({rest})")


def boundary_spans(
    plain: re.Pattern[str], opened: re.Pattern[str], text: str, start: int = 0, stop: int = -1
) -> list[tuple[int, int]]:
    """The spans ``plain.finditer(text, start, stop)`` gives (``stop`` -1: the end), found
    with ``opened`` (both from :func:`word_patterns`)."""
    stop = len(text) if stop < 0 else stop
    spans: list[tuple[int, int]] = []
    first = plain.match(text, start, stop)  # a match at ``start`` has its opener before it
    if first is not None:
        spans.append(first.span())
        start = first.end()
    spans.extend(match.span(1) for match in opened.finditer(text, start, stop))
    return spans


def opening_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines, stripped: what a reader sees before the body."""
    lines = (line.strip() for line in text.split("\n"))
    return [line for line in lines if line][:count]


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
# A capitalised word: 'Meduza', 'Jean-Pierre', "O'Neil", 'AP/NORC' (letters after the first
# may be of either case); bounded so that a scan is linear. The look-behind follows the
# capital (same matches: the capital is never a newline, which '.' would miss): a pattern
# that opens with a character class lets the regex engine skip straight to capitals instead
# of trying every position, which halves the scan.
CAPITALISED = re.compile(rf"{UPPER}(?<![\w'’/-].)[\w'’/-]{{0,40}}(?![\w'’/-])")
DOMAIN = re.compile(
    r"(?<![\w@/.-])(?:www\.)?(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{0,40}(?:\.[A-Za-z0-9-]{1,40}){0,3}"
    r"\.[a-z]{2,12})(?![\w-]|\.\w)"
)
