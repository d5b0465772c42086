"""A proposed catalog entry for a new article, from its text, its page's metadata and the
evidence its text carries. Pure: no I/O. What is not known stays null; every value set here
comes from the file, its metadata, the command line or the catalog."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from provenance import knowledge
from provenance.address import LANGUAGE_NAMES, address_date, address_language
from provenance.broadcast import broadcast_named
from provenance.domains import registered_domain
from provenance.evidence import match_outlet as evidence_match_outlet
from provenance.evidence.credit_phrases import is_language
from provenance.evidence.model import (
    Byline,
    ContributorRole,
    Credit,
    CreditKind,
    DateKind,
    Evidence,
    OutletMatch,
    Span,
    StampLabel,
    TranslationBasis,
)
from provenance.evidence.text import opening_lines
from provenance.ingest import Document
from provenance.knowledge import transliterated_key
from provenance.models import (
    Article,
    Catalog,
    HeldCopy,
    Hop,
    HopRelation,
    Outlet,
    OutletCategory,
    Reliability,
    ReliabilityStatus,
)
from provenance.presented import Presented, presented_article

MAX_ID = 80
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
MAX_URL = 2048  # the catalog schema's limit (models.Url)
# 'Translated ... by NAME': up to four capitalised words or initials; a full stop after a
# word ends the name (linear: no nested quantifiers).
_TRANSLATOR = re.compile(
    r"\bby\s+((?:[A-Z]\.|[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*)){0,3})"
)
# A sentence ends after a lowercase word and a full stop ('Russian. '), not after an initial.
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?](?:\s|$)")
# Below this, py3langid-style confidences are guesses on short or mixed texts.
LANGUAGE_CONFIDENCE = 0.5
NOTE_QUOTE = 200
HEADER_WORDS = 25

# Credits that name where the copy came from, strongest claim of originality first.
_ORIGIN_PRIORITY = {
    CreditKind.TRANSLATED_FROM: 0,
    CreditKind.ORIGINALLY_PUBLISHED: 1,
    CreditKind.FIRST_APPEARED: 1,
    CreditKind.AGENCY_DATELINE: 2,
    CreditKind.AGENCY: 2,
    CreditKind.PARTNERSHIP: 2,
    CreditKind.FROM: 3,
    CreditKind.REPUBLISHED: 3,
    CreditKind.SOURCE: 3,
    CreditKind.MASTHEAD: 3,
    CreditKind.TITLE_SITE: 3,
    CreditKind.ADDRESS: 3,
    CreditKind.VIA: 4,
}
# Credits whose form says the copy is wire copy: the copy is syndicated from that hop.
_WIRE_KINDS = frozenset({CreditKind.AGENCY_DATELINE, CreditKind.AGENCY})

MatchOutlet = Callable[[str, Sequence[Outlet]], OutletMatch | None]


class ProposalError(Exception):
    """The options cannot make an entry (an --outlet or --id the catalog refuses)."""


@dataclass(frozen=True)
class Options:
    """What the command line adds to the file."""

    url: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    articles_folder: str = "seeds"


@dataclass(frozen=True)
class Proposal:
    article: Article
    text: str
    notes: tuple[str, ...] = ()  # what could not be resolved, for the researcher to fill in
    outlets: tuple[Outlet, ...] = ()  # outlets the catalog lacks, proposed with the entry


def text_digest(text: str) -> str:
    """sha256 of the text as stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_key(text: str) -> str:
    """sha256 of the text with Unicode forms and all whitespace normalised: two files that
    differ only in line ends, spacing or a BOM are the same text."""
    normal = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    return hashlib.sha256(" ".join(normal.split()).encode("utf-8")).hexdigest()


def slug(text: str, max_length: int = 60) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > max_length:
            break
        result = candidate
    return result or (words[0][:max_length] if words else "")


def language_code(value: str | None) -> str | None:
    """A BCP 47 primary tag from a tag or an English language name; None otherwise."""
    if not value:
        return None
    value = value.strip()
    named = LANGUAGE_NAMES.get(value.casefold())
    if named:
        return named
    if _LANGUAGE_TAG.match(value):
        return value.split("-")[0].lower()
    return None


def _quote(span_text: str) -> str:
    line = " ".join(span_text.split())
    return line if len(line) <= NOTE_QUOTE else line[: NOTE_QUOTE - 1] + "…"


def outlet_for_url(url: str, outlets: Sequence[Outlet]) -> Outlet | None:
    domain = registered_domain(url)
    if domain is None:
        return None
    return next((outlet for outlet in outlets if domain in outlet.domains), None)


@dataclass(frozen=True)
class _Publisher:
    outlet: Outlet | None
    notes: tuple[str, ...]
    proposed: bool = False  # the outlet is not in the catalog: it comes with the entry


