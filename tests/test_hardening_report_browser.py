"""Hostile catalog values and article texts through the real pipeline (`provenance report
--format html -o`), opened in headless chromium: no script runs, no dialog opens, no request
leaves the page. tests/test_report_html_browser.py does the same for a hand-built result; this
one proves that nothing between the catalog and the renderer turns text into markup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.report_fixtures import ATTR, CLOSE, IMG, SCRIPT, SVG
from tests.test_report_html_browser import _events, _open, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

# Schema-valid: an http(s) URL with no spaces may still carry markup in its path and query.
URL = "https://daily.example.com/a?q=\"'><script>window.__pwned=1;alert(1)</script>"
STYLE = "<style>body{background:url(https://evil.example/x)}</style>"
LINK = '<a href="javascript:window.__pwned=1;alert(1)">click</a>'
BASE = '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">'
PAYLOADS = [SCRIPT, IMG, SVG, CLOSE, ATTR, STYLE, LINK, BASE]


def _text(headline: str) -> str:
    return (
        f"{headline}\n\n"
        f"By Jane Roe {IMG}\n\n"
        f"Translated from {SVG} by {SCRIPT}.\n\n"
        f"“{SCRIPT} We will not allow an outside power to decide our security {LINK},” "
        f"the minister said.\n\n"
        f"The harbour reopened on Monday after {STYLE} two weeks of repairs {BASE}, officials "
        "said, and ships queued along the coast for a berth.\n\n"
        f"Source: {SVG}\n"
    )


def _catalog(folder: Path) -> Path:
    (folder / "texts").mkdir()
    (folder / "texts" / "a.txt").write_text(_text(SCRIPT + " Harbour reopens"), encoding="utf-8")
    (folder / "texts" / "b.txt").write_text(_text(SVG + " Harbour reopens"), encoding="utf-8")
    outlets = [
        {
            "id": "daily",
            "name": SCRIPT + " Daily",
            "alternateName": [IMG, SVG],
            "domains": ["daily.example.com"],
            "category": "newspaper",
            "ownershipFundingInfo": CLOSE + LINK,
            "reliability": {
                "status": "generally-reliable",
                "admiralty": "B",
                "reason": ATTR + STYLE,
                "evidence": URL,
            },
        },
        {"id": "wire", "name": IMG + " Wire", "domains": ["wire.example.org"], "category": "blog"},
    ]
    people = [{"id": "roe", "name": "Jane Roe", "alternateName": [SCRIPT + "Jane"]}]

    def article(identifier: str, file: str) -> dict[str, Any]:
        return {
            "id": identifier,
            "headline": SVG + CLOSE,
            "file": file,
            "note": BASE + ATTR,
            "copy": {
                "relation": "translated",
                "publisher": "daily",
                "url": URL.replace("/a?", f"/{identifier}?"),
                "author": [SCRIPT, "Jane Roe"],
                "translator": [IMG],
                "inLanguage": "en",
            },
            "chain": [
                {
                    "relation": "original",
                    "publisher": "wire",
                    "headline": SCRIPT,
                    "author": [SVG],
                    "inLanguage": "fr",
                    "credited": True,
                    "note": LINK,
                }
            ],
            "acknowledgements": [{"code": "D001", "reason": SCRIPT + ATTR}],
        }

    document = {
        "schemaVersion": "1.0",
        "outlets": outlets,
        "people": people,
        "articles": [article("a", "texts/a.txt"), article("b", "texts/b.txt")],
    }
    path = folder / "sources.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_hostile_catalog_and_texts_through_report_html_are_inert(
    browser: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    catalog = _catalog(tmp_path)
    validated = CliRunner().invoke(app, ["validate", str(catalog)])
    assert validated.exit_code == 0, validated.stdout  # every payload is schema-valid
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", str(catalog), "--format", "html", "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<svg onload" not in html

    events = _events()
    page = _open(browser, report, events)
    # The page opens on open findings; the acknowledged ones (a payload in a reason) too.
    page.locator("input[name=status][value=acknowledged]").check()
    for selector in ("li.finding", "svg.chain", "td", "a", "blockquote", "q"):
        locator = page.locator(selector)
        for index in range(min(locator.count(), 8)):
            locator.nth(index).hover()
    links = page.locator("a[href]")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == [] and events["errors"] == []
    assert events["requests"] == [report.as_uri()]
    assert (
        page.locator("#escaped, base, meta[http-equiv=refresh], body meta, body style").count() == 0
    )
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    shown = page.locator("body").inner_text()
    # The payloads arrived (from the catalog and from the texts) and show as text.
    assert SCRIPT in shown and "onerror=" in shown
    # A quotation from the articles' text, carrying its link payload, shown as text.
    assert 'decide our security <a href="javascript:' in shown
    page.close()
