"""Dates as the text writes them, typed by whether they stand alone or need an anchor.

Compiled regexes over month-name tables (en, de, fr, es, it, pt, tr, az, ru) validated with
``datetime.date``: dateparser is far too slow for 100k articles and guesses where we must
not. Every pattern has bounded repetition, so a scan is linear in the text's length.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from provenance.evidence.calendar_data import TABLE as CALENDAR
from provenance.evidence.model import DateKind, DateMention, build
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Source, boundary_spans, word_patterns

SPACE = " "
_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "enero",
        "gennaio",
        "janeiro",
        "ocak",
        "yanvar",
        "январь",
        "января",
        "январе",
        "янв",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "şubat",
        "fevral",
        "февраль",
        "февраля",
        "феврале",
        "фев",
    ),
    3: (
        "march",
        "mar",
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "mart",
        "март",
        "марта",
        "марте",
    ),
    4: (
        "april",
        "apr",
        "avril",
        "abril",
        "aprile",
        "nisan",
        "aprel",
        "апрель",
        "апреля",
        "апреле",
        "апр",
    ),
    5: ("may", "mai", "mayo", "maggio", "maio", "mayıs", "май", "мая", "мае"),
    6: (
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "junho",
        "haziran",
        "iyun",
        "июнь",
        "июня",
        "июне",
    ),
    7: (
        "july",
        "jul",
        "juli",
        "juillet",
        "julio",
        "luglio",
        "julho",
        "temmuz",
        "iyul",
        "июль",
        "июля",
        "июле",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ağustos",
        "avqust",
        "август",
        "августа",
        "августе",
        "авг",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "eylül",
        "sentyabr",
        "сентябрь",
        "сентября",
        "сентябре",
        "сент",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "ekim",
        "oktyabr",
        "октябрь",
        "октября",
        "октябре",
        "окт",
    ),
    11: (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "kasım",
        "noyabr",
        "ноябрь",
        "ноября",
        "ноябре",
        "ноя",
    ),
    12: (
        "december",
        "dec",
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "aralık",
        "dekabr",
        "декабрь",
        "декабря",
        "декабре",
        "дек",
    ),
}
def trie(words: list[str] | set[str] | dict[str, int]) -> str:
    """A regex matching exactly ``words``, as a trie: much faster than a flat alternation.
    A space in a word matches any run of whitespace."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(tree)


_LEGACY = {name: number for number, names in _MONTHS.items() for name in names}


def _cldr_names(field: str) -> dict[str, int]:
    """Every language's month names of ``field`` ('months', 'abbreviations') to their month
    number; a name that is one month in one language and another elsewhere ('listopad' is
    November in Polish and Czech, October in Croatian) is left out: no value is safer."""
    numbers: dict[str, set[int]] = {}
    for language in CALENDAR.values():
        for number, names in enumerate(language[field], start=1):
            for name in names:
                numbers.setdefault(name, set()).add(number)
    return {name: next(iter(found)) for name, found in numbers.items() if len(found) == 1}


# The hand table above keeps its words (others rely on them); CLDR adds every wide name.
MONTH_NUMBER = {**_cldr_names("months"), **_LEGACY}
# CLDR abbreviations not already a name above ('sie', 'lis', 'ago', 'set', 'gen', 'dic'):
# many are ordinary words somewhere ('ago' in English), so they count only inside a full
# date with a day and a year (see ``_month``).
MONTH_ABBREVIATION = {
    name: number for name, number in _cldr_names("abbreviations").items() if name not in MONTH_NUMBER
}
_ANY_MONTH = {**MONTH_ABBREVIATION, **MONTH_NUMBER}
WEEKDAYS = frozenset(
    name for language in CALENDAR.values() for names in language["weekdays"] for name in names
)
# English month names are also ordinary words ('may', 'march'): they count only capitalised.
_ENGLISH = frozenset(
    (
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    ).split(SPACE)
)
_M = rf"(?P<month>{trie(_ANY_MONTH)})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º|°)?"
_Y = r"(?P<year>1[89]\d\d|20\d\d)(?:\s*(?:года|г\.|yılı))?"
_B, _E = r"(?<![\w])", r"(?![\w])"

