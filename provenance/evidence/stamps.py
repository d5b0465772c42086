"""The page's own publication time, as its header prints it: a date or a relative stamp on a
line that holds only a label ('Published:', 'Publié le'), a weekday, a time, 'by NAME'.

The header is the top of the page: at most ``HEADER_LINES`` non-blank lines, ending before
the second long paragraph (more than ``LONG_WORDS`` words or ``LONG_CHARS`` characters). Not
the first: a standfirst often sits between headline and stamp, and one long line does not
make a body; two do, and a date line after them belongs to the body or a footer. An omission
mark ('[...]') ends a line (the source splits there): what follows it is another piece.

A date counts only when everything else on its line is header furniture (see ``_FURNITURE``):
a date inside a sentence, a label with an empty slot ('Published on' and no date), and a
current-date widget that gives the date in two calendars are no stamps.

Stamps come in preference order, the page's own publication time first: a published label,
then a neutral label or a date beside a time, weekday, byline or reading time, then an
updated label, then a lone date line (often a site's current-date banner above the
headline), then a scraper's metadata line ('date 2020-08-09'); within a rank, top first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from provenance.evidence.dates import (
    MONTH_NUMBER,
    WEEKDAY_NAMES,
    find_dates,
    page_month_first,
    trie,
)
from provenance.evidence.model import DateKind, DateMention, DateStamp, StampLabel, build
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Source

HEADER_LINES = 15
LONG_WORDS, LONG_CHARS = 25, 160

_PUBLISHED_LABELS = (
    # en, fr, de, es, it, pt, nl, sv, da, nb
    "published|published on|posted|posted on|first published|publish date|publication date"
    "|date published|publié|publié le|date de publication|veröffentlicht|veröffentlicht am"
    "|erschienen am|erstellt am|publicado|publicado el|publicado em|fecha de publicación"
    "|pubblicato|pubblicato il|data di pubblicazione|data de publicação|gepubliceerd"
    "|gepubliceerd op|geplaatst op|publicerad|publicerat|publiceret|publisert"
    # ru, uk, be, bg, pl, cs, sk, ro, hu, el, tr, az, id, vi
    "|опубликовано|опубликован|дата публикации|опубліковано|дата публікації|апублікавана"
    "|публикувано|opublikowano|data publikacji|dodano|publikováno|publikované|publicat"
    "|közzétéve|δημοσιεύθηκε|yayınlanma|yayınlanma tarihi|yayın tarihi|dərc olunub"
    "|dərc edilib|diterbitkan|dipublikasikan|đăng lúc|ngày đăng"
    # zh, ja, ko, ar, fa
    "|发布时间|发表于|发布日期|发布于|发表时间|發佈時間|發表於|公開日|投稿日|게시일|등록일"
    "|تاريخ النشر|نشر في|نشر بتاريخ|تاریخ انتشار|منتشر شده"
)
_UPDATED_LABELS = (
    "updated|last updated|updated on|modified|last modified|mis à jour|mis à jour le|modifié le"
    "|aktualisiert|aktualisiert am|zuletzt aktualisiert|stand|actualizado|actualizado el"
    "|aggiornato|aggiornato il|atualizado|atualizado em|bijgewerkt|bijgewerkt op|uppdaterad"
    "|opdateret|oppdatert|обновлено|обновлен|оновлено|zaktualizowano|aktualizacja"
    "|aktualizováno|actualizat|frissítve|ενημερώθηκε|güncellenme|güncelleme|son güncelleme"
    "|güncellenme tarihi|yenilənib|diperbarui|cập nhật|更新时间|更新時間|更新日|更新"
    "|آخر تحديث|تحديث|به‌روزرسانی|بروزرسانی"
)
# Labels that say 'date' or 'on' without saying which: the stamp keeps StampLabel.NONE.
_NEUTRAL_LABELS = (
    "date|on|at|le|am|um|el|il|em|op|den|dne|dnia|от|в|saat|tarih|tarix|datum|fecha|data"
    "|дата|日期|时间|時間|تاريخ|تاریخ|uhr|à|às|alle|a las"
)
_TIME = (
    r"\d{1,2}(?:[:.h]\d{2}){1,2}(?:\s?[ap]\.?\s?m\.?)?|\d{1,2}\s?[ap]\.?m\.?"
    r"|(?:gmt|utc|msk|cet|cest|eet|eest|est|edt|cst|cdt|pst|pdt|bst|ist|jst|kst|wib|irst|trt)"
    r"(?:\s?[+−-]\s?\d{1,2}(?::?\d{2})?)?|[+−-]\d{2}:?\d{2}"
)
_READING = (
    r"\d{1,3}\s?(?:minutes?|mins?|min|minuten?|minutos?|minuti|минут[аы]?|мин|dk|dakika|分钟)"
    r"(?:\s(?:read|de lecture|lesezeit|de lectura|di lettura|чтения|okuma))?|read"
)
_BYLINE = (
    r"(?:by|par|von|por|di|door|av|af|przez|автор|від|от)\s[^\s|•·,:;\d]+"
    r"(?:\s[^\s|•·,:;\d]+){0,3}"
)
_PLATFORM = r"in\s[^\s•]{1,30}\s{0,3}•|\(edited\)|edited"
_SECTION = r"(?:in|dans|en|nel|em|w|в)\s[^\s|•·,]+(?:\s[^\s|•·,]+){0,2}"
_SEPARATOR = r"[\s|•·,:;/()\[\]«»\"'.@*–—-]"


def _furniture(with_section: bool) -> re.Pattern[str]:
    """Everything a stamp's line may hold besides the stamp, as one possessive sequence of
    whole-word tokens: each token is taken greedily and never split again, so a line that
    holds anything else fails in time linear in its length."""
    words = "|".join(
        (
            _PUBLISHED_LABELS,
            _UPDATED_LABELS,
            _NEUTRAL_LABELS,
            trie(WEEKDAY_NAMES),
            _TIME,
            _READING,
            _BYLINE,
            _PLATFORM,
            *([_SECTION] if with_section else []),
        )
    )
    # The look-ahead sits inside the atomic group: the group commits to the first token
    # that ends on a word boundary, not to the first that matches a prefix.
    return re.compile(rf"(?>{_SEPARATOR}|(?<![\w])(?>(?:{words})(?![\w])))*+", re.IGNORECASE)


_FURNITURE = _furniture(with_section=False)
# 'Veröffentlicht am 20.09.2019 in Pressemitteilung': a section name may follow a label.
_FURNITURE_AFTER_LABEL = _furniture(with_section=True)
_LABEL = re.compile(
    rf"(?<![\w])(?:(?P<updated>{_UPDATED_LABELS})|(?P<published>{_PUBLISHED_LABELS})"
    rf"|(?P<neutral>{_NEUTRAL_LABELS}))(?![\w])",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    rf"(?<![\w])(?:{trie(WEEKDAY_NAMES)}|{_TIME}|{_READING}|{_BYLINE})(?![\w])", re.IGNORECASE
)
# A date banner in two calendars ('... ۱۴۰۳ / 23 April, 2024', '... الموافق 2024/11/22'):
# a Solar Hijri or Hijri year, or 'corresponding to', says the line is today's date.
_OTHER_CALENDAR = re.compile(r"(?<![\d:.])1[34]\d\d(?![\d:.])|الموافق|هـ|ه\.ش")
# A relative phrase that a page prints as its time: 'N units ago' in any language, or a
# day word; not 'recently' or 'last week', which no page prints as its own time.
_RELATIVE_STAMP = re.compile(
    r"\d|ago$|just now|yesterday|today|gestern|heute|gerade eben|hier|aujourd'hui|instant"
    r"|ayer|hoy|ieri|oggi|ontem|hoje|вчера|сегодня|только что|вчора|сьогодні|щойно|wczoraj"
    r"|dzisiaj|chwilą|dün|bugün|önce|gisteren|vandaag|zojuist|刚刚|剛剛|刚才|昨天|昨日|今天"
    r"|어제|방금|أمس|دیروز|^vor |^il y a |^hace |^há |^منذ ",
    re.IGNORECASE,
)
# A month glued to the word before needs a digit (its day and year) on the piece.
_DIGIT = re.compile(r"\d")
# A scraper's metadata line: ' date 2020-08-09 Article content' (the rest is page furniture).
_SCRAPER_DATE = re.compile(r"date\s{1,3}(?P<value>(?:1[89]|20)\d\d-[01]\d(?:-[0-3]\d)?)(?![\w-])")
# A month glued to the word before by a scraper: '2 min readFeb 20, 2022'.
_GLUED_MONTH = re.compile(
    r"(?P<month>[A-Z](?<=[a-z][A-Z])[a-z]{2,8})\.?\s{1,3}(?P<day>[0-3]?\d),?\s{1,3}"
    r"(?P<year>(?:1[89]|20)\d\d)(?![\w])"
)


class Piece(NamedTuple):
    """A header line, or the part of one before or between omission marks."""

    start: int
    end: int
    run: int  # pieces of one run have no paragraph between them


class Candidate(NamedTuple):
    rank: int
    start: int
    stamp: DateStamp


def _long(text: str) -> bool:
    # More than LONG_WORDS words take at least twice as many characters.
    return len(text) > LONG_CHARS or (len(text) > 2 * LONG_WORDS and len(text.split()) > LONG_WORDS)


def header_pieces(source: Source) -> list[Piece]:
    """The header's pieces, top first (see the module's docstring)."""
    pieces: list[Piece] = []
    long_seen = 0
    # The source already ends a line at a quoted page's omission mark ('[...]').
    for line in source.content[:HEADER_LINES]:
        if _long(line.text):
            # A paragraph is no stamp line: skipped, and the second one ends the header.
            long_seen += 1
            if long_seen == 2:
                return pieces
            continue
        pieces.append(Piece(line.start, line.end, long_seen))
    return pieces


def _label(before: str) -> StampLabel | None:
    """The label nearest before a date on its line, None when there is none; a neutral
    word ('am', 'le', 'on') only when no published or updated label precedes it, since it
    is often part of one ('Veröffentlicht am', 'Publié le')."""
    found: StampLabel | None = None
    for match in _LABEL.finditer(before):
        if match.group("updated"):
            found = StampLabel.UPDATED
        elif match.group("published"):
            found = StampLabel.PUBLISHED
        elif found is None:
            found = StampLabel.NONE
    return found


def _rank(label: StampLabel | None, in_context: bool) -> int:
    if label is StampLabel.PUBLISHED:
        return 0
    if label is StampLabel.NONE or in_context:
        return 1
    if label is StampLabel.UPDATED:
        return 2
    return 3  # a lone date line


def _stamps_in_piece(source: Source, piece: Piece, dates: list[DateMention]) -> list[Candidate]:
    text = source.text[piece.start : piece.end]
    if _OTHER_CALENDAR.search(text):
        return []
    # Every date on the line is blanked before the rest is read, so 'Published 3 May |
    # Updated 4 May' yields two stamps.
    rest = list(text)
    for mention in dates:
        rest[mention.span.start - piece.start : mention.span.end - piece.start] = " " * (
            mention.span.end - mention.span.start
        )
    furniture = "".join(rest)
    # Most lines fail the plain furniture at their first word; only those that pass it, or
    # that hold a label (after which a section may follow), are read further.
    if _FURNITURE.fullmatch(furniture) is None and (
        _LABEL.search(furniture) is None or _FURNITURE_AFTER_LABEL.fullmatch(furniture) is None
    ):
        return _field_stamps(source, piece, dates)
    in_context = _CONTEXT.search(furniture) is not None
    found: list[Candidate] = []
    previous_end = piece.start
    for mention in dates:
        label = _label(source.text[previous_end : mention.span.start])
        previous_end = mention.span.end
        relative = mention.kind is DateKind.RELATIVE
        if relative and not _RELATIVE_STAMP.search(mention.span.text):
            continue
        if not relative and mention.kind is not DateKind.ABSOLUTE:
            continue  # 'Dec 7', 'June 2021': no year or no day, no stamp
        stamp = build(
            DateStamp,
            {
                "span": mention.span,
                "label": label or StampLabel.NONE,
                "value": None if relative else mention.value,
                "relative": relative,
            },
        )
        found.append(Candidate(_rank(label, in_context), mention.span.start, stamp))
    return found


# A metadata row of 'label: value' fields ('Source: X  Editor: Y  Time: 2024/04/28 00:16'):
# a date is a stamp when a date label and a colon stand right before it, and only a time
# (or the next field) after it.
_FIELD_LABEL = re.compile(
    rf"(?<![\w])(?:(?P<updated>{_UPDATED_LABELS})|(?P<published>{_PUBLISHED_LABELS})"
    rf"|(?P<neutral>{_NEUTRAL_LABELS}))\s?[:：]\s*$",
    re.IGNORECASE,
)
_FIELD_TAIL = re.compile(rf"\s*(?:(?:{_TIME})(?![\w]))?\s*(?:$|[|•·]|\S{{1,12}}\s?[:：])", re.I)
_FIELD_REACH = 24


def _field_stamps(source: Source, piece: Piece, dates: list[DateMention]) -> list[Candidate]:
    """Stamps in a row of labelled fields (see ``_FIELD_LABEL``)."""
    found: list[Candidate] = []
    for mention in dates:
        if mention.kind is not DateKind.ABSOLUTE:
            continue
        if not _FIELD_TAIL.match(source.text, mention.span.end, piece.end):
            continue
        before = source.text[
            max(piece.start, mention.span.start - _FIELD_REACH) : mention.span.start
        ]
        # The row may open on the date itself ('2023年05月12日 10:20  来源：新华网').
        opening = not before.strip(" |•·-–—") and mention.span.start - piece.start < _FIELD_REACH
        label = _FIELD_LABEL.search(before) if (":" in before or "：" in before) else None
        if label is None and not opening:
            continue
        kind = (
            StampLabel.NONE
            if label is None
            else StampLabel.UPDATED
            if label.group("updated")
            else StampLabel.PUBLISHED
            if label.group("published")
            else StampLabel.NONE
        )
        stamp = build(
            DateStamp,
            {"span": mention.span, "label": kind, "value": mention.value, "relative": False},
        )
        found.append(Candidate(_rank(kind, False), mention.span.start, stamp))
    return found


def _special_stamps(source: Source, piece: Piece, glued: bool = True) -> list[Candidate]:
    """Stamps the date finder cannot see: a scraper's 'date 2020-08-09' line, and (when
    ``glued``: the piece holds no date the finder saw) a month glued to the word before
    ('readFeb 20, 2022'), a scraper's missing space."""
    text = source.text
    scraped = _SCRAPER_DATE.match(text, piece.start, piece.end)
    if scraped:
        span = source.span(scraped.start("value"), scraped.end("value"))
        value = scraped.group("value")
        stamp = build(DateStamp, {"span": span, "label": StampLabel.NONE, "value": value})
        return [Candidate(4, span.start, stamp)]
    if not glued or _DIGIT.search(text, piece.start, piece.end) is None:
        return []
    found = _GLUED_MONTH.search(text, piece.start, piece.end)
    month = MONTH_NUMBER.get(found.group("month").lower()) if found else None
    if found is None or month is None:
        return []
    try:
        value = date(int(found.group("year")), month, int(found.group("day"))).isoformat()
    except ValueError:
        return []
    span = source.span(found.start(), found.end())
    stamp = build(DateStamp, {"span": span, "label": StampLabel.NONE, "value": value})
    return [Candidate(1, span.start, stamp)]


