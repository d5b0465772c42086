"""The catalog model: the single source of truth for sources.json and its JSON Schema.

JSON keys are camelCase and follow schema.org (NewsArticle, Organization, Person) where a
property exists there: ``headline``, ``publisher``, ``author``, ``translator``,
``inLanguage``, ``datePublished``, ``alternateName``. Python attributes are the snake_case
twins. Unknown keys are errors everywhere; what is not known is ``null``, never guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.alias_generators import to_camel

from provenance.registry_cache import per_registry

SCHEMA_VERSION = "1.0"
SCHEMA_FILE = "catalog.schema.json"

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$"),
    Field(description="Stable identifier: lowercase letters, digits, '.', '_' and '-'."),
]
Url = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s/?#]+[^\s]*$", max_length=2048),
    Field(description="An absolute http(s) URL."),
]
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"),
    Field(description="A BCP 47 language tag, e.g. 'en', 'ru', 'az-Latn'."),
]
PartialDate = Annotated[
    str,
    StringConstraints(
        pattern=(
            # [0-9], not \d: \d takes any script's digits in Python and in Rust.
            r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])"
            r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?"
            r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?)?)?$"
        )
    ),
    Field(
        description=(
            "ISO 8601 date or date-time, at the precision known: '2024', '2024-08', "
            "'2024-08-27' or '2024-08-27T10:00:00Z'."
        )
    ),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"\S")]


class Model(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        use_enum_values=True,
    )


class HopRelation(StrEnum):
    """How a copy came from the hop before it (C2PA-style actions, news semantics)."""

    ORIGINAL = "original"
    REPUBLISHED = "republished"
    SYNDICATED = "syndicated"
    TRANSLATED = "translated"
    EXCERPTED = "excerpted"
    QUOTED = "quoted"
    UNKNOWN = "unknown"


class OutletCategory(StrEnum):
    """Source-type categories in the spirit of Cite Unseen."""

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


class ReliabilityStatus(StrEnum):
    """Per-outlet status in the spirit of Wikipedia's WP:RSP."""

    GENERALLY_RELIABLE = "generally-reliable"
    NO_CONSENSUS = "no-consensus"
    GENERALLY_UNRELIABLE = "generally-unreliable"
    DEPRECATED = "deprecated"
    BLACKLISTED = "blacklisted"
    UNKNOWN = "unknown"


AdmiraltyReliability = Literal["A", "B", "C", "D", "E", "F"]


class Reliability(Model):
    """How far an outlet is trusted, and why."""

    status: ReliabilityStatus
    admiralty: AdmiraltyReliability = Field(
        description="Admiralty source reliability: A reliable ... E unreliable, F cannot be judged."
    )
    reason: Text
    evidence: Url | None = Field(default=None, description="A link that supports the status.")


class Outlet(Model):
    """A publisher: newspaper, agency, broadcaster, blog, platform."""

    id: Id
    name: Name
    alternate_name: list[Name] = Field(
        default_factory=list, description="Other names a text may use for the outlet."
    )
    domains: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]] = Field(
        default_factory=list, description="Registered domains, e.g. 'oilprice.com'."
    )
    category: OutletCategory | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country code."
    )
    in_language: list[LanguageTag] = Field(default_factory=list)
    ownership_funding_info: Text | None = None
    reliability: Reliability | None = None


class Person(Model):
    """A person named in the catalog, with the spellings of the name that are legitimate."""

    id: Id
    name: Name
    alternate_name: list[Name] = Field(
        default_factory=list,
        description="Legitimate spellings (transliterations, short forms); others are garbles.",
    )
    affiliation: Name | None = None


class Hop(Model):
    """One step of an article's origin chain: a version of the text published somewhere."""

    relation: HopRelation = Field(
        description=(
            "How this hop came from the one before it; the first hop is 'original' or 'unknown'."
        )
    )
    publisher: Id | None = Field(default=None, description="Outlet id, or null when not known.")
    url: Url | None = None
    headline: Text | None = None
    author: list[Name] = Field(default_factory=list)
    translator: list[Name] = Field(
        default_factory=list, description="For a translated hop: who translated it, when known."
    )
    in_language: LanguageTag | None = None
    date_published: PartialDate | None = None
    credited: bool | None = Field(
        default=None, description="Whether the copy held names this hop as its source."
    )
    note: Text | None = None


class HeldCopy(Model):
    """The copy of the article that the catalog holds (the last link of the chain)."""

    relation: HopRelation = Field(
        description="How the copy held came from the last hop of the chain."
    )
    publisher: Id | None = None
    url: Url | None = None
    author: list[Name] = Field(default_factory=list)
    translator: list[Name] = Field(default_factory=list)
    in_language: LanguageTag | None = None
    date_published: PartialDate | None = None
    date_retrieved: PartialDate | None = None
    note: Text | None = None


class Acknowledgement(Model):
    """A reviewed finding: it is shown, but does not fail the check."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]{3}$")]
    reason: Text
    evidence: Text | None = Field(
        default=None, description="Optional: the quoted span the acknowledgement covers."
    )


class Article(Model):
    """One article held, and its origin."""

    id: Id
    headline: Text | None = None
    file: Annotated[str, StringConstraints(min_length=1, max_length=1024)] = Field(
        description="Path of the text, relative to the catalog's folder."
    )
    copy_held: HeldCopy = Field(alias="copy")
    chain: list[Hop] = Field(
        default_factory=list,
        description="Hops from the original to the one the copy held was taken from.",
    )
    acknowledgements: list[Acknowledgement] = Field(default_factory=list)
    note: Text | None = None

    @property
    def hops(self) -> list[Hop | HeldCopy]:
        """The whole chain, the copy held last."""
        return [*self.chain, self.copy_held]


class Catalog(Model):
    """The catalog file, sources.json."""

    schema_: str | None = Field(default=None, alias="$schema")
    schema_version: Literal["1.0"]
    outlets: list[Outlet] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)

    def outlet(self, outlet_id: str | None) -> Outlet | None:
        # Rules ask for the outlet of every hop of every article: an index, built once per
        # list of outlets, where a scan of 3,000 outlets each time grew with the catalog.
        if outlet_id is None:
            return None
        return per_registry(self.outlets, _outlets_by_id).get(outlet_id)


def _outlets_by_id(outlets: tuple[Outlet, ...]) -> dict[str, Outlet]:
    by_id: dict[str, Outlet] = {}
    for outlet in outlets:
        by_id.setdefault(outlet.id, outlet)  # the first, as a search would find
    return by_id


_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last calendar day a partial date can mean ('2024-08' -> Aug 1..31)."""
    if "T" in value:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.date(), moment.date()
    match = _PARTIAL.match(value)
    if match is None:
        raise ValueError(f"not a partial ISO date: {value!r}")
    year, month, day = match.groups()
    if day:
        exact = date(int(year), int(month), int(day))
        return exact, exact
    if month:
        first = date(int(year), int(month), 1)
        following = date(int(year) + (first.month == 12), first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(int(year), 1, 1), date(int(year), 12, 31)