# (kind, pattern, numeric): numeric patterns have no month word and run around digit groups.
_PATTERNS: tuple[tuple[DateKind, re.Pattern[str], bool], ...] = tuple(
    (
        kind,
        re.compile(_B + body + tail, re.IGNORECASE),
        "(?P<month>\\d" in body or "(?P<first>" in body,
    )
    for kind, body, tail in (
        (DateKind.ABSOLUTE, rf"{_M}\s{{1,3}}{_D},?\s{{1,3}}{_Y}", _E),
        (
            DateKind.ABSOLUTE,
            rf"{_D}(?:\s{{1,3}}(?:of|de))?\s{{1,3}}{_M},?(?:\s{{1,3}}de)?\s{{1,3}}{_Y}",
            _E,
        ),
        # ISO dates may carry a time ('2024-08-27T10:00Z').
        (
            DateKind.ABSOLUTE,
            r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
            r"(?:(?=T\d)|(?![\w]))",
        ),
        (DateKind.ABSOLUTE, r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", _E),
        (DateKind.ABSOLUTE, r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})", _E),
        (DateKind.MONTH_YEAR, rf"{_M}(?:\s{{1,3}}(?:of|de))?,?\s{{1,3}}{_Y}", _E),
        (DateKind.YEARLESS, rf"{_M}\s{{1,3}}{_D}", _E),
        (DateKind.YEARLESS, rf"{_D}(?:\s{{1,3}}(?:of|de))?\s{{1,3}}{_M}", _E),
        (
            DateKind.YEARLESS,
            rf"(?:in|since|early|late|mid-?|until|till|from|during|by)\s{{1,3}}{_M}",
            _E,
        ),
    )
)

_NUMBER = (
    r"(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few|several|many)"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade)s?"
_PERIOD = (
    r"(?:week|weekend|month|year|decade|spring|summer|autumn|fall|winter|quarter|night|evening|morning"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)"
)
_RELATIVE_SOURCE = (
    r"(?<![\w-])(?:"
    rf"(?:earlier|later)\s{{1,3}}this\s{{1,3}}{_PERIOD}"
    rf"|(?:last|next|this|past|previous|coming)\s{{1,3}}{_PERIOD}"
    rf"|(?:just\s{{1,3}})?(?:over|under|about|nearly|almost|some)?\s{{0,3}}{_NUMBER}\s{{1,3}}{_UNIT}\s{{1,3}}(?:ago|earlier|later)"
    rf"|(?:in\s{{1,3}})?(?:the\s{{1,3}})?(?:past|last|next|coming|recent)\s{{1,3}}(?:{_NUMBER}\s{{1,3}})?{_UNIT}"
    r"|yesterday|today|tomorrow|tonight|recently|lately|the\s{1,3}day\s{1,3}before"
    r"|on\s{1,3}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    # German, French, Spanish, Italian, Russian, Turkish
    r"|letzte[nrs]?\s{1,3}(?:woche|monat|jahr)|vor\s{1,3}\d{1,4}\s{1,3}(?:tagen|wochen|monaten|jahren)"
    r"|gestern|heute|kürzlich|neulich"
    r"|(?:la\s{1,3}semaine|le\s{1,3}mois|l'an|l'année)\s{1,3}derni(?:er|ère)|il\s{1,3}y\s{1,3}a\s{1,3}\d{1,4}\s{1,3}(?:jours|semaines|mois|ans)"
    r"|récemment|hier|aujourd'hui"
    r"|(?:la\s{1,3}semana|el\s{1,3}mes|el\s{1,3}año)\s{1,3}pasad[oa]|hace\s{1,3}\d{1,4}\s{1,3}(?:días|semanas|meses|años)"
    r"|recientemente|ayer"
    r"|(?:la\s{1,3}settimana|il\s{1,3}mese|l'anno)\s{1,3}scors[oa]|recentemente|ieri"
    r"|на\s{1,3}прошлой\s{1,3}неделе|в\s{1,3}прошлом\s{1,3}(?:месяце|году)|\d{1,4}\s{1,3}(?:дней|дня|недель|месяцев|лет|года)\s{1,3}назад"
    r"|недавно|вчера|сегодня"
    r"|geçen\s{1,3}(?:hafta|ay|yıl)|dün|geçenlerde"
    r")(?![\w])"
)
_RELATIVE = re.compile(_RELATIVE_SOURCE, re.IGNORECASE)


