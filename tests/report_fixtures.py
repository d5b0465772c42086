"""A realistic CheckResult built by hand from the real catalog, for the report tests.

The findings are derived from the catalog's data (a copy with no date gets a missing-date
finding, a translation that names no translator a translation finding, ...), so the builder
holds no sentence, person or outlet of the seeds. ``hostile_result`` swaps in catalog values
and texts that try to run script in a browser or a terminal, to test that reports are inert.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from provenance.findings import Family, Finding, Location, RuleInfo, Severity
from provenance.loader import LoadedCatalog, load_catalog
from provenance.models import Article, Catalog, Outlet
from provenance.results import (
    ArticleSummary,
    CheckResult,
    Grade,
    NameVariants,
    PassageCopy,
    SharedPassage,
)
from provenance.validate import CATALOG_RULES, validate

ROOT = Path(__file__).resolve().parent.parent
CATALOG_FILE = "sources.json"

TRANSLATION_CHAIN = RuleInfo(
    "T001",
    "translation-chain",
    Family.TRANSLATION,
    Severity.ERROR,
    "The copy held is a translation of a translation: every hop may have changed the words.",
    '"chain": [{"relation": "original"}, {"relation": "translated"}], '
    '"copy": {"relation": "translated"}',
    'cite the first translation, or the original: "copy": {"relation": "translated"} '
    "after the original",
)
NO_TRANSLATOR = RuleInfo(
    "T002",
    "translation-unsigned",
    Family.TRANSLATION,
    Severity.WARNING,
    "A translated hop names no translator or no source language.",
    '{"relation": "translated", "translator": []}',
    '{"relation": "translated", "translator": ["A. Translator"], "inLanguage": "en"}',
)
MISSING_DATE = RuleInfo(
    "D001",
    "missing-date",
    Family.DATES,
    Severity.WARNING,
    "The copy held has no publication date, and its text gives none.",
    '"copy": {"datePublished": null}',
    '"copy": {"datePublished": "2024-08-27"}',
)
RELATIVE_DATE = RuleInfo(
    "D002",
    "relative-date",
    Family.DATES,
    Severity.INFO,
    "The text dates events only relatively ('last week'), with no date to anchor them.",
    "His call last week ...",
    "His call on 9 August 2024 ...",
)
NO_CREDIT = RuleInfo(
    "A001",
    "uncredited-copy",
    Family.ATTRIBUTION,
    Severity.WARNING,
    "The copy held names neither an author nor the outlet it was taken from.",
    '"copy": {"author": [], "publisher": "aggregator"} and no credit line in the text',
    '"copy": {"author": ["A. Writer"]} and a credit line "First published by ..."',
)
QUOTE_DRIFT = RuleInfo(
    "R001",
    "quote-drift",
    Family.REUSE,
    Severity.INFO,
    "The same quotation is worded differently in two articles.",
    '"we will not allow it" / "we shall never permit that"',
    "quote one wording, and name the translation it comes from",
)
SCRAPED = RuleInfo(
    "I001",
    "scraping-residue",
    Family.INTEGRITY,
    Severity.INFO,
    "The text holds page furniture (menus, tickers, 'related articles') scraped with it.",
    "... Other popular articles on Example.com",
    "the article's own text only",
)
UNUSED_OUTLET = RuleInfo(
    "C101",
    "unused-outlet",
    Family.CATALOG,
    Severity.INFO,
    "An outlet is defined but no hop names it as its publisher.",
    '"outlets": [{"id": "old-outlet", ...}] and no "publisher": "old-outlet"',
    "remove the outlet, or name it where it published a hop",
)
RULES: tuple[RuleInfo, ...] = (
    *CATALOG_RULES,
    UNUSED_OUTLET,
    TRANSLATION_CHAIN,
    NO_TRANSLATOR,
    MISSING_DATE,
    RELATIVE_DATE,
    NO_CREDIT,
    QUOTE_DRIFT,
    SCRAPED,
)


def _text_location(loaded: LoadedCatalog, article: Article, line: int) -> Location:
    """The first word of ``line`` (1-based, clamped to the text) in the article's file."""
    text = (loaded.folder / article.file).read_text(encoding="utf-8")
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    content = lines[line - 1]
    column = len(content) - len(content.lstrip()) + 1
    return Location(file=article.file, line=line, column=column, snippet=content.strip()[:60])