def _publisher(
    document: Document,
    url: str | None,
    options: Options,
    catalog: Catalog,
    match_outlet: MatchOutlet,
) -> _Publisher:
    outlets = catalog.outlets
    if options.outlet is not None:
        chosen = catalog.outlet(options.outlet)
        if chosen is None:
            known = ", ".join(sorted(o.id for o in outlets)) or "none"
            raise ProposalError(
                f"--outlet {options.outlet!r}: no outlet has that id (known: {known}); "
                "add the outlet to sources.json first"
            )
        return _Publisher(chosen, ())
    notes: list[str] = []
    by_url = outlet_for_url(url, outlets) if url else None
    site = document.metadata.site_name
    site_match = match_outlet(site, outlets) if site else None
    # Only an exact name: a near miss on a site name is a guess, not the publisher.
    by_site = catalog.outlet(site_match.outlet) if site_match and site_match.exact else None
    if by_url is not None:
        if by_site is not None and by_site.id != by_url.id:
            notes.append(
                f"the page names its site {site!r} ({by_site.id}), but the URL is on "
                f"{by_url.id}'s domain; the URL was taken"
            )
        return _Publisher(by_url, tuple(notes))
    if url and by_site is None:
        known_host = knowledge.by_domain(url)
        if known_host is not None:
            outlet = _proposed_outlet(
                knowledge.as_catalog_outlet(known_host), {o.id for o in outlets}, KNOWN_REASON
            )
            return _Publisher(outlet, tuple(notes), proposed=True)
    if url:
        domain = registered_domain(url) or "no registered domain"
        if by_site is None:
            notes.append(
                f"no outlet of the catalog publishes on {domain}: add it to outlets and set "
                "copy.publisher (outlets are never created automatically)"
            )
    if by_site is not None:
        return _Publisher(by_site, tuple(notes))
    if site and not url:
        notes.append(
            f"the page names its site {site!r}, which no outlet of the catalog matches: add it "
            "to outlets and set copy.publisher"
        )
    if not url and not site:
        notes.append("no URL, --outlet or site name: copy.publisher is null")
    return _Publisher(None, tuple(notes))


_HANDLE = re.compile(r"/@([\w.-]{2,40})(?:/|$)")


def url_handle(url: str | None) -> str | None:
    """'@name' from a platform address ('steemit.com/tag/@name/post', 'medium.com/@name')."""
    found = _HANDLE.search(url or "")
    return f"@{found.group(1)}" if found else None


def _another_outlet(name: str, host: Host, outlets: Sequence[Outlet]) -> bool:
    """Whether an organisational byline names an outlet other than the host ('Agencia EFE'
    on a regional daily), rather than the host's own staff ('Our Correspondent')."""
    return not host.named(name) and knowledge.resolve_name(name, outlets) is not None


def _authors(
    document: Document,
    evidence: Evidence,
    url: str | None,
    host: Host,
    outlets: Sequence[Outlet] = (),
) -> list[str]:
    """Who the page says wrote it: its byline (a person, a handle, or the host itself as an
    organisation), else its metadata, a sign-off, the host's own agency-style dateline
    ('TEHRAN, Young Journalists Club (YJC) -'), or the handle in a platform address. An
    organisational byline naming another outlet ('por Agencia EFE') credits that outlet with
    the text: it names no author."""
    for byline in evidence.bylines:
        if byline.organisation and any(_another_outlet(n, host, outlets) for n in byline.names):
            continue
        if byline.names:
            return list(dict.fromkeys(byline.names))
    if document.metadata.author:
        # trafilatura joins several authors with ';'. An agency or platform name is kept as
        # the page gives it: it is what the copy credits.
        names = [name.strip() for name in document.metadata.author.split(";")]
        return list(dict.fromkeys(name for name in names if name))
    if evidence.sign_offs:
        return [evidence.sign_offs[-1].name]
    own = next(
        (
            c
            for c in evidence.credits
            if c.kind in (CreditKind.AGENCY_DATELINE, CreditKind.AGENCY) and host.credited_by(c)
        ),
        None,
    )
    if own is not None:
        return [own.target]
    handle = url_handle(url)
    return [handle] if handle else []


def _translators_named(evidence: Evidence) -> list[str]:
    """Translators named by a translator credit or a stated translation."""
    named = [
        name
        for contributor in evidence.contributors
        if contributor.role == ContributorRole.TRANSLATOR
        for name in contributor.names
    ]
    named += [name for sign in evidence.translations for name in sign.translator]
    return list(dict.fromkeys(named))


_STAMP_PREFERENCE = {StampLabel.PUBLISHED: 0, StampLabel.NONE: 1, StampLabel.UPDATED: 2}


def _stamp_date(evidence: Evidence) -> str | None:
    """The header's own publication date: 'published' before a bare date before 'updated'."""
    dated = [stamp for stamp in evidence.stamps if stamp.value and not stamp.relative]
    if not dated:
        return None
    ranked = sorted(
        enumerate(dated), key=lambda item: (_STAMP_PREFERENCE[StampLabel(item[1].label)], item[0])
    )
    return ranked[0][1].value


def _inside(span: Span, outer: Span | None) -> bool:
    return outer is not None and outer.start <= span.start and span.end <= outer.end