def lowercase_twin(source: str) -> str:
    """A pattern of lowercase letters that, case-sensitive on lowercased text, matches as
    ``source`` with IGNORECASE does on the text itself, wherever every character is ASCII or
    without case (:func:`case_blind`). IGNORECASE also pairs a few letters with another
    letter: of those the patterns here hold only 'ı', which matches 'i' and 'I' too."""
    return source.replace("ı", "[ıi]")


def case_blind(text: str) -> bool:
    """Whether every character of ``text`` is ASCII or has no case: where lowercasing it
    changes nothing but ASCII letters, so that a :func:`lowercase_twin` may read it."""
    return text.isascii() or all(
        char.isascii() or char.lower() == char == char.upper() for char in set(text)
    )


# IGNORECASE makes the relative pattern four times slower; on lowercased text its twin
# finds the same dates wherever the text is case-blind.
_RELATIVE_LOWER = re.compile(lowercase_twin(_RELATIVE_SOURCE))
# '2 years ago' glued to a preceding tag ('#asia2 years ago') still reads as a relative date.
# The look-behind follows the first digit (same matches): a pattern that opens with a digit
# lets the regex engine skip straight to digits instead of trying every position.
_GLUED_AGO = re.compile(
    rf"\d(?<=[^\W\d]\d)\d{{0,2}}\s{{1,3}}{_UNIT}\s{{1,3}}ago(?![\w])", re.IGNORECASE
)


# Scanning every pattern over the whole text costs milliseconds per article; instead one fast
# trie scan of the lowercased text finds the words a date must contain, and the full patterns
# run only in small windows around them.
_MONTH_WORD = re.compile(rf"(?<![\w]){trie(_ANY_MONTH)}(?![\w])")
_MONTH_WORD_ANY_CASE = re.compile(_MONTH_WORD.pattern, re.IGNORECASE)
_NUMERIC = re.compile(r"\d[-./]\d{1,2}[-./]\d")
_ANCHOR_WORDS = (
    "ago earlier later last next this past previous coming recent recently lately yesterday "
    "today tomorrow tonight before monday tuesday wednesday thursday friday saturday sunday "
    "letzte letzten letzter letztes vor gestern heute kürzlich neulich dernier dernière il "
    "récemment hier aujourd'hui pasado pasada hace recientemente ayer scorso scorsa "
    "recentemente ieri прошлой прошлом назад недавно вчера сегодня geçen dün geçenlerde"
).split(SPACE)
_ANCHOR_SET = frozenset(_ANCHOR_WORDS)
_ANCHOR = re.compile(rf"(?<![\w]){trie(_ANCHOR_WORDS)}(?![\w])")
_ANCHOR_ANY_CASE = re.compile(_ANCHOR.pattern, re.IGNORECASE)
# On lowercased text both lists are found in one scan (a scan costs as much as all the
# matching around its hits). Every word of either list is a whole word, and no word is in
# both, so each hit of the joint pattern is a hit of exactly one list's own pattern.
# Every word ends on a word character, so the scan may open on the character before each.
_MONTH_OR_ANCHOR, _AFTER_BREAK = word_patterns(
    r"\w", rf"{trie([*_ANY_MONTH, *_ANCHOR_WORDS])}(?![\w])"
)
MONTH_WINDOW, RELATIVE_WINDOW = 30, 60


