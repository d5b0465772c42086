"""Where each value of a JSON document stands in its text: JSON pointer -> line and column.

``json.loads`` is fast but forgets positions; this index is built on demand, in one linear
pass of a token regex over text that ``json.loads`` already accepted.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

# Unrolled string loop: linear, no backtracking on long or escape-heavy strings.
_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"'
    r"|[{}\[\]:,]"
    r"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    r"|true|false|null"
)
_ESCAPE = re.compile(r"\\(.)")


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join_pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    return "".join("/" + escape_pointer_token(str(part)) for part in parts)


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class PositionIndex:
    """Positions of every value (and every object key) in a JSON text."""

    text: str
    _values: dict[str, int] = field(default_factory=dict)
    _keys: dict[str, int] = field(default_factory=dict)
    _newlines: list[int] = field(default_factory=list)
    duplicate_keys: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, text: str) -> PositionIndex:
        index = cls(text)
        index._scan()
        index._newlines = [m.start() for m in re.finditer("\n", text)]
        return index

    def _scan(self) -> None:
        # Each frame: [pointer, is_object, next array index, pending key, keys seen]
        stack: list[list[object]] = []
        expecting_key = False
        pending_key: str | None = None
        for match in _TOKEN.finditer(self.text):
            token = match.group()
            start = match.start()
            if stack and stack[-1][1] and expecting_key and token[0] == '"':
                key = json.loads(token) if "\\" in token else token[1:-1]
                parent = str(stack[-1][0])
                pointer = parent + "/" + escape_pointer_token(key)
                seen = stack[-1][4]
                assert isinstance(seen, set)
                if key in seen:
                    self.duplicate_keys.append(pointer)
                seen.add(key)
                self._keys.setdefault(pointer, start)
                pending_key = pointer
                expecting_key = False
                continue
            if token == ":":
                continue
            if token == ",":
                if stack and stack[-1][1]:
                    expecting_key = True
                continue
            if token in ("}", "]"):
                stack.pop()
                expecting_key = False
                continue
            # A value starts here.
            if not stack:
                pointer = ""
            elif stack[-1][1]:
                pointer = pending_key or ""
            else:
                position = stack[-1][2]
                assert isinstance(position, int)
                pointer = f"{stack[-1][0]}/{position}"
                stack[-1][2] = position + 1
            self._values.setdefault(pointer, start)
            if token == "{":
                stack.append([pointer, True, 0, None, set()])
                expecting_key = True
            elif token == "[":
                stack.append([pointer, False, 0, None, None])

    def _position(self, offset: int) -> Position:
        line = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[line - 1] + 1 if line else 0
        return Position(line + 1, offset - line_start + 1)

    def value(self, pointer: str) -> Position:
        """Position of the value at ``pointer``, or of its nearest existing ancestor."""
        while pointer not in self._values and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self._position(self._values.get(pointer, 0))

    def key(self, pointer: str) -> Position:
        """Position of the key naming the member at ``pointer`` (the value's, for array items)."""
        if pointer in self._keys:
            return self._position(self._keys[pointer])
        return self.value(pointer)

    def has(self, pointer: str) -> bool:
        return pointer in self._values
