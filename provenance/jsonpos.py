"""Where each value of a JSON document stands in its text: JSON pointer -> line and column.

``json.loads`` is fast but forgets positions. This index finds them lazily: to reach
``/articles/5000/copy/url`` it lists the members of each container on the way, skipping
each member's value with the C decoder (``raw_decode``), and remembers them. A catalog of
100,000 articles is walked once at the top level; inside an article only the containers on
the way to a pointer asked for are listed (a token pass over the whole article cost ten
times more), and only the most recent of those are remembered.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_DECODER = json.JSONDecoder()
# Containers below the top two levels (inside one article) kept listed: findings come
# article by article, so older ones are done with.
DEEP_KEPT = 256
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


class PositionIndex:
    """Positions of the values (and object keys) of a JSON text that ``json.loads`` accepted."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, _Members] = {}  # the catalog and its arrays
        self._deep: dict[int, _Members] = {}  # containers inside them, the latest DEEP_KEPT
        self._newlines: list[int] | None = None

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
            _value, position = _DECODER.raw_decode(text, position)
            separator = _SEPARATOR.match(text, position)
            position = separator.end() if separator else position
        members = _Members(values, keys)
        cache[offset] = members
        if len(self._deep) > DEEP_KEPT:
            del self._deep[next(iter(self._deep))]  # the oldest
        return members

    def _find(self, pointer: str) -> tuple[int, int | None]:
        """Offsets of the deepest existing value on ``pointer`` and of its key, if any."""
        offset = self._skip(0)
        key_offset = None
        if not pointer:
            return offset, None
        for depth, raw in enumerate(pointer[1:].split("/")):
            if offset >= len(self.text) or self.text[offset] not in "{[":
                break
            members = self._members_at(offset, depth)
            token = unescape_pointer_token(raw)
            if token not in members.values:
                break
            offset, key_offset = members.values[token], members.keys.get(token)
        return offset, key_offset

    def _position(self, offset: int) -> Position:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[line - 1] + 1 if line else 0
        return Position(line + 1, offset - line_start + 1)

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