_TITLE_REACH = 200
_WEEKDAYS = frozenset(name.casefold() for name in WEEKDAY_NAMES)


def _title_stamp(source: Source, mentions: Sequence[DateMention]) -> list[Candidate]:
    """'Headline (Di lunedì 3 agosto 2020) Body...': an aggregator's date in brackets after
    the headline, on a first line long enough to be skipped as a paragraph. Only the date,
    a weekday and one short word ('Di', 'on') may stand in the brackets."""
    first = source.content[0] if source.content else None
    if first is None or "(" not in first.text[:_TITLE_REACH] or not _long(first.text):
        return []
    reach = first.start + _TITLE_REACH
    for mention in mentions:
        if mention.span.start >= reach:
            break
        if mention.kind is not DateKind.ABSOLUTE or mention.span.start < first.start:
            continue
        opening = source.text.rfind("(", first.start, mention.span.start)
        closing = source.text[mention.span.end : mention.span.end + 3].lstrip()
        if opening < 0 or not closing.startswith(")"):
            continue
        words = source.text[opening + 1 : mention.span.start].replace(",", " ").split()
        # A short word may itself be some language's weekday ('Di': Dienstag): only the
        # longer words must be weekdays.
        if len(words) > 2 or any(len(w) > 4 and w.casefold() not in _WEEKDAYS for w in words):
            continue
        stamp = build(
            DateStamp,
            {"span": mention.span, "label": StampLabel.NONE, "value": mention.value},
        )
        return [Candidate(3, mention.span.start, stamp)]
    return []