def _dates(
    document: Document, evidence: Evidence, origin: Credit | None
) -> tuple[str | None, str | None]:
    """(the copy's date, the credited original's date). A date printed inside the credit
    ('RICHMOND, Va., Nov. 22, 2024 /PRNewswire/') belongs to the original; a date in body
    prose is never taken."""
    origin_span = origin.span if origin is not None else None
    origin_date = origin.date if origin is not None else None
    if origin_span is not None and origin_date is None:
        origin_date = next(
            (
                m.value
                for m in evidence.dates
                if m.kind == DateKind.ABSOLUTE and m.value and _inside(m.span, origin_span)
            ),
            None,
        )
    copy_date = document.metadata.date_published or _stamp_date(evidence)
    if copy_date is None:
        copy_date = next((b.date for b in evidence.bylines if b.date), None)
    if copy_date is None:
        copy_date = next(
            (
                m.value
                for m in evidence.dates
                if m.dateline
                and m.kind == DateKind.ABSOLUTE
                and m.value
                and not _inside(m.span, origin_span)
            ),
            None,
        )
    if copy_date is None:
        copy_date = _header_date(document.text, evidence)
    return copy_date, origin_date


def _header_date(text: str, evidence: Evidence) -> str | None:
    """An absolute date alone on its line in the header, before the first paragraph of the
    body (a line of more than HEADER_WORDS words): how many pages print their date."""
    lines = text.split("\n")
    body = next(
        (n for n, line in enumerate(lines, 1) if len(line.split()) > HEADER_WORDS), len(lines)
    )
    for mention in evidence.dates:
        line = mention.span.line
        alone = line <= len(lines) and lines[line - 1].strip() == mention.span.text.strip()
        if mention.kind == DateKind.ABSOLUTE and mention.value and line < body and alone:
            return mention.value
    return None


def _language(document: Document, evidence: Evidence) -> str | None:
    detected = evidence.language
    if detected is not None and detected.confidence >= LANGUAGE_CONFIDENCE:
        code = language_code(detected.code)
        if code:
            return code
    return language_code(document.metadata.language)


def _credit_key(credit: Credit) -> str:
    return credit.outlet.outlet if credit.outlet else " ".join(credit.target.casefold().split())


