"""Appending an article to the text of sources.json without reformatting anything else.

The new entry is written in the file's own style (indent unit, line ends, scalar arrays on one
line or one item a line, escaped or literal non-ASCII, the key order and the explicit nulls of
the entries already there) and inserted after the last article, so that a diff shows the new
lines and one touched line: the comma after the entry that used to be last.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from provenance.jsonpos import PositionIndex, escape_pointer_token

# JSON tokens, as in provenance.jsonpos: linear on long and escape-heavy strings.
_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"'
    r"|[{}\[\]:,]"
    r"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    r"|true|false|null"
)
_UNICODE_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")
_SCALAR_START = frozenset('"-0123456789tfn')


class EditError(Exception):
    """The catalog's text cannot take a new entry (not an object, articles not an array)."""


@dataclass(frozen=True)
class Style:
    """How a catalog file is written, as read from the file itself."""

    indent: str = "  "
    newline: str = "\n"
    inline_scalar_arrays: bool = False
    ensure_ascii: bool = False
    # Key order and keys present, per kind of object, taken from the entries already there.
    templates: Mapping[str, Sequence[str]] = field(default_factory=dict)


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _offset(index: PositionIndex, starts: list[int], pointer: str) -> int:
    position = index.value(pointer)
    return starts[position.line - 1] + position.column - 1


def _key_offset(index: PositionIndex, starts: list[int], pointer: str) -> int:
    position = index.key(pointer)
    return starts[position.line - 1] + position.column - 1


def _line_indent(text: str, offset: int) -> str | None:
    """The whitespace before ``offset`` on its line, or None when something else precedes it."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    return before if not before.strip() else None


def _value_end(text: str, offset: int) -> int:
    _, end = json.JSONDecoder().raw_decode(text, offset)
    return end


def _scalar_array_layout(text: str) -> bool:
    """True when non-empty arrays of scalars are written on one line, like ["a", "b"]."""
    inline = multiline = 0
    previous: re.Match[str] | None = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        if previous is not None and token[0] in _SCALAR_START:
            if "\n" in text[previous.end() : match.start()]:
                multiline += 1
            else:
                inline += 1
        previous = match if token == "[" else None
    return inline > multiline


def _templates(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Key lists of the last article, its copy and the last hop and acknowledgement seen."""
    templates: dict[str, list[str]] = {}
    outlets = data.get("outlets")
    if isinstance(outlets, list):
        for outlet in outlets:
            if isinstance(outlet, dict):
                templates["outlet"] = list(outlet)
    articles = data.get("articles")
    if not isinstance(articles, list):
        return templates
    for article in articles:
        if not isinstance(article, dict):
            continue
        templates["article"] = list(article)
        if isinstance(article.get("copy"), dict):
            templates["copy"] = list(article["copy"])
        for kind, key in (("hop", "chain"), ("acknowledgement", "acknowledgements")):
            items = article.get(key)
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict):
                        templates[kind] = list(item)
    return templates


def detect_style(text: str, data: Mapping[str, Any]) -> Style:
    """The style of a catalog's text (``data`` is that text, decoded)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = "  "
    index = PositionIndex.build(text)
    starts = _line_starts(text)
    articles = data.get("articles")
    found = False
    if isinstance(articles, list) and articles:
        element = _line_indent(text, _offset(index, starts, f"/articles/{len(articles) - 1}"))
        key = _line_indent(text, _key_offset(index, starts, "/articles"))
        if element and key is not None and element.startswith(key) and len(element) > len(key):
            indent, found = element[len(key) :], True
    if not found:
        # The first indented line: the unit of a conventionally indented file.
        match = re.search(r"\n([ \t]+)\S", text)
        if match:
            indent = match.group(1)
    ascii_only = text.isascii()
    return Style(
        indent=indent,
        newline=newline,
        inline_scalar_arrays=_scalar_array_layout(text),
        ensure_ascii=ascii_only and bool(_UNICODE_ESCAPE.search(text)),
        templates=_templates(data),
    )


def _is_default(value: Any) -> bool:
    return value is None or value == [] or value == {}


def shape(value: Mapping[str, Any], template: Sequence[str] | None) -> dict[str, Any]:
    """``value`` with its keys in the template's order, then the rest in their own order. A
    key whose value is null or empty is kept only if the template has it (when there is one):
    a file that spells out its nulls gets them, one that leaves them out does not."""
    if template is None:
        return dict(value)
    ordered = [key for key in template if key in value]
    ordered += [key for key in value if key not in template]
    return {key: value[key] for key in ordered if key in template or not _is_default(value[key])}


def shape_article(entry: Mapping[str, Any], style: Style) -> dict[str, Any]:
    templates = style.templates
    shaped = dict(entry)
    if isinstance(shaped.get("copy"), dict):
        shaped["copy"] = shape(shaped["copy"], templates.get("copy"))
    for kind, key in (("hop", "chain"), ("acknowledgement", "acknowledgements")):
        if isinstance(shaped.get(key), list):
            shaped[key] = [
                shape(item, templates.get(kind)) if isinstance(item, dict) else item
                for item in shaped[key]
            ]
    return shape(shaped, templates.get("article"))


def render(value: Any, style: Style, level: int) -> str:
    """``value`` as JSON in the file's style; nested lines start at ``level`` indents."""
    inner = style.indent * (level + 1)
    closing = style.newline + style.indent * level
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = [
            f"{inner}{json.dumps(key, ensure_ascii=style.ensure_ascii)}: "
            f"{render(item, style, level + 1)}"
            for key, item in value.items()
        ]
        return "{" + style.newline + ("," + style.newline).join(members) + closing + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if style.inline_scalar_arrays and not any(isinstance(v, dict | list) for v in value):
            return "[" + ", ".join(render(item, style, level) for item in value) + "]"
        items = [inner + render(item, style, level + 1) for item in value]
        return "[" + style.newline + ("," + style.newline).join(items) + closing + "]"
    return json.dumps(value, ensure_ascii=style.ensure_ascii)


