"""Bylines, the author's sign-off at the end, and the people credited with other roles.

A byline is read from the start of a line (or of a segment after an omission mark '[...]'),
never from inside a sentence: 'said John Smith' quotes a person, 'By John Smith' credits one.
Four shapes are read:

- a marker before the names, in many languages ('By', 'Par', 'Von', 'Автор:', '作者：',
  'بقلم:', '新华社记者'), or after them ('X著', 'X 기자', 'X | Staff Writer');
- an outlet's or agency's own credit ('Staff Reporter', 'Redaktion', '/ТАСС/' in a dateline,
  an outlet name alone in a header list): one author, ``organisation=True``;
- names alone on a header line, accepted only with context (a date, a reading time or an
  avatar line beside them, an affiliation after them, the body right under them);
- other roles (translator, editor, photographer): :func:`contributors`, never authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from provenance.evidence.dates import mentions_within
from provenance.evidence.lexicon import (
    CHINESE_SURNAMES,
    PARTICLES,
    heading_word,
    is_name_token,
    looks_like_full_name,
    not_a_name,
)
from provenance.evidence.model import (
    Byline,
    Contributor,
    ContributorRole,
    DateKind,
    SignOff,
    build,
)
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import DOMAIN, Line, ends_sentence

MAX_BYLINE_CHARS = 200
HEADER_LINES = 30  # un-prefixed bylines, org lines and agency datelines sit in the header

# --- Markers -------------------------------------------------------------------------------

# Markers that open a byline, by language. A marker ending in a letter needs a space or a
# colon after it ('By X', 'Autor: X'); one ending in a colon, a slash or a CJK character
# may touch the names ('作者：X', '新华社记者X', '文/X').
_WORD_MARKERS = (
    # en
    # 'Posted on March 3, 2021 by NAME': a theme's date slot between the verb and 'by'
    r"(?:written|words|text|article|story|reporting|reported|compiled|posted)\s+by"
    r"|(?:posted|published)\s+on(?:\s+[^\n]{0,40}?)?\s+by|by",
    # fr, de, es, pt, it, nl, sv/no/da
    r"(?:écrit|rédigé|publié(?:e)?\s+le(?:\s+[^\n]{0,40}?)?)\s+par|par",
    r"(?:geschrieben\s+)?von|text|autor(?:in)?",
    r"(?:escrito|publicado|texto\s+de|reportaje\s+de)\s+por|por|texto",
    r"scritto\s+da|testo\s+di|di",
    r"geschreven\s+door|door",
    r"av|af",
    # pl, cs, ru/uk, tr, az
    r"autorka|autorzy|tekst",
    r"автор(?:ы|и|ка)?|текст|материал\s+подготовил[аи]?",
    r"yazar|yazan|haber",
    r"müəllif|hazırladı",
)
# '新华社记者', '本报记者': an agency or paper (ending 社, 报, 台, 网) before '记者'.
_CJK_MARKERS = (
    r"(?:作者|撰文|撰稿)\s*[:：]?|文\s*[/／|｜]"
    r"|(?:[\u4e00-\u9fff]{0,6}(?:社|报|報|台|网|網|刊))?(?:特约)?记者|記者"
)
_RTL_MARKERS = r"بقلم|كتب(?:ت|ه)?|نویسنده|نوشته|نگارش|إعداد"
_PREFIX = re.compile(
    r"^[(\[•·*\s-]*(?:"
    rf"(?P<word>{'|'.join(_WORD_MARKERS)})(?:\s*:\s*|\s+)"
    rf"|(?P<cjk>{_CJK_MARKERS})\s*"
    rf"|(?P<rtl>{_RTL_MARKERS})\s*[:：]\s*|(?P<bare_rtl>بقلم)\s+"
    # 'Reporter: X' (a label; 'Reporters say' opens a sentence)
    r"|(?:reporters?|journalist|periodista|redactor|redactora)\s*:\s*"
    r"|(?P<blog>(?:le\s+|the\s+|il\s+|el\s+|das\s+)?blog\s+(?:de|of|von|di|del|du)\s+)"
    r")",
    re.IGNORECASE,
)
# First words of the markers above (and of their CJK forms), for :func:`_may_open`.
_BYLINE_FIRST_WORDS = frozenset(
    "by written words text article story reporting reported compiled posted published reporter "
    "reporters journalist écrit rédigé "
    "publié publiée par geschrieben von autor autorin escrito publicado texto reportaje por "
    "scritto testo di geschreven door av af autorka autorzy tekst автор авторы автори "
    "авторка текст материал yazar yazan haber müəllif hazırladı بقلم كتب كتبت كتبه نویسنده "
    "نوشته نگارش إعداد blog".split()
)
# 'le Blog de X', 'the blog of X': articles open many lines, so the blog is checked apart.
_ARTICLES = frozenset("le the il el das".split())
_BYLINE_CJK = ("作者", "撰文", "撰稿", "文", "記者")
# Markers that put a platform's label before the name: the name may be a lowercase login.
_LOWERCASE_ALLOWED = re.compile(r"^(?:posted|published|publi|pubblicato)", re.IGNORECASE)
# Words after which a byline's names stop: the next clause credits another role.
_ROLE_CUT = re.compile(
    r"\s*[;.]?\s*\b(?:(?:additional\s+)?(?:editing|edited|writing|translated|translation|"
    r"photos?|photographs?|graphics|illustrations?|video)\s+by|"
    r"traducido|traduit|traduction|übersetzt|übersetzung|перевод|переклад|fotos?|фото)\b.*$",
    re.IGNORECASE,
)
_JOIN = re.compile(
    r"(\s*[,;、，،]\s*|\s+(?:and|und|et|y|e|i|и|і|та|ve|və|och|og|és|a|ir|si|și)\s+|\s*&\s*)",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\s+(?:in|aus|à|en|a|em|из|в|у|da|from)\s+", re.IGNORECASE)
_TAIL = re.compile(
    r"^[\s,|•·–—-]*(?:\d{1,2}:\d{2}(?:\s*(?:am|pm|gmt|utc|cet|msk))?)?[\s,|.]*$", re.I
)
# What may sit between the names and a date: 'Par X – Le 3 mai', 'Von X am 3. Mai'.
_BEFORE_DATE = re.compile(
    r"[\s,|•·–—-]*(?:\b(?:le|am|on|el|il|den|de|op|em|updated|published|publié|"
    r"publicado|veröffentlicht)\b[\s:,]*)*$",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\s*\([^()]{0,60}\)")
_DASH = re.compile(r"^[—–-]{1,2}\s*")

# Name after the marker: 'X著' (zh, ja: 'written by X'), 'X 기자' (ko: 'reporter X').
_WRITTEN_BY_CJK = re.compile(r"^([\u4e00-\u9fff·・]{2,14}?)\s*\d*\s*著(?=\s|$|[,，])")
_KOREAN_REPORTER = re.compile(
    r"^((?:[\uac00-\ud7a3]{2,4}\s*[,·、]?\s*){1,4}?)\s*기자(?![\uac00-\ud7a3])"
)
# 'X | Staff Writer', 'X, Special Correspondent': a name and the writer's role.
_AFFILIATION_BAR = re.compile(r"\s*[|•·]\s*")
_ROLE_AFTER = re.compile(
    r"^(?P<names>[^|,–—]{3,80}?)\s*[|,–—-]\s*(?:(?:senior|special|chief|foreign|staff|"
    r"contributing|political|economics?|business|science|technology|sports?)\s+)*"
    r"(?:staff\s+writer|staff\s+reporter|writer|reporter|correspondent|columnist|"
    r"contributor|journalist|корреспондент|журналист|periodista|journaliste|"
    r"korrespondent(?:in)?|redakteur(?:in)?|giornalista)\s*$",
    re.IGNORECASE,
)

_ROLE_WORDS = frozenset(
    "writer reporter correspondent columnist contributor journalist корреспондент журналист "
    "periodista journaliste korrespondent korrespondentin redakteur redakteurin giornalista".split()
)

_ROLE_ENDINGS = tuple(_ROLE_WORDS)


def staff_role(text: str | None) -> bool:
    """'Staff Writer', 'Special Correspondent': a role at the host, not an affiliation."""
    words = (text or "").casefold().split()
    return bool(words) and words[-1] in _ROLE_WORDS


# --- Organisational bylines ---------------------------------------------------------------

_ORGANISATION_LINE = re.compile(
    r"^(?:by\s+)?(?:our\s+(?:own\s+)?(?:staff\s+)?(?:correspondent|reporter)s?|"
    r"(?:special\s+|staff\s+|foreign\s+)?correspondents?\s+staff|"
    r"staff\s+(?:reporter|writer|correspondent)s?|special\s+correspondent|"
    r"(?:news|web|city|foreign)\s+desk|"
    r"la\s+r[ée]daction|r[ée]daction|redacci[óo]n|redaktion|redazione|redactie|redakcja|"
    r"redação|redakce|редакция|редакція|редакція\s+сайту|редакция\s+сайта|"
    r"[\w./&-]{2,20}(?:\s+[\w./&-]{2,20})?\s+staff)$",
    re.IGNORECASE,
)
# After a marker: 'By Staff', 'por Agencia EFE', 'By Reuters'.
_ORGANISATION_AFTER_MARKER = re.compile(
    r"^(?:staff|the\s+\w+\s+staff|(?:agencia|agence|agenzia|agência|agentur|агентство)\s+\S.*|"
    r"reuters|afp|ap|associated\s+press|efe|dpa|ansa|tass|тасс|интерфакс|interfax|"
    r"ria\s+novosti|риа\s+новости|xinhua|anadolu|anadolu\s+agency|pti|ians|ani|"
    r"bloomberg|kyodo|yonhap|apa|trend|report\.az)$",
    re.IGNORECASE,
)
# 'ВАШИНГТОН, 9 августа. /ТАСС/.', 'Baku. 27 June. REPORT.AZ/': the agency's own credit.
_SLASH_DATELINE = re.compile(
    r"^[^\W\d_][^\W\d_'’-]*(?:[ -][^\W\d_][^\W\d_'’-]*){0,3}[,.]\s+\d{1,2}\s+[^\W\d_]{3,12}\.?"
    r"(?:\s+\d{4})?\.?\s*/?\s*(?P<org>[^\W\d_][\w.-]{1,24})\s*/"
)
_PRESS_RELEASE_WIRE = re.compile(r"wire|^pr$|^ots$", re.IGNORECASE)
_BULLETS = "•·*▪●◦‣-"
_BULLET = re.compile(rf"^[{_BULLETS}]\s*")

# --- Un-prefixed bylines -------------------------------------------------------------------

_READING_TIME = re.compile(
    r"\b\d{1,3}\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|dk|dakika|分钟)\b|\bread\b|lesezeit|"
    r"lecture|lectura|lettura|время\s+чтения",
    re.IGNORECASE,
)
_AVATAR = re.compile(
    r"\b(?:avatar|author(?:'s)?\s+(?:photo|image|picture)|photo\s+of\s+the\s+author|"
    r"de\s+l['’]auteur|des\s+autors|del\s+autor|аватар)\b",
    re.IGNORECASE,
)
_STAMP_LEFTOVER = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|\b(?:am|pm|gmt|utc|cet|msk|on|at|le|am|el|il|den|de|"
    r"published|updated|posted|publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|"
    r"actualizado|pubblicato|опубликовано|обновлено|yayınlanma|tarihi|dərc\s+olunub)\b|[\W_]+",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-ZÀ-Þ]{2,8}$")
_CHINESE_AUTHOR_LINE = re.compile(
    rf"^(?P<name>[{CHINESE_SURNAMES}]\s?[\u4e00-\u9fff]{{1,2}})\s*[,，]\s*[\u4e00-\u9fff]{{0,6}}"
    r"(?:工程师|记者|编辑|教授|研究员|讲师|博士|主任|经理|顾问|分析师|学者|作家|专家|职业者|主编)"
)
_BODY_CHARS = 160  # a line this long is a paragraph of the body, not a header line
_BODY_WORDS = 14


_LEADING = "([•·*- \t"


def first_word(text: str) -> str:
    """The line's first word, lowercased, without a leading bracket or bullet and without a
    colon: the cheap test that spares most lines every marker regex."""
    words = text[:40].lstrip(_LEADING).split(None, 1)
    return words[0].partition(":")[0].partition("：")[0].lower() if words else ""


def _may_open(text: str, words: frozenset[str], cjk: tuple[str, ...]) -> bool:
    """Whether a marker of ``words`` (or one of ``cjk``, which touch the names) may open
    ``text``."""
    word = first_word(text)
    if word in words:
        return True
    if word in _ARTICLES:
        return text[len(word) : len(word) + 6].lower() == " blog "
    return word[:1] >= "\u3400" and (word.startswith(cjk) or "记者" in word)


# --- Names ---------------------------------------------------------------------------------

_UNCASED_SCRIPT = re.compile(
    r"^[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
    r"\u0e00-\u0e7f\u0900-\u097f\uac00-\ud7a3\u200c ]+$"
)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff·・ ]{2,16}$")
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
_HANDLE = re.compile(r"^@[\w.-]{2,30}$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.\s?){1,3}$")
_LOWERCASE_NAME = re.compile(r"^[^\W\d_A-Z][\w'’-]*(?:\s[^\W\d_][\w'’-]*){1,3}$")
_LOGIN = re.compile(r"^[a-z][a-z0-9_.-]{2,29}$")
_TITLE = re.compile(r"^(?:dr|prof|mr|mrs|ms|sir|dame|rev|fr)\.?\s+", re.IGNORECASE)


def _caps_token(token: str) -> bool:
    """'KARNOWSKI', 'CASTRONOVO': an ALL-CAPS surname, as some bylines print it."""
    letters = token.replace("-", "").replace("'", "")
    return letters.isalpha() and token.isupper() and not not_a_name(token)


def _leet_token(token: str) -> bool:
    """'Lucien-Alex@ndre': a name written with '@' for 'a' (a blog's own spelling)."""
    return "@" in token[1:] and is_name_token(token.replace("@", "a"))


def _lenient_name(tokens: list[str]) -> bool:
    """A name as a byline prints it: 'J. M.', 'STEVE KARNOWSKI', 'Alex@ndre CASTRONOVO'."""
    if _INITIALS.match(" ".join(tokens)):
        return len(tokens) >= 1 and len("".join(tokens)) >= 4  # 'J. M.', not a stray 'A.'
    if not 2 <= len(tokens) <= 5 or tokens[0].lower() in PARTICLES:
        return False
    if tokens[-1].lower() in PARTICLES or tokens[-1].endswith("."):
        return False
    return all(
        is_name_token(t) or _caps_token(t) or _leet_token(t) or t.lower() in PARTICLES
        for t in tokens
    )


def _han_name(text: str) -> bool:
    """'王华东', '王 华东', '尼古拉斯·汉弗莱': a Han name opens with a common surname; a
    transliterated foreign one joins its parts with a middle dot."""
    squeezed = "".join(text.split())
    if not 2 <= len(squeezed) <= 12:
        return False
    if "·" in squeezed or "・" in squeezed:
        return True
    return len(squeezed) <= 4 and squeezed[0] in CHINESE_SURNAMES


def _short_surname_first(tokens: list[str]) -> bool:
    """'An Baijie', 'He Yafei', 'Ma Jian': a Chinese surname spelled like a short English
    word, then a given name."""
    return (
        len(tokens) == 2
        and 2 <= len(tokens[0]) <= 3
        and tokens[0].istitle()
        and tokens[0].isalpha()
        and is_name_token(tokens[1])
        and tokens[1].islower() is False
    )


def person_name(text: str, *, lowercase: bool = False, cased: bool = False) -> str | None:
    """``text`` as a person's name written after a byline marker, or None when it is not
    one. ``lowercase``: a platform's label precedes it, so a lowercase login counts.
    ``cased``: no marker vouches for it, so only a script with capitals (where a name shows
    by its capitals) counts; a Han or Arabic phrase alone on a line could be anything."""
    text = _TITLE.sub("", text.strip(' \t,;:|•·–—-"“”«»'))
    if not text or len(text) > 60:
        return None
    if _HANDLE.match(text):
        return text
    if cased and not any(ch.isupper() for ch in text):
        return None
    if _CJK_NAME.match(text):
        return text if _han_name(text) else None
    if _UNCASED_SCRIPT.match(text):
        return text if 1 <= len(text.split()) <= 5 else None
    tokens = text.split()
    if looks_like_full_name(tokens) or _lenient_name(tokens) or _short_surname_first(tokens):
        return text
    if lowercase and (_LOWERCASE_NAME.match(text) or _LOGIN.match(text)):
        return text
    return None


def _split_caps_then_affiliation(piece: str) -> str:
    """'STEVE KARNOWSKI Associated Press' -> 'STEVE KARNOWSKI': the ALL-CAPS name, then the
    employer in ordinary case."""
    tokens = piece.split()
    caps = 0
    while caps < len(tokens) and _caps_token(tokens[caps]):
        caps += 1
    if caps >= 1 and caps < len(tokens) and tokens[caps][:1].isupper():
        return " ".join(tokens[:caps]) if caps >= 2 else piece
    return piece


def split_names(
    body: str, *, lowercase: bool = False, cased: bool = False
) -> tuple[list[str], str | None] | None:
    """The names in a byline's body and the first place ('A in Beijing and B in Washington'),
    or None. After a comma or a bar, a piece that is not a name is the affiliation
    ('Rosemary Stanton, UNSW'): reading stops there."""
    parts = _JOIN.split(body)
    names: list[str] = []
    place: str | None = None
    for index in range(0, len(parts), 2):
        piece = parts[index].strip()
        joiner = parts[index - 1].strip() if index else ""
        if not piece:
            continue
        located = _PLACE.split(piece, maxsplit=1)
        if len(located) == 2 and _capitalised(located[1]):
            piece = located[0]
            place = place or located[1].strip(" ,")
        name = person_name(piece, lowercase=lowercase, cased=cased) or person_name(
            _split_caps_then_affiliation(piece), cased=cased
        )
        if name is not None:
            names.append(name)
        elif names and joiner in {",", "，", "،", ";", ""}:
            break
        else:
            return None
    return (names, place) if names else None


def _capitalised(place: str) -> bool:
    words = place.strip(" ,").split()
    return bool(words) and len(words) <= 4 and all(w[:1].isupper() for w in words)


# --- Prefixed bylines ----------------------------------------------------------------------


def _date_after(ctx: Context, start: int, end: int) -> tuple[int, str | None] | None:
    """Where the byline's body ends and the date it carries: (end, value). None when an
    absolute date is followed by more than a time (the line is a sentence, not a byline)."""
    mentions = [m for m in mentions_within(ctx, start, end) if m.kind is not DateKind.RELATIVE]
    if not mentions:
        return end, None
    first = min(mentions, key=lambda m: m.span.start)
    if not _TAIL.match(ctx.source.text[first.span.end : end]):
        return None
    return first.span.start, first.value


def _organisation(ctx: Context, line: Line, name: str) -> Byline:
    return build(
        Byline,
        {"span": ctx.source.line_span(line), "names": (name,), "organisation": True},
    )


def parse_byline(ctx: Context, line: Line) -> Byline | None:
    """The byline opened by a marker on ``line``, or None when the line is not one."""
    if len(line.text) > MAX_BYLINE_CHARS:
        return None
    if not _may_open(line.text, _BYLINE_FIRST_WORDS, _BYLINE_CJK):
        return None
    prefix = _PREFIX.match(line.text)
    if prefix is None:
        return None
    marker = prefix.group(0)
    body_start = line.start + prefix.end()
    located = _date_after(ctx, body_start, line.end)
    if located is None:
        return None
    body_end, date_value = located
    body = ctx.source.text[body_start:body_end]
    body = _ROLE_CUT.sub("", body)
    body = _BEFORE_DATE.sub("", _PARENTHESES.sub("", body)).strip(" ,|•·–—-\t)]")
    if prefix.group("word") and prefix.group("word").lower() == "door":
        body = re.sub(r"\s+en\s+", " & ", body)  # Dutch 'en' joins names, elsewhere a place
    if _ORGANISATION_AFTER_MARKER.match(body) or _ORGANISATION_LINE.match(body):
        return _organisation(ctx, line, body)
    if prefix.group("cjk") or prefix.group("rtl") or prefix.group("bare_rtl"):
        body = re.sub(r"(?<=[\u4e00-\u9fff])\d+", "", body)  # footnote marks: '李恒威2'
        body = re.split(r"\s{2,}|\s(?=[\u4e00-\u9fff]{0,6}(?:报道|摄|电)$)", body)[0]
    lowercase = bool(_LOWERCASE_ALLOWED.match(marker.strip("([")))
    split = split_names(body, lowercase=lowercase)
    if split is None and _AFFILIATION_BAR.search(body):
        # 'By Maria Lopez | Staff Writer', 'By A. Roe • The Herald': the names come first.
        split = split_names(_AFFILIATION_BAR.split(body, maxsplit=1)[0], lowercase=lowercase)
    if split is None:
        return None
    names, place = split
    return build(
        Byline,
        {
            "span": ctx.source.line_span(line),
            "names": tuple(names),
            "place": place,
            "date": date_value,
        },
    )


def _name_first_byline(ctx: Context, line: Line) -> Byline | None:
    """'X著', 'X 기자', 'X | Staff Writer': the marker after the names."""
    text = line.text
    names: list[str] | None = None
    if "著" in text and (match := _WRITTEN_BY_CJK.match(text)):
        names = [match.group(1)] if _han_name(match.group(1)) else None
    elif "기자" in text and (match := _KOREAN_REPORTER.match(text)):
        names = [n for n in re.split(r"\s*[,·、]\s*|\s+", match.group(1)) if n]
        names = names if all(_HANGUL_NAME.match(n) for n in names) else None
    elif (
        len(text) <= 100
        and text.rsplit(None, 1)[-1].lower() in _ROLE_WORDS
        and (match := _ROLE_AFTER.match(text))
    ):
        split = split_names(match.group("names"))
        names = split[0] if split else None
    if not names:
        return None
    return build(Byline, {"span": ctx.source.line_span(line), "names": tuple(names)})


def _slash_dateline(ctx: Context, line: Line) -> Byline | None:
    """'ВАШИНГТОН, 9 августа. /ТАСС/.': the agency credits itself in the dateline."""
    if line.text.find("/", 0, 80) < 0:
        return None
    match = _SLASH_DATELINE.match(line.text)
    if match is None:
        return None
    org = match.group("org").rstrip(".")
    # '/PRNewswire/' distributes a company's release: the company, not the wire, wrote it.
    if _PRESS_RELEASE_WIRE.search(org) or not (org.isupper() or "." in org):
        return None
    return _organisation(ctx, line, org)


# --- Header lines: organisation lines and names alone ----------------------------------------


def _is_body(line: Line) -> bool:
    return len(line.text) >= _BODY_CHARS or (line.words >= _BODY_WORDS and ends_sentence(line.text))


def _beside_a_stamp(ctx: Context, line: Line | None) -> bool:
    """A date, a reading time or an avatar line: what a page prints beside its byline."""
    if line is None or len(line.text) > 80:
        return False
    if _READING_TIME.search(line.text) or _AVATAR.search(line.text):
        return True
    found = [
        m for m in mentions_within(ctx, line.start, line.end) if m.kind is not DateKind.RELATIVE
    ]
    if not found:
        return False
    # 'August 7, 2019', 'Published: 3 May 2024 | 10:15': the line is the date. A heading
    # holding a date ('Session of 19 September 2019') is not a stamp.
    rest = line.text
    for mention in sorted(found, key=lambda m: -m.span.start):
        rest = rest[: mention.span.start - line.start] + rest[mention.span.end - line.start :]
    return not _STAMP_LEFTOVER.sub("", rest)


def _affiliation_line(line: Line | None) -> bool:
    """'BDU, “Jurnalistika” laboratoriyası, elmi işçi': short, a list, not a sentence."""
    return (
        line is not None
        and len(line.text) <= 120
        and not ends_sentence(line.text)
        and ("," in line.text or "|" in line.text)
    )


_AFFILIATION_JOINERS = frozenset(
    "of for and the & de des du la le del di da do dos der die für und of-the i y e et".split()
)


def _affiliation(tail: str) -> bool:
    """'UNSW', 'University of Sydney', 'Reuters': what follows a name after a comma."""
    words = tail.split()
    if not words or len(words) > 8 or ends_sentence(tail):
        return False
    if _ACRONYM.match(words[0].strip("()")):
        return True
    # 'University of Leeds', 'Institut für Weltwirtschaft': capitals joined by small words.
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _AFFILIATION_JOINERS for w in words
    )


