"""Dates in many languages and scripts: CLDR month names, numeric orders, CJK and Korean
forms, foreign digits, and relative stamps; every text here is written for the test."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.evidence.calendar import generate
from provenance.evidence.calendar_data import TABLE
from provenance.evidence.dates import MONTH_ABBREVIATION, MONTH_NUMBER, find_dates
from provenance.evidence.model import DateKind
from provenance.evidence.text import Source


def _dates(text: str) -> list[tuple[str, DateKind, str | None]]:
    return [(m.span.text, m.kind, m.value) for m in find_dates(Source(text))]


def test_calendar_table_matches_cldr() -> None:
    # The committed table is Babel's CLDR data; a Babel upgrade that changes it fails here
    # (regenerate with ``python -m provenance.evidence.calendar``).
    assert generate() == TABLE


def test_table_covers_the_languages_asked_for() -> None:
    asked = "en de fr es it pt nl sv da nb pl cs sk ru uk be bg sr hr sl ro hu tr az kk uz"
    asked += " fi et lv lt el ka hy id ms vi"
    assert set(asked.split()) <= set(TABLE)


def test_a_name_naming_two_months_is_left_out() -> None:
    # 'listopad' is November in Polish and Czech, October in Croatian.
    assert "listopad" not in MONTH_NUMBER and "listopad" not in MONTH_ABBREVIATION
    assert MONTH_NUMBER["stycznia"] == 1 and MONTH_NUMBER["σεπτεμβρίου"] == 9


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Spotkanie odbyło się 5 stycznia 2021 roku w Krakowie.", "2021-01-05"),  # pl
        ("Schůze se konala 14. února 2019 v Brně.", "2019-02-14"),  # cs
        ("Η συνεδρίαση έγινε στις 3 Μαρτίου 2020 στην Αθήνα.", "2020-03-03"),  # el
        ("Kokous pidettiin 7. huhtikuuta 2018 Tampereella.", "2018-04-07"),  # fi
        ("Rapat digelar pada 17 Agustus 2022 di Jakarta.", "2022-08-17"),  # id
        ("De vergadering was op 21 december 2016 in Gent.", "2016-12-21"),  # nl, lower case
        ("Az ülést 2016. december 21. tartották.", "2016-12-21"),  # hu, year first
        ("Posėdis vyko 2016 m. gruodžio 21 d. Vilniuje.", "2016-12-21"),  # lt
        ("Засідання відбулося 19 лютого 2008 р. у Києві.", "2008-02-19"),  # uk
        ("Заседание прошло 19 февраля 2008 г. в Москве.", "2008-02-19"),  # ru
        ("A reunião foi na quarta-feira, 21 de dezembro de 2016.", "2016-12-21"),  # pt
        ("Toplantı 3 Ekim 2021 tarihinde yapıldı.", "2021-10-03"),  # tr
        ("La reunión fue el 1º de mayo de 2020.", "2020-05-01"),
        ("La séance a eu lieu le 1er mai 2020.", "2020-05-01"),
        ("It opened on the 27th June 2018 downtown.", "2018-06-27"),
        ("Cuộc họp diễn ra ngày 21 tháng 12 năm 2016 tại Hà Nội.", "2016-12-21"),  # vi
    ],
)
def test_month_names_of_many_languages(text: str, value: str) -> None:
    [(_, kind, found)] = [d for d in _dates(text) if d[1] is DateKind.ABSOLUTE]
    assert (kind, found) == (DateKind.ABSOLUTE, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("发布日期: 2009 年 12 月 21 日", "2009-12-21"),
        ("記事は2009年12月21日に公開された", "2009-12-21"),
        ("회의는 2024년 8월 27일 열렸다", "2024-08-27"),
        ("时间:2024/04/28 00:16", "2024-04-28"),
        ("Stand 2024.04.28", "2024-04-28"),
        ("21.06.2021 08:45:00", "2021-06-21"),
        ("Datum: 21.06.21", "2021-06-21"),
        ("تاريخ النشر ١٢ أغسطس ٢٠٢٤", "2024-08-12"),  # Arabic-Indic digits
    ],
)
def test_numeric_and_cjk_forms(text: str, value: str) -> None:
    [(span, kind, found)] = _dates(text)
    assert (kind, found) == (DateKind.ABSOLUTE, value)
    assert span in text  # the span is the page's own characters, digits unchanged


def test_year_less_cjk_date_needs_a_year() -> None:
    assert _dates("新华社北京3月5日电") == [("3月5日", DateKind.YEARLESS, None)]


def test_abbreviations_that_are_words_need_a_full_date() -> None:
    # Polish 'sie', Italian 'set', 'ago', English 'mar': words, unless between day and year.
    assert _dates("Ona wie, że sie 2020 set mar") == []
    assert _dates("Madrid, 12 ago 2024 (Agencia)")[0][2] == "2024-08-12"
    assert _dates("Ukazało się 3 sie 2021 r.")[0][2] == "2021-08-03"
    assert _dates("You may go now. The march 5 miles long.") == []


def test_two_digit_years_only_in_the_unambiguous_form() -> None:
    assert _dates("Version 1.2.34 is out") == []
    assert _dates("Release 4/5/21 soon") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Le conseil municipal a voté le budget le 03/02/2014 après une longue séance.",
            "2014-02-03",
        ),
        ("The city council voted on the budget on 03/02/2014 after a long meeting.", "2014-03-02"),
    ],
)
def test_page_language_orders_an_ambiguous_numeric_date(text: str, value: str) -> None:
    [mention] = extract(text).dates
    assert mention.value == value


@pytest.mark.parametrize(
    "phrase",
    [
        "15 hr ago",
        "3 mins ago",
        "2d ago",
        "just now",
        "vor 3 Tagen",
        "il y a 3 heures",
        "hace 3 horas",
        "3 ore fa",
        "há 3 dias",
        "3 часа назад",
        "только что",
        "3 години тому",
        "3 godziny temu",
        "3 saat önce",
        "3 saat əvvəl",
        "3 uur geleden",
        "منذ 3 ساعات",
        "۳ ساعت پیش",
        "3小时前",
        "3時間前",
        "刚刚",
        "3시간 전",
    ],
)
def test_relative_stamps_in_many_languages(phrase: str) -> None:
    assert _dates(f"* {phrase} *") == [(phrase, DateKind.RELATIVE, None)]
