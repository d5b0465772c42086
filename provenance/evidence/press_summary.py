"""A press summary: a page whose lede says what another outlet wrote in an article of its
own ('The British Economist, in its article "...", writes that ...', 'Британський Economist
у статті ... пише', '«El Mundo» schreibt in einem Kommentar'). The text is that outlet's
article, retold (and often translated): a credit, where 'AFP reported' in a news item is a
citation of a fact.

Read only in the headline and the lede (the first lines before the body), and only when
the sentence names an article and a writing verb and the named outlet is one the tool
knows (provenance/data/outlets.json): a capitalised phrase beside 'writes' is not enough.
"""

from __future__ import annotations

import re

from provenance import knowledge
from provenance.evidence.credit_phrases import Hit
from provenance.evidence.dates import trie
from provenance.evidence.model import CreditKind
from provenance.evidence.text import Line

LEDE_LINES = 4
MAX_WINDOW = 6  # words between the outlet's name and the verb or the article word

# 'writes', in the languages the corpus of press reviews is written in (present and past).
WRITING = frozenset(
    (
        "writes wrote schreibt schrieb écrit escribe escribió scrive scriveva escreve "
        "escreveu pisze pisał пишет писал написала написал пишут пише писав написав пишуть "
        "yazıyor yazdı yazır yazıb يكتب تكتب كتبت كتب نوشت می‌نویسد مینویسد"
    ).split()
)
# 'an article', 'an editorial', 'a commentary' (the cases a preposition governs).
ARTICLE = frozenset(
    (
        "article articles editorial commentary column op-ed artikel beitrag kommentar "
        "leitartikel éditorial chronique artículo editorial columna articolo editoriale "
        "artigo artykule artykuł статье статья статті стаття публикации публікації "
        "makalesinde makale məqaləsində məqalə مقال مقالة مقاله یادداشت"
    ).split()
)
# The words as a page's whitespace-split tokens hold them (a comma or a stop may cling):
# a text holding none of one list has no press summary, whatever its lines say.
_TRAILING = ("", ",", ".", ":", ";", '"', "»", "”")
WRITING_TOKENS = frozenset(word + mark for word in WRITING for mark in _TRAILING)
ARTICLE_TOKENS = frozenset(word + mark for word in ARTICLE for mark in _TRAILING)
CUE_TOKENS = WRITING_TOKENS | ARTICLE_TOKENS

# Both lists as one scan of a line: most ledes hold neither, and need no tokenising.
_CUE = re.compile(rf"(?<![\w])(?:{trie(sorted(WRITING | ARTICLE))})(?![\w])")
_WORD = re.compile(r"[^\s«»\"“”„'’()\[\]:;,.!?]+")


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _outlet_near(
    words: list[tuple[int, int, str]], anchor: int
) -> tuple[int, int, knowledge.KnownOutlet] | None:
    """A known outlet named by one to three words within MAX_WINDOW words of ``anchor``,
    nearest first: (start, end, outlet)."""
    order = sorted(range(len(words)), key=lambda index: abs(index - anchor))
    for index in order:
        if abs(index - anchor) > MAX_WINDOW:
            break
        for size in (3, 2, 1):
            window = words[index : index + size]
            if len(window) < size or not window[0][2][:1].isupper():
                continue
            name = " ".join(word for _start, _end, word in window)
            known = knowledge.by_name(name)
            if known is not None:
                return window[0][0], window[-1][1], known
    return None


def press_summary_hit(line: Line) -> Hit | None:
    """The outlet whose article the line retells, as a SOURCE credit on the line."""
    cues = {match.group() for match in _CUE.finditer(line.text.casefold())}
    if not (cues & WRITING and cues & ARTICLE):
        return None
    words = _words(line.text)
    lowered = [word.casefold() for _start, _end, word in words]
    verbs = [index for index, word in enumerate(lowered) if word in WRITING]
    articles = [index for index, word in enumerate(lowered) if word in ARTICLE]
    if not verbs or not articles:
        return None
    # The outlet stands by its verb ('X writes') or by its article ('X, in its article').
    for anchor in sorted({*verbs, *articles}):
        found = _outlet_near(words, anchor)
        if found is not None:
            start, end, known = found
            if known.category == knowledge.KnowledgeCategory.NEWS_AGENCY:
                return None  # 'Reuters writes': wire reporting, cited, not retold
            return Hit(CreditKind.SOURCE, start, end, line.text[start:end])
    return None


def press_summary_hits(
    content: tuple[Line, ...], tokens: frozenset[str] | None = None
) -> list[tuple[Line, Hit]]:
    """Press-summary credits in the headline and the lede. ``tokens``: the cue words the
    whole text holds (of ``CUE_TOKENS``), when known: none of either list, no summary."""
    if tokens is not None and (
        tokens.isdisjoint(WRITING_TOKENS) or tokens.isdisjoint(ARTICLE_TOKENS)
    ):
        return []
    found: list[tuple[Line, Hit]] = []
    for line in content[:LEDE_LINES]:
        hit = press_summary_hit(line)
        if hit is not None:
            found.append((line, hit))
            break
    return found
