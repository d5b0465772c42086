"""Each rule fires on a minimal bad case and stays silent on its good twin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from provenance.config import Config
from tests.rulecases import CLEAN_TEXT, article, codes, run

Entries = list[tuple[dict[str, Any], str]]

GAZETTE_ES = {"relation": "original", "publisher": "gazette", "inLanguage": "es", "credited": True}
TRANSLATION_NOTE = (
    "\nTranslated from the Spanish by Ana Ruiz. Originally published by The Northern Gazette.\n"
)
TRANSLATED = {
    "copy_relation": "translated",
    "copy_translator": ["Ana Ruiz"],
    "copy_publisher": "herald",
}
TRANSLATED_URL = {"copy_url": "https://heraldtimes.net/harbour"}

GARBLED_TEXT = """Harbour expansion wins council approval

By Jane Roe in Porto March 3, 2024

The city council approved the harbour expansion after a long debate, reported the Nothern Gazete.
“This is the largest investment in the port for a generation,” said Marta Silvestrini, the planning chief.
“We will appeal,” Silvestrani told the Nortern Gazete, adding that the estuary would suffer.
Silvastrini argued that the budget had never been published in full.
"""
CONSISTENT_TEXT = (
    GARBLED_TEXT.replace("Silvestrani", "Silvestrini")
    .replace("Silvastrini", "Silvestrini")
    .replace("Nothern Gazete", "Northern Gazette")
    .replace("Nortern Gazete", "Northern Gazette")
)

SHARED = (
    "The regional transport authority confirmed that the northern rail line will close for "
    "repairs during the whole of next summer. Engineers found cracks in three bridges along "
    "the route, according to the inspection report published by the authority."
)
OTHER = (
    "A local bakery has won the national bread competition for the third year running, "
    "beating more than two hundred entrants from across the country with a rye loaf."
)
QUOTE_A = "“The bridges are safe for now, but we cannot wait another winter to repair them,” said Tomas Berg."
QUOTE_B = "“For now the bridges are safe, but we cannot wait one more winter to repair them,” said Tomas Berg."
QUOTE_C = QUOTE_A.replace("said Tomas Berg", "said Erik Lund")


def body(*paragraphs: str, headline: str = "Rail line to close for repairs") -> str:
    return headline + "\n\nBy Jane Roe in Oslo March 3, 2024\n\n" + "\n".join(paragraphs) + "\n"


FERRY_EN = """Ferry service resumes on the northern route

By Jane Roe in Porto March 3, 2024

The ferry company said on March 3, 2024 that 1,200 passengers crossed in the first week.
Captain Olaf Lindqvist said 48 crew members had returned to work after the strike.
The fare rises to 35 euros from 15 April 2024, and 2,500 tickets were sold in advance.
Lindqvist expects 60 sailings a month once the second ship is repaired.
"""
FERRY_RU = """Паромное сообщение на северном маршруте возобновлено

