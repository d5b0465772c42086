"""What a page's address says on its own: a date in its path and a language edition. Kept as
evidence of their own kind: an address date is when the page was filed under that path, not
necessarily when its text was published, so it is shown, never taken as the date."""

from __future__ import annotations

import re
from datetime import date

# Source languages as addresses and credit lines name them, in English: the common ones.
LANGUAGE_NAMES = {
    "arabic": "ar", "armenian": "hy", "azerbaijani": "az", "azeri": "az", "belarusian": "be",
    "bulgarian": "bg", "chinese": "zh", "croatian": "hr", "czech": "cs", "danish": "da",
    "dutch": "nl", "english": "en", "estonian": "et", "farsi": "fa", "finnish": "fi",
    "french": "fr", "georgian": "ka", "german": "de", "greek": "el", "hebrew": "he",
    "hindi": "hi", "hungarian": "hu", "indonesian": "id", "italian": "it", "japanese": "ja",
    "kazakh": "kk", "korean": "ko", "kyrgyz": "ky", "latvian": "lv", "lithuanian": "lt",
    "norwegian": "no", "persian": "fa", "polish": "pl", "portuguese": "pt", "romanian": "ro",
    "russian": "ru", "serbian": "sr", "slovak": "sk", "slovenian": "sl", "spanish": "es",
    "swedish": "sv", "tajik": "tg", "turkish": "tr", "turkmen": "tk", "ukrainian": "uk",
    "urdu": "ur", "uzbek": "uz", "vietnamese": "vi",
}  # fmt: skip
_SEGMENTS = {**LANGUAGE_NAMES, **{code: code for code in set(LANGUAGE_NAMES.values())}}
# '/2024/08/27/', '/2024-08-27', '/2013/04/08/', '/2016/12' (year and month), '20240827'.
_DATE_IN_PATH = re.compile(
    r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])"
    r"(?:(?P=sep)(?P<day>0[1-9]|[12]\d|3[01]))?(?![\d])"
)


def _path(url: str) -> str:
    return re.sub(r"^[a-z][a-z0-9+.-]*://[^/]+", "", url, flags=re.I).split("#", 1)[0]


def address_language(url: str | None) -> str | None:
    """A language named by a segment of an address's path ('/es/', '/russian/',
    '.../spanish?x'), as an ISO 639-1 code."""
    if not url:
        return None
    path = _path(url).split("?", 1)[0]
    for segment in path.strip("/").split("/"):
        code = _SEGMENTS.get(segment.casefold())
        if code is not None:
            return code
    return None


def address_date(url: str | None) -> str | None:
    """The date an address's path holds ('/2024/08/27/...' -> '2024-08-27', '/2016/12' ->
    '2016-12'), when it is a real date and not glued to other digits."""
    if not url:
        return None
    for found in _DATE_IN_PATH.finditer(_path(url)):
        year, month, day = found.group("year"), found.group("month"), found.group("day")
        if not found.group("sep") and day is None:
            continue  # '201612' alone is too often an id
        try:
            if day is not None:
                return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
        return f"{year}-{month}"
    return None
