"""An article the page presents as someone else's: an opening that says 'in this article,
Fareed Zakaria argues', 'Закария в своей статье', 'زكریا در این مقاله'. Translation and
digest sites introduce the pieces they carry this way; the person named wrote the text,
the host did not."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from provenance import knowledge
from provenance.evidence.byline import person_name, seen_lowercase
from provenance.evidence.text import opening_lines
from provenance.models import Outlet

OPENING_LINES = 8

# 'In this article', 'in his essay' and their kin. The person is named next to the phrase:
# after it in most languages, before it in Persian, Arabic, Turkish and Azerbaijani.
_PRESENTING = re.compile(
    r"\b(?:"
    r"in\s+(?:this|his|her|their)\s+(?:article|essay|piece|op-?ed|column|commentary|analysis)"
    r"|в\s+(?:этой|своей|данной)\s+(?:статье|колонке)|у\s+(?:цій|своїй)\s+(?:статті|колонці)"
    r"|in\s+(?:diesem|seinem|ihrem)\s+(?:artikel|beitrag|essay|gastbeitrag|text)"
    r"|dans\s+(?:cet|son)\s+(?:article|essai)|dans\s+(?:cette|sa)\s+(?:tribune|chronique)"
    r"|en\s+(?:este|su)\s+(?:artículo|ensayo)|en\s+esta\s+(?:columna|tribuna)"
    r"|n(?:este|o\s+seu)\s+(?:artigo|ensaio)|nesta\s+coluna"
    r"|in\s+questo\s+(?:articolo|saggio)|nel\s+suo\s+(?:articolo|saggio)"
    r"|w\s+(?:tym|swoim)\s+(?:artykule|tekście)"
    r"|bu\s+(?:makalede|yazısında|yazıda|məqalədə)|makalesinde|məqaləsində"
    r")\b"
    r"|في\s+(?:هذا|هذه)\s+(?:المقال|المقالة)|في\s+مقاله"  # ar
    r"|در\s+(?:این|اين)\s+(?:مقاله|نوشتار|یادداشت|نوشته)",  # fa
    re.IGNORECASE,
)
_CASED_NAME = re.compile(r"[^\W\d_][\w'’.-]*")
_UNCASED_WORD = re.compile(r"[^\s،,.:;؛()«»\"]+")


@dataclass(frozen=True)
class Presented:
    author: str
    line: str
    outlet: Outlet | None  # an outlet the opening names beside the author, other than the host


def _cased_name(words: Sequence[str], text: str, starts: int) -> str | None:
    """A name of two or three words beginning at one of the first ``starts`` words."""
    for size in (3, 2):
        for start in range(min(starts, len(words) - size + 1)):
            candidate = " ".join(words[start : start + size])
            name = person_name(candidate, cased=True)
            # 'Der Spiegel' is an outlet, however it is capitalised.
            if name and not seen_lowercase(text, [name]) and knowledge.by_name(name) is None:
                return name
    return None


def _name_after(line: str, end: int, text: str) -> str | None:
    # Next to the phrase, or after one verb ('In diesem Beitrag argumentiert X Y'); further
    # on, a name is more likely the article's subject than its author.
    return _cased_name(_CASED_NAME.findall(line[end:])[:4], text, starts=2)


def _name_before(line: str, start: int, text: str, opening: Sequence[str]) -> str | None:
    before = line[:start].rstrip(" ,،")
    last = _CASED_NAME.findall(before)[-3:]
    cased = _cased_name(last, text, starts=len(last))
    if cased is not None:
        return cased
    words = _UNCASED_WORD.findall(before)
    if not words or any(ch.isupper() or ch.islower() for ch in words[-1]):
        return None
    surname = words[-1]
    # A surname alone may be any word ('we in this article'): the opening must give the
    # whole name, as a line or clause that begins with it.
    full = re.compile(rf"(?:^|[.،,:؛])\s*(\S+\s+{re.escape(surname)})(?=\s*[،,])")
    for line_text in opening:
        found = full.search(line_text)
        if found:
            return found.group(1)
    return None


def presented_article(
    text: str, host: Outlet | None, outlets: Sequence[Outlet], bylined: Sequence[str] = ()
) -> Presented | None:
    """The author of an article the opening presents as another's; None when the opening
    presents none, or presents the page's own bylined author."""
    opening = opening_lines(text, OPENING_LINES)
    skip = host.id if host else None
    for line in opening:
        for found in _PRESENTING.finditer(line):
            author = _name_after(line, found.end(), text) or _name_before(
                line, found.start(), text, opening
            )
            if author is None or author in bylined:
                continue
            outlet = knowledge.outlet_named_in_lines(opening, outlets, skip)
            return Presented(author, line, outlet)
    return None
