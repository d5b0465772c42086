"""Dates as the text writes them, typed by whether they stand alone or need an anchor.

Compiled regexes over month-name tables (en, de, fr, es, it, pt, tr, az, ru) validated with
``datetime.date``: dateparser is far too slow for 100k articles and guesses where we must
not. Every pattern has bounded repetition, so a scan is linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from typing import Any

from provenance.evidence.calendar_data import TABLE as CALENDAR
from provenance.evidence.model import DateKind, DateMention, Language, build
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
    name: number
    for name, number in _cldr_names("abbreviations").items()
    if name not in MONTH_NUMBER
}
_ANY_MONTH = {**MONTH_ABBREVIATION, **MONTH_NUMBER}
WEEKDAY_NAMES: list[str] = sorted(
    {name for language in CALENDAR.values() for names in language["weekdays"] for name in names}
)
# English month words that are also ordinary words ('may', 'march') or lowercase
# abbreviations count only capitalised, or inside a full date. The other full names stay
# case-free: Dutch, Swedish, Danish, Norwegian, Slovenian and Hungarian write 'december',
# 'april' in lower case.
_ENGLISH = frozenset("march may jan feb mar apr jun jul aug sep sept oct nov dec".split(SPACE))
_M = rf"(?P<month>{trie(_ANY_MONTH)})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º|°)?"
_Y = r"(?P<year>1[89]\d\d|20\d\d)(?:\s*(?:года|г\.|yılı))?"
_B, _E = r"(?<![\w])", r"(?![\w])"
_YEAR_FIRST = r"(?P<year>1[89]\d\d|20\d\d)(?:\.|\s{1,3}m\.)?"

# (kind, pattern, numeric): numeric patterns have no month word and run around digit groups.
_PATTERNS: tuple[tuple[DateKind, re.Pattern[str], bool], ...] = tuple(
    (
        kind,
        re.compile(_B + body + tail, re.IGNORECASE),
        "(?P<month>\\d" in body or "(?P<first>" in body or "(?P<day>\\d{2})" in body,
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
        # '2024/04/28', '2024.04.28': year first, month before day everywhere.
        (
            DateKind.ABSOLUTE,
            r"(?P<year>\d{4})(?P<separator>[/.])(?P<month>\d{1,2})(?P=separator)(?P<day>\d{1,2})",
            r"(?![\w]|\.\d)",
        ),
        (DateKind.ABSOLUTE, r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", _E),
        # Two-digit years only in the dotted day-first form with two-digit fields ('21.06.21'):
        # no other order writes dots so; version numbers ('1.2.34') have shorter fields.
        (DateKind.ABSOLUTE, r"(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{2})", r"(?![\w]|\.\d)"),
        (
            DateKind.ABSOLUTE,
            r"(?P<first>\d{1,2})(?P<separator>[/-])(?P<second>\d{1,2})(?P=separator)(?P<year>\d{4})",
            _E,
        ),
        # Year first: Hungarian '2016. december 21.', Lithuanian '2016 m. gruodžio 21 d.'
        (
            DateKind.ABSOLUTE,
            rf"{_YEAR_FIRST}\s{{1,3}}{_M}\s{{1,3}}(?P<day>[0-3]?\d)(?:\.|\s{{1,3}}d\.)?",
            r"(?![\w])",
        ),
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
_SHORT_UNIT = r"(?:secs?|mins?|hrs?|h|d|w|wks?|mos?|y|yrs?)"
_FOREIGN_NUMBER = (
    r"(?:\d{1,4}|einer?|einem|un|une|una|uno|um|uma|одну|один|одна|jeden|jedną|bir|een)"
)
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
    # page stamps abbreviate: '15 hr ago', '3 mins ago', '2d ago'
    rf"|\d{{1,4}}\s{{0,3}}{_SHORT_UNIT}\.?\s{{1,3}}ago|just\s{{1,3}}now"
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

# N units ago in the languages of page stamps, beside the older pattern: scanned only
# around their own anchor words, so that English text pays nothing for them. The unit
# words are every case a number takes ('3 часа', '5 часов', '2 godziny', '5 godzin').
_FOREIGN_RELATIVE_SOURCE = (
    r"(?<![\w-])(?:"
    rf"vor\s{{1,3}}{_FOREIGN_NUMBER}\s{{1,3}}(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|gerade\s{1,3}eben"
    rf"|il\s{{1,3}}y\s{{1,3}}a\s{{1,3}}{_FOREIGN_NUMBER}\s{{1,3}}(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)"
    r"|à\s{1,3}l'instant"
    rf"|hace\s{{1,3}}{_FOREIGN_NUMBER}\s{{1,3}}(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:secondi|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s{{1,3}}fa"
    rf"|há\s{{1,3}}{_FOREIGN_NUMBER}\s{{1,3}}(?:segundos?|minutos?|horas?|dias?|semanas?|mês|meses|anos?)|ontem"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|день|дн(?:я|ей)|недел(?:ю|и|ь)|месяц(?:а|ев)?|год(?:а)?|лет)\s{{1,3}}назад"
    # 'Месяц назад', 'неделю назад', 'год тому': a single unit needs no number.
    r"|(?:минуту|час|день|неделю|месяц|год|хвилину|годину|тиждень|місяць|рік)\s{1,3}(?:назад|тому)"
    r"|(?:tydzień|miesiąc|rok)\s{1,3}temu"
    r"|только\s{1,3}что"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:секунд[уи]?|хвилин[уи]?|годин[уи]?|день|дн(?:і|ів)|тиж(?:день|ні|нів)|місяц(?:ь|і|ів)|р(?:ік|оки|оків))\s{{1,3}}(?:тому|назад)"
    r"|вчора|щойно"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:sekund[ęy]?|minut[ęy]?|godzin[ęy]?|dzień|dni|tydzień|tygodni(?:e)?|miesi(?:ąc|ące|ęcy)|rok|lata|lat)\s{{1,3}}temu"
    r"|wczoraj|przed\s{1,3}chwilą"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:saniye|dakika|saat|gün|hafta|ay|yıl)\s{{1,3}}önce|az\s{{1,3}}önce"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:saniyə|dəqiqə|saat|gün|həftə|ay|il)\s{{1,3}}(?:əvvəl|öncə)|dünən"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:seconden?|minuten?|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)\s{{1,3}}geleden"
    r"|gisteren|zojuist"
    rf"|منذ\s{{1,3}}(?:{_FOREIGN_NUMBER}\s{{1,3}})?(?:ثوان|ثانية|دقائق|دقيقة|ساعات|ساعة|ساعتين|أيام|يوم|يومين|أسابيع|أسبوع|أشهر|شهر|سنوات|سنة)"
    r"|أمس"
    rf"|{_FOREIGN_NUMBER}\s{{1,3}}(?:ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s{{1,3}}پیش|دیروز"
    r")(?![\w])"
)
_FOREIGN_RELATIVE = re.compile(_FOREIGN_RELATIVE_SOURCE, re.IGNORECASE)


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
_FOREIGN_RELATIVE_LOWER = re.compile(lowercase_twin(_FOREIGN_RELATIVE_SOURCE))
# '2 years ago' glued to a preceding tag ('#asia2 years ago') still reads as a relative date.
# The look-behind follows the first digit (same matches): a pattern that opens with a digit
# lets the regex engine skip straight to digits instead of trying every position.
_GLUED_AGO = re.compile(
    rf"\d(?<=[^\W\d]\d)\d{{0,2}}\s{{1,3}}{_UNIT}\s{{1,3}}ago(?![\w])", re.IGNORECASE
)


# Scanning every pattern over the whole text costs milliseconds per article; instead one fast
# trie scan of the lowercased text finds the words a date must contain, and the full patterns
# run only in small windows around them.
_MONTH_WORD = re.compile(rf"(?<![\w]){trie(MONTH_NUMBER)}(?![\w])")
_MONTH_WORD_ANY_CASE = re.compile(_MONTH_WORD.pattern, re.IGNORECASE)
_NUMERIC = re.compile(r"\d[-./]\d{1,2}[-./]\d")
_ANCHOR_WORDS = (
    "ago earlier later last next this past previous coming recent recently lately yesterday "
    "today tomorrow tonight before monday tuesday wednesday thursday friday saturday sunday "
    "letzte letzten letzter letztes vor gestern heute kürzlich neulich dernier dernière il "
    "récemment hier aujourd'hui pasado pasada hace recientemente ayer scorso scorsa "
    "recentemente ieri прошлой прошлом назад недавно вчера сегодня geçen dün geçenlerde now"
).split(SPACE)
# The words that open or close a phrase of the foreign pattern: windows around them only.
_FOREIGN_ANCHOR_WORDS = frozenset(
    (
        "vor il hace назад gerade l'instant fa há ontem только вчора щойно тому temu wczoraj "
        "chwilą önce dünən əvvəl öncə geleden gisteren zojuist منذ أمس پیش دیروز"
    ).split(SPACE)
)
# Anchors of the older pattern; the scan looks for both lists at once.
_ANCHOR_SET = frozenset(_ANCHOR_WORDS)
_ANCHOR_WORDS = sorted({*_ANCHOR_WORDS, *_FOREIGN_ANCHOR_WORDS})
_ANCHOR = re.compile(rf"(?<![\w]){trie(_ANCHOR_WORDS)}(?![\w])")
_ANCHOR_ANY_CASE = re.compile(_ANCHOR.pattern, re.IGNORECASE)
# On lowercased text both lists are found in one scan (a scan costs as much as all the
# matching around its hits). Every word of either list is a whole word, and no word is in
# both, so each hit of the joint pattern is a hit of exactly one list's own pattern.
# Every word ends on a word character, so the scan may open on the character before each.
# Abbreviations count only between a day and a year, so they are not scanned as words
# (one is 'ago', ten times an article): ``_ABBREVIATED_DATE`` finds them after a day.
_SCANNED = [*MONTH_NUMBER, *_ANCHOR_WORDS]
# The pattern opens on a digit (a digit not after a letter or digit) so that the engine skips
# straight to digits: '12 ago 2024', '3 sie. 2021', '5 de set de 2020'.
_ABBREVIATED_DATE = re.compile(
    rf"\d(?<![\w]\d)\d?(?:\.|º|er)?(?:\s{{1,3}}de)?\s{{1,3}}(?P<word>{trie(MONTH_ABBREVIATION)})"
    rf"\.?(?:\s{{1,3}}de)?,?\s{{1,3}}(?:1[89]|20)\d\d(?![\w])",
    re.IGNORECASE,
)
# With words of a dozen scripts the trie opens on a hundred branches, each tried in turn at
# every word start, and a scan costs twice as much; a text in Latin script alone (most) is
# scanned with the Latin words only.
_NON_LATIN = re.compile(r"[\u0370-\u1fff\u3000-\ud7ff]")
_LATIN_MONTH_OR_ANCHOR, _LATIN_AFTER_BREAK = word_patterns(
    r"\w", rf"{trie([w for w in _SCANNED if not _NON_LATIN.search(w)])}(?![\w])"
)
_MONTH_OR_ANCHOR, _AFTER_BREAK = word_patterns(r"\w", rf"{trie(_SCANNED)}(?![\w])")
MONTH_WINDOW, RELATIVE_WINDOW = 30, 60
MAX_MONTH_WORDS = 2_000  # month words read in one text (see find_dates)


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
    text: str, lowered: str | None, start: int, stop: int, latin: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(month-word spans, anchor-word spans, foreign-anchor-word spans) in the range."""
    if lowered is None:
        every = _hits(_ANCHOR, _ANCHOR_ANY_CASE, text, None, start, stop)
        anchors = [(a, b) for a, b in every if text[a:b].lower() in _ANCHOR_SET]
        foreign = [(a, b) for a, b in every if text[a:b].lower() in _FOREIGN_ANCHOR_WORDS]
        return _hits(_MONTH_WORD, _MONTH_WORD_ANY_CASE, text, None, start, stop), anchors, foreign
    months: list[tuple[int, int]] = []
    anchors = []
    foreign = []
    plain, opened = _MONTH_OR_ANCHOR, _AFTER_BREAK
    if latin:  # no word of another script can be there
        plain, opened = _LATIN_MONTH_OR_ANCHOR, _LATIN_AFTER_BREAK
    for hit in boundary_spans(plain, opened, lowered, start, stop):
        word = lowered[hit[0] : hit[1]]
        # 'ago' is both: Spanish for August ('12 ago 2024') and English for 'before'.
        if word in MONTH_NUMBER:
            months.append(hit)
        if word in _ANCHOR_SET:
            anchors.append(hit)
        if word in _FOREIGN_ANCHOR_WORDS:
            foreign.append(hit)
    return months, anchors, foreign


