"""Visible signs that a text was copied with its credit removed or never given.

Four signs, each reported with a reason a reader can check on the page:

- an emptied credit slot: 'MOSCOW () -', where an agency tag once stood, or a 'Source:' label
  followed by nothing (or by 'the Internet', which names no source);
- an auto-posting or aggregation disclaimer that names no source ('auto-generated from a
  syndicated feed', 'fue publicado automáticamente');
- a wire-style dateline opening the body ('MOSCOW, October 12.') with no agency tag after it,
  on a page with no byline and no credit: the form agencies use, without the agency;
- a digest: several items, each a headline and a bare dated dateline, none bylined.

Only the emptied slot is reported on a page that credits its source: a credit elsewhere
answers the question the other signs raise. Everything here is cheap: datelines are looked
for on the first paragraphs (and, for the digest, on the lines where a date already found
by the dates extractor opens the line), labels and disclaimers on the lines that substring
prefilters pick out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from provenance.evidence.headline import looks_like_headline
from provenance.evidence.lexicon import WEEKDAYS
from provenance.evidence.model import (
    Credit,
    CreditKind,
    DateKind,
    DateMention,
    UncreditedKind,
    UncreditedSign,
    build,
)
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import UPPER, Line, Source
from provenance.knowledge import by_name

# Credits that name where the text came from: with one of these, the text is credited.
CREDITING_KINDS = frozenset(
    {
        CreditKind.FROM,
        CreditKind.SOURCE,
        CreditKind.AGENCY,
        CreditKind.AGENCY_DATELINE,
        CreditKind.REPUBLISHED,
        CreditKind.ORIGINALLY_PUBLISHED,
        CreditKind.FIRST_APPEARED,
        CreditKind.VIA,
        CreditKind.PARTNERSHIP,
    }
)
# What a source label says when it names no source at all ('Source: Internet', '来源：网络').
PLACEHOLDER_SOURCES = frozenset(
    {
        "internet",
        "the internet",
        "web",
        "the web",
        "online",
        "network",
        "open sources",
        "unknown",
        "n/a",
        "na",
        "none",
        "интернет",
        "сеть",
        "открытые источники",
        "неизвестно",
        "unbekannt",
        "desconocida",
        "desconocido",
        "inconnue",
        "inconnu",
        "sconosciuta",
        "desconhecida",
        "bilinmiyor",
        "网络",
        "互联网",
        "網路",
        "網絡",
        "网上",
        "未知",
        "不详",
    }
)

# --- the page's credits and bylines


def _names_a_source(credit: Credit) -> bool:
    return credit.kind in CREDITING_KINDS and credit.target.casefold() not in PLACEHOLDER_SOURCES


def credited(ctx: Context) -> bool:
    """The page credits its source somewhere (a placeholder 'Source: Internet' does not)."""
    found: tuple[Credit, ...] = ctx.get("credits")
    return any(_names_a_source(credit) for credit in found)


def _agency_named(ctx: Context) -> bool:
    """Any credit line ('© 2025 Reuters', a masthead) names a news agency: the wire copy's
    source is on the page, whatever form its credit takes."""
    found: tuple[Credit, ...] = ctx.get("credits")
    for credit in found:
        known = by_name(credit.target)
        if known is not None and known.category == "news-agency":
            return True
    return False


def _named_author(ctx: Context) -> bool:
    """A byline or a signed-off name: the page says who wrote it."""
    return bool(ctx.get("bylines")) or bool(ctx.get("sign_offs"))


def _sign(ctx: Context, start: int, end: int, kind: UncreditedKind, reason: str) -> UncreditedSign:
    return build(
        UncreditedSign, {"span": ctx.source.span(start, end), "kind": kind, "reason": reason}
    )


def _candidate_lines(source: Source, words: tuple[str, ...]) -> list[Line]:
    """The content lines that may hold one of ``words`` (lowercase): a few ``str.find``
    over the text; every line when lowercasing changes the text's length."""
    numbers = source.lines_holding(words)
    if numbers is None:
        return [line for line in source.content if any(w in line.text.lower() for w in words)]
    return [line for line in map(source.line, sorted(numbers)) if line.text]


