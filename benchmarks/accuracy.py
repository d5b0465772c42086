"""How well `provenance` reads real pages: the user's flow on a labelled corpus.

    python benchmarks/accuracy.py CORPUS.json [--explain] [--json FILE]
                                  [--baseline FILE] [--write-baseline FILE]

For each case of CORPUS (a list of labelled pages, as ``../shared/corpus/dev.json``): a
scratch copy of the bundled catalog (sources.json and its texts), the excerpt saved as a
page and added with its address (`provenance add PAGE --url ADDRESS --yes`), then
`provenance check`. The findings on the new article **and the entry that was written** are
mapped to the corpus flags (the mapping is in ``FLAG_SIGNS`` below and in
docs/accuracy.md), and each flag gets recall, precision and its true/false positives and
misses; clean pages ('none') count when they raise no translation, attribution or date flag.

``--explain`` lists each miss and each false alarm with what was proposed, what was found
and the evidence lines the tool read. ``--baseline FILE`` exits 1 when a figure falls
below the one committed in FILE (a ratchet: figures may only move up);
``--write-baseline FILE`` records the figures measured now.

This is a benchmark, not a test: it runs the code in this checkout.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.adding import add  # noqa: E402
from provenance.check import Invalid, run_check  # noqa: E402
from provenance.config import Config  # noqa: E402
from provenance.evidence import extract  # noqa: E402
from provenance.evidence.model import Evidence  # noqa: E402
from provenance.findings import Finding  # noqa: E402
from provenance.models import Article, Catalog, HopRelation  # noqa: E402
from provenance.proposal import Options  # noqa: E402

FLAGS = (
    "translation_chain",
    "attribution_mismatch",
    "uncredited_republication",
    "missing_date",
    "relative_date",
    "missing_author",
)
# The flags a clean page must not raise (missing_author is not a warning about the text).
WARNING_FLAGS = (
    "translation_chain",
    "attribution_mismatch",
    "uncredited_republication",
    "missing_date",
    "relative_date",
)


def _translated(article: Article) -> str | None:
    hops = [*article.chain, article.copy_held]
    if any(hop.relation == HopRelation.TRANSLATED for hop in hops):
        return "the entry has a translated hop"
    return None


def _hop_before(article: Article) -> str | None:
    """A hop before the copy that another outlet published (or an unknown one) and that the
    text credits, or names without a credit line: the text is given to someone other than
    the host. An edition of the host's own is not, nor a source the text hides (that is an
    uncredited copy), nor a hop only inferred to exist."""
    host = article.copy_held.publisher
    others = [
        hop
        for hop in article.chain
        if (hop.credited and (hop.publisher is None or hop.publisher != host))
        or (hop.credited is None and hop.publisher is not None and hop.publisher != host)
    ]
    if not others:
        return None
    return f"the entry has {len(others)} hop(s) before the copy from another outlet"


def _undated(article: Article) -> str | None:
    hops = [*article.chain, article.copy_held]
    return None if any(hop.date_published for hop in hops) else "no hop of the entry has a date"


def _authorless(article: Article) -> str | None:
    hops = [*article.chain, article.copy_held]
    return None if any(hop.author for hop in hops) else "no hop of the entry names an author"


@dataclass(frozen=True)
class Sign:
    """How a flag shows: finding codes that say it, or a test of the written entry."""

    codes: tuple[str, ...] = ()
    entry: Callable[[Article], str | None] | None = None


FLAG_SIGNS: dict[str, Sign] = {
    # T006 undeclared translation, T009 machine re-translation, T010 translation suggested
    "translation_chain": Sign(("T006", "T009", "T010"), _translated),
    # A001 credit outside the chain, A003 byline not the author, A007 garbled outlet name
    "attribution_mismatch": Sign(("A001", "A003", "A007"), _hop_before),
    "uncredited_republication": Sign(("A002",)),
    "missing_date": Sign((), _undated),
    # D005 the page stamps itself relatively, D006 the text dates itself only relatively
    "relative_date": Sign(("D005", "D006")),
    # A009 no author on the copy nor on any hop before it
    "missing_author": Sign(("A009",), _authorless),
}


@dataclass
class Outcome:
    case_id: str
    expected: frozenset[str]
    raised: dict[str, list[str]]  # flag -> why it was raised
    article: Article | None
    findings: list[Finding]
    evidence: Evidence | None
    error: str | None = None


def raised_flags(article: Article, findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Each flag the entry or the findings raise, with the reasons."""
    codes: dict[str, list[str]] = {}
    for finding in findings:
        codes.setdefault(finding.code, []).append(finding.message)
    raised: dict[str, list[str]] = {}
    for flag, sign in FLAG_SIGNS.items():
        reasons = [f"{code}: {codes[code][0]}" for code in sign.codes if code in codes]
        entry_reason = sign.entry(article) if sign.entry else None
        if entry_reason:
            reasons.append(entry_reason)
        if reasons:
            raised[flag] = reasons
    return raised