def _month(raw: str, full_date: bool = True) -> int | None:
    """The month ``raw`` names; an abbreviation only inside a ``full_date`` (day and year)."""
    if raw.isdigit():
        return int(raw)
    word = raw.rstrip(".").lower()
    # Between a day and a year even 'may' is a month ('5 may 2020', Dutch '5 mar. 2020').
    if word in _ENGLISH and not raw[0].isupper() and not full_date:
        return None
    number = MONTH_NUMBER.get(word)
    if number is None and full_date:
        return MONTH_ABBREVIATION.get(word)
    return number


def _year(raw: str) -> int:
    """A two-digit year is this century's up to 69 ('21' is 2021), the last one's after."""
    year = int(raw)
    if len(raw) == 2:
        return year + (2000 if year < 70 else 1900)
    return year


def _value(
    kind: DateKind, match: re.Match[str], month_first: bool | None = None
) -> tuple[bool, str | None]:
    """Whether the match is a real date, and its ISO partial value. ``month_first`` says
    how the page orders an ambiguous 03/02/2014 (True: US English), None: no one knows."""
    groups = match.groupdict()
    if "first" in groups and groups["first"] is not None:
        first, second, year = int(groups["first"]), int(groups["second"]), int(groups["year"])
        if not (1 <= first <= 31 and 1 <= second <= 31 and 1800 <= year <= 2100):
            return False, None
        # d/m/y or m/d/y: a day over 12 tells which; else the page's language, if known.
        for day, month in ((first, second), (second, first)):
            if first != second and day > 12 >= month:
                return _valid(year, month, day)
        if first == second or (first <= 12 and second <= 12 and month_first is not None):
            month, day = (first, second) if month_first or first == second else (second, first)
            return _valid(year, month, day)
        return True, None
    full_date = groups.get("day") is not None and groups.get("year") is not None
    month_number = _month(groups["month"], full_date) if groups.get("month") else None
    if month_number is None or not 1 <= month_number <= 12:
        return False, None
    day_number = int(groups["day"]) if groups.get("day") else None
    if kind is DateKind.YEARLESS:
        return day_number is None or 1 <= day_number <= 31, None
    year_number = _year(groups["year"])
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
_YEAR_BEFORE = re.compile(rf"(?<![\w]){_YEAR_FIRST}\s{{1,3}}$")
_LOOK_BACK = 16


