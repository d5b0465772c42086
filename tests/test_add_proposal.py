"""The proposed entry, from a document, its evidence and the catalog (pure: no files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.evidence.model import (
    Byline,
    Credit,
    CreditKind,
    DateKind,
    DateMention,
    Evidence,
    Language,
    OutletMatch,
    OutletMention,
    SignOff,
    Span,
)
from provenance.ingest import Document, Metadata
from provenance.loader import load_catalog
from provenance.models import Catalog
from provenance.proposal import (
    Options,
    ProposalError,
    conflicts,
    content_key,
    language_code,
    propose,
    slug,
    unique_id,
)

FIXTURES = Path(__file__).parent / "fixtures" / "add"
TEXT = (
    "Ferry operator scraps winter timetable\n\nBy Anneli Saar\n\n"
    "TALLINN (Baltic Wire Service) - Body text.\n\nTranslated from German by Lena Hoffmann.\n"
    "Originally published in Nordsee Kurier.\nvia Harbour Digest\n"
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog(FIXTURES / "catalog" / "sources.json")
    assert loaded.catalog is not None
    return loaded.catalog


def span(needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(line=line, column=column, start=start, end=start + len(needle), text=needle)


def credit(
    kind: CreditKind, line: str, target: str, outlet: str | None, text: str = TEXT, **kw: str
) -> Credit:
    match = OutletMatch(outlet=outlet, matched=target, score=100.0, exact=True) if outlet else None
    return Credit(span=span(line, text), kind=kind, target=target, outlet=match, **kw)


def document(text: str = TEXT, **metadata: str) -> Document:
    return Document(Path("incoming/ferry.txt"), text, bool(metadata), Metadata(**metadata))


def evidence(*credits: Credit, **fields: object) -> Evidence:
    return Evidence(line_count=TEXT.count("\n"), credits=credits, **fields)  # type: ignore[arg-type]


ENGLISH = Language(code="en", confidence=0.97)


def test_agency_dateline_makes_a_syndicated_copy(catalog: Catalog) -> None:
    found = evidence(
        credit(
            CreditKind.AGENCY_DATELINE,
            "(Baltic Wire Service)",
            "Baltic Wire Service",
            "baltic-wire",
        ),
        bylines=(Byline(span=span("By Anneli Saar"), names=("Anneli Saar",)),),
        language=ENGLISH,
    )
    proposal = propose(document(), found, catalog, Options(outlet="harbour-digest"))
    article = proposal.article
    assert article.copy_held.relation == "syndicated"
    assert article.copy_held.publisher == "harbour-digest"
    assert article.copy_held.author == ["Anneli Saar"]
    assert article.copy_held.in_language == "en"
    [origin] = article.chain
    assert (origin.relation, origin.publisher, origin.credited) == ("original", "baltic-wire", True)
    assert origin.in_language == "en"  # syndicated: the same words, the same language
    assert origin.url is None and origin.date_published is None and origin.author == []
    assert "(Baltic Wire Service)" in (origin.note or "")


def test_translation_credit(catalog: Catalog) -> None:
    found = evidence(
        credit(
            CreditKind.TRANSLATED_FROM,
            "Translated from German by Lena Hoffmann.",
            "German",
            None,
            language="German",
        ),
        credit(
            CreditKind.ORIGINALLY_PUBLISHED,
            "Originally published in Nordsee Kurier.",
            "Nordsee Kurier",
            "nordsee-kurier",
        ),
        language=ENGLISH,
    )
    article = propose(document(), found, catalog, Options()).article
    assert article.copy_held.relation == "translated"
    assert article.copy_held.translator == ["Lena Hoffmann"]
    assert article.copy_held.in_language == "en"
    # 'Translated from German' names a language; the outlet comes from the other credit.
    [origin] = article.chain
    assert (origin.relation, origin.publisher, origin.in_language) == (
        "original",
        "nordsee-kurier",
        "de",
    )
    assert "Translated from German" in (origin.note or "")


def test_credit_to_an_outlet_republishes(catalog: Catalog) -> None:
    found = evidence(
        credit(
            CreditKind.ORIGINALLY_PUBLISHED,
            "Originally published in Nordsee Kurier.",
            "Nordsee Kurier",
            "nordsee-kurier",
        ),
        language=Language(code="de", confidence=0.9),
    )
    article = propose(document(), found, catalog, Options(outlet="harbour-digest")).article
    assert article.copy_held.relation == "republished"
    assert [(h.relation, h.publisher, h.in_language) for h in article.chain] == [
        ("original", "nordsee-kurier", "de")
    ]


def test_credit_to_an_agency_outlet_is_syndication(catalog: Catalog) -> None:
    found = evidence(
        credit(CreditKind.SOURCE, "Originally published in Nordsee Kurier.", "BWS", "baltic-wire")
    )
    article = propose(document(), found, catalog, Options(outlet="harbour-digest")).article
    assert article.copy_held.relation == "syndicated"


def test_via_adds_an_intermediate_hop(catalog: Catalog) -> None:
    found = evidence(
        credit(
            CreditKind.ORIGINALLY_PUBLISHED,
            "Originally published in Nordsee Kurier.",
            "Nordsee Kurier",
            "nordsee-kurier",
        ),
        credit(CreditKind.VIA, "via Harbour Digest", "Harbour Digest", "harbour-digest"),
    )
    article = propose(document(), found, catalog, Options()).article
    assert [(h.relation, h.publisher) for h in article.chain] == [
        ("original", "nordsee-kurier"),
        ("republished", "harbour-digest"),
    ]
    assert article.copy_held.relation == "republished"


def test_translation_via_an_outlet(catalog: Catalog) -> None:
    found = evidence(
        credit(
            CreditKind.TRANSLATED_FROM,
            "Translated from German by Lena Hoffmann.",
            "Nordsee Kurier",
            "nordsee-kurier",
        ),
        credit(CreditKind.VIA, "via Harbour Digest", "Harbour Digest", "harbour-digest"),
        language=ENGLISH,
    )
    article = propose(document(), found, catalog, Options(outlet="coastal-herald")).article
    assert [(h.relation, h.publisher, h.in_language, h.translator) for h in article.chain] == [
        ("original", "nordsee-kurier", None, []),
        ("translated", "harbour-digest", "en", ["Lena Hoffmann"]),
    ]
    assert (article.copy_held.relation, article.copy_held.translator) == ("republished", [])


def test_a_credit_to_the_publisher_itself_is_no_chain(catalog: Catalog) -> None:
    found = evidence(
        credit(CreditKind.SOURCE, "(Baltic Wire Service)", "Baltic Wire Service", "baltic-wire"),
        credit(
            CreditKind.COPYRIGHT, "Originally published in Nordsee Kurier.", "NK", "nordsee-kurier"
        ),
    )
    article = propose(document(), found, catalog, Options(outlet="baltic-wire")).article
    assert article.chain == []
    assert article.copy_held.relation == "original"


def test_an_unmatched_credit_proposes_an_outlet(catalog: Catalog) -> None:
    found = evidence(credit(CreditKind.FROM, "via Harbour Digest", "Lakeside Echo", None))
    proposal = propose(document(), found, catalog, Options())
    [origin] = proposal.article.chain
    [outlet] = proposal.outlets
    assert (origin.publisher, outlet.id, outlet.name) == (
        "lakeside-echo",
        "lakeside-echo",
        "Lakeside Echo",
    )
    assert outlet.reliability is not None and outlet.reliability.status == "unknown"
    assert "Proposed by `provenance add`" in outlet.reliability.reason
    assert "'Lakeside Echo': proposed as outlet 'lakeside-echo'" in (origin.note or "")


def test_nothing_known_stays_null_and_unknown(catalog: Catalog) -> None:
    proposal = propose(document(), evidence(), catalog, Options())
    copy = proposal.article.copy_held
    assert copy.relation == "unknown"
    assert copy.publisher is None and copy.url is None and copy.date_published is None
    assert copy.author == [] and copy.in_language is None and proposal.article.chain == []
    assert proposal.article.headline is None
    assert any("publisher is null" in note for note in proposal.notes)
    assert any("inLanguage is null" in note for note in proposal.notes)


def test_html_metadata_fills_the_copy(catalog: Catalog) -> None:
    meta = {
        "title": "Island ferry service cut",
        "author": "Eilidh MacLeod; Agency Staff",
        "date_published": "2025-03-04",
        "site_name": "The Coastal Herald",
        "url": "https://www.thecoastalherald.co.uk/news/island-ferry",
        "language": "en",
    }
    proposal = propose(document(**meta), evidence(), catalog, Options())
    article = proposal.article
    assert article.id == "coastal-herald-island-ferry-service-cut"
    assert article.headline == "Island ferry service cut"
    assert article.copy_held.publisher == "coastal-herald"
    assert article.copy_held.url == meta["url"]
    assert article.copy_held.author == ["Eilidh MacLeod", "Agency Staff"]
    assert article.copy_held.date_published == "2025-03-04"
    assert article.copy_held.in_language == "en"  # from <html lang>, no text language
    assert article.copy_held.relation == "original"
    assert article.file.startswith("seeds/") and article.file.endswith(
        "_island-ferry-service-cut.txt"
    )


def test_url_wins_over_site_name_and_says_so(catalog: Catalog) -> None:
    meta = {"site_name": "Nordsee Kurier", "url": "https://harbourdigest.net/a"}
    proposal = propose(document(**meta), evidence(), catalog, Options())
    assert proposal.article.copy_held.publisher == "harbour-digest"
    assert any("Nordsee Kurier" in note for note in proposal.notes)


def test_unknown_domain_is_no_publisher(catalog: Catalog) -> None:
    options = Options(url="https://www.lakeside-echo.org/story")
    proposal = propose(document(), evidence(), catalog, options)
    assert proposal.article.copy_held.publisher is None
    assert proposal.article.copy_held.url == "https://www.lakeside-echo.org/story"
    assert any("lakeside-echo.org" in note for note in proposal.notes)


def test_byline_and_dateline_dates(catalog: Catalog) -> None:
    dateline = DateMention(
        span=span("TALLINN"), kind=DateKind.ABSOLUTE, value="2025-03-06", dateline=True
    )
    body = DateMention(span=span("Body"), kind=DateKind.ABSOLUTE, value="2019-01-01")
    found = evidence(dates=(body, dateline))
    assert propose(document(), found, catalog, Options()).article.copy_held.date_published == (
        "2025-03-06"
    )
    byline = Byline(span=span("By Anneli Saar"), names=("Anneli Saar",), date="2025-03-05")
    found = evidence(dates=(body, dateline), bylines=(byline,))
    assert propose(document(), found, catalog, Options()).article.copy_held.date_published == (
        "2025-03-05"
    )
    only_body = evidence(dates=(body,))
    assert (
        propose(document(), only_body, catalog, Options()).article.copy_held.date_published is None
    )


def test_a_date_alone_on_a_header_line(catalog: Catalog) -> None:
    text = "Headline here\nBy Anneli Saar\n6 March 2025\n\n" + "Body words " * 20 + "\n1 May 2025\n"

    def at(needle: str) -> DateMention:
        return DateMention(span=span(needle, text), kind=DateKind.ABSOLUTE, value="2025-03-06")

    header = evidence(dates=(at("6 March 2025"),))
    assert propose(document(text), header, catalog, Options()).article.copy_held.date_published == (
        "2025-03-06"
    )
    # After the first paragraph of the body, a date alone on a line is not the dateline.
    footer = evidence(dates=(at("1 May 2025"),))
    assert (
        propose(document(text), footer, catalog, Options()).article.copy_held.date_published is None
    )
    # In a sentence of the header ('Updated 6 March 2025'), it is not either.
    text = text.replace("6 March 2025", "Updated 6 March 2025")
    updated = evidence(dates=(at("6 March 2025"),))
    assert (
        propose(document(text), updated, catalog, Options()).article.copy_held.date_published
        is None
    )


def test_an_outlet_named_inside_a_translation_credit(catalog: Catalog) -> None:
    line = "Translated from German by Lena Hoffmann.\nOriginally published in Nordsee Kurier."
    both = credit(CreditKind.TRANSLATED_FROM, line, "German", None, language="de")
    mention = OutletMention(
        span=span("Nordsee Kurier."),
        match=OutletMatch(outlet="nordsee-kurier", matched="Nordsee Kurier", score=100, exact=True),
    )
    article = propose(document(), evidence(both, outlets=(mention,)), catalog, Options()).article
    assert [(h.publisher, h.in_language) for h in article.chain] == [("nordsee-kurier", "de")]
    assert article.copy_held.translator == ["Lena Hoffmann"]


def test_sign_off_is_the_author_when_no_byline(catalog: Catalog) -> None:
    found = evidence(sign_offs=(SignOff(span=span("Lena Hoffmann"), name="Lena Hoffmann"),))
    assert propose(document(), found, catalog, Options()).article.copy_held.author == [
        "Lena Hoffmann"
    ]


def test_low_confidence_language_is_not_used(catalog: Catalog) -> None:
    found = evidence(language=Language(code="et", confidence=0.2))
    assert propose(document(), found, catalog, Options()).article.copy_held.in_language is None


def test_bad_options(catalog: Catalog) -> None:
    with pytest.raises(ProposalError, match="no outlet has that id"):
        propose(document(), evidence(), catalog, Options(outlet="lakeside-echo"))
    with pytest.raises(ProposalError, match="--id"):
        propose(document(), evidence(), catalog, Options(article_id="Not An Id"))
    with pytest.raises(ProposalError, match="--url"):
        propose(document(), evidence(), catalog, Options(url="ftp://example.com/a"))


def test_generated_ids_are_unique(catalog: Catalog) -> None:
    meta = {"title": "Harbour dredging to begin in May", "url": "https://thecoastalherald.co.uk/x"}
    article = propose(document(**meta), evidence(), catalog, Options()).article
    assert article.id == "coastal-herald-harbour-dredging-to-begin-in-may"
    assert unique_id("coastal-herald-harbour-dredging", ["coastal-herald-harbour-dredging"]) == (
        "coastal-herald-harbour-dredging-2"
    )
    long = "x" * 80
    assert unique_id(long, [long]) == "x" * 78 + "-2"


def test_conflicts_name_the_existing_entry(catalog: Catalog) -> None:
    existing = catalog.articles[0]
    text = "Harbour dredging to begin in May\n\nbody\n"
    same = propose(
        document(),
        evidence(),
        catalog,
        Options(article_id=existing.id, url=existing.copy_held.url + "/"),
    ).article
    problems = conflicts(same, TEXT, catalog, {existing.id: text})
    assert any(existing.id in p and "id" in p for p in problems)
    assert any(existing.id in p and "URL" in p for p in problems)
    assert not any("text" in p for p in problems)
    retyped = "  Harbour dredging to begin in May\r\n\r\n\r\nbody   "
    assert conflicts(
        propose(document(), evidence(), catalog, Options()).article,
        retyped,
        catalog,
        {existing.id: text},
    ) == [f"this text is already in the catalog as article {existing.id!r}"]


@pytest.mark.parametrize(
    ("line", "translators"),
    [
        ("Translated from German by Lena Hoffmann. Originally published in X.", ["Lena Hoffmann"]),
        ("Translated by J. R. Tolkien and others", ["J. R. Tolkien"]),
        ("Translated from Russian. Originally published by Kommersant.", []),
        ("Translated by the editors", []),
    ],
)
def test_translator_from_the_credit_line(
    catalog: Catalog, line: str, translators: list[str]
) -> None:
    found = Evidence(
        line_count=1,
        credits=(credit(CreditKind.TRANSLATED_FROM, line, "X", None, text=line),),
    )
    article = propose(document(line), found, catalog, Options()).article
    assert article.copy_held.translator == translators


def test_helpers() -> None:
    assert slug("Ärger über die Fähre: 3 Tage!") == "arger-uber-die-fahre-3-tage"
    assert slug("Москва") == ""
    assert language_code("Russian") == "ru" and language_code("pt-BR") == "pt"
    assert language_code("Klingonese") is None and language_code(None) is None
    assert content_key("a  b\r\nc") == content_key("a b c\n")
