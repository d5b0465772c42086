"""PositionIndex against a plain recursive-descent reference, on arbitrary documents and
formattings (the index skips members with regexes and falls back to a listing; the
reference does neither)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import jsonpos
from provenance.jsonpos import PositionIndex, escape_pointer_token, unescape_pointer_token

_BLANKS = ["", " ", "\n", "\r\n", "\t", "  \n    "]


@dataclass
class _Node:
    """A value's offset and, for a container, its members by name (the first of a repeated
    key, as a reader of positions should report)."""

    offset: int
    members: dict[str, tuple[int | None, _Node]] | None = field(default=None)


def _blank(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at


def _parse(text: str, at: int) -> tuple[_Node, int]:
    at = _blank(text, at)
    if text[at] not in "{[":
        return _Node(at), json.JSONDecoder().raw_decode(text, at)[1]
    node = _Node(at, {})
    assert node.members is not None
    closing = "}" if text[at] == "{" else "]"
    at = _blank(text, at + 1)
    index = 0
    while text[at] != closing:
        key_offset: int | None = None
        if closing == "}":
            key_offset = at
            name, at = json.decoder.scanstring(text, at + 1)
            at = _blank(text, at) + 1  # the colon
        else:
            name, index = str(index), index + 1
        child, at = _parse(text, at)
        node.members.setdefault(name, (key_offset, child))
        at = _blank(text, at)
        at = _blank(text, at + 1) if text[at] == "," else at
    return node, at + 1


def _reference(text: str, node: _Node, pointer: str, *, key: bool) -> tuple[int, int]:
    """Line and column of ``pointer`` in ``text`` whose parse is ``node``."""
    key_offset: int | None = None
    if pointer:
        for raw in pointer[1:].split("/"):
            member = (node.members or {}).get(unescape_pointer_token(raw))
            if member is None:
                break
            key_offset, node = member
    offset = key_offset if key and key_offset is not None else node.offset
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _pointers(node: _Node, pointer: str = "") -> list[str]:
    """Every member's pointer, and pointers to members that are not there."""
    found = [pointer]
    if node.members is not None:
        for name, (_key, child) in node.members.items():
            found += _pointers(child, f"{pointer}/{escape_pointer_token(name)}")
        found += [f"{pointer}/{missing}" for missing in ("missing", "0", "01", "-", "99", "x/0")]
    return found


def _string(value: str, rnd: random.Random) -> str:
    """A JSON string with some characters written as escapes."""
    parts = []
    for char in value:
        plain = json.dumps(char, ensure_ascii=rnd.random() < 0.5)[1:-1]
        parts.append(f"\\u{ord(char):04x}" if rnd.random() < 0.1 and len(plain) == 1 else plain)
    return '"' + "".join(parts) + '"'


def _dump(value: Any, rnd: random.Random) -> str:
    """Serialize with random blanks, escapes and, now and then, a repeated key."""

    def blank() -> str:
        return rnd.choice(_BLANKS)

    if isinstance(value, dict):
        members = [
            f"{blank()}{_string(k, rnd)}{blank()}:{blank()}{_dump(v, rnd)}{blank()}"
            for k, v in value.items()
        ]
        if members and rnd.random() < 0.2:
            repeated = rnd.choice(list(value))
            members.insert(rnd.randrange(len(members) + 1), f"{_string(repeated, rnd)}:[0]")
        return "{" + ",".join(members) + blank() + "}"
    if isinstance(value, list):
        return "[" + ",".join(f"{blank()}{_dump(v, rnd)}{blank()}" for v in value) + blank() + "]"
    if isinstance(value, str):
        return _string(value, rnd)
    return json.dumps(value)


_KEYS = st.one_of(
    st.sampled_from(["a", "b", "copy", "url", "x~y", "a/b", "", "0", 'q"uote', "back\\slash"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    st.sampled_from(["]}", '"', "\\", "{[", "é\n☃𝄞"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=25,
)
# The index works differently on the first two levels (a catalog and its arrays), so the
# generated values sit where articles do.
_CATALOGS = st.builds(
    lambda articles, extra: {"articles": articles, **extra},
    st.lists(st.dictionaries(_KEYS, _VALUES, max_size=6), max_size=4),
    st.dictionaries(_KEYS, _VALUES, max_size=2),
)


def _check_all(text: str) -> None:
    index = PositionIndex(text)
    root, _end = _parse(text, 0)
    for pointer in _pointers(root):
        for key in (False, True):
            found = index.key(pointer) if key else index.value(pointer)
            assert (found.line, found.column) == _reference(text, root, pointer, key=key), (
                pointer,
                key,
            )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CATALOGS, st.randoms(use_true_random=False))
def test_positions_match_the_reference(catalog: Any, rnd: random.Random) -> None:
    _check_all(_dump(catalog, rnd))


@settings(max_examples=60, deadline=None)
@given(_CATALOGS, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_positions_match_the_reference_in_plain_layouts(
    catalog: Any, indent: int | str | None, crlf: bool
) -> None:
    """Minified, indented, tabbed, CRLF: the layouts a catalog is written in."""
    separators = (",", ":") if indent is None else None
    text = json.dumps(catalog, indent=indent, separators=separators, ensure_ascii=False)
    _check_all(text.replace("\n", "\r\n") if crlf else text)


def test_a_minified_container_is_not_read_as_a_scalar() -> None:
    """A missing item after a one-item array of objects resolves to the array: the regex must
    not take ``{"b":1`` for a number running to the comma and find an item 1."""
    text = '{"articles":[{"chain":[{"b":1,"c":2}],"d":0}]}'
    assert PositionIndex(text).value("/articles/0/chain/1") == jsonpos.Position(1, 23)
    _check_all(text)


def test_deep_nesting_escaped_keys_and_far_items_take_the_listing() -> None:
    deep: Any = {"x": 1}
    for _ in range(jsonpos.NESTING + 4):
        deep = [deep]
    article = {"deep": deep, "far": list(range(jsonpos.INDEX_PATTERNS + 5)), "after": {"k": 2}}
    text = json.dumps({"articles": [article]}, indent=1)
    text = text.replace('"after"', '"\\u0061fter"').replace(
        '"deep": ', '"deep": 0, "dee": 1, "deep": ', 1
    )
    _check_all(text)


def test_names_beyond_the_compiled_patterns_take_the_listing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(jsonpos, "PATTERNS_KEPT", 0)
    monkeypatch.setattr(jsonpos, "_MEMBER_PATTERNS", {})
    text = json.dumps({"articles": [{"a": {"b": [1, {"c": 3}]}, "d": None}]}, indent=2)
    _check_all(text)


def test_positions_count_characters_not_bytes() -> None:
    text = '{"articles": [{"é☃𝄞": "x", "b": 1}]}'
    assert PositionIndex(text).value("/articles/0/b") == jsonpos.Position(1, 33)
    assert PositionIndex(text).key("/articles/0/b") == jsonpos.Position(1, 28)


def test_pointers_in_any_order_and_lines_across_checkpoints() -> None:
    text = json.dumps({"articles": [{"n": i, "t": "é" * i} for i in range(300)]}, indent=3)
    index = PositionIndex(text)
    root, _end = _parse(text, 0)
    pointers = [f"/articles/{i}/{name}" for i in range(300) for name in ("n", "t", "z")]
    random.Random(4).shuffle(pointers)
    for pointer in pointers:
        assert (index.value(pointer).line, index.value(pointer).column) == _reference(
            text, root, pointer, key=False
        )