def _names_alone(text: str) -> tuple[list[str], str | None] | None:
    """One to four names alone on a line, maybe followed by an alias '(Mirzəyev)' or by an
    affiliation: (names, the affiliation that follows)."""
    if len(text) > 90 or (ends_sentence(text) and not text.endswith(")")):
        return None
    pieces = re.split(r"\s*[|–—]\s*|,\s*(?=[^,]*$)", text, maxsplit=1)
    head, tail = pieces[0], (pieces[1] if len(pieces) > 1 else "")
    alias = re.match(r"^(.*?)\s*(\([^()]{2,30}\))$", head)
    core = alias.group(1) if alias else head
    split = split_names(core, cased=True)
    if split is None or len(split[0]) > 4 or split[1] is not None:
        return None
    names = split[0]
    if alias:
        if len(names) != 1 or not all(is_name_token(w) for w in alias.group(2)[1:-1].split()):
            return None
        names = [f"{names[0]} {alias.group(2)}"]
    if tail and not _affiliation(tail):
        return None
    return names, tail or None


def seen_lowercase(text: str, names: Iterable[str]) -> bool:
    """Whether a word of the names also appears in lowercase in the text: a person's name
    does not, a phrase of ordinary words ('Mündliche Frage', 'Key Points') often does."""
    for name in names:
        for word in name.split():
            plain = word.strip("().")
            lowered = plain.lower()
            if plain != lowered and re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text):
                return True
    return False


