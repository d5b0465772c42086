"""The page's own date stamps in its header; every page here is written for the test."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.evidence.model import StampLabel

BODY = (
    "The regional council met on Tuesday to discuss the new budget, and after a long debate "
    "the members agreed to fund two schools, a library and the repair of the old bridge."
)
CORPS = (
    "Le conseil régional s'est réuni mardi pour discuter du nouveau budget et, après un long "
    "débat, les membres ont accepté de financer deux écoles, une bibliothèque et un pont."
)


def _stamps(text: str) -> list[tuple[str, StampLabel, str | None, bool]]:
    return [(s.span.text, s.label, s.value, s.relative) for s in extract(text).stamps]


@pytest.mark.parametrize(
    ("header", "stamp"),
    [
        ("Sunday, March 3, 2019", ("March 3, 2019", StampLabel.NONE, "2019-03-03", False)),
        (
            "Updated: 2019-04-05 10:20",
            ("2019-04-05", StampLabel.UPDATED, "2019-04-05", False),
        ),
        (
            "Publish Date: 07:15 - 4 May 2017",
            ("4 May 2017", StampLabel.PUBLISHED, "2017-05-04", False),
        ),
        ("11.10.2013 | 17:05", ("11.10.2013", StampLabel.NONE, "2013-10-11", False)),
        (
            "By Ann Lee | 9:41 am GMT, 2 Jun 2020",
            ("2 Jun 2020", StampLabel.NONE, "2020-06-02", False),
        ),
        ("- 5 hours ago", ("5 hours ago", StampLabel.NONE, None, True)),
        ("in gardening •  3 months ago  (edited)", ("3 months ago", StampLabel.NONE, None, True)),
        ("Updated: 7 hr ago", ("7 hr ago", StampLabel.UPDATED, None, True)),
        ("6 min readMar 14, 2021", ("Mar 14, 2021", StampLabel.NONE, "2021-03-14", False)),
        (" date 2018-02-03 Article content", ("2018-02-03", StampLabel.NONE, "2018-02-03", False)),
    ],
)
def test_english_header_stamps(
    header: str, stamp: tuple[str, StampLabel, str | None, bool]
) -> None:
    assert _stamps(f"A Bridge for the Town\n{header}\n{BODY}")[0] == stamp


@pytest.mark.parametrize(
    ("header", "label", "value"),
    [
        ("Veröffentlicht am 20.09.2019 in Pressemitteilung", StampLabel.PUBLISHED, "2019-09-20"),
        ("Aktualisiert: 21.09.2019, 08:45 Uhr", StampLabel.UPDATED, "2019-09-21"),
        ("Publié le 4 mars 2015 à 18h30", StampLabel.PUBLISHED, "2015-03-04"),
        ("Mis à jour le 05/03/2015", StampLabel.UPDATED, "2015-03-05"),
        ("Publicado el 12 de abril de 2016", StampLabel.PUBLISHED, "2016-04-12"),
        ("Pubblicato il 3 luglio 2017", StampLabel.PUBLISHED, "2017-07-03"),
        ("Опубликовано: 19 февраля 2008 г., 12:30 MSK", StampLabel.PUBLISHED, "2008-02-19"),
        ("понедельник, 30 мая 2016 г.", StampLabel.NONE, "2016-05-30"),
        ("Yayınlanma: 21.06.2021 08:45:00", StampLabel.PUBLISHED, "2021-06-21"),
        ("Opublikowano: 5 stycznia 2021", StampLabel.PUBLISHED, "2021-01-05"),
        ("Gepubliceerd op 21 december 2016", StampLabel.PUBLISHED, "2016-12-21"),
        ("发布时间:2009年12月21日 08:15", StampLabel.PUBLISHED, "2009-12-21"),
        ("Dərc olunub: 24 Mart 2020, 14:05", StampLabel.PUBLISHED, "2020-03-24"),
        ("تاريخ النشر: ١٢ أغسطس ٢٠٢٤", StampLabel.PUBLISHED, "2024-08-12"),
    ],
)
def test_labels_in_many_languages(header: str, label: StampLabel, value: str) -> None:
    [stamp, *_] = extract(f"Titre\n{header}\n{CORPS}").stamps
    assert (stamp.label, stamp.value, stamp.relative) == (label, value, False)


def test_french_page_reads_day_first() -> None:
    text = f"Entretien avec une élue\nMarie Dupont\n03/02/2014 9 minutes\n{CORPS}"
    assert _stamps(text)[0][2] == "2014-02-03"


@pytest.mark.parametrize(
    "header",
    [
        "Published\non",  # an empty slot
        "Publié le par Jean Martin",  # an empty slot
        "Dec 7",  # no year
        "News ID: 25091",
        "سه شنبه, ۱۴ فروردین, ۱۴۰۳ / 2 April, 2024",  # today in two calendars
    ],
)
def test_no_stamp(header: str) -> None:
    assert _stamps(f"A Bridge for the Town\n{header}\n{BODY}") == []


def test_a_date_inside_a_sentence_is_no_stamp() -> None:
    assert _stamps("A Bridge\nThe bridge opened on March 3, 2019 after years.\n" + BODY) == []


def test_a_date_below_the_body_is_no_stamp() -> None:
    assert _stamps(f"A Bridge\n{BODY}\n{BODY}\nMarch 3, 2019\n") == []


def test_relative_stamps_in_other_languages() -> None:
    for line in ("vor 3 Tagen", "il y a 3 heures", "hace 3 horas", "3 часа назад", "3小时前"):
        assert _stamps(f"Titre\n{line}\n{CORPS}")[0][3] is True


def test_labelled_stamp_below_is_preferred_to_a_lone_date_above() -> None:
    text = f"19 ŞUBAT 2026\nBaşlık burada\n21.06.2021 08:45:00\n{BODY}"
    assert [s[2] for s in _stamps(text)] == ["2021-06-21", "2026-02-19"]


def test_published_before_updated() -> None:
    text = f"Title\nUpdated: 2019-04-05 10:20\nPublished: 2019-04-01 09:00\n{BODY}"
    assert [s[1] for s in _stamps(text)] == [StampLabel.PUBLISHED, StampLabel.UPDATED]


def test_a_date_field_in_a_row_of_labelled_fields_is_a_stamp() -> None:
    from provenance.evidence import extract

    row = "Harbour notes\n\nSource: Wire  Editor: Ann Lee  Date: 12 May 2024 | Views: 30\n\nBody.\n"
    assert [(s.label, s.value) for s in extract(row).stamps] == [("none", "2024-05-12")]
    chinese = "港口新闻\n\n来源:网络 编辑:本站 时间:2024/04/28 00:16\n\n正文。\n"
    assert [s.value for s in extract(chinese).stamps] == ["2024-04-28"]
    # A date after 'date:' inside a sentence is prose, not a field.
    prose = "Harbour notes\n\nThe meeting date: 12 May 2024 was set after a long debate.\n"
    assert extract(prose).stamps == ()


def test_a_metadata_row_may_open_on_its_date() -> None:
    from provenance.evidence import extract

    row = "港口扩建工程启动\n\n2023年05月12日 10:20  来源：新华网\n\n正文。\n"
    assert [s.value for s in extract(row).stamps] == ["2023-05-12"]
    sentence = "Title\n\n12 May 2024 was the day the council voted on the plan.\n\nBody.\n"
    assert extract(sentence).stamps == ()


@pytest.mark.parametrize(
    ("title", "stamped"),
    [
        ("Budget approved after long debate (Monday, 4 March 2019)", "2019-03-04"),
        ("Le budget adopté après un long débat (Du lundi 4 mars 2019)", "2019-03-04"),
        ("Budget approved after long debate (on 4 March 2019)", "2019-03-04"),
        # a bracketed date that says what happened then is the event's, not the page's
        ("Budget approved (the council first debated it on 4 March 2019)", None),
        ("Budget approved after long debate (signed 4 March 2019)", None),
    ],
)
def test_a_bracketed_date_after_a_headline_run_into_the_body_is_a_stamp(
    title: str, stamped: str | None
) -> None:
    # An aggregator's layout: headline, its date in brackets and the body on one line.
    found = _stamps(f"{title} {BODY} {BODY}\n")
    assert [value for _, _, value, _ in found] == ([stamped] if stamped else [])


def test_a_bracketed_date_on_a_short_headline_line_follows_the_header_rules() -> None:
    # A short first line is read as any header line: the bracketed headline is no stamp line.
    assert _stamps(f"Budget approved (signed 4 March 2019)\n\n{BODY}\n") == []
