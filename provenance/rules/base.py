"""What a rule is, what it sees, and the registry that finds every rule module."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from provenance.crosslingual import TranslationPair
from provenance.evidence.model import Evidence, Span
from provenance.findings import Finding, Location, RuleInfo
from provenance.models import Article, Catalog, HeldCopy, Hop, Outlet
from provenance.results import NameVariants, SharedPassage


def unresolved(pointer: str) -> Location:
    """A place in sources.json known by its pointer only; `check` fills in line and column
    once, for all findings, after the rules ran (in worker processes, without the index)."""
    return Location("", 0, 0, pointer)  # positional: built for every finding of a rule


def outlet_name(catalog: Catalog, outlet_id: str | None) -> str:
    outlet = catalog.outlet(outlet_id)
    return outlet.name if outlet else (outlet_id or "an unknown outlet")


@dataclass(frozen=True)
class ArticleContext:
    """One article as the rules see it: the declared entry, its text and the evidence in it."""

    catalog: Catalog
    article: Article
    position: int
    file: str  # the article file as shown in findings
    text: str | None
    evidence: Evidence | None

    @property
    def pointer(self) -> str:
        return f"/articles/{self.position}"

    def hop_pointer(self, hop_index: int) -> str:
        """Pointer, relative to the article, of a hop in ``article.hops`` order."""
        if hop_index == len(self.article.chain):
            return "/copy"
        return f"/chain/{hop_index}"

    def outlet(self, outlet_id: str | None) -> Outlet | None:
        return self.catalog.outlet(outlet_id)

    def outlet_name(self, outlet_id: str | None) -> str:
        return outlet_name(self.catalog, outlet_id)

    def where(self, span: Span) -> Location:
        snippet = span.text if len(span.text) <= 200 else span.text[:197] + "..."
        return Location(file=self.file, line=span.line, column=span.column, snippet=snippet)

    def finding(
        self,
        rule: RuleInfo,
        message: str,
        *,
        pointer: str = "",
        spans: Iterable[Span] = (),
        fix: str | None = None,
    ) -> Finding:
        return rule.finding(
            message,
            article=self.article.id,
            catalog=unresolved(self.pointer + pointer),
            evidence=tuple(self.where(span) for span in spans),
            fix=fix,
        )

    @property
    def hops(self) -> list[Hop | HeldCopy]:
        return self.article.hops


@dataclass(frozen=True)
class CatalogContext:
    """The whole catalog, for rules that compare articles with each other. Article texts and
    evidence are gone by then (a large catalog cannot hold them all): what the rules need of
    them travels in ``shared``, ``name_variants`` and ``people``."""

    catalog: Catalog
    shared: Sequence[SharedPassage]
    name_variants: Sequence[NameVariants] = ()
    people: Mapping[str, Sequence[tuple[str, Location]]] = field(default_factory=dict)
    translations: Sequence[TranslationPair] = ()

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {article.id: i for i, article in enumerate(self.catalog.articles)}

    def article(self, article_id: str) -> Article:
        return self.catalog.articles[self._positions[article_id]]

    def finding(
        self,
        rule: RuleInfo,
        article_id: str,
        message: str,
        *,
        pointer: str = "",
        evidence: Iterable[Location] = (),
        fix: str | None = None,
    ) -> Finding:
        return rule.finding(
            message,
            article=article_id,
            catalog=unresolved(f"/articles/{self._positions[article_id]}{pointer}"),
            evidence=tuple(evidence),
            fix=fix,
        )


ArticleCheck = Callable[[ArticleContext], Iterator[Finding]]
CatalogCheck = Callable[[CatalogContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    article_check: ArticleCheck | None = None
    catalog_check: CatalogCheck | None = None


_REGISTRY: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    existing = _REGISTRY.get(rule.info.code)
    if existing is not None and existing.info != rule.info:
        raise RuntimeError(f"two rules claim the code {rule.info.code}")
    _REGISTRY[rule.info.code] = rule


def article_rule(info: RuleInfo) -> Callable[[ArticleCheck], ArticleCheck]:
    """Register a rule that looks at one article at a time."""

    def decorate(check: ArticleCheck) -> ArticleCheck:
        _register(Rule(info, article_check=check))
        return check

    return decorate


def catalog_rule(info: RuleInfo) -> Callable[[CatalogCheck], CatalogCheck]:
    """Register a rule that compares articles across the catalog."""

    def decorate(check: CatalogCheck) -> CatalogCheck:
        _register(Rule(info, catalog_check=check))
        return check

    return decorate


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, found by importing each module of this package, sorted by code."""
    import provenance.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name != "base" and not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return tuple(_REGISTRY[code] for code in sorted(_REGISTRY))