def _windows(hits: list[tuple[int, int]], reach: int, size: int) -> list[tuple[int, int]]:
    """Merged ranges of ``reach`` characters around each hit."""
    merged: list[tuple[int, int]] = []
    for start, end in hits:
        lo, hi = max(0, start - reach), min(size, end + reach)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _hits(
    fast: re.Pattern[str],
    slow: re.Pattern[str],
    text: str,
    lowered: str | None,
    start: int,
    stop: int,
) -> list[tuple[int, int]]:
    if lowered is not None:
        return [m.span() for m in fast.finditer(lowered, start, stop)]
    return [m.span() for m in slow.finditer(text, start, stop)]


def _month_and_anchor_hits(
    text: str, lowered: str | None, start: int, stop: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(month-word spans, anchor-word spans) in ``text[start:stop]``."""
    if lowered is None:
        return (
            _hits(_MONTH_WORD, _MONTH_WORD_ANY_CASE, text, None, start, stop),
            _hits(_ANCHOR, _ANCHOR_ANY_CASE, text, None, start, stop),
        )
    months: list[tuple[int, int]] = []
    anchors: list[tuple[int, int]] = []
    for hit in boundary_spans(_MONTH_OR_ANCHOR, _AFTER_BREAK, lowered, start, stop):
        word = lowered[hit[0] : hit[1]]
        # 'ago' is both: Spanish for August ('12 ago 2024') and English for 'before'.
        if word in _ANY_MONTH:
            months.append(hit)
        if word in _ANCHOR_SET:
            anchors.append(hit)
    return months, anchors


def _month(raw: str, full_date: bool = True) -> int | None:
    """The month ``raw`` names; an abbreviation only inside a ``full_date`` (day and year)."""
    if raw.isdigit():
        return int(raw)
    word = raw.rstrip(".").lower()
    if word in _ENGLISH and not raw[0].isupper():
        return None
    number = MONTH_NUMBER.get(word)
    if number is None and full_date:
        return MONTH_ABBREVIATION.get(word)
    return number


def _value(kind: DateKind, match: re.Match[str]) -> tuple[bool, str | None]:
    """Whether the match is a real date, and its ISO partial value."""
    groups = match.groupdict()
    if "first" in groups and groups["first"] is not None:
        first, second, year = int(groups["first"]), int(groups["second"]), int(groups["year"])
        # d/m/y or m/d/y: only a day over 12 tells which; otherwise no value is claimed.
        for day, month in ((first, second), (second, first)):
            if first != second and day > 12 >= month:
                return _valid(year, month, day)
        return (1 <= first <= 31 and 1 <= second <= 31 and 1800 <= year <= 2100), None
    full_date = groups.get("day") is not None and groups.get("year") is not None
    month_number = _month(groups["month"], full_date) if groups.get("month") else None
    if month_number is None or not 1 <= month_number <= 12:
        return False, None
    day_number = int(groups["day"]) if groups.get("day") else None
    if kind is DateKind.YEARLESS:
        return day_number is None or 1 <= day_number <= 31, None
    year_number = int(groups["year"])
    if day_number is None:
        return True, f"{year_number:04d}-{month_number:02d}"
    return _valid(year_number, month_number, day_number)


def _valid(year: int, month: int, day: int) -> tuple[bool, str | None]:
    try:
        return True, date(year, month, day).isoformat()
    except ValueError:
        return False, None


_DAY_BEFORE = re.compile(
    r"(?<![\w])[0-3]?\d(?:st|nd|rd|th|er|\.|º|°)?(?:\s{1,3}(?:of|de))?\s{1,3}$", re.IGNORECASE
)
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w])(?:in|since|early|late|mid-?|until|till|from|during|by)\s{1,3}$", re.IGNORECASE
)
_LOOK_BACK = 16


def _starts_around(text: str, month_start: int) -> list[int]:
    """Where a date holding the month word at ``month_start`` may begin: the word itself, a
    day before it ('27 August'), a preposition before it ('since April')."""
    starts = [month_start]
    lo = max(0, month_start - _LOOK_BACK)
    for pattern in (_DAY_BEFORE, _PREPOSITION_BEFORE):
        hit = pattern.search(text, lo, month_start)
        if hit:
            starts.append(hit.start())
    return starts


def find_dates(source: Source, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``source.text[start:end]``, most complete readings first."""
    text = source.text
    stop = len(text) if end is None else end
    # One byte per character: claimed or not. Checking a span is O(its length).
    taken = bytearray(stop - start)
    found: list[DateMention] = []

    def claim(a: int, b: int, kind: DateKind, value: str | None) -> bool:
        if text[b - 1] == ".":
            b -= 1  # 'in June.': the full stop ends the sentence, not the date
        if any(taken[a - start : b - start]):
            return False
        taken[a - start : b - start] = b"\x01" * (b - a)
        found.append(build(DateMention, {"span": source.span(a, b), "kind": kind, "value": value}))
        return True

    lowered = source.lowered
    lowered_or_none = lowered if len(lowered) == len(text) else None  # 'İ' lowercases to 2
    month_hits, anchors = _month_and_anchor_hits(text, lowered_or_none, start, stop)
    # Each month word is tried once against the patterns, most complete first, at the few
    # places such a date can start: no pattern scans the text.
    word_patterns = [(kind, pattern) for kind, pattern, numeric in _PATTERNS if not numeric]
    for month_start, month_end in month_hits:
        # Every word pattern reads its month from this very word ('may', 'march' in lower
        # case are ordinary words): when it is no month, no pattern can succeed.
        if _month(text[month_start:month_end]) is None:
            continue
        starts = _starts_around(text, month_start)
        done = False
        for kind, pattern in word_patterns:
            for position in starts:
                match = pattern.match(text, max(position, start), stop)
                if match is None:
                    continue
                ok, value = _value(kind, match)
                if ok and claim(match.start(), match.end(), kind, value):
                    done = True
                    break
            if done:
                break
    numeric_windows = _windows(
        [m.span() for m in _NUMERIC.finditer(text, start, stop)], MONTH_WINDOW, stop
    )
    for kind, pattern, numeric in _PATTERNS:
        if numeric:
            for lo, hi in numeric_windows:
                for match in pattern.finditer(text, max(lo, start), min(hi, stop)):
                    ok, value = _value(kind, match)
                    if ok:
                        claim(match.start(), match.end(), kind, value)
    for lo, hi in _windows(anchors, RELATIVE_WINDOW, stop):
        lo, hi = max(lo, start), min(hi, stop)
        relative, haystack = _RELATIVE, text
        # The pattern's look-behind reads the character before the window too.
        if lowered_or_none is not None and case_blind(text[max(0, lo - 1) : hi]):
            relative, haystack = _RELATIVE_LOWER, lowered_or_none
        for pattern, scanned in ((relative, haystack), (_GLUED_AGO, text)):
            for match in pattern.finditer(scanned, lo, hi):
                claim(match.start(), match.end(), DateKind.RELATIVE, None)
    found.sort(key=lambda m: m.span.start)
    return found


def _alone_on_line(source: Source, mention: DateMention) -> bool:
    """'Berlin, 27.08.2024' or '27 August 2024' on a line of its own is a dateline."""
    if mention.kind is DateKind.RELATIVE:
        return False
    line = source.line_of(mention.span.start)
    if len(line.text) > 60:
        return False
    rest = source.text[line.start : mention.span.start] + source.text[mention.span.end : line.end]
    words = rest.replace(",", " ").replace("|", " ").replace("–", " ").replace("-", " ").split()
    return len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


@extractor("dates")
def dates(ctx: Context) -> tuple[DateMention, ...]:
    found = find_dates(ctx.source)
    datelines = [b.span for b in ctx.get("bylines")] + [
        c.span for c in ctx.get("credits") if c.kind == "agency-dateline"
    ]
    marked = [
        mention.model_copy(update={"dateline": True})
        if any(d.start <= mention.span.start and mention.span.end <= d.end for d in datelines)
        or _alone_on_line(ctx.source, mention)
        else mention
        for mention in found
    ]
    return tuple(sorted(marked, key=lambda m: (m.span.start, m.span.end)))
