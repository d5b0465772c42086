"""The outcome of `provenance check`: what every report format renders."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from provenance.findings import Finding, Location, RuleInfo, Severity
from provenance.models import Catalog
from provenance.records import record

REPORT_VERSION: Literal["1.0"] = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Grade(_Model):
    """Admiralty two-part grade: source reliability A-F, information credibility 1-6."""

    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field(
        description="Source reliability (Admiralty code): A completely reliable, B usually "
        "reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability "
        "cannot be judged."
    )
    credibility: int = Field(
        ge=1,
        le=6,
        description="Information credibility (Admiralty code): 1 confirmed by other sources, "
        "2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth cannot be judged.",
    )
    reliability_reasons: tuple[str, ...]
    credibility_reasons: tuple[str, ...]
    record: tuple[str, ...] = Field(
        default=(),
        description="The record's quality, apart from the grade: one line per family of "
        "record-keeping problems (dates, integrity, spellings); empty when complete.",
    )

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


@record
class PassageCopy:
    """One article's wording of a shared passage or quotation."""

    # A record like Finding (see records.py): a quotation repeated by thousands
    # of articles has a copy for each.
    __pydantic_config__ = ConfigDict(extra="forbid")

    article: str
    location: Location
    text: str
    speaker: str | None = None
    given_to: str | None = None


class SharedPassage(_Model):
    """A quotation or passage found in more than one article."""

    kind: Literal["quotation", "passage"]
    copies: tuple[PassageCopy, ...]
    similarity: float = Field(ge=0, le=100, description="Lowest pairwise similarity, 0-100.")
    likely_source: str | None = Field(
        default=None,
        description="The article most likely to be the source of the others: an inference, "
        "never an article dated later than another copy.",
    )
    reason: str | None = Field(default=None, description="Why that article, or why none.")
    confidence: Literal["high", "medium", "low"] | None = Field(
        default=None,
        description="How sure the likely source is: high, the only declared original and "
        "dated no later than the others; medium, the earliest dated to the day; low, the "
        "earliest while another copy is undated or dated only to the month.",
    )
    credited_to: str | None = Field(
        default=None,
        description="The outlet the earliest copy says the quotation was given to ('told "
        "Reuters'): the source, whether the catalog holds it or not.",
    )


class NameVariants(_Model):
    """One person's name spelled several ways, inside one article or across articles."""

    canonical: str
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    person: str | None = Field(default=None, description="The catalog's person id, if known.")


class ArticleSummary(_Model):
    id: str
    file: str
    grade: Grade
    counts: dict[Severity, int] = Field(
        description="The article's open (unacknowledged) findings, by severity."
    )


class CheckResult(_Model):
    version: Literal["1.0"] = REPORT_VERSION
    catalog_file: str
    catalog: Catalog
    articles: tuple[ArticleSummary, ...]
    findings: tuple[Finding, ...]
    shared: tuple[SharedPassage, ...] = ()
    name_variants: tuple[NameVariants, ...] = ()
    rules: tuple[RuleInfo, ...] = ()

    def unacknowledged(self, at_least: Severity) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.acknowledged is None and Severity(f.severity).rank >= at_least.rank
        ]
