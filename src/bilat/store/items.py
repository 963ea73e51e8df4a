"""Extracted items: stored per document, replaced whole when the extractor re-runs."""

from __future__ import annotations

import json
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

__all__ = ["ITEM_TABLES", "delete_items", "load_extraction", "save_extraction"]

ITEM_TABLES = ("events", "figures", "agreements", "commitments")
_EVIDENCE = ("start_pos", "end_pos", "quote")
_WITH_PARTIES = ("agreements", "commitments")  # their parties are indexed (item_parties)


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


def _load_actors(db: Database, doc_id: int, with_mentions: bool) -> tuple[Actor, ...]:
    mentions: dict[int, list[Evidence]] = {}
    sql = "SELECT * FROM mentions WHERE doc_id = ? ORDER BY start_pos"
    for m in db.all(sql, (doc_id,)) if with_mentions else ():
        mentions.setdefault(int(m["actor_id"]), []).append(_row_evidence(m))
    return tuple(
        Actor(
            name=r["name"],
            type=r["type"],
            country=r["country"],
            role=r["role"],
            aliases=tuple(json.loads(r["aliases"])),
            gid=r["gid"],
            mentions=tuple(mentions.get(int(r["id"]), ())),
        )
        for r in db.all("SELECT * FROM actors WHERE doc_id = ? ORDER BY id", (doc_id,))
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
    doc = db.one(
        "SELECT name, published, extractor_version, pair FROM documents WHERE id = ?", (doc_id,)
    )
    if doc is None or doc["extractor_version"] is None:
        return None

    def rows(table: str) -> list[dict[str, Any]]:
        return db.all(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY id", (doc_id,))

    return Extraction(
        doc_name=doc["name"],
        published=doc["published"],
        extractor_version=doc["extractor_version"],
        actors=_load_actors(db, doc_id, mentions),
        events=tuple(Event(**_fields(r, Event, ("participants",))) for r in rows("events")),
        figures=tuple(Figure(**_fields(r, Figure, ())) for r in rows("figures")),
        agreements=tuple(
            Agreement(**_fields(r, Agreement, ("parties",))) for r in rows("agreements")
        ),
        commitments=tuple(
            Commitment(**_fields(r, Commitment, ("parties",))) for r in rows("commitments")
        ),
        pair=_pair(doc["pair"]),
    )


def _pair(text: str | None) -> tuple[str, str] | None:
    codes = (text or "").split("-")
    return (codes[0], codes[1]) if len(codes) == 2 else None
