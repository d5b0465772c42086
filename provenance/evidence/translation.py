"""Signs in the text that it is a translation: stated ones in many languages, and the ones a
careful reader infers (parallel text, untranslated residue, machine-translation traces).

Everything here is prefiltered so that an ordinary page costs a few substring tests and
regex scans in C: the phrasings only run on lines holding a translation word, and
per-line language identification only on pages with prose in two scripts, or in English
and another Latin-script language (a few function words tell them apart).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from babel import Locale, UnknownLocaleError

from provenance.evidence.language import detect
from provenance.evidence.model import (
    ContributorRole,
    CreditKind,
    Language,
    TranslationBasis,
    TranslationSign,
)
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line
from provenance.evidence.translation_phrases import (
    CUE_WORDS,
    DEIXIS,
    EXTRA_LANGUAGE_NAMES,
    NARRATIVE,
    PHRASE_LANGUAGES,
    PHRASES,
    PREFILTER,
    Shape,
)

_Phrase = tuple[str, Shape, re.Pattern[str]]

SHORT_STATEMENT_WORDS = 25  # a credit or a note, not a narrative paragraph
EDGE_LINES = 5  # the header and footer, where credits and notes sit
MAX_LINE_CHARS = 2_000  # longer lines are body prose; their statements are read in the head
QUOTED_CHARS = 70  # how much of a line a reason quotes

# --- language names ------------------------------------------------------------------------


def fold(text: str) -> str:
    """A word as language names are compared: casefolded, without the dot Turkish 'İ'
    leaves, the Devanagari nukta (written or not), or Arabic hamza seats."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = decomposed.replace("\u0307", "").replace("\u093c", "")
    return unicodedata.normalize("NFC", bare).translate(_HAMZA)


_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


@cache
def language_names(language: str) -> tuple[tuple[str, str], ...]:
    """(folded name, ISO 639-1 code) of every language as ``language`` names it, from the
    CLDR tables Babel ships, longest first (so 'англійськ…' is tried before 'англ…')."""
    names: dict[str, str] = {}
    # a language CLDR does not name others in has only the extra names
    with suppress(UnknownLocaleError, ValueError):
        names = dict(Locale.parse(language).languages)
    pairs = {fold(name): code for code, name in names.items() if len(code) == 2}
    pairs.update(
        {fold(name): code for name, code in EXTRA_LANGUAGE_NAMES.get(language, {}).items()}
    )
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))


def language_named(word: str, languages: Iterable[str]) -> str | None:
    """The ISO code of the language ``word`` names in one of ``languages``, inflected or not:
    'inglés', 'Englischen', 'английского', 'angielskiego', 'İngilizceden', 'الإنجليزية'."""
    folded = fold(word.strip(" '’.,:;\"«»“”"))
    if len(folded) < 3:
        return None
    tried = list(dict.fromkeys(languages))
    for language in tried:
        for name, code in language_names(language):
            # a name is a prefix of its inflected forms; short names only as whole words
            whole = folded == name
            inflected = len(name) >= 4 and folded.startswith(name) and len(folded) - len(name) <= 6
            if whole or inflected:
                return code
    for language in tried:
        for name, code in language_names(language):
            # Slavic endings replace the name's own: 'английский' -> 'английского'
            if len(name) >= 6 and folded.startswith(name[:-2]) and len(folded) <= len(name) + 4:
                return code
    return None


# --- names of translators and outlets ------------------------------------------------------

_CONNECTORS = frozenset("and und et y e i и і та ve və & og och en a и،و 和 与".split())
_PARTICLES = frozenset("de da del della der den van von di du la le al el bin ibn".split())
_EDGE_PUNCT = " ,;:()[]\"'“”«»„*_"
_LIST_MARKS = re.compile(r"[、，,]")