def _starts_around(text: str, month_start: int) -> list[int]:
    """Where a date holding the month word at ``month_start`` may begin: the word itself, a
    day before it ('27 August'), a preposition before it ('since April'), a year before it
    ('2016. december 21.')."""
    starts = [month_start]
    lo = max(0, month_start - _LOOK_BACK)
    for pattern in (_DAY_BEFORE, _PREPOSITION_BEFORE, _YEAR_BEFORE):
        hit = pattern.search(text, lo, month_start)
        if hit:
            starts.append(hit.start())
    return starts


# Arabic-Indic, Persian and Devanagari digits read as ASCII ones: one character for one, so
# every offset into the translated text is the same offset into the page.
_FOREIGN_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९"
_TO_ASCII_DIGITS = str.maketrans(_FOREIGN_DIGITS, "0123456789" * 3)
_FOREIGN_DIGIT = re.compile(f"[{_FOREIGN_DIGITS}]")

# Scripts that write no spaces between words, and Vietnamese, write dates with number words
# around the digits ('2009年12月21日', '3月5日', '2024년 8월 27일', '21 tháng 12 năm 2016')
# and relative stamps glued to the next word ('3小时前'); a word-boundary scan cannot find
# them, so one character-class scan looks for their marks, in non-ASCII texts only.
_WIDE_SCRIPT_MARK = re.compile(r"[年月년월前刚剛昨今전어방]|th[áa]ng")
_CJK_RELATIVE = (
    r"\d{1,4}\s?(?:秒钟|秒|分钟|分鐘|分|个小时|個小時|小时|小時|時間|天|日|周|週間|週|个月|個月|か月|ヶ月|年)\s?(?:之前|以前|前)"
    r"|刚刚|剛剛|刚才|昨天|昨日|前天|今天"
    r"|\d{1,4}\s?(?:초|분|시간|일|주|개월|달|년)\s?전|어제|방금"
)
_WIDE_SCRIPT_PATTERNS: tuple[tuple[DateKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(body, re.IGNORECASE))
    for kind, body in (
        (
            DateKind.ABSOLUTE,
            r"(?<!\d)(?P<year>\d{4})\s?[年년]\s?(?P<month>\d{1,2})\s?[月월]\s?(?P<day>\d{1,2})\s?[日号일]",
        ),
        (
            DateKind.ABSOLUTE,
            r"(?<![\w])(?:ngày\s{1,3})?(?P<day>[0-3]?\d)\s{1,3}th[áa]ng\s{1,3}(?P<month>1[0-2]|0?[1-9])"
            r",?\s{1,3}(?:năm\s{1,3})?(?P<year>1[89]\d\d|20\d\d)(?![\w])",
        ),
        (
            DateKind.MONTH_YEAR,
            r"(?<!\d)(?P<year>\d{4})\s?[年년]\s?(?P<month>\d{1,2})\s?[月월](?!\s?\d)",
        ),
        (DateKind.YEARLESS, r"(?<!\d)(?P<month>\d{1,2})\s?[月월]\s?(?P<day>\d{1,2})\s?[日号일]"),
        (DateKind.RELATIVE, _CJK_RELATIVE),
    )
)


