"""Keys into the record rows, written with the record, so a page reads only its own entries.

    Keys(db)                       collects the keys of entries as the writer stores them
    clusters_of(db, kind, ids)     item row id -> the position of the record entry holding it
    entry_named(db, kind, name)    the position of the canonical actor with that name (or None)
    names_at(db, pos)              an actor's names, normalised and as its members wrote them
    labels(db, kind, pair)         the entries' own names, in record order

`record_item_refs` maps each event mention (an `events` row) to its cluster's position in the
events part: a timeline page of 50 mentions reads 50 keys and their clusters, not the whole
part. `record_names` holds every normalised name of a canonical actor (its id, name and
aliases, as `bilat.queries.find_actor` compares them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.store.db import Database

__all__ = ["TABLES", "Keys", "clusters_of", "entry_named", "labels", "names_at"]

TABLES = ("record_item_refs", "record_names")
_RAW = "actors:raw"  # record_names rows of the names as written (participants are stored so)
_CHUNK = 500


class Keys:
    """The key rows of the entries written (`add`), inserted by `flush`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.refs: list[tuple[str, int, int]] = []
        self.names: list[tuple[str, str, int, str]] = []
        self._event_ids: dict[tuple[int, int], int] | None = None

    def _events(self) -> dict[tuple[int, int], int]:
        """(doc_id, i) -> the id of the document's i-th stored event (ids in order): what the
        record's mention ref "doc_id:e<i>" names."""
        if self._event_ids is None:
            seen: dict[int, int] = {}
            self._event_ids = {}
            for row in self.db.execute("SELECT id, doc_id FROM events ORDER BY doc_id, id"):
                doc = int(row[1])
                i = seen.get(doc, 0)
                seen[doc] = i + 1
                self._event_ids[(doc, i)] = int(row[0])
        return self._event_ids

    def add(self, kind: str, pos: int, item: dict[str, Any]) -> None:
        if kind == "events":
            ids = self._events()
            for m in item.get("mentions") or []:
                doc, _, i = str(m.get("ref") or "").partition(":e")
                if doc.isdigit() and i.isdigit() and (hit := ids.get((int(doc), int(i)))):
                    self.refs.append((kind, hit, pos))
        elif kind == "actors":
            names = (item.get("id"), item.get("name"), *(item.get("names") or []))
            label = str(item.get("name") or item.get("id"))
            for name in sorted({normalize(str(n)) for n in names if n}):
                self.names.append((kind, name, pos, label))
            raw = {str(n) for n in names[1:] if n}
            raw |= {str(m["name"]) for m in item.get("members") or [] if m.get("name")}
            self.names += [(_RAW, name, pos, label) for name in sorted(raw)]

    def flush(self) -> None:
        if self.refs:
            sql = "INSERT INTO record_item_refs (kind, item_id, pos) VALUES (?, ?, ?)"
            self.db.execute_many(sql, self.refs)
        if self.names:
            sql = "INSERT INTO record_names (kind, name, pos, label) VALUES (?, ?, ?, ?)"
            self.db.execute_many(sql, self.names)
        self.refs, self.names = [], []


def clusters_of(db: Database, kind: str, ids: Iterable[int]) -> dict[int, int]:
    """Item row id -> position of its record entry (rows of no entry are left out)."""
    wanted = sorted(set(ids))
    out: dict[int, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT item_id, pos FROM record_item_refs WHERE kind = ? AND item_id IN ({marks})"
        for row in db.execute(sql, [kind, *chunk]).fetchall():
            out[int(row[0])] = int(row[1])
    return out


def entry_named(db: Database, kind: str, name: str) -> int | None:
    """The first entry (in record order) one of whose names normalises like `name`."""
    pos = db.scalar(
        "SELECT MIN(pos) FROM record_names WHERE kind = ? AND name = ?", (kind, normalize(name))
    )
    return None if pos is None else int(pos)


def names_at(db: Database, pos: int) -> tuple[set[str], set[str]]:
    """(normalised names, names as written by its members) of the actor entry at `pos`."""
    rows = db.all(
        "SELECT kind, name FROM record_names WHERE kind IN ('actors', ?) AND pos = ?", (_RAW, pos)
    )
    return (
        {str(r["name"]) for r in rows if r["kind"] == "actors"},
        {str(r["name"]) for r in rows if r["kind"] == _RAW},
    )


def labels(db: Database, kind: str, pair: str | None = None) -> list[str]:
    """The own name of every actor entry, in record order; for `pair`, of its view (actors of
    its states or named by its entries, as `bilat.pairview.for_pair` keeps them)."""
    sql = "SELECT n.pos, MIN(n.label) AS label FROM record_names n"
    params: list[Any] = [kind]
    where = "n.kind = ?"
    if pair is not None:
        states = pair.split("-")
        sql += " JOIN record_items i ON i.kind = n.kind AND i.pos = n.pos"
        where += (
            " AND (i.country IN (?, ?) OR n.pos IN (SELECT pos FROM record_item_pairs "
            "WHERE kind = n.kind AND pair = ?))"
        )
        params += [states[0], states[-1], pair]
    rows = db.all(f"{sql} WHERE {where} GROUP BY n.pos ORDER BY n.pos", params)
    return [str(r["label"]) for r in rows]
