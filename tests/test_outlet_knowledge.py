"""The outlet knowledge shipped with the tool: its data, its schema, its lookups."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from jsonschema import Draft202012Validator

from provenance import knowledge
from provenance.domains import registered_domain
from provenance.knowledge import (
    KnowledgeCategory,
    as_catalog_outlet,
    by_domain,
    by_name,
    committed_knowledge_schema,
    generate_knowledge_schema,
    known_outlets,
    outlets_named,
    render_schema,
    resolve_domain,
    resolve_name,
)
from provenance.models import Outlet, OutletCategory
from tests.conftest import ROOT

DATA = ROOT / "provenance" / "data"


def _id_of(found: object) -> str | None:
    return getattr(found, "id", None)


# --- the data and its schema


def test_committed_schema_is_what_the_model_generates() -> None:
    committed = (DATA / "outlets.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(generate_knowledge_schema()), (
        "the model changed: regenerate the schema (python -m provenance.knowledge)"
    )


def test_data_validates_against_its_committed_schema() -> None:
    schema = committed_knowledge_schema()
    Draft202012Validator.check_schema(schema)
    data = json.loads((DATA / "outlets.json").read_text(encoding="utf-8"))
    assert data["$schema"] == "outlets.schema.json"
    assert not [error.message for error in Draft202012Validator(schema).iter_errors(data)]


def test_ids_are_unique() -> None:
    ids = Counter(outlet.id for outlet in known_outlets())
    assert [id_ for id_, count in ids.items() if count > 1] == []


def test_domains_are_unique_and_have_no_www() -> None:
    domains = Counter(domain for outlet in known_outlets() for domain in outlet.domains)
    assert [domain for domain, count in domains.items() if count > 1] == []
    assert not [domain for domain in domains if domain.startswith("www.")]


def test_a_listed_name_is_not_repeated_within_an_outlet() -> None:
    for outlet in known_outlets():
        assert len(set(outlet.all_names())) == len(outlet.all_names()), outlet.id


def test_domains_are_registered_domains_or_hosts_under_one() -> None:
    for outlet in known_outlets():
        for domain in outlet.domains:
            assert registered_domain(domain) is not None, (outlet.id, domain)


def test_every_source_named_in_checked_is_documented() -> None:
    docs = (ROOT / "docs" / "outlets.md").read_text(encoding="utf-8")
    for source in {source for outlet in known_outlets() for source in outlet.checked}:
        if source.startswith("github:"):
            repository_and_path = source.split("@", 1)[0]
            assert repository_and_path in docs, source


def test_counts_meet_the_targets() -> None:
    outlets = known_outlets()
    categories = Counter(outlet.category for outlet in outlets)
    assert len(outlets) >= 400
    assert categories[KnowledgeCategory.NEWS_AGENCY] >= 40
    assert len({outlet.country for outlet in outlets if outlet.country}) >= 50
    assert len({language for outlet in outlets for language in outlet.languages}) >= 30
    assert set(categories) == set(KnowledgeCategory)


def test_the_named_wire_agencies_are_known_as_agencies() -> None:
    for credit in [
        "AP", "Reuters", "AFP", "dpa", "EFE", "ANSA", "Xinhua", "TASS", "RIA Novosti",
        "Interfax", "Anadolu Agency", "PTI", "ANI", "IANS", "Kyodo", "Jiji", "Yonhap",
        "Kazinform", "Trend", "AZERTAC", "Ukrinform", "UNIAN", "PAP", "ČTK", "Belga", "ANP",
        "Lusa", "Agência Brasil", "Télam", "Notimex", "Prensa Latina", "Bernama", "Antara",
        "Philippine News Agency", "Vietnam News Agency", "IRNA", "Fars", "Tasnim", "ISNA",
        "WAM", "Saudi Press Agency", "MENA", "QNA", "KUNA", "Petra", "NAN", "Canadian Press",
        "AAP", "NZPA", "Keystone-SDA", "NTB", "TT", "Ritzau", "STT", "Austria Presse Agentur",
    ]:  # fmt: skip
        found = by_name(credit)
        assert found is not None, credit
        assert found.category is KnowledgeCategory.NEWS_AGENCY, credit


def test_press_release_wires_are_press_releases() -> None:
    for wire in ["PR Newswire", "Business Wire", "GlobeNewswire", "Accesswire"]:
        found = by_name(wire)
        assert found is not None and found.category is KnowledgeCategory.PRESS_RELEASE, wire


# --- lookups by name


@pytest.mark.parametrize(
    ("credit", "outlet_id"),
    [
        ("AP", "ap"),
        ("(AP)", "ap"),
        ("The Associated Press", "ap"),
        ("A.P.", "ap"),
        ("Agencia EFE", "efe"),
        ("新华社", "xinhua"),
        ("新華社", "xinhua"),
        ("ТАСС", "tass"),
        ("РИА Новости", "ria-novosti"),
        ("Anadolu Ajansı", "anadolu"),
        ("AA", "anadolu"),
        ("La Stampa", "la-stampa"),
        ("Foreign Policy", "foreign-policy"),
        ("فورين بوليسي", "foreign-policy"),
        ("DPA", "dpa"),
        ("  the   associated-press ", "ap"),
    ],
)
def test_by_name_finds_abbreviations_and_native_script(credit: str, outlet_id: str) -> None:
    assert _id_of(by_name(credit)) == outlet_id


def test_transliteration_is_a_second_key() -> None:
    assert _id_of(by_name("Telam")) == "telam"  # listed as 'Télam'
    assert _id_of(by_name("Xinhuashe")) == "xinhua"  # '新华社' transliterated


def test_an_english_the_is_optional_on_both_sides() -> None:
    assert _id_of(by_name("Guardian")) == "guardian"  # stored 'The Guardian'
    assert _id_of(by_name("The Reuters")) == "reuters"  # 'Reuters' is listed


def test_a_foreign_article_is_part_of_the_name() -> None:
    # 'Le Monde' is found as written, in any case; 'Monde' alone is not a name of it (a
    # common word), and 'La Stampa' is not shortened to 'Stampa' to force a match.
    assert _id_of(by_name("Le Monde")) == "le-monde"
    assert _id_of(by_name("LE MONDE")) == "le-monde"
    assert by_name("Monde") is None
    assert by_name("Stampa") is None
    # The article is dropped from a text only when the rest is itself a listed name.
    assert _id_of(by_name("The Le Monde")) == "le-monde"
    assert by_name("La Reuters Agency") is None


def test_a_name_of_two_outlets_finds_none_but_lists_both() -> None:
    assert by_name("APA") is None
    assert {outlet.id for outlet in outlets_named("APA")} == {"apa-az", "apa-at"}


def test_an_unknown_or_empty_name_finds_none() -> None:
    assert by_name("The Daily Planet") is None
    assert by_name("") is None
    assert by_name(" -- ") is None


def test_generic_words_are_not_names_of_one_outlet() -> None:
    for word in ["Presse", "Monitor", "FR", "Nation"]:
        assert by_name(word) is None, word
    # 'The Standard' (Kenya) without its English article; never Der Standard.
    assert _id_of(by_name("Standard")) == "standard-ke"


# --- lookups by domain


@pytest.mark.parametrize(
    ("domain", "outlet_id"),
    [
        ("apnews.com", "ap"),
        ("efe.com", "efe"),
        ("tass.ru", "tass"),
        ("news.cn", "xinhua"),
        ("www.bbc.co.uk", "bbc"),
        ("https://www.lemonde.fr/international/article/x.html", "le-monde"),
        ("x.blogspot.com", "blogger"),
        ("someone.wordpress.com", "wordpress-com"),
        ("someone.substack.com", "substack"),
        ("someone.livejournal.com", "livejournal"),
        ("blog.naver.com", "naver-blog"),
        ("news.naver.com", "naver"),
        ("blogs.mediapart.fr", "mediapart-club"),
        ("mediapart.fr", "mediapart"),
        ("t.me", "telegram"),
        ("inosmi.ru", "inosmi"),
        ("NYTIMES.COM.", "nytimes"),
        ("www.dw.com:443/en/x", "dw"),
    ],
)
def test_by_domain(domain: str, outlet_id: str) -> None:
    assert _id_of(by_domain(domain)) == outlet_id


def test_by_domain_matches_whole_labels_only() -> None:
    assert by_domain("evil-nytimes.com") is None
    assert by_domain("nytimes.com.example.net") is None
    assert by_domain("com") is None
    assert by_domain("") is None


def test_by_domain_takes_what_registered_domain_gives() -> None:
    domain = registered_domain("https://edition.cnn.com/2024/01/01/x")
    assert domain is not None
    assert _id_of(by_domain(domain)) == "cnn"


# --- the user's catalog first


def test_as_catalog_outlet_is_a_valid_catalog_outlet() -> None:
    for known in known_outlets():
        outlet = as_catalog_outlet(known)
        assert Outlet.model_validate(outlet.model_dump(by_alias=True)) == outlet
    worldcrunch = by_name("Worldcrunch")
    assert worldcrunch is not None
    assert worldcrunch.category is KnowledgeCategory.TRANSLATION_SERVICE
    assert as_catalog_outlet(worldcrunch).category == OutletCategory.AGGREGATOR
    ap = as_catalog_outlet(by_name("AP"))  # type: ignore[arg-type]
    assert (ap.id, ap.category, ap.country, ap.in_language) == ("ap", "news-agency", "US", ["en"])
    assert "The Associated Press" in ap.alternate_name


def test_the_catalog_overrides_the_knowledge_for_the_same_domain() -> None:
    mine = Outlet(id="my-reuters", name="Reuters (my catalog)", domains=["reuters.com"])
    assert resolve_domain("https://www.reuters.com/world/x", [mine]) is mine
    assert resolve_domain("reuters.com", []) == as_catalog_outlet(by_domain("reuters.com"))  # type: ignore[arg-type]
    assert resolve_domain("example.org", [mine]) is None


def test_the_catalog_overrides_even_a_more_specific_known_host() -> None:
    mine = Outlet(id="naver", name="Naver (mine)", domains=["naver.com"])
    assert resolve_domain("blog.naver.com", [mine]) is mine


def test_the_catalog_overrides_the_knowledge_for_the_same_name() -> None:
    mine = Outlet(id="ap-desk", name="AP Desk", alternate_name=["Associated Press"])
    assert resolve_name("associated press", [mine]) is mine
    resolved = resolve_name("The Associated Press", [mine])
    assert resolved is not None and resolved.id == "ap"  # not a name of the catalog's
    assert resolve_name("Nobody Knows", [mine]) is None


# --- loading


def test_loading_is_lazy_and_cached() -> None:
    assert known_outlets() is known_outlets()
    code = (
        "import sys, provenance.cli, provenance.knowledge;"
        "assert provenance.knowledge.known_outlets.cache_info().currsize == 0"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_cold_first_lookup_is_fast() -> None:
    code = (
        "import time, provenance.knowledge as k;"
        "start = time.perf_counter(); k.by_name('Agencia EFE');"
        "print(time.perf_counter() - start)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # About 15 ms on the development machine; generous for a shared CI runner.
    assert float(result.stdout) < 0.25


def test_the_data_file_ships_with_the_package() -> None:
    assert knowledge.knowledge_text().lstrip().startswith("{")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.json"' in pyproject