def _initials(text: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", text)).casefold()


@dataclass(frozen=True)
class Host:
    """Who publishes the copy, as far as the command line, the address and the catalog say."""

    outlet: Outlet | None
    domain: str | None

    def names(self) -> set[str]:
        """Folded forms the host goes by: its domain, the domain's label, its names."""
        forms: set[str] = set()
        if self.domain:
            forms |= {
                transliterated_key(self.domain),
                transliterated_key(self.domain.split(".")[0]),
            }
        if self.outlet is not None:
            forms |= {
                transliterated_key(n) for n in (self.outlet.name, *self.outlet.alternate_name)
            }
            forms |= {transliterated_key(d) for d in self.outlet.domains}
            forms |= {transliterated_key(d.split(".")[0]) for d in self.outlet.domains}
        forms.discard("")
        return forms

    def credited_by(self, credit: Credit) -> bool:
        """Whether ``credit`` names the host itself ('REPORT.AZ/', 'Young Journalists Club
        (YJC)', '/ТАСС/' on tass.ru): a self-credit names no other source."""
        if self.outlet is not None and credit.outlet and credit.outlet.outlet == self.outlet.id:
            return True
        if self.domain and credit.domain == self.domain:
            return True
        return self.named(credit.target)

    def named(self, target: str) -> bool:
        """Whether ``target`` is a name the host goes by."""
        forms = self.names()
        if not forms:
            return False
        pieces = [target, *re.findall(r"\(([^()]{1,40})\)", target)]
        if any(transliterated_key(piece) in forms for piece in pieces):
            return True
        # 'Young Journalists Club' on yjc.ir.
        initials = _initials(target)
        if len(initials) >= 3 and initials in forms:
            return True
        # 'REPORT.AZ news agency': the host's name with little else around it.
        folded = transliterated_key(target)
        return any(
            len(form) >= 4 and form in folded and len(folded) <= 2 * len(form) for form in forms
        )


def _origin_credits(evidence: Evidence, host: Host) -> list[Credit]:
    """Credits naming another source, one per outlet or name, strongest first."""
    chosen: dict[str, Credit] = {}
    ranked = sorted(
        (c for c in evidence.credits if c.kind in _ORIGIN_PRIORITY),
        key=lambda c: (_ORIGIN_PRIORITY[CreditKind(c.kind)], c.span.start),
    )
    for credit in ranked:
        # A page that credits itself ('Source: <its own outlet>') names no other source.
        if host.credited_by(credit):
            continue
        # 'Translated from Russian' names a language, never an outlet.
        if credit.kind != CreditKind.TRANSLATED_FROM and is_language(credit.target):
            continue
        chosen.setdefault(_credit_key(credit), credit)
    return list(chosen.values())


def _outlets_in_credits(
    evidence: Evidence, credits: Sequence[Credit], publisher: str | None
) -> dict[int, OutletMatch]:
    """For each credit (by its start), the first outlet the text names inside its span,
    the copy's own publisher aside."""
    found: dict[int, OutletMatch] = {}
    for credit in credits:
        for mention in evidence.outlets:
            inside = credit.span.start <= mention.span.start < credit.span.end
            if inside and mention.match.outlet != publisher:
                found.setdefault(credit.span.start, mention.match)
    return found


def _translators(credit: Credit) -> list[str]:
    """'Translated ... by NAME' within the sentence that says 'translat...'."""
    text = credit.span.text
    at = text.casefold().find("translat")
    if at < 0:
        return []
    end = _SENTENCE_END.search(text, at)
    match = _TRANSLATOR.search(text, at, end.end() if end else len(text))
    return [match.group(1)] if match else []


def _hop_note(credit: Credit) -> str:
    note = _hop_note_opening(credit)
    if credit.outlet is None:
        note += (
            f"; no outlet of the catalog matches {credit.target!r}: add it to outlets and set "
            "publisher"
        )
    return note


def _origin_hop(origin: Credit, language: str | None, also: Credit | None) -> Hop:
    note = _hop_note(origin)
    if also is not None:
        note = f"{note}; {_hop_note(also)}"
    author = origin.author or (also.author if also is not None else None)
    return Hop(
        relation=HopRelation.ORIGINAL,
        publisher=origin.outlet.outlet if origin.outlet else None,
        author=[author] if author else [],
        in_language=language,
        date_published=origin.date or (also.date if also is not None else None),
        credited=True,
        note=note,
    )


def _chain(
    credits: list[Credit],
    copy_language: str | None,
    catalog: Catalog,
    named_in_credit: Mapping[int, OutletMatch] | None = None,
) -> tuple[list[Hop], HopRelation, list[str]]:
    """The hops before the copy, the copy's relation to the last one, and its translators.

    The strongest credit names the original. A translation credit that names only a
    language ('Translated from German') is joined with the credit naming the outlet."""
    if not credits:
        return [], HopRelation.ORIGINAL, []
    named_in_credit = named_in_credit or {}
    translation = next((c for c in credits if c.kind == CreditKind.TRANSLATED_FROM), None)
    sources = [c for c in credits if c.kind not in (CreditKind.TRANSLATED_FROM, CreditKind.VIA)]
    vias = [c for c in credits if c.kind == CreditKind.VIA]
    hops: list[Hop] = []
    if translation is not None:
        relation = HopRelation.TRANSLATED
        source_language = language_code(translation.language) or language_code(translation.target)
        if translation.outlet is None and sources:
            hops.append(_origin_hop(sources[0], source_language, translation))
        elif translation.outlet is None and named_in_credit.get(translation.span.start):
            # 'Translated from German. Originally published in X.' read as one credit.
            joined = translation.model_copy(
                update={"outlet": named_in_credit[translation.span.start]}
            )
            hops.append(_origin_hop(joined, source_language, None))
        else:
            hops.append(_origin_hop(translation, source_language, None))
        translators = _translators(translation)
    else:
        origin = sources[0] if sources else vias.pop(0)
        outlet = catalog.outlet(origin.outlet.outlet) if origin.outlet else None
        agency = outlet is not None and outlet.category == OutletCategory.NEWS_AGENCY
        wire = origin.kind in _WIRE_KINDS or agency
        relation = HopRelation.SYNDICATED if wire else HopRelation.REPUBLISHED
        # Republished and syndicated copies carry the same words: the same language.
        hops.append(_origin_hop(origin, copy_language, None))
        translators = []
    # A 'via X' beside a stronger credit names the outlet the copy was taken from.
    for credit in vias:
        hops.append(
            Hop(
                relation=relation,
                publisher=credit.outlet.outlet if credit.outlet else None,
                translator=translators if relation == HopRelation.TRANSLATED else [],
                in_language=copy_language,
                credited=True,
                note=_hop_note(credit),
            )
        )
        # The via hop carries the translation or the syndication; the copy republishes it.
        relation, translators = HopRelation.REPUBLISHED, []
    return hops, relation, translators


def metadata_disagreements(document: Document, evidence: Evidence) -> list[str]:
    """Where the page's metadata and its visible text say different things: both are shown,
    the metadata is taken (it is what the publisher declared)."""
    notes: list[str] = []
    declared = document.metadata.date_published
    shown = _stamp_date(evidence)
    if declared and shown and not (declared.startswith(shown) or shown.startswith(declared)):
        notes.append(
            f"the page's metadata dates it {declared}, its header shows {shown}: the "
            "metadata was taken"
        )
    author = document.metadata.author
    names = [name for byline in evidence.bylines for name in byline.names]
    if author and names:
        folded = {transliterated_key(name) for name in names}
        given = [name.strip() for name in author.split(";") if name.strip()]
        if not any(transliterated_key(name) in folded for name in given):
            notes.append(
                f"the page's metadata names its author {author!r}, its byline "
                f"{', '.join(names)!r}: the byline was taken"
            )
    return notes


MAX_PROPOSED_NAME = 80
PROPOSED_REASON = (
    "Proposed by `provenance add` from the line '{line}': not reviewed. Check its name, "
    "domains, category and language, and assess its reliability."
)
KNOWN_REASON = (
    "Proposed by `provenance add` from the tool's outlet knowledge (names, domains, "
    "languages, category: provenance/data/outlets.json): its reliability is not assessed."
)


def _proposed_outlet(outlet: Outlet, taken: set[str], reason: str) -> Outlet:
    """``outlet`` marked as proposed (reliability unknown, the reason saying so), under an
    id the catalog does not use."""
    return outlet.model_copy(
        update={
            "id": unique_id(outlet.id, taken),
            "reliability": Reliability(
                status=ReliabilityStatus.UNKNOWN, admiralty="F", reason=reason
            ),
        }
    )


def _adopted_outlet(
    outlet: Outlet, catalog: Catalog, known: Sequence[Outlet], new_outlets: list[Outlet]
) -> str:
    """The id under which an outlet found by inference enters the entry: the catalog's own,
    or a proposed one (added to ``new_outlets``)."""
    if catalog.outlet(outlet.id) is outlet:
        return outlet.id
    proposed = _proposed_outlet(outlet, {o.id for o in known}, KNOWN_REASON)
    new_outlets.append(proposed)
    return proposed.id


def _known_outlet(credit: Credit, catalog: Catalog) -> Outlet | None:
    """The outlet a credit names, from the catalog (which wins) or the tool's knowledge."""
    if credit.domain:
        found = knowledge.resolve_domain(credit.domain, catalog.outlets)
        if found is not None:
            return found
    return knowledge.resolve_name(credit.target, catalog.outlets)


def _proposed_name(credit: Credit) -> str | None:
    """The name an outlet proposed from ``credit`` goes by, or None when the credit names
    nothing an outlet can be made of."""
    name = " ".join(credit.target.split()).strip(" .,;:/|-–—'\"“”«»")
    if credit.kind == CreditKind.ADDRESS and credit.domain:
        return credit.domain
    if not name or len(name) > MAX_PROPOSED_NAME or is_language(name):
        return None
    return name


def propose_outlets(
    chain: list[Hop], credits: Sequence[Credit], catalog: Catalog
) -> tuple[list[Hop], list[Outlet]]:
    """Each credited hop whose outlet the catalog lacks gets a proposed outlet (its name as
    the credit writes it, its domain when the credit is an address), marked as proposed."""
    taken = {outlet.id for outlet in catalog.outlets}
    proposed: dict[str, Outlet] = {}
    hops: list[Hop] = []
    for hop in chain:
        credit = _credit_of(hop, credits)
        name = _proposed_name(credit) if hop.publisher is None and credit else None
        if credit is None or name is None:
            hops.append(hop)
            continue
        known = _known_outlet(credit, catalog)
        if known is not None and catalog.outlet(known.id) is known:
            hops.append(hop.model_copy(update={"publisher": known.id}))
            continue
        key = known.id if known is not None else transliterated_key(name)
        outlet = proposed.get(key)
        if outlet is None and known is not None:
            outlet = _proposed_outlet(known, taken, KNOWN_REASON)
            taken.add(outlet.id)
            proposed[key] = outlet
        if outlet is None:
            outlet_id = unique_id(slug(name) or "outlet", taken)
            taken.add(outlet_id)
            outlet = Outlet(
                id=outlet_id,
                name=name,
                domains=[credit.domain] if credit.domain else [],
                reliability=Reliability(
                    status=ReliabilityStatus.UNKNOWN,
                    admiralty="F",
                    reason=PROPOSED_REASON.format(line=_quote(credit.span.text)),
                ),
            )
            proposed[key] = outlet
        note = (hop.note or "").replace(
            f"no outlet of the catalog matches {credit.target!r}: add it to outlets and set "
            "publisher",
            f"no outlet of the catalog matches {credit.target!r}: proposed as outlet {outlet.id!r}",
        )
        hops.append(hop.model_copy(update={"publisher": outlet.id, "note": note}))
    return hops, list(proposed.values())


_WIRE_CATEGORIES = frozenset({OutletCategory.NEWS_AGENCY, OutletCategory.PRESS_RELEASE})


def _wire_relation(
    relation: HopRelation, chain: Sequence[Hop], outlets: Sequence[Outlet]
) -> HopRelation:
    """A republication of a news agency's or a press-release wire's text is syndication."""
    if relation != HopRelation.REPUBLISHED or len(chain) != 1:
        return relation
    origin = next((o for o in outlets if o.id == chain[0].publisher), None)
    wire = origin is not None and origin.category in _WIRE_CATEGORIES
    return HopRelation.SYNDICATED if wire else relation


def _presented_chain(presented: Presented, language: str | None) -> tuple[list[Hop], HopRelation]:
    """The hop of an article the opening presents as another's. When the opening names an
    outlet beside its author that publishes only in other languages, the copy is proposed
    as a translation from the first of them; the outlet itself is not proposed as the
    publisher: the opening may name the author's employer, not where this piece appeared."""
    note = (
        f"The opening presents the text as an article by {presented.author} "
        f"('{_quote(presented.line)}')"
    )
    outlet = presented.outlet
    source = None
    if outlet is not None and outlet.in_language and language not in outlet.in_language:
        source = outlet.in_language[0]
        note += (
            f"; it names {outlet.name}, which publishes in {', '.join(outlet.in_language)}: "
            f"inferred a translation from {source}"
        )
    hop = Hop(
        relation=HopRelation.ORIGINAL,
        author=[presented.author],
        in_language=source or language,
        credited=True,
        note=note,
    )
    return [hop], HopRelation.TRANSLATED if source else HopRelation.REPUBLISHED


def _contributed_byline(evidence: Evidence, url: str | None) -> Byline | None:
    """A byline on a blog that names someone else with an institution of their own
    ('Rosemary Stanton, UNSW' on pbaptist.wordpress.com): the syndicated byline of an
    academic or newspaper piece, not the blog owner's signature."""
    handle = _blog_handle(url)
    if handle is None:
        return None
    owner = transliterated_key(handle)
    for byline in evidence.bylines:
        contributor = byline.affiliation is not None and not byline.organisation
        if contributor and not any(transliterated_key(n) in owner for n in byline.names):
            return byline
    return None


def _blog_handle(url: str | None) -> str | None:
    """The blog's own name where a blog platform hosts it on a subdomain
    ('kanalost.wordpress.com' -> 'kanalost'): the owner, who writes what the blog does not
    credit to anyone else."""
    if not url:
        return None
    known = knowledge.by_domain(url)
    if known is None or known.category != knowledge.KnowledgeCategory.BLOG:
        return None
    host = knowledge.host_of(url)
    for domain in known.domains:
        if host.endswith("." + domain):
            label = host[: -len(domain) - 1].split(".")[-1]
            return label if label not in {"www", "m", "blog", "blogs"} else None
    return None


@dataclass(frozen=True)
class Reading:
    """What the proposal has read so far, for the inferences made from all of it."""

    chain: list[Hop]
    relation: HopRelation
    copy_language: str | None
    outlets: Sequence[Outlet]
    host: Outlet | None
    url: str | None
    evidence: Evidence
    text: str = ""


@dataclass(frozen=True)
class Inferred:
    chain: list[Hop]
    reason: str
    relation: HopRelation = HopRelation.TRANSLATED  # the copy's relation to the last hop
    outlet: Outlet | None = None  # the source's outlet, when the inference named one


def _outlet_languages(outlets: Sequence[Outlet], outlet_id: str | None) -> list[str]:
    outlet = next((o for o in outlets if o.id == outlet_id), None) if outlet_id else None
    return list(outlet.in_language) if outlet is not None else []


def infer_translation(reading: Reading) -> Inferred | None:
    """A translation the text does not state but shows: the credited source publishes in
    another language, the host publishes this copy in an edition of its own ('/spanish'),
    or the text carries signs of one. None when nothing shows one, or the chain already
    declares it."""
    language = reading.copy_language
    declared = any(hop.relation == HopRelation.TRANSLATED for hop in reading.chain)
    if reading.relation == HopRelation.TRANSLATED or declared or language is None:
        return None
    return (
        _from_source_language(reading, language)
        or _from_edition(reading, language)
        or _from_signs(reading, language)
    )


def _from_source_language(reading: Reading, language: str) -> Inferred | None:
    chain = list(reading.chain)
    source_languages = _outlet_languages(reading.outlets, chain[0].publisher) if chain else []
    if not source_languages or language in source_languages:
        return None
    source = source_languages[0]
    chain[0] = chain[0].model_copy(update={"in_language": source})
    reason = f"the credited source publishes in {source}, the copy is in {language}"
    if len(chain) > 1:
        # 'via X': the outlet in between made the translation the copy republishes.
        chain[1] = chain[1].model_copy(
            update={"relation": HopRelation.TRANSLATED, "in_language": language}
        )
        return Inferred(chain, reason, HopRelation.REPUBLISHED)
    return Inferred(chain, reason)


def _from_edition(reading: Reading, language: str) -> Inferred | None:
    host = reading.host
    if reading.chain or host is None or not host.in_language:
        return None
    primary = host.in_language[0]
    edition = address_language(reading.url)
    translating = host.category == OutletCategory.AGGREGATOR and primary != language
    if edition != language or (language in host.in_language and not translating):
        return None
    original = Hop(
        relation=HopRelation.ORIGINAL,
        publisher=host.id,
        in_language=primary,
        credited=None,
        note=f"Inferred: the address names a {language} edition of an outlet whose "
        f"primary language is {primary}",
    )
    return Inferred(
        [original],
        f"the address names a {language} edition ('{reading.url}') of {host.name}, "
        f"which publishes in {primary} first",
    )


def _from_signs(reading: Reading, language: str) -> Inferred | None:
    signs = reading.evidence.translations
    sign = next((s for s in signs if s.source_language != language), None)
    if sign is None:
        return None
    chain = list(reading.chain)
    if chain:
        chain[0] = chain[0].model_copy(update={"in_language": sign.source_language})
        return Inferred(chain, sign.reason)
    named = _lede_outlet(reading) if sign.basis == TranslationBasis.STATED else None
    if named is not None:
        # 'Today's post translates one of the stories the New York Times publishes': a
        # stated translation whose opening names the outlet it comes from.
        source = sign.source_language or (named.in_language[0] if named.in_language else None)
        hop = Hop(
            relation=HopRelation.ORIGINAL,
            publisher=named.id,
            in_language=source,
            # Named in prose, not in a credit line: whether that is a credit is the reader's.
            credited=None,
            note=f"Inferred: {sign.reason}; the opening names {named.name}, proposed as the "
            "source of the translation",
        )
        return Inferred([hop], f"{sign.reason}; its opening names {named.name}", outlet=named)
    # Only inferred: the text does not say where it came from ('credited' unknown).
    hop = Hop(
        relation=HopRelation.UNKNOWN,
        in_language=sign.source_language,
        note=f"Inferred: {sign.reason}",
    )
    return Inferred([hop], sign.reason)


LEDE_LINES = 6


def _lede_outlet(reading: Reading) -> Outlet | None:
    """An outlet the catalog or the tool's knowledge holds, named by one to three words in
    the text's opening lines, other than the host."""
    host = reading.host.id if reading.host else None
    lines = opening_lines(reading.text, LEDE_LINES)
    return knowledge.outlet_named_in_lines(lines, reading.outlets, skip=host)


_WIRE_FOOTER = re.compile(r"^[(\[]\s*(?:reporting|additional\s+reporting|writing)\s+by\s", re.I)


def _wire_footer(evidence: Evidence) -> Hop | None:
    """'(Reporting by A and B; Editing by C)' closing a story is a news agency's house style:
    the copy is wire copy whose agency the page does not name."""
    footer = next((b for b in evidence.bylines if _WIRE_FOOTER.match(b.span.text)), None)
    if footer is None:
        return None
    return Hop(
        relation=HopRelation.ORIGINAL,
        author=list(footer.names),
        credited=True,
        note=f"The footer '{_quote(footer.span.text)}' is a news agency's house style: wire "
        "copy whose agency the page does not name",
    )


def _credit_of(hop: Hop, credits: Sequence[Credit]) -> Credit | None:
    """The credit a hop was made from: its note opens by quoting it (a second credit joined
    to it, 'Translated from German', is quoted after)."""
    note = hop.note or ""
    return next((c for c in credits if note.startswith(_hop_note_opening(c))), None)


def _hop_note_opening(credit: Credit) -> str:
    return f"Credited by the line '{_quote(credit.span.text)}'"


def _origin_of(chain: Sequence[Hop], credits: Sequence[Credit]) -> Credit | None:
    """The credit the first hop was made from."""
    return _credit_of(chain[0], credits) if chain else None


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free, within the id's length."""
    used = set(taken)
    base = base[:MAX_ID].rstrip("-._") or "article"
    if base not in used:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_ID - len(suffix)].rstrip("-._") + suffix
        if candidate not in used:
            return candidate
        number += 1


