"""The HTML report: one self-contained file that opens offline and runs nothing it was given.

No request leaves the page (no CDN, font, image or external script); a Content-Security-Policy
allows only this file's own style and filter script, by hash. Every value taken from the
catalog or an article goes through ``esc`` (text and attribute values alike), and only
http(s) URLs become links. Chains are inline SVG; shared quotations are shown side by side
with their word differences marked.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from html import escape

from provenance.findings import Family, Finding, Severity
from provenance.models import Article
from provenance.report.common import (
    SEVERITIES,
    ChainStep,
    Change,
    article_index,
    attribution_differences,
    attribution_text,
    chain_steps,
    chain_text,
    clean,
    findings_by_article,
    grade_legend,
    grade_rows,
    marked_side,
    one_line,
    open_text,
    person_matcher,
    reference_index,
    safe_url,
    summary_counts,
    where,
    word_diff,
)
from provenance.results import ArticleSummary, CheckResult, SharedPassage

CSS = """
:root{--fg:#1d232a;--muted:#5b6570;--line:#d4d9de;--bg:#fff;--card:#f6f8fa;
--error:#b42318;--warning:#a15c00;--info:#1f5fa8;--ins:#d7f5dd;--del:#fbe0e0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
header,main{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.2rem;margin:1.6em 0 .6em;
border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.02rem;margin:.4em 0}
.muted,.file{color:var(--muted)}.file{font-family:ui-monospace,monospace;font-size:.85em}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;
margin:0 0 14px}
.card-head{display:flex;gap:12px;align-items:baseline;flex-wrap:wrap}
.grade{font-weight:700;border:2px solid var(--fg);border-radius:6px;padding:0 6px}
.counts span{margin-right:8px}.n-error{color:var(--error)}.n-warning{color:var(--warning)}
.n-info{color:var(--info)}
.chain-box{overflow-x:auto;max-width:100%;margin:8px 0}
svg.chain{display:block;max-width:none}
svg.chain rect{fill:#fff;stroke:#6b7785;stroke-width:1.5}
svg.chain rect.held{stroke:#1d232a;stroke-width:2.5}
svg.chain rect.unknown{stroke-dasharray:5 4}
svg.chain text{font:12px system-ui,sans-serif;fill:#1d232a}
svg.chain text.rel{font-size:11px;fill:#5b6570}svg.chain text.pub{font-weight:600}
svg.chain line{stroke:#6b7785;stroke-width:1.5}svg.chain path.head{fill:#6b7785}
ol.steps{margin:4px 0 0;padding-left:1.4em;font-size:.92em}
.reasons{font-size:.92em;margin:.3em 0}
#filters{display:flex;gap:18px;flex-wrap:wrap;align-items:center;background:var(--card);
border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin-bottom:12px}
#filters fieldset{border:0;margin:0;padding:0}#filters legend{font-weight:600;padding:0;
margin-right:6px;float:left}#filters label{margin-right:10px;white-space:nowrap}
ul.findings{list-style:none;padding:0;margin:0 0 10px}
li.finding{border-left:4px solid var(--line);padding:6px 10px;margin:6px 0;background:var(--card)}
li.sev-error{border-color:var(--error)}li.sev-warning{border-color:var(--warning)}
li.sev-info{border-color:var(--info)}
.sev{font-weight:700;text-transform:uppercase;font-size:.78em;margin-right:6px}
.sev-error .sev{color:var(--error)}.sev-warning .sev{color:var(--warning)}
.sev-info .sev{color:var(--info)}.code{font-family:ui-monospace,monospace}
.ack{color:#176b2c;font-size:.9em}
ul.where{margin:4px 0 0;padding-left:1.2em;font-size:.9em}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));
gap:12px;margin:8px 0}
.pair blockquote{margin:0;padding:8px 10px;background:#fff;border:1px solid var(--line);
border-radius:6px}
del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);
text-decoration:none;font-weight:600}
.table-box{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;
text-align:left;vertical-align:top}
h1,h3,.file,.code,blockquote,li,td{overflow-wrap:anywhere}
@media (max-width:600px){header,main{padding:0 10px}header{padding-top:10px}
.card{padding:10px}}
[hidden]{display:none !important}
""".strip()

SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var findings = document.querySelectorAll("li.finding");
  function update() {
    var off = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) { off[box.name + ":" + box.value] = true; }
    });
    var visible = 0;
    findings.forEach(function (item) {
      var hide = off["severity:" + item.dataset.severity] || off["family:" + item.dataset.family]
        || off["status:" + item.dataset.status];
      item.hidden = Boolean(hide);
      if (!hide) { visible += 1; }
    });
    document.querySelectorAll("section.group").forEach(function (group) {
      group.hidden = !group.querySelector("li.finding:not([hidden])");
    });
    shown.textContent = visible + " of " + findings.length + " findings shown";
  }
  form.hidden = false;
  form.addEventListener("change", update);
  update();
})();
""".strip()

