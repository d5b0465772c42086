"""Pickling small frozen records as constructor calls.

Worker processes send each article's findings and reuse material back to the main process,
hundreds of thousands of small objects for a large catalog. Python's default for frozen
slotted dataclasses looks the fields up again for every object it restores; a constructor
call with the field values in order costs a third less, and half for plain dataclasses.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def as_constructor_call(instance: T) -> tuple[type[T], tuple[Any, ...]]:
    """``__reduce__`` for a dataclass whose fields are all positional (``__match_args__``)."""
    cls = type(instance)
    return cls, tuple(getattr(instance, name) for name in cls.__match_args__)  # type: ignore[attr-defined]
