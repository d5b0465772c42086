"""The language of the body, from py3langid (offline, deterministic), with a 0..1 confidence."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from provenance.evidence.model import Language
from provenance.evidence.registry import Context, extractor

SAMPLE_CHARS = 1_500  # a sure guess on prose; detection time grows with the sample
# Below this many bytes py3langid's own walk is cheaper than setting up the arrays.
VECTOR_MIN_BYTES = 64
# The model's automaton settles within (longest feature + 1) rounds; more means something
# unexpected, and the exact sequential walk takes over.
MAX_ROUNDS = 16


class _Identifier(LanguageIdentifier):  # type: ignore[misc]
    """py3langid with its feature walk and scoring done in numpy: the same features, counts
    and order, and the same arithmetic, so the same scores, several times faster.

    The walk reads bytes through a deterministic automaton (Aho-Corasick style: the state
    after byte i is the longest feature prefix ending at i). Instead of one Python step per
    byte, every position is advanced together, a round at a time: after k rounds position i
    holds the state reached from the start state over the k bytes ending at i (the first two
    rounds come from one table of byte pairs). Once a round changes nothing, no later round
    can (each round only reads the previous one), so the states are those of the full walk."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._moves = np.frombuffer(self.tk_nextmove, dtype=np.uint32)
        self._bases = np.asarray(self._rowbase, dtype=np.intp)
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        self._cast: Any = None
        self._ready: Any = None
        letters = np.arange(256, dtype=np.intp)
        self._first = self._moves[self._bases[0] + letters]  # after one byte
        # after two bytes, indexed by (first << 8 | second)
        self._pairs = self._moves[self._bases[self._first][:, None] + letters].ravel()

    def _visits(self, data: bytes) -> tuple[Any, Any] | None:
        """(features, counts) in first-seen order, as py3langid's Counter holds them; None
        when the walk does not settle."""
        letters = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        states = np.empty(len(letters), dtype=np.uint32)
        states[0] = self._first[letters[0]]
        states[1:] = self._pairs[(letters[:-1] << 8) | letters[1:]]
        previous = np.zeros(len(letters), dtype=np.uint32)
        for _ in range(MAX_ROUNDS):
            previous[1:] = states[:-1]
            advanced = self._moves[self._bases[previous] + letters]
            if np.array_equal(advanced, states):
                break
            states = advanced
        else:
            return None
        features = self._outputs[states]
        features = features[features >= 0]
        # Group equal features, then list the groups in order of first occurrence, as a
        # Counter would. The sort need not be stable (a stable one costs twice as much): each
        # group's first occurrence is its smallest original position. Positions are distinct,
        # so ordering the groups by them is the same whichever sort does it.
        order = np.argsort(features)
        grouped = features[order]
        new = np.empty(len(grouped), dtype=bool)
        new[:1] = True
        np.not_equal(grouped[1:], grouped[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        counts = np.diff(starts, append=len(grouped))
        seen = np.argsort(np.minimum.reduceat(order, starts))
        return grouped[starts][seen], counts[seen]

    def _raw_score(self, text: bytes) -> Any:
        visits = self._visits(text) if len(text) >= VECTOR_MIN_BYTES else None
        if visits is None or not len(visits[0]):
            # short, unsettled, or without a feature: py3langid decides as it does
            return super()._raw_score(text)
        features, counts = visits
        # py3langid's _sparse_score on the same features and counts, with the rows cast
        # before the product: numpy casts a float16 operand of ``@`` to float32 anyway, but
        # through a much slower path.
        weights = np.log1p(counts.astype(np.float32))
        return weights @ self._rows(features, np.result_type(weights, self.nb_ptc)) + self.nb_pc

    def _rows(self, features: Any, dtype: Any) -> Any:
        """Rows of the model's table as ``dtype``. Casting float16 rows costs more than all
        the rest of a detection, so each row is cast once, when first needed, into a table
        whose untouched pages the system never allocates."""
        if self.nb_ptc.dtype == dtype:
            return self.nb_ptc[features]
        if self._cast is None or self._cast.dtype != dtype:
            self._cast = np.zeros(self.nb_ptc.shape, dtype=dtype)
            self._ready = np.zeros(len(self.nb_ptc), dtype=bool)
        missing = features[~self._ready[features]]
        if len(missing):
            self._cast[missing] = self.nb_ptc[missing]
            self._ready[missing] = True
        return self._cast[features]


@cache
def _identifier() -> Any:
    return _Identifier.from_model_file(MODEL_FILE, norm_probs=True)


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
