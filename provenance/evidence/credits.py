"""Credit and origin lines: who the text says it came from.

Each phrasing is one bounded regex tried on one line at a time, and only on lines that a
cheap test (a line start, a literal word found by one scan of the whole text, a bracket or
a slash near the start) says may hold it. Lines longer than ``MAX_CREDIT_LINE`` are only
searched for the in-sentence phrasings, which are anchored on their literal words. Header
signals (a masthead, a page title naming another site, a bare address) are read in the
first ``HEADER_LINES`` lines only. The phrasings themselves live in ``credit_phrases``.
"""

from __future__ import annotations

import re

from provenance.domains import registered_domain
from provenance.evidence.credit_phrases import (
    AGENCY_CUE,
    CJK_ORIGIN_CUES,
    FAMILIES,
    HEADLINE_WORDS,
    IMAGE_LIBRARIES,
    INPUT_WORDS,
    LANGUAGES,
    SECTION_LABELS,
    TRIGGERS,
    Family,
    Hit,
    agency_hits,
    cjk_origin_hit,
    inputs_hit,
    is_generic,
    is_language,
    looks_like_address,
    origin_hits,
    press_review_hit,
    source_line,
)
from provenance.evidence.dates import mentions_within
from provenance.evidence.headline import looks_like_headline
from provenance.evidence.lexicon import COMMON, looks_like_full_name
from provenance.evidence.model import Credit, CreditKind, DateKind, OutletMatch
from provenance.evidence.outlets import match_outlet
from provenance.evidence.press_summary import CUE_TOKENS, press_summary_hits
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line

MAX_CREDIT_LINE = 200
MAX_TARGET_CHARS = 100
HEADER_LINES = 8  # header signals (mastheads, page titles, addresses) sit in the first lines
_T = rf"(?P<target>[^\n]{{1,{MAX_TARGET_CHARS}}})"
_END = r"\s*$"

# Whole-line phrasings: each applies to a line's first sentence when it is short.
_LINE_PATTERNS: tuple[tuple[CreditKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(body, re.IGNORECASE))
    for kind, body in (
        (
            CreditKind.TRANSLATED_FROM,
            r"^(?:translated|translation)\s+(?:from|of)\s+(?:(?P<the>the)\s+)?" + _T + _END,
        ),
        (CreditKind.TRANSLATED_FROM, r"^(?:translation|translated\s+by)\s*:?\s+" + _T + _END),
        (
            CreditKind.TRANSLATED_FROM,
            r"^(?:перевод\s+с|переведено\s+с|переклад\s+з|übersetzt\s+aus(?:\s+dem)?"
            r"|übersetzung\s+aus(?:\s+dem)?|traduit(?:e)?\s+de(?:\s+l['’]|\s+)?"
            r"|traduction\s+de(?:\s+l['’]|\s+)?|traducid[oa]\s+del?|traducción\s+del?"
            r"|tradott[oa]\s+da(?:ll['’]|l)?|traduzione\s+da(?:ll['’]|l)?"
            r"|traduzid[oa]\s+d[eo]|tradução\s+d[eo])\s*" + _T + _END,
        ),
        (
            CreditKind.REPUBLISHED,
            r"^(?:this\s+\w+\s+(?:is|was|has\s+been)\s+)?(?:republished|reprinted|reposted"
            r"|re-?published)\s+(?:here\s+)?(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?"
            r"(?:from|of|by)\s+" + _T + _END,
        ),
        (CreditKind.FROM, r"^(?:from|via)\s*:?\s+" + _T + _END),
        (
            CreditKind.COPYRIGHT,
            r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
            r"\s*,?\s*)?(?:provided\s+by\s+|by\s+)?" + _T + _END,
        ),
    )
)
# Where a line's first sentence ends: a full stop, then the capital of the next sentence.
_NEXT_SENTENCE = re.compile(r"\.\s+(?=[A-ZА-Я])")
# Where a credited name ends on a whole-line credit.
_STOP = re.compile(r"\.\s|\.$|[,;)\]|]|\s+(?:and|under|with|on|in|as|where|who|which)\s", re.I)
_LANGUAGE_BY = re.compile(r"^(?:the\s+)?(\w+)\s+by\s+(.{1,100})$", re.I)
# What follows a site's name on a 'From:' line: 'X Home Page at <http://x.example/>'.
_FROM_TAIL = re.compile(
    r"\s+(?:home\s*page|web\s*site|website|site)?\s*(?:at|:)?\s*<?(?P<address>(?:https?://|www\.)"
    r"[^\s>]+)>?\s*$|\s+(?:home\s*page|web\s*site|website)$",
    re.I,
)
# An author named beside an origin credit: 'by A', 'realizada por el periodista A'.
_AUTHOR = re.compile(
    r"(?:\bby|\brealizad[oa]\s+por(?:\s+(?:el|la)\s+periodista)?|\bescrit[oa]\s+por|\bpar"
    r"|\bvon|\ba\s+cura\s+di|\bdi|\bautor(?:a)?\s*:?|\bавтор\w*\s*:?)\s+"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3})",
    re.IGNORECASE,
)
# Origin credits that may carry the original's author and date on the same line.
_DATED_KINDS = frozenset(
    {
        CreditKind.ORIGINALLY_PUBLISHED,
        CreditKind.FIRST_APPEARED,
        CreditKind.REPUBLISHED,
        CreditKind.PARTNERSHIP,
    }
)


