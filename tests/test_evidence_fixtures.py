"""The extractor on texts written for it: other outlets, phrasings, languages and dates."""

from __future__ import annotations

import pytest
from evidence_support import FIXTURES, OUTLETS, PEOPLE, check_spans, evidence_of, fixture

from provenance.evidence import extract
from provenance.evidence.model import CreditKind, DateKind, Evidence, ResidueKind, TruncationKind

ALL = sorted(p.name for p in FIXTURES.glob("*.txt"))


def test_there_are_enough_fixtures() -> None:
    assert len(ALL) >= 15


@pytest.mark.parametrize("name", ALL)
def test_every_span_quotes_the_text_exactly(name: str) -> None:
    text = fixture(name)
    assert check_spans(text, extract(text, OUTLETS, PEOPLE)) > 0


@pytest.mark.parametrize("name", ALL)
def test_extraction_is_deterministic(name: str) -> None:
    first = evidence_of(name).model_dump_json()
    assert evidence_of(name).model_dump_json() == first


def _credits(evidence: Evidence) -> list[tuple[CreditKind, str, str | None]]:
    return [(c.kind, c.target, c.outlet.outlet if c.outlet else None) for c in evidence.credits]


def _dates(evidence: Evidence) -> list[tuple[str, DateKind, str | None]]:
    return [(d.span.text, d.kind, d.value) for d in evidence.dates]


def _residue(evidence: Evidence) -> list[tuple[int, ResidueKind]]:
    return [(r.span.line, r.kind) for r in evidence.residue]


def test_wire_copy_agency_dateline_and_reporting_line() -> None:
    evidence = evidence_of("wire_reuters.txt")
    assert _credits(evidence) == [(CreditKind.AGENCY_DATELINE, "Reuters", "reuters")]
    assert evidence.credits[0].span.text == "LONDON, Sept 3 (Reuters) -"
    sept = next(d for d in evidence.dates if d.span.text == "Sept 3")
    assert sept.kind is DateKind.YEARLESS and sept.dateline
    assert [b.names for b in evidence.bylines] == [("Tom Whitaker",)]
    speakers = [(q.speaker, q.verb) for q in evidence.quotations]
    assert speakers == [("Marta Kowalczyk", "said"), ("Andreadis", "said")]
    assert not evidence.truncation and not evidence.residue


def test_german_dates_source_line_and_residue() -> None:
    evidence = evidence_of("german_dates.txt")
    assert _dates(evidence) == [
        ("27.08.2024", DateKind.ABSOLUTE, "2024-08-27"),
        ("3. März 2023", DateKind.ABSOLUTE, "2023-03-03"),
        ("1. Januar 2024", DateKind.ABSOLUTE, "2024-01-01"),
        ("Vor 2 Jahren", DateKind.RELATIVE, None),
        ("letzte Woche", DateKind.RELATIVE, None),
    ]
    assert evidence.dates[0].dateline  # 'Berlin, 27.08.2024' alone on its line
    assert _credits(evidence) == [(CreditKind.SOURCE, "Deutsche Welle", "dw")]
    assert _residue(evidence) == [(8, ResidueKind.FOOTER), (9, ResidueKind.INTERFACE)]
    assert evidence.language is not None and evidence.language.code == "de"
    assert evidence.quotations[0].verb == "sagte"
    assert "Deutsche Welle" not in {p.name for p in evidence.people}


def test_french_dates_and_source_with_a_space_before_the_colon() -> None:
    evidence = evidence_of("french_dates.txt")
    assert _dates(evidence) == [
        ("27 août 2024", DateKind.ABSOLUTE, "2024-08-27"),
        ("il y a 3 ans", DateKind.RELATIVE, None),
        ("la semaine dernière", DateKind.RELATIVE, None),
        ("15 juillet", DateKind.YEARLESS, None),
    ]
    assert _credits(evidence) == [(CreditKind.SOURCE, "Agence France-Presse", "afp")]
    assert _residue(evidence) == [(7, ResidueKind.FOOTER), (8, ResidueKind.INTERFACE)]
    assert evidence.language is not None and evidence.language.code == "fr"