# --- 1. emptied credit slots

# An agency tag emptied in place: '()', '( )', '(|)', '[ ]' before the dateline's dash, the
# bracket at the start of the text or after a space. Tried at each bracket the text holds.
_EMPTY_TAG = re.compile(r"[(\[](?<!\S.)\s{0,2}[|/\\_-]?\s{0,2}[)\]](?=\s{0,3}[-–—:]|\s{0,3}\.\s)")
MAX_DATELINE_HEAD = 80


def _empty_brackets(text: str) -> list[int]:
    """Where an empty bracket pair opens: a page holds few brackets, and a ``str.find`` per
    bracket costs far less than a regex pass over the whole text."""
    found: list[int] = []
    for opener in "([":
        at = text.find(opener)
        while at >= 0:
            if _EMPTY_TAG.match(text, at):
                found.append(at)
            at = text.find(opener, at + 1)
    return sorted(found)


def _emptied_tags(ctx: Context) -> list[UncreditedSign]:
    found: list[UncreditedSign] = []
    source = ctx.source
    for at in _empty_brackets(source.text):
        line = source.line_of(at)
        slot = _EMPTY_TAG.match(line.text, at - line.start)
        if slot is None or slot.start() > MAX_DATELINE_HEAD:
            continue
        head = line.text[: slot.start()]
        # A dateline's head: a place (and a date) with no bracket or sentence in it yet.
        if head and (not head[0].isupper() or any(c in head for c in "()[]!?")):
            continue
        found.append(
            _sign(
                ctx,
                line.start,
                line.start + slot.end(),
                UncreditedKind.EMPTY_CREDIT,
                f"the dateline '{line.text[: slot.end()]}' keeps an empty bracket where an "
                "agency's tag ('(AP)', '(Reuters)') stands in wire copy",
            )
        )
    return found


# Source labels of several languages; a label opens its line or a field ('| Source:').
_SOURCE_LABELS = (
    "source",
    "sources",
    "fuente",
    "fuentes",
    "fonte",
    "fontes",
    "quelle",
    "quellen",
    "источник",
    "источники",
    "джерело",
    "kaynak",
    "źródło",
    "mənbə",
    "bron",
    "nguồn",
    "المصدر",
    "منبع",
    "来源",
    "來源",
    "出处",
    "出典",
    "출처",
)
_PLURAL_LABELS = frozenset({"sources", "fuentes", "fontes", "quellen", "источники"})
_LABEL = re.compile(
    r"(?:^|(?<=[|•·;]\s)|(?<=[|•·;])|(?<=\s))[*_«\"(]{0,2}(?P<label>"
    + "|".join(sorted(_SOURCE_LABELS, key=len, reverse=True))
    + r")[*_]{0,2}\s?[:：][*_]{0,2}",
    re.IGNORECASE,
)
# The label's value runs to the end of the line, a field separator or the next 'Label:'.
_VALUE = re.compile(r"\s*(?P<value>.*?)\s*(?=[|•·]|\s+[^\s:：]{1,12}[:：]|$)")
_WIDE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")
PARAGRAPH_WORDS = 8


def _value_names_nothing(value: str) -> bool:
    bare = value.strip(" \t.,;:!?-–—_*()[]{}'\"«»“”/\\…·")
    return not bare or bare.casefold() in PLACEHOLDER_SOURCES


def _next_line_is_body(source: Source, line: Line) -> bool:
    """The line after an end-of-line label is no value: there is none, or it is prose."""
    following = next((c for c in source.content if c.number > line.number), None)
    return following is None or following.words >= PARAGRAPH_WORDS + 2


