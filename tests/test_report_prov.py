"""PROV-JSON read back with the prov library."""

from __future__ import annotations

from prov.constants import (
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_USED_ENTITY,
    PROV_TYPE,
)
from prov.model import (
    ProvActivity,
    ProvAgent,
    ProvAssociation,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
)
from report_fixtures import build_result, hostile_result

from provenance.report import render


def _read(result: object) -> ProvDocument:
    return ProvDocument.deserialize(content=render(result, "prov-json"), format="json")  # type: ignore[arg-type]


def _records(document: ProvDocument, kind: type) -> list:  # type: ignore[type-arg]
    return [r for r in document.get_records() if isinstance(r, kind)]


def _type(record: object) -> str:
    values = [str(v) for v in record.get_attribute(PROV_TYPE)]  # type: ignore[attr-defined]
    return ",".join(sorted(values))


def test_every_hop_is_an_entity_and_every_link_a_typed_derivation() -> None:
    result = build_result()
    document = _read(result)
    hops = sum(len(article.hops) for article in result.catalog.articles)
    assert len(_records(document, ProvEntity)) == hops
    derivations = _records(document, ProvDerivation)
    links = [d for d in derivations if _type(d).startswith("pv:")]
    assert len(links) == hops - len(result.catalog.articles)
    expected = sorted(f"pv:{hop.relation}" for a in result.catalog.articles for hop in a.hops[1:])
    assert sorted(_type(d) for d in links) == expected


def test_primary_sources_and_quotations() -> None:
    result = build_result()
    document = _read(result)
    derivations = _records(document, ProvDerivation)
    primary = [d for d in derivations if _type(d) == "prov:PrimarySource"]
    with_original = [
        a for a in result.catalog.articles if a.chain and a.chain[0].relation == "original"
    ]
    assert len(primary) == len(with_original)
    # Inferred, not declared: typed so, with the reason and how sure it is.
    quoted = [d for d in derivations if _type(d) == "prov:Quotation,pv:InferredDerivation"]
    passage = result.shared[0]
    assert len(quoted) == 1
    (quote,) = quoted
    basis = {str(v) for v in quote.get_attribute("pv:basis")}
    assert basis == {passage.reason}
    declared = [d for d in derivations if _type(d).startswith("pv:") and "pv:" in _type(d)]
    assert all(
        {str(v) for v in d.get_attribute("pv:basis")} == {"declared in the catalog"}
        for d in declared
        if "InferredDerivation" not in _type(d)
    )
    assert str(quote.get_attribute(PROV_ATTR_USED_ENTITY).pop()) == (
        f"article:{passage.likely_source}"
    )
    other = next(c.article for c in passage.copies if c.article != passage.likely_source)
    assert str(quote.get_attribute(PROV_ATTR_GENERATED_ENTITY).pop()) == f"article:{other}"


def test_agents_attributions_and_translation_activities() -> None:
    result = build_result()
    document = _read(result)
    catalog = result.catalog
    publishers = {hop.publisher for a in catalog.articles for hop in a.hops if hop.publisher}
    authors = {name for a in catalog.articles for hop in a.hops for name in hop.author}
    agents = _records(document, ProvAgent)
    assert len(agents) == len(publishers) + len(authors)
    attributions = _records(document, ProvAttribution)
    expected = sum(
        (hop.publisher is not None) + len(set(hop.author))
        for a in catalog.articles
        for hop in a.hops
    )
    assert len(attributions) == expected
    translations = sum(
        1 for a in catalog.articles for hop in a.hops[1:] if hop.relation == "translated"
    )
    assert len(_records(document, ProvActivity)) == translations
    assert _records(document, ProvAssociation) == []  # no translator is named in the catalog


def test_translators_are_associated_with_the_translation() -> None:
    result = build_result()
    catalog = result.catalog
    position = next(
        i for i, a in enumerate(catalog.articles) if a.copy_held.relation == "translated"
    )
    article = catalog.articles[position]
    changed = article.model_copy(
        update={"copy_held": article.copy_held.model_copy(update={"translator": ["Ana Lima"]})}
    )
    articles = [*catalog.articles]
    articles[position] = changed
    result = result.model_copy(
        update={"catalog": catalog.model_copy(update={"articles": articles})}
    )
    document = _read(result)
    (association,) = _records(document, ProvAssociation)
    assert "Ana Lima" in render(result, "prov-json")
    assert str(association.args[0]) == f"activity:{article.id}/{len(article.chain)}/translation"


def test_hostile_values_survive_as_data() -> None:
    document = _read(hostile_result())
    labels = [str(v) for r in _records(document, ProvAgent) for v in r.get_attribute("prov:label")]
    assert any("<script>" in label for label in labels)


def test_full_publication_dates_are_generation_times() -> None:
    from prov.model import ProvGeneration

    result = build_result()
    document = _read(result)
    dated = [
        hop.date_published
        for a in result.catalog.articles
        for hop in a.hops
        if hop.date_published and len(hop.date_published) >= 10
    ]
    times = sorted(
        str(g.get_attribute("prov:time").pop())[:10]
        for g in _records(document, ProvGeneration)
        if g.get_attribute("prov:time")
    )
    assert dated and times == sorted(date[:10] for date in dated)


def test_prov_json_is_byte_identical_from_run_to_run() -> None:
    result = build_result()
    assert render(result, "prov-json") == render(result, "prov-json")
