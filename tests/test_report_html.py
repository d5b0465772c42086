"""The HTML report, read with an HTML parser: self-contained, and inert whatever the data."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from report_fixtures import SCRIPT, build_result, hostile_result

from provenance.report import render
from provenance.report.html import CSP


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)


def _page(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def _sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_csp_allows_exactly_the_inline_style_and_script() -> None:
    text = render(build_result(), "html")
    page = _page(text)
    (meta,) = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert meta["content"] == CSP
    assert CSP.startswith("default-src 'none';")
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert f"script-src {_sha(page.scripts[0])};" in CSP
    assert f"style-src {_sha(page.styles[0])};" in CSP
    # The CSP comes before anything it governs.
    assert text.index("Content-Security-Policy") < text.index("<style>")


def test_self_contained_with_a_diagram_per_article_and_every_finding() -> None:
    result = build_result()
    page = _page(render(result, "html"))
    tags = [t for t, _ in page.tags]
    assert tags.count("svg") == len(result.catalog.articles)
    findings = [a for t, a in page.tags if t == "li" and "finding" in (a.get("class") or "")]
    assert len(findings) == len(result.findings)
    assert sorted(a["data-severity"] or "" for a in findings) == sorted(
        f.severity for f in result.findings
    )
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag  # no image, script or frame is fetched
        if tag == "link":
            raise AssertionError("no stylesheet or icon link")
    filters = [a for t, a in page.tags if t == "input"]
    families = {str(f.family) for f in result.findings}
    assert {(a["name"], a["value"]) for a in filters} == {
        *(("severity", s) for s in ("error", "warning", "info")),
        *(("family", f) for f in families),
        ("status", "open"),
        ("status", "acknowledged"),
    }


def test_the_page_opens_on_open_findings_and_counts_in_words() -> None:
    result = build_result()
    text = render(result, "html")
    page = _page(text)
    findings = [a for t, a in page.tags if t == "li" and "finding" in (a.get("class") or "")]
    assert sorted(a["data-status"] or "" for a in findings) == sorted(
        "open" if f.acknowledged is None else "acknowledged" for f in result.findings
    )
    boxes = {a["value"]: a for t, a in page.tags if t == "input" and a["name"] == "status"}
    assert "checked" in boxes["open"] and "checked" not in boxes["acknowledged"]
    acknowledged = sum(1 for f in result.findings if f.acknowledged is not None)
    assert acknowledged > 0
    header = text[text.index("<header>") : text.index("</header>")]
    assert f"{len(result.findings) - acknowledged} open (" in header
    assert f"{acknowledged} acknowledged" in header
    # Each article's badges say that they count open findings, and how many are acknowledged.
    for article in result.catalog.articles:
        card = text[text.index(f"<h3>{article.id}</h3>") :]
        card = card[: card.index("</article>")]
        mine = sum(1 for f in result.findings if f.article == article.id and f.acknowledged)
        assert '<span class="counts">open: ' in card
        assert f"{mine} acknowledged</span>" in card


def test_shared_quotation_side_by_side_with_marked_differences() -> None:
    text = render(build_result(), "html")
    pair = text[text.index('<div class="pair">') :]
    pair = pair[: pair.index("</div></blockquote></div>")]
    assert "<del>shall never permit an</del>" in pair
    assert "<ins>will not allow any</ins>" in pair


def test_hostile_values_are_inert() -> None:
    text = render(hostile_result(), "html")
    page = _page(text)
    assert [t for t, _ in page.tags].count("script") == 1
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed", "circle", "base"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert re.match(r"^https?://", value or ""), value
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    # The one http(s) URL keeps its value, quoted and escaped so it cannot end the attribute.
    assert hrefs == ["https://example.org/a?q=\"'><script>x</script>"]
    assert 'href="https://example.org/a?q=&quot;&#x27;&gt;&lt;script&gt;x&lt;/script&gt;"' in text
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in text
    assert SCRIPT not in text
    assert "\x1b" not in text


def test_output_ends_once() -> None:
    text = render(hostile_result(), "html")
    assert text.count("</html>") == 1 and text.endswith("</body></html>\n")
