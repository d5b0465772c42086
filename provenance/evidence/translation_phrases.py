"""How a text states that it is a translation, in many languages.

Each phrasing is one regex tried on one line (case-insensitive) with named groups:

- ``src``: the word after 'from' ('inglés', 'Englischen', 'haqqin.az'): a language name in
  the phrase's language, or else the original outlet;
- ``into``: the language the text was translated into;
- ``who``: the text after a translator cue, read for names;
- ``orig``: the text after 'published in', read for the original outlet;
- ``author``: the original's author ('X著').

Each phrasing has a shape that decides how sure a line must look to count as a statement
about this text (see ``translation._is_statement``):

- ``CREDIT``: a label ('Translation: X', 'Çeviren: X', '译者：X'): only where it opens the
  line or a segment of it;
- ``FROM``: 'translated from LANG': on a short line, at the page's edges, or opening a
  sentence;
- ``INTO``: 'translated into LANG': only when LANG is the page's language, never after an
  auxiliary ('has translated', 'hat ... übersetzt' describe someone else's work);
- ``CUE``: 'the translation of the article published in X': opening a line or after a cue
  ('Below is', 'Di seguito', 'Ниже');
- ``FIRST_PERSON``: a sentence in which the writer says the post is a translation;
- ``CJK``: a Han-script credit line ('X著 Y译', 'X 译'): short lines only.
"""

from __future__ import annotations

import re
from enum import Enum


class Shape(Enum):
    CREDIT = "credit"
    FROM = "from"
    INTO = "into"
    CUE = "cue"
    FIRST_PERSON = "first-person"
    CJK = "cjk"


# A word with the apostrophes and dots that a language name or a domain may hold.
_W = r"[^\W\d_][\w.'’-]*"
# The rest of a line after a translator cue, read for names.
_WHO = r"(?P<who>[^\n]{1,100})"
# The rest of a line after 'published in', read for the original outlet.
_ORIG = r"(?P<orig>[^\n]{1,100})"


def _OPT_WHO(by: str) -> str:
    """An optional 'by NAMES' after a phrasing, with ``by`` in the phrase's language."""
    return rf"(?:\s*,?\s+(?:{by})\s+{_WHO})?"


_COLON = r"\s*[:：]\s*"