def names_in(text: str) -> tuple[str, ...]:
    """The names a credit lists ('J. M.', 'Anna Petrova and Ivan Sidorov', '李恒威、董自立'):
    capitalised words and initials, or words of a script without case, up to the first
    other word or the end of the sentence."""
    names: list[str] = []
    current: list[str] = []
    for token in _LIST_MARKS.sub(" , ", text).split()[:12]:
        if token == ",":
            if current:
                names.append(" ".join(current))
                current = []
            continue
        bare = token.strip(_EDGE_PUNCT)
        if not bare:
            break
        lowered = bare.lower()
        if lowered in _CONNECTORS and current:
            names.append(" ".join(current))
            current = []
            continue
        initial = len(bare) == 2 and bare[1] == "." and bare[0].isupper()
        uncased = bare[0].isalpha() and not bare[0].isupper() and not bare[0].islower()
        if initial or (bare[0].isupper() and bare[0].isalpha()) or uncased:
            current.append(bare if initial else bare.rstrip("."))
            if uncased and len(current) >= 3:
                break
            if token.endswith((".", ";", ":")) and not initial and len(bare) > 2:
                break
            continue
        if lowered in _PARTICLES and current:
            current.append(bare)
            continue
        break
    if current:
        names.append(" ".join(current))
    return tuple(name for name in names if name and name.lower() not in _PARTICLES)


_OUTLET_END = re.compile(
    r"\s+(?:a\s+cura\s+di|by|por|par|von|di|da|from|and|y|et|und|on|in|am|el|le)\s.*$"
    r"|\s*[,;:(\[|].*$|(?<=\w{2})\.(?:\s.*)?$|\s+[-–—]\s.*$",
    re.IGNORECASE,
)


def outlet_in(text: str) -> str | None:
    """The outlet a line names where ``text`` starts: 'The New York Times', 'haqqin.az'."""
    cut = _OUTLET_END.sub("", text.strip())
    name = cut.strip(_EDGE_PUNCT + ".–—-").strip()
    words = name.split()
    if not words or len(words) > 6:
        return None
    if not (name[0].isupper() or name[0].isdigit() or "." in name or not name[0].islower()):
        return None
    return name


# --- stated translations -------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """What the statement tests need to know about the page."""

    count: int  # content lines
    language: str | None  # the body's language

    def at_edge(self, index: int) -> bool:
        return index < EDGE_LINES or index >= self.count - EDGE_LINES


_SEGMENT_OPENERS = "|•·—–-([{:>"
_SENTENCE_END = re.compile(r"[.!?…»”)](?=\s)")


def _sentence_before(text: str) -> str:
    """The part of the current sentence before a match."""
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end() :] if ends else text


def _opens_segment(before: str) -> bool:
    """Whether a match opens its line, a sentence or a '|'-separated segment of it."""
    stripped = before.rstrip()
    return not stripped or stripped[-1] in _SEGMENT_OPENERS or stripped[-1] in ".!?"


def _is_statement(
    shape: Shape, line: Line, index: int, page: _Page, match: re.Match[str], into: str | None
) -> bool:
    """Whether a matched phrasing states that THIS text is a translation, not that someone
    translated something (a report, a link roundup, the writer's own story)."""
    before = line.text[: match.start()]
    sentence = _sentence_before(before)
    short = line.words <= SHORT_STATEMENT_WORDS
    edge = page.at_edge(index)
    if shape is Shape.CJK:
        return len(line.text) <= 60
    if shape is Shape.CREDIT:
        return _opens_segment(before) and (short or edge)
    if shape is Shape.FIRST_PERSON:
        rest = line.text[match.start() : match.end() + 1]
        return short or edge or bool(DEIXIS.search(sentence + rest))
    if NARRATIVE.search(sentence):
        return False
    if shape is Shape.INTO:
        return into is not None and into == page.language and (short or edge)
    if shape is Shape.CUE:
        return _opens_segment(before) or bool(CUE_WORDS.search(sentence[-40:])) or short
    # Shape.FROM
    return short or edge or not sentence.strip() or bool(DEIXIS.search(sentence))


_BY = re.compile(
    r"\b(?:by|por|par|von|door|av|af|przez|tarafından)\s+(?P<who>[^\n]{1,80})", re.IGNORECASE
)


def _han_names(text: str) -> tuple[str, ...]:
    """'李四 王五', '李恒威2董自立2董 达2': names apart by spaces, list marks or the digits of
    affiliation notes; a piece of one character is a name's start ('董 达')."""
    pieces = [p for p in re.split(r"[\s\d、，,]+", text) if p]
    names: list[str] = []
    for piece in pieces:
        if names and len(names[-1]) == 1:
            names[-1] += " " + piece
        else:
            names.append(piece)
    return tuple(names)