def _scratch_template(into: Path) -> Path:
    """The bundled catalog and its texts, copied once."""
    template = into / "template"
    template.mkdir()
    shutil.copy2(ROOT / "sources.json", template / "sources.json")
    shutil.copytree(ROOT / "seeds", template / "seeds")
    return template


def run_case(case: dict[str, Any], template: Path, work: Path) -> Outcome:
    folder = work / case["id"]
    shutil.copytree(template, folder)
    catalog_path = folder / "sources.json"
    page = folder / "page.txt"
    page.write_text(case["excerpt"], encoding="utf-8")
    expected = frozenset(f for f in case["expected_flags"] if f != "none")
    options = Options(url=case.get("address"), articles_folder="seeds")
    try:
        plan, written = add(catalog_path, page, options, confirm=lambda _plan: True)
    except Exception as error:  # a benchmark reports every failure and goes on
        return Outcome(case["id"], expected, {}, None, [], None, f"add: {error}")
    if not written:
        return Outcome(case["id"], expected, {}, plan.article, [], None, "add: not written")
    article = plan.article
    result = run_check(catalog_path, Config(), jobs=1, cache=None)
    if isinstance(result, Invalid):
        return Outcome(case["id"], expected, {}, article, [], None, "check: invalid catalog")
    findings = [f for f in result.findings if f.article == article.id]
    catalog = Catalog.model_validate_json(catalog_path.read_bytes())
    evidence = extract(case["excerpt"], catalog.outlets, catalog.people)
    return Outcome(
        case["id"], expected, raised_flags(article, findings), article, findings, evidence
    )


@dataclass
class Score:
    tp: list[str] = field(default_factory=list)
    fn: list[str] = field(default_factory=list)
    fp: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = len(self.tp) + len(self.fn)
        return len(self.tp) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.tp) + len(self.fp)
        return len(self.tp) / total if total else 1.0


def score(outcomes: Sequence[Outcome]) -> tuple[dict[str, Score], int, int]:
    """Per flag scores; clean pages that raise no warning flag, and clean pages in all."""
    scores = {flag: Score() for flag in FLAGS}
    clean_pass = clean_total = 0
    for outcome in outcomes:
        for flag in FLAGS:
            hit, wanted = flag in outcome.raised, flag in outcome.expected
            if hit and wanted:
                scores[flag].tp.append(outcome.case_id)
            elif wanted:
                scores[flag].fn.append(outcome.case_id)
            elif hit:
                scores[flag].fp.append(outcome.case_id)
        if not outcome.expected:
            clean_total += 1
            clean_pass += not any(flag in outcome.raised for flag in WARNING_FLAGS)
    return scores, clean_pass, clean_total


def figures(scores: dict[str, Score], clean_pass: int) -> dict[str, float]:
    result: dict[str, float] = {}
    for flag, flag_score in scores.items():
        result[f"{flag}.recall"] = round(flag_score.recall, 3)
        result[f"{flag}.precision"] = round(flag_score.precision, 3)
    result["clean_pages_passing"] = clean_pass
    return result


