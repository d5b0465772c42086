"""Where each value of a JSON document stands in its text: JSON pointer -> line and column.

``json.loads`` is fast but forgets positions. This index finds them lazily. The catalog and
its arrays (100,000 articles) are listed once, each member's value skipped with the C decoder
(``raw_decode``), and kept. Below them (inside one article) each step of a pointer is one
regex match in C that skips the members before the one asked for without building them, and
only the most recent steps are remembered: listing those containers member by member in
Python, each value decoded to skip it, cost about twice as much CPU at 100,000 articles.
Whatever that regex does not cover (an escaped key, a missing member, deep nesting, a name
used too rarely to compile a pattern for) falls back to the member-by-member listing, which
is the reference. Line numbers come from a count per LINE_CHUNK characters, not a list of
every newline.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

# Python's int() refuses a string of more than 4,300 digits (sys.int_max_str_digits, which
# cannot be lowered below 640) with a ValueError, which json.loads lets through: a longer
# number is kept as a marker instead, which the loader reports as a schema error at its place.
# No catalog value is a number, let alone one this long.
MAX_NUMBER_CHARS = 640


@dataclass(frozen=True)
class OversizedNumber:
    """A JSON number too long to convert (``MAX_NUMBER_CHARS``); ``length`` in characters."""

    length: int

    def __repr__(self) -> str:
        # jsonschema quotes the value with repr() in its messages ('... is not of type').
        return f"a number {self.length} characters long"


def parse_int(literal: str) -> int | OversizedNumber:
    return int(literal) if len(literal) <= MAX_NUMBER_CHARS else OversizedNumber(len(literal))


def parse_float(literal: str) -> float | OversizedNumber:
    return float(literal) if len(literal) <= MAX_NUMBER_CHARS else OversizedNumber(len(literal))


# The C scanner behind raw_decode, called directly: its Python wrapper only adds a call per
# article to the listing (an instance attribute the stubs do not declare). With the hooks
# above, so that skipping a huge number does not convert it.
_SCAN_ONCE: Callable[[str, int], tuple[Any, int]] = vars(
    json.JSONDecoder(parse_int=parse_int, parse_float=parse_float)
)["scan_once"]
# Containers below the top two levels (inside one article) kept listed: findings come
# article by article, so older ones are done with.
DEEP_KEPT = 256
# Pointers kept resolved, for the same reason: an article's pointers share their parents, so
# most pointers are one step from one of these.
RESOLVED_KEPT = 4096
# Member names given a pattern of their own; others (unknown keys in a broken catalog can be
# many) take the listing, so compiling stays bounded (a pattern takes about a millisecond).
PATTERNS_KEPT = 256
# Array items reached by one pattern per index; items further in take the listing.
INDEX_PATTERNS = 64
# Containers nested this deep inside a skipped value are skipped by the regex; deeper ones
# make it fail and take the listing.
NESTING = 8
# Characters of text per line-count checkpoint: a line number is a checkpoint's count plus
# the newlines since it (a list of every newline's offset took 125 MB at 100k).
LINE_CHUNK = 256
_WHITESPACE = re.compile(r"[ \t\n\r]*")
# An object member's key up to its value, and what separates a value from the next member:
# one regex call each, where scanning the key and skipping blanks and punctuation took five.
_KEY = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*')
_SEPARATOR = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")
# Unrolled string loop: linear, no backtracking on long or escape-heavy strings.
_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"'
    r"|[{}\[\]:,]"
    r"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    r"|true|false|null"
)


_BLANK = r"[ \t\n\r]*+"
# Possessive throughout: a failed match gives up at once instead of backtracking.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
# Numbers, true, false, null (and NaN, Infinity, which json.loads accepts): never the start of
# a string or a container, so a container the regex cannot skip is not taken for a scalar.
_SCALAR = r"[-+.0-9A-Za-z]++"


def _nested(levels: int) -> str:
    """A container holding containers at most ``levels`` deep: brackets are matched by
    nesting only, their kinds not checked (json.loads accepted the text)."""
    flat = r'[^"\[\]{}]++|' + _STRING
    container = rf"[\[{{](?:{flat})*+[\]}}]"
    for _ in range(levels):
        container = rf"[\[{{](?:{flat}|{container})*+[\]}}]"
    return container


# Atomic: a value matched is not matched again shorter (a minified ``{"a":1},`` must not
# pass for a scalar running to its first comma).
_VALUE = f"(?>{_STRING}|{_nested(NESTING)}|{_SCALAR})"
_VALUE_THEN_COMMA = f"{_VALUE}{_BLANK},{_BLANK}"


def escape_pointer_token(token: str) -> str:
    if "~" not in token and "/" not in token:
        return token
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(parts: Sequence[str | int] | Sequence[str]) -> str:
    return "".join("/" + escape_pointer_token(str(part)) for part in parts)


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class _Members:
    """A container's members: value offsets, and key offsets for an object's members."""

    values: dict[str, int]
    keys: dict[str, int]
    end: int  # just after the closing bracket


_MEMBER_PATTERNS: dict[str, re.Pattern[str]] = {}


def _member_pattern(name: str) -> re.Pattern[str] | None:
    """From an object's ``{`` to the value of its first member named ``name``: the members
    before it skipped in C. Only unescaped keys are skipped (an escaped one could spell
    ``name``), so a match is the member the listing would find first."""
    pattern = _MEMBER_PATTERNS.get(name)
    if pattern is None and len(_MEMBER_PATTERNS) < PATTERNS_KEPT:
        key = re.escape(name)
        skipped = rf'"(?!{key}")[^"\\]*+"{_BLANK}:{_BLANK}{_VALUE_THEN_COMMA}'
        pattern = re.compile(rf'\{{{_BLANK}(?:{skipped})*+("{key}"){_BLANK}:{_BLANK}')
        _MEMBER_PATTERNS[name] = pattern
    return pattern


@cache
def _index_pattern(index: int) -> re.Pattern[str]:
    """From an array's ``[`` to its item ``index``, the items before it skipped in C."""
    return re.compile(rf"\[{_BLANK}(?:{_VALUE_THEN_COMMA}){{{index}}}(?!\])")