def _translators(match: re.Match[str], line: Line, shape: Shape) -> tuple[str, ...]:
    groups = match.groupdict()
    if shape is Shape.CJK:
        return _han_names(groups.get("who") or "")
    if groups.get("who"):
        return names_in(groups["who"])
    after = _BY.search(line.text, match.end(), match.end() + 80)
    if after:
        return names_in(after.group("who"))
    rest = line.text[match.end() :].lstrip()
    # 'Перевод с английского: NAME', 'aus dem Englischen — NAME'
    return names_in(rest[1:]) if rest[:1] in (":", "：", "—", "–") else ()


def _quote(text: str) -> str:
    return text if len(text) <= QUOTED_CHARS else text[: QUOTED_CHARS - 1].rstrip() + "…"


def _stated_reason(
    quoted: str, language: str | None, translators: Sequence[str], original: str | None
) -> str:
    parts = [f"the line '{_quote(quoted)}' states a translation"]
    if language:
        parts.append(f"from {_language_label(language)}")
    if original:
        parts.append(f"of {original}")
    if translators:
        parts.append("by " + ", ".join(translators))
    return " ".join(parts)


def _language_label(code: str) -> str:
    """'English (en)': the English name of a language, for reasons a reader checks."""
    name = Locale("en").languages.get(code)
    return f"{name} ({code})" if name else code


def _stated_on(
    ctx: Context, line: Line, index: int, page: _Page, phrases: Sequence[_Phrase]
) -> TranslationSign | None:
    text = line.text[:MAX_LINE_CHARS]
    for phrase_language, shape, pattern in phrases:
        for match in pattern.finditer(text):
            languages = (phrase_language, page.language or "en", "en")
            into = match.groupdict().get("into")
            into_code = language_named(into, languages) if into else None
            if not _is_statement(shape, line, index, page, match, into_code):
                continue
            source_language, original = _source(match, text, languages)
            if shape is Shape.INTO and source_language is None:
                continue  # 'translated into English' says nothing checkable by itself
            if shape is Shape.CUE and match.groupdict().get("orig"):
                original = outlet_in(match.group("orig"))
            translators = _translators(match, line, shape)
            if shape is Shape.CJK and not translators:
                continue
            return _stated_sign(ctx, line, source_language, translators, original)
    return None


def _source(
    match: re.Match[str], text: str, languages: Sequence[str]
) -> tuple[str | None, str | None]:
    """(source language, original outlet) named after 'from': a language name, else an
    outlet ('Translated from haqqin.az')."""
    groups = match.groupdict()
    if groups.get("into"):
        return ("?", None)  # the source is not named; '?' marks a checked 'into'
    src = groups.get("src")
    if not src:
        return (None, None)
    code = language_named(src, languages)
    if code:
        return (code, None)
    if "." in src.strip("."):  # a domain: 'haqqin.az', whatever suffix follows it
        return (None, src.strip("."))
    return (None, outlet_in(text[match.start("src") :]))


def _stated_sign(
    ctx: Context,
    line: Line,
    source_language: str | None,
    translators: Sequence[str],
    original: str | None,
) -> TranslationSign:
    language = None if source_language == "?" else source_language
    return TranslationSign(
        span=ctx.source.line_span(line),
        basis=TranslationBasis.STATED,
        reason=_stated_reason(line.text, language, translators, original),
        source_language=language,
        translator=tuple(translators),
        original=original,
    )


def _phrase_languages(page_language: str | None) -> frozenset[str]:
    """The languages whose phrasings a page is read for: English, and its own language and
    neighbours; every language when the page's is unknown or has no phrasings."""
    if page_language is None or page_language not in PREFILTER:
        return frozenset(language for language, _, _ in PHRASES)
    return frozenset({"en", page_language, *PHRASE_LANGUAGES.get(page_language, ())})


def _prefilter(languages: frozenset[str]) -> tuple[str, ...]:
    words = (word for language in sorted(languages) for word in PREFILTER.get(language, ()))
    return tuple(dict.fromkeys(words))