Паромная компания сообщила 3 марта 2024 года, что за первую неделю переправились 1 200 пассажиров.
Капитан Улаф Линдквист сказал, что после забастовки на работу вернулись 48 членов экипажа.
С 15 апреля 2024 года билет подорожает до 35 евро, заранее продано 2500 билетов.
Линдквист ожидает 60 рейсов в месяц, когда отремонтируют второе судно.
"""
FERRY_RU_ENTRY = {
    "copy_publisher": "herald",
    "copy_url": "https://heraldtimes.net/parom",
    "copy_inLanguage": "ru",
    "copy_author": [],
    "headline": "Паромное сообщение возобновлено",
}


CASES: dict[str, tuple[Entries, Entries]] = {
    "T001": (
        [
            (
                article(chain=[{**GAZETTE_ES, "inLanguage": None}], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T002": (
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL, copy_inLanguage=None),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T003": (
        [
            (
                article(
                    chain=[GAZETTE_ES], **{**TRANSLATED, "copy_translator": []}, **TRANSLATED_URL
                ),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T004": (
        [
            (
                article(
                    chain=[
                        GAZETTE_ES,
                        {"relation": "translated", "inLanguage": "fr", "credited": True},
                    ],
                    **TRANSLATED,
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T005": (
        [
            (
                article(chain=[{**GAZETTE_ES, "inLanguage": "en"}], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T006": (
        [
            (
                article(
                    chain=[GAZETTE_ES],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T007": (
        [(article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL), CLEAN_TEXT)],
        [
            (
                article(chain=[GAZETTE_ES], **TRANSLATED, **TRANSLATED_URL),
                CLEAN_TEXT + TRANSLATION_NOTE,
            )
        ],
    ),
    "T008": (
        [(article(copy_inLanguage="de"), CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "T009": (
        [(article(), GARBLED_TEXT)],
        [(article(), CONSISTENT_TEXT)],
    ),
    "D001": (
        [(article(copy_datePublished=None), CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "D002": (
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "wire", "credited": True}],
                    copy_relation="syndicated",
                ),
                CLEAN_TEXT + "\nSource: Continental Wire\n",
            )
        ],
        [
            (
                article(
                    chain=[
                        {
                            "relation": "original",
                            "publisher": "wire",
                            "credited": True,
                            "datePublished": "2024-03-02",
                        }
                    ],
                    copy_relation="syndicated",
                ),
                CLEAN_TEXT + "\nSource: Continental Wire\n",
            )
        ],
    ),
    "T010": (
        [(article(), CLEAN_TEXT + "\nÜbersetzung aus dem Englischen: Anna Roth\n")],
        [(article(), CLEAN_TEXT)],
    ),
    "D003": (
        [
            (
                article(copy_datePublished=None),
                "Harbour expansion wins council approval\n\nThe council approved the harbour plan on 22 January after a debate that began on 3 January.\nOpponents promised to appeal the decision, which they called rushed.\n",
            )
        ],
        [
            (
                article(),
                "Harbour expansion wins council approval\n\nThe council approved the harbour plan on 22 January after a debate that began on 3 January.\nOpponents promised to appeal the decision, which they called rushed.\n",
            )
        ],
    ),
    "D006": (
        [
            (
                article(copy_datePublished="2024-03"),
                "Harbour expansion wins council approval\n\nThe council approved the harbour plan last week after a debate that began earlier this month.\nOpponents promised to appeal the decision, which they called rushed.\n",
            )
        ],
        [
            (
                article(),
                "Harbour expansion wins council approval\n\nThe council approved the harbour plan last week after a debate that began earlier this month.\nOpponents promised to appeal the decision, which they called rushed.\n",
            )
        ],
    ),
    "A009": (
        [
            (
                article(copy_author=[]),
                CLEAN_TEXT.replace("By Jane Roe in Porto March 3, 2024", "Porto, March 3, 2024"),
            )
        ],
        [
            (
                article(copy_author=["Staff"]),
                CLEAN_TEXT.replace("By Jane Roe in Porto March 3, 2024", "Porto, March 3, 2024"),
            )
        ],
    ),
    "D004": (
        [(article(copy_datePublished="2024-05-03"), CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "D005": (
        [
            (
                article(copy_publisher=None, copy_url=None, copy_datePublished=None),
                "Harbour expansion wins council approval\n\nin #politics2 years ago\n\n"
                + CLEAN_TEXT.split("\n\n", 2)[2],
            )
        ],
        [
            (
                article(
                    copy_publisher=None,
                    copy_url=None,
                    copy_datePublished=None,
                    copy_dateRetrieved="2026-01-05",
                ),
                "Harbour expansion wins council approval\n\nin #politics2 years ago\n\n"
                + CLEAN_TEXT.split("\n\n", 2)[2],
            )
        ],
    ),
    "A001": (
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "gazette", "credited": True}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + "\nThis article first appeared in Continental Wire.\n",
            )
        ],
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "wire", "credited": True}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + "\nThis article first appeared in Continental Wire.\n",
            )
        ],
    ),
    "A002": (
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "gazette", "credited": False}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT,
            )
        ],
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "gazette", "credited": True}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + "\nRepublished with permission from The Northern Gazette.\n",
            )
        ],
    ),
    "A003": (
        [(article(copy_author=["John Doe"]), CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "A004": (
        [(article(), GARBLED_TEXT)],
        [(article(), CONSISTENT_TEXT)],
    ),
    "A005": (
        [
            (
                article(),
                body(
                    SHARED.replace("the inspection report", "Oskar Lindqvist"),
                    "Oskar Lindqvist said the work was urgent.",
                ),
            ),
            (article(), body(OTHER, "Oskar Lindkvist said the work was urgent.")),
        ],
        [
            (
                article(),
                body(
                    SHARED.replace("the inspection report", "Oskar Lindqvist"),
                    "Oskar Lindqvist said the work was urgent.",
                ),
            ),
            (article(), body(OTHER, "Oskar Lindqvist said the work was urgent.")),
        ],
    ),
    "A006": (
        [
            (article(), body(OTHER, QUOTE_A)),
            (article(), body(OTHER.replace("bakery", "butcher"), QUOTE_C)),
        ],
        [
            (article(), body(OTHER, QUOTE_A)),
            (article(), body(OTHER.replace("bakery", "butcher"), QUOTE_A)),
        ],
    ),
    "A007": (
        [(article(), GARBLED_TEXT)],
        [(article(), CONSISTENT_TEXT)],
    ),
    "A008": (
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "gazette", "credited": True}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT,
            )
        ],
        [
            (
                article(
                    chain=[{"relation": "original", "publisher": "gazette", "credited": True}],
                    copy_relation="republished",
                    copy_publisher="herald",
                    **TRANSLATED_URL,
                ),
                CLEAN_TEXT + "\nFrom The Northern Gazette\n",
            )
        ],
    ),
    "I001": (
        [
            (
                article(),
                CLEAN_TEXT + "\nRead more\nSubscribe to our newsletter\nShare this article\n",
            )
        ],
        [(article(), CLEAN_TEXT)],
    ),
    "I002": (
        [
            (
                article(headline=None),
                "and then the city council approved the harbour expansion on Tuesday after a long debate.\n"
                + CLEAN_TEXT.split("\n\n", 2)[2],
            )
        ],
        [
            (
                article(headline=None),
                "Then the city council approved the harbour expansion on Tuesday after a long debate.\n"
                + CLEAN_TEXT.split("\n\n", 2)[2],
            )
        ],
    ),
    "I003": (
        [
            (
                article(),
                CLEAN_TEXT
                + "The council will publish the full budget of the project on its website and in the",
            )
        ],
        [
            (
                article(),
                CLEAN_TEXT
                + "The council will publish the full budget of the project on its website.\n",
            )
        ],
    ),
    "I004": (
        [(article(), "Harbour expansion wins council approval\n\n" + CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "I005": (
        [(article(headline="Mayor resigns after budget scandal"), CLEAN_TEXT)],
        [(article(), CLEAN_TEXT)],
    ),
    "R001": (
        [
            (article(), body(SHARED)),
            (article(), body(SHARED, headline="Northern line shut all summer")),
        ],
        [(article(), body(SHARED)), (article(), body(OTHER, headline="Bakery wins again"))],
    ),
    "R002": (
        [
            (article(), body(SHARED)),
            (
                article(copy_publisher="herald", copy_url="https://heraldtimes.net/rail"),
                body(SHARED, headline="Northern line shut all summer"),
            ),
        ],
        [
            (article(), body(SHARED)),
            (
                article(
                    copy_publisher="herald",
                    copy_url="https://heraldtimes.net/rail",
                    copy_relation="republished",
                    chain=[{"relation": "original", "publisher": "gazette", "credited": True}],
                ),
                body(SHARED, "From The Northern Gazette", headline="Northern line shut all summer"),
            ),
        ],
    ),
    "T011": (
        [(article(), FERRY_EN), (article(**FERRY_RU_ENTRY), FERRY_RU)],
        [
            (article(), FERRY_EN),
            (
                article(
                    **FERRY_RU_ENTRY,
                    copy_relation="translated",
                    copy_translator=["Anna Lind"],
                    chain=[
                        {
                            "relation": "original",
                            "publisher": "gazette",
                            "url": "https://gazette-north.com/harbour",
                            "inLanguage": "en",
                        }
                    ],
                ),
                FERRY_RU,
            ),
        ],
    ),
    "R003": (
        [
            (article(), body(OTHER, QUOTE_A)),
            (article(), body(OTHER.replace("bakery", "butcher"), QUOTE_B)),
        ],
        [
            (article(), body(OTHER, QUOTE_A)),
            (article(), body(OTHER.replace("bakery", "butcher"), QUOTE_A)),
        ],
    ),
    "C012": (
        [(article(acknowledgements=[{"code": "D001", "reason": "no date known"}]), CLEAN_TEXT)],
        [
            (
                article(
                    copy_datePublished=None,
                    acknowledgements=[{"code": "D001", "reason": "no date known"}],
                ),
                CLEAN_TEXT,
            )
        ],
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_on_bad_and_not_on_good(tmp_path: Path, code: str) -> None:
    bad, good = CASES[code]
    (tmp_path / "bad").mkdir()
    (tmp_path / "good").mkdir()
    found_bad = run(tmp_path / "bad", bad)
    found_good = run(tmp_path / "good", good)
    assert code in codes(found_bad.findings), [f.headline() for f in found_bad.findings]
    assert code not in codes(f for f in found_good.findings if f.acknowledged is None), [
        f.headline() for f in found_good.findings if f.code == code
    ]


def test_every_rule_has_a_case() -> None:
    from provenance.rules.base import all_rules

    checked = {rule.info.code for rule in all_rules() if rule.article_check or rule.catalog_check}
    assert checked - {"C012"} <= set(CASES), sorted(checked - set(CASES))


def test_a_clean_original_raises_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, [(article(), CLEAN_TEXT)])
    assert [f.headline() for f in result.findings] == []


def test_select_ignore_and_severity_override(tmp_path: Path) -> None:
    case = [(article(copy_datePublished=None), CLEAN_TEXT + "\nRead more\nSubscribe\n")]
    everything = codes(run(tmp_path, case).findings)
    assert {"D001", "I001"} <= everything
    only_dates = run(tmp_path, case, Config(select=("D",)))
    assert codes(only_dates.findings) == {c for c in everything if c.startswith("D")}
    ignored = run(tmp_path, case, Config(ignore=("I001",)))
    assert "I001" not in codes(ignored.findings)
    raised = run(tmp_path, case, Config(severity={"D001": "error"}))  # type: ignore[dict-item]
    assert {f.severity for f in raised.findings if f.code == "D001"} == {"error"}


def test_a_wire_dateline_without_its_agency_is_an_uncredited_copy(tmp_path: Path) -> None:
    text = (
        "Harbour strike ends after two weeks\n\n"
        "GDANSK, May 3. Dock workers voted on Sunday to end a strike that had halted shipping "
        "for two weeks, after the port authority agreed to raise wages by six percent.\n"
        "The union said the deal would be put to a second vote next month.\n"
    )
    entry = article(copy_author=[], copy_relation="republished", chain=[])
    found = run(tmp_path, [(entry, text)])
    [a002] = [f for f in found.findings if f.code == "A002"]
    assert "copied without credit" in a002.message
    assert a002.evidence and a002.evidence[0].snippet is not None
    assert a002.evidence[0].snippet.startswith("GDANSK, May 3")
    credited = text.replace("GDANSK, May 3.", "GDANSK, May 3 (Continental Wire) -")
    (tmp_path / "good").mkdir()
    again = run(tmp_path / "good", [(entry, credited)])
    assert not any("copied without credit" in f.message for f in again.findings)


def test_a_translation_stated_in_german_is_an_undeclared_translation(tmp_path: Path) -> None:
    text = CLEAN_TEXT + "\nÜbersetzung aus dem Spanischen: Anna Roth\n"
    found = run(tmp_path, [(article(), text)])
    [t006] = [f for f in found.findings if f.code == "T006"]
    assert "says it is a translation" in t006.message
    assert t006.evidence[0].snippet == "Übersetzung aus dem Spanischen: Anna Roth"


def test_a_hop_the_opening_names_is_not_an_uncredited_source(tmp_path: Path) -> None:
    hop = {"relation": "original", "publisher": "gazette", "credited": None}
    prose = CLEAN_TEXT.replace(
        "The city council approved",
        "We retell a story The Northern Gazette ran. The city council approved",
    )
    named = run(
        tmp_path,
        [
            (
                article(
                    chain=[hop], copy_relation="republished", copy_publisher="herald", copy_url=None
                ),
                prose,
            )
        ],
    )
    assert "A002" not in codes(named.findings)
    (tmp_path / "silent").mkdir()
    entry = article(
        chain=[hop], copy_relation="republished", copy_publisher="herald", copy_url=None
    )
    silent = run(tmp_path / "silent", [(entry, CLEAN_TEXT)])
    assert "A002" in codes(silent.findings)


def test_an_agency_byline_of_the_credited_source_is_no_author_mismatch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import rulecases

    agency = {"id": "baltag", "name": "BALTAG", "category": "news-agency"}
    monkeypatch.setattr(rulecases, "OUTLETS", [*rulecases.OUTLETS, agency])
    text = (
        "Harbour strike ends\n\nGDANSK, 3 May. /BALTAG/. Dock workers voted on Sunday to "
        "end a strike that had halted shipping for two weeks.\n"
    )
    hop = {"relation": "original", "publisher": "baltag", "credited": True}
    entry = article(
        chain=[hop],
        copy_relation="syndicated",
        copy_author=[],
        copy_publisher="herald",
        copy_url=None,
    )
    assert "A003" not in codes(run(tmp_path, [(entry, text)]).findings)
    # The same byline on a copy whose chain does not hold that agency is a mismatch.
    (tmp_path / "other").mkdir()
    other = article(copy_author=[], copy_publisher="herald", copy_url=None)
    assert "A003" in codes(run(tmp_path / "other", [(other, text)]).findings)


def test_a_translation_credit_naming_a_language_is_no_outlet_outside_the_chain(
    tmp_path: Path,
) -> None:
    text = CLEAN_TEXT + "\nTranslated from the Spanish by Ana Ruiz.\n"
    entry = article(**TRANSLATED, **TRANSLATED_URL, chain=[GAZETTE_ES])
    found = run(tmp_path, [(entry, text)])
    assert not [f for f in found.findings if f.code == "A001" and "Spanish" in f.message]


def test_event_relative_phrases_do_not_date_the_text(tmp_path: Path) -> None:
    anaphoric = (
        "Harbour expansion wins council approval\n\nThe council met after the storm, and "
        "the next day it approved the plan; three years later the port reopened.\n"
    )
    entry = article(copy_datePublished=None)
    assert "D006" not in codes(run(tmp_path, [(entry, anaphoric)]).findings)
    (tmp_path / "deictic").mkdir()
    deictic = anaphoric.replace("the next day", "yesterday")
    assert "D006" in codes(run(tmp_path / "deictic", [(entry, deictic)]).findings)


def test_a_date_banner_above_a_labelled_stamp_is_no_dateline_mismatch(tmp_path: Path) -> None:
    text = (
        "Sunday, March 10, 2024\n\nHarbour expansion wins council approval\n\n"
        "Published: March 3, 2024\n\nThe council approved the harbour plan after a long debate.\n"
    )
    assert "D004" not in codes(run(tmp_path, [(article(), text)]).findings)
    (tmp_path / "dateline").mkdir()
    dateline = text.replace("Published: March 3, 2024", "PORTO, March 10, 2024")
    assert "D004" in codes(run(tmp_path / "dateline", [(article(), dateline)]).findings)


PRESS_REVIEW = """Zeitungen kommentieren die Lage am Montag

