"""What the proposal makes of the evidence a page carries: self-credits, the page's own date
stamps, dates that belong to the credited original, translators, handles, and where the
page's metadata disagrees with its visible text."""

from __future__ import annotations

import pytest

from provenance.evidence.model import (
    Byline,
    Contributor,
    ContributorRole,
    CreditKind,
    DateKind,
    DateMention,
    DateStamp,
    Evidence,
    Language,
    StampLabel,
    TranslationBasis,
    TranslationSign,
)
from provenance.models import Catalog
from provenance.proposal import (
    Options,
    address_language,
    metadata_disagreements,
    propose,
    url_handle,
)
from tests.test_add_proposal import catalog, credit, document, evidence, span

__all__ = ["catalog"]  # the module-scoped fixture, shared

PAGE = (
    "Dock strike ends\n\nBAKU, 3 March. HARBOURNEWS.AZ/ Dock workers voted to end the strike.\n"
    "Published: 4 March 2024\nUpdated: 5 March 2024\n"
    "LISBON, March 2, 2024 (Baltic Wire Service) - Workers voted.\n"
    "Traducción: Ana Ruiz\n"
)


def test_a_credit_naming_the_host_domain_is_no_source(catalog: Catalog) -> None:
    found = evidence(
        credit(CreditKind.AGENCY_DATELINE, "HARBOURNEWS.AZ/", "HARBOURNEWS.AZ", None, text=PAGE)
    )
    options = Options(url="https://harbournews.az/en/strike")
    article = propose(document(PAGE), found, catalog, options).article
    assert article.chain == []


def test_a_credit_naming_the_host_by_its_initials_is_no_source(catalog: Catalog) -> None:
    text = "Dock strike ends\n\nTEHRAN, Harbour Journalists Club (HJC) - Workers voted.\n"
    found = evidence(
        credit(
            CreditKind.AGENCY_DATELINE,
            "Harbour Journalists Club (HJC)",
            "Harbour Journalists Club (HJC)",
            None,
            text=text,
        )
    )
    article = propose(document(text), found, catalog, Options(url="https://hjc.ir/en/1")).article
    assert article.chain == []
    other = propose(document(text), found, catalog, Options(url="https://other.ir/en/1")).article
    assert len(other.chain) == 1


def test_a_language_is_never_proposed_as_a_source(catalog: Catalog) -> None:
    text = "Dock strike ends\n\nSource: Russian\n"
    found = evidence(credit(CreditKind.SOURCE, "Source: Russian", "Russian", None, text=text))
    assert propose(document(text), found, catalog, Options()).article.chain == []


def _stamp(needle: str, label: StampLabel, value: str | None) -> DateStamp:
    return DateStamp(span=span(needle, PAGE), label=label, value=value, relative=value is None)


def test_the_published_stamp_wins_over_the_updated_one(catalog: Catalog) -> None:
    found = evidence(
        stamps=(
            _stamp("5 March 2024", StampLabel.UPDATED, "2024-03-05"),
            _stamp("4 March 2024", StampLabel.PUBLISHED, "2024-03-04"),
        )
    )
    article = propose(document(PAGE), found, catalog, Options()).article
    assert article.copy_held.date_published == "2024-03-04"


def test_a_relative_stamp_alone_gives_no_date(catalog: Catalog) -> None:
    found = evidence(stamps=(_stamp("Updated:", StampLabel.UPDATED, None),))
    assert (
        propose(document(PAGE), found, catalog, Options()).article.copy_held.date_published is None
    )


def test_a_date_inside_the_credit_goes_on_the_original(catalog: Catalog) -> None:
    line = "LISBON, March 2, 2024 (Baltic Wire Service) - Workers voted."
    wire = credit(CreditKind.AGENCY_DATELINE, line, "Baltic Wire Service", "baltic-wire", text=PAGE)
    dated = DateMention(
        span=span("March 2, 2024", PAGE), kind=DateKind.ABSOLUTE, value="2024-03-02", dateline=True
    )
    found = evidence(wire, dates=(dated,))
    article = propose(document(PAGE), found, catalog, Options(outlet="harbour-digest")).article
    [origin] = article.chain
    assert origin.date_published == "2024-03-02"
    assert article.copy_held.date_published is None
    assert article.copy_held.relation == "syndicated"