def _candidate_lines(ctx: Context, words: tuple[str, ...]) -> list[tuple[int, Line]]:
    """(index, line) of the content lines that may hold a translation phrasing."""
    holding = ctx.source.lines_holding(words)
    lines = ctx.source.content
    if holding is not None:
        return [(i, line) for i, line in enumerate(lines) if line.number in holding]
    return [
        (i, line)
        for i, line in enumerate(lines)
        if any(word in line.text.lower() for word in words)
    ]


def stated(ctx: Context, page: _Page) -> list[TranslationSign]:
    found: dict[int, TranslationSign] = {}
    languages = _phrase_languages(page.language)
    phrases = [phrase for phrase in PHRASES if phrase[0] in languages]
    for index, line in _candidate_lines(ctx, _prefilter(languages)):
        sign = _stated_on(ctx, line, index, page, phrases)
        if sign is not None:
            found[line.number] = sign
    # Credits and contributors other extractors read ('Translated from X', 'X著 Y译') that
    # no phrasing here covers.
    for credit in ctx.get("credits"):
        if credit.kind is CreditKind.TRANSLATED_FROM and credit.span.line not in found:
            line = ctx.source.line(credit.span.line)
            original = None if credit.language else credit.target
            found[line.number] = _stated_sign(ctx, line, credit.language, (), original)
    edge_numbers = {line.number for i, line in enumerate(ctx.source.content) if page.at_edge(i)}
    for contributor in ctx.get("contributors"):
        number = contributor.span.line
        if contributor.role is not ContributorRole.TRANSLATOR or number in found:
            continue
        line = ctx.source.line(number)
        if line.words <= SHORT_STATEMENT_WORDS or number in edge_numbers:
            found[number] = _stated_sign(ctx, line, None, contributor.names, None)
    return [found[n] for n in sorted(found)]


# --- per-line languages: parallel text and residue -----------------------------------------

LONG_LINE_CHARS = 40  # a line of prose, not a label
MIN_PAIRS = 2  # a page alternates when it holds this many line pairs
MIN_SWITCHES = 3  # and its prose changes language this often (A B A B)
SOURCE_SHARE = 0.75  # of the pairs, to say which language comes first
PAIR_GAP = 3  # lines between the two lines of a pair
EDGE_PROSE_WORDS = 25  # an edge block of another language holds this many words
RESIDUE_CONFIDENCE = 0.9

_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
    "\u0e00-\u0e7f\u10a0-\u10ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