BOX_W, BOX_H, GAP, PAD = 190, 70, 64, 10


def esc(value: object) -> str:
    """Text or attribute value, inert in HTML and in inline SVG; control characters dropped."""
    return escape(clean(str(value)), quote=True)


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
    "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)


def _link(label: str, url: str | None) -> str:
    safe = safe_url(url)
    if safe is None:
        return esc(label)
    return f'<a href="{esc(safe)}" rel="noopener noreferrer nofollow">{esc(label)}</a>'


def _svg_text(x: float, y: float, text: str, cls: str, limit: int) -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" class="{cls}">{esc(one_line(text, limit))}</text>'


def chain_svg(steps: Sequence[ChainStep], number: int, article_id: str) -> str:
    """The chain as boxes joined by arrows labelled with each hop's relation."""
    width = PAD * 2 + len(steps) * BOX_W + (len(steps) - 1) * GAP
    height = PAD + 16 + BOX_H + 22  # room for the relation above and "held" below
    parts = [
        f'<svg class="chain" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="chain-title-{number}">',
        f'<title id="chain-title-{number}">{esc(article_id)}: {esc(chain_text(steps))}</title>',
    ]
    top = PAD + 16
    for step in steps:
        x = PAD + step.index * (BOX_W + GAP)
        classes = " ".join(
            c
            for c in ("held" if step.held else "", "unknown" if step.publisher_id is None else "")
            if c
        )
        parts.append(
            f'<g class="step"><rect x="{x}" y="{top}" width="{BOX_W}" height="{BOX_H}" rx="6"'
            + (f' class="{classes}"' if classes else "")
            + "/>"
        )
        parts.append(_svg_text(x + 8, top + 18, step.publisher, "pub", 26))
        parts.append(_svg_text(x + 8, top + 36, step.date or "no date", "date", 30))
        who = ", ".join(step.authors) or "no author"
        parts.append(_svg_text(x + 8, top + 54, who, "who", 30))
        if step.index == 0:
            parts.append(_svg_text(x, top - 6, step.label, "rel", 30))
        else:
            x0, x1, y = x - GAP + 2, x - 8, top + BOX_H / 2
            parts.append(f'<line x1="{x0}" y1="{y:.0f}" x2="{x1}" y2="{y:.0f}"/>')
            parts.append(
                f'<path class="head" d="M{x1} {y - 5:.0f} L{x1 + 7} {y:.0f} L{x1} {y + 5:.0f} Z"/>'
            )
            parts.append(_svg_text(x - GAP + 2, top - 6, step.label, "rel", 22))
        if step.held:
            parts.append(_svg_text(x + BOX_W - 40, top + BOX_H + 14, "held", "rel", 8))
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _steps_list(steps: Sequence[ChainStep]) -> str:
    items = []
    for step in steps:
        credited = ""
        if step.credited is not None:
            credited = "; credited by the copy" if step.credited else "; not credited by the copy"
        items.append(
            f'<li>{_link(step.publisher, step.url)} <span class="muted">({esc(step.label)})'
            f"{' — the copy held' if step.held else ''}</span>: {esc(step.details())}"
            f"{esc(credited)}</li>"
        )
    return '<ol class="steps">' + "".join(items) + "</ol>"


def _grade(summary: ArticleSummary) -> str:
    lines = []
    for label, value, reasons in grade_rows(summary.grade):
        shown = f": {esc('; '.join(one_line(r) for r in reasons))}" if reasons else ""
        lines.append(f"<div><b>{label} {esc(value)}</b>{shown}</div>")
    return '<div class="reasons">' + "".join(lines) + "</div>"


def _legend() -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in grade_legend())
    return (
        f'<details class="legend"><summary>What the grades mean</summary><ul>{items}</ul></details>'
    )


def _counts(counts: dict[Severity, int], acknowledged: int) -> str:
    return (
        '<span class="counts">open: '
        + "".join(f'<span class="n-{s.value}">{counts[s]} {s.value}</span>' for s in SEVERITIES)
        + f'<span class="ack">{acknowledged} acknowledged</span></span>'
    )