def test_a_named_translator_makes_the_copy_a_translation(catalog: Catalog) -> None:
    wire = credit(
        CreditKind.SOURCE, "(Baltic Wire Service)", "Baltic Wire Service", "baltic-wire", text=PAGE
    )
    translator = Contributor(
        span=span("Traducción: Ana Ruiz", PAGE),
        names=("Ana Ruiz",),
        role=ContributorRole.TRANSLATOR,
    )
    found = evidence(wire, contributors=(translator,))
    article = propose(document(PAGE), found, catalog, Options(outlet="harbour-digest")).article
    assert article.copy_held.relation == "translated"
    assert article.copy_held.translator == ["Ana Ruiz"]
    assert article.copy_held.author == []  # a translator is not an author


def test_a_platform_handle_in_the_address_is_the_author(catalog: Catalog) -> None:
    assert url_handle("https://steemit.example/travel/@wanderer/a-post") == "@wanderer"
    assert url_handle("https://blog.example/posts/a-post") is None
    article = propose(
        document(PAGE), evidence(), catalog, Options(url="https://medium.example/@ana.ruiz/post")
    ).article
    assert article.copy_held.author == ["@ana.ruiz"]


def test_an_organisational_byline_is_an_author(catalog: Catalog) -> None:
    byline = Byline(
        span=span("HARBOURNEWS.AZ/", PAGE), names=("HARBOURNEWS.AZ",), organisation=True
    )
    article = propose(document(PAGE), evidence(bylines=(byline,)), catalog, Options()).article
    assert article.copy_held.author == ["HARBOURNEWS.AZ"]


def test_metadata_and_visible_text_disagreements_are_shown() -> None:
    stamps = (_stamp("4 March 2024", StampLabel.PUBLISHED, "2024-03-04"),)
    byline = Byline(span=span("Dock strike ends", PAGE), names=("Ana Ruiz",))
    found = evidence(stamps=stamps, bylines=(byline,))
    notes = metadata_disagreements(
        document(PAGE, date_published="2024-02-28", author="Site Admin"), found
    )
    assert any("2024-02-28" in note and "2024-03-04" in note for note in notes)
    assert any("'Site Admin'" in note and "Ana Ruiz" in note for note in notes)
    agreeing = document(PAGE, date_published="2024-03-04T09:00:00Z", author="Ana Ruiz")
    assert metadata_disagreements(agreeing, found) == []


def test_a_credited_agency_is_proposed_from_the_outlet_knowledge(catalog: Catalog) -> None:
    text = "Harbour strike ends\n\nGDANSK, May 3 (Reuters) - Dock workers voted.\n"
    wire = credit(CreditKind.SOURCE, "(Reuters)", "Reuters", None, text=text)
    proposal = propose(document(text), evidence(wire), catalog, Options(outlet="harbour-digest"))
    [origin] = proposal.article.chain
    [outlet] = proposal.outlets
    assert origin.publisher == outlet.id == "reuters"
    assert outlet.category == "news-agency" and "reuters.com" in outlet.domains
    assert outlet.reliability is not None and outlet.reliability.status == "unknown"
    # An agency's text taken as it is: syndication, whatever form the credit had.
    assert proposal.article.copy_held.relation == "syndicated"


def test_the_catalog_overrides_the_outlet_knowledge(catalog: Catalog) -> None:
    overriding = catalog.model_copy(
        update={
            "outlets": [
                *catalog.outlets,
                catalog.outlets[0].model_copy(
                    update={"id": "my-reuters", "name": "Reuters", "domains": ["reuters.com"]}
                ),
            ]
        }
    )
    text = "Harbour strike ends\n\nGDANSK, May 3 (Reuters) - Dock workers voted.\n"
    wire = credit(CreditKind.SOURCE, "(Reuters)", "Reuters", None, text=text)
    proposal = propose(document(text), evidence(wire), overriding, Options(outlet="harbour-digest"))
    assert proposal.article.chain[0].publisher == "my-reuters"
    assert proposal.outlets == ()