def _findings(loaded: LoadedCatalog, catalog: Catalog) -> list[Finding]:
    findings: list[Finding] = []
    for position, article in enumerate(catalog.articles):
        base = f"/articles/{position}"
        copy = article.copy_held
        size = len((loaded.folder / article.file).read_text(encoding="utf-8").splitlines())
        if copy.date_published is None:
            findings.append(
                MISSING_DATE.finding(
                    "the copy held has no publication date",
                    article=article.id,
                    catalog=loaded.locate(f"{base}/copy/datePublished"),
                    evidence=(_text_location(loaded, article, 1),),
                    fix="add the date from the page, or the earliest date it was seen",
                    acknowledged=(
                        "reviewed: the platform shows only a relative date"
                        if copy.publisher is not None and not copy.author
                        else None
                    ),
                )
            )
        translated = [i for i, hop in enumerate(article.hops) if hop.relation == "translated"]
        for index in translated:
            hop = article.hops[index]
            pointer = f"{base}/copy" if index == len(article.chain) else f"{base}/chain/{index}"
            if not hop.translator:
                findings.append(
                    NO_TRANSLATOR.finding(
                        "the translation names no translator",
                        article=article.id,
                        catalog=loaded.locate(f"{pointer}/translator"),
                    )
                )
        if translated and len(article.chain) >= 2:
            findings.append(
                TRANSLATION_CHAIN.finding(
                    f"the copy held is {len(article.chain)} hops from the original, "
                    "the last one a translation",
                    article=article.id,
                    catalog=loaded.locate(f"{base}/copy/relation"),
                    evidence=(
                        _text_location(loaded, article, 1),
                        _text_location(loaded, article, size // 2),
                    ),
                )
            )
        if not copy.author and not any(hop.credited for hop in article.chain):
            findings.append(
                NO_CREDIT.finding(
                    "the copy held credits no author and no source",
                    article=article.id,
                    catalog=loaded.locate(f"{base}/copy/author"),
                    evidence=(_text_location(loaded, article, size),),
                )
            )
        if position % 2 == 0:
            findings.append(
                RELATIVE_DATE.finding(
                    "events are dated only relatively",
                    article=article.id,
                    evidence=(_text_location(loaded, article, 2),),
                )
            )
        if size > 3 and position % 2 == 1:
            findings.append(
                SCRAPED.finding(
                    "the last line looks like page furniture",
                    article=article.id,
                    evidence=(_text_location(loaded, article, size),),
                )
            )
    used = {hop.publisher for article in catalog.articles for hop in article.hops}
    findings.extend(
        UNUSED_OUTLET.finding(
            f"no hop names the outlet {outlet.id!r}", catalog=loaded.locate(f"/outlets/{i}/id")
        )
        for i, outlet in enumerate(catalog.outlets)
        if outlet.id not in used
    )
    return findings


def _grade(catalog: Catalog, article: Article, findings: list[Finding]) -> Grade:
    outlet = catalog.outlet(article.copy_held.publisher)
    reliability = outlet.reliability.admiralty if outlet and outlet.reliability else "F"
    worst = max((Severity(f.severity).rank for f in findings), default=-1)
    credibility = {-1: 2, 0: 3, 1: 4, 2: 5}[worst]
    reasons = (
        (f"published by {outlet.name} ({reliability})",)
        if outlet
        else ("the publisher of the copy held is not known",)
    )
    return Grade(
        reliability=reliability,
        credibility=credibility,
        reliability_reasons=reasons,
        credibility_reasons=tuple(sorted({f"{f.code} {f.name}" for f in findings})) or ("",),
    )


def _summaries(catalog: Catalog, findings: list[Finding]) -> tuple[ArticleSummary, ...]:
    summaries = []
    for article in catalog.articles:
        mine = [f for f in findings if f.article == article.id]
        counts = {s: sum(1 for f in mine if f.severity == s) for s in Severity}
        summaries.append(
            ArticleSummary(
                id=article.id,
                file=article.file,
                grade=_grade(catalog, article, mine),
                counts=counts,
            )
        )
    return tuple(summaries)


def _shared(catalog: Catalog, texts: tuple[str, str], speakers: tuple[str, str]) -> SharedPassage:
    first, second = catalog.articles[0], catalog.articles[2]
    return SharedPassage(
        kind="quotation",
        copies=(
            PassageCopy(
                article=first.id,
                location=Location(file=first.file, line=4, column=12),
                text=texts[0],
                speaker=speakers[0],
                given_to=None,
            ),
            PassageCopy(
                article=second.id,
                location=Location(file=second.file, line=7, column=1),
                text=texts[1],
                speaker=speakers[1],
                given_to="a regional newspaper",
            ),
        ),
        similarity=71.5,
        likely_source=second.id,
        reason="the other copy names this one's outlet as its source",
    )


def _name_variants(catalog: Catalog) -> tuple[NameVariants, ...]:
    person = catalog.people[0]
    given, _, family = person.name.rpartition(" ")
    garbled = f"{given} {family[:-2]}{family[-1]}{family[-2]}" if len(family) > 2 else family
    return (
        NameVariants(
            canonical=person.name,
            variants=tuple(sorted({person.name, garbled, family.upper()})),
            articles=(catalog.articles[0].id,),
            person=person.id,
        ),
        NameVariants(
            canonical="Maria Ivanova-Petrenko",
            variants=("Maria Ivanova-Petrenko", "Mariya Ivanova Petrenko", "M. Ivanowa"),
            articles=tuple(sorted(a.id for a in catalog.articles[:2])),
        ),
    )


def load_real_catalog(root: Path = ROOT) -> tuple[LoadedCatalog, Catalog]:
    loaded = load_catalog(root / CATALOG_FILE, CATALOG_FILE)
    validation = validate(loaded)
    assert validation.valid, [f.headline() for f in validation.findings]
    assert loaded.catalog is not None
    return loaded, loaded.catalog


def build_result(root: Path = ROOT) -> CheckResult:
    """A CheckResult over the real catalog, with findings of every severity and family."""
    loaded, catalog = load_real_catalog(root)
    findings = sorted(_findings(loaded, catalog), key=Finding.sort_key)
    return CheckResult(
        catalog_file=CATALOG_FILE,
        catalog=catalog,
        articles=_summaries(catalog, findings),
        findings=tuple(findings),
        shared=(
            _shared(
                catalog,
                (
                    "We will not allow any outside power to decide the security of our region",
                    "We shall never permit an outside power to decide security in our region",
                ),
                ("the president", "the President of the republic"),
            ),
        ),
        name_variants=_name_variants(catalog),
        rules=RULES,
    )


# Payloads that set a flag or open a dialog if they ever run.
SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
SVG = "</svg><svg onload=\"window.__pwned=1;alert('svg')\"><circle r=9 /></svg>"
CLOSE = "</li></ul></section></main></body></html><p id=escaped>"
JS_URL = "javascript:window.__pwned=1;alert(1)"
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
TERMINAL = "\x1b[2J\x1b]0;title\x07\x1b[31mred"
ATTR = '" onmouseover="window.__pwned=1" x="'


def hostile_result(root: Path = ROOT) -> CheckResult:
    """``build_result`` with hostile catalog values and texts everywhere a report shows text.

    URLs that the schema refuses (javascript:, data:) are set with ``model_copy`` so that the
    renderers are tested on their own, as if a future model let one through.
    """
    result = build_result(root)
    catalog = result.catalog
    outlets: list[Outlet] = []
    for i, outlet in enumerate(catalog.outlets):
        name = [SCRIPT, IMG, SVG, CLOSE, ATTR, TERMINAL][i % 6] + outlet.name
        outlets.append(outlet.model_copy(update={"name": name}))
    articles: list[Article] = []
    for i, article in enumerate(catalog.articles):
        copy = article.copy_held.model_copy(
            update={
                "url": [JS_URL, DATA_URL, "https://example.org/a?q=\"'><script>x</script>"][i % 3],
                "author": [IMG, SCRIPT],
                "translator": [SVG],
                "date_published": ATTR if i == 0 else article.copy_held.date_published,
            }
        )
        chain = [
            hop.model_copy(update={"url": JS_URL, "author": [SVG], "headline": SCRIPT})
            for hop in article.chain
        ]
        articles.append(
            article.model_copy(update={"headline": SVG + CLOSE, "copy_held": copy, "chain": chain})
        )
    hostile_catalog = catalog.model_copy(update={"outlets": outlets, "articles": articles})
    findings = tuple(
        replace(
            f,
            message=f"{SCRIPT} {f.message} {IMG} {TERMINAL}",
            fix=SVG if f.fix else None,
            acknowledged=ATTR if f.acknowledged else None,
            evidence=tuple(replace(e, snippet=CLOSE + SCRIPT) for e in f.evidence),
        )
        for f in result.findings
    )
    shared = tuple(
        s.model_copy(
            update={
                "copies": tuple(
                    replace(
                        c,
                        text=c.text + " " + [SCRIPT, SVG][n % 2] + " " + IMG,
                        speaker=ATTR,
                        given_to=JS_URL,
                    )
                    for n, c in enumerate(s.copies)
                ),
                "reason": CLOSE,
            }
        )
        for s in result.shared
    )
    variants = tuple(
        v.model_copy(update={"variants": (*v.variants, SCRIPT, SVG), "canonical": IMG})
        for v in result.name_variants
    )
    rules = tuple(
        RuleInfo(r.code, r.name, r.family, r.severity, r.summary + SCRIPT, r.bad + SVG, r.good)
        for r in result.rules
    )
    return result.model_copy(
        update={
            "catalog": hostile_catalog,
            "findings": findings,
            "shared": shared,
            "name_variants": variants,
            "rules": rules,
        }
    )