def _header_byline(ctx: Context, lines: list[Line], index: int) -> Byline | None:
    line = lines[index]
    text = line.text
    if len(text) > 90:
        return None
    if len(text) <= 40 and _ORGANISATION_LINE.match(text):
        return _organisation(ctx, line, re.sub(r"^by\s+", "", text, flags=re.I))
    if text[0] in _BULLETS:
        bullet = _BULLET.match(text)
        return _listed_outlet(ctx, lines, index, text[bullet.end() :]) if bullet else None
    if index == 0:
        return None  # the first line is the headline (or the site's name)
    before = lines[index - 1]
    after = lines[index + 1] if index + 1 < len(lines) else None
    after_next = lines[index + 2] if index + 2 < len(lines) else None
    chinese = line.text[:1] in CHINESE_SURNAMES and _CHINESE_AUTHOR_LINE.match(line.text)
    if chinese:
        name = chinese.group("name")
        span = ctx.source.span(line.start, line.start + len(name))
        return build(Byline, {"span": span, "names": (name,)})
    if not (text[0].isupper() or text[0] == "@"):
        return None
    alone = _names_alone(line.text)
    if alone is None:
        return None
    names, affiliation = alone
    headline_words = set(lines[0].text.casefold().split())
    if any(word.casefold() in headline_words for name in names for word in name.split()):
        return None  # the headline's subject ('Trump says ...' over 'Donald Trump')
    if any(heading_word(word) for name in names for word in name.split()):
        return None  # 'Key Points', 'Mündliche Frage': a subheading
    stamped = _beside_a_stamp(ctx, before) or _beside_a_stamp(ctx, after)
    above_body = (after is not None and _is_body(after)) or (
        _affiliation_line(after) and after_next is not None and _is_body(after_next)
    )
    if _is_body(before) and not stamped:
        return None  # between paragraphs: a subheading or a quoted name
    if not (stamped or affiliation or above_body) or seen_lowercase(ctx.source.text, names):
        return None
    return build(
        Byline,
        {
            "span": ctx.source.line_span(line),
            "names": tuple(names),
            "affiliation": affiliation if affiliation and not staff_role(affiliation) else None,
        },
    )


def _listed_outlet(ctx: Context, lines: list[Line], index: int, text: str) -> Byline | None:
    """'• Novator.az' among '• 24 Mart 2020' and '• comments': the outlet as the byline."""
    domain = DOMAIN.fullmatch(text.strip())
    if domain is None or not text[:1].isupper():
        return None
    neighbours = lines[max(0, index - 2) : index] + lines[index + 1 : index + 3]
    if not any(_BULLET.match(n.text) and _beside_a_stamp(ctx, n) for n in neighbours):
        return None
    return _organisation(ctx, lines[index], text.strip())


def _may_credit(text: str) -> bool:
    """Whether a byline or credit marker may open ``text`` or close it ('X著', 'X 기자',
    'X | Staff Writer'): one set lookup for most lines."""
    if len(text) <= 100 and text[-14:].lower().endswith(_ROLE_ENDINGS):
        return True
    if text[0] >= "\u3400":  # Han, kana, Hangul: markers touch the names, or follow them
        return _may_open(text, _OPENING_WORDS, _OPENING_CJK) or "著" in text or "기자" in text
    # Most lines open with a word no marker starts with: two letters tell.
    # ('The' opens many lines: 'the blog of X' is told by its 'log'.)
    if text[0] not in _LEADING and text[:2].lower() not in _OPENING_STARTS:
        return "log" in text[:14] and _may_open(text, _OPENING_WORDS, _OPENING_CJK)
    return _may_open(text, _OPENING_WORDS, _OPENING_CJK)


@extractor("credit_openings")
def credit_openings(ctx: Context) -> tuple[Line, ...]:
    """The lines (or parts of lines after '[...]') where a byline or a contributor credit
    may start: one cheap pass shared by :func:`bylines` and :func:`contributors`."""
    # The source already splits a quoted page's lines at its omission marks ('[...]').
    return tuple(line for line in ctx.source.content if _may_credit(line.text))


@extractor("bylines")
def bylines(ctx: Context) -> tuple[Byline, ...]:
    found: list[Byline] = []
    marked = {b.span.line for b in found_marked(ctx, found)}
    # The source splits a quoted page's lines at its omission marks ('[...]').
    lines = ctx.source.content[:HEADER_LINES]
    header = list(lines)
    for index, line in enumerate(lines):
        if line.number in marked:
            continue
        byline = _header_byline(ctx, header, index)
        if byline is None and line.text.find("/", 0, 300) >= 0:
            byline = _slash_dateline(ctx, line)
        if byline is None and _has_bar(line.text) and _BYLINE_FIELD.search(line.text):
            byline = _byline_in_a_field(ctx, line)
        if byline is not None:
            found.append(byline)
    found.sort(key=lambda b: b.span.start)
    return tuple(found)


_FIELD_BAR = re.compile(r"\s[|•·]\s")
# A field that opens on a byline marker: only such rows are split into fields.
_BYLINE_FIELD = re.compile(r"\s[|•·]\s+(?:by|par|von|por|di|door|av|af)\s", re.IGNORECASE)


def _has_bar(text: str) -> bool:
    return "|" in text or "•" in text or "·" in text


def _byline_in_a_field(ctx: Context, line: Line) -> Byline | None:
    """'Published: 3 December 2026 | By Tom Reed': a byline in one field of a header row."""
    offset = 0
    for part in _FIELD_BAR.split(line.text):
        at = line.text.index(part, offset)
        offset = at + len(part)
        if not part.strip() or at == 0:
            continue
        field = Line(line.number, line.start + at, line.start + at + len(part), part)
        byline = parse_byline(ctx, field)
        if byline is not None:
            return byline
    return None


# A page credits a handful of authors, a roundup a few dozen; a text of thousands of
# byline-shaped lines is a list or an attack, and parsing each one costs tens of
# microseconds and a model.
MAX_MARKED_BYLINES = 100


def found_marked(ctx: Context, found: list[Byline]) -> list[Byline]:
    """Append the bylines a marker opens or closes to ``found`` (at most
    ``MAX_MARKED_BYLINES``); return ``found``."""
    marked = 0
    for segment in ctx.get("credit_openings"):
        byline = parse_byline(ctx, segment) or _name_first_byline(ctx, segment)
        if byline is not None:
            found.append(byline)
            marked += 1
            if marked >= MAX_MARKED_BYLINES:
                break
    return found