def propose(
    document: Document,
    evidence: Evidence,
    catalog: Catalog,
    options: Options,
    match_outlet: MatchOutlet = evidence_match_outlet,
) -> Proposal:
    """The entry `provenance add` would write for ``document``."""
    notes: list[str] = list(document.notes)
    url = options.url or document.metadata.url
    # fullmatch, not match: Python's `$` also matches before a final newline, which the
    # catalog's (Rust) validation then refuses with a traceback.
    if url is not None and len(url) > MAX_URL:
        raise ProposalError(
            f"--url {url[:60]!r}... is {len(url)} characters long; the catalog takes at most "
            f"{MAX_URL}"
        )
    if url is not None and not _URL.fullmatch(url):
        raise ProposalError(f"--url {url!r} is not an absolute http(s) URL")
    publisher = _publisher(document, url, options, catalog, match_outlet)
    notes.extend(publisher.notes)
    notes.extend(metadata_disagreements(document, evidence))
    publisher_id = publisher.outlet.id if publisher.outlet else None
    if publisher.proposed and publisher.outlet is not None:
        # The host's outlet comes with the entry: the catalog the checks see will hold it.
        catalog = catalog.model_copy(update={"outlets": [*catalog.outlets, publisher.outlet]})
    language = _language(document, evidence)
    host = Host(publisher.outlet, registered_domain(url) if url else None)
    authors = _authors(document, evidence, url, host, catalog.outlets)
    credits = _origin_credits(evidence, host)
    chain, relation, translators = _chain(
        credits, language, catalog, _outlets_in_credits(evidence, credits, publisher_id)
    )
    origin_credit = _origin_of(chain, credits)
    chain, new_outlets = propose_outlets(chain, credits, catalog)
    known_outlets = [*catalog.outlets, *new_outlets]
    relation = _wire_relation(relation, chain, known_outlets)
    copy_date, origin_date = _dates(document, evidence, origin_credit)
    if chain and origin_date and chain[0].date_published is None:
        chain[0] = chain[0].model_copy(update={"date_published": origin_date})
    named_translators = _translators_named(evidence)
    if named_translators and not translators:
        translators = named_translators
        if relation != HopRelation.TRANSLATED:
            relation = HopRelation.TRANSLATED
            notes.append("the text names a translator: the copy is proposed as a translation")
            if chain:
                # A republication's hop was given the copy's language; a translation's source
                # is in its outlet's language, when known.
                languages = _outlet_languages(known_outlets, chain[0].publisher)
                source = next((code for code in languages if code != language), None)
                chain[0] = chain[0].model_copy(update={"in_language": source})
        if not chain:
            chain = [
                Hop(
                    relation=HopRelation.ORIGINAL,
                    author=authors,
                    credited=bool(authors),
                    note="The text names its translator(s) "
                    f"({', '.join(named_translators)}): a translation of a text first "
                    "published elsewhere, not yet known",
                )
            ]
    if not chain:
        wire = _wire_footer(evidence)
        if wire is not None:
            chain = [wire]
            relation = HopRelation.SYNDICATED
    if not chain:
        aired = broadcast_named(document.text, publisher.outlet, known_outlets)
        if aired is not None:
            chain = [
                Hop(
                    relation=HopRelation.ORIGINAL,
                    publisher=_adopted_outlet(aired.outlet, catalog, known_outlets, new_outlets),
                    in_language=language,
                    credited=True,
                    note=f"The upload announces itself as {aired.outlet.name} "
                    f"('{_quote(aired.line)}'): a broadcast the platform hosts",
                )
            ]
            relation = HopRelation.REPUBLISHED
    if not chain:
        contributed = _contributed_byline(evidence, url)
        if contributed is not None:
            chain = [
                Hop(
                    relation=HopRelation.ORIGINAL,
                    author=list(contributed.names),
                    credited=True,
                    note=f"The byline '{_quote(contributed.span.text)}' gives the author an "
                    "affiliation of their own, the house style of a piece written for another "
                    "outlet, not yet known, that the blog reposts",
                )
            ]
            relation = HopRelation.REPUBLISHED
            authors = [name for name in authors if name not in contributed.names]
    if not chain:
        presented = presented_article(document.text, publisher.outlet, known_outlets, authors)
        if presented is not None:
            chain, relation = _presented_chain(presented, language)
            authors = [name for name in authors if name != presented.author]
    if not chain and evidence.uncredited:
        sign = evidence.uncredited[0]
        chain = [
            Hop(
                relation=HopRelation.UNKNOWN,
                credited=False,
                note=f"Inferred: {sign.reason}",
            )
        ]
        relation = HopRelation.REPUBLISHED
        notes.append(f"the text was copied without credit: {sign.reason}")
    inferred = infer_translation(
        Reading(
            chain=chain,
            relation=relation,
            copy_language=language,
            outlets=known_outlets,
            host=publisher.outlet,
            url=url,
            evidence=evidence,
            text=document.text,
        )
    )
    if inferred is not None:
        chain, relation = inferred.chain, inferred.relation
        notes.append(f"inferred a translation: {inferred.reason}")
        if inferred.outlet is not None:
            adopted = _adopted_outlet(inferred.outlet, catalog, known_outlets, new_outlets)
            chain[0] = chain[0].model_copy(update={"publisher": adopted})
    if not chain and publisher_id is None:
        # Nothing says where it came from, and nothing says whose it is.
        relation = HopRelation.UNKNOWN
    headline = document.metadata.title or (
        evidence.headlines[0].span.text.strip() if evidence.headlines else None
    )
    headline = " ".join(headline.split())[:10_000] if headline else None
    title_slug = slug(headline or document.source.stem)
    if options.article_id is not None:
        if not _ID.fullmatch(options.article_id):
            raise ProposalError(
                f"--id {options.article_id!r}: use lowercase letters, digits, '.', '_' and '-' "
                "(at most 80, starting with a letter or digit)"
            )
        article_id = options.article_id
    else:
        base = "-".join(part for part in (publisher_id, title_slug) if part)
        article_id = unique_id(
            base or f"article-{text_digest(document.text)[:8]}", (a.id for a in catalog.articles)
        )
    stored_name = f"{text_digest(document.text)[:16]}_{slug(title_slug, 40) or 'article'}.txt"
    folder = options.articles_folder.strip("/") or "."
    article = Article(
        id=article_id,
        headline=headline,
        file=f"{folder}/{stored_name}" if folder != "." else stored_name,
        copy_held=HeldCopy(
            relation=relation,
            publisher=publisher_id,
            url=url,
            author=authors,
            translator=translators,
            in_language=language,
            date_published=copy_date,
        ),
        chain=chain,
    )
    if language is None:
        notes.append("the language could not be told: copy.inLanguage is null")
    if article.copy_held.date_published is None:
        filed = address_date(url)
        notes.append(
            "no publication date was found: copy.datePublished is null"
            + (f" (the address holds {filed}: where the page is filed, not taken)" if filed else "")
        )
    if relation == HopRelation.TRANSLATED and chain[0].in_language is None:
        notes.append("a translation whose source language is not named: set chain[0].inLanguage")
    if publisher.proposed and publisher.outlet is not None:
        new_outlets.insert(0, publisher.outlet)
    if not chain and not article.copy_held.author:
        handle = _blog_handle(url)
        if handle is not None:
            article = article.model_copy(
                update={"copy_held": article.copy_held.model_copy(update={"author": [handle]})}
            )
            notes.append(
                f"the author is the blog's own name in its address ({handle!r}): the post "
                "credits no one else"
            )
    for outlet in new_outlets:
        notes.append(
            f"outlet {outlet.id!r} ({outlet.name}) is proposed: review it before relying on it"
        )
    return Proposal(
        article=article, text=document.text, notes=tuple(notes), outlets=tuple(new_outlets)
    )


def conflicts(
    article: Article,
    text: str,
    catalog: Catalog,
    texts: Mapping[str, str],
) -> list[str]:
    """Why the entry must not be added, each naming the entry already there: the same id,
    the same copy URL, or the same text (``texts``: article id -> its text)."""
    problems: list[str] = []
    for existing in catalog.articles:
        if existing.id == article.id:
            problems.append(
                f"the id {article.id!r} is already used by an article ({existing.file})"
            )
    url = article.copy_held.url
    if url is not None:
        key = url.rstrip("/").lower()
        for existing in catalog.articles:
            if existing.copy_held.url and existing.copy_held.url.rstrip("/").lower() == key:
                problems.append(
                    f"the URL {url} is already the copy held by article {existing.id!r}"
                )
    wanted = content_key(text)
    for article_id in sorted(texts):
        if content_key(texts[article_id]) == wanted:
            problems.append(f"this text is already in the catalog as article {article_id!r}")
    return problems