def _article_card(number: int, article: Article, result: CheckResult, acknowledged: int) -> str:
    summary = next((s for s in result.articles if s.id == article.id), None)
    steps = chain_steps(result.catalog, article)
    grade = (
        f'<span class="grade" title="Admiralty grade">{esc(summary.grade.code)}</span>'
        if summary
        else ""
    )
    headline = f"<div>{esc(one_line(article.headline))}</div>" if article.headline else ""
    counts = _counts(summary_counts(summary), acknowledged) if summary else ""
    return (
        f'<article class="card" id="article-{number}">'
        f'<div class="card-head"><h3>{esc(article.id)}</h3>{grade}{counts}'
        f'<span class="file">{esc(article.file)}</span></div>{headline}'
        # The diagram keeps its size and scrolls inside its box: shrunk to a phone's width,
        # its 12 px labels would be 5 px. Focusable, so that a keyboard can scroll it too.
        f'<div class="chain-box" tabindex="0" role="region" aria-label="chain of '
        f'{esc(article.id)}">{chain_svg(steps, number, article.id)}</div>'
        f"{_steps_list(steps)}"
        f"{_grade(summary) if summary else ''}</article>"
    )


def _finding(finding: Finding) -> str:
    severity = Severity(finding.severity)
    where_items = []
    if finding.catalog is not None:
        pointer = (
            f' <span class="code">{esc(finding.catalog.pointer)}</span>'
            if finding.catalog.pointer is not None
            else ""
        )
        where_items.append(
            f'<li>at <span class="file">{esc(where(finding.catalog))}</span>{pointer}</li>'
        )
    for location in finding.evidence:
        snippet = f": “{esc(one_line(location.snippet, 200))}”" if location.snippet else ""
        where_items.append(
            f'<li>evidence <span class="file">{esc(where(location))}</span>{snippet}</li>'
        )
    if finding.fix:
        where_items.append(f"<li>fix: {esc(one_line(finding.fix))}</li>")
    if finding.acknowledged is not None:
        where_items.append(
            f'<li class="ack">acknowledged: {esc(one_line(finding.acknowledged))}</li>'
        )
    ack = ' <span class="ack">(acknowledged)</span>' if finding.acknowledged is not None else ""
    status = "open" if finding.acknowledged is None else "acknowledged"
    return (
        f'<li class="finding sev-{esc(severity.value)}" data-severity="{esc(severity.value)}" '
        f'data-family="{esc(finding.family)}" data-status="{status}">'
        f'<span class="sev">{esc(severity.value)}</span>'
        f'<span class="code">{esc(finding.code)}</span> {esc(finding.name)} '
        f'<span class="muted">[{esc(finding.family)}]</span> — '
        f"{esc(one_line(finding.message))}{ack}"
        f'<ul class="where">{"".join(where_items)}</ul></li>'
    )


def _tally(findings: Sequence[Finding]) -> str:
    """'3 open, 2 acknowledged': a filter's count says which findings it counts."""
    acknowledged = sum(1 for f in findings if f.acknowledged is not None)
    tally = f"{len(findings) - acknowledged} open"
    return tally + (f", {acknowledged} acknowledged" if acknowledged else "")


def _filters(findings: Sequence[Finding]) -> str:
    families = sorted(
        {str(f.family) for f in findings}, key=lambda f: list(Family).index(Family(f))
    )
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{esc(s.value)}" checked> '
        f"{esc(s.value)} ({_tally([f for f in findings if f.severity == s])})</label>"
        for s in SEVERITIES
    )
    family_boxes = "".join(
        f'<label><input type="checkbox" name="family" value="{esc(family)}" checked> '
        f"{esc(family)} ({_tally([f for f in findings if f.family == family])})</label>"
        for family in families
    )
    acknowledged = sum(1 for f in findings if f.acknowledged is not None)
    # Reviewed findings do not fail the check: the page opens on what is still open.
    status_boxes = (
        '<label><input type="checkbox" name="status" value="open" checked> '
        f"open ({len(findings) - acknowledged})</label>"
        '<label><input type="checkbox" name="status" value="acknowledged"> '
        f"acknowledged ({acknowledged})</label>"
    )
    return (
        '<form id="filters" hidden>'
        f"<fieldset><legend>Show</legend>{status_boxes}</fieldset>"
        f"<fieldset><legend>Severity</legend>{boxes}</fieldset>"
        f"<fieldset><legend>Family</legend>{family_boxes}</fieldset>"
        '<output id="shown" class="muted"></output></form>'
    )


