"""Signs in the text that it is a translation: stated ones in many languages, and the ones a
careful reader infers (parallel text, untranslated residue, machine-translation traces)."""

from __future__ import annotations

from provenance.evidence.model import TranslationSign
from provenance.evidence.registry import Context, extractor


@extractor("translations")
def translations(ctx: Context) -> tuple[TranslationSign, ...]:
    return ()
