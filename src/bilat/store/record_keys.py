"""Keys into the record rows, written with the record, so a page reads only its own entries.

    Keys(db)                          collects the keys of entries as the writer stores them
    clusters_of(db, kind, ids, pair)  item row id -> position of the record entry holding it
    entry_named(db, kind, name, pair) the position of the canonical actor with that name
    names_at(db, pos)                 an actor's names, normalised and as its members wrote
    labels(db, kind, pair)            the entries' own names, in record order
    item_counts(db, kind)             current item rows per kind (figures: per flow, pair)
    mention_count(db, pair)           event mentions in the clusters of a pair's view
    summary_at(db, kind, pos)         an actor entry without its members (names, roles, ...)
    rewrite(db)                       every key again from the stored entries (after a patch)

`record_item_refs` maps each event mention (an `events` row) to its cluster's position in the
events part, each figure row to the conflict its claim is in, and each agreement or
commitment row to the history or status citing it: a timeline page of 50 mentions reads 50
keys and their clusters, not the whole part; a permalink reads one. `record_names` holds every
normalised name of a canonical actor (its id, name and aliases, as
`bilat.queries.find_actor` compares them) and the names as its members wrote them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.store import figure_groups
from bilat.store.db import Database

__all__ = [
    "TABLES",
    "Keys",
    "actor_summary",
    "clusters_of",
    "entry_named",
    "item_counts",
    "labels",
    "mention_count",
    "names_at",
    "rewrite",
    "summary_at",
]

TABLES = (
    "record_item_refs",
    "record_names",
    "record_item_counts",
    "record_summaries",
    "record_figure_groups",
)
_ITEMS = ("events", "figures", "agreements", "commitments", "actors")
_EVERY = "*"  # the mention count of every pair's clusters together
_RAW = "actors:raw"  # record_names rows of the names as written (participants are stored so)
_CHUNK = 500
_STATEMENTS = {"agreements": "entries", "commitments": "sources"}  # the list citing the rows


class Keys:
    """The key rows of the entries written (`add`), inserted by `flush`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.refs: list[tuple[str, int, int]] = []
        self.names: list[tuple[str, str, int, str]] = []
        self.summaries: list[tuple[str, int, str]] = []
        self._event_ids: dict[tuple[int, int], int] | None = None
        self._figure_ids: dict[tuple[int, int, int, float], list[int]] | None = None
        self._statement_ids: dict[str, dict[tuple[int, str], list[int]]] = {}
        self._seen: set[tuple[str, int]] = set()
        self.mentions = 0  # event mention keys written

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

    def _figures(self) -> dict[tuple[int, int, int, float], list[int]]:
        """(doc_id, start, end, value) -> ids of the figure rows of that claim (the key
        `bilat.serve.record.figure_claim_key` matches claims by)."""
        if self._figure_ids is None:
            self._figure_ids = {}
            sql = "SELECT id, doc_id, start_pos, end_pos, value FROM figures"
            for row in self.db.execute(sql):
                key = (int(row[1]), int(row[2]), int(row[3]), float(row[4] or 0))
                self._figure_ids.setdefault(key, []).append(int(row[0]))
        return self._figure_ids

    def _statements(self, kind: str) -> dict[tuple[int, str], list[int]]:
        """(doc_id, quote) -> ids of the agreement or commitment rows stating it (the key
        `bilat.serve.record` matches a history's entries and a status's sources by)."""
        if kind not in self._statement_ids:
            found: dict[tuple[int, str], list[int]] = {}
            for row in self.db.execute(f"SELECT id, doc_id, quote FROM {kind}"):
                found.setdefault((int(row[1]), str(row[2])), []).append(int(row[0]))
            self._statement_ids[kind] = found
        return self._statement_ids[kind]

    def _ref(self, kind: str, item_id: int, pos: int) -> None:
        if (kind, item_id) not in self._seen:
            self._seen.add((kind, item_id))
            self.refs.append((kind, item_id, pos))

    def add(self, kind: str, pos: int, item: dict[str, Any]) -> None:
        if kind == "events":
            ids = self._events()
            for m in item.get("mentions") or []:
                doc, _, i = str(m.get("ref") or "").partition(":e")
                if doc.isdigit() and i.isdigit() and (hit := ids.get((int(doc), int(i)))):
                    self._ref(kind, hit, pos)
        elif kind in _STATEMENTS:
            rows = self._statements(kind)
            for e in item.get(_STATEMENTS[kind]) or []:
                for row_id in rows.get((int(e.get("doc_id") or 0), str(e.get("quote") or "")), ()):
                    self._ref(kind, row_id, pos)
        elif kind == "conflicts":
            figures = self._figures()
            for cl in item.get("claims") or []:
                key = (
                    int(cl.get("doc_id") or 0),
                    int(cl.get("start") or 0),
                    int(cl.get("end") or 0),
                    float(cl.get("value") or 0),
                )
                for figure_id in figures.get(key, ()):
                    self._ref(kind, figure_id, pos)
        elif kind == "actors":
            names = (item.get("id"), item.get("name"), *(item.get("names") or []))
            label = str(item.get("name") or item.get("id"))
            for name in sorted({normalize(str(n)) for n in names if n}):
                self.names.append((kind, name, pos, label))
            self.summaries.append(
                (
                    kind,
                    pos,
                    json.dumps(actor_summary(item, item.get("members") or []), ensure_ascii=False),
                )
            )
            raw = {str(n) for n in names[1:] if n}
            raw |= {str(m["name"]) for m in item.get("members") or [] if m.get("name")}
            self.names += [(_RAW, name, pos, label) for name in sorted(raw)]

    def finish(self) -> None:
        """Count the current documents' item rows (figures per flow and document pair, and per
        `figure_groups` group)."""
        self.flush()
        current = "JOIN documents d ON d.id = i.doc_id WHERE d.is_current = 1 AND d.status = 'ok'"
        for kind in _ITEMS:
            if kind == "figures":
                sql = (
                    "SELECT COALESCE(i.flow, '') AS flow, COALESCE(d.pair, '') AS doc_pair, "
                    f"COUNT(*) AS n FROM figures i {current} "
                    "GROUP BY COALESCE(i.flow, ''), COALESCE(d.pair, '')"
                )
            else:
                sql = f"SELECT '' AS flow, '' AS doc_pair, COUNT(*) AS n FROM {kind} i {current}"
            rows = [(kind, r["flow"], r["doc_pair"], int(r["n"])) for r in self.db.all(sql)]
            self._counts(rows)
        mentions = self.db.all(
            "SELECT p.pair, COUNT(*) AS n FROM record_item_pairs p JOIN record_item_refs r "
            "ON r.kind = p.kind AND r.pos = p.pos WHERE p.kind = 'events' GROUP BY p.pair"
        )
        self._counts(
            [("mentions", str(r["pair"]), "", int(r["n"])) for r in mentions]
            + [("mentions", _EVERY, "", self.mentions)]
        )
        figure_groups.count(self.db)  # the figures page's groups (after the conflict refs)

    def _counts(self, rows: list[tuple[str, str, str, int]]) -> None:
        self.db.execute_many(
            "INSERT INTO record_item_counts (kind, flow, doc_pair, n) VALUES (?, ?, ?, ?)", rows
        )

    def flush(self) -> None:
        self.mentions += sum(1 for kind, _, _ in self.refs if kind == "events")
        if self.refs:
            sql = "INSERT INTO record_item_refs (kind, item_id, pos) VALUES (?, ?, ?)"
            self.db.execute_many(sql, self.refs)
        if self.summaries:
            sql = "INSERT INTO record_summaries (kind, pos, payload) VALUES (?, ?, ?)"
            self.db.execute_many(sql, self.summaries)
        if self.names:
            sql = "INSERT INTO record_names (kind, name, pos, label) VALUES (?, ?, ?, ?)"
            self.db.execute_many(sql, self.names)
        self.refs, self.names, self.summaries = [], [], []


