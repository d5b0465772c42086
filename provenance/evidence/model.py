"""What an article's own text says about its provenance: every signal with its exact place.

Positions are 1-based lines and columns (in characters) and 0-based character offsets into
the text, so that a finding can quote ``text[start:end]`` and point at ``line:column``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

M = TypeVar("M", bound=BaseModel)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def build(model: type[M], fields: dict[str, Any]) -> M:
    """``model(**fields)``, validated alike, straight through the model's core validator:
    ``__init__`` costs as much again in Python, and an article builds dozens of spans."""
    built: M = model.__pydantic_validator__.validate_python(fields)
    return built


class Span(_Model):
    line: int
    column: int
    start: int
    end: int
    text: str


class Headline(_Model):
    span: Span
    repeated: bool = False


class Byline(_Model):
    """'By NAME [and NAME] [in PLACE] [DATE]' near the top."""

    span: Span
    names: tuple[str, ...]
    place: str | None = None
    date: str | None = None  # ISO partial date when the byline carries one
    # 'Staff', 'Our Correspondent', 'RFE/RL staff', 'Agencia EFE': one author, an organisation.
    organisation: bool = False
    # 'Rosemary Stanton, UNSW': the institution written after the name on its line.
    affiliation: str | None = None


class ContributorRole(StrEnum):
    TRANSLATOR = "translator"  # 'Translated by X', 'Traducción: X', 'Перевод: X', '译'
    EDITOR = "editor"  # 'Editing by X', 'Edited by X': not an author
    PHOTOGRAPHER = "photographer"  # 'Photo by X', 'Foto: X': not an author


class Contributor(_Model):
    """A person credited with a role other than writing the text."""

    span: Span
    names: tuple[str, ...]
    role: ContributorRole


class SignOff(_Model):
    """An author's name alone on one of the last lines."""

    span: Span
    name: str


class DateKind(StrEnum):
    ABSOLUTE = "absolute"  # stands alone: 'August 27, 2024', '27.08.2024'
    MONTH_YEAR = "month-year"  # 'August 2024'
    YEARLESS = "yearless"  # needs a year: 'August 9', 'on 9 August'
    RELATIVE = "relative"  # needs an anchor date: 'last week', '2 years ago', 'recently'


class DateMention(_Model):
    span: Span
    kind: DateKind
    value: str | None = None  # ISO partial date for ABSOLUTE and MONTH_YEAR
    dateline: bool = False  # part of a byline or dateline


class StampLabel(StrEnum):
    PUBLISHED = "published"  # 'Published:', 'Posted on', 'Publié le', 'Veröffentlicht am'
    UPDATED = "updated"  # 'Updated:', 'Modifié le', 'Aktualisiert'
    NONE = "none"  # a date alone, or beside a weekday, a time or 'by NAME'


class DateStamp(_Model):
    """The page's own publication time, as its header prints it."""

    span: Span  # the date (or the relative stamp) itself
    label: StampLabel
    value: str | None = None  # ISO partial date; None for a relative stamp
    relative: bool = False  # '2 months ago', 'Just now', 'vor 3 Tagen', '3小时前'


class CreditKind(StrEnum):
    FROM = "from"  # 'From X'
    TRANSLATED_FROM = "translated-from"  # 'Translated from X', 'Translation: X'
    ORIGINALLY_PUBLISHED = "originally-published"  # 'originally published in/on/by X'
    FIRST_APPEARED = "first-appeared"  # 'This article first appeared in X'
    REPUBLISHED = "republished"  # 'Republished with permission from X'
    SOURCE = "source"  # 'Source: X'
    AGENCY_DATELINE = "agency-dateline"  # 'LONDON (Reuters) -'
    VIA = "via"  # 'via X'
    COPYRIGHT = "copyright"  # '© 2024 X', 'Copyright X'
    AGENCY = "agency"  # '— Reuters', '(dpa)', 'with inputs from PTI', 'Agencia EFE'
    PARTNERSHIP = "partnership"  # 'part of a partnership with X', 'an edition of X'
    MASTHEAD = "masthead"  # a short header line naming another outlet ('LA STAMPA')
    TITLE_SITE = "title-site"  # 'Headline | Other Site'
    ADDRESS = "address"  # a bare address of another domain ('Source: http://x.example/...')