def test_russian_dates_and_cyrillic_outlet_alias() -> None:
    evidence = evidence_of("russian_dates.txt")
    assert _dates(evidence) == [
        ("27 августа 2024 года", DateKind.ABSOLUTE, "2024-08-27"),
        ("на прошлой неделе", DateKind.RELATIVE, None),
        ("5 лет назад", DateKind.RELATIVE, None),
        ("марте 2020 года", DateKind.MONTH_YEAR, "2020-03"),
    ]
    assert _credits(evidence) == [(CreditKind.SOURCE, "Медуза", "meduza")]
    assert evidence.language is not None and evidence.language.code == "ru"
    assert [r.kind for r in evidence.residue] == [ResidueKind.FOOTER, ResidueKind.INTERFACE]


@pytest.mark.parametrize(
    ("name", "kind", "target", "outlet", "quoted"),
    [
        (
            "originally_published.txt",
            CreditKind.ORIGINALLY_PUBLISHED,
            "The Conversation",
            "conversation",
            "originally published by The Conversation",
        ),
        (
            "first_appeared.txt",
            CreditKind.FIRST_APPEARED,
            "Eurasianet",
            "eurasianet",
            "first appeared on Eurasianet",
        ),
        (
            "republished_permission.txt",
            CreditKind.REPUBLISHED,
            "The Diplomat",
            "diplomat",
            "Republished with permission from The Diplomat.",
        ),
    ],
)
def test_origin_phrasings(
    name: str, kind: CreditKind, target: str, outlet: str, quoted: str
) -> None:
    evidence = evidence_of(name)
    assert _credits(evidence) == [(kind, target, outlet)]
    assert evidence.credits[0].span.text == quoted
    assert not evidence.truncation


def test_source_and_copyright_lines() -> None:
    evidence = evidence_of("source_copyright.txt")
    assert _credits(evidence) == [
        (CreditKind.SOURCE, "Associated Press", "ap"),
        (CreditKind.COPYRIGHT, "Agence France-Presse", "afp"),
    ]
    assert _dates(evidence) == [("2024-07-30", DateKind.ABSOLUTE, "2024-07-30")]
    assert not evidence.truncation


def test_translation_credit_names_the_language_and_sign_off_is_found() -> None:
    evidence = evidence_of("translated_russian.txt")
    [credit] = evidence.credits
    assert (credit.kind, credit.target, credit.language) == (
        CreditKind.TRANSLATED_FROM,
        "Russian",
        "ru",
    )
    assert credit.outlet is None
    assert [b.names for b in evidence.bylines] == [("Dmitry Volkov",)]
    assert [s.name for s in evidence.sign_offs] == ["Dmitry Volkov"]
    assert [s.span.line for s in evidence.sign_offs] == [7]
    assert not evidence.truncation


@pytest.mark.parametrize(
    "name", ["spanish_residue.txt", "german_residue.txt", "estonian_residue.txt"]
)
def test_navigation_in_another_language_than_the_body(name: str) -> None:
    evidence = evidence_of(name)
    assert evidence.language is not None and evidence.language.code == "en"
    assert _residue(evidence) == [(n, ResidueKind.FOREIGN_NAVIGATION) for n in (5, 6, 7)]
    assert not evidence.truncation  # residue is not the last line of the body


def test_clean_original_yields_no_false_signals() -> None:
    evidence = evidence_of("clean_original.txt")
    assert evidence.credits == ()
    assert evidence.residue == ()
    assert evidence.truncation == ()
    assert evidence.name_clusters == ()  # Smith/Smyth, Petrov/Petrova, Hansen/Jansen differ
    assert evidence.outlets == ()  # 'Eurasian' is not a garble of 'Eurasianet'
    assert evidence.sign_offs == () and evidence.bylines == ()
    names = {p.name for p in evidence.people}
    assert {"John Smith", "Jane Smyth", "Ivan Petrov", "Olga Petrova"} <= names


def test_garbled_outlet_names_match_as_near_misses_but_other_words_do_not() -> None:
    evidence = evidence_of("garbled_outlet.txt")
    found = {m.span.text: m.match for m in evidence.outlets}
    assert set(found) == {"Medusa", "Meduzza"}
    assert all(m.outlet == "meduza" and not m.exact for m in found.values())
    assert found["Medusa"].score >= 80
    assert "Madrid" not in found and "Riga" not in found


