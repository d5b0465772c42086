"""Outlet knowledge shipped with the tool: who an outlet is, offline.

``provenance/data/outlets.json`` lists wire agencies, broadcasters, state media, newspapers,
magazines, think tanks, the services that translate others' articles, blog platforms,
user-generated platforms and aggregators, with the names a credit uses for them ('(AP)',
'Agencia EFE', '新华社', 'ТАСС'), their registered domains, languages, country and category.
It is read lazily, on the first lookup, and never at import. The user's catalog overrides it:
:func:`resolve_domain` and :func:`resolve_name` look in the catalog first.

Names are compared on a key: NFKC, casefolded, without spaces or punctuation. A leading
article is part of a name ('Le Monde' is not 'Monde'); it is dropped only where the stored
name is English and starts with 'The' ('Guardian' finds 'The Guardian'), or where the text
without it is itself a listed name ('The Reuters'). Transliteration (anyascii) is a second
key, tried only when the first finds nothing. A key shared by two outlets ('APA', 'Delfi')
finds none: :func:`outlets_named` lists them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from provenance.models import Id, LanguageTag, Name, Outlet, OutletCategory
from provenance.registry_cache import per_registry

KNOWLEDGE_PACKAGE = "provenance"
KNOWLEDGE_DIR = "data"
KNOWLEDGE_FILE = "outlets.json"
KNOWLEDGE_SCHEMA_FILE = "outlets.schema.json"
KNOWLEDGE_SCHEMA_ID = "https://provenance.invalid/schemas/outlets-1.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

Domain = Annotated[
    str,
    StringConstraints(pattern=r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", max_length=253),
    Field(
        description=(
            "A registered domain ('reuters.com') or, for a part of a site that is a "
            "different outlet, a host under it ('blog.naver.com'); no 'www.'."
        )
    ),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code (XK for Kosovo, as is usual)."),
]
CheckedAt = Annotated[
    str,
    StringConstraints(
        pattern=(
            r"^(Q[1-9][0-9]*"
            r"|https?://\S+"
            r"|github:[A-Za-z0-9._-]+/[A-Za-z0-9._-]+/\S+@[0-9a-f]{7,40})$"
        )
    ),
    Field(
        description=(
            "Where the entry's facts were checked: a Wikidata item ('Q40469'), a URL, or a "
            "file of a public repository at a commit ('github:owner/repo/path@commit')."
        )
    ),
]


class KnowledgeCategory(StrEnum):
    """The catalog's categories, and one the catalog lacks: translation services."""

    NEWS_AGENCY = "news-agency"
    PUBLIC_BROADCASTER = "public-broadcaster"
    STATE_MEDIA = "state-media"
    NEWSPAPER = "newspaper"
    MAGAZINE = "magazine"
    THINK_TANK = "think-tank"
    BLOG = "blog"
    AGGREGATOR = "aggregator"
    USER_GENERATED = "user-generated"
    PRESS_RELEASE = "press-release"
    TRANSLATION_SERVICE = "translation-service"


# A translation service republishes other outlets' articles (in translation), as an
# aggregator republishes them: that is its twin in a catalog.
CATALOG_CATEGORY_OF_TRANSLATION_SERVICE = OutletCategory.AGGREGATOR


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class KnownOutlet(_Frozen):
    """An outlet the tool knows without the user's catalog."""

    id: Id
    name: Name = Field(description="The name the outlet is best known by.")
    names: tuple[Name, ...] = Field(
        default=(),
        description=(
            "Other names a credit uses: native script, English and transliterated forms, "
            "abbreviations as styled ('AP', 'dpa', 'ТАСС', '新华社')."
        ),
    )
    domains: tuple[Domain, ...] = ()
    languages: tuple[LanguageTag, ...] = Field(
        default=(), description="BCP 47 primary tags of the languages it publishes in."
    )
    country: CountryCode | None = None
    category: KnowledgeCategory
    checked: tuple[CheckedAt, ...] = Field(
        default=(),
        description=(
            "Where the facts were checked. Empty: from the compiler's knowledge only, "
            "not yet checked against a source."
        ),
    )

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.names)


class OutletKnowledge(_Frozen):
    """The file provenance/data/outlets.json."""

    schema_: str | None = Field(default=None, alias="$schema")
    version: Literal[1]
    outlets: tuple[KnownOutlet, ...]


# --- loading


def knowledge_text() -> str:
    """The shipped data file, as text."""
    data = resources.files(KNOWLEDGE_PACKAGE).joinpath(KNOWLEDGE_DIR, KNOWLEDGE_FILE)
    return data.read_text(encoding="utf-8")


@cache
def known_outlets() -> tuple[KnownOutlet, ...]:
    """Every outlet of the shipped knowledge, in file order (read once, on first use)."""
    return OutletKnowledge.model_validate_json(knowledge_text()).outlets


def generate_knowledge_schema() -> dict[str, Any]:
    """The data file's JSON Schema as the model defines it today."""
    schema = OutletKnowledge.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DRAFT, "$id": KNOWLEDGE_SCHEMA_ID, **schema}


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def committed_knowledge_schema() -> dict[str, Any]:
    """The schema committed beside the data file."""
    path = resources.files(KNOWLEDGE_PACKAGE).joinpath(KNOWLEDGE_DIR, KNOWLEDGE_SCHEMA_FILE)
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


# --- domains


def host_of(domain_or_url: str) -> str:
    """The host of a URL, or of 'host[:port][/path]', lower case, without a final dot."""
    text = domain_or_url.strip()
    if "://" in text:
        from provenance.domains import url_host

        return url_host(text)
    return text.split("/", 1)[0].split(":", 1)[0].lower().rstrip(".")


def host_and_parents(host: str) -> list[str]:
    """'x.blogspot.com' -> ['x.blogspot.com', 'blogspot.com'] (never the bare TLD)."""
    labels = host.split(".")
    return [".".join(labels[start:]) for start in range(len(labels) - 1)]


@cache
def _outlets_by_domain() -> dict[str, KnownOutlet]:
    return {domain: outlet for outlet in known_outlets() for domain in outlet.domains}


def by_domain(domain: str) -> KnownOutlet | None:
    """The outlet of a registered domain, host or URL: the most specific listed domain wins
    ('blog.naver.com' is Naver Blog, 'news.naver.com' Naver), and a site hosted on a
    platform is the platform ('x.blogspot.com' is Blogger)."""
    index = _outlets_by_domain()
    for candidate in host_and_parents(host_of(domain)):
        if candidate in index:
            return index[candidate]
    return None


# --- names

# Articles that may open a name. Dropped from a text only when what remains is a listed name.
LEADING_ARTICLES = frozenset(
    {"the", "la", "le", "les", "l", "el", "los", "las", "die", "der", "das", "il", "lo"}
)
# Marks (Indic vowel signs, Arabic and Hebrew points, combining accents) are part of a
# word, although Python's \w leaves them out: a key keeps them.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u3099\u309a"
)
_SEPARATORS = re.compile(rf"(?:[^\w{_MARKS}]|_)+")
_FIRST_WORD = re.compile(rf"^((?:[^\W_]|[{_MARKS}])+)(?:[^\w{_MARKS}]|_)+(.+)$", re.DOTALL)


def fold(text: str) -> str:
    """NFKC, casefolded, NFKC again (casefolding can undo the normal form)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def name_key(folded: str) -> str:
    """The comparison key of a folded name: no spaces, no punctuation ('A.P.' = 'AP')."""
    return _SEPARATORS.sub("", folded)


def without_leading_article(folded: str) -> str | None:
    """'the guardian' -> 'guardian'; None when the name opens with no article."""
    match = _FIRST_WORD.match(folded)
    if match and match.group(1) in LEADING_ARTICLES:
        return match.group(2)
    return None


def _english_article_dropped(folded: str) -> str | None:
    match = _FIRST_WORD.match(folded)
    return match.group(2) if match and match.group(1) == "the" else None


def _group(pairs: Iterable[tuple[str, KnownOutlet]]) -> dict[str, tuple[KnownOutlet, ...]]:
    grouped: dict[str, tuple[KnownOutlet, ...]] = {}
    for key, outlet in pairs:
        if not key:
            continue
        present = grouped.get(key, ())
        if all(known is not outlet for known in present):
            grouped[key] = (*present, outlet)
    return grouped


@cache
def _outlets_by_name_key() -> dict[str, tuple[KnownOutlet, ...]]:
    return _group(
        (name_key(fold(name)), outlet) for outlet in known_outlets() for name in outlet.all_names()
    )


@cache
def _outlets_by_name_key_without_the() -> dict[str, tuple[KnownOutlet, ...]]:
    """Stored English names that open with 'The', keyed without it."""
    pairs = []
    for outlet in known_outlets():
        for name in outlet.all_names():
            rest = _english_article_dropped(fold(name))
            if rest is not None:
                pairs.append((name_key(rest), outlet))
    return _group(pairs)


def transliterated_key(text: str) -> str:
    from anyascii import anyascii

    return name_key(fold(anyascii(fold(text))))


@cache
def _outlets_by_transliterated_key() -> dict[str, tuple[KnownOutlet, ...]]:
    return _group(
        (transliterated_key(name), outlet)
        for outlet in known_outlets()
        for name in outlet.all_names()
    )


def outlets_named(text: str) -> tuple[KnownOutlet, ...]:
    """Every outlet a name may mean, by the first rule that finds any: the name as written;
    without a leading article, if what remains is listed; a stored name without its 'The';
    the transliterated name."""
    folded = fold(text)
    key = name_key(folded)
    if not key:
        return ()
    exact = _outlets_by_name_key()
    if key in exact:
        return exact[key]
    rest = without_leading_article(folded)
    if rest is not None and name_key(rest) in exact:
        return exact[name_key(rest)]
    without_the = _outlets_by_name_key_without_the()
    if key in without_the:
        return without_the[key]
    return _outlets_by_transliterated_key().get(transliterated_key(text), ())


def by_name(text: str) -> KnownOutlet | None:
    """The one outlet a name means; None when it means none, or several."""
    found = outlets_named(text)
    return found[0] if len(found) == 1 else None


# --- the user's catalog first


def as_catalog_outlet(known: KnownOutlet) -> Outlet:
    """The outlet as a catalog entry, to propose into a user's catalog. A translation
    service becomes an aggregator (the catalog has no such category)."""
    category = (
        CATALOG_CATEGORY_OF_TRANSLATION_SERVICE
        if known.category is KnowledgeCategory.TRANSLATION_SERVICE
        else OutletCategory(known.category.value)
    )
    return Outlet(
        id=known.id,
        name=known.name,
        alternate_name=list(known.names),
        domains=list(known.domains),
        category=category,
        country=known.country,
        in_language=list(known.languages),
    )


def _catalog_by_domain(outlets: tuple[Outlet, ...]) -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in outlets:
        for domain in outlet.domains:
            index.setdefault(domain, outlet)  # the first, as a search in order would find
    return index


def _catalog_by_name_key(outlets: tuple[Outlet, ...]) -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in outlets:
        for own in (outlet.name, *outlet.alternate_name):
            index.setdefault(name_key(fold(own)), outlet)
    return index


def resolve_domain(domain: str, catalog_outlets: Sequence[Outlet]) -> Outlet | None:
    """The catalog's outlet for a domain, host or URL; else the knowledge's, as a catalog
    outlet. The catalog wins even where the knowledge has a more specific host."""
    # Indexed once per catalog: a page's opening may ask about hundreds of words.
    by_catalog_domain = per_registry(catalog_outlets, _catalog_by_domain)
    for candidate in host_and_parents(host_of(domain)):
        if candidate in by_catalog_domain:
            return by_catalog_domain[candidate]
    known = by_domain(domain)
    return as_catalog_outlet(known) if known else None


def resolve_name(name: str, catalog_outlets: Sequence[Outlet]) -> Outlet | None:
    """The catalog's outlet of that name (or alternate name, on the same key); else the one
    the knowledge names, as a catalog outlet."""
    key = name_key(fold(name))
    if key:
        found = per_registry(catalog_outlets, _catalog_by_name_key).get(key)
        if found is not None:
            return found
    known = by_name(name)
    return as_catalog_outlet(known) if known else None


_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")


def outlet_named_in(
    line: str, catalog_outlets: Sequence[Outlet], skip: str | None = None
) -> Outlet | None:
    """The first outlet (catalog first, then knowledge) that one to three consecutive words
    of a line name, longest first, other than ``skip``."""
    words = _WORD.findall(line)
    for index in range(len(words)):
        for size in (3, 2, 1):
            window = words[index : index + size]
            if len(window) < size or (size == 1 and len(window[0]) < 3):
                continue
            if window[0][0].islower():
                continue  # 'a long time ago' names no magazine: names are written capitalised
            found = resolve_name(" ".join(window), catalog_outlets)
            if found is not None and found.id != skip:
                return found
    return None


def outlet_named_in_lines(
    lines: Iterable[str], catalog_outlets: Sequence[Outlet], skip: str | None = None
) -> Outlet | None:
    """The first outlet ``outlet_named_in`` finds, line by line."""
    for line in lines:
        found = outlet_named_in(line, catalog_outlets, skip)
        if found is not None:
            return found
    return None


def write_schema() -> None:  # pragma: no cover - a maintainer's command
    """Regenerate provenance/data/outlets.schema.json from the model."""
    from pathlib import Path

    target = Path(__file__).parent / KNOWLEDGE_DIR / KNOWLEDGE_SCHEMA_FILE
    target.write_text(render_schema(generate_knowledge_schema()), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write_schema()