def find_dates(
    source: Source, start: int = 0, end: int | None = None, month_first: bool | None = None
) -> list[DateMention]:
    """Every date in ``source.text[start:end]``, most complete readings first.
    ``month_first``: how the page orders an ambiguous numeric date (True: 03/02 is March 2),
    None when its language is unknown (then no value is claimed for it)."""
    text = source.text
    stop = len(text) if end is None else end
    ascii_text = (text if start == 0 and stop == len(text) else text[start:stop]).isascii()
    # Greek, Cyrillic, Arabic, CJK...: most texts hold none, and then neither foreign
    # digits (their blocks lie in the same range), non-Latin month names nor CJK dates.
    whole = start == 0 and stop == len(text)
    latin = ascii_text or (
        not source.wide_script if whole else not _NON_LATIN.search(text, start, stop)
    )
    if not latin and _FOREIGN_DIGIT.search(text, start, stop):
        # Only the range is translated (a header line need not cost the whole page).
        text = text[:start] + text[start:stop].translate(_TO_ASCII_DIGITS) + text[stop:]
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
    month_hits, anchors, foreign_anchors = _month_and_anchor_hits(
        text, lowered_or_none, start, stop, latin
    )
    # Each month word is tried once against the patterns, most complete first, at the few
    # places such a date can start: no pattern scans the text.
    word_patterns = [(kind, pattern) for kind, pattern, numeric in _PATTERNS if not numeric]
    abbreviated = [m.span("word") for m in _ABBREVIATED_DATE.finditer(text, start, stop)]
    if abbreviated:
        month_hits = sorted({*month_hits, *abbreviated})
    # Each month word costs a few patterns and its date a span and a model; a page holds
    # some dozens, a list or an attack tens of thousands.
    month_hits = month_hits[:MAX_MONTH_WORDS]
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
                    ok, value = _value(kind, match, month_first)
                    if ok:
                        claim(match.start(), match.end(), kind, value)
    # CJK, Hangul and Vietnamese (whose letters 'ư', 'ạ' sit in the same block as Greek
    # extended) all hold a character of the non-Latin blocks.
    if not latin:
        marks = [m.span() for m in _WIDE_SCRIPT_MARK.finditer(text, start, stop)]
        for lo, hi in _windows(marks, MONTH_WINDOW, stop):
            for kind, pattern in _WIDE_SCRIPT_PATTERNS:
                for match in pattern.finditer(text, max(lo, start), min(hi, stop)):
                    ok, value = (True, None) if kind is DateKind.RELATIVE else _value(kind, match)
                    if ok:
                        claim(match.start(), match.end(), kind, value)
    for hits, patterns in (
        (anchors, (_RELATIVE, _RELATIVE_LOWER, _GLUED_AGO)),
        (foreign_anchors, (_FOREIGN_RELATIVE, _FOREIGN_RELATIVE_LOWER, None)),
    ):
        any_case, lower_twin, glued = patterns
        for lo, hi in _windows(hits, RELATIVE_WINDOW, stop):
            lo, hi = max(lo, start), min(hi, stop)
            relative, haystack = any_case, text
            # The pattern's look-behind reads the character before the window too.
            if lowered_or_none is not None and case_blind(text[max(0, lo - 1) : hi]):
                relative, haystack = lower_twin, lowered_or_none
            for match in relative.finditer(haystack, lo, hi):
                claim(match.start(), match.end(), DateKind.RELATIVE, None)
            if glued is not None:
                for match in glued.finditer(text, lo, hi):
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


