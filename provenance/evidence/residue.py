"""Scraping residue: site furniture, footers, UI words, tickers, platform chrome, and
navigation in another language than the body.

Line-based and wordlist-driven: a line is residue when, stripped of bullets and
'spot_img'-style tokens, it *is* a known UI/footer phrase (or starts with one and is short).
Phrases carry their language; when it differs from the body's, the line is
FOREIGN_NAVIGATION. Short lines next to residue that the language detector confidently
places in another language are FOREIGN_NAVIGATION too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.evidence.language import detect
from provenance.evidence.model import Language, Residue, ResidueKind
from provenance.evidence.registry import Context, extractor
from provenance.evidence.text import Line, ends_sentence

MAX_RESIDUE_CHARS = 100
MAX_PHRASE_WORDS, MAX_PREFIX_WORDS = 8, 14
FOREIGN_CONFIDENCE = 0.95
MAX_PASSES = 3  # residue spreads to neighbouring short lines, a few lines at most

_FOOTER: dict[str, str] = {
    "en": "read more|read also|also read|related|related articles|related posts|related stories"
    "|recommended|most read|most popular|popular|popular articles|popular posts|trending"
    "|latest|latest news|latest posts|more stories|more news|you may also like"
    "|you might also like|see also|further reading|top stories|editor's picks|more from"
    "|other popular articles on|read next|recommended for you|sponsored content",
    "de": "mehr zum thema|weiterlesen|auch interessant|das könnte sie auch interessieren"
    "|meistgelesen|meistgelesene artikel|verwandte artikel|ähnliche artikel|neueste"
    "|lesen sie auch|empfohlen|mehr aus|das könnte sie interessieren",
    "fr": "lire aussi|à lire aussi|lire la suite|articles similaires|les plus lus|populaire"
    "|sur le même sujet|à lire également|derniers articles|recommandé|a lire aussi",
    "es": "leer más|lee también|te puede interesar|más leídas|más leído|relacionados"
    "|noticias relacionadas|artículos relacionados|últimas noticias|lo último|recomendado"
    "|también te puede interesar|lo más visto|te recomendamos",
    "et": "sarnased|viimased|soovitus|loe ka|loe edasi|populaarsed|loetumad|seotud"
    "|leia meid|jälgi meid|värskeimad|soovitame",
    "ru": "читайте также|читать далее|популярное|похожие новости|похожие статьи"
    "|последние новости|рекомендуем|самое читаемое|по теме|новости по теме|читайте нас",
    "it": "leggi anche|leggi di più|articoli correlati|più letti|ultime notizie"
    "|potrebbe interessarti",
    "pt": "leia também|leia mais|mais lidas|relacionados|últimas notícias|veja também",
    "tr": "ilgili haberler|devamını oku|en çok okunanlar|son haberler|benzer haberler"
    "|bunlar da ilginizi çekebilir",
    "az": "oxşar xəbərlər|son xəbərlər|ən çox oxunanlar|daha çox",
}
_INTERFACE: dict[str, str] = {
    "": "spot_img|facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|youtube"
    "|instagram|vk|rss|x",
    "en": "dismiss|subscribe|share|share this|share this article|share on facebook|tweet"
    "|print|email|comments|comment|reply|log in|login|sign in|sign up|register|close|menu"
    "|search|advertisement|advertising|sponsored|accept|accept all|cookies|cookie settings"
    "|skip to content|skip to main content|back to top|follow us|follow|like|save|copy link"
    "|newsletter|sign up for our newsletter|loading|show more|load more|next|previous|home"
    "|click here|leave a comment|post a comment|print this article|share this story",
    "de": "teilen|abonnieren|anmelden|schließen|werbung|anzeige|drucken|kommentare|suche"
    "|startseite|folgen sie uns|newsletter abonnieren|zurück|weiter|mehr laden|jetzt abonnieren",
    "fr": "partager|s'abonner|abonnez-vous|fermer|publicité|imprimer|commentaires|rechercher"
    "|connexion|se connecter|suivez-nous|accueil|accepter",
    "es": "compartir|suscríbete|suscribirse|cerrar|publicidad|imprimir|comentarios|buscar"
    "|iniciar sesión|síguenos|inicio|aceptar",
    "et": "jaga|telli|sulge|reklaam|kommentaarid|otsi|logi sisse|avaleht|nõustun",
    "ru": "поделиться|подписаться|закрыть|реклама|комментарии|поиск|войти|главная|подписывайтесь",
    "it": "condividi|iscriviti|chiudi|pubblicità|commenti|cerca|accedi",
    "pt": "compartilhar|partilhar|assine|fechar|publicidade|comentários|pesquisar|entrar",
    "tr": "paylaş|abone ol|kapat|reklam|yorumlar|giriş yap",
}
# Phrases that open a footer line followed by a name: 'Other popular articles on X'.
_PREFIXES: dict[str, str] = {
    "en": "other popular articles on|more from|read more|also read|read also|see also"
    "|related:|you may also like|follow us on|find us on|more articles from",
    "de": "mehr zum thema|lesen sie auch|folgen sie uns auf|mehr aus",
    "fr": "lire aussi|à lire aussi|suivez-nous sur|sur le même sujet",
    "es": "lee también|leer más|síguenos en|te puede interesar",
    "et": "leia meid|jälgi meid|loe ka",
    "ru": "читайте также|читайте нас в|подписывайтесь на",
}


def _table(source: dict[str, str]) -> dict[str, str]:
    return {phrase: lang for lang, phrases in source.items() for phrase in phrases.split("|")}


FOOTER_PHRASES, INTERFACE_PHRASES = _table(_FOOTER), _table(_INTERFACE)
PREFIX_PHRASES = sorted(_table(_PREFIXES).items(), key=lambda item: -len(item[0]))

_GLUED_UI = re.compile(r"spot_img|spot_imgspot_img", re.IGNORECASE)
_EDGES = " \t-–—•·*|>»«:!?.,;()[]{}'\"“”"
_TICKER = re.compile(
    r"^[A-Z][A-Za-z0-9.&/ -]{0,24}?\s[-+]?[$€£]?\d[\d,]{0,15}(?:\.\d{1,8})?%?"
    r"(?:\s{1,3}[-+]?\d[\d,]{0,15}(?:\.\d{1,8})?%?){0,2}$"
)
_PLATFORM = re.compile(
    r"^(?:in\s#\S{1,60}(?:\s{1,3}\S{1,20}){0,4}|posted\s(?:by|in|on)\b.{0,80}|@[\w.]{1,40}|\$\d{1,6}\.\d{2}"
    r"|\d{1,7}\s(?:votes?|comments?|replies|likes|shares|views|upvotes|reblogs)"
    r"|(?:reply|reblog|upvote|downvote|flag)|\d{1,3}\s?min(?:ute)?s?\s(?:read|lugemist)"
    r"|#\S{1,40}(?:\s#\S{1,40}){0,10})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Hit:
    line: Line
    kind: ResidueKind
    language: str | None  # the phrase's language; None for language-neutral residue


def normalised(text: str) -> str:
    """A line as a phrase: 'spot_img' tokens, bullets and edge punctuation gone, casefolded."""
    if _may_glue(text):
        text = _GLUED_UI.sub(" ", text)
    return " ".join(text.strip(_EDGES).casefold().split()).strip(_EDGES)


def _may_glue(text: str) -> bool:
    """Whether ``text`` may hold a glued token. Each holds an underscore, which no other
    character matches in any case: ``in`` is far cheaper than the pattern's scan of a line
    (half of classifying the lines of an article)."""
    return "_" in text


def _classify(line: Line) -> _Hit | None:
    text = line.text
    if len(text) > MAX_RESIDUE_CHARS * 2:
        return None
    if _PLATFORM.match(text):
        return _Hit(line, ResidueKind.PLATFORM, None)
    glued = _may_glue(text) and _GLUED_UI.search(text) is not None
    # Without glued tokens, normalising only strips edges and folds case, which never adds
    # words: a line longer than any phrase or prefix (most of the body) is not residue.
    if not glued and len(text.strip(_EDGES).split()) > MAX_PREFIX_WORDS:
        return None
    phrase = normalised(text)
    words = len(phrase.split())
    if not phrase:
        # Only furniture tokens ('spot_img', '- -'): interface.
        return _Hit(line, ResidueKind.INTERFACE, None) if glued else None
    if words <= MAX_PHRASE_WORDS:
        if phrase in FOOTER_PHRASES:
            return _Hit(line, ResidueKind.FOOTER, FOOTER_PHRASES[phrase] or None)
        if phrase in INTERFACE_PHRASES:
            return _Hit(line, ResidueKind.INTERFACE, INTERFACE_PHRASES[phrase] or None)
        parts = phrase.split()
        if all(p in INTERFACE_PHRASES for p in parts):  # 'Share Tweet Email'
            languages = {INTERFACE_PHRASES[p] for p in parts} - {""}
            return _Hit(line, ResidueKind.INTERFACE, min(languages) if languages else None)
    if words <= MAX_PREFIX_WORDS and not ends_sentence(text.rstrip("!")):
        for prefix, language in PREFIX_PHRASES:
            if phrase.startswith(prefix + " ") or phrase == prefix:
                return _Hit(line, ResidueKind.FOOTER, language)
    if glued:
        return _Hit(line, ResidueKind.INTERFACE, None)
    return None


def _tickers(lines: tuple[Line, ...]) -> list[_Hit]:
    """Blocks of two or more 'SYMBOL number' lines, with the short heading just above."""
    hits: list[_Hit] = []
    block: list[Line] = []

    def close(before: Line | None) -> None:
        if len(block) >= 2:
            if before is not None and before.words <= 4 and not ends_sentence(before.text):
                hits.append(_Hit(before, ResidueKind.TICKER, None))
            hits.extend(_Hit(line, ResidueKind.TICKER, None) for line in block)
        block.clear()

    previous: Line | None = None
    heading: Line | None = None
    for line in lines:
        if len(line.text) <= 60 and _TICKER.match(line.text):
            if not block:
                heading = previous
            block.append(line)
        else:
            close(heading)
            previous = line
    close(heading)
    return hits


@extractor("residue_base")
def residue_base(ctx: Context) -> tuple[_Hit, ...]:
    """Residue found without knowing the body's language."""
    lines = ctx.source.content
    hits: dict[int, _Hit] = {hit.line.number: hit for hit in _tickers(lines)}
    for line in lines:
        if line.number not in hits:
            hit = _classify(line)
            if hit is not None:
                hits[line.number] = hit
    return tuple(hits[n] for n in sorted(hits))


