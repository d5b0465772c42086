"""Semantic validation of a catalog that matches its schema: references, files, URLs, dates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from provenance.articles import MAX_ARTICLE_BYTES, ArticleProblem, ArticleReader
from provenance.domains import registered_domain, url_on_domains
from provenance.findings import Family, Finding, Location, RuleInfo, Severity
from provenance.loader import DUPLICATE_KEY_RULE, JSON_SYNTAX_RULE, SCHEMA_RULE, LoadedCatalog
from provenance.models import Catalog, date_bounds


def _rule(code: str, name: str, summary: str, bad: str, good: str) -> RuleInfo:
    return RuleInfo(code, name, Family.CATALOG, Severity.ERROR, summary, bad, good)


DUPLICATE_ID = _rule(
    "C003",
    "duplicate-id",
    "Two outlets, people or articles share one id, so references to it are ambiguous.",
    '"articles": [{"id": "kz-1", ...}, {"id": "kz-1", ...}]',
    '"articles": [{"id": "kz-1", ...}, {"id": "kz-2", ...}]',
)
DUPLICATE_URL = _rule(
    "C004",
    "duplicate-url",
    "Two articles hold a copy from the same URL: the same copy is catalogued twice.",
    '"copy": {"url": "https://example.com/a"} in two articles',
    "one article per copy held; other sightings go in its note",
)
UNKNOWN_OUTLET = _rule(
    "C005",
    "unknown-outlet",
    "A publisher names an outlet id that the catalog's outlets do not define.",
    '"publisher": "oil-price"  (no outlet has that id)',
    '"publisher": "oilprice"  (defined in "outlets")',
)
ARTICLE_FILE = _rule(
    "C006",
    "article-file",
    "The article's file is missing, not a regular file, not UTF-8 text, or too large.",
    '"file": "seeds/missing.txt"',
    '"file": "seeds/000_901eae532ebeab44.txt"',
)
FILE_OUTSIDE = _rule(
    "C007",
    "file-outside-catalog",
    "The article's file leaves the catalog's folder ('..', an absolute path, a symlink out). "
    "It is never read.",
    '"file": "../../etc/passwd"',
    '"file": "seeds/article.txt"',
)
URL_DOMAIN = _rule(
    "C008",
    "url-domain-mismatch",
    "A URL's registered domain is not among its publisher's domains: the URL or the "
    "publisher is wrong.",
    '"publisher": "intellinews", "url": "https://oilprice.com/..."',
    '"publisher": "intellinews", "url": "https://intellinews.com/..."',
)
INVALID_DATE = _rule(
    "C009",
    "invalid-date",
    "A date has the right shape but is not on the calendar.",
    '"datePublished": "2024-02-30"',
    '"datePublished": "2024-02-29"',
)
FUTURE_DATE = _rule(
    "C010",
    "future-date",
    "A publication or retrieval date lies in the future.",
    '"datePublished": "2094-08-27"',
    '"datePublished": "2024-08-27"',
)
DATE_ORDER = _rule(
    "C011",
    "date-order",
    "A hop is dated before the hop it came from, or a copy was retrieved before it was published.",
    'chain: [{"datePublished": "2024-08-18"}], copy: {"datePublished": "2024-08-10"}',
    'chain: [{"datePublished": "2024-08-10"}], copy: {"datePublished": "2024-08-18"}',
)

CATALOG_RULES: tuple[RuleInfo, ...] = (
    JSON_SYNTAX_RULE,
    SCHEMA_RULE,
    DUPLICATE_KEY_RULE,
    DUPLICATE_ID,
    DUPLICATE_URL,
    UNKNOWN_OUTLET,
    ARTICLE_FILE,
    FILE_OUTSIDE,
    URL_DOMAIN,
    INVALID_DATE,
    FUTURE_DATE,
    DATE_ORDER,
)


@dataclass
class Validation:
    """The outcome of validation: findings, and the texts of the articles that could be read."""

    loaded: LoadedCatalog
    findings: list[Finding]
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.findings


Emit = Callable[[RuleInfo, str, str], Finding]


def _duplicate_ids(catalog: Catalog, emit: Emit) -> Iterator[Finding]:
    for collection, ids in (
        ("outlets", [outlet.id for outlet in catalog.outlets]),
        ("people", [person.id for person in catalog.people]),
        ("articles", [article.id for article in catalog.articles]),
    ):
        first: dict[str, int] = {}
        for position, item_id in enumerate(ids):
            if item_id in first:
                yield emit(
                    DUPLICATE_ID,
                    f"/{collection}/{position}/id",
                    f"id {item_id!r} is already used by /{collection}/{first[item_id]}",
                )
            else:
                first[item_id] = position


def _duplicate_urls(catalog: Catalog, emit: Emit) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for position, article in enumerate(catalog.articles):
        url = article.copy_held.url
        if url is None:
            continue
        key = url.rstrip("/").lower()
        if key in first:
            yield emit(
                DUPLICATE_URL,
                f"/articles/{position}/copy/url",
                f"this URL is already the copy held by article {first[key]!r}",
            )
        else:
            first[key] = article.id


def _hop_pointers(position: int, chain_length: int) -> list[str]:
    base = f"/articles/{position}"
    return [f"{base}/chain/{hop}" for hop in range(chain_length)] + [f"{base}/copy"]


def _references_and_urls(catalog: Catalog, emit: Emit) -> Iterator[Finding]:
    outlets = {outlet.id: outlet for outlet in catalog.outlets}
    for position, article in enumerate(catalog.articles):
        pointers = _hop_pointers(position, len(article.chain))
        for pointer, hop in zip(pointers, article.hops, strict=True):
            if hop.publisher is None:
                continue
            outlet = outlets.get(hop.publisher)
            if outlet is None:
                yield emit(
                    UNKNOWN_OUTLET,
                    f"{pointer}/publisher",
                    f"no outlet has the id {hop.publisher!r}",
                )
                continue
            if hop.url is None or not outlet.domains:
                continue
            if not url_on_domains(hop.url, outlet.domains):
                domain = registered_domain(hop.url)
                yield emit(
                    URL_DOMAIN,
                    f"{pointer}/url",
                    f"the URL is on {domain or 'no registered domain'}, but {outlet.name} "
                    f"publishes on {', '.join(outlet.domains)}",
                )


def _dates(catalog: Catalog, emit: Emit, today: date) -> Iterator[Finding]:
    for position, article in enumerate(catalog.articles):
        pointers = _hop_pointers(position, len(article.chain))
        previous: tuple[str, date] | None = None
        for pointer, hop in zip(pointers, article.hops, strict=True):
            stamps = [("datePublished", hop.date_published)]
            if pointer.endswith("/copy"):
                stamps.append(("dateRetrieved", article.copy_held.date_retrieved))
            published_start: date | None = None
            for key, value in stamps:
                if value is None:
                    continue
                try:
                    start, end = date_bounds(value)
                except ValueError:
                    yield emit(INVALID_DATE, f"{pointer}/{key}", f"{value!r} is not a real date")
                    continue
                if start > today:
                    yield emit(
                        FUTURE_DATE,
                        f"{pointer}/{key}",
                        f"{value} is in the future (today is {today.isoformat()})",
                    )
                if key == "dateRetrieved" and published_start and end < published_start:
                    yield emit(
                        DATE_ORDER,
                        f"{pointer}/{key}",
                        f"retrieved {value}, before it was published ({hop.date_published})",
                    )
                if key == "datePublished":
                    published_start = start
                    if previous is not None and end < previous[1]:
                        yield emit(
                            DATE_ORDER,
                            f"{pointer}/{key}",
                            f"published {value}, before the hop it came from "
                            f"({previous[0]}, published {previous[1].isoformat()})",
                        )
                    previous = (pointer, start)


def file_finding(problem: ArticleProblem, article: str, where: Location) -> Finding:
    """The finding for an article file that cannot be read (``where``: its ``file`` value)."""
    rule = FILE_OUTSIDE if problem.outside else ARTICLE_FILE
    return rule.finding(problem.message, article=article, catalog=where)


def _files(validation: Validation, keep_texts: bool, max_bytes: int) -> Iterator[Finding]:
    catalog = validation.loaded.catalog
    assert catalog is not None
    reader = ArticleReader(validation.loaded.folder)
    for position, article in enumerate(catalog.articles):
        result = reader.read(article.file, max_bytes)
        if isinstance(result, ArticleProblem):
            where = validation.loaded.locate(f"/articles/{position}/file")
            yield file_finding(result, article.id, where)
        elif keep_texts:
            validation.texts[article.id] = result


def validate(
    loaded: LoadedCatalog,
    today: date | None = None,
    *,
    keep_texts: bool = True,
    read_files: bool = True,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
) -> Validation:
    """All findings of the catalog family, in file order. ``keep_texts=False`` checks the
    article files without holding every text in memory; ``read_files=False`` leaves them
    to the caller, who reads them anyway (`check`: see ``file_finding``)."""
    validation = Validation(loaded=loaded, findings=list(loaded.findings))
    catalog = loaded.catalog
    if catalog is not None:
        articles = {f"/articles/{i}": a.id for i, a in enumerate(catalog.articles)}

        def emit(rule: RuleInfo, pointer: str, message: str) -> Finding:
            article = articles.get("/".join(pointer.split("/")[:3]))
            return rule.finding(message, article=article, catalog=loaded.locate(pointer))

        today = today or date.today()
        validation.findings.extend(_duplicate_ids(catalog, emit))
        validation.findings.extend(_duplicate_urls(catalog, emit))
        validation.findings.extend(_references_and_urls(catalog, emit))
        validation.findings.extend(_dates(catalog, emit, today))
        if read_files:
            validation.findings.extend(_files(validation, keep_texts, max_article_bytes))
    validation.findings.sort(key=Finding.sort_key)
    return validation
