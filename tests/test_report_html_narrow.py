"""The HTML report of the bundled catalog on a phone (390 px) and a desktop (1400 px), in
Debian's chromium as tests/test_report_html_browser.py drives it: nothing wider than the
screen, chain diagrams at their own size (scrolling inside their box when wider), quotation
pairs stacked on the phone and side by side on the desktop. Screenshots go to tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_report_html_browser import _bundled_catalog_result, browser  # noqa: F401

from provenance.report import render

pytestmark = pytest.mark.browser

# Every element whose right edge passes the viewport, except inside a box that scrolls.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".chain-box") && !el.classList.contains("chain-box")) continue;
    if (el.closest(".table-box") && !el.classList.contains("table-box")) continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) out.push(el.tagName + "." + el.className);
  }
  return out;
}"""

# For each diagram: its drawn width, its own width, and its box's visible and scroll widths.
DIAGRAMS = """() => [...document.querySelectorAll("svg.chain")].map((svg) => ({
  drawn: svg.getBoundingClientRect().width,
  own: svg.width.baseVal.value,
  box: svg.parentElement.clientWidth,
  scroll: svg.parentElement.scrollWidth,
  overflow: getComputedStyle(svg.parentElement).overflowX,
}))"""

# For each quotation pair: the top and bottom of its two quotations.
PAIRS = """() => [...document.querySelectorAll(".pair")].map((pair) =>
  [...pair.querySelectorAll(":scope > blockquote")].map((q) => {
    const box = q.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right};
  }))"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(_bundled_catalog_result(), "html"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [390, 1400])
def test_readable_on_a_phone_and_a_desktop(
    browser: Any,  # noqa: F811
    report: Path,
    tmp_path: Path,
    width: int,
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=True)
    assert (tmp_path / f"report-{width}.png").stat().st_size > 10_000

    # No sideways scrolling of the page: nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWING) == []

    diagrams = page.evaluate(DIAGRAMS)
    assert diagrams
    for diagram in diagrams:
        # Drawn at its own size (labels at 12 px), never shrunk to fit.
        assert diagram["drawn"] == pytest.approx(diagram["own"], abs=0.5)
        assert diagram["box"] <= width
        if diagram["own"] > diagram["box"]:
            assert diagram["overflow"] in ("auto", "scroll")
            assert diagram["scroll"] >= diagram["own"]
    if width == 390:
        assert any(d["own"] > d["box"] for d in diagrams), "no diagram needed to scroll"

    pairs = page.evaluate(PAIRS)
    assert pairs and all(len(pair) == 2 for pair in pairs)
    for first, second in pairs:
        if width == 390:  # stacked: the copy under the reference, each the full width
            assert second["top"] >= first["bottom"]
            assert first["right"] <= width and second["right"] <= width
        else:  # side by side
            assert second["top"] == pytest.approx(first["top"], abs=1)
            assert second["left"] >= first["right"]
    page.close()
