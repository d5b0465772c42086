"""One person's name spelled differently across articles.

Names are blocked by the first and the last three letters of their last word (a garble
rarely changes both ends), compared only within a block, and joined with union-find: work
grows with the number of distinct names, not with their square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from provenance.models import Person
from provenance.results import NameVariants
from provenance.rules._common import fold, legitimate_spellings

MIN_SIMILARITY = 80
MAX_BLOCK = 400
# Slavic and Turkic surnames change form with gender (Ivanov / Ivanova, Aliyev / Aliyeva,
# Lavrentiy / Lavrentiya): two people, not a garble.
GENDERED_ENDINGS = (("", "a"), ("iy", "aya"), ("y", "aya"), ("i", "a"))


def gendered_pair(a: str, b: str) -> bool:
    """Whether two last names are the masculine and feminine forms of one family name."""
    for short, long in (sorted((a, b), key=len), sorted((b, a), key=len)):
        for masculine, feminine in GENDERED_ENDINGS:
            if (
                short.endswith(masculine)
                and short[: len(short) - len(masculine)] + feminine == long
            ):
                return True
    return False


def _folded_words(names_by_article: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The folded words of each distinct name: a name is written in many articles (at
    100,000 articles, a million mentions of about a tenth as many names)."""
    words: dict[str, list[str]] = {}
    for names in names_by_article.values():
        for name in names:
            if name not in words:
                words[name] = fold(name).split()
    return words


def cross_article_variants(
    names_by_article: Mapping[str, Iterable[str]], people: Sequence[Person]
) -> list[NameVariants]:
    """Groups of spellings of one last name used by two or more articles."""
    from rapidfuzz import fuzz

    words_of = _folded_words(names_by_article)
    usage: dict[str, Counter[str]] = defaultdict(Counter)  # last word -> {written name: count}
    articles: dict[str, set[str]] = defaultdict(set)  # last word -> article ids
    for article_id, names in names_by_article.items():
        for name in names:
            words = words_of[name]
            last = words[-1] if words else ""
            if len(last) >= 4:
                usage[last][name] += 1
                articles[last].add(article_id)
    blocks: dict[str, list[str]] = defaultdict(list)
    for last in sorted(usage):
        blocks["<" + last[:3]].append(last)
        blocks[">" + last[-3:]].append(last)
    parent = {last: last for last in usage}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if find(a) == find(b) or gendered_pair(a, b):
                    continue
                if fuzz.ratio(a, b) >= MIN_SIMILARITY:
                    parent[max(find(a), find(b))] = min(find(a), find(b))
    groups: dict[str, list[str]] = defaultdict(list)
    for last in sorted(usage):
        groups[find(last)].append(last)
    legitimate = legitimate_spellings(people)
    person_ids = {person.name: person.id for person in people}
    result = []
    for lasts in groups.values():
        if len(lasts) < 2:
            continue
        involved = set().union(*(articles[last] for last in lasts))
        if len(involved) < 2:
            continue  # within one article: the article's own name clusters report it
        written: Counter[str] = Counter()
        for last in lasts:
            written.update(usage[last])
        group = _group(written, involved, legitimate, person_ids)
        if group is not None:
            result.append(group)
    result.extend(_first_name_variants(names_by_article, people, words_of))
    return sorted(result, key=lambda v: (v.canonical, v.variants))


MIN_FIRST_NAME_SIMILARITY = 75


def _first_name_variants(
    names_by_article: Mapping[str, Iterable[str]],
    people: Sequence[Person],
    words_of: Mapping[str, list[str]],
) -> list[NameVariants]:
    """Full names that share a last name and differ by a near-miss first name across
    articles ('Zuhra Novruzova' / 'Zukra Novruzova')."""
    from rapidfuzz import fuzz

    by_last: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article_id, names in names_by_article.items():
        for name in names:
            words = words_of[name]
            if len(words) < 2 or len(words[0]) < 3:
                continue
            by_last[words[-1]][words[0]].add(article_id)
            written[(words[-1], words[0])][name] += 1
    legitimate = legitimate_spellings(people)
    person_ids = {person.name: person.id for person in people}
    found = []
    for last, firsts in sorted(by_last.items()):
        names = sorted(firsts)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if a[0] != b[0] or fuzz.ratio(a, b) < MIN_FIRST_NAME_SIMILARITY:
                    continue
                involved = firsts[a] | firsts[b]
                if len(involved) < 2:
                    continue
                spellings = written[(last, a)] + written[(last, b)]
                group = _group(spellings, involved, legitimate, person_ids)
                if group is not None:
                    found.append(group)
    return found


def _group(
    written: Counter[str],
    involved: set[str],
    legitimate: Mapping[str, str],
    person_ids: Mapping[str, str],
) -> NameVariants | None:
    """The spellings as one group, or None when each is a registered one of one person.
    The canonical name is the registered person's, else the most used spelling."""
    owners = {legitimate.get(fold(name)) for name in written}
    if None not in owners and len(owners) == 1:
        return None
    registered = sorted(owner for owner in owners if owner)
    canonical = registered[0] if len(registered) == 1 else written.most_common(1)[0][0]
    return NameVariants(
        canonical=canonical,
        variants=tuple(sorted(written)),
        articles=tuple(sorted(involved)),
        person=person_ids.get(canonical),
    )