def _base(language: str | None) -> str | None:
    return language.split("-")[0] if language else None


@extractor("residue")
def residue(ctx: Context) -> tuple[Residue, ...]:
    body: Language | None = ctx.get("language")
    body_language = _base(body.code) if body else None
    hits: dict[int, Residue] = {}
    for hit in ctx.get("residue_base"):
        kind = hit.kind
        if hit.language and body_language and hit.language != body_language:
            kind = ResidueKind.FOREIGN_NAVIGATION
        hits[hit.line.number] = Residue(span=ctx.source.line_span(hit.line), kind=kind)
    # Short lines next to residue, in another language than the body: foreign navigation.
    lines = ctx.source.content
    guesses: dict[int, Language | None] = {}
    changed, passes = True, 0
    while changed and body_language and passes < MAX_PASSES:
        changed, passes = False, passes + 1
        for index, line in enumerate(lines):
            # the length first: counting words splits the line
            if line.number in hits or len(line.text) > 50 or line.words > 5:
                continue
            neighbours = [lines[i].number for i in (index - 1, index + 1) if 0 <= i < len(lines)]
            if not any(n in hits for n in neighbours) or ends_sentence(line.text):
                continue
            if line.number not in guesses:
                guesses[line.number] = detect(line.text)
            guess = guesses[line.number]
            if guess and guess.confidence >= FOREIGN_CONFIDENCE and guess.code != body_language:
                hits[line.number] = Residue(
                    span=ctx.source.line_span(line), kind=ResidueKind.FOREIGN_NAVIGATION
                )
                changed = True
    return tuple(hits[n] for n in sorted(hits))
