"""The words and forms of credit lines in many languages, as bounded regexes and small sets.

Everything here recognises a credit by its *form* ('Source: X', 'LONDON (Reuters) -',
'/PRNewswire/', 'originally published in X'); which outlet a name designates is left to
the catalog. Each matcher reads one stripped line and returns :class:`Hit` offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from provenance.address import LANGUAGE_NAMES
from provenance.evidence.dates import MONTH_NUMBER
from provenance.evidence.lexicon import COMMON, WEEKDAYS
from provenance.evidence.model import CreditKind

MAX_TARGET_CHARS = 100


class Hit(NamedTuple):
    """One credit on a line: offsets into the line's stripped text."""

    kind: CreditKind
    start: int
    end: int
    target: str
    language: str | None = None
    domain: str | None = None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Language names as credits write them ('from the Russian', 'del inglés', 'с английского'):
# the English names (shared with the address's language editions), then other languages'.
LANGUAGES: dict[str, str] = {
    **LANGUAGE_NAMES,
    **dict.fromkeys(
        _words(
            "english anglais anglaise inglés inglesa inglese inglês englischen englisch "
            "английского английский англійської англійська ingilizce ingilis angielskiego "
            "engels engelska"
        ),
        "en",
    ),
    **dict.fromkeys(
        _words(
            "russian russe ruso rusa russo russa russischen russisch русского русский "
            "російської rusça rus rosyjskiego russisch"
        ),
        "ru",
    ),
    **dict.fromkeys(
        _words(
            "german allemand alemán alemana tedesco alemão deutschen deutsch немецкого "
            "німецької almanca alman niemieckiego duits"
        ),
        "de",
    ),
    **dict.fromkeys(
        _words(
            "french français française francés francesa francese francês französischen "
            "французского французької fransızca fransız francuskiego frans"
        ),
        "fr",
    ),
    **dict.fromkeys(
        _words(
            "spanish espagnol español española spagnolo espanhol spanischen испанского "
            "іспанської ispanyolca hiszpańskiego"
        ),
        "es",
    ),
    **dict.fromkeys(
        _words("italian italien italiano italiana italienischen итальянского italyanca"), "it"
    ),
    **dict.fromkeys(_words("portuguese portugais portugués portoghese português"), "pt"),
    **dict.fromkeys(_words("turkish turc turco türkischen турецкого türkçe"), "tr"),
    **dict.fromkeys(_words("azerbaijani azeri azerbaïdjanais азербайджанского"), "az"),
    **dict.fromkeys(
        _words("ukrainian ukrainien ucraniano ucraino ukrainischen украинского української"),
        "uk",
    ),
    **dict.fromkeys(_words("polish polonais polaco polacco polnischen польского polskiego"), "pl"),
    **dict.fromkeys(_words("arabic arabe árabe arabo arabischen арабского arapça"), "ar"),
    **dict.fromkeys(_words("persian farsi persan persa persiano persischen персидского"), "fa"),
    **dict.fromkeys(_words("chinese chinois chino cinese chinesischen китайского mandarin"), "zh"),
    **dict.fromkeys(_words("japanese japonais japonés giapponese японского"), "ja"),
    **dict.fromkeys(_words("korean coréen coreano корейского"), "ko"),
}

# Names a source line gives that credit nobody in particular: 'Source: internet'.
GENERIC_TARGETS = _words(
    "internet web net network online agencies agency agencias agences agenturen agenzie "
    "агентства wires wire staff own unknown n/a archive archives archivo archiv social media "
    "互联网 网络 网络整理 网友 本站 原创 网络转载 未知 综合 综合报道 press release pressemitteilung"
)
# Image libraries: 'From shutterstock.com' under a picture credits the picture.
IMAGE_LIBRARIES = (
    "shutterstock",
    "getty",
    "unsplash",
    "pexels",
    "pixabay",
    "istock",
    "depositphotos",
    "alamy",
    "flickr",
    "wikimedia",
    "dreamstime",
    "123rf",
    "adobe stock",
)
# The few wire names whose credit has no other telling form ('— Reuters' ends many a
# paragraph that '— Shakespeare' also could): all-caps agency initials need no list.
WIRE_NAMES = _words(
    "reuters bloomberg xinhua dpa afp ap efe ansa tass itar-tass interfax kyodo yonhap "
    "anadolu bernama antara apa sda ria trend pti ians ani agerpres ukrinform unian belta "
    "kazinform irna isna mehr wafa wam spa mena petra kuna qna"
)
# Words in a name that make it an agency or a wire, whatever the outlet.
_AGENCY_WORD = re.compile(
    r"\b(?:agency|agencia|agence|agenzia|agência|agentur|agentia|агентство|ajansı|"
    r"news\s*wire|newswire|press|presse|prensa|wire)\b",
    re.IGNORECASE,
)
# Section labels and header furniture that stand alone in capitals above a headline.
SECTION_LABELS = _words(
    "news latest breaking exclusive live update updated video videos photo photos gallery "
    "opinion analysis comment commentary editorial interview essay feature features review "
    "reviews world politics business economy economics sport sports culture science tech "
    "technology health lifestyle travel home menu search local national international "
    "nachrichten politik wirtschaft kultur meinung actualités actualites politique économie "
    "monde société culture noticias política economía opinión deportes mundo notizie politica "
    "cronaca esteri новости политика экономика мнение haberler gündem xəbər xəbərlər manşet "
    "top related trending subscribe login menu advertisement ad sponsored stories story "
    "watch listen podcast audio must read press release communiqué letters obituary "
    "obituaries weather events event archive archives category tag tags blog"
)
# Words that make the part after a title's separator a headline's rest, not a site's name
# ('Xi Warns Biden - Taiwan Is Red Line').
HEADLINE_WORDS = _words(
    "is are was were be been has have had will would can could says said say to in at as "
    "with after before over vs amid against into how why what who when you your we our it "
    "this that not no may might must should up out live updates update here there his her "
    "their its than more most"
)


# Words that open a date, not a name: weekdays, months, 'today'.
_DATE_WORDS = WEEKDAYS | frozenset(MONTH_NUMBER) | _words("today yesterday heute hoy oggi hier")
_DATE_LIKE = re.compile(r"^\d{1,4}(?:[\s./-]|$)|^\d{1,2}(?:st|nd|rd|th)\b")


def is_language(target: str) -> bool:
    """'Russian', 'the English original', 'английского': a language, not an outlet."""
    words = target.lower().replace("’", "'").split()
    if words and words[0] in ("the", "l'anglais", "el", "le", "il", "lo"):
        words = words[1:] if words[0] in ("the", "el", "le", "il", "lo") else words
    if not words:
        return False
    first = words[0].removeprefix("l'").removeprefix("dall'")
    return first in LANGUAGES and (len(words) == 1 or words[1:] in (["original"], ["version"]))


def is_generic(target: str) -> bool:
    folded = " ".join(target.lower().split()).strip(" .")
    return folded in GENERIC_TARGETS or folded.removeprefix("the ") in GENERIC_TARGETS


# ------------------------------------------------------------------ source lines

_SOURCE_LABEL = (
    r"(?:sources?|quellen?|fuentes?|fontes?|источник(?:и)?|джерело|джерела|źródło|źródła|"
    r"bron(?:nen)?|källa|kilde|lähde|zdroj|forrás|sursa|πηγή|kaynak|mənbə|manba|المصدر|منبع|"
    r"מקור|sumber|nguồn|(?:本文|原文)?(?:出处|出處|来源|來源)|原文链接|原文鏈接|出典|出所|출처|"
    r"original(?:\s+article|\s+story)?|originalartikel|artículo\s+original|article\s+original|"
    r"articolo\s+originale|оригинал(?:\s+статьи)?|першоджерело|первоисточник)"
)
# 'По материалам X', 'За матеріалами X': a source line with no colon.
_BASED_ON = re.compile(r"^(?:по\s+материалам|за\s+матеріалами)\s*:?\s+", re.IGNORECASE)
# 'Source: X' at the start of a line or after a pipe, bullet or dash ('... | Source: X').
_SOURCE = re.compile(
    rf"(?:^|(?<=[|•–—-])\s*|(?<=\s[|•–—/-])\s*){_SOURCE_LABEL}\s*[:：]\s*", re.IGNORECASE
)
# 'Source Reuters' with no colon: only a short line of capitalised words.
_SOURCE_BARE = re.compile(r"^sources?\s+(?=[A-Z])", re.IGNORECASE)
# Where a source line's name ends: a pipe, a slash between spaces, the next 'Label:', a
# dash between spaces, a sentence end, two spaces.
_SOURCE_END = re.compile(
    r"\s*[|•]|\s+/\s|\s{2,}|\s+[^\s:：]{1,20}\s*[:：]|\s[-–—]\s|[.;。，,](?:\s|$)|\s*\(|$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Words that make a line a picture caption: its 'Source:' credits the picture.
_CAPTION = re.compile(
    r"\b(?:photo|image|picture|pic|foto|fotó|fotoğraf|fot\.|zdjęcie|фото|світлина|bild|"
    r"immagine|imagen|imagem|illustration|grafik|chart|graphic|infographic|gráfico|graphique|"
    r"grafico|график|rights|credit|video|відео|видео|şəkil|عکس|صورة)\b\s*[:/]?|图片|圖片|照片|图：|图:",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.IGNORECASE)


def looks_like_address(target: str) -> bool:
    return " " not in target and bool(_URL.match(target)) and "." in target


def source_line(text: str) -> Hit | None:
    """'Source: X', 'Fuentes: x', '来源：X', '... | Quelle: X'; not a picture's source."""
    label = _SOURCE.search(text, 0, 160) or _BASED_ON.match(text)
    if label is None:
        bare = _SOURCE_BARE.match(text)
        if bare is None or len(text) > 60:
            return None
        target = text[bare.end() :].strip(" .")
        if not 1 <= len(target.split()) <= 4 or not all(w[0].isupper() for w in target.split()):
            return None
        return Hit(CreditKind.SOURCE, 0, len(text), target)
    if _CAPTION.search(text, 0, label.start()) or _CAPTION.match(text, label.end()):
        return None
    rest = text[label.end() : label.end() + MAX_TARGET_CHARS + 20]
    if rest[:1] and _CJK.match(rest[:1]):
        target = rest.split()[0] if rest.split() else ""
        target = re.split(r"[，,。;；|]", target)[0]
    elif looks_like_address(rest.split()[0] if rest.split() else ""):
        target = rest.split()[0].rstrip(".,;)")
    else:
        end = _SOURCE_END.search(rest)
        target = rest[: end.start()] if end else rest
    target = target.strip(" .,;:'\"“”«»*_–—-")
    if (
        not target
        or len(target.split()) > 8
        or is_generic(target)
        or is_language(target)
        or _CAPTION.match(target)
        or (target[0].isdigit() and not looks_like_address(target))
    ):
        return None
    start = label.start() + (len(label.group()) - len(label.group().lstrip()))
    stop = label.end() + rest.find(target) + len(target)
    return Hit(CreditKind.SOURCE, start, stop, target)


# ------------------------------------------------------------------ agency credits

_NAME_START = r"[^\W\d_]"
# 'LONDON (Reuters) -', 'SEATTLE (AP) —', 'Madrid, 12 ago (EFE).-', 'New Delhi, Dec 7 (PTI)
# Prime Minister', '(dpa) -': the bracket opens a paragraph, after at most a place and date.
_PAREN_DATELINE = re.compile(
    rf"^(?P<prefix>{_NAME_START}[^()\n]{{0,80}}?\s)?\((?P<target>[^()\n]{{1,40}}?)\)"
    r"(?P<after>\s{0,3}(?:\.?\s{0,2}[-–—]|:)|\.?\s{1,3}(?=[^\W\d_\"“«„'‘]|[\"“«„'‘]\w))"
)
# 'RICHMOND, Va., Nov. 22, 2024 /PRNewswire/ —', 'MOSCOW, October 12. /TASS/.',
# 'Baku. 27 June. REPORT.AZ/': a wire tag between slashes after a place and a date.
_SLASH_DATELINE = re.compile(
    r"^(?P<prefix>[^\W_][^/\n]{0,60}?\d[^/\n]{0,25}?)(?:[,.]\s*|\s+)"
    r"(?:/\s?(?P<target>[^\W\d_][\w.&'’ -]{0,30}?)\s?/|(?P<bare>[^\W\d_][\w.&'’-]{0,30})/)"
    r"(?=\s|$|[.:,—–-])"
)
# '新华社北京3月5日电': an agency's name, a place and a date, then '电' (wire).
_CJK_DATELINE = re.compile(
    r"^(?P<target>[\u4e00-\u9fff]{1,6}?(?:社|网|網|报|報|台))[\u4e00-\u9fff]{0,10}?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|電|讯|訊)"
)
# '... the end of a paragraph. — Reuters', '- AFP' (the name ends the line).
_TAIL_DASH = re.compile(
    r"(?:^|(?<=[.!?\"”»’)])\s{0,3})[-–—]{1,2}\s?(?P<target>[^\W\d_][\w.&'’/-]*(?:\s[\w.&'’/-]+){0,3})\s*$"
)
# '... end of a paragraph. (AFP/Reuters)', a line that is only '(AP)'.
_TAIL_PAREN = re.compile(r"(?:^|(?<=[.!?\"”»’]))\s{0,3}\((?P<target>[^()\n]{2,40})\)\s*\.?\s*$")
# 'with inputs from PTI', 'mit Material von dpa', 'con información de EFE': wire copy
# folded into the story.
_INPUTS = re.compile(
    r"(?:\bwith\s+(?:additional\s+)?inputs?\s+from|\bmit\s+material\s+(?:von|der|des)"
    r"|\bcon\s+información\s+de(?:\s+la)?|\bcom\s+informações\s+d[aoe]"
    r"|с\s+использованием\s+материалов)\s+(?P<target>[^()\n]{2,60}?)\s*(?:\)|\.|,|$)",
    re.IGNORECASE,
)
# 'The Associated Press contributed to this report.': a wire named before the phrase.
_CONTRIBUTED = re.compile(
    r"(?:^|(?<=[.(])\s*)(?P<target>(?:The\s+)?[^\W\d_][\w.&'’/-]*(?:\s+[^\W\d_][\w.&'’/-]*){0,4}?)"
    r"\s+contributed\s+to\s+this\s+(?:report|story|article)",
)
# The words whose presence lets a text hold one of the phrasings above.
INPUT_WORDS = (
    "inputs",
    "input",
    "material",
    "información",
    "informações",
    "материалов",
    "contributed",
)
# 'por Agencia EFE', 'By The Associated Press', 'Agence France-Presse' alone on a line.
_AGENCY_BYLINE = re.compile(
    r"^(?:(?:by|por|par|von|di|da|de|from|от)\s*:?\s+)?(?P<target>[^\n]{2,60})$", re.IGNORECASE
)
_DASH = re.compile(r"[-–—]")
# A short line naming an agency: an agency word, or a wire's name after 'by'.
AGENCY_CUE = re.compile(
    _AGENCY_WORD.pattern + r"|^(?:by|por|par|von|di|da|de|from|от)\b", re.IGNORECASE
)
_STAFF_TAIL = re.compile(r"\s+(?:staff(?:\s+reporter)?|news\s+desk|desk)$", re.IGNORECASE)
_SPLIT_AGENCIES = re.compile(r"\s*(?:/|,|\+|&|\band\b|\bund\b|\by\b|\bet\b)\s*")


def _acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def agency_like(name: str) -> bool:
    """'AFP', 'Reuters', 'dpa', 'Associated Press', 'Agencia EFE': a wire's name by its form."""
    words = name.split()
    if not words or len(words) > 5:
        return False
    if len(words) == 1 and (_acronym(name) or name.lower() in WIRE_NAMES):
        return True
    return bool(_AGENCY_WORD.search(name)) and words[0][0].isupper()


def _agency_list(name: str) -> bool:
    """'AFP/Reuters', 'AP, dpa': every part a wire's name."""
    parts = [p for p in _SPLIT_AGENCIES.split(name) if p]
    return bool(parts) and all(agency_like(p) for p in parts)


# Bracketed words that open a paragraph without crediting anyone: '(LEAD)', '(Video)'.
_NOT_WIRES = SECTION_LABELS | _words(
    "lead urgent corrected correction refile recasts adds update updated video photos photo "
    "file files graphic map"
)


def _plausible_wire(target: str) -> bool:
    words = target.split()
    if not words or len(words) > 6 or is_language(target):
        return False
    folded = target.lower()
    if any(c.isdigit() for c in target) and not _agency_list(target):
        return False  # '(2 cores, 24 GiB)', '(512 MB)': a measure, not a wire
    if folded in _NOT_WIRES or (len(words) == 1 and folded in COMMON and folded not in WIRE_NAMES):
        return False  # '(Video)', '(LEAD)', 'Moscow (Russia) -': no agency
    first = target[0]
    # 'dpa', 'afp' are written lowercase by their own house style; other names capitalised.
    return first.isupper() or first.isdigit() or _agency_list(target)


def agency_hits(text: str) -> list[Hit]:
    """Agency datelines and wire credits on one line (see the patterns above)."""
    if text.find("(", 0, 130) >= 0:
        found = _PAREN_DATELINE.match(text)
        if found and _plausible_wire(found.group("target")) and _dateline_prefix(found):
            target = found.group("target").strip()
            if not target.lower().startswith(("reporting", "photo", "file", "with ", "updated")):
                return [Hit(CreditKind.AGENCY_DATELINE, 0, found.end(), target)]
    if text.find("/", 0, 130) >= 0:
        found = _SLASH_DATELINE.match(text)
        # '/TASS/', '/ Sputnik /', or a tag closed by its slash alone: 'REPORT.AZ/'.
        target = (found.group("target") or found.group("bare")).strip() if found else ""
        if found and _plausible_wire(target):
            return [Hit(CreditKind.AGENCY_DATELINE, 0, found.end(), target)]
    if text.find("月", 0, 24) >= 0:
        found = _CJK_DATELINE.match(text)
        if found:
            return [Hit(CreditKind.AGENCY_DATELINE, 0, found.end(), found.group("target"))]
    hits: list[Hit] = []
    last = text[-1]
    # '... — Reuters' ends on the name's letter; '... (AFP/Reuters)' on its bracket.
    if last.isalpha() and _DASH.search(text, max(0, len(text) - 60)):
        found = _TAIL_DASH.search(text, max(0, len(text) - 60))
        if found and agency_like(found.group("target").strip()):
            hits.append(Hit(CreditKind.AGENCY, found.start(), found.end(), found.group("target")))
    elif last == ")" or text.endswith(")."):
        found = _TAIL_PAREN.search(text, max(0, len(text) - 50))
        if found and _agency_list(found.group("target").strip()):
            hits.append(Hit(CreditKind.AGENCY, found.start(), found.end(), found.group("target")))
    if len(text) <= 60 and not hits and AGENCY_CUE.search(text):  # checked twice: cheap
        found = _AGENCY_BYLINE.match(text)
        target = found.group("target").strip(" .") if found else ""
        target = _STAFF_TAIL.sub("", target)  # 'By Reuters Staff' credits Reuters
        if (
            target
            and ":" not in target
            and len(target.split()) <= 5
            and (
                (_AGENCY_WORD.search(target) and _capitalised_name(target))
                or (found and found.start("target") > 0 and target.lower() in WIRE_NAMES)
            )
        ):
            hits.append(Hit(CreditKind.AGENCY, 0, len(text), target))
    return hits


def _capitalised_name(name: str) -> bool:
    """Every word of a name capitalised, but for short joining words: no sentence."""
    return all(w[0].isupper() or w.lower() in _JOINERS for w in name.split())


_JOINERS = _words("of the de del la le des di du da do dos der für for and & y e et und von")


def _dateline_prefix(found: re.Match[str]) -> bool:
    """A bracket followed by a capital without a dash is a credit only after a place and a
    date ('New Delhi, Dec 7 (PTI) Prime ...') or at the very start; not 'the minister
    (FM) Lavrov'."""
    after = found.group("after")
    if any(dash in after for dash in "-–—:"):
        return True
    prefix = (found.group("prefix") or "").strip()
    if not prefix:  # '(CNN) The president ...': only a wire's name may open a paragraph so
        return _agency_list(found.group("target").strip())
    return any(c.isdigit() for c in prefix) or prefix.upper() == prefix


# '«El Mundo»: ...', '„Berliner Zeitung“ zu ...': a press review gives the paragraph to the
# newspaper quoted at its start.
_PRESS_REVIEW = re.compile(
    r"^[«„\"“](?P<target>[^»“”\"\n]{2,40})[»“”\"]\s*(?::|\bzu\s|\büber\s|\bsur\s|\bsobre\s)"
)


def press_review_hit(text: str) -> Hit | None:
    found = _PRESS_REVIEW.match(text)
    if found is None:
        return None
    target = found.group("target").strip()
    words = target.split()
    if not 1 <= len(words) <= 4 or not _capitalised_name(target) or is_language(target):
        return None
    return Hit(CreditKind.SOURCE, 0, found.end("target") + 1, target)


# '本文首发于X', '转载自X', '原载《X》': Chinese origin phrases (no spaces to split words on).
_CJK_ORIGIN = re.compile(
    r"(?P<cue>首发于|首發於|首发在|首發在|原载于|原載於|原载|原載|原文刊于|原文刊登于|转载自|轉載自|"
    r"转自|轉自|摘自|选自|選自)\s*[:：]?\s*《?(?P<target>[^\s，,。；;、（(）)》|]{2,30})"
)
CJK_ORIGIN_CUES = (
    "首发",
    "首發",
    "原载",
    "原載",
    "原文刊",
    "转载自",
    "轉載自",
    "转自",
    "轉自",
    "摘自",
    "选自",
    "選自",
)
_CJK_KINDS = {
    "首": CreditKind.FIRST_APPEARED,
    "原": CreditKind.ORIGINALLY_PUBLISHED,
    "转": CreditKind.REPUBLISHED,
    "轉": CreditKind.REPUBLISHED,
    "摘": CreditKind.SOURCE,
    "选": CreditKind.SOURCE,
    "選": CreditKind.SOURCE,
}


def cjk_origin_hit(text: str) -> Hit | None:
    found = _CJK_ORIGIN.search(text)
    if found is None:
        return None
    target = found.group("target")
    if is_generic(target):
        return None
    kind = _CJK_KINDS[found.group("cue")[0]]
    return Hit(kind, found.start(), found.end("target"), target)


def inputs_hit(text: str) -> Hit | None:
    """'(With inputs from PTI)', 'with inputs from Reuters and AFP', 'Reuters contributed to
    this report' (a person who contributed is the byline's business, not a credit)."""
    found = _INPUTS.search(text)
    if found is None:
        contributed = _CONTRIBUTED.search(text) if "contributed" in text else None
        if contributed is None or not _agency_list(contributed.group("target").strip()):
            return None
        target = contributed.group("target").strip()
        return Hit(CreditKind.AGENCY, contributed.start("target"), contributed.end(), target)
    target = found.group("target").strip(" .")
    if is_generic(target) or (not target[:1].isupper() and target.lower() not in WIRE_NAMES):
        return None
    return Hit(CreditKind.AGENCY, found.start(), found.end("target"), target)


# ------------------------------------------------------------------ origin phrases

# Phrases that give the text itself to another publication wherever they stand.


class Family(NamedTuple):
    """Phrasings of one kind, tried only on lines holding one of their trigger words."""

    kind: CreditKind
    triggers: frozenset[str]  # whole lowercase words, one of which the phrase contains
    pattern: re.Pattern[str]
    weak: bool = False  # a credit only where the text speaks of itself or at a line start
    postpositional: bool = False  # the name comes before its postposition ('X saytında')
    # Where the phrase starts, in characters before its trigger word (0: on it), so that
    # it is matched there instead of searched for; None: searched for around the trigger.
    lead: int | None = None
    # Longer literal forms of common trigger words that pick the lines to try ('read more'
    # for 'read'): the common word alone would pick half the lines. Others: the word itself.
    line_words: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 - never mutated

    def lines_words(self, present: frozenset[str]) -> set[str]:
        """The literals to find the lines with, for the trigger words the text holds."""
        return {
            literal
            for word in self.triggers & present
            for literal in self.line_words.get(word, (word,))
        }


def _family(
    kind: CreditKind,
    triggers: str,
    body: str,
    weak: bool = False,
    postpositional: bool = False,
    lead: int | None = None,
    line_words: str = "",
) -> Family:
    """``line_words``: 'word=literal/literal word=literal'."""
    pattern = re.compile(body, re.IGNORECASE)
    picked = {
        word: tuple(literals.replace("_", " ").split("/"))
        for word, _sep, literals in (item.partition("=") for item in line_words.split())
    }
    return Family(kind, _words(triggers), pattern, weak, postpositional, lead, picked)


FAMILIES: tuple[Family, ...] = (
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "originally",
        r"\boriginally\s+(?:published|posted|ran|written|produced|appeared)(?:\s+\w+){0,2}?\s+"
        r"(?:in|on|by|at)\s+",
        lead=0,
    ),
    _family(
        CreditKind.FIRST_APPEARED,
        "appeared published posted",
        r"\bfirst\s(?:appeared|published|posted)\s+(?:in|on|at|by)\s+",
        lead=len("first "),
        line_words="appeared=first_appeared published=first_published posted=first_posted",
    ),
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "initialement originellement d'abord d’abord première",
        r"\b(?:(?:publiée?s?|parue?s?)\s+(?:initialement|originellement|d['’]abord|"
        r"pour\s+la\s+première\s+fois)|(?:initialement|originellement|d['’]abord)\s+"
        r"(?:publiée?s?|parue?s?))\s+(?:dans|sur|par|chez)\s+",
    ),
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "zuerst erstmals ursprünglich zunächst",
        r"\b(?:(?:zuerst|erstmals|ursprünglich|zunächst)\s+(?:erschienen|veröffentlicht)|"
        r"(?:erschien(?:en)?|veröffentlicht)\s+(?:zuerst|erstmals|ursprünglich))\s+"
        r"(?:in|im|bei|auf)\s+",
    ),
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "originalmente originariamente inicialmente primera primeira inizialmente prima",
        r"\b(?:publicad[oa]s?\s+(?:originalmente|originariamente|inicialmente|por\s+primera\s+vez"
        r"|pela\s+primeira\s+vez)|(?:originalmente|originariamente|inicialmente)\s+publicad[oa]s?)"
        r"\s+(?:en|em|no|na|por|pelo|pela)\s+"
        r"|\b(?:pubblicat[oaie]\s+(?:originariamente|originalmente|inizialmente|per\s+la\s+prima"
        r"\s+volta)|(?:originariamente|originalmente|inizialmente)\s+pubblicat[oaie])\s+"
        r"(?:su|sul|sulla|sullo|da|in|nel|nella|dal|dalla)\s+",
    ),
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "впервые первоначально изначально оригинал вперше",
        r"(?:впервые|первоначально|изначально|оригинал\w*|вперше)\s+(?:был[аио]?\s+)?"
        r"(?:опубликован\w*|опублікован\w*|вышл[аи]|вийшл[аи])\s+(?:в|на|у)\s+",
    ),
    _family(
        CreditKind.FIRST_APPEARED,
        "ilk",
        r"\bilk\s+(?:dəfə|olarak|kez|defa)\s+",
        postpositional=True,
        lead=0,
    ),
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "oorspronkelijk eerder pierwotnie",
        r"\b(?:oorspronkelijk|eerder)\s+(?:verschenen|gepubliceerd)\s+(?:in|op|bij)\s+"
        r"|\bpierwotnie\s+(?:opublikowan\w*|ukazał\w*(?:\s+się)?)\s+(?:w|na)\s+",
    ),
    _family(
        CreditKind.REPUBLISHED,
        "republished reprinted reproduced reposted cross-posted crossposted",
        r"\b(?:republished|reprinted|reproduced|reposted|cross-?posted)\s+(?:here\s+)?"
        r"(?:(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)(?:from|of|by)|from)\s+",
        lead=0,
    ),
    _family(
        CreditKind.REPUBLISHED,
        "permission autorisation genehmigung permiso autorización concessione разрешения",
        r"\bwith\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)\s+"
        r"|\bavec\s+l['’]aimable\s+autorisation\s+(?:de\s+l['’]|du\s+|des\s+|de\s+)"
        r"|\bmit\s+freundlicher\s+genehmigung\s+(?:von\s+|des\s+|der\s+)"
        r"|\bcon\s+(?:el\s+)?(?:permiso|autorización)\s+(?:de\s+|del\s+)"
        r"|\bper\s+gentile\s+concessione\s+(?:di\s+|del\s+|della\s+|dello\s+)"
        r"|с\s+(?:любезного\s+)?разрешения\s+",
    ),
    _family(
        CreditKind.PARTNERSHIP,
        "partnership collaboration edition partenariat kooperation partnerschaft colaboración"
        " alianza",
        r"\bpart\s+of\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}?partnership\s+(?:with|between)\s+"
        r"|\b(?:produced|published|reported)\s+in\s+(?:collaboration|partnership)\s+with\s+"
        r"|\b(?:this|it)\s+is\s+an?\s+(?:\w+\s+)?edition\s+of\s+"
        r"|\bdans\s+le\s+cadre\s+d['’]un\s+partenariat\s+avec\s+"
        r"|\bim\s+rahmen\s+einer\s+(?:kooperation|partnerschaft)\s+mit\s+"
        r"|\ben\s+(?:colaboración|alianza)\s+con\s+",
    ),
    _family(
        CreditKind.VIA,
        "read continue leggi lire weiterlesen leer ler читать",
        r"(?:^|(?<=\s))(?:read\s+more\s+(?:at|on)|read\s+the\s+(?:full|original|rest\s+of\s+the)"
        r"\s+(?:article|story|post)\s+(?:at|on)|continue\s+reading\s+(?:at|on)"
        r"|leggi\s+(?:su|l['’]articolo(?:\s+completo|\s+originale)?\s+su)"
        r"|lire\s+(?:la\s+suite|l['’]article(?:\s+complet|\s+original)?)\s+sur"
        r"|weiterlesen\s+(?:bei|auf)|leer\s+(?:más|el\s+artículo(?:\s+completo|\s+original)?)\s+en"
        r"|ler\s+mais\s+(?:em|no|na)|читать\s+(?:далее|полностью|дальше)\s+на)\s+",
        lead=0,
        line_words="read=read_more/read_the continue=continue_reading",
    ),
    # Phrases that name where something was published: a credit of this text only when it
    # says it speaks of itself ('this article', 'l'articolo', 'статья') or opens the line.
    _family(
        CreditKind.ORIGINALLY_PUBLISHED,
        "published publié publiée publiés publiées paru parue publicado publicada publicados "
        "publicadas pubblicato pubblicata pubblicati pubblicate erschienen veröffentlicht "
        "опубликовано опубликована опубликован опубликованы опубліковано опублікована "
        "opublikowano opublikowany opublikowana verschenen gepubliceerd",
        r"\bpublished\s+(?:in|on|by)\s+"
        r"|\b(?:publiée?s?|parue?s?)\s+(?:dans|sur|par)\s+"
        r"|\b(?:erschienen|veröffentlicht)\s+(?:in|im|bei|auf)\s+"
        r"|\bpublicad[oa]s?\s+(?:en|em|no|na|por|pelo|pela)\s+"
        r"|\bpubblicat[oaie]\s+(?:su|sul|sulla|sullo|da|in|nel|nella|dal|dalla)\s+"
        r"|(?:^|(?<=\s))(?:опубликован\w*|опублікован\w*)\s+(?:в|на|у)\s+"
        r"|\bopublikowan\w*\s+(?:w|na)\s+|\b(?:verschenen|gepubliceerd)\s+(?:in|op|bij)\s+",
        weak=True,
        lead=0,
    ),
)
# Every trigger word: a text holding none of them needs no origin pattern at all.
TRIGGERS: frozenset[str] = frozenset().union(*(family.triggers for family in FAMILIES)) | set(
    INPUT_WORDS
)

