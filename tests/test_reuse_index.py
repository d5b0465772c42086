"""The reuse index's numpy steps against plain Python, and what find_reuse shows."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import numpy as np
import pytest

from provenance.models import Article
from provenance.results import SharedPassage
from provenance.reuse import (
    MAX_POSTINGS,
    ReuseInput,
    ReuseMaterial,
    _Days,
    _join,
    find_reuse,
    key_postings,
    likely_source,
    pair_counts,
    reuse_material,
)


def _ints(values: list[int]) -> np.ndarray:
    return np.array(values, dtype=np.int64)


@pytest.mark.parametrize("seed", range(6))
def test_pair_counts_are_those_of_every_pair_of_every_posting_list(seed: int) -> None:
    rng = random.Random(seed)
    keys, owners = [], []
    for owner in range(rng.randint(0, 80)):  # owners ascending, as the callers give them
        for key in rng.sample(range(60), rng.randint(0, 12)):
            keys.append(key)
            owners.append(owner)
    if rng.random() < 0.5:  # a key over the cap, which must not count
        keys += [99] * (MAX_POSTINGS + 1)
        owners = [*owners, *range(len(owners), len(owners) + MAX_POSTINGS + 1)]
    held: dict[int, list[int]] = {}
    for key, owner in zip(keys, owners, strict=True):
        held.setdefault(key, []).append(owner)
    expected = Counter(
        pair
        for holders in held.values()
        if 1 < len(holders) <= MAX_POSTINGS
        for pair in combinations(sorted(holders), 2)
    )
    for minimum in (2, 3):
        a, b, counts = pair_counts(key_postings(_ints(keys), _ints(owners)), minimum)
        found = list(zip(a.tolist(), b.tolist(), counts.tolist(), strict=True))
        assert found == sorted((x, y, n) for (x, y), n in expected.items() if n >= minimum)


def test_pair_counts_need_a_minimum_of_two() -> None:
    with pytest.raises(ValueError):
        pair_counts(key_postings(_ints([1, 1]), _ints([0, 1])), 1)


def _groups_by_search(pairs: list[tuple[int, int]]) -> list[list[int]]:
    neighbours: dict[int, set[int]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    groups, seen = [], set()
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, todo = set(), [start]
        while todo:
            item = todo.pop()
            if item not in group:
                group.add(item)
                todo.extend(neighbours[item])
        seen |= group
        groups.append(sorted(group))
    return groups


@pytest.mark.parametrize("seed", range(8))
def test_join_finds_the_connected_groups(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.randint(1, 300)
    pairs: list[tuple[int, int]] = []
    for _ in range(size):
        a, b = sorted(rng.sample(range(size * 3), 2))
        pairs.append((a, b))
    if seed == 0:  # a long chain given from its far end: several rounds of pointers
        pairs = [(n, n + 1) for n in reversed(range(200))]
    joined = _join(_ints([a for a, _ in pairs]), _ints([b for _, b in pairs]))
    assert joined.members == _groups_by_search(pairs)
    for (a, b), group in zip(pairs, joined.group_of_pair.tolist(), strict=True):
        assert a in joined.members[group] and b in joined.members[group]


def test_join_of_nothing_is_no_group() -> None:
    joined = _join(_ints([]), _ints([]))
    assert joined.members == [] and len(joined.group_of_pair) == 0


def _article(number: int, date: str | None, original: bool = False) -> Article:
    chain = [] if original else [{"relation": "original", "publisher": "o", "datePublished": date}]
    return Article.model_validate(
        {
            "id": f"a{number}",
            "file": f"a{number}.txt",
            "copy": {"relation": "original" if original else "republished", "datePublished": date},
            "chain": chain,
        }
    )


EARLIEST_01 = "the earliest dated copy (2024-05-01)"
DECLARED = "the only copy declared an original"


@pytest.mark.parametrize(
    ("dates", "originals", "expected"),
    [
        (["2024-05-02", "2024-05-01", None], (), ("a1", EARLIEST_01, "low")),  # one undated
        (["2024-05-02", "2024-05-01"], (), ("a1", EARLIEST_01, "medium")),
        (["2024-05-01", "2024-05-01T09:00:00Z"], (), (None, None, None)),  # the same day
        (["2024-02-30", "2024-06"], (), ("a1", "the earliest dated copy (2024-06)", "low")),
        ([None, None], (), (None, None, None)),
        (["2024-05-01", "2024-05-02"], (0,), ("a0", DECLARED, "high")),
        ([None, "2024-05-02"], (0,), ("a0", DECLARED, "medium")),
        # A declared original dated after another copy cannot be that copy's source.
        (["2024-05-02", "2024-05-01"], (0,), ("a1", EARLIEST_01, "medium")),
        (["2024-05-02", "2024-05-01"], (0, 1), ("a1", EARLIEST_01, "medium")),
    ],
)
def test_likely_source_with_and_without_the_day_table(
    dates: list[str | None],
    originals: tuple[int, ...],
    expected: tuple[str | None, str | None, str | None],
) -> None:
    articles = [_article(n, date, n in originals) for n, date in enumerate(dates)]
    assert likely_source(articles) == expected
    days = _Days([_article(9, "2000-01-01"), *articles])  # indices shifted by one
    assert days.likely_source(list(range(1, len(articles) + 1))) == expected
    assert days.likely_source(list(range(1, len(articles) + 1))) == expected  # as kept


SHARED = [
    "The pipeline will carry twenty billion cubic metres of gas across the sea every year.",
    "Engineers said the first section would be finished before the winter storms arrived.",
    "Officials in both capitals declined to say how much the whole project would cost them.",
]


def _text(own: str, shared: list[str]) -> str:
    return f"{own}\nSomething said once here only.\n" + "\n".join(shared) + "\n"


def test_passages_are_shown_at_the_first_shared_sentence() -> None:
    own = [
        "Alpha wrote about the weather and the harvest in the valley for a long time now.",
        "Beta is a different opening sentence with more than twelve words in it for sure.",
        "Gamma shares nothing of substance with the others in this tiny test catalog here.",
    ]
    texts = [_text(own[0], SHARED), _text(own[1], SHARED[1:]), _text(own[2], [])]
    materials: list[ReuseMaterial | None] = [reuse_material(t, None) for t in texts]
    articles = [_article(n, f"2024-05-0{n + 1}") for n in range(3)]
    given = ReuseInput(articles, [f"a{n}.txt" for n in range(3)], materials, texts.__getitem__)
    [passage] = find_reuse(given)
    assert [c.article for c in passage.copies] == ["a0", "a1"]
    assert [c.text for c in passage.copies] == [SHARED[1], SHARED[1]]
    assert [(c.location.line, c.location.column) for c in passage.copies] == [(4, 1), (3, 1)]
    assert passage.reason == (
        "2 identical sentence(s) between them; source: the earliest dated copy (2024-05-01)"
    )


def test_no_text_and_no_quotation_share_nothing() -> None:
    articles = [_article(n, None) for n in range(3)]
    materials = [None, reuse_material("Short.", None), reuse_material("", None)]
    given = ReuseInput(articles, ["a", "b", "c"], materials, lambda _index: None)
    assert find_reuse(given) == []
    assert find_reuse(ReuseInput([], [], [], lambda _index: None)) == []


LONG_QUOTE = (
    "“We will not let the harbour close while the fishermen still depend on it for every "
    "catch they bring home in winter,” said Ines Moreau."
)


def _quotations(texts: list[str], dates: list[str | None]) -> list[SharedPassage]:
    from provenance.evidence import extract

    materials: list[ReuseMaterial | None] = [reuse_material(t, extract(t)) for t in texts]
    articles = [_article(n, date) for n, date in enumerate(dates)]
    given = ReuseInput(
        articles, [f"a{n}.txt" for n in range(len(texts))], materials, texts.__getitem__
    )
    return [s for s in find_reuse(given) if s.kind == "quotation"]


def test_a_source_that_credits_another_outlet_names_it_instead() -> None:
    told = LONG_QUOTE.replace("said Ines Moreau", "Ines Moreau told Reuters")
    found = _quotations(
        [f"Harbour\n\n{told}\n", f"Port news\n\n{LONG_QUOTE}\n"], ["2024-05-01", "2024-05-03"]
    )
    [quotation] = found
    assert quotation.likely_source is None
    assert quotation.credited_to == "Reuters"
    assert quotation.reason == "a0 says it was given to Reuters"


def test_a_fragment_of_a_long_quotation_is_not_the_same_quotation() -> None:
    fragment = "“the harbour close while the fishermen,” said Ines Moreau."
    found = _quotations(
        [f"Harbour\n\n{LONG_QUOTE}\n", f"Port news\n\nShe warned of {fragment}\n"],
        ["2024-05-01", "2024-05-03"],
    )
    assert found == []


def test_a_reworded_quotation_is_shown_with_a_similarity_below_100() -> None:
    reworded = (
        "“We will never let the harbour close while fishermen still depend on it for each "
        "catch they bring home during winter,” said Ines Moreau."
    )
    [quotation] = _quotations(
        [f"Harbour\n\n{LONG_QUOTE}\n", f"Port news\n\n{reworded}\n"], ["2024-05-01", "2024-05-03"]
    )
    assert 50 <= quotation.similarity < 100
    assert (quotation.likely_source, quotation.confidence) == ("a0", "medium")