def _findings_section(result: CheckResult) -> str:
    articles = article_index(result.catalog)
    groups = []
    for article_id, findings in findings_by_article(result):
        title = esc(article_id) if article_id is not None else "The catalog as a whole"
        file = (
            f' <span class="file">{esc(articles[article_id].file)}</span>'
            if article_id is not None and article_id in articles
            else ""
        )
        groups.append(
            f'<section class="group"><h3>{title}{file}</h3>'
            f'<ul class="findings">{"".join(_finding(f) for f in findings)}</ul></section>'
        )
    body = "".join(groups) if groups else "<p>No findings.</p>"
    return f'<section id="findings"><h2>Findings</h2>{_filters(result.findings)}{body}</section>'


def _marked(changes: Sequence[Change], side: str) -> str:
    tag = "del" if side == "before" else "ins"
    return marked_side(changes, side, esc, lambda text: f"<{tag}>{text}</{tag}>")


def _quote(article: str, location: str, body: str, speaker: str | None, given: str | None) -> str:
    return (
        f'<blockquote><div class="muted"><b>{esc(article)}</b> '
        f'<span class="file">{esc(location)}</span></div><p>{body}</p>'
        f'<div class="muted">{esc(attribution_text(speaker, given))}</div></blockquote>'
    )


def _passage(
    number: int, passage: SharedPassage, same: Callable[[str, str], bool] | None = None
) -> str:
    reference = passage.copies[reference_index(passage)]
    pairs = []
    for copy in passage.copies:
        if copy is reference:
            continue
        changes = word_diff(reference.text, copy.text)
        pairs.append(
            '<div class="pair">'
            + _quote(
                reference.article + " (reference)",
                where(reference.location),
                _marked(changes, "before"),
                reference.speaker,
                reference.given_to,
            )
            + _quote(
                copy.article,
                where(copy.location),
                _marked(changes, "after"),
                copy.speaker,
                copy.given_to,
            )
            + "</div>"
        )
    notes = "".join(f"<li>{esc(note)}</li>" for note in attribution_differences(passage, same))
    source = f", likely source <b>{esc(passage.likely_source)}</b>" if passage.likely_source else ""
    reason = f'<p class="muted">{esc(one_line(passage.reason))}</p>' if passage.reason else ""
    return (
        f'<div class="card passage"><h3>{number}. {esc(passage.kind.capitalize())} '
        f'<span class="muted">similarity {passage.similarity:.1f}{source}</span></h3>{reason}'
        f"{''.join(pairs)}{f'<ul>{notes}</ul>' if notes else ''}</div>"
    )


def _shared_section(result: CheckResult) -> str:
    same = person_matcher(result)
    passages = "".join(_passage(n, p, same) for n, p in enumerate(result.shared, start=1))
    rows = "".join(
        f"<tr><td>{esc(one_line(c.canonical))}</td><td>{esc(c.person or '?')}</td>"
        f"<td>{' / '.join(esc(one_line(v, 80)) for v in c.variants)}</td>"
        f"<td>{esc(', '.join(c.articles))}</td></tr>"
        for c in result.name_variants
    )
    names = (
        f'<div class="table-box"><table><thead><tr><th>Name</th><th>Person</th>'
        f"<th>Spellings</th><th>Articles</th></tr></thead><tbody>{rows}</tbody></table></div>"
        if rows
        else "<p>None found.</p>"
    )
    return (
        '<section id="shared"><h2>Quotations and passages shared between articles</h2>'
        f"{passages or '<p>None found.</p>'}</section>"
        f'<section id="names"><h2>Names spelled several ways</h2>{names}</section>'
    )


def render(result: CheckResult) -> str:
    acknowledged = Counter(f.article for f in result.findings if f.acknowledged is not None)
    cards = "".join(
        _article_card(n, a, result, acknowledged[a.id])
        for n, a in enumerate(result.catalog.articles, start=1)
    )
    title = f"Provenance report: {esc(result.catalog_file)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1><p>{len(result.catalog.articles)} articles; findings: "
        f"{esc(open_text(result.findings))}</p>{_legend()}</header>\n<main>\n"
        f'<section id="articles"><h2>Articles</h2>{cards}</section>\n'
        f"{_findings_section(result)}\n{_shared_section(result)}\n</main>\n"
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )
