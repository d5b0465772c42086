"""Bylines, organisational bylines and contributor credits in many languages.

Every text here is written for these tests; none is taken from a real page."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.evidence.model import ContributorRole, Evidence

BODY = (
    "The council met on Tuesday evening to discuss the new budget for the district, and the "
    "debate went on well past midnight before a vote was finally taken on the proposal."
)


def authors(evidence: Evidence) -> list[str]:
    return [name for byline in evidence.bylines for name in byline.names]


def roles(evidence: Evidence) -> list[tuple[ContributorRole, tuple[str, ...]]]:
    return [(c.role, c.names) for c in evidence.contributors]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Maren Holt and Ilias Brandt", ["Maren Holt", "Ilias Brandt"]),
        ("Words by Oskar Lindqvist", ["Oskar Lindqvist"]),
        ("Par Camille Durand et Hugo Perrin – Le 4 mars 2024", ["Camille Durand", "Hugo Perrin"]),
        ("Von Jana Köhler und Timo Reuter", ["Jana Köhler", "Timo Reuter"]),
        ("Por Lucía Ferrer y Mateo Ibáñez", ["Lucía Ferrer", "Mateo Ibáñez"]),
        ("di Giulia Conti e Marco Sala", ["Giulia Conti", "Marco Sala"]),
        ("Door Sanne de Vries en Pieter Bakker", ["Sanne de Vries", "Pieter Bakker"]),
        ("Av Ingrid Solberg", ["Ingrid Solberg"]),
        ("Autorka: Zofia Wrona", ["Zofia Wrona"]),
        ("Автор: Олег Смирнов", ["Олег Смирнов"]),
        ("Текст: Ирина Белова и Павел Орлов", ["Ирина Белова", "Павел Орлов"]),
        ("Yazar: Elif Aydın ve Murat Kaya", ["Elif Aydın", "Murat Kaya"]),
        ("Müəllif: Rəşad Quliyev", ["Rəşad Quliyev"]),
        ("作者：张明远", ["张明远"]),
        ("文／刘晓梅", ["刘晓梅"]),
        ("本报记者 陈立新、周海燕", ["陈立新", "周海燕"]),
        ("بقلم: سامي الحداد", ["سامي الحداد"]),
        ("نویسنده: مریم احمدی", ["مریم احمدی"]),
        ("김민준 기자", ["김민준"]),
        ("By HELGA NORDVIK Associated Press", ["HELGA NORDVIK"]),
        ("Tessa Marlow | Staff Writer", ["Tessa Marlow"]),
    ],
)
def test_a_marker_opens_a_byline_in_many_languages(line: str, expected: list[str]) -> None:
    evidence = extract(f"A headline about the budget vote\n\n{line}\n\n{BODY}\n")
    assert authors(evidence) == expected
    assert not any(b.organisation for b in evidence.bylines)


def test_two_reporters_in_two_places_with_the_outlet_in_parentheses() -> None:
    text = "Trade talks resume\n\nBy Li Wen in Shanghai and Clara Voss in Geneva(World Daily)\n\n"
    [byline] = extract(text + BODY).bylines
    assert byline.names == ("Li Wen", "Clara Voss") and byline.place == "Shanghai"


def test_reporting_credit_leaves_the_editors_to_contributors() -> None:
    text = f"{BODY}\n\n(Reporting by Aino Virtanen and Raul Mendes Editing by Dora Falk)\n"
    evidence = extract(text)
    assert authors(evidence) == ["Aino Virtanen", "Raul Mendes"]
    assert roles(evidence) == [(ContributorRole.EDITOR, ("Dora Falk",))]


def test_a_name_written_before_the_chinese_marker_and_its_translator() -> None:
    evidence = extract(f"彼得·杜兰著 赵明译\n一个关于意识的问题\n\n{BODY}\n")
    assert authors(evidence) == ["彼得·杜兰"]
    assert roles(evidence) == [(ContributorRole.TRANSLATOR, ("赵明",))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Staff Reporter", "Staff Reporter"),
        ("Our Correspondent", "Our Correspondent"),
        ("By Northwind Radio staff", "Northwind Radio staff"),
        ("por Agencia Sur", "Agencia Sur"),
        ("Redaktion", "Redaktion"),
        ("La rédaction", "La rédaction"),
        ("Редакция", "Редакция"),
    ],
)
def test_an_organisational_byline_is_one_author(line: str, expected: str) -> None:
    evidence = extract(f"A headline about the budget vote\n{line}\n\n{BODY}\n")
    [byline] = evidence.bylines
    assert byline.names == (expected,) and byline.organisation


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("МИНСК, 3 марта. /БЕЛТА/. Правительство утвердило новый план.", "БЕЛТА"),
        ("Ganja. 14 May. NEWS.AZ/ The city opened a new park on Friday.", "NEWS.AZ"),
    ],
)
def test_an_agency_dateline_with_slashes_is_an_organisational_byline(
    dateline: str, agency: str
) -> None:
    [byline] = extract(f"Headline here\n\n{dateline}\n").bylines
    assert byline.names == (agency,) and byline.organisation


def test_a_press_release_wire_in_the_dateline_is_not_a_byline() -> None:
    text = "Results\n\nTORONTO, 3 March 2024 /NEWSWIRE/ -- Acme Corp reported its results.\n"
    assert extract(text).bylines == ()


def test_names_alone_under_the_headline_with_a_reading_time() -> None:
    text = f"Why I stopped writing lists\n\nOrla Finnegan\n4 min read · Mar 3, 2023\n\n{BODY}\n"
    assert authors(extract(text)) == ["Orla Finnegan"]


def test_names_alone_with_an_affiliation() -> None:
    text = f"Is coffee good for you?\n\nMarta Lindgren, UCL\n\n{BODY}\n"
    assert authors(extract(text)) == ["Marta Lindgren"]


def test_a_name_after_an_avatar_line() -> None:
    text = f"Un titre sur le budget\n\nAvatar de l'auteur\nNoémie Garnier\n\n12/05/2021\n{BODY}\n"
    assert authors(extract(text)) == ["Noémie Garnier"]


def test_a_name_with_an_alias_and_an_affiliation_line() -> None:
    text = (
        f"Bir başlıq burada\n\nKamran Əliyev (Hüseynov)\nADU, tarix fakültəsi, dosent\n\n{BODY}\n"
    )
    assert authors(extract(text)) == ["Kamran Əliyev (Hüseynov)"]


def test_a_blog_owner_named_in_the_blog_title() -> None:
    text = f"le Blog de Jean-P@ul DELMAS\n\n12 mai 2020\n\nUn titre\n\n{BODY}\n"
    assert authors(extract(text)) == ["Jean-P@ul DELMAS"]


def test_a_lowercase_login_after_a_platform_label() -> None:
    text = f"UN TITRE\n\nPublié le par jean-marc dupuis\n\n{BODY}\n"
    assert authors(extract(text)) == ["jean-marc dupuis"]


def test_an_outlet_alone_in_a_header_list() -> None:
    text = "Bir xəbər başlığı\n\n  • 12 Aprel 2021\n  • Xeberler.az\n\n" + BODY
    [byline] = extract(text).bylines
    assert byline.names == ("Xeberler.az",) and byline.organisation


def test_a_chinese_author_line_with_job_titles() -> None:
    text = "浅谈数据库的索引\n\n李 明哲, 软件工程师, 自由职业者\n\n" + BODY
    assert authors(extract(text)) == ["李 明哲"]


@pytest.mark.parametrize(
    "text",
    [
        # A German heading: two capitalised words, next to a heading that holds a date.
        "Sitzung des Rates\n\nSitzung am 4. Mai 2022\n\nSchriftliche Anfrage\n\n"
        "Wie viele Bänke stehen im Park?\n" + BODY,
        # A section name under the headline.
        "Category Archives: Garden News\nHow to grow tomatoes\n" + BODY,
        # A poster account label and a Han phrase alone on a line.
        "两会特写\n管理员\n2026-03-06 08:41:59\n\n" + BODY,
        # A person quoted in the body, and the headline's subject.
        "Ada Morrow wins the prize\n\nAda Morrow\n\nShe said Ben Arlott helped her.\n" + BODY,
        # 'By' at the end of a cut line, and a sentence starting with 'Von'.
        "A chronic problem\n\nIt will not go away on its own By\n\n" + BODY,
        "Von Berlin aus fuhr der Zug nach Hamburg und weiter nach Kiel.\n" + BODY,
        # Subtitles and a photo credit are not authors.
        "Film night\n\nSubtitles by Rory Vance\n\n" + BODY,
        "A clap story\n\nPhoto by Ivo Brandt on Unsplash\n\n" + BODY,
        # Chinese prose with '记者' inside a sentence.
        "据记者了解，会议将于明天举行。\n" + BODY,
    ],
)
def test_not_authors(text: str) -> None:
    assert authors(extract(text)) == []


@pytest.mark.parametrize(
    ("line", "role", "names"),
    [
        ("Photo by Ivo Brandt on Unsplash", ContributorRole.PHOTOGRAPHER, ("Ivo Brandt",)),
        ("Foto: Lena Vogt", ContributorRole.PHOTOGRAPHER, ("Lena Vogt",)),
        ("Фото: Антон Волков", ContributorRole.PHOTOGRAPHER, ("Антон Волков",)),
        ("Translated by Nadia Ferrante", ContributorRole.TRANSLATOR, ("Nadia Ferrante",)),
        (
            "Traducido del inglés para Diario Norte por R. T.",
            ContributorRole.TRANSLATOR,
            ("R. T.",),
        ),
        ("Traduction : Claire Morel", ContributorRole.TRANSLATOR, ("Claire Morel",)),
        ("Перевод: Мария Лебедева", ContributorRole.TRANSLATOR, ("Мария Лебедева",)),
        ("Übersetzung: Jonas Weber", ContributorRole.TRANSLATOR, ("Jonas Weber",)),
        ("ترجمة: ليلى حسن", ContributorRole.TRANSLATOR, ("ليلى حسن",)),
        ("Edited by Ruth Okafor", ContributorRole.EDITOR, ("Ruth Okafor",)),
    ],
)
def test_contributors_are_credited_with_their_role(
    line: str, role: ContributorRole, names: tuple[str, ...]
) -> None:
    evidence = extract(f"A headline\n\n{line}\n\n{BODY}\n")
    assert roles(evidence) == [(role, names)]
    assert authors(evidence) == []


def test_a_caption_subject_is_not_a_photographer() -> None:
    text = f"Nagłówek\nZdjęcie: Anna Nowak, była minister zdrowia\n\n{BODY}\n"
    evidence = extract(text)
    assert evidence.contributors == () and authors(evidence) == []


def test_an_agency_photographer_inside_a_caption() -> None:
    text = f"Titular\n\nEl ministro en Madrid. EFE/ Rocío Lara\n\n{BODY}\n"
    evidence = extract(text)
    assert roles(evidence) == [(ContributorRole.PHOTOGRAPHER, ("Rocío Lara",))]
    assert authors(evidence) == []


def test_an_azerbaijani_translator_credit() -> None:
    text = f"Başlıq\n\nİngilis dilindən tərcümə edən Leyla Məmmədova\n\n{BODY}\n"
    assert roles(extract(text)) == [(ContributorRole.TRANSLATOR, ("Leyla Məmmədova",))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reporter: 박서연", ["박서연"]),
        ("Written by Dr. Helen Marsh", ["Helen Marsh"]),
        ("Posted by quietfox_77 on March 3, 2024", ["quietfox_77"]),
    ],
)
def test_labels_titles_and_logins(line: str, expected: list[str]) -> None:
    assert authors(extract(f"A headline\n\n{line}\n\n{BODY}\n")) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The headline's subject alone under it, and a subheading above the body.
        f"Morrow says the tariffs stay\n\nAda Morrow\n\n{BODY}\n",
        f"Big Headline Words\n\nKey Points\n\n{BODY}\n",
        # 'Reporters' opening a sentence is not a 'Reporter:' label.
        f"A headline\n\nReporters say the vote was close.\n\n{BODY}\n",
    ],
)
def test_header_lines_that_are_not_bylines(text: str) -> None:
    assert authors(extract(text)) == []


def test_an_organisation_named_after_a_marker() -> None:
    [byline] = extract(f"Nagłówek\n\nAutor: Redakcja\n\n{BODY}\n").bylines
    assert byline.names == ("Redakcja",) and byline.organisation


@pytest.mark.parametrize(
    "line", ["By Maria Lopez | Staff Writer", "By Maria Lopez • The Northern Herald"]
)
def test_a_prefixed_byline_keeps_its_names_before_a_bar(line: str) -> None:
    from provenance.evidence import extract

    text = f"Harbour strike ends\n\n{line}\n\nDock workers voted on Sunday to end the strike.\n"
    assert [b.names for b in extract(text).bylines] == [("Maria Lopez",)]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted on March 3, 2021 by harbourfan", ("harbourfan",)),
        ("Published on 3 March 2021 by Anna Roe", ("Anna Roe",)),
    ],
)
def test_a_theme_line_with_its_date_between_verb_and_by(line: str, names: tuple[str, ...]) -> None:
    from provenance.evidence import extract

    text = f"Ferry notes\n\n{line}\n\nThe ferry has connected our island to the mainland for fifty years.\n"
    found = extract(text)
    assert [b.names for b in found.bylines] == [names]
    assert [s.value for s in found.stamps] == ["2021-03-03"]


@pytest.mark.parametrize(
    "line", ["Jane Doe, University of Leeds", "Jane Doe, Institut für Weltwirtschaft"]
)
def test_a_name_with_an_affiliation_of_several_words(line: str) -> None:
    from provenance.evidence import extract

    text = (
        f"Why sleep matters\n\n{line}\n\nSleep is not a luxury. Researchers have shown that "
        "one night of poor sleep affects memory and mood for most adults.\n"
    )
    assert [b.names for b in extract(text).bylines] == [("Jane Doe",)]