def _label_at(line: Line, label: re.Match[str]) -> bool:
    """Latin labels open the line or a field; a wide-script label may follow a space (a
    row of 'label:value' fields) but never a word ('Bildquelle:', '图片来源：')."""
    start = label.start("label")
    before = line.text[:start].rstrip('*_«"( ')
    if not before:
        return True
    if before[-1] in "|•·;":
        return True
    return bool(_WIDE.match(label.group("label"))) and line.text[start - 1].isspace()


def _label_lines(source: Source) -> list[Line]:
    """The lines where a colon follows a source label: a page has far fewer colons than
    the labels' spellings would cost in whole-text searches."""
    text = source.text
    numbers: dict[int, Line] = {}
    for colon in (":", "："):
        at = text.find(colon)
        while at >= 0:
            if text[max(0, at - 12) : at].rstrip(" *_").lower().endswith(_SOURCE_LABELS):
                line = source.line_of(at)
                numbers[line.number] = line
            at = text.find(colon, at + 1)
    return [numbers[number] for number in sorted(numbers)]


def _empty_source_labels(ctx: Context) -> list[UncreditedSign]:
    found: list[UncreditedSign] = []
    source = ctx.source
    for line in _label_lines(source):
        for label in _LABEL.finditer(line.text):
            if not _label_at(line, label):
                continue
            value_match = _VALUE.match(line.text, label.end())
            value = value_match.group("value") if value_match else ""
            if not _value_names_nothing(value):
                continue
            at_end = not value.strip() and not line.text[label.end() :].strip()
            if at_end:
                # 'Sources:' heads a list; 'Source:' alone may have its value on the next line.
                if label.group("label").lower() in _PLURAL_LABELS:
                    continue
                if not _next_line_is_body(source, line):
                    continue
            end = max(value_match.end() if value_match else 0, label.end())
            shown = line.text[label.start() : end].strip()
            said = f"names only '{value.strip()}'" if value.strip() else "is followed by nothing"
            found.append(
                _sign(
                    ctx,
                    line.start + label.start(),
                    line.start + end,
                    UncreditedKind.EMPTY_CREDIT,
                    f"the source label '{shown}' {said}: the slot for the text's source is "
                    "there, its source is not",
                )
            )
            break
    return found


# --- 2. auto-posting disclaimers

