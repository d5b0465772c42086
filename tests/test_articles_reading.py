"""ArticleReader's shortcuts: plain paths split as strings, reads sized to the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from provenance.articles import (
    ArticleProblem,
    ArticleReader,
    _checked_split,
    _plain_split,
    _read_up_to,
)

PATHS = [
    "a.txt",
    "texts/a.txt",
    "texts/deep/er/a.txt",
    "texts//a.txt",
    "./texts/a.txt",
    "texts/./a.txt",
    "texts/a.txt/",
    "texts/../a.txt",
    "..",
    "/etc/passwd",
    "//server/a.txt",
    "\\texts\\a.txt",
    "c:/a.txt",
    "texts/c:a.txt",
    "a b/ü.txt",
    "...txt",
    ".hidden",
]


@pytest.mark.parametrize("relative", PATHS)
def test_a_plain_split_is_what_pathlib_makes_of_the_path(relative: str) -> None:
    """Where the string shortcut answers, pathlib answers the same; where pathlib would
    change the path or refuse it, the shortcut leaves it to pathlib."""
    plain = _plain_split(relative)
    if plain is not None:
        assert plain == _checked_split(relative)


def test_the_shortcut_takes_the_common_paths() -> None:
    assert _plain_split("texts/a.txt") == ("texts", "a.txt")
    assert _plain_split("a.txt") == (".", "a.txt")
    for refused in ("/etc/passwd", "texts/../a.txt", "c:/a.txt", "\\a.txt", "./a.txt"):
        assert _plain_split(refused) is None, refused


@pytest.mark.parametrize("relative", PATHS)
def test_resolve_and_read_agree_with_pathlib(tmp_path: Path, relative: str) -> None:
    (tmp_path / "texts" / "deep" / "er").mkdir(parents=True)
    for name in ("a.txt", "texts/a.txt", "texts/deep/er/a.txt"):
        (tmp_path / name).write_text(f"text of {name}\n", encoding="utf-8")
    reader = ArticleReader(tmp_path)
    resolved = reader.resolve(relative)
    split = _checked_split(relative)
    if isinstance(split, ArticleProblem):
        assert resolved == split
        return
    folder, name = split
    assert resolved == (tmp_path / folder).resolve() / name
    text = reader.read(relative)
    if resolved.is_file():
        assert text == resolved.read_text(encoding="utf-8")
    else:
        assert isinstance(text, ArticleProblem)


@pytest.mark.parametrize(
    ("content", "size", "limit", "expected"),
    [
        (b"x" * 10, 10, 51, 10),  # as checked
        (b"x" * 8, 10, 51, 8),  # shrunk since
        (b"x" * 100, 10, 51, 51),  # grown since: read on up to the limit
        (b"x" * 30, 10, 51, 30),  # grown, under the limit
        (b"x" * 100, 50, 51, 51),  # at the limit
    ],
)
def test_a_read_gets_up_to_the_limit_whatever_the_size_was(
    content: bytes, size: int, limit: int, expected: int
) -> None:
    assert _read_up_to(io.BytesIO(content), limit, size) == content[:expected]
