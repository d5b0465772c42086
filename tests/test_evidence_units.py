"""Each extractor alone: outlet matching, date forms, quotation pairing, spans."""

from __future__ import annotations

import pytest
from evidence_support import OUTLETS, check_spans
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.evidence import extract, match_outlet
from provenance.evidence.model import DateKind
from provenance.evidence.outlets import FUZZY_THRESHOLD, skeleton
from provenance.evidence.registry import EXTRACTORS
from provenance.models import Outlet


def test_every_evidence_field_has_a_registered_extractor() -> None:
    from provenance.evidence import FIELDS
    from provenance.evidence.model import Evidence

    assert set(FIELDS) == set(Evidence.model_fields) - {"line_count"}
    assert set(FIELDS) <= set(EXTRACTORS)


@pytest.mark.parametrize(
    ("written", "outlet", "matched"),
    [
        ("Reuters", "reuters", "Reuters"),
        ("REUTERS", "reuters", "Reuters"),
        ("the Associated Press", "ap", "Associated Press"),
        ("AP", "ap", "AP"),
        ("https://www.apnews.com/article/x", "ap", "apnews.com"),
        ("news.dw.com", "dw", "dw.com"),
        ("meduza.io", "meduza", "meduza.io"),
        ("theconversation.com", "conversation", "theconversation.com"),
    ],
)
def test_match_outlet_exact(written: str, outlet: str, matched: str) -> None:
    match = match_outlet(written, OUTLETS)
    assert match is not None
    assert (match.outlet, match.matched, match.exact, match.score) == (outlet, matched, True, 100)


@pytest.mark.parametrize(
    ("written", "outlet"),
    [
        ("Rueters", "reuters"),
        ("Routers", "reuters"),
        ("Deutsche Welle's", "dw"),
        ("Al Jazira", "aljazeera"),
    ],
)
def test_match_outlet_near_miss(written: str, outlet: str) -> None:
    match = match_outlet(written, OUTLETS)
    assert match is not None and match.outlet == outlet
    if not match.exact:
        assert FUZZY_THRESHOLD <= match.score < 100


@pytest.mark.parametrize("written", ["Moscow", "Router", "Diploma", "Eurasian", "ap", "", "Welle"])
def test_match_outlet_rejects_unrelated_words(written: str) -> None:
    assert match_outlet(written, OUTLETS) is None


def test_match_outlet_without_outlets() -> None:
    assert match_outlet("Reuters", []) is None


def test_transliteration_skeleton() -> None:
    assert skeleton("Khabarov") == skeleton("Habarov")
    assert skeleton("Qasimov") == skeleton("Kasimov")
    assert skeleton("Tschernow") != skeleton("Kasimov")


def test_short_outlet_alias_is_case_sensitive_in_text() -> None:
    outlets = [Outlet(id="ap", name="Associated Press", alternate_name=["AP"])]
    evidence = extract("The AP said so.\nThe map of the ap area.\n", outlets)
    assert [(m.span.line, m.span.text) for m in evidence.outlets] == [(1, "AP")]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("It happened on August 27, 2024 in the city.", DateKind.ABSOLUTE, "2024-08-27"),
        ("Signed 27 August 2024.", DateKind.ABSOLUTE, "2024-08-27"),
        ("Am 27. August 2024 war es.", DateKind.ABSOLUTE, "2024-08-27"),
        ("El 27 de agosto de 2024 hubo.", DateKind.ABSOLUTE, "2024-08-27"),
        ("Il 27 agosto 2024 è.", DateKind.ABSOLUTE, "2024-08-27"),
        ("27 Ağustos 2024 tarihinde.", DateKind.ABSOLUTE, "2024-08-27"),
        ("Dated 27.08.2024 here.", DateKind.ABSOLUTE, "2024-08-27"),
        ("At 2024-08-27T10:00Z it began.", DateKind.ABSOLUTE, "2024-08-27"),
        ("On 31/12/2023 it ended.", DateKind.ABSOLUTE, "2023-12-31"),
        ("Since August 2024 things changed.", DateKind.MONTH_YEAR, "2024-08"),
        ("Held on August 9 in the capital.", DateKind.YEARLESS, None),
        ("Held on 9 August in the capital.", DateKind.YEARLESS, None),
        ("It was said two years ago by many.", DateKind.RELATIVE, None),
        ("It opened earlier this month.", DateKind.RELATIVE, None),
        ("They met last September.", DateKind.RELATIVE, None),
        ("They met recently.", DateKind.RELATIVE, None),
    ],
)
def test_date_forms(text: str, kind: DateKind, value: str | None) -> None:
    [mention] = extract(text).dates
    assert (mention.kind, mention.value) == (kind, value)
    assert text[mention.span.start : mention.span.end] == mention.span.text


