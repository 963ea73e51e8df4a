"""What a stage of `reconcile.delta` gives: the entries of a part to remove and to add."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["PartDelta", "Stored", "diff", "row_id"]

T = TypeVar("T")
Stored = Callable[[Iterable[str]], Sequence[dict[str, Any]]]  # ids -> the stored entries


@dataclass(frozen=True, slots=True)
class PartDelta:
    """Entries of one part to remove (as they were) and to add (as they are now)."""

    removed: tuple[Any, ...] = ()
    added: tuple[Any, ...] = ()


def diff(old: Iterable[T], new: Iterable[T], key: Callable[[T], Any]) -> PartDelta:
    """Entries of `old` not in `new` as they were and of `new` not in `old` (an entry of the
    same `key`, unique in its part, that differs is in both)."""
    before, after = {key(x): x for x in old}, {key(x): x for x in new}
    return PartDelta(
        tuple(x for k, x in before.items() if after.get(k) != x),
        tuple(x for k, x in after.items() if before.get(k) != x),
    )


def row_id(row: dict[str, Any]) -> str:
    return str(row["id"])