def table(scores: dict[str, Score], clean_pass: int, clean_total: int) -> str:
    lines = [
        "| flag | recall | precision | tp | fn | fp |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for flag, s in scores.items():
        lines.append(
            f"| {flag} | {s.recall:.2f} ({len(s.tp)}/{len(s.tp) + len(s.fn)}) | "
            f"{s.precision:.2f} | {len(s.tp)} | {len(s.fn)} | {len(s.fp)} |"
        )
    lines.append(f"\nClean pages raising no translation, attribution or date flag: "
                 f"{clean_pass}/{clean_total}")  # fmt: skip
    return "\n".join(lines)


def _entry_summary(article: Article | None) -> list[str]:
    if article is None:
        return ["  (no entry)"]
    lines = []
    for index, hop in enumerate([*article.chain, article.copy_held]):
        label = "copy" if index == len(article.chain) else f"chain[{index}]"
        lines.append(
            f"  {label}: {hop.relation} publisher={hop.publisher} author={hop.author} "
            f"translator={hop.translator} lang={hop.in_language} date={hop.date_published}"
        )
    return lines


def _evidence_summary(evidence: Evidence | None) -> list[str]:
    if evidence is None:
        return []
    lines: list[str] = []
    for byline in evidence.bylines:
        lines.append(f"  byline L{byline.span.line}: {byline.span.text!r} -> {byline.names}")
    for contributor in evidence.contributors:
        lines.append(
            f"  {contributor.role} L{contributor.span.line}: {contributor.span.text!r} "
            f"-> {contributor.names}"
        )
    for stamp in evidence.stamps:
        lines.append(
            f"  stamp L{stamp.span.line} ({stamp.label}): {stamp.span.text!r} -> "
            f"{'relative' if stamp.relative else stamp.value}"
        )
    for credit in evidence.credits:
        lines.append(
            f"  credit L{credit.span.line} ({credit.kind}): {credit.span.text[:100]!r} -> "
            f"{credit.target!r}"
        )
    for mention in evidence.dates[:6]:
        lines.append(
            f"  date L{mention.span.line} ({mention.kind}{', dateline' * mention.dateline}): "
            f"{mention.span.text!r} -> {mention.value}"
        )
    if evidence.language:
        lines.append(f"  language: {evidence.language.code} ({evidence.language.confidence:.2f})")
    return lines


def explain(outcomes: Sequence[Outcome]) -> str:
    out: list[str] = []
    for outcome in outcomes:
        misses = sorted(outcome.expected - set(outcome.raised))
        alarms = sorted(set(outcome.raised) - outcome.expected)
        if not misses and not alarms and outcome.error is None:
            continue
        out.append(f"== {outcome.case_id}")
        if outcome.error:
            out.append(f"  error: {outcome.error}")
        for flag in misses:
            out.append(f"  MISS {flag}")
        for flag in alarms:
            out.append(f"  FALSE {flag}: {'; '.join(outcome.raised[flag])}")
        out.extend(_entry_summary(outcome.article))
        for finding in outcome.findings:
            out.append(f"  finding {finding.code} {finding.name}: {finding.message[:140]}")
        out.extend(_evidence_summary(outcome.evidence))
    return "\n".join(out)


def below_baseline(measured: dict[str, float], baseline: dict[str, float]) -> list[str]:
    return [
        f"{name}: {measured.get(name, 0.0)} < baseline {value}"
        for name, value in sorted(baseline.items())
        if measured.get(name, 0.0) + 1e-9 < value
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--explain", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", type=Path, help="write the figures and outcomes as JSON")
    parser.add_argument("--baseline", type=Path, help="fail when a figure falls below these")
    parser.add_argument("--write-baseline", type=Path, help="record the figures measured now")
    args = parser.parse_args(argv)
    cases = json.loads(args.corpus.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="provenance-accuracy-") as temporary:
        work = Path(temporary)
        template = _scratch_template(work)
        outcomes = [run_case(case, template, work) for case in cases]
    scores, clean_pass, clean_total = score(outcomes)
    measured = figures(scores, clean_pass)
    print(f"{len(cases)} cases from {args.corpus}\n")
    print(table(scores, clean_pass, clean_total))
    errors = [o for o in outcomes if o.error]
    if errors:
        print(f"\n{len(errors)} case(s) failed: " + ", ".join(o.case_id for o in errors))
    if args.explain:
        print("\n" + explain(outcomes))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "figures": measured,
                    "cases": {
                        o.case_id: {"expected": sorted(o.expected), "raised": o.raised}
                        for o in outcomes
                    },
                },
                indent=2,
                sort_keys=True,
            )
            + "\n",
            encoding="utf-8",
        )
    if args.write_baseline:
        args.write_baseline.write_text(json.dumps(measured, indent=2, sort_keys=True) + "\n")
    if args.baseline:
        failed = below_baseline(measured, json.loads(args.baseline.read_text()))
        if failed:
            print("\naccuracy fell below the committed baseline:\n  " + "\n  ".join(failed))
            return 1
        print(f"\nno figure below the baseline in {args.baseline}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
