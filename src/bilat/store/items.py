"""Extracted items: stored per document, replaced whole when the extractor re-runs."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from bilat.records import (
    Actor,
    Agreement,
    Commitment,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store.db import Database

__all__ = [
    "ITEM_TABLES",
    "delete_items",
    "load_extraction",
    "load_extractions",
    "save_extraction",
]

ITEM_TABLES = ("events", "figures", "agreements", "commitments")
_EVIDENCE = ("start_pos", "end_pos", "quote")
_WITH_PARTIES = ("agreements", "commitments")  # their parties are indexed (item_parties)
_CHUNK = 500  # documents read per query by load_extractions


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"start_pos": ev.start, "end_pos": ev.end, "quote": ev.quote}


def _row_evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(int(row["start_pos"]), int(row["end_pos"]), row["quote"])


def delete_items(db: Database, doc_id: int) -> None:
    db.execute(
        "DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)",
        (doc_id,),
    )
    for table in _WITH_PARTIES:
        db.execute(
            f"DELETE FROM item_parties WHERE kind = ? AND item_id IN "
            f"(SELECT id FROM {table} WHERE doc_id = ?)",
            (table, doc_id),
        )
    for table in ("mentions", *ITEM_TABLES, "actors"):
        db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def _save_actor(db: Database, doc_id: int, actor: Actor, version: str) -> None:
    actor_id = db.insert(
        "actors",
        {
            "doc_id": doc_id,
            "name": actor.name,
            "type": actor.type,
            "country": actor.country,
            "role": actor.role,
            "aliases": json.dumps(list(actor.aliases), ensure_ascii=False),
            "gid": actor.gid,
            "extractor_version": version,
        },
    )
    for m in actor.mentions:
        db.insert("mentions", {"doc_id": doc_id, "actor_id": actor_id, **_evidence(m)})


def _save_event(db: Database, doc_id: int, ev: Event, version: str) -> None:
    event_id = db.insert(
        "events",
        {
            "doc_id": doc_id,
            "type": ev.type,
            "mode": ev.mode,
            "status": ev.status,
            "participants": json.dumps(list(ev.participants), ensure_ascii=False),
            "date": ev.date,
            "date_end": ev.date_end,
            "place": ev.place,
            **_evidence(ev.evidence),
            "extractor_version": version,
        },
    )
    for name in dict.fromkeys(ev.participants):
        db.execute(
            "INSERT INTO event_participants (event_id, name) VALUES (?, ?)", (event_id, name)
        )


def _plain(item: Any, skip: tuple[str, ...] = ("evidence",)) -> dict[str, Any]:
    out = {}
    for name in item.__slots__:
        if name in skip:
            continue
        value = getattr(item, name)
        out[name] = (
            json.dumps(list(value), ensure_ascii=False) if isinstance(value, tuple) else value
        )
    return out


def save_extraction(db: Database, doc_id: int, extraction: Extraction) -> None:
    """Replace the items of `doc_id` with `extraction` (caller holds the transaction)."""
    delete_items(db, doc_id)
    version = extraction.extractor_version
    for actor in extraction.actors:
        _save_actor(db, doc_id, actor, version)
    for event in extraction.events:
        _save_event(db, doc_id, event, version)
    for table, items in (
        ("figures", extraction.figures),
        ("agreements", extraction.agreements),
        ("commitments", extraction.commitments),
    ):
        for item in items:
            item_id = db.insert(
                table,
                {
                    "doc_id": doc_id,
                    **_plain(item),
                    **_evidence(item.evidence),
                    "extractor_version": version,
                },
            )
            if isinstance(item, Agreement | Commitment):
                db.execute_many(
                    "INSERT INTO item_parties (kind, name, item_id) VALUES (?, ?, ?)",
                    [(table, name, item_id) for name in dict.fromkeys(item.parties)],
                )
    pair = "-".join(extraction.pair) if extraction.pair else None
    db.execute(
        "UPDATE documents SET extractor_version = ?, pair = ? WHERE id = ?", (version, pair, doc_id)
    )


def _actors(rows: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> tuple[Actor, ...]:
    """A document's actors (`rows`, in id order) with their `mentions` (in text order)."""
    spans: dict[int, list[Evidence]] = {}
    for m in mentions:
        spans.setdefault(int(m["actor_id"]), []).append(_row_evidence(m))
    return tuple(
        Actor(
            name=r["name"],
            type=r["type"],
            country=r["country"],
            role=r["role"],
            aliases=tuple(json.loads(r["aliases"])),
            gid=r["gid"],
            mentions=tuple(spans.get(int(r["id"]), ())),
        )
        for r in rows
    )