def test_a_host_known_by_its_domain_is_proposed_as_the_publisher(catalog: Catalog) -> None:
    options = Options(url="https://www.theguardian.com/world/2024/may/03/strike")
    proposal = propose(document(PAGE), evidence(), catalog, options)
    assert proposal.article.copy_held.publisher == "guardian"
    [outlet] = proposal.outlets
    assert (outlet.id, outlet.name, outlet.country) == ("guardian", "The Guardian", "GB")


def test_a_blog_on_a_platform_subdomain_is_written_by_its_owner(catalog: Catalog) -> None:
    options = Options(url="https://harbourwatcher.wordpress.com/2024/05/03/strike/")
    proposal = propose(document(PAGE), evidence(), catalog, options)
    assert proposal.article.copy_held.author == ["harbourwatcher"]
    # A post that credits another source is not its owner's text.
    wire = credit(CreditKind.SOURCE, "(Baltic Wire Service)", "Baltic Wire Service", "baltic-wire")
    credited = propose(document(), evidence(wire), catalog, options)
    assert credited.article.copy_held.author == []


def test_a_language_segment_of_the_address_is_read() -> None:
    assert address_language("https://site.example/commentary/a-title/spanish?x=1") == "es"
    assert address_language("https://site.example/ru/news/1") == "ru"
    assert address_language("https://site.example/news/russia-today") is None
    assert address_language(None) is None


def _spanish() -> Evidence:
    return evidence(language=Language(code="es", confidence=0.99))


def test_an_edition_in_a_language_the_outlet_does_not_publish_in_is_a_translation(
    catalog: Catalog,
) -> None:
    # The catalog's Coastal Herald publishes in English only.
    options = Options(url="https://thecoastalherald.co.uk/opinion/harbour/spanish")
    proposal = propose(document(PAGE), _spanish(), catalog, options)
    article = proposal.article
    assert article.copy_held.relation == "translated"
    [original] = article.chain
    assert (original.publisher, original.in_language) == ("coastal-herald", "en")
    assert any("inferred a translation" in note for note in proposal.notes)
    # The same page at an address that names no edition is not inferred to be one.
    plain = propose(
        document(PAGE), _spanish(), catalog, Options(url="https://thecoastalherald.co.uk/x")
    )
    assert plain.article.chain == []


def test_a_source_publishing_in_another_language_makes_a_translation(catalog: Catalog) -> None:
    # A credit to an outlet the knowledge lists as English-language, on a Spanish page.
    text = "Huelga en el puerto\n\nFuente: The Economist\n"
    found = evidence(
        credit(CreditKind.SOURCE, "Fuente: The Economist", "The Economist", None, text=text),
        language=Language(code="es", confidence=0.99),
    )
    article = propose(document(text), found, catalog, Options(outlet="harbour-digest")).article
    assert article.copy_held.relation == "translated"
    assert article.chain[0].in_language == "en"
    # In English, the same credit is a republication.
    english = evidence(
        credit(CreditKind.SOURCE, "Fuente: The Economist", "The Economist", None, text=text),
        language=Language(code="en", confidence=0.99),
    )
    same = propose(document(text), english, catalog, Options(outlet="harbour-digest")).article
    assert same.copy_held.relation == "republished"


def test_a_translation_sign_in_the_text_makes_a_translation(catalog: Catalog) -> None:
    sign = TranslationSign(
        span=span("Traducción: Ana Ruiz", PAGE),
        basis=TranslationBasis.PARALLEL,
        reason="lines alternate between English and Spanish",
        source_language="en",
    )
    found = evidence(translations=(sign,), language=Language(code="es", confidence=0.99))
    article = propose(document(PAGE), found, catalog, Options(outlet="harbour-digest")).article
    assert article.copy_held.relation == "translated"
    assert article.chain[0].in_language == "en"
    assert article.chain[0].credited is None  # only inferred: whether it is credited is unknown