# Six Latin words in a row: prose, not a brand or an address.
# Tried only at a word's start: from inside a long run of letters every start backtracked
# through the whole run (a 20,000-letter word took 6 s). A match found mid-word has one at
# the word's start too, so what is found is unchanged.
_LATIN_PROSE = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}(?:[\s,;:'’-]+[A-Za-z]{2,}){5}")
_LATIN_LETTERS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_ENGLISH = re.compile(r" (?:the|and|of|is|are|with|that|to) ")
# Function words of the Latin-script languages most often paired with English.
_OTHER_LATIN = re.compile(
    r" (?:el|los|las|del|les|der|und|das|il|della|het|een|os|não|uma|que|się|jest|ve|bir"
    r"|est|une|dans|avec|nicht|gli|ist|em|com|con|são|para|por|nie|sono|è|o|na|da|dos|se) "
)
# On the page: ' the ' this often, and the other language's function words twice as often.
MIN_FUNCTION_WORDS = 2


@extractor("translation_non_latin")
def non_latin(ctx: Context) -> bool:
    """Whether the page holds letters of another script than Latin."""
    # The shared wide-script test covers every block _NON_LATIN names: most pages stop here.
    return ctx.source.wide_script and _NON_LATIN.search(ctx.source.text) is not None


# Strong function words of other Latin-script languages, counted before any line is tagged.
_OTHER_COUNTED = (
    " de ",
    " la ",
    " el ",
    " os ",
    " para ",
    " und ",
    " der ",
    " il ",
    " się ",
    " que ",
)


_OTHER_WORDS = frozenset(word.strip() for word in _OTHER_COUNTED)


def _english_and_other(words: list[str]) -> bool:
    """Whether a page's words (lowercased) hold English and another Latin-script
    language's function words, enough of each."""
    english = other = 0
    needed = MIN_FUNCTION_WORDS * 2
    for word in words:
        if word == "the":
            english += 1
        elif word in _OTHER_WORDS:
            other += 1
            if other >= needed and english >= MIN_FUNCTION_WORDS:
                return True
    return english >= MIN_FUNCTION_WORDS and other >= needed


def _script_tag(text: str) -> str:
    """'latin', or the first non-Latin script block a line of mostly other letters uses."""
    others = _NON_LATIN.findall(text)
    if len(others) * 2 >= len(_LATIN_LETTERS.findall(text)):
        return f"script-{ord(others[0]) >> 7}" if others else "latin"
    return "latin"


def _function_tag(text: str) -> str | None:
    lowered = f" {text.lower()} "
    english, other = len(_ENGLISH.findall(lowered)), len(_OTHER_LATIN.findall(lowered))
    if english >= 2 and english > 2 * other:
        return "latin-en"
    if other >= 2 and other > 2 * english:
        return "latin-other"
    return None


@extractor("translation_line_tags")
def line_tags(ctx: Context) -> tuple[tuple[Line, str], ...]:
    """(line, tag) of the prose lines of a page that holds prose in two scripts, or in
    English and another Latin-script language; empty for any other page. A tag stands for a
    language without naming it (scripts and function words are cheap; naming needs py3langid,
    run later only on the few lines that matter)."""
    text = ctx.source.text
    two_scripts = ctx.get("translation_non_latin") and _LATIN_PROSE.search(text) is not None
    if not two_scripts and not _english_and_other(ctx.source.lowered_words):
        return ()
    tags: list[tuple[Line, str]] = []
    for line in ctx.source.content:
        if len(line.text) < LONG_LINE_CHARS:
            continue
        tag: str | None = _script_tag(line.text) if two_scripts else "latin"
        if tag == "latin":
            tag = _function_tag(line.text)
        if tag is not None:
            tags.append((line, tag))
    return tuple(tags)


def _pairs(tags: Sequence[tuple[Line, str]]) -> list[tuple[tuple[Line, str], tuple[Line, str]]]:
    """Neighbouring prose lines in two different languages, read left to right."""
    pairs = []
    index = 0
    while index + 1 < len(tags):
        first, second = tags[index], tags[index + 1]
        if first[1] != second[1] and second[0].number - first[0].number <= PAIR_GAP:
            pairs.append((first, second))
            index += 2
        else:
            index += 1
    return pairs


def _code(lines: Iterable[Line]) -> Language | None:
    return detect("\n".join(line.text for line in lines))


def parallel(ctx: Context, tags: Sequence[tuple[Line, str]]) -> list[TranslationSign]:
    """Lines alternating between two languages: a sentence or paragraph, then its version."""
    pairs = _pairs(tags)
    switches = sum(1 for (_, a), (_, b) in pairwise(tags) if a != b)
    if len(pairs) < MIN_PAIRS or switches < MIN_SWITCHES:
        return []
    kinds = Counter(frozenset((a[1], b[1])) for a, b in pairs)
    languages, count = kinds.most_common(1)[0]
    pairs = [(a, b) for a, b in pairs if frozenset((a[1], b[1])) == languages]
    if count < MIN_PAIRS:
        return []
    firsts = Counter(a[1] for a, _ in pairs)
    by_tag = {
        tag: _code(line for pair in pairs for line, t in pair if t == tag) for tag in languages
    }
    codes = {tag: (found.code if found else None) for tag, found in by_tag.items()}
    if len(set(codes.values())) < 2 or None in codes.values():
        return []  # the detector does not see two languages: scripts, not languages
    leading, share = firsts.most_common(1)[0]
    source = codes[leading] if share >= SOURCE_SHARE * len(pairs) else None
    first_line, last_line = pairs[0][0][0], pairs[-1][1][0]
    a, b = sorted(code for code in codes.values() if code)
    order = f", each {_language_label(source)} line first" if source else ""
    return [
        TranslationSign(
            span=ctx.source.span(first_line.start, last_line.end),
            basis=TranslationBasis.PARALLEL,
            reason=(
                f"{len(pairs)} pairs of neighbouring lines alternate between "
                f"{_language_label(a)} and {_language_label(b)} (lines {first_line.number}-"
                f"{last_line.number}){order}"
            ),
            source_language=source,
        )
    ]


def edge_residue(
    ctx: Context, tags: Sequence[tuple[Line, str]], body: str | None
) -> list[TranslationSign]:
    """Prose at the top or the bottom of a page in another language than its body: the
    boilerplate of the site the text was translated for, left around it."""
    if body is None or len(tags) < 2:
        return []
    found: list[TranslationSign] = []
    total = sum(line.words for line, _ in tags)
    for block in (_leading(tags), _leading(tags[::-1])[::-1]):
        words = sum(line.words for line in block)
        if words < EDGE_PROSE_WORDS or words * 3 > total * 2:
            continue  # too little to judge, or most of the page: the body itself
        guess = _code(block)
        if guess is None or guess.code == body or guess.confidence < RESIDUE_CONFIDENCE:
            continue
        found.append(
            TranslationSign(
                span=ctx.source.span(block[0].start, block[-1].end),
                basis=TranslationBasis.RESIDUE,
                reason=(
                    f"{len(block)} prose line(s) at the page's edge (lines {block[0].number}-"
                    f"{block[-1].number}) are in {_language_label(guess.code)}, the body in "
                    f"{_language_label(body)}"
                ),
                source_language=guess.code,
            )
        )
    return found


def _leading(tags: Sequence[tuple[Line, str]]) -> list[Line]:
    """The first lines sharing the first line's tag, when other lines follow them."""
    block: list[Line] = []
    for line, tag in tags:
        if tag != tags[0][1]:
            return block
        block.append(line)
    return []


# --- caption and credit labels in another language -----------------------------------------

# Caption and credit labels of one language only ('Foto:' is many languages' and absent).
_LABELS: dict[str, tuple[str, ...]] = {
    "pl": ("zdjęcie:", "źródło:", "fot.", "autor zdjęcia"),
    "ru": ("источник:", "фото:", "фотография:"),
    "uk": ("джерело:", "світлина:"),
    "de": ("quelle:", "bildquelle:", "bild:"),
    "en": ("photo:", "photograph:", "photo credit:", "image credit:", "caption:"),
    "fr": ("crédit photo", "légende :", "photo :"),
    "es": ("fuente:", "imagen:", "fotografía:"),
    "pt": ("fonte:", "imagem:"),
    "tr": ("fotoğraf:", "kaynak:"),
    "az": ("mənbə:",),
    "zh": ("图片来源", "来源：", "图：", "摄影："),
    "ar": ("المصدر:", "صورة:"),
    "fa": ("منبع:", "عکس:"),
}
_LABEL_LANGUAGE = {label: lang for lang, labels in _LABELS.items() for label in labels}
_LATIN_SCRIPT = frozenset(
    "en de fr es pt it pl tr az nl sv da no nb cs sk hu fi et ro hr bs sl lt lv id ms vi ca".split()
)
MAX_LABEL_LINE_WORDS = 30


def label_residue(ctx: Context, body: Language | None) -> list[TranslationSign]:
    """A caption or credit whose labels are in another language than the body, and whose
    words the detector places there too ('Zdjęcie: ... Źródło: PAP' in a Russian text)."""
    if body is None or body.confidence < RESIDUE_CONFIDENCE:
        return []
    if not ctx.get("translation_non_latin"):
        return []  # the strong case only: a label in another script than the body's
    body_latin = body.code in _LATIN_SCRIPT
    words = tuple(
        label
        for label, language in _LABEL_LANGUAGE.items()
        if (language in _LATIN_SCRIPT) != body_latin
    )
    holding = ctx.source.lines_holding(words)
    if not holding:
        return []
    found: list[TranslationSign] = []
    for number in sorted(holding):
        line = ctx.source.line(number)
        if line.words > MAX_LABEL_LINE_WORDS:
            continue
        lowered = line.text.lower()
        languages = {lang for label, lang in _LABEL_LANGUAGE.items() if label in lowered}
        if len(languages) != 1:
            continue
        (language,) = languages
        if language == body.code or not _labelled(lowered, language):
            continue
        guess = detect(line.text)
        if guess is None or guess.code != language or guess.confidence < RESIDUE_CONFIDENCE:
            continue
        found.append(
            TranslationSign(
                span=ctx.source.line_span(line),
                basis=TranslationBasis.RESIDUE,
                reason=(
                    f"the caption or credit '{_quote(line.text)}' is in "
                    f"{_language_label(language)}, the body in {_language_label(body.code)}"
                ),
                source_language=language,
            )
        )
    return found


def _labelled(lowered: str, language: str) -> bool:
    """Two labels, or one label with a caption of several words after it."""
    labels = [label for label in _LABELS[language] if label in lowered]
    if len(labels) >= 2:
        return True
    after = lowered.split(labels[0], 1)[1] if labels else ""
    return len(after.split()) >= 4


# --- machine-translation traces ------------------------------------------------------------

# A capital straight after a lowercase letter ('introduYourself', 'СалонфэхиГ'): one
# character class opens the pattern, so the scan skips to capitals.
_GLUED_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ](?<=[a-zß-öø-ÿа-яё].)")
_WORD_AROUND = re.compile(r"[\w'’.@#/:=-]+")
_LOWER_RUN = re.compile(r"^[a-zß-öø-ÿа-яё]{3,}[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]{2,}$")
_CODE_SIGNS = ("()", "=", "{", "_", "</", "://")
MIN_PROSE_WORDS = 10
# A glued month or unit is page furniture run together ('readFeb', '2 minRead'), not prose.
_FURNITURE_TAILS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec read min share comments".split()
)