def _fields(row: dict[str, Any], cls: type, lists: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in cls.__slots__:  # type: ignore[attr-defined]
        if name == "evidence":
            out[name] = _row_evidence(row)
        elif name in lists:
            out[name] = tuple(json.loads(row[name]))
        else:
            out[name] = row[name]
    return out


def load_extraction(db: Database, doc_id: int, *, mentions: bool = True) -> Extraction | None:
    """The stored extraction of `doc_id` (None: never extracted); without the actors'
    `mentions` when `mentions` is False (the record does not use them)."""
    return next((ext for _, ext in load_extractions(db, [doc_id], mentions=mentions)), None)


def load_extractions(
    db: Database, doc_ids: Sequence[int], *, mentions: bool = True
) -> Iterator[tuple[int, Extraction]]:
    """(document id, stored extraction) of each extracted document of `doc_ids`, in their
    order, as `load_extraction` gives it; read _CHUNK documents at a time (one query per
    table and chunk, not one per table and document)."""
    for i in range(0, len(doc_ids), _CHUNK):
        yield from _load_chunk(db, list(doc_ids[i : i + _CHUNK]), mentions)


def _load_chunk(db: Database, chunk: list[int], mentions: bool) -> Iterator[tuple[int, Extraction]]:
    marks = ", ".join("?" for _ in chunk)
    docs = {
        int(r["id"]): r
        for r in db.all(
            "SELECT id, name, published, extractor_version, pair FROM documents "
            f"WHERE id IN ({marks})",
            chunk,
        )
    }
    tables = {t: _rows_by_doc(db, t, chunk) for t in ("actors", *ITEM_TABLES)}
    spans = _rows_by_doc(db, "mentions", chunk, "start_pos, id") if mentions else {}
    for doc_id in chunk:
        doc = docs.get(doc_id)
        if doc is not None and doc["extractor_version"] is not None:
            of = {t: by_doc.get(doc_id, []) for t, by_doc in tables.items()}
            yield doc_id, _extraction(doc, of, spans.get(doc_id, []))


def _rows_by_doc(
    db: Database, table: str, doc_ids: list[int], order: str = "id"
) -> dict[int, list[dict[str, Any]]]:
    """The rows of `table` of these documents, per document, in `order`."""
    out: dict[int, list[dict[str, Any]]] = {}
    marks = ", ".join("?" for _ in doc_ids)
    sql = f"SELECT * FROM {table} WHERE doc_id IN ({marks}) ORDER BY doc_id, {order}"
    for r in db.all(sql, doc_ids):
        out.setdefault(int(r["doc_id"]), []).append(r)
    return out


def _extraction(
    doc: dict[str, Any], rows: dict[str, list[dict[str, Any]]], mentions: list[dict[str, Any]]
) -> Extraction:
    return Extraction(
        doc_name=doc["name"],
        published=doc["published"],
        extractor_version=doc["extractor_version"],
        actors=_actors(rows["actors"], mentions),
        events=tuple(Event(**_fields(r, Event, ("participants",))) for r in rows["events"]),
        figures=tuple(Figure(**_fields(r, Figure, ())) for r in rows["figures"]),
        agreements=tuple(
            Agreement(**_fields(r, Agreement, ("parties",))) for r in rows["agreements"]
        ),
        commitments=tuple(
            Commitment(**_fields(r, Commitment, ("parties",))) for r in rows["commitments"]
        ),
        pair=_pair(doc["pair"]),
    )


def _pair(text: str | None) -> tuple[str, str] | None:
    codes = (text or "").split("-")
    return (codes[0], codes[1]) if len(codes) == 2 else None
