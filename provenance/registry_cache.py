"""Structures built once per registry (the catalog's outlets or people) and reused.

Extractors and ``Catalog.outlet`` ask for the same index article after article; the cache
recognises a registry by the identity of its entries, never by hashing their contents.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Structures built from a registry (spelling maps, outlet indexes), keyed by the identity of
# the registry's entries. The entries are frozen models and the cache holds them, so an id
# cannot be reused while its entry is cached; computing the key is a few microseconds where
# rebuilding a structure costs a millisecond per article.
_PER_REGISTRY: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
_PER_REGISTRY_SIZE = 16


_LAST_KEY: list[tuple[Sequence[Any], int]] = []
# The entries' ids -> a small token, and the entries themselves, held so that no id can be
# reused while its token is in use. A token hashes in constant time, where a tuple of
# 15,000 ids is hashed anew at every lookup.
_TOKENS: dict[tuple[int, ...], tuple[int, tuple[Any, ...]]] = {}
_TOKENS_SIZE = 16
_next_token = 0


def _key_of(items: Sequence[Any]) -> int:
    # A run asks many times with one sequence: its token is remembered by identity (the
    # sequence is held here, so its id cannot be reused meanwhile).
    global _next_token
    for seen, token in _LAST_KEY:
        if seen is items:
            return token
    ids = tuple(map(id, items))
    known = _TOKENS.get(ids)
    if known is None:
        if len(_TOKENS) >= _TOKENS_SIZE:
            del _TOKENS[next(iter(_TOKENS))]
        known = (_next_token, tuple(items))
        _next_token += 1
        _TOKENS[ids] = known
    _LAST_KEY[:] = [(items, known[0]), *_LAST_KEY[:3]]
    return known[0]


def per_registry(items: Sequence[T], build: Callable[[tuple[T, ...]], R]) -> R:
    """``build(items)``, computed once per registry (the same entries, in the same order)."""
    key = (build, _key_of(items))
    hit = _PER_REGISTRY.get(key)
    if hit is not None:
        result: R = hit[1]
        return result
    kept = tuple(items)
    value = build(kept)
    if len(_PER_REGISTRY) >= _PER_REGISTRY_SIZE:
        del _PER_REGISTRY[next(iter(_PER_REGISTRY))]  # the oldest
    _PER_REGISTRY[key] = (kept, value)
    return value