def test_a_stated_translation_takes_its_source_from_an_outlet_its_opening_names(
    catalog: Catalog,
) -> None:
    text = (
        "Hafenstreik beendet\n\nWir übersetzen hier einen Bericht aus The Guardian über den "
        "Hafen.\n\nDie Hafenarbeiter stimmten am Sonntag für ein Ende des Streiks.\n"
    )
    sign = TranslationSign(
        span=span("Wir übersetzen", text),
        basis=TranslationBasis.STATED,
        reason="the line states a translation from English (en)",
        source_language="en",
    )
    found = evidence(translations=(sign,), language=Language(code="de", confidence=0.99))
    proposal = propose(document(text), found, catalog, Options(outlet="harbour-digest"))
    [origin] = proposal.article.chain
    assert (origin.publisher, origin.in_language, origin.credited) == ("guardian", "en", None)
    assert [o.id for o in proposal.outlets] == ["guardian"]
    assert proposal.article.copy_held.relation == "translated"
    # A sign that is only inferred (parallel text) does not name a source from the opening.
    parallel = sign.model_copy(update={"basis": TranslationBasis.PARALLEL})
    guessed = evidence(translations=(parallel,), language=Language(code="de", confidence=0.99))
    other = propose(document(text), guessed, catalog, Options(outlet="harbour-digest"))
    assert other.article.chain[0].publisher is None


@pytest.mark.parametrize(
    ("text", "outlet", "source_language"),
    [
        (
            "Warum die Zinsen steigen\n\nÜbersetzung aus dem Englischen: Karin Maier\n\n"
            "Dieser Artikel erschien zuerst bei The Economist.\n\n"
            "Die Zentralbanken stehen vor einem Dilemma, das sie seit Jahrzehnten nicht kannten.\n",
            "economist",
            "en",
        ),
        (
            "Новая стратегия Евросоюза\n\nПеревод с английского\n\nИсточник: Politico\n\n"
            "Евросоюз представил новую стратегию обороны, которая предполагает рост расходов.\n",
            "politico",
            "en",
        ),
        (
            "كيف تغير الذكاء الاصطناعي العالم\n\nالمصدر: نيويورك تايمز\n\nترجمة: أحمد علي\n\n"
            "يشهد العالم تحولا سريعا في مجال الذكاء الاصطناعي حيث تتسابق الشركات على نماذج جديدة.\n",
            "nytimes",
            "en",
        ),
    ],
)
def test_a_stated_translation_with_a_source_line_is_a_translation_of_that_outlet(
    catalog: Catalog, text: str, outlet: str, source_language: str
) -> None:
    from provenance.evidence import extract

    found = extract(text, catalog.outlets, catalog.people)
    proposal = propose(document(text), found, catalog, Options(url="https://site.example/x"))
    [origin] = proposal.article.chain
    assert (origin.publisher, origin.in_language) == (outlet, source_language)
    assert proposal.article.copy_held.relation == "translated"
    assert outlet in [o.id for o in proposal.outlets]


def test_a_header_row_with_a_date_banner_above_it(catalog: Catalog) -> None:
    from provenance.evidence import extract

    text = (
        "Sunday, December 6, 2026\nTHE DAILY HARBOUR\n\nFerry service resumes\n\n"
        "Published: 3 December 2026 | By Tom Reed\n\n"
        "The ferry service resumed on Wednesday after repairs to the pier were completed.\n"
    )
    found = extract(text, catalog.outlets, catalog.people)
    article = propose(document(text), found, catalog, Options(url="https://x.example/a")).article
    # The byline in the row's second field is the author, not a site named in a title.
    assert article.copy_held.author == ["Tom Reed"]
    assert article.chain == []
    # The labelled stamp is the date, not the banner above the masthead.
    assert article.copy_held.date_published == "2026-12-03"