def rewrite(db: Database) -> None:
    """The keys again from the stored entries, after a patch moved some: every key table is
    cleared and refilled from the events, conflicts and actors rows, read a chunk at a time
    (the refs point at positions a patch may have given to other entries)."""
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")
    keys = Keys(db)
    for kind in ("events", "conflicts", "actors", *_STATEMENTS):
        after = -1
        while rows := db.all(
            "SELECT pos, payload FROM record_items WHERE kind = ? AND pos > ? ORDER BY pos "
            f"LIMIT {_CHUNK}",
            (kind, after),
        ):
            for row in rows:
                keys.add(kind, int(row["pos"]), json.loads(row["payload"]))
            keys.flush()
            after = int(rows[-1]["pos"])
    keys.finish()


def actor_summary(actor: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """An actor entry without its members, counted over `members` (the live ones): what
    the actor lists and pages show."""
    return {
        "id": actor.get("id"),
        "name": actor.get("name"),
        "type": actor.get("type"),
        "country": actor.get("country"),
        "names": actor.get("names") or [],
        "doc_count": len({m.get("doc_id") for m in members}),
        "roles": sorted({str(m["role"]) for m in members if m.get("role")}),
    }


def summary_at(db: Database, kind: str, pos: int) -> dict[str, Any] | None:
    """The summary of the entry at `pos` (see `actor_summary`), None when none was written."""
    raw = db.scalar("SELECT payload FROM record_summaries WHERE kind = ? AND pos = ?", (kind, pos))
    return None if raw is None else dict(json.loads(raw))


def clusters_of(
    db: Database, kind: str, ids: Iterable[int], pair: str | None = None
) -> dict[int, int]:
    """Item row id -> position of its record entry (of `pair`'s view when given); rows of no
    entry are left out. On SQLite `+pos` keeps the planner on the ids (the key) instead of
    every position of the pair's view (12 -> 3 ms for 100 figures of a 10k store's CN-RU
    conflicts; the view grows with the store, the ids with the page)."""
    wanted = sorted(set(ids))
    plus = "+" if db.dialect == "sqlite" else ""
    view = (
        ""
        if pair is None
        else f" AND {plus}pos IN (SELECT pos FROM record_item_pairs WHERE kind = ? AND pair = ?)"
    )
    out: dict[int, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT item_id, pos FROM record_item_refs WHERE kind = ? AND item_id IN ({marks})"
        params = [kind, *chunk] + ([] if pair is None else [kind, pair])
        for row in db.execute(sql + view, params).fetchall():
            out[int(row[0])] = int(row[1])
    return out


def _in_view(kind: str, pair: str | None) -> tuple[str, list[Any]]:
    """The condition keeping the actor entries (`record_names n`) of `pair`'s view: actors of
    its states or named by its entries (as `bilat.pairview.for_pair` keeps them). The
    subqueries are uncorrelated: each runs once, by index."""
    if pair is None:
        return "", []
    states = pair.split("-")
    return (
        " AND n.pos IN (SELECT i.pos FROM record_items i WHERE i.kind = ? AND i.country IN (?, ?) "
        "UNION SELECT p.pos FROM record_item_pairs p WHERE p.kind = ? AND p.pair = ?)",
        [kind, states[0], states[-1], kind, pair],
    )


def entry_named(db: Database, kind: str, name: str, pair: str | None = None) -> int | None:
    """The first entry (in record order; of `pair`'s view) one of whose names normalises like
    `name`."""
    view, params = _in_view(kind, pair)
    pos = db.scalar(
        f"SELECT MIN(n.pos) FROM record_names n WHERE n.kind = ? AND n.name = ?{view}",
        [kind, normalize(name), *params],
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


def mention_count(db: Database, pair: str | None) -> int:
    """Event mentions in clusters of `pair`'s view (every cluster without a pair), as
    counted when the record was written."""
    n = db.scalar(
        "SELECT n FROM record_item_counts WHERE kind = 'mentions' AND flow = ?",
        (pair or _EVERY,),
    )
    return int(n or 0)


def item_counts(db: Database, kind: str) -> list[tuple[str | None, str | None, int]]:
    """(flow, document pair, rows) of one item kind's current rows, as counted when the
    record was written (one row, without flow and pair, for kinds other than figures)."""
    rows = db.all("SELECT flow, doc_pair, n FROM record_item_counts WHERE kind = ?", (kind,))
    return [(r["flow"] or None, r["doc_pair"] or None, int(r["n"])) for r in rows]


def labels(db: Database, kind: str, pair: str | None = None) -> list[str]:
    """The own name of every actor entry (of `pair`'s view), in record order."""
    view, params = _in_view(kind, pair)
    rows = db.all(
        f"SELECT n.pos, MIN(n.label) AS label FROM record_names n WHERE n.kind = ?{view} "
        "GROUP BY n.pos ORDER BY n.pos",
        [kind, *params],
    )
    return [str(r["label"]) for r in rows]
