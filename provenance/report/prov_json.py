"""The catalog as W3C PROV (PROV-JSON), built with the ``prov`` package.

Every hop of every chain is an entity; the copy held is ``article:<id>``, the hops before it
``hop:<id>/<n>``. Outlets, authors and translators are agents. Each hop ``wasDerivedFrom``
the one before it, typed ``pv:republished``, ``pv:syndicated``, ``pv:translated``...; a
translation is also an activity that used the source hop, generated the translated one and
was associated with its translators. The copy held ``hadPrimarySource`` the original, and an
article that repeats a quotation or passage ``wasQuotedFrom`` the article it likely came from.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

from prov.constants import PROV, PROV_LABEL, PROV_TYPE
from prov.model import ProvDocument, ProvEntity, QualifiedName

from provenance.models import Article, Catalog, HeldCopy, Hop
from provenance.results import CheckResult

VOCABULARY = "https://provenance.invalid/ns#"
NAMESPACES = {
    "pv": VOCABULARY,
    "article": "urn:provenance:article:",
    "hop": "urn:provenance:hop:",
    "outlet": "urn:provenance:outlet:",
    "person": "urn:provenance:person:",
    "activity": "urn:provenance:activity:",
}
_SLUG = re.compile(r"[^a-z0-9]+")
DECLARED = "declared in the catalog"


def _time(value: str | None) -> datetime | None:
    """A full publication date (or date-time) as a PROV time; None for a partial one
    ('2024-05'), which stays in pv:datePublished only."""
    if value is None or len(value) < len("2024-05-01"):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _slug(name: str) -> str:
    """A QName-safe local name for a person the catalog does not list."""
    slug = _SLUG.sub("-", name.lower()).strip("-")[:60]
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    # The digest keeps two names that slug alike ('A. Li', 'A Li') apart.
    return f"{slug}-{digest}" if slug else f"name-{digest}"


class _Builder:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.doc = ProvDocument()
        self.ns = {
            prefix: self.doc.add_namespace(prefix, uri) for prefix, uri in NAMESPACES.items()
        }
        self.pv = self.ns["pv"]
        self.people: dict[str, str] = {}
        for person in catalog.people:
            for name in (person.name, *person.alternate_name):
                self.people.setdefault(name, person.id)
        self.agents: set[str] = set()
        self.relations: set[tuple[str, ...]] = set()

    def q(self, prefix: str, local: str) -> QualifiedName:
        name: QualifiedName = self.ns[prefix][local]
        return name

    def once(self, *key: str) -> bool:
        """True the first time a relation is seen: PROV-JSON lists repeats, we do not."""
        if key in self.relations:
            return False
        self.relations.add(key)
        return True

    def outlet_agent(self, outlet_id: str) -> QualifiedName:
        qname = self.q("outlet", outlet_id)
        if str(qname) not in self.agents:
            self.agents.add(str(qname))
            outlet = self.catalog.outlet(outlet_id)
            attributes: dict[Any, Any] = {PROV_TYPE: PROV["Organization"]}
            if outlet is not None:
                attributes[PROV_LABEL] = outlet.name
                if outlet.category:
                    attributes[self.pv["category"]] = str(outlet.category)
                if outlet.reliability is not None:
                    attributes[self.pv["admiralty"]] = outlet.reliability.admiralty
                    attributes[self.pv["status"]] = str(outlet.reliability.status)
            self.doc.agent(qname, attributes)
        return qname

    def person_agent(self, name: str) -> QualifiedName:
        person_id = self.people.get(name)
        qname = self.q("person", person_id if person_id else _slug(name))
        if str(qname) not in self.agents:
            self.agents.add(str(qname))
            self.doc.agent(
                qname,
                {PROV_TYPE: PROV["Person"], PROV_LABEL: name},
            )
        return qname

    def hop_entity(self, article: Article, index: int, hop: Hop | HeldCopy) -> ProvEntity:
        held = isinstance(hop, HeldCopy)
        qname = self.q("article", article.id) if held else self.q("hop", f"{article.id}/{index}")
        attributes: dict[Any, Any] = {
            PROV_TYPE: self.pv["HeldCopy" if held else "Hop"],
            self.pv["relation"]: str(hop.relation),
            self.pv["position"]: index,
        }
        headline = article.headline if held else hop.headline  # type: ignore[union-attr]
        optional = {
            "headline": headline,
            "language": hop.in_language,
            "datePublished": hop.date_published,
            "url": hop.url,
            "note": hop.note,
        }
        if held:
            optional["file"] = article.file
            optional["dateRetrieved"] = article.copy_held.date_retrieved
        else:
            credited = hop.credited  # type: ignore[union-attr]
            if credited is not None:
                attributes[self.pv["credited"]] = credited
        for key, value in optional.items():
            if value is not None:
                attributes[self.pv[key]] = value
        if held and article.headline:
            attributes[PROV_LABEL] = article.headline
        entity: ProvEntity = self.doc.entity(qname, attributes)
        if hop.publisher is not None:
            self.attribute(entity, self.outlet_agent(hop.publisher), "publisher")
        for author in hop.author:
            self.attribute(entity, self.person_agent(author), "author")
        return entity

    def attribute(self, entity: ProvEntity, agent: QualifiedName, role: str) -> None:
        if self.once("attributed", str(entity.identifier), str(agent)):
            self.doc.wasAttributedTo(entity, agent, other_attributes={PROV_TYPE: self.pv[role]})

    def article(self, article: Article) -> None:
        entities = [self.hop_entity(article, index, hop) for index, hop in enumerate(article.hops)]
        generated: set[int] = set()
        for index in range(1, len(entities)):
            hop = article.hops[index]
            source, derived = entities[index - 1], entities[index]
            relation = str(hop.relation)
            activity = None
            if relation == "translated":
                activity = self.doc.activity(
                    self.q("activity", f"{article.id}/{index}/translation"),
                    other_attributes={
                        PROV_TYPE: self.pv["Translation"],
                        **(
                            {self.pv["sourceLanguage"]: article.hops[index - 1].in_language}
                            if article.hops[index - 1].in_language
                            else {}
                        ),
                        **({self.pv["targetLanguage"]: hop.in_language} if hop.in_language else {}),
                    },
                )
                self.doc.used(activity, source)
                self.doc.wasGeneratedBy(derived, activity, _time(hop.date_published))
                generated.add(index)
                for translator in hop.translator:
                    agent = self.person_agent(translator)
                    self.doc.wasAssociatedWith(
                        activity, agent, other_attributes={PROV_TYPE: self.pv["translator"]}
                    )
            self.doc.wasDerivedFrom(
                derived,
                source,
                activity,
                other_attributes={PROV_TYPE: self.pv[relation], self.pv["basis"]: DECLARED},
            )
        for index, entity in enumerate(entities):
            time = _time(article.hops[index].date_published)
            if time is not None and index not in generated:
                # A publication date is the hop's generation time (PROV-DM 5.1.3).
                self.doc.wasGeneratedBy(entity, None, time)
        first = article.hops[0]
        if len(entities) > 1 and str(first.relation) == "original":
            self.doc.hadPrimarySource(entities[-1], entities[0])


def document(result: CheckResult) -> ProvDocument:
    builder = _Builder(result.catalog)
    for article in result.catalog.articles:
        builder.article(article)
    known = {article.id for article in result.catalog.articles}
    for passage in result.shared:
        source = passage.likely_source
        if source is None or source not in known:
            continue
        for copy in sorted(passage.copies, key=lambda c: (c.article, c.location.line)):
            if copy.article == source or copy.article not in known:
                continue
            if builder.once("quoted", copy.article, source, passage.kind):
                builder.doc.wasQuotedFrom(
                    builder.q("article", copy.article),
                    builder.q("article", source),
                    other_attributes={
                        # An inference, not a declaration: prov adds prov:Quotation beside
                        # this type, and render() sorts the two.
                        PROV_TYPE: builder.pv["InferredDerivation"],
                        builder.pv["basis"]: passage.reason or "inferred",
                        builder.pv["confidence"]: passage.confidence or "low",
                        builder.pv["kind"]: passage.kind,
                        builder.pv["similarity"]: float(passage.similarity),
                    },
                )
    return builder.doc


def _sorted_values(value: Any) -> Any:
    """Lists sorted: prov writes a many-valued attribute (two prov:type) in hash order."""
    if isinstance(value, dict):
        return {key: _sorted_values(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def render(result: CheckResult) -> str:
    # Records are added in catalog order, so prov's blank ids (_:id1...) are stable; keys and
    # many-valued attributes are then sorted so that the text is byte-identical every run.
    text = document(result).serialize(format="json")
    assert text is not None  # serialize() returns the text when given no destination
    tidy = _sorted_values(json.loads(text))
    return json.dumps(tidy, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