def _dates_by_run(
    source: Source, pieces: list[Piece], month_first: bool | None
) -> dict[int, list[DateMention]]:
    """The dates of each run of pieces, one scan a run: a call costs more than a line."""
    runs: dict[int, tuple[int, int]] = {}
    for piece in pieces:
        first = runs.get(piece.run, (piece.start, piece.end))[0]
        runs[piece.run] = (first, piece.end)
    return {run: find_dates(source, a, b, month_first) for run, (a, b) in runs.items()}


def find_stamps(
    source: Source,
    month_first: bool | None = None,
    mentions: Sequence[DateMention] | None = None,
) -> list[DateStamp]:
    """The header's date stamps in preference order (see the module's docstring).
    ``mentions``: the text's dates when already read (else the header is scanned)."""
    pieces = header_pieces(source)
    if mentions is None:
        by_run = _dates_by_run(source, pieces, month_first)
        mentions = sorted(
            {id(m): m for run in by_run.values() for m in run}.values(),
            key=lambda m: m.span.start,
        )
    candidates: list[Candidate] = []
    for piece in pieces:
        first = bisect_left(mentions, piece.start, key=lambda m: m.span.start)
        inside: list[DateMention] = []
        for mention in mentions[first:]:
            if mention.span.start >= piece.end:
                break
            # A date the scan read across a line break belongs to no one line: no stamp.
            if mention.span.end <= piece.end:
                inside.append(mention)
        special = _special_stamps(source, piece, glued=not inside)
        if special:
            candidates.extend(special)
        elif inside:
            candidates.extend(_stamps_in_piece(source, piece, inside))
    if not candidates:
        candidates = _title_stamp(source, mentions)
    candidates.sort(key=lambda candidate: (candidate.rank, candidate.start))
    return [candidate.stamp for candidate in candidates]


@extractor("stamps")
def stamps(ctx: Context) -> tuple[DateStamp, ...]:
    return tuple(find_stamps(ctx.source, page_month_first(ctx), ctx.get("date_mentions")))