@pytest.mark.parametrize(
    "text",
    [
        "You may go now.",  # 'may' lowercase is a verb
        "February 30, 2024 is not a day.",  # validated with datetime
        "Call 12/12/2024x now.",
        "The march 5 miles long.",
    ],
)
def test_non_dates(text: str) -> None:
    assert all(d.kind is not DateKind.ABSOLUTE for d in extract(text).dates)
    if "may" in text or "march" in text:
        assert extract(text).dates == ()


def test_ambiguous_slash_date_claims_no_value() -> None:
    [mention] = extract("Filed 05/06/2024 late.").dates
    assert mention.kind is DateKind.ABSOLUTE and mention.value is None


def test_quotation_marks_of_several_languages() -> None:
    text = (
        "He said: «Un deux trois quatre».\n"
        "„Eins zwei drei vier“, sagte sie.\n"
        '"One two three four," said Ann Lee.\n'
    )
    quotes = extract(text).quotations
    assert [q.span.text for q in quotes] == [
        "Un deux trois quatre",
        "Eins zwei drei vier",
        "One two three four,",
    ]
    assert quotes[2].speaker == "Ann Lee"


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph() -> None:
    [quote] = extract("“This paragraph continues into the next one\n").quotations
    assert quote.span.text == "This paragraph continues into the next one"


def test_quotation_opened_after_a_colon_runs_to_the_paragraph_end() -> None:
    text = (
        "In an interview with Deutsche Welle, the minister explained the plan, saying: "
        '"We will build the bridge first. The road comes later.\n\n'
        '"Nobody should expect miracles before the winter."\n'
    )
    evidence = extract(text, OUTLETS)
    first = evidence.quotations[0]
    assert first.span.text == "We will build the bridge first. The road comes later."
    assert first.verb == "saying"
    assert first.given_to == "Deutsche Welle"


def test_short_unattributed_quotes_are_not_quotations() -> None:
    assert extract("The so-called “reset” failed.\n").quotations == ()


def test_sign_off_needs_a_name_alone_on_the_last_body_line() -> None:
    assert extract("Body text here.\nMaria Lopez\n").sign_offs[0].name == "Maria Lopez"
    assert extract("Body text here.\nRead more\n").sign_offs == ()
    assert extract("Maria Lopez wrote this long line of prose.\n").sign_offs == ()


def test_empty_and_blank_texts() -> None:
    for text in ("", "\n", "   \n\n\t\n"):
        evidence = extract(text)
        assert evidence.language is None
        assert evidence.headlines == evidence.dates == evidence.truncation == ()


def test_line_count() -> None:
    assert extract("a\nb\n").line_count == 2
    assert extract("a\nb").line_count == 2
    assert extract("").line_count == 0


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('aZ “”"«».,:;\n-0123456789AugustBy ')), max_size=300))
def test_spans_are_exact_on_arbitrary_text(text: str) -> None:
    check_spans(text, extract(text, OUTLETS))


def _stock_identifier() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_fast_language_identifier_scores_exactly_as_py3langid() -> None:
    # The numpy walk and scoring must give py3langid's own numbers, bit for bit.
    import numpy as np
    from evidence_support import FIXTURES

    from provenance.evidence.language import _identifier

    fast, stock = _identifier(), _stock_identifier()
    texts = ["", "1234", "x" * 300, "Ünïcödé – «quotes» 中文 " * 20]
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text("utf-8")
        texts += [text[:1500], text[-400:], *text.split("\n")[:5]]
    for text in texts:
        data = fast._encode(text)
        assert np.array_equal(fast._raw_score(data), stock._raw_score(data)), text[:60]  # type: ignore[attr-defined]
        assert fast.classify(text) == stock.classify(text)  # type: ignore[attr-defined]


def test_a_line_with_two_credits_gives_both() -> None:
    text = (
        "Body.\n\nTranslated from German by Jan Peters. Originally published in Nordsee Kurier.\n"
    )
    credits = extract(text).credits
    assert [(c.kind, c.target, c.language) for c in credits] == [
        ("translated-from", "German", "de"),
        ("originally-published", "Nordsee Kurier", None),
    ]


