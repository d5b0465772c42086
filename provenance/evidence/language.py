"""The language of the body, from py3langid (offline, deterministic), with a 0..1 confidence."""

from __future__ import annotations

from functools import cache
from typing import Any

from provenance.evidence.model import Language
from provenance.evidence.registry import Context, extractor

SAMPLE_CHARS = 1_500  # a sure guess on prose; detection time grows with the sample


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Language | None:
    """The language of ``text`` and how sure the detector is; None for text with no letters."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    code, probability = _identifier().classify(sample)
    return Language(code=str(code), confidence=round(float(probability), 4))


@extractor("language")
def language(ctx: Context) -> Language | None:
    skip = {hit.line.number for hit in ctx.get("residue_base")}
    parts: list[str] = []
    size = 0
    for line in ctx.source.content:
        if line.number in skip:
            continue
        parts.append(line.text)
        size += len(line.text) + 1
        if size >= SAMPLE_CHARS:
            break
    return detect("\n".join(parts))