def _array_index(name: str) -> int | None:
    """The index a pointer token names if it is one the listing has (``"3"``, not ``"03"``)
    and near enough the start to have a pattern."""
    if not (name.isascii() and name.isdigit()) or (name[0] == "0" and name != "0"):
        return None
    index = int(name)
    return index if index < INDEX_PATTERNS else None


# A step from a container to one of its members: the offsets of the member's value and of
# its key (None for an array item), or None when there is no such member.
_Step = tuple[int, int | None] | None
# A pointer resolved: the offsets of the deepest existing value on it and of its key, and
# whether that value is the one the whole pointer names.
_Resolved = tuple[int, int | None, bool]


class PositionIndex:
    """Positions of the values (and object keys) of a JSON text that ``json.loads`` accepted."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, _Members] = {}  # the catalog and its arrays
        self._deep: dict[int, _Members] = {}  # containers inside them, the latest DEEP_KEPT
        self._resolved: dict[str, _Resolved] = {}  # the latest pointers, up to RESOLVED_KEPT
        self._root = self._skip(0)
        self._line_counts: array[int] | None = None
        self._line_starts: array[int] = array("q")

    @classmethod
    def build(cls, text: str) -> PositionIndex:
        return cls(text)

    def _skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        return match.end() if match else offset

    def _members_at(self, offset: int, depth: int) -> _Members:
        """List the members of the container that starts at ``offset`` (once)."""
        cache = self._members if depth < 2 else self._deep
        cached = cache.get(offset)
        if cached is not None:
            return cached
        text = self.text
        values: dict[str, int] = {}
        keys: dict[str, int] = {}
        is_object = text[offset] == "{"
        position = self._skip(offset + 1)
        index = 0
        while position < len(text) and text[position] not in "}]":
            if is_object:
                key_match = _KEY.match(text, position)
                if key_match is None:
                    break  # not reached on text json.loads accepted
                raw_key = key_match.group(1)
                name = json.loads(f'"{raw_key}"') if "\\" in raw_key else raw_key
                keys.setdefault(name, position)
                position = key_match.end()
            else:
                name = str(index)
                index += 1
            values.setdefault(name, position)
            if depth == 0 and text[position] in "[{":
                # The catalog's arrays are listed (and kept) rather than decoded whole to be
                # skipped: decoding 100,000 articles at once held 200 MB for a moment.
                position = self._members_at(position, 1).end
            else:
                _value, position = _SCAN_ONCE(text, position)
            separator = _SEPARATOR.match(text, position)
            position = separator.end() if separator else position
        members = _Members(values, keys, position + 1)
        cache[offset] = members
        if len(self._deep) > DEEP_KEPT:
            del self._deep[next(iter(self._deep))]  # the oldest
        return members

    def _listed(self, offset: int, depth: int, name: str) -> _Step:
        members = self._members_at(offset, depth)
        value = members.values.get(name)
        return None if value is None else (value, members.keys.get(name))

    def _step(self, offset: int, depth: int, name: str) -> _Step:
        """From the container at ``offset`` to its member ``name``: inside an article by one
        pattern when one applies and matches, otherwise by the listing."""
        # A container already listed (a pattern failed on it: an absent member, an escaped
        # key) answers from its listing rather than failing the same way again.
        if depth >= 2 and offset not in self._deep:
            text = self.text
            if text[offset] == "{":
                pattern = _MEMBER_PATTERNS.get(name) or _member_pattern(name)
                match = None if pattern is None else pattern.match(text, offset)
                if match is not None:
                    return match.end(), match.start(1)
            else:
                index = _array_index(name)
                match = None if index is None else _index_pattern(index).match(text, offset)
                if match is not None:
                    return match.end(), None
        return self._listed(offset, depth, name)

    def _find(self, pointer: str) -> tuple[int, int | None]:
        """Offsets of the deepest existing value on ``pointer`` and of its key, if any."""
        if pointer[:1] not in ("", "/"):
            pointer = "/" + pointer[1:]  # its first character is not read, whatever it is
        resolved = self._resolved
        # The pointer and its parents, up to the nearest one resolved before.
        pending = []
        prefix = pointer
        while prefix and prefix not in resolved:
            pending.append(prefix)
            prefix = prefix[: prefix.rindex("/")]
        offset, key_offset, complete = resolved[prefix] if prefix else (self._root, None, True)
        depth = prefix.count("/")
        text = self.text
        for child in reversed(pending):
            if complete and offset < len(text) and text[offset] in "{[":
                raw = child[len(prefix) + 1 :]
                step = self._step(offset, depth, unescape_pointer_token(raw) if "~" in raw else raw)
                if step is None:
                    complete = False
                else:
                    offset, key_offset = step
            else:
                complete = False
            if len(resolved) >= RESOLVED_KEPT:
                resolved.clear()  # cheaper than evicting one by one, and the oldest are done with
            resolved[child] = offset, key_offset, complete
            prefix = child
            depth += 1
        return offset, key_offset

    def _count_lines(self) -> array[int]:
        """Checkpoints every LINE_CHUNK characters: the newlines before each, and the start of
        the line it falls in."""
        text = self.text
        counts, starts = array("q"), array("q")
        lines = line_start = 0
        for begin in range(0, len(text) + 1, LINE_CHUNK):
            counts.append(lines)
            starts.append(line_start)
            newlines = text.count("\n", begin, begin + LINE_CHUNK)
            if newlines:
                lines += newlines
                line_start = text.rindex("\n", begin, begin + LINE_CHUNK) + 1
        self._line_starts = starts
        return counts

    def _position(self, offset: int) -> Position:
        counts = self._line_counts
        if counts is None:
            counts = self._line_counts = self._count_lines()
        chunk = offset // LINE_CHUNK
        begin = chunk * LINE_CHUNK
        newlines = self.text.count("\n", begin, offset)
        if newlines:
            line_start = self.text.rindex("\n", begin, offset) + 1
        else:
            line_start = self._line_starts[chunk]
        return Position(counts[chunk] + newlines + 1, offset - line_start + 1)

    def value(self, pointer: str) -> Position:
        """Position of the value at ``pointer``, or of its nearest existing ancestor."""
        return self._position(self._find(pointer)[0])

    def key(self, pointer: str) -> Position:
        """Position of the key naming the member at ``pointer`` (the value's, for array items)."""
        value_offset, key_offset = self._find(pointer)
        return self._position(key_offset if key_offset is not None else value_offset)

    @property
    def duplicate_keys(self) -> list[str]:
        """Pointers of members whose key was already used in the same object."""
        return duplicate_keys(self.text)


def _scan(text: str, start: int, end: int) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Offsets of the values and keys of the JSON value in ``text[start:end]``, by pointers
    relative to it, and the pointers of repeated keys, in one pass of the token regex."""
    values: dict[str, int] = {}
    keys: dict[str, int] = {}
    repeated: list[str] = []
    # Each frame: [pointer, is_object, next array index, keys seen]
    stack: list[list[Any]] = []
    expecting_key = False
    pending_key = ""
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        if expecting_key and token[0] == '"':
            key = json.loads(token) if "\\" in token else token[1:-1]
            pending_key = f"{stack[-1][0]}/{escape_pointer_token(key)}"
            if key in stack[-1][3]:
                repeated.append(pending_key)
            stack[-1][3].add(key)
            keys.setdefault(pending_key, match.start())
            expecting_key = False
            continue
        if token == ":":
            continue
        if token == ",":
            expecting_key = bool(stack and stack[-1][1])
            continue
        if token in ("}", "]"):
            stack.pop()
            expecting_key = False
            continue
        if not stack:
            pointer = ""
        elif stack[-1][1]:
            pointer = pending_key
        else:
            pointer = f"{stack[-1][0]}/{stack[-1][2]}"
            stack[-1][2] += 1
        values.setdefault(pointer, match.start())
        if token == "{":
            stack.append([pointer, True, 0, set()])
            expecting_key = True
        elif token == "[":
            stack.append([pointer, False, 0, None])
    return values, keys, repeated


def duplicate_keys(text: str) -> list[str]:
    """Pointers of members whose key was already used in the same object (one token pass
    over the whole text: only run when ``json.loads`` saw a duplicate)."""
    return _scan(text, 0, len(text))[2]
