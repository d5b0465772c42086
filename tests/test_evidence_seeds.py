"""What a reader sees in the five seed articles, found by the general extractor."""

from __future__ import annotations

import json

import pytest
from evidence_support import SEEDS, check_spans

from provenance.evidence import extract
from provenance.evidence.model import CreditKind, DateKind, Evidence, ResidueKind, TruncationKind
from provenance.models import Catalog

CATALOG = Catalog.model_validate(json.loads((SEEDS.parent / "sources.json").read_text("utf-8")))


def seed(prefix: str, registry: bool = True) -> tuple[str, Evidence]:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    if registry:
        return text, extract(text, CATALOG.outlets, CATALOG.people)
    return text, extract(text)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_are_exact_and_output_deterministic(prefix: str) -> None:
    text, evidence = seed(prefix)
    assert check_spans(text, evidence) > 5
    assert seed(prefix)[1].model_dump_json() == evidence.model_dump_json()
    assert evidence.language is not None and evidence.language.code == "en"


def test_seed_000_credit_footer_quotes_near_misses_and_variants() -> None:
    text, evidence = seed("000")
    lines = text.split("\n")
    [credit] = evidence.credits
    assert credit.kind is CreditKind.FROM and credit.span.line == 47
    assert credit.outlet is not None and credit.outlet.exact
    [footer] = evidence.residue
    assert footer.kind is ResidueKind.FOOTER and footer.span.line == 48
    assert footer.span.text == lines[47]
    # Relative and year-less dates need an anchor.
    kinds = {d.span.text: d.kind for d in evidence.dates}
    assert kinds["last week"] is DateKind.RELATIVE
    assert kinds["August 9"] is DateKind.YEARLESS
    assert kinds["January 2022"] is DateKind.MONTH_YEAR
    # The garbled renderings of an outlet name resolve as near-misses.
    near = [m for m in evidence.outlets if not m.match.exact]
    assert len(near) == 2 and len({m.match.outlet for m in near}) == 1
    assert all(m.match.score < 100 or m.span.text != m.match.matched for m in near)
    # Quotations given to an outlet.
    told = [q for q in evidence.quotations if q.verb == "told"]
    assert len(told) == 2 and all(q.given_to_outlet is not None for q in told)
    # Two people's surnames spelled two ways each.
    assert len(evidence.name_clusters) == 2
    assert all(len(c.variants) >= 3 and c.person for c in evidence.name_clusters)
    assert not evidence.headlines and not evidence.truncation


def test_seed_000_without_registry_still_clusters_and_finds_credit() -> None:
    _, evidence = seed("000", registry=False)
    assert len(evidence.name_clusters) == 2
    assert [c.kind for c in evidence.credits] == [CreditKind.FROM]
    assert evidence.outlets == ()


def test_seed_001_repeated_headline_byline_and_interface_word() -> None:
    _, evidence = seed("001")
    assert [(h.span.line, h.repeated) for h in evidence.headlines] == [(1, False), (3, True)]
    [byline] = evidence.bylines
    assert byline.span.line == 5 and byline.date == "2024-08-27" and len(byline.names) == 1
    assert byline.place is not None
    dated = [d for d in evidence.dates if d.dateline]
    assert [(d.kind, d.value) for d in dated] == [(DateKind.ABSOLUTE, "2024-08-27")]
    assert any(d.kind is DateKind.RELATIVE and "ago" in d.span.text for d in evidence.dates)
    assert [(r.span.line, r.kind) for r in evidence.residue] == [(57, ResidueKind.INTERFACE)]
    assert not evidence.credits and not evidence.truncation


def test_seed_002_sign_off_and_translation_credit() -> None:
    _, evidence = seed("002")
    [sign_off] = evidence.sign_offs
    assert sign_off.span.line == 10
    [credit] = evidence.credits
    assert credit.kind is CreditKind.TRANSLATED_FROM and credit.span.line == 11
    assert credit.outlet is not None and credit.outlet.exact
    assert credit.language is None
    assert not evidence.headlines and not evidence.truncation and not evidence.residue


def test_seed_003_foreign_navigation_footer() -> None:
    _, evidence = seed("003")
    assert [r.span.line for r in evidence.residue] == [41, 43, 45, 47, 48, 49, 50, 51]
    assert {r.kind for r in evidence.residue} == {ResidueKind.FOREIGN_NAVIGATION}
    relative = [d.span.text for d in evidence.dates if d.kind is DateKind.RELATIVE]
    assert "earlier this month" in relative and "last September" in relative
    assert [h.span.line for h in evidence.headlines] == [1]
    assert not evidence.truncation


def test_seed_004_platform_line_ticker_and_start_mid_sentence() -> None:
    text, evidence = seed("004")
    assert [h.span.line for h in evidence.headlines] == [1]
    platform = [r for r in evidence.residue if r.kind is ResidueKind.PLATFORM]
    assert [r.span.line for r in platform] == [3]
    tickers = [r.span.line for r in evidence.residue if r.kind is ResidueKind.TICKER]
    assert tickers == [29, 31, 32, 33, 34, 35, 36, 37]
    [cut] = evidence.truncation
    assert cut.kind is TruncationKind.START and cut.span.line == 5
    assert text.split("\n")[4].startswith(cut.span.text)
    assert any(d.span.text == "2 years ago" for d in evidence.dates)
    assert evidence.outlets == ()  # ticker symbols are not outlet names
