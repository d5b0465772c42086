from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from provenance.commands.common import (
    DEFAULT_CATALOG,
    EXIT_OK,
    TextOrJson,
    catalog_argument,
    fail,
    write,
)

if TYPE_CHECKING:
    from provenance.evidence.model import Evidence, Span
    from provenance.models import Outlet, Person


def _registries(catalog: Path | None) -> tuple[list[Outlet], list[Person]]:
    """Outlets and people of the catalog given (which must load), or of ./sources.json when
    it exists and is valid; otherwise none."""
    from provenance.loader import UnusableInput, load_catalog

    path = catalog if catalog is not None else DEFAULT_CATALOG
    if catalog is None and not path.is_file():
        return [], []
    try:
        loaded = load_catalog(path, str(path))
    except UnusableInput as error:
        if catalog is not None:
            fail(str(error))
        return [], []
    if loaded.catalog is None:
        if catalog is not None:
            fail(f"{path}: not a valid catalog (run `provenance validate {path}`)")
        return [], []
    return list(loaded.catalog.outlets), list(loaded.catalog.people)


def _read(path: Path) -> str:
    from provenance.articles import ArticleProblem, read_article

    text = read_article(path.parent, path.name)
    if isinstance(text, ArticleProblem):
        fail(f"{path}: {text.message}")
    return text


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def signals(evidence: Evidence) -> list[tuple[Span, str, str]]:
    """(span, kind, detail) for every signal, in line order."""
    rows: list[tuple[Span, str, str]] = []
    for headline in evidence.headlines:
        rows.append((headline.span, "headline", "repeated" if headline.repeated else "first"))
    for byline in evidence.bylines:
        detail = ", ".join(byline.names)
        detail += f" in {byline.place}" if byline.place else ""
        detail += f" on {byline.date}" if byline.date else ""
        rows.append((byline.span, "byline", detail))
    for contributor in evidence.contributors:
        rows.append((contributor.span, contributor.role.value, ", ".join(contributor.names)))
    for stamp in evidence.stamps:
        detail = "relative" if stamp.relative else str(stamp.value)
        rows.append((stamp.span, "stamp", f"{stamp.label.value} {detail}"))
    for sign in evidence.translations:
        rows.append((sign.span, "translation", f"{sign.basis.value}: {sign.reason}"))
    for copied in evidence.uncredited:
        rows.append((copied.span, "uncredited", f"{copied.kind.value}: {copied.reason}"))
    for sign_off in evidence.sign_offs:
        rows.append((sign_off.span, "sign-off", sign_off.name))
    for date in evidence.dates:
        detail = date.kind.value + (f" {date.value}" if date.value else "")
        rows.append((date.span, "date", detail + (" (dateline)" if date.dateline else "")))
    for credit in evidence.credits:
        detail = f"{credit.kind.value} {credit.target!r}"
        if credit.language:
            detail += f" language={credit.language}"
        if credit.outlet:
            detail += f" -> {credit.outlet.outlet} ({credit.outlet.score:g})"
        rows.append((credit.span, "credit", detail))
    for mention in evidence.outlets:
        match = mention.match
        how = "exact" if match.exact else f"near-miss {match.score:g} of {match.matched!r}"
        rows.append((mention.span, "outlet", f"{match.outlet} ({how})"))
    for quote in evidence.quotations:
        parts = [p for p in (quote.speaker, quote.verb) if p]
        if quote.given_to:
            parts.append(f"to {quote.given_to}")
        rows.append((quote.span, "quotation", " ".join(parts) or "unattributed"))
    for person in evidence.people:
        rows.append((person.span, "person", person.name))
    for cluster in evidence.name_clusters:
        detail = f"{cluster.canonical}: " + " / ".join(cluster.variants)
        rows.append((cluster.mentions[0], "name-variants", detail))
    for residue in evidence.residue:
        rows.append((residue.span, "residue", residue.kind.value))
    for cut in evidence.truncation:
        rows.append((cut.span, "truncation", cut.kind.value))
    rows.sort(key=lambda row: (row[0].start, row[0].end, row[1], row[2]))
    return rows


def evidence_command(
    path: Annotated[Path, typer.Argument(help="The article's text file.")],
    catalog: Annotated[
        Path | None,
        typer.Argument(
            help="Catalog whose outlets and people resolve names [default: ./sources.json "
            "when it is there and valid].",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="Output format.")
    ] = TextOrJson.text,
    old_catalog: Annotated[
        Path | None,
        typer.Option("--catalog", hidden=True, help="Deprecated: give the catalog after the file."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(help="The page's address: its date and language edition are shown too."),
    ] = None,
) -> None:
    """Print every provenance signal the article's text holds, in line order."""
    import json

    from provenance.evidence import extract

    catalog = catalog_argument("evidence", path, catalog, old_catalog, "--catalog")
    from provenance.evidence.text import MAX_LINES, beyond_max_lines

    text = _read(path)
    outlets, people = _registries(catalog)
    try:
        evidence = extract(text, outlets, people)
    except MemoryError:
        # Extraction is linear in memory (about 15 bytes per byte of text, see
        # docs/performance.md), but a small enough limit (ulimit -v) still runs out: one
        # line, as for any input the tool cannot use, instead of a traceback.
        del text
        fail(f"{path}: out of memory while reading the text (is it an article?)")
    if beyond_max_lines(text):
        typer.echo(
            f"warning: {path}: more than {MAX_LINES:,} non-blank lines; only the first "
            f"{MAX_LINES:,} were read (no article is that long)",
            err=True,
        )
    from provenance.address import address_date, address_language

    address = {"date": address_date(url), "language": address_language(url)} if url else None
    if output_format is TextOrJson.json:
        document = evidence.model_dump(mode="json")
        if address is not None:
            document["address"] = address
        write(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        lines = [
            f"{path}:{span.line}:{span.column}: {kind}: {detail} {_quote(span.text)}"
            for span, kind, detail in signals(evidence)
        ]
        if evidence.language:
            language = evidence.language
            lines.append(f"{path}: language: {language.code} ({language.confidence:.2f})")
        if address is not None and address["date"]:
            lines.append(
                f"{url}: address-date: {address['date']} (where the page is filed; not taken "
                "as its publication date)"
            )
        if address is not None and address["language"]:
            lines.append(f"{url}: address-language: {address['language']}")
        write("\n".join(lines) + "\n")
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("evidence")(evidence_command)