SURE_LANGUAGE = 0.5


def page_month_first(ctx: Context) -> bool | None:
    """How the page orders an ambiguous numeric date: month first in (US) English, day first
    in every other language; None when the language is unknown or a guess (a few words)."""
    language: Language | None = ctx.get("language")
    if language is None or language.confidence < SURE_LANGUAGE:
        return None
    return language.code == "en"


@extractor("date_mentions")
def date_mentions(ctx: Context) -> tuple[DateMention, ...]:
    """Every date of the text, read once in the page's numeric order: the extractors that
    need the dates of a line or a header take them from here instead of scanning again."""
    return tuple(find_dates(ctx.source, month_first=page_month_first(ctx)))


def mentions_within(ctx: Context, start: int, end: int) -> list[DateMention]:
    """The dates lying wholly inside ``text[start:end]``, in order."""
    found: tuple[DateMention, ...] = ctx.get("date_mentions")
    first = bisect_left(found, start, key=lambda mention: mention.span.start)
    inside: list[DateMention] = []
    for mention in found[first:]:
        if mention.span.start >= end:
            break
        if mention.span.end <= end:
            inside.append(mention)
    return inside


@extractor("dates")
def dates(ctx: Context) -> tuple[DateMention, ...]:
    found: tuple[DateMention, ...] = ctx.get("date_mentions")
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
