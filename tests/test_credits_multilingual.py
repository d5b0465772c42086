"""Credit and source lines in many languages, read by their form (texts written for these tests)."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.evidence.model import Credit, CreditKind


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.kind.value, c.target) for c in extract(text).credits]


def _only(text: str) -> Credit:
    [credit] = extract(text).credits
    return credit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour deal signed\n\nSource: Nordsee Kurier\n\nThe council voted.", "Nordsee Kurier"),
        ("Harbour deal signed | Source: Nordsee Kurier", "Nordsee Kurier"),
        ("Hafen eröffnet\n\nQuelle: Weser Bote\n\nDer Rat stimmte zu.", "Weser Bote"),
        ("Puerto abierto\n\nFuentes: semanario obrero\n\nEl consejo votó.", "semanario obrero"),
        ("Порт открыт\n\nИсточник: Вечерний Город\n\nСовет проголосовал.", "Вечерний Город"),
        ("Порт відкрито\n\nДжерело: Ранкова Газета\n\nРада проголосувала.", "Ранкова Газета"),
        ("港口开放\n\n来源：东方晨报\n\n市议会周一投票。", "东方晨报"),
        ("Liman açıldı\n\nKaynak: Sabah Postası\n\nMeclis oy verdi.", "Sabah Postası"),
        ("Liman açılıb\n\nMənbə: Liman Xəbərləri", "Liman Xəbərləri"),
        ("Port otwarty\n\nŹródło: Gazeta Portowa\n\nRada głosowała.", "Gazeta Portowa"),
        ("Haven open\n\nBron: Havenkrant", "Havenkrant"),
        ("الميناء مفتوح\n\nالمصدر: صحيفة الساحل", "صحيفة الساحل"),
        ("بندر باز شد\n\nمنبع: روزنامه ساحل", "روزنامه ساحل"),
    ],
)
def test_source_lines_in_many_languages(text: str, expected: str) -> None:
    assert _found(text) == [("source", expected)]


def test_source_address_keeps_its_registered_domain() -> None:
    credit = _only("Porto aberto\n\nFonte: http://www.exemplo.com.br/noticias/porto-123\n")
    assert (credit.kind, credit.domain) == (CreditKind.SOURCE, "exemplo.com.br")


@pytest.mark.parametrize(
    "text",
    [
        "Port otwarty\nZdjęcie: Burmistrz na nabrzeżu Źródło: Agencja Foto / Jan Nowak\nRada.",
        "Post text.\nImage: Harbour crane | Source: Wikimedia, Jan Smit | Rights: Fair Use\nMore.",
        "Foto: El alcalde en el puerto / Fuente: Archivo Municipal\nEl consejo votó.",
        "Source: Russian\n\nThe council voted.",
        "港口开放\n\n来源：互联网 编辑：小王\n\n市议会周一投票。",
    ],
)
def test_picture_sources_languages_and_generic_sources_credit_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "target", "span"),
    [
        (
            "LISBON (Reuters) - The council voted on Monday to approve the plan.",
            "agency-dateline",
            "Reuters",
            "LISBON (Reuters) -",
        ),
        (
            "New Delhi, Dec 7 (PTI) Prime Minister Kumar will open the harbour.",
            "agency-dateline",
            "PTI",
            "New Delhi, Dec 7 (PTI)",
        ),
        (
            "Valencia, 12 ago (EFE).- El consejo aprobó el plan del puerto.",
            "agency-dateline",
            "EFE",
            "Valencia, 12 ago (EFE).-",
        ),
        (
            "Berlin (dpa) - Der Rat hat den Plan gebilligt.",
            "agency-dateline",
            "dpa",
            "Berlin (dpa) -",
        ),
        (
            "OSLO, Nov. 22, 2024 /PRNewswire/ -- Harbour Corp today announced results.",
            "agency-dateline",
            "PRNewswire",
            "OSLO, Nov. 22, 2024 /PRNewswire/",
        ),
        (
            "МОСКВА, 12 октября. /ТАСС/. Совет одобрил план.",
            "agency-dateline",
            "ТАСС",
            "МОСКВА, 12 октября. /ТАСС/",
        ),
        (
            "Baku. 27 June. HARBOUR.AZ/ The minister spoke.",
            "agency-dateline",
            "HARBOUR.AZ",
            "Baku. 27 June. HARBOUR.AZ/",
        ),
        ("新华社上海3月5日电 港口今日开放。", "agency-dateline", "新华社", "新华社上海3月5日电"),
        ("The council approved the plan. — Reuters", "agency", "Reuters", "— Reuters"),
        ("The council approved the plan. (AFP/Reuters)", "agency", "AFP/Reuters", "(AFP/Reuters)"),
        (
            "The council approved the plan. (With inputs from PTI)",
            "agency",
            "PTI",
            "With inputs from PTI",
        ),
        ("Título\n\npor Agencia EFE\n\nEl consejo aprobó el plan.", "agency", "Agencia EFE", None),
    ],
)
def test_agency_credits_in_any_style(text: str, kind: str, target: str, span: str | None) -> None:
    credit = _only(text)
    assert (credit.kind.value, credit.target) == (kind, target)
    if span is not None:
        assert credit.span.text == span


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Sunday, AFP reported, that the harbour would open.",
        "The harbour will open next year, according to Xinhua.",
        'Report informs referring to "Anadolu" news agency, the minister spoke.',
        "En una entrevista con la radio recogida por EFE, el alcalde habló del puerto.",
        "Das meldet Interfax unter Berufung auf das Ministerium.",
        "In comments made to RFE/RL, the mayor said the port would open.",
        "The mayor told Reuters the port would open in spring.",
        "The mayor said the port (AFP) reported would open.",
        "(Reporting by Anna Berg; Editing by Tom Lind)",
        "The foreign minister (FM) Lavrov spoke on Monday about the port.",
        "In Florence, everything must go (Curran Kelleher)",
        "Un estudio publicado en la revista Nature muestra que el puerto crece.",
        "This article was published on Monday, May 4.",
        "Published in News",
        "Category Archives: Harbour News\nHarbour plan approved after long talks\nThe council.",
        "NEWS\n\nHarbour plan approved after long talks\n\nThe council voted.",
    ],
)
def test_citations_and_labels_are_not_credits(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "This story is part of a partnership with Coastal Watch and the Harbour Desk.",
            "partnership",
            "Coastal Watch",
        ),
        (
            "This is an edition of The Morning Brief, a daily letter.",
            "partnership",
            "The Morning Brief",
        ),
        ("The text follows. Leggi su portodigitale", "via", "portodigitale"),
        (
            "Di seguito la traduzione dell'articolo pubblicato sul “Corriere Marittimo”. Il porto.",
            "originally-published",
            "Corriere Marittimo",
        ),
        (
            "Cet article a été publié initialement dans Le Petit Port.",
            "originally-published",
            "Le Petit Port",
        ),
        (
            "Dieser Beitrag ist zuerst erschienen im Hafenblatt.",
            "originally-published",
            "Hafenblatt",
        ),
        (
            "Статья впервые опубликована в журнале «Морской вестник».",
            "originally-published",
            "Морской вестник",
        ),
        ("“Dəniz” yazısı ilk dəfə Liman.az saytında dərc olunub.", "first-appeared", "Liman.az"),
        ("Bu yazı ilk olarak Deniz Postası'nda yayımlandı.", "first-appeared", "Deniz Postası"),
        (
            "With the kind permission of Coastal Radio, Harbour Inc. has been given rights to "
            "re-print these articles.",
            "republished",
            "Coastal Radio",
        ),
        (
            "«Hafenblatt» zu den Öffnungszeiten:\n\nHeute kann jeder bestellen.",
            "source",
            "Hafenblatt",
        ),
    ],
)
def test_origin_phrases_in_many_languages(text: str, kind: str, target: str) -> None:
    assert _found(text) == [(kind, target)]


def test_origin_line_gives_the_originals_author_and_date() -> None:
    credit = _only(
        "This article was originally published in Harbour Weekly on 12 May 2020 by Anna Berg."
    )
    assert (credit.target, credit.author, credit.date) == (
        "Harbour Weekly",
        "Anna Berg",
        "2020-05-12",
    )


def test_interviewer_named_before_the_publication_is_its_author() -> None:
    credit = _only(
        "En una entrevista realizada por el periodista Pablo Ruiz y publicada en la revista "
        "Puerto Sur, el alcalde habló."
    )
    assert (credit.target, credit.author) == ("Puerto Sur", "Pablo Ruiz")


def test_from_line_with_home_page_address() -> None:
    credit = _only("From: The Coastal Agency Home Page at <http://www.coastal-agency.com/>")
    assert (credit.kind, credit.target, credit.domain) == (
        CreditKind.FROM,
        "The Coastal Agency",
        "coastal-agency.com",
    )


@pytest.mark.parametrize(
    ("text", "kind", "target", "domain"),
    [
        (
            "LA GAZZETTA\n\nIl porto riapre dopo dieci anni di lavori\n\nIl consiglio ha votato.",
            "masthead",
            "LA GAZZETTA",
            None,
        ),
        (
            "Harbour plan approved after long talks | Coastal Daily News\n\nThe council voted.",
            "title-site",
            "Coastal Daily News",
            None,
        ),
        (
            "www.coastal-daily.org\n\nHarbour plan approved\n\nThe council voted.",
            "address",
            "www.coastal-daily.org",
            "coastal-daily.org",
        ),
    ],
)
def test_header_signals(text: str, kind: str, target: str, domain: str | None) -> None:
    credit = _only(text)
    assert (credit.kind.value, credit.target, credit.domain) == (kind, target, domain)


def test_title_naming_a_person_is_not_a_site() -> None:
    assert _found("Harbour plan approved after long talks - Anna Berg\n\nThe council.") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fuentes: semanario obrero\n\nTraducido del inglés para Diario Sur por A. B.\n", "en"),
        ("Traduit de l'anglais par Marie Dupont pour Le Port.\n\nLe conseil a voté.\n", "en"),
        ("Перевод с немецкого: Анна Берг.\n\nСовет проголосовал.\n", "de"),
    ],
)
def test_translation_credits_name_the_language_not_the_translators_publisher(
    text: str, language: str
) -> None:
    [translation] = [c for c in extract(text).credits if c.kind is CreditKind.TRANSLATED_FROM]
    assert (translation.language, translation.outlet) == (language, None)
    assert "Diario Sur" not in translation.target and "Le Port" not in translation.target


@pytest.mark.parametrize(
    "text",
    [
        "Moscow (Russia) - The talks began on Monday.",
        "(LEAD) Seoul says the talks will go on.",
        "(Video) The minister spoke about the harbour.",
        "The harbour reopened. (Photo: Anna Berg)",
        "Xi Warns Biden Over Taiwan - Taiwan Is Red Line\n\nThe talks began.",
        "MOSCOW\n\nThe council voted on the plan today.",
    ],
)
def test_bracketed_labels_places_and_headline_tails_are_not_credits(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Der Rat hat zugestimmt. Mit Material von dpa.", "agency", "dpa"),
        ("El consejo aprobó el plan, con información de EFE.", "agency", "EFE"),
        ("本文首发于《东方晨报》，转载请注明。", "first-appeared", "东方晨报"),
        ("港口开放。\n\n本文来源：东方晨报\n", "source", "东方晨报"),
        ("По материалам: Вечерний Город", "source", "Вечерний Город"),
        ("Оригинал статьи: Морской вестник", "source", "Морской вестник"),
        (
            "This article is republished from The Conversation under a Creative Commons license.",
            "republished",
            "The Conversation",
        ),
        ("Republished with permission from the Harbour Weekly.", "republished", "Harbour Weekly"),
        ("Der Artikel erschien zuerst bei Hafenblatt.", "originally-published", "Hafenblatt"),
        (
            "Este texto foi publicado originalmente no Jornal do Porto.",
            "originally-published",
            "Jornal do Porto",
        ),
        (
            "Ten artykuł pierwotnie ukazał się w Gazeta Portowa.",
            "originally-published",
            "Gazeta Portowa",
        ),
        ("Translated from The Lisvara Observer", "translated-from", "The Lisvara Observer"),
    ],
)
def test_more_credit_forms(text: str, kind: str, target: str) -> None:
    assert _found(text) == [(kind, target)]


@pytest.mark.parametrize(
    "text",
    [
        "PM RESIGNS\n\nThe prime minister resigned on Monday after a long crisis in the coalition.",
        "Harbour plan approved after long talks | World News\n\nThe council voted.",
        "Der Hafen wird erweitert. (Foto: Anna Berg)\n\nDer Rat stimmte zu.",
        "The treaty was signed by the European Union (EU).",
        "Barcelona - Real Madrid\n\nThe match ended in a draw.",
    ],
)
def test_capital_headlines_sections_and_acronyms_are_not_credits(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "The talks began.\n\nThe Associated Press contributed to this report.",
            "agency",
            "The Associated Press",
        ),
        ("By Reuters Staff\n\nThe talks began on Monday.", "agency", "Reuters"),
        ("Moscow, 12 October / Sputnik / The talks began.", "agency-dateline", "Sputnik"),
        ("Berlin (dpa/AFP) - Die Gespräche begannen.", "agency-dateline", "dpa/AFP"),
        (
            "MADRID, 12 (EUROPA PRESS) El Gobierno aprobó el plan.",
            "agency-dateline",
            "EUROPA PRESS",
        ),
    ],
)
def test_wire_credits_in_house_styles(text: str, kind: str, target: str) -> None:
    assert _found(text) == [(kind, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg contributed to this report.",
        "The rate was fixed on 12/08/2024 and 3/4 of members agreed.",
        "In 2020 the EU/US deal was signed after long talks.",
        "The talks began on Monday. (وكالات)",
    ],
)
def test_people_dates_and_generic_agencies_are_not_wire_credits(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The runs took a while on the small machine (2 cores, 24 GiB, Python 3.11).",
        "(Some note) The president spoke on Monday.",
        "from `os.wait4`); the peak memory of the largest process is kept as well.",
    ],
)
def test_measures_asides_and_sentences_are_not_credits(text: str) -> None:
    assert _found(text) == []


def test_capitalised_breadcrumb_is_no_masthead() -> None:
    text = "HOME » HARBOUR\n\nHarbour plan approved after long talks\n\nThe council voted."
    assert _found(text) == []
