"""An address's own evidence: its date and its language edition, shown and never taken as
the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.address import address_date, address_language
from provenance.cli import app


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2024/08/27/harbour-strike", "2024-08-27"),
        ("https://blog.example/2016/12", "2016-12"),
        ("https://paper.example/story-2023-05-09-strike", "2023-05-09"),
        ("https://paper.example/p/201612", None),  # bare digits: too often an id
        ("https://paper.example/item/bbc-20141222145215/x", None),  # a long number
        ("https://paper.example/2024/13/01/x", None),  # no 13th month
        (None, None),
    ],
)
def test_the_date_in_an_address(url: str | None, expected: str | None) -> None:
    assert address_date(url) == expected


def test_the_language_edition_in_an_address() -> None:
    assert address_language("https://site.example/es/opinion/x") == "es"
    assert address_language("https://site.example/commentary/x/russian") == "ru"
    assert address_language("https://site.example/news/x") is None


def test_evidence_shows_the_address_date_without_taking_it(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Harbour notes\n\nThe council met to discuss the harbour.\n", "utf-8")
    url = "https://paper.example/fr/2019/03/02/harbour"
    result = CliRunner().invoke(app, ["evidence", str(page), "--url", url])
    assert result.exit_code == 0
    assert f"{url}: address-date: 2019-03-02 (where the page is filed; not taken" in result.stdout
    assert f"{url}: address-language: fr" in result.stdout
    assert "stamp:" not in result.stdout