MAX_SIGN_OFF_CHARS = 60


@extractor("sign_offs")
def sign_offs(ctx: Context) -> tuple[SignOff, ...]:
    """A name alone on the last body line (after it: only credits and residue)."""
    if ctx.source.capped:
        return ()  # read only in part (MAX_LINES): the last line read is not the last line
    skip = {r.span.line for r in ctx.get("residue")} | {c.span.line for c in ctx.get("credits")}
    skip |= {b.span.line for b in ctx.get("bylines")}
    skip |= {c.span.line for c in ctx.get("contributors")}
    last = next((ln for ln in reversed(ctx.source.content) if ln.number not in skip), None)
    if last is None:
        return ()
    text = _DASH.sub("", last.text).strip()
    if len(text) > MAX_SIGN_OFF_CHARS or not looks_like_full_name(text.split()):
        return ()
    offset = last.start + last.text.index(text)
    return (SignOff(span=ctx.source.span(offset, offset + len(text)), name=text),)


# --- Contributors: translators, editors, photographers --------------------------------------

_ROLE_MARKERS: tuple[tuple[ContributorRole, str], ...] = (
    (
        ContributorRole.TRANSLATOR,
        r"translated(?:\s+from\s+(?:the\s+)?\w+)?\s+by|translation\s+by|translat(?:ion|or)\s*:"
        r"|traducido(?:\s+del?\s+\w+)?(?:\s+(?:para|por\s+encargo\s+de)\s+[^\n]{1,40}?)?\s+por"
        r"|traducci[óo]n(?:\s+de|\s*:)|tradu[çc][ãa]o\s*:|traduzido\s+por"
        r"|traduit(?:\s+de\s+l['’]\w+)?\s+par|traduction\s*:|traduzione(?:\s+di|\s*:)"
        r"|tradotto\s+da|übersetzt(?:\s+aus\s+dem\s+\w+)?\s+von|übersetzung(?:\s+von|\s*:)"
        r"|aus\s+dem\s+\w+\s+von|vertaald\s+door|vertaling\s*:"
        r"|перев[её]л(?:а|и)?\s*:?|перевод(?:\s+с\s+\w+(?:\s+языка)?)?\s*:?|переклад\s*:?"
        r"|tłumaczenie\s*:|tłumaczył(?:a)?\s*:?|çeviri\s*:|çeviren\s*:|tərcümə\s*:"
        r"|tərcümə\s+edən|ترجمة\s*:?|ترجمه\s*:|مترجم\s*:|译者\s*[:：]?|翻译\s*[:：]|翻譯\s*[:：]",
    ),
    (
        ContributorRole.EDITOR,
        r"editing\s+by|edited\s+by|editor\s*:|edición\s*:|editado\s+por|édité\s+par"
        r"|bearbeitet\s+von|redigiert\s+von|редактор\s*:|redaktor\s*:|(?:责任)?编辑\s*[:：]"
        r"|責任編輯\s*[:：]",
    ),
    (
        ContributorRole.PHOTOGRAPHER,
        r"photo(?:graph)?s?\s+by|photo(?:graph)?s?(?:\s+credit)?\s*:|crédits?\s+photo\s*:"
        r"|fotos?\s*:|fotografía\s*:|fotó\s*:|fotoğraf\s*:|bild\s*:|фото\s*:|zdjęcie\s*:"
        r"|摄影\s*[:：]|图\s*[:：]|تصوير\s*:|عکس\s*:",
    ),
)
_ROLE_FIRST_WORDS = frozenset(
    "translated translation translator traducido traducción traduccion tradução traducao "
    "traduzido traduit traduction traduzione tradotto übersetzt übersetzung aus vertaald "
    "vertaling перевел перевёл перевела перевели перевод переклад tłumaczenie tłumaczył "
    "tłumaczyła çeviri çeviren tərcümə ترجمة ترجمه مترجم editing edited editor edición "
    "editado édité bearbeitet redigiert редактор redaktor photo photos photograph "
    "photographs crédit crédits foto fotos fotografía fotó fotoğraf bild фото zdjęcie تصوير "
    "عکس".split()
)
_ROLE_CJK = ("译者", "翻译", "翻譯", "编辑", "责任编辑", "責任編輯", "摄影", "图")
_OPENING_WORDS = _BYLINE_FIRST_WORDS | _ROLE_FIRST_WORDS | {"additional"}
_OPENING_CJK = _BYLINE_CJK + _ROLE_CJK
_OPENING_STARTS = frozenset(word[:2] for word in _OPENING_WORDS)
_ROLE_AT_START = re.compile(
    r"^[(\[\s]*(?:"
    + "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_ROLE_MARKERS))
    + r")\s*",
    re.IGNORECASE,
)
_ROLE_IN_LINE = re.compile(r"\b(?P<role>editing|edited|translated|photo)\s+by\s+", re.IGNORECASE)
_IN_LINE_ROLES = {
    "editing": ContributorRole.EDITOR,
    "edited": ContributorRole.EDITOR,
    "translated": ContributorRole.TRANSLATOR,
    "photo": ContributorRole.PHOTOGRAPHER,
}
# Credits inside a line that no opening marks: 'İngilis dilindən tərcümə edən X', a Han
# translator after the author ('X著 Y译'), a photographer after an agency in a caption.
_IN_LINE_WORDS = ("tərcümə edən", "译", "訳")
# Where a credited name stops: the next clause, the platform ('on Unsplash'), a sentence end.
_CREDIT_END = re.compile(
    r"\s+(?:on|via|for|from|para|pour|für|für\s+die|/)\s+.*$|\s*[)\]].*$|(?<=\w\w)\.(?:\s.*)?$"
    r"|\s+(?:editing|edited|translated|photos?)\s+by\b.*$",
    re.IGNORECASE,
)
_TRANSLATED_CJK = re.compile(
    r"^\s*(?P<names>[\u4e00-\u9fff·・][\u4e00-\u9fff·・\s\d]{1,20}?)\s*[译譯訳](?:\s|$)"
)
_AGENCY_PHOTOGRAPHER = re.compile(
    r"\b(?:EFE|AFP|AP|EPA|PAP|dpa|ANSA|Reuters|REUTERS|Xinhua|TASS|ТАСС|IANS|PTI|SIPA)"
    r"\s*/\s*(?P<names>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,3})"
)
_AGENCY_SLASH_WORDS = ("efe/", "afp/", "epa/", "reuters/")