# (language of the phrase, shape, pattern)
_PHRASES: tuple[tuple[str, Shape, str], ...] = (
    # English
    (
        "en",
        Shape.FROM,
        rf"\btranslat(?:ed|ion)\s+(?:from|out\s+of)\s+(?:the\s+)?(?P<src>{_W})"
        rf"(?:\s+(?:original|language|text|version))?{_OPT_WHO('by')}",
    ),
    ("en", Shape.INTO, rf"\btranslat(?:ed|ion)\s+into\s+(?P<into>{_W}){_OPT_WHO('by')}"),
    (
        "en",
        Shape.CREDIT,
        rf"\b(?:translated\s+by|translations?\s+by|translators?{_COLON}"
        rf"|translation{_COLON}|english\s+(?:translation|version)\s+by)\s*{_WHO}",
    ),
    (
        "en",
        Shape.FROM,
        rf"\bprovided\s+(?:it|this|the\s+(?:text|article|original))\s+in\s+"
        rf"(?P<src>{_W})",
    ),
    (
        "en",
        Shape.CUE,
        r"\b(?:is|as)\s+(?:an?|the|my|our)\s+(?:\w+\s+)?translation\s+of\s+"
        r"(?:an?|the)\s+(?:\w+\s+){0,3}?(?:article|text|piece|essay|column|interview|report|op-ed)"
        rf"(?:\s+[^\n]{{0,60}}?\b(?:published|appeared|ran)\s+(?:in|on|by|at)\s+{_ORIG})?",
    ),
    # Russian
    (
        "ru",
        Shape.FROM,
        rf"\b(?:перевод|переведено|переведена|переведен)\s+со?\s+(?P<src>{_W})"
        rf"(?:\s+языка)?{_OPT_WHO('[–—-]')}",
    ),
    (
        "ru",
        Shape.CREDIT,
        rf"(?:перевод|переводчик|переводчица|перевела|перев[её]л|перевели)"
        rf"(?:{_COLON}|\s+){_WHO}",
    ),
    (
        "ru",
        Shape.CUE,
        r"перевод\s+(?:статьи|материала|текста|колонки|интервью)\s+[^\n]{0,60}?"
        rf"(?:опубликованн\w+|вышедш\w+)\s+(?:в|на)\s+{_ORIG}",
    ),
    # Ukrainian
    (
        "uk",
        Shape.FROM,
        rf"\b(?:переклад|перекладено|перекладена)\s+(?:з|із)\s+(?P<src>{_W})"
        rf"(?:\s+мови)?",
    ),
    (
        "uk",
        Shape.CREDIT,
        rf"(?:переклад|перекладач|перекладачка|переклала|переклав|переклали)"
        rf"(?:{_COLON}|\s+){_WHO}",
    ),
    # German
    (
        "de",
        Shape.FROM,
        rf"\baus\s+dem\s+(?P<src>{_W})\s+(?:übersetzt|übertragen)"
        rf"{_OPT_WHO('von')}",
    ),
    ("de", Shape.FROM, rf"^aus\s+dem\s+(?P<src>{_W}ischen)\s+von\s+{_WHO}"),
    (
        "de",
        Shape.FROM,
        rf"\b(?:übersetzt|übersetzung)\s+aus\s+dem\s+(?P<src>{_W})"
        rf"{_OPT_WHO('von')}",
    ),
    ("de", Shape.INTO, rf"\b(?:übersetzt|übersetzung)\s+ins\s+(?P<into>{_W})"),
    (
        "de",
        Shape.CREDIT,
        rf"(?:übersetzung|übersetzt\s+von|übersetzer(?:in)?)(?:{_COLON}|\s+)"
        rf"{_WHO}",
    ),
    # French
    (
        "fr",
        Shape.FROM,
        rf"\btradu(?:it|ite|ction)\s+(?:de\s+l['’]\s*|du\s+|de\s+la\s+)"
        rf"(?P<src>{_W}){_OPT_WHO('par')}",
    ),
    (
        "fr",
        Shape.CREDIT,
        rf"(?:traduction|traduit\s+par|traduite\s+par|traducteur|traductrice)"
        rf"(?:{_COLON}|\s+){_WHO}",
    ),
    (
        "fr",
        Shape.CUE,
        r"traduction\s+(?:de\s+l['’]\s*|d['’]un\s+|du\s+)(?:article|entretien|"
        rf"éditorial|texte)\s+[^\n]{{0,60}}?(?:publié|paru)e?\s+(?:dans|sur|par)\s+{_ORIG}",
    ),
    # Spanish
    (
        "es",
        Shape.FROM,
        rf"\btraduc(?:ido|ida|ción)\s+(?:del\s+|de\s+la\s+|desde\s+el\s+)"
        rf"(?P<src>{_W})(?:\s+(?:para|en)\s+[^\n]{{1,40}}?)?{_OPT_WHO('por')}",
    ),
    (
        "es",
        Shape.CREDIT,
        rf"(?:traducción|traducido\s+por|traducida\s+por|traductor|traductora)"
        rf"(?:{_COLON}|\s+){_WHO}",
    ),
    (
        "es",
        Shape.CUE,
        r"traducción\s+del?\s+(?:artículo|texto|editorial|entrevista|la\s+columna)"
        rf"\s+[^\n]{{0,60}}?publicad[oa]\s+(?:en|por)\s+{_ORIG}",
    ),
    # Portuguese
    (
        "pt",
        Shape.FROM,
        rf"\btradu(?:zido|zida|ção)\s+(?:do\s+|da\s+)(?P<src>{_W})"
        rf"{_OPT_WHO('por')}",
    ),
    (
        "pt",
        Shape.CREDIT,
        rf"(?:tradução|traduzido\s+por|traduzida\s+por|tradutor|tradutora)"
        rf"(?:{_COLON}|\s+){_WHO}",
    ),
    (
        "pt",
        Shape.CUE,
        r"tradução\s+d[oa]\s+(?:artigo|texto|entrevista|editorial)\s+[^\n]{0,60}?"
        rf"publicad[oa]\s+(?:no|na|em|pel[oa])\s+{_ORIG}",
    ),
    # Italian
    (
        "it",
        Shape.FROM,
        rf"\btrad(?:otto|otta|uzione)\s+(?:dall['’]\s*|dal\s+|dallo\s+)"
        rf"(?P<src>{_W}){_OPT_WHO('da|di')}",
    ),
    (
        "it",
        Shape.CREDIT,
        rf"(?:traduzione(?:\s+a\s+cura)?\s+di|traduzione{_COLON}|tradotto\s+da"
        rf"|tradotta\s+da|traduttore|traduttrice){_COLON}?\s*{_WHO}",
    ),
    (
        "it",
        Shape.CUE,
        r"traduzione\s+dell['’]\s*(?:articolo|intervista|editoriale)\s+[^\n]{0,60}?"
        rf"(?:pubblicat[oa]|apparso|uscito)\s+(?:sul(?:la|lo|l['’])?|su|nel(?:la)?|dal(?:la)?)\s*"
        rf"{_ORIG}",
    ),
    # Polish
    (
        "pl",
        Shape.FROM,
        rf"\b(?:przetłumaczon\w*|tłumaczenie|przekład)\s+z\s+(?:języka\s+)?"
        rf"(?P<src>{_W})",
    ),
    (
        "pl",
        Shape.CREDIT,
        rf"(?:tłumaczenie|tłum\.|tłumacz|przetłumaczył[a]?|tłumaczył[a]?"
        rf"|przełożył[a]?)(?:{_COLON}|\s+){_WHO}",
    ),
    # Turkish
    ("tr", Shape.FIRST_PERSON, r"\bçevirisidir\b"),
    (
        "tr",
        Shape.FROM,
        rf"\b(?P<src>{_W}?)['’]?(?:den|dan|ten|tan)\s+(?:çevrilmiştir|çeviren"
        rf"|çeviri)\b(?:{_COLON}?\s*{_WHO})?",
    ),
    ("tr", Shape.CREDIT, rf"(?:çeviren|çeviri|çevirmen){_COLON}{_WHO}"),
    # Azerbaijani
    ("az", Shape.FROM, rf"\b(?P<src>{_W})\s+dilindən\s+tərcümə"),
    ("az", Shape.FROM, r"(?P<src>[\w.-]+?)[-‐'’]?(?:dan|dən|tan|tən)\s+tərcümə(?!\s+ed)"),
    ("az", Shape.CREDIT, rf"(?:tərcümə\s+edən|tərcüməçi|tərcümə){_COLON}?\s*{_WHO}"),
    # Dutch, Swedish, Danish/Norwegian
    ("nl", Shape.FROM, rf"\bvertaald\s+uit\s+het\s+(?P<src>{_W}){_OPT_WHO('door')}"),
    ("nl", Shape.CREDIT, rf"(?:vertaling|vertaald\s+door|vertaler){_COLON}?\s*{_WHO}"),
    ("sv", Shape.FROM, rf"\böversatt\s+från\s+(?P<src>{_W}){_OPT_WHO('av')}"),
    ("sv", Shape.CREDIT, rf"(?:översättning|översatt\s+av|översättare){_COLON}?\s*{_WHO}"),
    ("da", Shape.FROM, rf"\boversat\s+fra\s+(?P<src>{_W}){_OPT_WHO('af')}"),
    ("nb", Shape.FROM, rf"\boversatt\s+fra\s+(?P<src>{_W}){_OPT_WHO('av')}"),
    (
        "nb",
        Shape.CREDIT,
        rf"(?:oversettelse|oversættelse|oversatt\s+av|oversat\s+af)"
        rf"{_COLON}?\s*{_WHO}",
    ),
    # Czech, Slovak, Romanian, Hungarian, Finnish, Estonian
    ("cs", Shape.FROM, rf"\bpřeložen[oa]?\s+z\s+(?P<src>{_W})"),
    ("cs", Shape.CREDIT, rf"(?:překlad|přeložil[a]?|preklad|preložil[a]?){_COLON}?\s*{_WHO}"),
    ("ro", Shape.FROM, rf"\b(?:tradus|tradusă|traducere)\s+din\s+(?:limba\s+)?(?P<src>{_W})"),
    ("ro", Shape.CREDIT, rf"(?:traducere(?:a)?|tradus\s+de|traducător){_COLON}?\s*{_WHO}"),
    ("hu", Shape.CREDIT, rf"(?:fordította|fordítás|fordító){_COLON}?\s*{_WHO}"),
    ("fi", Shape.CREDIT, rf"(?:suomentanut|suomennos|käännös|kääntänyt){_COLON}?\s*{_WHO}"),
    ("et", Shape.CREDIT, rf"(?:tõlkinud|tõlge|tõlkija){_COLON}?\s*{_WHO}"),
    # South Slavic in Cyrillic and Latin script
    ("bg", Shape.FROM, rf"\bпреведено\s+(?:от|са|с)\s+(?P<src>{_W})"),
    (
        "sr",
        Shape.CREDIT,
        rf"(?:превод|превео|превела|prijevod|prevod|preveo|prevela)"
        rf"{_COLON}?\s*{_WHO}",
    ),
    ("hr", Shape.FROM, rf"\b(?:prevedeno|prijevod|prevod)\s+(?:s|sa|iz)\s+(?P<src>{_W})"),
    # Greek, Hebrew
    ("el", Shape.CREDIT, rf"(?:μετάφραση|μεταφραστής){_COLON}{_WHO}"),
    ("el", Shape.FROM, rf"\bμετάφραση\s+από\s+τα\s+(?P<src>{_W})"),
    ("he", Shape.CREDIT, rf"(?:תרגום|תרגם|תרגמה|מתרגם){_COLON}?\s*{_WHO}"),
    # Indonesian/Malay, Vietnamese
    ("id", Shape.FROM, rf"\bditerjemahkan\s+dari\s+(?:bahasa\s+)?(?P<src>{_W})"),
    ("id", Shape.CREDIT, rf"(?:penerjemah|alih\s+bahasa|diterjemahkan\s+oleh){_COLON}?\s*{_WHO}"),
    ("vi", Shape.FROM, r"\bdịch\s+từ\s+(?P<src>tiếng\s+\w+)"),
    ("vi", Shape.CREDIT, rf"(?:người\s+dịch|dịch\s+giả|biên\s+dịch){_COLON}{_WHO}"),
    # Arabic, Persian
    ("ar", Shape.FROM, r"(?:ترجمة|مترجم|مترجمة|نقلا)\s+(?:عن|من)\s+(?:اللغة\s+)?(?P<src>\S+)"),
    ("ar", Shape.CREDIT, rf"(?:ترجمة|المترجم|مترجم|ترجمها|ترجمه){_COLON}{_WHO}"),
    ("fa", Shape.FROM, r"(?:ترجمه|برگردان)\s+از\s+(?:زبان\s+)?(?P<src>\S+)"),
    ("fa", Shape.CREDIT, rf"(?:ترجمه|مترجم|برگردان){_COLON}{_WHO}"),
    ("fa", Shape.FIRST_PERSON, r"(?:این|امروز)[^\n]{0,40}به\s+ترجمه[^\n]{0,80}اختصاص"),
    # Hindi
    ("hi", Shape.FROM, r"(?:मूल\s+)?(?P<src>\S+)\s+से\s+(?:हिंदी\s+में\s+)?अनुवाद"),
    ("hi", Shape.CREDIT, rf"(?:अनुवाद|अनुवादक)\s*[:：—–-]\s*{_WHO}"),
    # Chinese, Japanese, Korean
    ("zh", Shape.CREDIT, rf"(?:翻译|翻譯|译者|譯者|编译|編譯|译|譯){_COLON}{_WHO}"),
    ("zh", Shape.FROM, r"(?:译|譯|翻译|翻譯)自\s*(?P<src>[^\s，,。；;:：]{1,30})"),
    (
        "zh",
        Shape.CJK,
        r"^(?:(?P<author>[^\s著]{2,20}?)\s*\d*\s*著\s*)?"
        r"(?P<who>[^\s著译譯][^著译譯]{0,40}?)\s*\d*\s*[译譯]$",
    ),
    ("ja", Shape.CREDIT, rf"(?:翻訳|訳者|訳){_COLON}{_WHO}"),
    ("ko", Shape.CREDIT, rf"(?:번역|옮긴이|역자){_COLON}{_WHO}"),
)