def test_lowercase_twin_reads_case_blind_text_as_ignorecase_does() -> None:
    # The relative-date pattern runs case-sensitively on lowercased text wherever the text
    # is case-blind: each of its letters must then match exactly what IGNORECASE matches.
    import re
    import sys

    from provenance.evidence.dates import _RELATIVE_SOURCE, case_blind, lowercase_twin

    every = map(chr, range(sys.maxunicode + 1))
    blind = "".join(c for c in every if c.isascii() or c.lower() == c == c.upper())
    assert case_blind(blind) and not any(case_blind(c) for c in "ıİſ\u212aÉéДд")
    lowered = blind.lower()
    assert len(lowered) == len(blind)
    letters = sorted({c for c in _RELATIVE_SOURCE if c.isalpha()} | {"'"})
    assert "ı" in letters  # the one letter IGNORECASE pairs with another
    for letter in letters:
        folded = [m.start() for m in re.finditer(re.escape(letter), blind, re.IGNORECASE)]
        twin = [m.start() for m in re.finditer(lowercase_twin(re.escape(letter)), lowered)]
        assert folded == twin, letter
    for shared_class in (r"\w", r"\s", r"\d"):
        in_blind = [m.start() for m in re.finditer(shared_class, blind)]
        assert in_blind == [m.start() for m in re.finditer(shared_class, lowered)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 2 YEARS AGO and again Last Week, “officials” said.",
        "Émile said prices rose 2 YEARS AGO and again Last Week, Ärzte said.",
    ],
)
def test_relative_dates_in_any_case(text: str) -> None:
    found = [(d.span.text, d.kind) for d in extract(text).dates]
    assert found == [("2 YEARS AGO", DateKind.RELATIVE), ("Last Week", DateKind.RELATIVE)]


@pytest.mark.parametrize(
    "first_line", ["Body text.", "İstanbul body text."]
)  # 'İ' lowercases to two
def test_in_sentence_credit_found_whether_or_not_lowercasing_keeps_offsets(first_line: str) -> None:
    text = f"{first_line}\nThe story was originally published in Nordsee Kurier.\n"
    [credit] = extract(text).credits
    assert (credit.kind, credit.target, credit.span.line) == (
        "originally-published",
        "Nordsee Kurier",
        2,
    )


_SCANNED_WORDS = ["may", "march", "ago", "last", "aujourd'hui", "hui", "news.az", "x", "_", "2024"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SCANNED_WORDS), st.sampled_from(["", " ", "'", "-", ".", "\n", "_"])
        ),
        max_size=8,
    ),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_scans_opened_by_a_boundary_find_what_the_look_behind_pattern_finds(
    pieces: list[tuple[str, str]], a: int, b: int
) -> None:
    from provenance.evidence.dates import _AFTER_BREAK, _MONTH_OR_ANCHOR, trie
    from provenance.evidence.text import boundary_spans, word_patterns

    text = "".join(word + gap for word, gap in pieces)
    start, stop = sorted((min(a, len(text)), min(b, len(text))))
    expected = [m.span() for m in _MONTH_OR_ANCHOR.finditer(text, start, stop)]
    assert boundary_spans(_MONTH_OR_ANCHOR, _AFTER_BREAK, text, start, stop) == expected
    # outlet keys: words, a domain, several words
    plain, opened = word_patterns(r"\w.-", rf"{trie(['news.az', 'may ago', 'x'])}(?![\w-]|\.\w)")
    expected = [m.span() for m in plain.finditer(text, start, stop)]
    assert boundary_spans(plain, opened, text, start, stop) == expected


def test_outlet_keys_ending_off_the_boundary_are_still_found_back_to_back() -> None:
    # 'Yahoo!' ends on a character a key may follow: a scan that consumed the character
    # before each key ('+') would miss the second outlet, so the index does not use one.
    outlets = [
        Outlet(id="y", name="Yahoo!", alternate_name=[], domains=[]),
        Outlet(id="p", name="+Plus News", alternate_name=[], domains=[]),
    ]
    found = extract("Seen on Yahoo!+Plus News today.\n", outlets).outlets
    assert [(m.span.text, m.match.outlet) for m in found] == [("Yahoo!", "y"), ("+Plus News", "p")]


def test_build_validates_as_the_constructor_does() -> None:
    from pydantic import ValidationError

    from provenance.evidence.model import Span, build

    fields = {"line": 2, "column": 1, "start": 5, "end": 8, "text": "abc"}
    built = build(Span, fields)
    assert built == Span(**fields) and built.model_fields_set == set(fields)
    with pytest.raises(ValidationError):
        build(Span, {**fields, "line": "second"})
    with pytest.raises(ValidationError):
        build(Span, {**fields, "extra": 1})