class OutletMatch(_Model):
    """A name in the text resolved to a catalog outlet."""

    outlet: str  # outlet id
    matched: str  # the catalog name, alias or domain that matched
    score: float  # 0..100 similarity; 100 for an exact match
    exact: bool


class Credit(_Model):
    span: Span
    kind: CreditKind
    target: str  # the credited name as written
    outlet: OutletMatch | None = None
    language: str | None = None  # source language when the credit names one
    domain: str | None = None  # the registered domain when the credit is an address
    author: str | None = None  # the original's author, when the credit line names one
    date: str | None = None  # the original's ISO partial date, when the credit line gives one


class OutletMention(_Model):
    span: Span
    match: OutletMatch


class Quotation(_Model):
    span: Span  # the quoted words, quotation marks excluded
    speaker: str | None = None
    verb: str | None = None  # 'said', 'told', 'wrote', 'argued', 'according to', ...
    given_to: str | None = None  # 'X told RFE/RL' -> 'RFE/RL'
    given_to_outlet: OutletMatch | None = None


class PersonMention(_Model):
    span: Span
    name: str


class NameCluster(_Model):
    """Spellings in one text that look like one person's name written several ways."""

    canonical: str  # the most frequent (ties: the longest, then first seen)
    variants: tuple[str, ...]  # every distinct spelling, canonical included, sorted
    mentions: tuple[Span, ...]
    person: str | None = None  # the catalog person id, when the spellings are one of its people


class ResidueKind(StrEnum):
    FOOTER = "footer"  # 'Other popular articles on X', 'Read more', 'Related'
    INTERFACE = "interface"  # 'Dismiss', 'Subscribe', 'Share', 'spot_img'
    TICKER = "ticker"  # 'BTC 59888.38' lines
    PLATFORM = "platform"  # 'in #asia2 years ago', 'Posted by', vote counts
    FOREIGN_NAVIGATION = "foreign-navigation"  # short lines in another language than the body


class Residue(_Model):
    span: Span
    kind: ResidueKind


class TruncationKind(StrEnum):
    START = "start"  # the text starts mid-sentence
    END = "end"  # the last line is cut off


class Truncation(_Model):
    span: Span
    kind: TruncationKind


class TranslationBasis(StrEnum):
    STATED = "stated"  # 'Translated from the Russian by', 'Перевод с английского', 'X 译'
    PARALLEL = "parallel"  # lines or paragraphs alternating between two languages
    RESIDUE = "residue"  # an untranslated caption, breadcrumb or credit in another language
    MACHINE = "machine"  # machine-translation signs: words glued across a missing space, ...


class TranslationSign(_Model):
    """A sign in the text that it is a translation, with the reason a reader can check."""

    span: Span
    basis: TranslationBasis
    reason: str
    source_language: str | None = None  # ISO 639-1, when the sign names or shows it
    translator: tuple[str, ...] = ()
    original: str | None = None  # the credited original (an outlet or a title), when stated


class UncreditedKind(StrEnum):
    EMPTY_CREDIT = "empty-credit"  # 'MOSCOW () -', 'Source:' with nothing after it
    AUTOPOST = "autopost"  # an auto-posting or aggregation disclaimer
    BARE_DATELINE = "bare-dateline"  # a wire-style dateline whose agency tag is missing
    DIGEST = "digest"  # several complete unbylined items on one page


class UncreditedSign(_Model):
    """A visible sign that the text was copied and its credit removed or never given."""

    span: Span
    kind: UncreditedKind
    reason: str


class Language(_Model):
    code: str  # ISO 639-1 where one exists
    confidence: float  # 0..1


class Evidence(_Model):
    line_count: int
    headlines: tuple[Headline, ...] = ()
    bylines: tuple[Byline, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    stamps: tuple[DateStamp, ...] = ()
    sign_offs: tuple[SignOff, ...] = ()
    dates: tuple[DateMention, ...] = ()
    credits: tuple[Credit, ...] = ()
    outlets: tuple[OutletMention, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    people: tuple[PersonMention, ...] = ()
    name_clusters: tuple[NameCluster, ...] = ()
    residue: tuple[Residue, ...] = ()
    truncation: tuple[Truncation, ...] = ()
    translations: tuple[TranslationSign, ...] = ()
    uncredited: tuple[UncreditedSign, ...] = ()
    language: Language | None = None
