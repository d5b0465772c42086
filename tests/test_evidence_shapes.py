"""Adversarial text shapes give bounded, sane evidence (issue 16): the caps that keep
extraction linear in time and memory, each shown at work, and the out-of-memory exit.

Speed itself is measured by benchmarks/shapes.py (figures in docs/performance.md), not here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import app
from provenance.evidence import byline as byline_module
from provenance.evidence import dates, extract, headline, names, quotes
from provenance.evidence.text import MAX_LINES, Source, beyond_max_lines
from tests.test_hardening_resources import run_capped

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import shapes


def test_only_the_first_max_lines_are_read_and_the_line_count_is_whole() -> None:
    text = "\n".join(f"line {i}" for i in range(MAX_LINES + 50)) + "\n"
    source = Source(text)
    assert source.capped
    assert len(source.content) == MAX_LINES
    assert source.content[-1].text == f"line {MAX_LINES - 1}"
    assert source.text.endswith(f"line {MAX_LINES - 1}")  # full-text scans read that prefix
    assert source.line_count == MAX_LINES + 50
    assert beyond_max_lines(text)


def test_blank_lines_do_not_count_towards_the_cap() -> None:
    text = "\n\n".join(f"line {i}" for i in range(MAX_LINES))
    source = Source(text)
    assert not source.capped and not beyond_max_lines(text)
    assert source.text == text and len(source.content) == MAX_LINES


def test_many_byline_lines_give_a_bounded_number_of_bylines() -> None:
    evidence = extract(shapes.byline_lines(400_000))
    assert 1 <= len(evidence.bylines) <= byline_module.MAX_MARKED_BYLINES + 30
    assert evidence.bylines[0].names == ("Anna Berg", "Jonas Weller")
    assert len(evidence.headlines) <= headline.MAX_REPEATS + 1


def test_a_repeated_headline_is_marked_a_bounded_number_of_times() -> None:
    text = "\n".join(["Council Votes On The New Plan"] * 500)
    found = extract(text).headlines
    assert len(found) == headline.MAX_REPEATS + 1
    assert not found[0].repeated and all(h.repeated for h in found[1:])


def test_one_line_of_many_quotations_keeps_the_first_max_quotations() -> None:
    text = shapes.one_line_quotes(500_000)
    found = extract(text).quotations
    assert len(found) == quotes.MAX_QUOTATIONS
    assert found[0].speaker == "Anna Berg" and found[0].verb == "said"
    assert [q.span.start for q in found] == sorted(q.span.start for q in found)


def test_quotations_below_the_cap_are_all_found() -> None:
    text = " ".join(f'"We will vote on item {i}," said Anna Berg.' for i in range(300))
    assert len(extract(text).quotations) == 300


def test_thousands_of_capitalised_names_give_bounded_people_and_clusters() -> None:
    evidence = extract(shapes.many_names(600_000))
    assert 0 < len(evidence.people) <= names.MAX_MENTIONS
    assert all(m.span.text == m.name for m in evidence.people)


def test_quotation_marks_punctuation_and_digits_give_no_quotation_or_name() -> None:
    for shape in (shapes.quote_marks, shapes.punctuation, shapes.digits):
        evidence = extract(shape(200_000))
        assert evidence.quotations == () and evidence.people == () and evidence.bylines == ()


def test_the_cli_says_when_it_read_only_part_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "list.txt").write_text(shapes.short_lines(600_000), encoding="utf-8")
    result = CliRunner().invoke(app, ["evidence", str(tmp_path / "list.txt")])
    assert result.exit_code == 0, result.output
    assert f"only the first {MAX_LINES:,} were read" in result.stderr


def test_running_out_of_memory_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bylines.txt").write_text(shapes.byline_lines(20_000_000), encoding="utf-8")
    # 20 MB of text needs about 300 MB: 250 MB of address space lets the interpreter and
    # its libraries load and the text be read, and extraction run out.
    code, stderr, _ = run_capped(["evidence", "bylines.txt"], tmp_path, cap=250 * 1024 * 1024)
    assert code == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("error: "), stderr
    assert "out of memory" in stderr and "Traceback" not in stderr


def test_a_text_read_in_part_has_no_end_reading() -> None:
    # The last line read ends without a full stop and is a name: in a whole text, a cut
    # and a sign-off; here only where reading stopped.
    lines = ["The council met on Tuesday to vote on the plan." for _ in range(MAX_LINES - 2)]
    text = "\n".join([*lines, "and the vote was put off until", "Anna Berg", "More."])
    evidence = extract(text)
    assert evidence.sign_offs == ()
    assert all(cut.kind.value != "end" for cut in evidence.truncation)
    whole = extract("\n".join([*lines[:50], "and the vote was put off until the", "Anna Berg"]))
    assert whole.sign_offs[0].name == "Anna Berg"


def test_quotation_marks_past_max_openings_are_not_read() -> None:
    scare = "“a” " * quotes.MAX_OPENINGS
    text = scare + '"We will vote on the plan today," said Anna Berg.'
    assert extract(text).quotations == ()
    assert len(extract(scare[-400:] + text[len(scare) :]).quotations) == 1


def test_dates_past_max_month_words_are_not_read() -> None:
    text = "On 3 January 2020, they met. " * (dates.MAX_MONTH_WORDS + 10)
    found = extract(text).dates
    assert len(found) == dates.MAX_MONTH_WORDS
    assert found[0].value == "2020-01-03" and found[0].span.text == "3 January 2020"


def test_names_past_max_name_words_are_not_read() -> None:
    filler = "Zorvat " * names.MAX_NAME_WORDS
    assert extract(filler + "Anna Berg met them.").people == ()
    assert extract("Anna Berg met them. " + filler).people[0].name == "Anna Berg"


def test_glued_capitals_give_one_sign_per_prose_line() -> None:
    text = shapes.glued_capitals(20_000)
    evidence = extract(text)
    glued = [s for s in evidence.translations if "runs two words together" in s.reason]
    assert 0 < len(glued) <= text.count("\n") + 1
    assert len({sign.span.line for sign in glued}) == len(glued)


def test_a_long_word_beside_another_script_is_no_prose_in_two_scripts() -> None:
    # The run of letters is one word, not the six words of Latin prose the pairing needs.
    evidence = extract(shapes.one_word_two_scripts(20_000))
    assert not any(sign.basis.value == "parallel" for sign in evidence.translations)