def _trim(target: str) -> str:
    stop = _STOP.search(target)
    if stop:
        target = target[: stop.start()]
    return target.strip(" .,;:'\"“”«»*_–—-")


def _plausible(target: str) -> bool:
    """A credited name starts like a name or a domain and is short."""
    words = target.split()
    return (
        bool(words)
        and len(words) <= 8
        and (target[0].isupper() or target[0].isdigit() or "." in target)
    )


def _translation_language(target: str) -> tuple[str, str] | None:
    """('inglés', 'en') from 'inglés para Rebelión por J. M.', 'the Russian by A', 'Russian'."""
    words = target.replace("’", "'").split()
    if words and words[0].lower() in ("the", "el", "le", "il", "lo", "dem"):
        words = words[1:]
    if not words:
        return None
    written = words[0]
    for prefix in ("l'", "dall'", "de l'", "d'"):
        if written.lower().startswith(prefix):
            written = written[len(prefix) :]
    code = LANGUAGES.get(written.lower().strip(".,;:"))
    return (written.strip(".,;:"), code) if code else None


# Cheap tests that skip the whole-line patterns on lines that cannot hold a credit.
_LINE_STARTS = (
    "translat",
    "перевод",
    "переклад",
    "übersetz",
    "tradu",
    "this",
    "republish",
    "reprint",
    "repost",
    "re-publish",
    "from",
    "via",
    "copyright",
    "©",
    "(c)",
    "source",
    "по материал",
    "за матеріал",
)
_BARE_SOURCE_STARTS = ("source", "по материал", "за матеріал")
_LINE_START_CHARS = frozenset(start[0] for start in _LINE_STARTS)
_OPENING_QUOTES = '«„"“'
# Source labels as they end before their colon (found by one scan for colons).
_SOURCE_LABELS = (
    "source",
    "sources",
    "original",
    "original article",
    "original story",
    "originalartikel",
    "artículo original",
    "article original",
    "articolo originale",
    "оригинал",
    "оригинал статьи",
    "першоджерело",
    "первоисточник",
    "原文链接",
    "原文鏈接",
    "quelle",
    "quellen",
    "fuente",
    "fuentes",
    "fonte",
    "fontes",
    "источник",
    "источники",
    "джерело",
    "джерела",
    "źródło",
    "źródła",
    "bron",
    "bronnen",
    "källa",
    "kilde",
    "lähde",
    "zdroj",
    "forrás",
    "sursa",
    "πηγή",
    "kaynak",
    "mənbə",
    "manba",
    "المصدر",
    "منبع",
    "מקור",
    "sumber",
    "nguồn",
    "出处",
    "出處",
    "来源",
    "來源",
    "出典",
    "出所",
    "출처",
)