# Every spelling of automation holds one of these ('auto-generated', 'automáticamente',
# 'automatisch', 'автоматически', 'otomatik olarak', '自动发布'): six searches of the text.
_AUTOPOST_WORDS = ("auto", "syndicated feed", "автомат", "otomatik", "自动", "自動")
# The disclaimer itself: automation and a posting verb in either order, a few words apart.
_AUTOMATED = (
    r"(?:automatically|automáticamente|de\s+forma\s+automática|automaticamente"
    r"|automatiquement|automatisch|автоматически|автоматично|automatycznie|otomatik\s+olarak)\b"
    r"|auto[-\s]|auto(?=generated|published|posted)"  # 'auto-generated', 'autopublished'
)
_POSTED = (
    r"(?:generated|published|posted|imported|aggregated|fetched|created|pulled|added"
    r"|publicad[oa]s?|generad[oa]s?|importad[oa]s?|pubblicat[oa]|generat[oa]|importat[oa]"
    r"|gerad[oa]s?|publié(?:e|s|es)?|générée?s?|importée?s?|übernommen|veröffentlicht"
    r"|erstellt|generiert|importiert|eingestellt|опубликован\w*|добавлен\w*|импортирован\w*"
    r"|сгенерирован\w*|размещ[её]н\w*|опубліковано|опублікован\w*|додано|згенерован\w*"
    r"|opublikowan\w*|wygenerowan\w*|dodan\w*|yayınlan\w*|oluşturul\w*|eklen\w*)"
)
_DISCLAIMER = re.compile(
    rf"(?:\b(?:{_AUTOMATED})\s*(?:\S+\s+){{0,6}}?{_POSTED}\b"
    rf"|\b{_POSTED}\s+(?:\S+\s+){{0,2}}?(?:{_AUTOMATED})"
    r"|\b(?:published|generated|posted|taken)\s+(?:directly\s+)?from\s+(?:a|an|the)\s+"
    r"(?:syndicated|news|wire|agency|rss)\s+feed\b"
    r"|(?:自动|自動)(?:发布|發布|生成|采集|採集|抓取|转载|轉載|聚合|配信))",
    re.IGNORECASE,
)
# A disclaimer speaks of the page ('this story', 'Dieser Artikel', 'Disclaimer:'), or of a
# feed; a sentence in a report about automation does neither.
_ABOUT_THE_PAGE = re.compile(
    r"\b(?:this|the)\s+(?:story|article|post|news|content|item|report|entry|text)\b"
    r"|\b(?:disclaimer|note|hinweis|aviso|nota|remarque|примечание|feed|rss|syndicat\w*"
    r"|newsfeed|newskanal|ticker|лент\w|канал\w*)\b"
    r"|\b(?:este|esta|el|la)\s+(?:artículo|noticia|contenido|entrada|nota)\b"
    r"|\b(?:dieser|diese|dieses|der|die|das)\s+(?:artikel|beitrag|meldung|nachricht|text)\b"
    r"|\b(?:cet|cette|l'|l’)\s*(?:article|billet|dépêche|contenu)\b"
    r"|\b(?:questo|questa|l'|l’)\s*(?:articolo|notizia|contenuto)\b"
    r"|\b(?:este|esta|o|a)\s+(?:artigo|notícia|conteúdo)\b"
    r"|\b(?:эта|этот|данн\w+)?\s*(?:стать\w|материал\w*|новост\w|запис\w|публикаци\w)"
    r"|\b(?:ця|цей)\s+(?:стат\w+|матеріал\w*|новин\w+)"
    r"|\b(?:ten|ta)\s+(?:artykuł|wpis|tekst)\b|\b(?:bu)\s+(?:haber|yazı|içerik)\b"
    r"|本文|文章|新闻|内容|本站",
    re.IGNORECASE,
)
# Automation that is no copying: machine translation, AI writing.
_NOT_COPYING = re.compile(
    r"translat|traduc|tradu[iz]|übersetz|перев|翻译|翻譯|\bAI\b|\bKI\b|\bИИ\b|\bIA\b"
    r"|artificial intelligence|künstliche|inteligencia artificial|intelligence artificielle"
    r"|искусственн|人工智能|chatgpt|\bGPT",
    re.IGNORECASE,
)
# Where a disclaimer would name its feed's source: 'from Reuters', 'von dpa', 'из ленты ТАСС'.
_FROM = re.compile(
    r"\b(?:from|via|von|aus|de|desde|da|di|du|des|del|из|от|с|z|ze|przez|kaynağı)\s+"
    r"(?P<words>(?:[^.;!?()]|\.(?=\w)){1,80})",
    re.IGNORECASE,
)
_GENERIC_FEED_WORDS = frozenset(
    "a an the of our its their this that syndicated news wire agency agencies rss feed feeds "
    "newsfeed partner partners third-party external source sources service channel ticker "
    "staff site website web internet social media api "
    "ein eine einem einer dem der des den die das nachrichtenagentur agentur newskanal "
    "nachrichtenkanal rss-feed newsticker dienst quelle quellen partnern "
    "un una unos el la los las lo fuente fuentes agencia agencias canal noticias "
    "le les du une fil flux dépêches "
    "il lo gli flusso agenzia o um uma os as fonte agência "
    "ленты лента новостей rss-ленты источника канала агентства".split()
)
MAX_DISCLAIMER_WORDS = 60