def glued_words(ctx: Context) -> list[TranslationSign]:
    """Words run together across a missing space inside prose: a lowercase word, then a
    capitalised one, as machine translation and careless pasting leave them."""
    text = ctx.source.text
    found: list[TranslationSign] = []
    # Lines done with (a sign found, or not prose), and where the last word read ends: every
    # capital of a line, or of one long word, asks the same questions, and asking them
    # again for each made a long line or word quadratic.
    seen: set[int] = set()
    read_to = -1
    for capital in _GLUED_CAPITAL.finditer(text):
        if capital.start() < read_to:
            continue
        line = ctx.source.line_of(capital.start())
        if line.number in seen:
            continue
        if line.words < MIN_PROSE_WORDS or any(sign in line.text for sign in _CODE_SIGNS):
            seen.add(line.number)
            continue
        around = _WORD_AROUND.match(line.text, _word_start(line.text, capital.start() - line.start))
        if around is None:
            continue
        read_to = line.start + around.end()
        word = _glued(line, around)
        if word is None:
            continue
        start, end, token = word
        tail = token[next(i for i, ch in enumerate(token) if ch.isupper()) :]
        if tail.lower() in _FURNITURE_TAILS or start == line.start:
            continue
        seen.add(line.number)
        found.append(
            TranslationSign(
                span=ctx.source.span(start, end),
                basis=TranslationBasis.MACHINE,
                reason=f"'{token}' runs two words together inside a sentence of line "
                f"{line.number}, as machine translation leaves them",
            )
        )
    return found