def _credit(ctx: Context, line: Line, hit: Hit) -> Credit | None:
    """The Credit for ``hit`` on ``line``: outlet resolved, language, author and date read."""
    kind, target, language, domain = hit.kind, hit.target, hit.language, hit.domain
    if kind is CreditKind.TRANSLATED_FROM:
        named = _translation_language(target)
        if named:
            target, language = named
        elif " by " in target:
            target = target.split(" by ", 1)[0].strip()
    else:
        by = _LANGUAGE_BY.match(target)
        if by and by.group(1).lower() in LANGUAGES:
            # 'originally published in Russian by OUTLET' credits the outlet.
            language, target = LANGUAGES[by.group(1).lower()], by.group(2).strip()
        if is_language(target) or is_generic(target):
            return None  # 'Source: Russian' names a language, not who published the text
    if domain is None and looks_like_address(target):
        domain = registered_domain(target)
    names_language = kind is CreditKind.TRANSLATED_FROM and language is not None
    outlet = None if names_language else _outlet(ctx, target)
    author = date = None
    if kind in _DATED_KINDS:
        author, date = _author_and_date(ctx, line, hit)
    return Credit(
        span=ctx.source.span(line.start + hit.start, line.start + hit.end),
        kind=kind,
        target=target,
        outlet=outlet,
        language=language,
        domain=domain,
        author=author,
        date=date,
    )


def _outlet(ctx: Context, target: str) -> OutletMatch | None:
    """The catalog outlet of a credited name: the whole name, else one of 'AFP/Reuters'."""
    found = match_outlet(target, ctx.outlets)
    if found is None and "/" in target and " " not in target.strip():
        for part in target.split("/"):
            found = match_outlet(part, ctx.outlets) if part else None
            if found is not None:
                break
    return found


def _author_and_date(ctx: Context, line: Line, hit: Hit) -> tuple[str | None, str | None]:
    """The original's author and date when the credit's line names them ('originally
    published in X on 12 May 2020 by A', 'realizada por el periodista A y publicada en X')."""
    text = line.text
    author = None
    for found in _AUTHOR.finditer(text, max(0, hit.start - 120), min(len(text), hit.end + 120)):
        name = found.group("name").split(" y ")[0].split(" and ")[0].strip(" .,")
        words = name.split()
        # The shortest full name: 'Jason Horowitz', not 'Jason Horowitz Dopo' (the next
        # sentence's first word).
        full = next(
            (
                words[:size]
                for size in range(2, len(words) + 1)
                if looks_like_full_name(words[:size])
            ),
            None,
        )
        if full and " ".join(full) != hit.target:
            author = " ".join(full)
            break
    date = None
    window_end = line.start + min(len(text), hit.end + 80)
    digits = any(c.isdigit() for c in text[hit.start : hit.end + 80])
    for mention in mentions_within(ctx, line.start + hit.start, window_end) if digits else ():
        if mention.kind in (DateKind.ABSOLUTE, DateKind.MONTH_YEAR) and mention.value:
            date = mention.value
            break
    return author, date


def _line_hits(text: str) -> list[Hit]:
    """The whole-line phrasings on the first sentence of a short line."""
    first = _NEXT_SENTENCE.search(text)
    first_end = first.start() + 1 if first else len(text)
    if first_end > MAX_CREDIT_LINE:
        return []
    head_text = text[:first_end]
    for kind, pattern in _LINE_PATTERNS:
        hit = pattern.match(head_text)
        if hit is None:
            continue
        target = hit.group("target").strip(" .,;:'\"“”«»*_–—-")
        if "the" in pattern.groupindex and hit.group("the") == "The":
            target = f"The {target}"  # 'from The Lisvara Observer' keeps the name as written
        domain = None
        if kind is CreditKind.FROM:
            tail = _FROM_TAIL.search(target)
            if tail:
                address = tail.group("address")
                domain = registered_domain(address) if address else None
                target = target[: tail.start()].strip(" .,;:")
            if _image_library(target):
                continue  # 'From shutterstock.com' under a picture credits the picture
        if kind is CreditKind.FROM and len(target.split()) > 6:
            continue  # a sentence that starts with 'From', not a credit line
        if kind in (CreditKind.COPYRIGHT, CreditKind.REPUBLISHED, CreditKind.FROM):
            target = _trim(target)  # 'from X under a Creative Commons license'
            if target.lower().startswith("the ") and target[:1].islower():
                target = target[4:]
        if (kind is CreditKind.TRANSLATED_FROM and _translation_language(target)) or _plausible(
            target
        ):
            return [Hit(kind, 0, first_end, target, domain=domain)]
    return []


def _image_library(target: str) -> bool:
    folded = target.lower()
    return any(name in folded for name in IMAGE_LIBRARIES)