PHRASES: tuple[tuple[str, Shape, re.Pattern[str]], ...] = tuple(
    (language, shape, re.compile(pattern, re.IGNORECASE)) for language, shape, pattern in _PHRASES
)

# Lowercase substrings one of which every phrasing of a language holds: lines without any
# are skipped. A statement about a text is written in its language or in English, so a page
# is searched for English words and those of its own language (its script's, when a
# detector may confuse neighbours: Russian, Ukrainian, Bulgarian, Serbian).
PREFILTER: dict[str, tuple[str, ...]] = {
    "en": ("translat", "provided it in", "provided this in"),
    "ru": ("перев",),
    "uk": ("перекл", "перев"),
    "be": ("перекл", "перев"),
    "bg": ("превод", "преведено", "перев"),
    "mk": ("превод", "преведено"),
    "sr": ("превод", "превео", "превела", "prevod", "preveo", "prevela"),
    "hr": ("prijevod", "prevod", "preveo", "prevela", "prevedeno"),
    "bs": ("prijevod", "prevod", "preveo", "prevela", "prevedeno"),
    "de": ("übersetz", "übertrag", "ischen von"),
    "fr": ("tradu",),
    "es": ("tradu",),
    "pt": ("tradu",),
    "it": ("tradu", "tradott"),
    "ro": ("tradu",),
    "ca": ("tradu",),
    "gl": ("tradu",),
    "pl": ("tłum", "przekład", "przełoży"),
    "tr": ("çevir",),
    "az": ("tərcümə",),
    "nl": ("vertaal", "vertaling"),
    "sv": ("översät", "översatt"),
    "da": ("oversat", "oversætt"),
    "no": ("oversatt", "oversett", "oversætt"),
    "nb": ("oversatt", "oversett", "oversætt"),
    "cs": ("překlad", "přelož"),
    "sk": ("preklad", "prelož"),
    "hu": ("fordít",),
    "fi": ("suomen", "käännö", "käänt"),
    "et": ("tõlk", "tõlge"),
    "el": ("μετάφρα",),
    "he": ("תרגו", "תרגם", "מתרגם"),
    "id": ("terjemah", "alih bahasa"),
    "ms": ("terjemah", "alih bahasa"),
    "vi": ("dịch",),
    "ar": ("ترجم", "نقلا عن"),
    "fa": ("ترجم", "برگردان"),
    "ur": ("ترجم",),
    "hi": ("अनुवाद",),
    "zh": ("译", "譯"),
    "ja": ("訳", "翻訳"),
    "ko": ("번역", "옮긴이", "역자"),
}
# The phrasings of neighbouring languages a page's language also reads.
PHRASE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ru": ("ru", "uk"),
    "uk": ("uk", "ru"),
    "be": ("ru", "uk"),
    "bg": ("bg", "sr", "ru"),
    "mk": ("bg", "sr"),
    "sr": ("sr", "hr"),
    "hr": ("hr", "sr"),
    "bs": ("hr", "sr"),
    "no": ("nb", "da"),
    "nb": ("nb", "da"),
    "da": ("da", "nb"),
    "sk": ("cs",),
    "ms": ("id",),
    "ur": ("fa", "ar"),
    "ca": ("es", "fr"),
    "gl": ("es", "pt"),
}


