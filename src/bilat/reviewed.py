"""Machine output with the reviews applied: what the record is reconciled from.

A reviewer's judgement on an item row (`bilat.store.judgements`) changes the extraction the
record is built from, so every conclusion drawn from it changes too: a rejected figure leaves
its conflict (and the reason line that cited it) and the commitment judged by it; an edited
participant list re-clusters its event; a rejected actor leaves the participants, parties and
speakers of its document, and an actor renamed by a reviewer is renamed there too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from bilat.reconcile import SourcedExtraction
from bilat.records import Extraction
from bilat.store import Store
from bilat.store.judgements import ITEM_TYPES, Review, reviews

__all__ = ["Reviewed", "load_reviews_for_record"]

T = TypeVar("T")
_LISTS = frozenset({"participants", "parties"})


@dataclass(frozen=True, slots=True)
class Reviewed:
    """Row ids per (item type, document), in stored order, and the live review of each."""

    ids: Mapping[str, Mapping[int, Sequence[int]]]
    reviews: Mapping[str, Mapping[int, Review]]

    def source(self, sourced: SourcedExtraction) -> SourcedExtraction:
        """One document's sourced extraction under its reviews (`sourced` itself when no
        review is stored: its events keep their stored places, as `event_index` tells)."""
        if sourced.event_indices is None and not any(self.reviews.values()):
            return sourced
        ext, events = self.apply(sourced.doc_id, sourced.extraction)
        return replace(sourced, extraction=ext, event_indices=events)

    def apply(self, doc_id: int, ext: Extraction) -> tuple[Extraction, tuple[int, ...]]:
        """`ext` under its reviews, and the stored index of each event it keeps."""
        if not any(self.reviews.values()):
            return ext, tuple(range(len(ext.events)))
        actors = self._items("actors", doc_id, ext.actors)
        names = _renames(ext, actors)
        events = self._items("events", doc_id, ext.events)

        def kept(kind: str, items: Sequence[T]) -> tuple[T, ...]:
            return tuple(_rename(item, names) for _, item in self._items(kind, doc_id, items))

        out = replace(
            ext,
            actors=tuple(a for _, a in actors),
            events=tuple(_rename(e, names) for _, e in events),
            figures=kept("figures", ext.figures),
            agreements=kept("agreements", ext.agreements),
            commitments=kept("commitments", ext.commitments),
        )
        return out, tuple(i for i, _ in events)

    def _items(self, kind: str, doc_id: int, items: Sequence[T]) -> list[tuple[int, T]]:
        """(stored index, item as reviewed) of every item not rejected."""
        ids = self.ids.get(kind, {}).get(doc_id, ())
        revs = self.reviews.get(kind, {})
        out: list[tuple[int, T]] = []
        for i, item in enumerate(items):
            review = revs.get(ids[i]) if i < len(ids) else None
            if review is None or review.state == "accepted":
                out.append((i, item))
            elif review.state == "edited":
                out.append((i, _edited(item, review.payload)))
        return out


def _edited(item: T, payload: Mapping[str, Any]) -> T:
    fields = {k: tuple(v) if k in _LISTS else v for k, v in payload.items()}
    return replace(item, **fields)  # type: ignore[type-var]


def _renames(ext: Extraction, kept: list[tuple[int, Any]]) -> dict[str, str | None]:
    """Machine actor name -> its reviewed name (None: the actor was rejected)."""
    out: dict[str, str | None] = {a.name: None for a in ext.actors}
    for i, actor in kept:
        out[ext.actors[i].name] = actor.name
    return {old: new for old, new in out.items() if old != new}


def _rename(item: T, names: Mapping[str, str | None]) -> T:
    if not names:
        return item
    changes: dict[str, Any] = {}
    for key in ("participants", "parties"):
        value = getattr(item, key, None)
        if value is not None:
            renamed = tuple(names.get(n, n) for n in value)
            changes[key] = tuple(n for n in renamed if n is not None)
    said_by = getattr(item, "said_by", None)
    if isinstance(said_by, str) and said_by in names:
        changes["said_by"] = names[said_by]
    return replace(item, **changes) if changes else item  # type: ignore[type-var]


def load_reviews_for_record(store: Store) -> Reviewed:
    """Every live review and the row ids it refers to (one query per reviewed item type: the
    ids of a type nobody reviewed are not read, every row of it is kept as extracted)."""
    revs = {kind: reviews(store.db, kind) for kind in ITEM_TYPES}
    ids: dict[str, dict[int, list[int]]] = {}
    for kind in (k for k in ITEM_TYPES if revs[k]):
        per_doc: dict[int, list[int]] = {}
        for row in store.db.all(f"SELECT id, doc_id FROM {kind} ORDER BY doc_id, id"):
            per_doc.setdefault(int(row["doc_id"]), []).append(int(row["id"]))
        ids[kind] = per_doc
    return Reviewed(ids, revs)