def _labelled_lines(ctx: Context) -> set[int]:
    """Numbers of the lines where a source label stands before a colon: one scan for the
    colons, which are few, instead of one scan per label in every language."""
    text = ctx.source.text
    numbers: set[int] = set()
    for colon in (":", "："):
        at = text.find(colon)
        while at >= 0:
            if text[max(0, at - 16) : at].rstrip().lower().endswith(_SOURCE_LABELS):
                numbers.add(ctx.source.line_of(at).number)
            at = text.find(colon, at + 1)
    return numbers


def _hits_on(
    line: Line,
    worded: set[int] | None,
    labelled: set[int],
    families: tuple[Family, ...],
    present: frozenset[str],
) -> list[Hit]:
    """Every credit phrasing on one line, each family behind its own cheap test.
    ``worded``: the lines holding a trigger word of ``families`` (None: any line may)."""
    text = line.text
    hits: list[Hit] = agency_hits(text)
    if hits and hits[0].kind is CreditKind.AGENCY_DATELINE:
        return hits  # a dateline opens wire copy; the paragraph is the story's own words
    head = text[:12].lower()
    if (
        not hits
        and not (worded is None or line.number in worded)
        and line.number not in labelled
        and text[0] not in _OPENING_QUOTES
        and not head.startswith(_LINE_STARTS)
    ):
        return hits  # the common body line: nothing below can match it
    if head.startswith(_LINE_STARTS):
        hits.extend(_line_hits(text))
    if not hits and (line.number in labelled or head.startswith(_BARE_SOURCE_STARTS)):  # 'Source X'
        found = source_line(text)
        if found is not None:
            hits.append(found)
    if not hits and text[0] in _OPENING_QUOTES:
        review = press_review_hit(text)
        if review is not None:
            hits.append(review)
    if worded is None or line.number in worded:
        rest_from = max((h.end for h in hits), default=0)
        kinds = {h.kind for h in hits}
        found_origins = origin_hits(text, families, rest_from, present) if families else []
        hits.extend(h for h in found_origins if h.kind not in kinds)
        lowered = text.lower()
        if any(word in present and word in lowered for word in INPUT_WORDS):
            found_input = inputs_hit(text)
            if found_input is not None:
                hits.append(found_input)
        if not text.isascii() and any(cue in text for cue in CJK_ORIGIN_CUES):
            found_cjk = cjk_origin_hit(text)
            if found_cjk is not None and found_cjk.kind not in kinds:
                hits.append(found_cjk)
    return hits


# ------------------------------------------------------------------ header signals

# Capitalised header lines that are no publication ('BY STAFF', 'OUR CORRESPONDENT').
_PERSONAL_LINES = frozenset({"staff", "by staff", "our correspondent", "staff reporter", "admin"})
_TITLE_SEPARATOR = re.compile(r"\s(?:\||-|–|—|::|«|»)\s")
_HEADER_JOINERS = frozenset(
    "of the de del la le les des di du da do dos der die das für for and & y e et und von on "
    "online".split()
)


def _masthead(text: str, following: Line | None) -> Hit | None:
    """'LA STAMPA' alone above a longer line: a publication's name in capitals."""
    if not text.isupper():
        return None
    text = text.strip(" .|•")
    words = text.split()
    if (
        following is None
        or not 1 <= len(words) <= 4
        or len(text) > 40
        or text.upper() != text
        or sum(c.isalpha() for c in text) < 3
        or text.lower() == text
        or any(c.isdigit() or c in ":[]()?!,;»«>/|•·→" for c in text)  # no breadcrumb
        or len(following.text.split()) <= len(words)
        or not looks_like_headline(following)  # capitals above a paragraph: its headline
        or text.lower() in SECTION_LABELS
        or all(w.lower() in SECTION_LABELS for w in words)
        or (len(words) == 1 and text.lower() in COMMON)  # 'MOSCOW', 'WORLD', 'UKRAINE'
        or text.lower() in _PERSONAL_LINES
        or is_language(text)
    ):
        return None
    return Hit(CreditKind.MASTHEAD, 0, len(text), text)


_BYLINE_WORDS = frozenset({"by", "par", "von", "por", "di", "door", "av", "af", "от"})


