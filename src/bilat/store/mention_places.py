"""Where the stored event mentions are, read for the mentions an update reaches.

    event_places(db, event_ids) -> {event_id: position}
    mention_places(db, refs) -> {ref: position}

A mention ref is "doc_id:e<i>", the document's i-th stored event (in id order); an event
entry (a cluster) is known by its position in the record. Given some events or mentions,
the answer is every one of the entries holding them, with its entry's position: index
reads of `record_item_refs` (by its key, kind and item id, then by `record_item_refs_pos`)
and, for refs, of `events_doc_id`, so an update's events replay reads the clusters it
reaches, not where every mention of the store is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from bilat.store.db import Database
from bilat.store.items import chunks

__all__ = ["event_places", "mention_places", "positions_holding"]

_CHUNK = 500


def _refs(db: Database, docs: Iterable[int]) -> dict[int, str]:
    """Event id -> mention ref of every event of these documents (its place among the
    document's events in id order)."""
    out: dict[int, str] = {}
    for part in chunks(sorted(set(docs)), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT doc_id, id FROM events WHERE doc_id IN ({marks}) ORDER BY doc_id, id"
        last, i = None, 0
        for doc, event_id in db.execute(sql, part).fetchall():
            i, last = (i + 1 if doc == last else 0), doc
            out[int(event_id)] = f"{int(doc)}:e{i}"
    return out


def _positions(db: Database, ids: Collection[int]) -> set[int]:
    """The positions of the event entries holding these events (by id), each once."""
    positions: set[int] = set()
    for part in chunks(sorted(set(ids)), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT pos FROM record_item_refs WHERE kind = 'events' AND item_id IN ({marks})"
        positions.update(int(r[0]) for r in db.execute(sql, part).fetchall())
    return positions


def positions_holding(db: Database, refs: Collection[str]) -> set[int]:
    """The positions of the event entries holding these mentions (by ref)."""
    wanted = set(refs)
    docs = {int(r.partition(":e")[0]) for r in wanted}
    return _positions(db, [i for i, ref in _refs(db, docs).items() if ref in wanted])


def event_places(db: Database, ids: Collection[int]) -> dict[int, int]:
    """Every event of the event entries holding one of these events (by id) -> its entry's
    position (an event of a document added since the record was written is in none). The
    entries' positions first, each once however many of its events are asked, then their
    rows: two plain index look-ups (a join or a sub-select may be planned as a scan)."""
    positions = _positions(db, ids)
    out: dict[int, int] = {}
    for part in chunks(sorted(positions), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = (
            f"SELECT item_id, pos FROM record_item_refs WHERE kind = 'events' AND pos IN ({marks})"
        )
        out.update((int(i), int(pos)) for i, pos in db.execute(sql, part).fetchall())
    return out


def mention_places(db: Database, refs: Collection[str]) -> dict[str, int]:
    """`event_places` of mentions known by ref: every mention of the event entries holding
    one of `refs` -> its entry's position."""
    wanted = set(refs)
    docs = {int(r.partition(":e")[0]) for r in wanted}
    held = event_places(db, [i for i, ref in _refs(db, docs).items() if ref in wanted])
    docs = set()
    for part in chunks(sorted(held), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT DISTINCT doc_id FROM events WHERE id IN ({marks})"
        docs.update(int(r[0]) for r in db.execute(sql, part).fetchall())
    return {ref: held[i] for i, ref in _refs(db, docs).items() if i in held}