# Words that open a sentence announcing what follows: 'Below is the translation of ...'.
CUE_WORDS = re.compile(
    r"(?:below|here|following|what\s+follows|ниже|далее|nachfolgend|im\s+folgenden|voici"
    r"|ci-dessous|a\s+continuación|abajo|a\s+seguir|segue|di\s+seguito|ecco|qui\s+di\s+seguito"
    r"|poniżej|aşağıda|ниже\s+приводим)\b",
    re.IGNORECASE,
)

# An auxiliary or subject that makes 'translated' narrate someone's act rather than credit
# this text: 'X has translated', 'hat ... übersetzt', 'a traduit', 'ha tradotto', 'перевёл он'.
NARRATIVE = re.compile(
    r"\b(?:has|have|had|hat|hatte|haben|hatten|a|ont|avait|ha|han|había|hanno|aveva|heeft"
    r"|hebben|har|hade|[Yy]azını|текст|статью|the\s+text|den\s+text|le\s+texte|el\s+texto)\b"
    r"[^.!?\n]{0,40}$",
)

# Words that point at this text: 'This article was translated from ...'.
DEIXIS = re.compile(
    r"\b(?:this|the\s+following)\s+(?:article|text|piece|post|story|interview|essay|column"
    r"|report|op-ed|translation)\b|\bdieser\s+(?:artikel|text|beitrag)\b|\bcet\s+article\b"
    r"|\beste\s+(?:artículo|texto|artigo)\b|\bquesto\s+articolo\b|\bэт(?:а|от)\s+(?:статья|текст)\b"
    r"|\bbu\s+(?:yazı|makale|haber)\b|\bten\s+(?:artykuł|tekst)\b",
    re.IGNORECASE,
)

# Language names a locale's table lacks or spells otherwise in running text.
EXTRA_LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "zh": {"英文": "en", "俄文": "ru", "中文": "zh", "法文": "fr", "德文": "de", "日文": "ja"},
    "ar": {"الانجليزية": "en", "الإنكليزية": "en", "الانكليزية": "en"},
    "hi": {"अंग्रेजी": "en"},
    "az": {"rusca": "ru", "ingiliscə": "en"},
    "en": {"farsi": "fa", "mandarin": "zh", "azeri": "az"},
}