def _title_site(text: str) -> Hit | None:
    """'Headline | Site Name', 'Headline - Site Name': a page title pasted from a site."""
    if not _TITLE_SEPARATOR.search(text):
        return None
    separators = list(_TITLE_SEPARATOR.finditer(text))
    if len(separators) != 1 or len(text) > 250:
        return None
    cut = separators[0]
    headline, site = text[: cut.start()].strip(), text[cut.end() :].strip(" .")
    words = site.split()
    if (
        len(headline.split()) < 3
        or not 1 <= len(words) <= 5
        or words[0].lower() in _BYLINE_WORDS  # '... | By Tom Reed' is a byline
        or not words[0][0].isupper()
        or (
            any(c.isdigit() or c in ':,;!?"“”' for c in site.replace(".", ""))
            and not looks_like_address(site)
        )
        or not all(w[0].isupper() or w.lower() in _HEADER_JOINERS for w in words)
        or all(w.lower() in SECTION_LABELS for w in words)  # '| World News', '| Politics'
        or any(w.lower() in HEADLINE_WORDS for w in words)
        or is_language(site)
        or looks_like_full_name(words)  # 'Headline - John Smith' names the author
    ):
        return None
    return Hit(CreditKind.TITLE_SITE, cut.end(), len(text.rstrip(" .")), site)


def _header_hits(content: tuple[Line, ...]) -> list[tuple[Line, Hit]]:
    """Mastheads, page titles and bare addresses in the first lines of the text."""
    header = content[:HEADER_LINES]
    found: list[tuple[Line, Hit]] = []
    for index, line in enumerate(header):
        # The source already ends a line at a quoted page's omission mark ('[...]').
        text = line.text
        if len(text) > 160 or not text:
            continue
        if " " not in text and looks_like_address(text):
            domain = registered_domain(text)
            if domain:
                found.append((line, Hit(CreditKind.ADDRESS, 0, len(text), text, domain=domain)))
            continue
        following = header[index + 1] if index + 1 < len(header) else None
        hit = _masthead(text, following) or _title_site(text)
        if hit is not None:
            found.append((line, hit))
    return found


def _may_hold_credit(line: Line, worded: set[int], labelled: set[int]) -> bool:
    """A cheap test passed by every line any credit phrasing can match: most body lines
    (ending on a full stop, no bracket or slash near the start) fail it. Its tests are
    ordered cheapest and most telling first: it runs on every line."""
    text = line.text
    last = text[-1]
    if last.isalpha() or last == ")" or line.number in worded or line.number in labelled:
        return True
    if text.find("(", 0, 130) >= 0 or text.find("/", 0, 130) >= 0 or text.endswith(")."):
        return True
    first = text[0]
    if first.lower() in _LINE_START_CHARS and text[:12].lower().startswith(_LINE_STARTS):
        return True
    if not text.isascii() and text.find("月", 0, 24) >= 0:
        return True
    if first in _OPENING_QUOTES:
        return press_review_hit(text) is not None
    return len(text) <= 60 and AGENCY_CUE.search(text) is not None


# Origin triggers and press-summary cues, found in one pass over the text's words.
_CUES = TRIGGERS | CUE_TOKENS


@extractor("credits")
def credits(ctx: Context) -> tuple[Credit, ...]:
    content = ctx.source.content
    # One split of the text says which origin phrasings can occur at all; the lines that
    # hold their trigger words are then found by a few scans, most texts needing none.
    found_cues = _CUES.intersection(ctx.source.lowered_words)
    present = frozenset(found_cues & TRIGGERS)
    families = tuple(family for family in FAMILIES if family.triggers & present)
    line_words = tuple({word for family in families for word in family.lines_words(present)})
    line_words += tuple(word for word in INPUT_WORDS if word in present)
    if "。" in ctx.source.text or "，" in ctx.source.text:
        line_words += CJK_ORIGIN_CUES  # a Chinese text: its phrases have no words to split
    worded = ctx.source.lines_holding(line_words) if line_words else set()
    labelled = _labelled_lines(ctx)
    pairs = _header_hits(content) + press_summary_hits(content, frozenset(found_cues))
    taken = {line.number for line, _hit in pairs}
    for line in content:
        if worded is not None and not _may_hold_credit(line, worded, labelled):
            continue
        for hit in _hits_on(line, worded, labelled, families, present):
            if line.number in taken and hit.kind is CreditKind.AGENCY:
                # 'ANADOLU AGENCY' in the header: one credit, the agency's
                pairs = [(ln, h) for ln, h in pairs if ln.number != line.number]
            pairs.append((line, hit))
    found = [c for line, hit in pairs if (c := _credit(ctx, line, hit)) is not None]
    return tuple(sorted(found, key=lambda c: (c.span.start, c.span.end, c.kind)))