def _names_feed_source(sentence: str) -> bool:
    """The disclaimer says whose copy it posts: a known outlet, an address, or a proper
    name after 'from' (the staff that did not edit it is the host's: 'by' is not read)."""
    for found in _FROM.finditer(sentence):
        words = found.group("words").split()[:6]
        for word in words:
            bare = word.strip(",:\"'«»“”")
            if not bare:
                continue
            if "." in bare.strip(".") or any(by_name(part) for part in bare.split("-")):
                return True
            folded = bare.casefold()
            if folded in _GENERIC_FEED_WORDS:
                continue
            # A capital starts a proper name, except in German, where nouns have one too.
            if bare[0].isupper() and not _german(sentence):
                return True
    return False


def _german(sentence: str) -> bool:
    lowered = f" {sentence.lower()} "
    return any(word in lowered for word in (" der ", " die ", " das ", " wurde ", " dieser "))


def _autopost_disclaimers(ctx: Context) -> list[UncreditedSign]:
    found: list[UncreditedSign] = []
    for line in _candidate_lines(ctx.source, _AUTOPOST_WORDS):
        if line.words > MAX_DISCLAIMER_WORDS:
            continue
        hit = _DISCLAIMER.search(line.text)
        if hit is None or not _ABOUT_THE_PAGE.search(line.text):
            continue
        if _NOT_COPYING.search(line.text) or _names_feed_source(line.text):
            continue
        found.append(
            _sign(
                ctx,
                line.start,
                line.end,
                UncreditedKind.AUTOPOST,
                f"the page says it was posted automatically ('{hit.group().strip()}') and "
                "names no source for the text",
            )
        )
    return found


# --- 3. a wire-style dateline without its agency

OPENING_LINES = 15  # the body opens within the page's first content lines
STANDFIRST_WORDS = 35  # a first paragraph this short may be a standfirst above the dateline
MAX_HEAD_CHARS = 60
_PLACE_WORD = rf"{UPPER}[^\W\d_]*(?:['’.-]{UPPER}?[^\W\d_]+)*\.?"
_CONNECTOR = r"(?:de|del|da|do|dos|das|di|du|la|le|les|el|al|am|an|der|sur|upon|on|na|im|y)"
_PLACE = rf"{_PLACE_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_PLACE_WORD}){{0,3}}"
# 'MOSCOW, ' 'NEW DELHI, ' 'KHAN YUNIS, Gaza Strip, ' 'RICHMOND, Va., ' 'Baku. ' 'PARIS '
_HEAD = re.compile(rf"[«\"“]?(?P<place>{_PLACE})(?:\s*,\s*{_PLACE}){{0,2}}\s*[,.]?\s+")
# '北京3月5日电': a Chinese wire dateline; the agency ('新华社') stands before the city.
_WIDE_HEAD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NOT_PLACES = WEEKDAYS | frozenset(
    "on by at in from since until till as of the updated published posted date dated "
    "today yesterday tomorrow".split()
)
# A dateline ends on a full stop or a dash (a colon ends a newspaper's place line).
_TERMINATOR = re.compile(r"\s*(?:\.\s*[-–—]{1,2}|[-–—]{1,2}|\.(?=\s))")
# An agency's name after the dateline: 'REPORT.AZ/', 'INTERFAX -', 'APA.'.
_NAME_TAG = re.compile(r"\s*(?P<name>[^\W\d_][\w.&-]{1,29}?)\s*(?:/|[-–—]\s|\.\s|:\s)")


class Dateline(NamedTuple):
    start: int
    end: int
    text: str
    tag: str | None  # the agency tag after it ('TASS', 'AP'), '' when emptied, None if none


def _tag_at(text: str, position: int) -> tuple[str, int] | None:
    """An agency tag at ``position`` ('(AP)', '/TASS/', '[EFE]'): its content and end."""
    while position < len(text) and text[position] == " ":
        position += 1
    if position >= len(text) or text[position] not in "([/":
        return None
    close = {"(": ")", "[": "]", "/": "/"}[text[position]]
    end = text.find(close, position + 1, position + 45)
    if end < 0:
        return None
    return text[position + 1 : end].strip(), end + 1