_WORD_CHAR = re.compile(r"[\w'’.@#/:=-]")


def _word_start(text: str, column: int) -> int:
    """Where the run of ``_WORD_AROUND`` characters holding ``column`` begins."""
    start = column
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


def _glued(line: Line, around: re.Match[str]) -> tuple[int, int, str] | None:
    """(start, end, text) of the glued word ``around`` holds, when it is plain letters: a
    lowercase run of three or more, then a capitalised word."""
    token = around.group().strip("'’.,:")
    if not _LOWER_RUN.match(token):
        return None
    start = line.start + around.start() + around.group().find(token)
    return start, start + len(token), token


# --- the extractor -------------------------------------------------------------------------


@extractor("translations")
def translations(ctx: Context) -> tuple[TranslationSign, ...]:
    body: Language | None = ctx.get("language")
    body_code = body.code if body else None
    page = _Page(count=len(ctx.source.content), language=body_code)
    found = stated(ctx, page)
    tags = ctx.get("translation_line_tags")
    if tags:
        found.extend(parallel(ctx, tags))
        if not any(sign.basis is TranslationBasis.PARALLEL for sign in found):
            found.extend(edge_residue(ctx, tags, body_code))
    found.extend(label_residue(ctx, body))
    found.extend(glued_words(ctx))
    return tuple(sorted(found, key=lambda sign: (sign.span.start, sign.span.end)))