def _credited_names(body: str, role: ContributorRole) -> list[str] | None:
    body = _CREDIT_END.sub("", body.strip())
    if role is ContributorRole.PHOTOGRAPHER and re.match(r"^[^,]{3,60},\s*[^\W\d_A-ZА-Я]", body):
        return None  # 'Foto: Gerhard Schröder, former chancellor': the caption's subject
    split = split_names(body)
    return split[0] if split else None


def _contributor(
    ctx: Context, line: Line, names: list[str] | None, role: ContributorRole
) -> Contributor | None:
    if not names:
        return None
    return build(
        Contributor,
        {"span": ctx.source.line_span(line), "names": tuple(names), "role": role},
    )


def _role_at_start(ctx: Context, line: Line) -> Contributor | None:
    if not _may_open(line.text, _ROLE_FIRST_WORDS, _ROLE_CJK):
        return None
    match = _ROLE_AT_START.match(line.text)
    if match is None or match.lastgroup is None:
        return None
    role = _ROLE_MARKERS[int(match.lastgroup[1:])][0]
    return _contributor(ctx, line, _credited_names(line.text[match.end() :], role), role)


def _roles_in_line(ctx: Context, line: Line) -> list[Contributor]:
    """'(Reporting by A Editing by B)', 'X著 Y译', 'EFE/ Name', 'tərcümə edən X'."""
    found: list[Contributor] = []
    for match in _ROLE_IN_LINE.finditer(line.text):
        role = _IN_LINE_ROLES[match.group("role").lower()]
        names = _credited_names(line.text[match.end() : match.end() + 120], role)
        found.extend(c for c in [_contributor(ctx, line, names, role)] if c)
    if "译" in line.text or "譯" in line.text or "訳" in line.text:
        # 'X著 Y译': the translators follow the author's '著'.
        translated = _TRANSLATED_CJK.match(re.split(r"著", line.text)[-1])
        for match in [translated] if translated else []:
            names = [re.sub(r"\d+", "", match.group("names")).strip()]
            found.extend(
                c for c in [_contributor(ctx, line, names, ContributorRole.TRANSLATOR)] if c
            )
    for match in _AGENCY_PHOTOGRAPHER.finditer(line.text):
        names = [match.group("names")]
        found.extend(c for c in [_contributor(ctx, line, names, ContributorRole.PHOTOGRAPHER)] if c)
    if "tərcümə edən" in line.text.lower():
        after = line.text.lower().index("tərcümə edən") + len("tərcümə edən")
        role = ContributorRole.TRANSLATOR
        names = _credited_names(line.text[after : after + 80].strip(" :"), role)
        found.extend(c for c in [_contributor(ctx, line, names, role)] if c)
    return found


def _lines_with_in_line_roles(ctx: Context) -> set[int] | None:
    return ctx.source.lines_holding(_IN_LINE_WORDS + _AGENCY_SLASH_WORDS)


@extractor("contributors")
def contributors(ctx: Context) -> tuple[Contributor, ...]:
    """Translators, editors and photographers named in the text (not authors)."""
    found: dict[tuple[int, str, ContributorRole], Contributor] = {}

    def keep(candidates: list[Contributor]) -> None:
        for contributor in candidates:
            key = (contributor.span.start, ",".join(contributor.names), contributor.role)
            found.setdefault(key, contributor)

    for segment in ctx.get("credit_openings"):
        at_start = _role_at_start(ctx, segment) if len(segment.text) <= MAX_BYLINE_CHARS else None
        keep([at_start] if at_start else [])
        keep(_roles_in_line(ctx, segment))
    holding = _lines_with_in_line_roles(ctx)
    for line in ctx.source.content:
        if holding is None or line.number in holding:
            keep(_roles_in_line(ctx, line))
    return tuple(sorted(found.values(), key=lambda c: c.span.start))