def test_variant_spellings_cluster_with_the_registry_spelling_as_canonical() -> None:
    evidence = evidence_of("name_variants.txt")
    [cluster] = evidence.name_clusters
    assert cluster.canonical == "Arkady Zhemchuzhnikov"
    assert cluster.person == "arkady-z"
    assert cluster.variants == ("Arkady Zhemchuzhnikov", "Zhemchujnikov", "Zhemchuznikov")
    assert [m.line for m in cluster.mentions] == [2, 3, 4]


def test_variant_spellings_cluster_without_a_registry() -> None:
    evidence = extract(fixture("name_variants.txt"))
    [cluster] = evidence.name_clusters
    assert cluster.person is None
    assert cluster.canonical == "Arkady Zhemchuzhnikov"  # ties: the longest


def test_byline_with_two_names_place_and_iso_date_and_many_date_formats() -> None:
    evidence = evidence_of("bylines_dates.txt")
    [byline] = evidence.bylines
    assert byline.names == ("Ana García", "Tom Baker")
    assert (byline.place, byline.date) == ("Valencia", "2024-08-27")
    assert _dates(evidence) == [
        ("2024-08-27", DateKind.ABSOLUTE, "2024-08-27"),
        ("Sept. 3", DateKind.YEARLESS, None),
        ("3rd of March, 2021", DateKind.ABSOLUTE, "2021-03-03"),
        ("08/27/2024", DateKind.ABSOLUTE, "2024-08-27"),
        ("next month", DateKind.RELATIVE, None),
        ("a few days ago", DateKind.RELATIVE, None),
        ("earlier this week", DateKind.RELATIVE, None),
        ("on Tuesday", DateKind.RELATIVE, None),
    ]
    assert evidence.dates[0].dateline and not evidence.dates[1].dateline


def test_truncated_start_and_end() -> None:
    evidence = evidence_of("truncated_both.txt")
    kinds = [(t.kind, t.span.line) for t in evidence.truncation]
    assert kinds == [(TruncationKind.START, 1), (TruncationKind.END, 4)]
    assert evidence.truncation[0].span.text.startswith("and the ministry")
    assert evidence.truncation[1].span.text.endswith("enrolment and")
    assert evidence.headlines == ()


def test_platform_residue() -> None:
    evidence = evidence_of("platform_residue.txt")
    assert _residue(evidence) == [(n, ResidueKind.PLATFORM) for n in (2, 6, 7, 8)]
    assert not evidence.truncation


def test_quotation_attribution_forms() -> None:
    evidence = evidence_of("quotes_varied.txt")
    got = [(q.speaker, q.verb, q.span.line) for q in evidence.quotations]
    assert got == [
        ("Leila Haddad", "according to", 2),
        ("Omar Rahimi", "wrote", 5),
        ("Rahimi", "said", 6),
    ]
    assert [m.match.outlet for m in evidence.outlets] == ["aljazeera"]


def test_quote_given_to_an_outlet() -> None:
    evidence = evidence_of("first_appeared.txt")
    [quote] = evidence.quotations
    assert (quote.speaker, quote.verb, quote.given_to) == ("Bolat Seitkali", "told", "Eurasianet")
    assert quote.given_to_outlet is not None and quote.given_to_outlet.outlet == "eurasianet"


def test_misspelled_cluster_finds_its_catalog_person_by_near_surname() -> None:
    # Neither spelling is in the catalog: the person is the one whose surname is near them
    # (same first letter), not one with another initial or a far surname.
    from provenance.models import Person

    people = (
        *PEOPLE,
        Person(id="zara-zimmer", name="Zara Zimmer"),
        Person(id="ivan-s", name="Ivan Shemchuzhnikov"),
    )
    text = (
        "Governor Arkady Zhemchuznikov resigned on Tuesday.\n"
        "Zhemchujnikov denied any wrongdoing in a short statement.\n"
    )
    [cluster] = extract(text, OUTLETS, people).name_clusters
    assert cluster.variants == ("Arkady Zhemchuzhnikov", "Arkady Zhemchuznikov", "Zhemchujnikov")
    assert cluster.person == "arkady-z"
