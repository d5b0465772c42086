"""One name in several romanisations is one person; a garble is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.transliteration import one_name, romanised_key
from tests.rulecases import CLEAN_TEXT, article, codes, run


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Zelensky", "Zelenskyy"),  # doubled letter
        ("Zelensky", "Зеленский"),  # Cyrillic and Latin
        ("Tokayev", "Токаев"),  # a 'y' between vowels
        ("Djokovic", "Đoković"),  # Serbo-Croatian dj / đ
        ("Džoković", "Djokovic"),  # dž / dj
        ("Tchaikovsky", "Чайковский"),  # French tch
        ("Khodorkovsky", "Ходорковский"),  # kh
        ("Zhukov", "Жуков"),  # zh
        ("Yuri", "Juri"),  # ju / yu
        ("Wladimir", "Vladimir"),  # German w
    ],
)
def test_romanisations_of_one_name_share_a_key(first: str, second: str) -> None:
    assert romanised_key(first) == romanised_key(second)
    assert one_name([first, second])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Anceschi", "Ancheski"),  # a garble of an Italian name
        ("Shahbazov", "Shabazov"),  # a letter lost
        ("Smith", "Smitt"),
        ("Chen", "Shen"),  # two Chinese surnames
        ("Novruzova", "Novruzov"),  # the feminine form: another person
        ("Shavkhat Mirziyoyev", "Shavkat Mirziyoyev"),  # the given name garbled
    ],
)
def test_garbles_and_other_names_do_not(first: str, second: str) -> None:
    assert not one_name([first, second])


def test_a_shortened_name_is_the_same_name() -> None:
    assert one_name(["Volodymyr Zelensky", "Zelenskyy", "Володимир Зеленський"])
    assert not one_name(["Volodymyr Zelensky", "Oleksandr Zelensky"])


def test_romanisations_in_one_text_are_not_a_name_variant_finding(tmp_path: Path) -> None:
    romanised = CLEAN_TEXT.replace(
        "Opponents said",
        "Volodymyr Zelensky praised the plan. Later Zelenskyy said it was overdue. Opponents said",
    )
    garbled = romanised.replace("Later Zelenskyy", "Later Zelinsky")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert "A004" not in codes(run(tmp_path / "a", [(article(), romanised)]).findings)
    assert "A004" in codes(run(tmp_path / "b", [(article(), garbled)]).findings)
