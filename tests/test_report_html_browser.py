"""The HTML report in a real headless browser (Debian's chromium, driven by playwright).

playwright talks to its driver over pipes and to chromium over a pipe (launch, not
connect), so pytest-socket's --disable-socket does not get in the way: no marker needed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import ROOT, build_result, hostile_result

from provenance.report import render

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"

pytestmark = pytest.mark.browser


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not _chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _open(browser: Any, path: Path, events: dict[str, list[str]]) -> Any:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.on("request", lambda request: events["requests"].append(request.url))
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: events["errors"].append(str(error)))
    page.on("console", lambda message: events["console"].append(message.text))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def _clip(page: Any) -> dict[str, float]:
    """From the top (chain diagrams) to the first findings under the filters."""
    page.evaluate("window.scrollTo(0, 0)")  # bounding boxes are relative to the viewport
    top = page.locator("#findings").bounding_box()
    assert top is not None
    return {"x": 0, "y": 0, "width": 1200, "height": min(top["y"] + 700, 2400)}


def _events() -> dict[str, list[str]]:
    return {"requests": [], "dialogs": [], "errors": [], "console": []}


def _bundled_catalog_result() -> Any:
    """The real pipeline on the repository's own catalog: what the README's screenshot shows."""
    from provenance.check import run_check
    from provenance.config import load_config

    catalog = ROOT / "sources.json"
    result = run_check(catalog, load_config(catalog), display="sources.json", jobs=1)
    assert not hasattr(result, "loaded"), "the bundled catalog must be valid"
    return result


@pytest.mark.parametrize("source", ["fixture", "bundled catalog"])
def test_diagrams_findings_and_filters(browser: Any, tmp_path: Path, source: str) -> None:
    result = build_result() if source == "fixture" else _bundled_catalog_result()
    path = tmp_path / "report.html"
    path.write_text(render(result, "html"), encoding="utf-8")
    events = _events()
    page = _open(browser, path, events)

    assert page.locator("svg.chain").count() == len(result.catalog.articles)
    assert page.locator("svg.chain rect").count() == sum(
        len(a.hops) for a in result.catalog.articles
    )
    box = page.locator("svg.chain").first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 40
    findings = page.locator("li.finding")
    assert findings.count() == len(result.findings)
    assert page.locator("#filters").is_visible()  # the script ran and showed the filters
    total = len(result.findings)
    # The page opens on the open findings; the acknowledged ones are a filter away.
    reviewed = sum(1 for f in result.findings if f.acknowledged is not None)
    assert reviewed > 0
    assert page.locator("input[name=status][value=acknowledged]").is_checked() is False
    assert page.locator("li.finding:visible").count() == total - reviewed
    assert page.locator("li.finding[data-status=acknowledged]:visible").count() == 0
    assert page.locator("#shown").text_content() == f"{total - reviewed} of {total} findings shown"
    page.locator("input[name=status][value=acknowledged]").check()
    assert page.locator("li.finding:visible").count() == total
    assert page.locator("#shown").text_content() == f"{total} of {total} findings shown"

    infos = sum(1 for f in result.findings if f.severity == "info")
    page.locator("input[name=severity][value=info]").uncheck()
    assert page.locator("li.finding:visible").count() == total - infos
    assert page.locator("li.finding[data-severity=info]:visible").count() == 0
    assert page.locator("#shown").text_content() == f"{total - infos} of {total} findings shown"

    dates = sum(1 for f in result.findings if f.family == "dates" and f.severity != "info")
    page.locator("input[name=family][value=dates]").uncheck()
    assert page.locator("li.finding:visible").count() == total - infos - dates
    page.locator("input[name=severity][value=info]").check()
    page.locator("input[name=family][value=dates]").check()
    assert page.locator("li.finding:visible").count() == total

    assert page.locator(".pair del").count() > 0 and page.locator(".pair ins").count() > 0
    # A CSP violation (a blocked style or script of our own) would show on the console.
    assert events["errors"] == [] and events["console"] == []
    assert events["requests"] == [path.as_uri()]

    if source != "bundled catalog":
        page.close()
        return
    # The README's screenshot: chains, then the findings with the 'info' filter off. Written
    # into the repository only when asked (PROVENANCE_UPDATE_SCREENSHOT=1): a test run must
    # not change a committed file.
    page.locator("input[name=severity][value=info]").uncheck()
    target = SCREENSHOT if os.environ.get("PROVENANCE_UPDATE_SCREENSHOT") else tmp_path / "shot.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target), full_page=True, clip=_clip(page))
    assert target.stat().st_size > 10_000
    page.close()


def test_hostile_report_runs_nothing_and_requests_nothing(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render(hostile_result(), "html"), encoding="utf-8")
    events = _events()
    page = _open(browser, path, events)
    # Hover and click everything a payload could have hooked (onmouseover, onclick, links).
    for locator in (page.locator("li.finding"), page.locator("svg.chain"), page.locator("td")):
        for index in range(min(locator.count(), 8)):
            locator.nth(index).hover()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == []
    assert events["requests"] == [path.as_uri()]
    assert events["errors"] == []
    # The payloads are on the page as text, and the page structure is intact.
    assert page.locator("#escaped").count() == 0
    assert page.locator("svg.chain").count() == len(hostile_result().catalog.articles)
    assert "<script>window.__pwned=1;alert(1)</script>" in page.locator("#findings").inner_text()
    assert page.locator("a[href^='javascript:'], a[href^='data:']").count() == 0
    page.close()