«{outlet}» zu den Streiks im Nahverkehr

PARIS: Zu den Streiks im Nahverkehr schreibt die Zeitung «{outlet}» am Montag:

«Die Regierung hat zu lange gewartet. Nun zahlen die Pendler den Preis für eine Reform, die niemand erklärt hat.»
"""


@pytest.mark.parametrize(
    ("outlet", "suggested"),
    [
        ("Le Monde", True),  # publishes in French only: the German passage is a rendering
        ("Deutsche Welle", False),  # publishes in German too
        ("Nordsee Kurier", False),  # an outlet nobody knows the language of
    ],
)
def test_a_passage_credited_to_an_outlet_of_another_language_suggests_a_translation(
    tmp_path: Path, outlet: str, suggested: bool
) -> None:
    entry = article(copy_inLanguage="de", copy_relation="excerpted", chain=[])
    found = run(tmp_path, [(entry, PRESS_REVIEW.format(outlet=outlet))])
    t010 = [f for f in found.findings if f.code == "T010"]
    assert bool(t010) is suggested
    if suggested:
        assert "publishes in fr, and the copy is in de" in t010[0].message
        assert t010[0].evidence[0].snippet is not None
        assert outlet in t010[0].evidence[0].snippet


def test_a_translation_pair_is_shown_with_what_the_two_share(tmp_path: Path) -> None:
    found = run(tmp_path, [(article(), FERRY_EN), (article(**FERRY_RU_ENTRY), FERRY_RU)])
    [t011] = [f for f in found.findings if f.code == "T011"]
    assert "(ru and en)" in t011.message
    for shared in ("'March 3, 2024'", "'1,200'", "'15 April 2024'", "'2,500'"):
        assert shared in t011.message
    assert [place.line for place in t011.evidence] == [3, 3]  # the Russian, then the English


@pytest.mark.parametrize(
    "changed",
    [
        # the same language: a rewording, not a translation
        {"copy_inLanguage": "en"},
    ],
)
def test_no_translation_pair_without_two_languages(tmp_path: Path, changed: dict[str, Any]) -> None:
    entry = article(**{**FERRY_RU_ENTRY, **changed})
    found = run(tmp_path, [(article(), FERRY_EN), (entry, FERRY_RU)])
    assert "T011" not in codes(found.findings)


def test_short_numbers_alone_make_no_translation_pair(tmp_path: Path) -> None:
    # Six small numbers in the same order, and nothing else shared: unrelated stories.
    english = "Market report\n\nPrices rose 12 points, then 15, 18, 21, 24 and 27 by noon.\n"
    russian = "Рынок\n\nЦены выросли на 12 пунктов, затем 15, 18, 21, 24 и 27 к полудню.\n"
    found = run(tmp_path, [(article(), english), (article(**FERRY_RU_ENTRY), russian)])
    assert "T011" not in codes(found.findings)


# 'Source: OUTLET' in the copy's language, the outlet publishing in another.
SOURCE_LINES = {
    "en": (
        "Source: Le Monde",
        "The council approved the new harbour plan after a long debate about costs and the environment, and the opposition promised to appeal.",
    ),
    "fr": (
        "Source : El Mundo",
        "Le conseil a approuvé le nouveau plan du port après un long débat sur les coûts et l'environnement, et l'opposition a promis de faire appel.",
    ),
    "de": (
        "Quelle: Le Monde",
        "Der Rat hat den neuen Hafenplan nach einer langen Debatte über Kosten und Umwelt gebilligt, und die Opposition kündigte Berufung an.",
    ),
    "es": (
        "Fuente: Le Monde",
        "El consejo aprobó el nuevo plan del puerto tras un largo debate sobre los costes y el medio ambiente, y la oposición prometió recurrir.",
    ),
    "it": (
        "Fonte: Le Monde",
        "Il consiglio ha approvato il nuovo piano del porto dopo un lungo dibattito sui costi e sull'ambiente, e l'opposizione ha promesso ricorso.",
    ),
    "pt": (
        "Fonte: Le Monde",
        "O conselho aprovou o novo plano do porto depois de um longo debate sobre os custos e o ambiente, e a oposição prometeu recorrer.",
    ),
    "ru": (
        "Источник: Le Monde",
        "Совет одобрил новый план порта после долгих споров о расходах и экологии, а оппозиция пообещала обжаловать решение.",
    ),
    "pl": (
        "Źródło: Le Monde",
        "Rada zatwierdziła nowy plan portu po długiej debacie o kosztach i środowisku, a opozycja zapowiedziała odwołanie.",
    ),
}


@pytest.mark.parametrize("language", sorted(SOURCE_LINES))
def test_a_source_line_naming_an_outlet_of_another_language_suggests_a_translation(
    tmp_path: Path, language: str
) -> None:
    line, paragraph = SOURCE_LINES[language]
    text = f"Harbour plan\n\n{paragraph}\n{paragraph}\n\n{line}\n"
    entry = article(copy_inLanguage=language, copy_relation="republished", chain=[])
    found = run(tmp_path, [(entry, text)])
    [t010] = [f for f in found.findings if f.code == "T010"]
    assert f"and the copy is in {language}" in t010.message
    # The same line naming an outlet that writes in the copy's language suggests nothing.
    own = {"en": "The Guardian", "fr": "Le Monde", "es": "El Mundo"}.get(language)
    if own is not None:
        (tmp_path / "own").mkdir()
        again = run(tmp_path / "own", [(entry, text.replace(line.split(":")[-1].strip(), own))])
        assert "T010" not in codes(again.findings)


@pytest.mark.parametrize(
    ("other_speaker", "people", "clash"),
    [
        ("Erik Lund", None, True),  # another person
        ("Tomas Bjerg", None, False),  # one name garbled two ways: A005 joins them
        ("Томас Берг", None, False),  # one name in two scripts
        (
            "Thomas Bergman",
            [{"id": "berg", "name": "Tomas Berg", "alternateName": ["Thomas Bergman"]}],
            False,
        ),  # two spellings the people list gives one person
    ],
)
def test_a_quotation_given_to_one_person_under_two_spellings_is_no_clash(
    tmp_path: Path, other_speaker: str, people: list[dict[str, Any]] | None, clash: bool
) -> None:
    entries = [
        (article(), body(OTHER, QUOTE_A)),
        (
            article(),
            body(OTHER.replace("bakery", "butcher"), QUOTE_A.replace("Tomas Berg", other_speaker)),
        ),
    ]
    found = run(tmp_path, entries, people=people)
    assert ("A006" in codes(found.findings)) is clash