def _agency_name(name: str, written: str) -> bool:
    """'INTERFAX -', 'REPORT.AZ/': a name in capitals or a known outlet, set off as a tag."""
    return written.rstrip().endswith("/") or name.isupper() or by_name(name) is not None


def _dated_mention(mention: DateMention) -> bool:
    """A day and a month, as datelines write them: 'October 12', '9 августа', '3月5日'."""
    if mention.kind not in (DateKind.YEARLESS, DateKind.ABSOLUTE):
        return False
    written = mention.span.text
    return any(c.isdigit() for c in written) and any(c.isalpha() for c in written)


def _place_head(head: str) -> bool:
    match = _HEAD.fullmatch(head)
    if match is None:
        return False
    first = match.group("place").split()[0].strip(".").lower()
    return first not in _NOT_PLACES


def parse_dateline(line: Line, mention: DateMention) -> Dateline | None:
    """The wire-style dateline opening ``line`` with the date ``mention``, if it is one."""
    offset = mention.span.start - line.start
    if not 0 < offset <= MAX_HEAD_CHARS or not _dated_mention(mention):
        return None
    text = line.text
    head = text[:offset]
    after = mention.span.end - line.start
    if _WIDE_HEAD.fullmatch(head):
        if not text.startswith("电", after) or head.startswith(("本", "记者")):
            return None
        reporter = "记者" in text[after : after + 20]
        return Dateline(
            line.start, line.start + after + 1, text[: after + 1], "记者" if reporter else None
        )
    if not _place_head(head):
        return None
    tag: str | None = None
    position = after
    first_tag = _tag_at(text, position)
    if first_tag is not None:
        tag, position = first_tag
    stop = _TERMINATOR.match(text, position)
    if stop is None and tag is None:
        return None  # 'Paris, 3 mai 2020 la ministre...': a date in a sentence
    if stop is not None:
        position = stop.end()
    if tag is None:
        second_tag = _tag_at(text, position)
        if second_tag is not None:
            tag, position = second_tag
        else:
            named = _NAME_TAG.match(text, position)
            if named is not None and _agency_name(named.group("name"), named.group()):
                tag, position = named.group("name"), named.end()
    body = text[position:].lstrip(" .-–—")
    if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in "\"“«'‘„"):
        return None
    return Dateline(line.start, line.start + position, text[:position].rstrip(), tag)


def _dates_by_line(dates: Sequence[DateMention]) -> dict[int, DateMention]:
    """The first date of each line that starts near the line's start."""
    first: dict[int, DateMention] = {}
    for mention in dates:
        if mention.span.column - 1 <= MAX_HEAD_CHARS and mention.span.line not in first:
            first[mention.span.line] = mention
    return first


WIDE_PARAGRAPH_CHARS = 25  # Chinese and Japanese write a sentence without spaces


def _paragraph(line: Line) -> bool:
    if line.words >= PARAGRAPH_WORDS or len(line.text) >= 60:
        return True
    return len(line.text) >= WIDE_PARAGRAPH_CHARS and bool(_WIDE.search(line.text[:4]))


def _opening_paragraphs(ctx: Context) -> list[Line]:
    """The body's first paragraph, and its second when the first may be a standfirst."""
    skip = {h.span.line for h in ctx.get("headlines")}
    skip |= {s.span.line for s in ctx.get("stamps")}
    found: list[Line] = []
    for line in ctx.source.content[:OPENING_LINES]:
        if line.number in skip or not _paragraph(line):
            continue
        found.append(line)
        if len(found) == 2 or line.words > STANDFIRST_WORDS:
            break
    return found


def _bare_dateline_sign(ctx: Context, dateline: Dateline) -> UncreditedSign:
    return _sign(
        ctx,
        dateline.start,
        dateline.end,
        UncreditedKind.BARE_DATELINE,
        f"the body opens with the wire-style dateline '{dateline.text}' and no agency tag "
        "follows it; no byline or credit on the page names the source",
    )


