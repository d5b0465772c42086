"""One name in several romanisations: 'Zelensky', 'Zelenskyy' and 'Зеленский', 'Tokayev'
and 'Токаев', 'Djokovic' and 'Đoković' are one person written by different conventions,
not a garble. Other scripts are romanised by anyascii; what remains is how romanisation
systems differ from each other (BGN/PCGN, ISO 9, French, German, Serbo-Croatian), which no
library folds: a handful of spelling equivalences, each one a convention, applied alike to
both names before they are compared."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# (pattern, replacement) on lowercase ASCII, in order. Each pair is a convention seen in
# romanisations of one alphabet: the same letter written two ways.
_CONVENTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tsch|tch|tsh|ch", "ch"),  # German 'Tschaikowski', French 'Tchaïkovski' (ч)
        (r"sch|sh", "sh"),  # German 'Schostakowitsch' (ш)
        # 'Dzhokhar', Serbo-Croatian 'Džoković', 'Djokovic' (џ, ђ); 'Zhukov', French 'Joukov'
        # (ж): one sound, kept apart ('1') from the 'j' that writes a 'y'.
        (r"dzh|dz|dj|gj|zh", "1"),
        (r"kh", "h"),  # 'Khodorkovsky', 'Hodorkovsky' (х)
        (r"ks|x", "ks"),
        (r"ou", "u"),  # French 'Poutine' (у)
        (r"w", "v"),  # German 'Wladimir' (в)
        (r"(?<=[aeiou])[yj](?=[aeiou])", ""),  # 'Tokayev' / 'Токаев' (а-е)
        (r"^[yj](?=[aeiou])|(?<=[^aeiou])[yj](?=[aeiou])", "i"),  # 'Yuri', 'Juri', 'Iuri'
        (r"y", "i"),  # 'Zelensky' / 'Zelenskii' (ий, ый)
        (r"(.)\1+", r"\1"),  # 'Zelenskyy', 'Shahbazzov': doubled letters
    )
)
_LETTERS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=65_536)
def romanised_key(name: str) -> str:
    """The name romanised and folded over romanisation conventions: two names with one key
    are one name in two transliterations."""
    from anyascii import anyascii

    # anyascii writes 'Đ' as 'D'; the Serbo-Croatian convention it stands for is 'Dj'.
    ascii_name = anyascii(unicodedata.normalize("NFC", name).replace("Đ", "Dj").replace("đ", "dj"))
    # The soft and hard signs romanise as apostrophes, inside a word: not a word break.
    ascii_name = ascii_name.lower().replace("'", "").replace('"', "")
    words = []
    for word in _LETTERS.sub(" ", ascii_name).split():
        for pattern, replacement in _CONVENTIONS:
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(words)


def one_name(variants: list[str]) -> bool:
    """Whether the spellings are one name romanised several ways: their words agree, key for
    key, as far as they go from the last ('Zelenskyy' and 'Volodymyr Zelensky' do;
    'Shavkhat Mirziyoyev' and 'Shavkat Mirziyoyev' do not)."""
    keyed = [romanised_key(variant).split() for variant in variants]
    keyed = [words for words in keyed if words]
    if not keyed:
        return False
    first = keyed[0]
    for words in keyed[1:]:
        overlap = min(len(first), len(words))
        if first[-overlap:] != words[-overlap:]:
            return False
        first = first if len(first) >= len(words) else words
    return True