def append_article(
    text: str, entry: Mapping[str, Any], outlets: Sequence[Mapping[str, Any]] = ()
) -> str:
    """The catalog text with ``outlets`` appended to its outlets and ``entry`` to its
    articles, all else byte for byte."""
    for outlet in outlets:
        text = _append(
            text,
            "outlets",
            outlet,
            lambda value, style: shape(value, style.templates.get("outlet")),
        )
    return _append(text, "articles", entry, shape_article)


Shaper = Callable[[Mapping[str, Any], Style], dict[str, Any]]


def _append(text: str, member: str, entry: Mapping[str, Any], shaper: Shaper) -> str:
    """The catalog text with ``entry`` appended to its array ``member``, all else byte for
    byte."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EditError(f"the catalog is not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise EditError("the catalog is not a JSON object")
    items = data.get(member)
    if items is not None and not isinstance(items, list):
        raise EditError(f'"{member}" is not an array')
    style = detect_style(text, data)
    shaped = shaper(entry, style)
    index = PositionIndex.build(text)
    starts = _line_starts(text)
    nl, unit = style.newline, style.indent

    if items:
        last = _offset(index, starts, f"/{member}/{len(items) - 1}")
        end = _value_end(text, last)
        element_indent = _line_indent(text, last)
        if element_indent is None:
            # Entries written on one line: continue that line.
            insert = ", " + json.dumps(shaped, ensure_ascii=style.ensure_ascii)
        else:
            level = len(element_indent) // max(len(unit), 1)
            insert = "," + nl + element_indent + render(shaped, style, level)
        result = text[:end] + insert + text[end:]
    elif items is not None:
        start = _offset(index, starts, f"/{member}")
        end = _value_end(text, start)
        key_indent = _line_indent(text, _key_offset(index, starts, f"/{member}")) or ""
        level = len(key_indent) // max(len(unit), 1) + 1
        block = "[" + nl + key_indent + unit + render(shaped, style, level) + nl + key_indent + "]"
        result = text[:start] + block + text[end:]
    else:
        members = list(data)
        root = _offset(index, starts, "")
        root_end = _value_end(text, root)
        if members:
            last_value = _offset(index, starts, "/" + escape_pointer_token(members[-1]))
            at = _value_end(text, last_value)
            prefix = ","
        else:
            at = root + 1
            prefix = ""
        assert at < root_end
        block = (
            prefix
            + nl
            + unit
            + json.dumps(member)
            + ": ["
            + nl
            + unit * 2
            + render(shaped, style, 2)
            + nl
            + unit
            + "]"
        )
        result = text[:at] + block + text[at:]

    _confirm(data, result, member, shaped)
    return result


def _confirm(before: Mapping[str, Any], result: str, member: str, entry: Mapping[str, Any]) -> None:
    """The edited text must decode to the old document plus the new entry, nothing else."""
    after = json.loads(result)
    expected = dict(before)
    expected[member] = [*before.get(member, []), dict(entry)]
    if after != expected:
        raise EditError("inserting the entry would change other parts of the catalog")


def render_entry(text: str, entry: Mapping[str, Any]) -> str:
    """``entry`` as it reads in the catalog ``text``'s style, unindented (for display)."""
    style = detect_style(text, json.loads(text))
    return render(shape_article(entry, style), style, 0)


def render_outlet(text: str, outlet: Mapping[str, Any]) -> str:
    """``outlet`` as it reads in the catalog ``text``'s style, unindented (for display)."""
    style = detect_style(text, json.loads(text))
    return render(shape(outlet, style.templates.get("outlet")), style, 0)