def _bare_datelines(ctx: Context, first_dates: dict[int, DateMention]) -> list[UncreditedSign]:
    for line in _opening_paragraphs(ctx):
        mention = first_dates.get(line.number)
        dateline = parse_dateline(line, mention) if mention else None
        if dateline is not None:
            return [_bare_dateline_sign(ctx, dateline)] if dateline.tag is None else []
    return []


def _emptied_dateline_tags(
    ctx: Context, first_dates: dict[int, DateMention]
) -> list[UncreditedSign]:
    """'MOSCOW, October 12. //.': the slashes of '/TASS/' kept, the name removed."""
    found: list[UncreditedSign] = []
    for line in _opening_paragraphs(ctx):
        mention = first_dates.get(line.number)
        dateline = parse_dateline(line, mention) if mention else None
        if dateline is not None and dateline.tag == "":
            found.append(
                _sign(
                    ctx,
                    dateline.start,
                    dateline.end,
                    UncreditedKind.EMPTY_CREDIT,
                    f"the dateline '{dateline.text}' keeps an empty tag where the agency's "
                    "name stands in wire copy",
                )
            )
    return found


# --- 4. a digest of unbylined items

MIN_DIGEST_ITEMS = 2


def _digest(ctx: Context, first_dates: dict[int, DateMention]) -> list[UncreditedSign]:
    """Items each made of a headline line and a paragraph opening with a bare dateline."""
    source = ctx.source
    items: list[tuple[Line, Dateline]] = []
    previous: Line | None = None
    for line in source.content:
        mention = first_dates.get(line.number)
        headline, previous = previous, line
        if mention is None or not _paragraph(line):
            continue
        dateline = parse_dateline(line, mention)
        if dateline is None or dateline.tag is not None:
            continue
        if headline is not None and looks_like_headline(headline) and not _paragraph(headline):
            items.append((headline, dateline))
    if len(items) < MIN_DIGEST_ITEMS:
        return []
    first_headline = items[0][0]
    listed = "; ".join(f"'{h.text}' ({d.text})" for h, d in items[:4])
    return [
        _sign(
            ctx,
            first_headline.start,
            first_headline.end,
            UncreditedKind.DIGEST,
            f"the page holds {len(items)} complete news items, each a headline and a "
            f"dated dateline, none bylined or credited: {listed}",
        )
    ]


def _restamped_datelines(ctx: Context, first_dates: dict[int, DateMention]) -> list[UncreditedSign]:
    """The body opens on a bare dateline, and the only credits come later in the same
    dateline form ('TEHRAN, Some Club (SC) -'): a site stamping its own name on copied
    paragraphs does not credit the opening ones to anyone."""
    found: tuple[Credit, ...] = ctx.get("credits")
    naming = [credit for credit in found if _names_a_source(credit)]
    if any(credit.kind != CreditKind.AGENCY_DATELINE for credit in naming):
        return []
    first_credit = min(credit.span.start for credit in naming)
    return [sign for sign in _bare_datelines(ctx, first_dates) if sign.span.end <= first_credit]


@extractor("uncredited")
def uncredited(ctx: Context) -> tuple[UncreditedSign, ...]:
    first_dates = _dates_by_line(ctx.get("dates"))
    found = _emptied_tags(ctx) + _empty_source_labels(ctx)
    found += _emptied_dateline_tags(ctx, first_dates)
    if not credited(ctx):
        found += _autopost_disclaimers(ctx)
        if not _named_author(ctx) and not _agency_named(ctx):
            found += _bare_datelines(ctx, first_dates)
            found += _digest(ctx, first_dates)
    elif not _named_author(ctx) and not _agency_named(ctx):
        found += _restamped_datelines(ctx, first_dates)
    unique = {(sign.span.start, sign.kind): sign for sign in found}
    return tuple(sorted(unique.values(), key=lambda s: (s.span.start, s.span.end, s.kind)))
