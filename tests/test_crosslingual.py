"""The anchors a translation keeps: figures, dates and people, in the order told."""

from __future__ import annotations

from provenance.crosslingual import anchors
from provenance.evidence import extract


def _written(text: str) -> list[str]:
    found = anchors(text, extract(text))
    return [text[found[i + 1] : found[i + 2]] for i in range(0, len(found), 3)]


def _keys(text: str) -> list[int]:
    return list(anchors(text, extract(text))[0::3])


def test_figures_agree_whatever_their_separators() -> None:
    assert _keys("Sales reached 1,200 units.") == _keys("Продажи достигли 1 200 единиц.")
    assert _keys("Sales reached 1,200 units.") == _keys("Die Verkäufe erreichten 1.200 Stück.")


def test_a_date_is_one_anchor_in_every_language() -> None:
    english = _keys("The vote was held on March 3, 2024 in the capital.")
    assert english == _keys("Голосование прошло 3 марта 2024 года в столице.")
    assert english == _keys("La votación se celebró el 3 de marzo de 2024 en la capital.")
    assert _written("The vote was held on March 3, 2024.") == ["March 3, 2024"]  # not 3 or 2024


def test_single_digits_are_no_anchors() -> None:
    assert _written("He has 3 cats and 4 dogs.") == []


def test_people_are_keyed_by_their_romanised_last_name() -> None:
    latin = _keys("Yesterday, President Volodymyr Zelensky met the mayor.")
    cyrillic = _keys("Вчера президент Владимир Зеленский встретился с мэром.")
    assert latin and latin == cyrillic