_SELF_NOUN = re.compile(
    r"\b(?:this\s+(?:article|story|piece|post|essay|column|interview|op-ed|report|commentary)"
    r"|version\s+of\s+this|cet\s+article|ce\s+texte|cette\s+tribune|cet\s+entretien"
    r"|l['’]article|l['’]articolo|dell['’]articolo|artículo|articolo|artigo|entrevista"
    r"|intervista|entretien|texto|testo|texte|beitrag|artikel|dieser\s+text|статья|статью"
    r"|материал|текст|интервью|стаття|статтю|матеріал|traduzione|traducción|tradução"
    r"|übersetzung|перевод|reportaje|reportage|columna|nota)\b",
    re.IGNORECASE,
)
# Words before a phrase that make it a citation ('according to an article published in').
_CITING_BEFORE = re.compile(
    r"(?:according\s+to|según|selon|laut|secondo|segundo|согласно|по\s+данным|citing|cites|"
    r"study|studie|estudio|étude|studio|исследовани|report\s+by)\W+(?:\w+\W+){0,6}$",
    re.IGNORECASE,
)
# Words after a credited name that make the sentence a citation ('... in X said that').
_CITING_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:said|says|reported|reports|claimed|claims|found|finds|noted|revealed|"
    r"wrote|dijo|afirm\w+|señal\w+|indic\w+|asegur\w+|inform\w+|revel\w+|a\s+déclaré|écrit|"
    r"rapporte|sagte|berichtet\w*|schreibt|schrieb|meldet|scrive|riporta|disse|relat\w+|"
    r"сообщ\w+|заявил\w*|пишет|говорится|отмеча\w+)\b",
    re.IGNORECASE,
)
# A name's end inside a sentence: punctuation, or a word that starts the sentence's rest.
_STOP = re.compile(
    r"\.\s|\.$|[,;)\]|(]|\s[-–—]\s|\s+(?:and|under|with|on|in|as|where|who|which|by|since|"
    r"y|e|et|und|и|ve|por|par|von|per|a\s+cura|le|el|il|am|em|en|au|sur|dans|on|от|в|від|"
    r"from|for|para|pour|für|para|para|at|after|before|when|about|about)\s",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^[\"“„«'‘](?P<name>[^\"“”„«»'’\n]{1,80})[\"”“»'’]")
# Leading words that say what kind of publication follows: 'the magazine X', 'la revista X'.
_KIND_OF_PUBLICATION = re.compile(
    r"^(?:(?:the|la|el|le|il|lo|der|die|dem|den|des|a|o|à|al|do|da)\s+)?(?P<noun>revista|diario|"
    r"periódico|semanario|magazine|newspaper|revue|quotidien|hebdomadaire|rivista|quotidiano|"
    r"giornale|settimanale|jornal|zeitung|zeitschrift|magazin|wochenzeitung|газете|газета|"
    r"журнале|журнал|издании|сайте|портале|газеті|журналі|сайті|website|site|blog|portal)\s+"
    r"(?=[\"“„«'‘]|[^\W\d_])",
    re.IGNORECASE,
)
_POSTPOSITION = re.compile(
    r"^(?P<name>.{2,60}?)(?:['’](?:de|da|te|ta|nde|nda|den|dan|ten|tan)\b|"
    r"\s+(?:saytında|saytı|qəzetində|qəzeti|jurnalında|portalında|sitesinde|gazetesinde|"
    r"dergisinde))",
    re.IGNORECASE,
)


def trim_name(raw: str) -> tuple[str, int]:
    """The credited name at the start of ``raw`` and where it ends in ``raw``."""
    lead = len(raw) - len(raw.lstrip(" :"))
    body = raw[lead:]
    kind = _KIND_OF_PUBLICATION.match(body)
    if kind and not kind.group("noun")[0].isupper():  # 'Jornal do Porto' is a name
        lead += kind.end()
        body = body[kind.end() :]
    quoted = _QUOTED.match(body)
    if quoted:
        return quoted.group("name").strip(), lead + quoted.end()
    stop = _STOP.search(body)
    name = body[: stop.start()] if stop else body
    stripped = name.rstrip(" .,;:'\"“”«»*_–—-")
    stripped = stripped.lstrip(" .,;:'\"“”«»*_–—-")
    at = body.find(stripped)
    return stripped, lead + at + len(stripped)


def plausible_name(target: str) -> bool:
    """A credited name starts like a name, a domain or a CJK name, is short, and is neither
    a language, a generic word nor a date ('published on Monday', 'on 12 May')."""
    words = target.split()
    if not words or len(words) > 8 or is_language(target) or is_generic(target):
        return False
    if _DATE_LIKE.match(target) or words[0].lower().strip(".,") in _DATE_WORDS:
        return False
    first = target[0]
    return first.isupper() or first.isdigit() or "." in target or bool(_CJK.match(first))


def origin_hits(
    text: str,
    families: tuple[Family, ...] = FAMILIES,
    start: int = 0,
    present: frozenset[str] | None = None,
) -> list[Hit]:
    """Origin phrases in ``text`` from ``start``: the first credited name of each kind.
    ``families``/``present``: those phrasings, and the trigger words, the whole text holds
    (None: any). Each phrasing is tried only around where its trigger words stand."""
    hits: list[Hit] = []
    seen: set[CreditKind] = set()
    lowered = text.lower()
    aligned = len(lowered) == len(text)
    for family in families:
        if family.kind in seen:
            continue
        words = family.triggers if present is None else family.triggers & present
        for hit in _family_hits(text, lowered, family, words, start, aligned):
            if hit is not None:
                hits.append(hit)
                seen.add(family.kind)
                break
    return hits


def _family_hits(
    text: str, lowered: str, family: Family, words: frozenset[str], start: int, aligned: bool
) -> Iterator[Hit | None]:
    """The family's credits in the line, tried where its trigger words stand: matched at
    the phrase's start when the family knows it, else searched for around the word."""
    at_end = family.kind is CreditKind.VIA
    if family.lead is not None and aligned:
        for at in _trigger_positions(lowered, words, start):
            begin = at - family.lead
            if begin >= start:
                found = family.pattern.match(text, begin)
                if found is not None:
                    yield _origin_hit(text, found, family)
        return
    for lo, hi in _windows(lowered, words, start, aligned, at_end):
        for found in family.pattern.finditer(text, lo, hi):
            yield _origin_hit(text, found, family)


def _trigger_positions(lowered: str, words: frozenset[str], start: int) -> list[int]:
    positions: list[int] = []
    for word in words:
        at = lowered.find(word, start)
        while at >= 0:
            positions.append(at)
            at = lowered.find(word, at + len(word))
    positions.sort()
    return positions


_BEFORE_TRIGGER = 60  # a phrase starts at most this far before its trigger word
_AFTER_TRIGGER = 80  # and ends at most this far after it


def _windows(
    lowered: str, words: frozenset[str], start: int, aligned: bool, at_end: bool
) -> list[tuple[int, int]]:
    """Where in the line to try a phrasing: around each trigger word found from ``start``
    (the whole line when lowercasing moved the offsets); only the line's end for a
    'Read more at X', which credits only as the line's last words."""
    end = len(lowered)
    if at_end:
        start = max(start, end - _AFTER_TRIGGER - 40)
    if not aligned:
        return [(start, end)] if any(word in lowered for word in words) else []
    return [
        (max(start, at - _BEFORE_TRIGGER), min(end, at + _AFTER_TRIGGER))
        for at in _trigger_positions(lowered, words, start)
    ]


def _origin_hit(text: str, found: re.Match[str], family: Family) -> Hit | None:
    kind = family.kind
    before = text[max(0, found.start() - 100) : found.start()]
    if family.weak and not (
        found.start() < 3 or _SELF_NOUN.search(before) or _SELF_NOUN.search(text, 0, 30)
    ):
        return None
    if _CITING_BEFORE.search(before[-60:]):
        return None
    rest = text[found.end() : found.end() + MAX_TARGET_CHARS + 40]
    if family.postpositional:
        post = _POSTPOSITION.match(rest)
        if post is None:
            return None
        target, end = post.group("name").strip(" \"“”«»'"), post.end("name")
    else:
        target, end = trim_name(rest)
    if kind is CreditKind.VIA:
        if rest[end:].strip(" .»”\"'"):
            return None  # 'Read more at X' credits only as the line's last words
        # 'Leggi su nomesito': a site's handle may be written in lowercase.
        if not plausible_name(target) and (
            len(target.split()) != 1 or is_generic(target) or is_language(target)
        ):
            return None
    elif not plausible_name(target) or _CITING_AFTER.match(rest[end:]):
        return None
    if family.weak and found.start() < 3 and len(target.split()) < 2 and "." not in target:
        return None  # 'Published in News': a category label, not a publication
    return Hit(kind, found.start(), found.end() + end, target)
