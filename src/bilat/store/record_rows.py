"""The reconciled record as rows: one per entry, so readers fetch only what they show.

    read_part(db, kind, pair)         one part ("events", ...) as `for_pair` would keep it
    entries(db, kind, positions)      the entries at these positions of one part
    entry_fields(db, kind, pos, f)    some text fields of those entries (key or payload)
    read_record(db, pair)             the whole record dict, as it was saved (None: never built)
    pair_counts(db)                   entries per pair over the paired parts (maintained counts)
    part_count / status_counts        counts from the indexes, without reading payloads
    (a page of a part: `bilat.store.part_pages`; long entries' tails: `record_tails`; the
    record written: `bilat.store.record_writer`)

A part is a list of JSON objects (`Record.to_json` shapes). Each entry is a `record_items` row
(its place `pos` in the part, a key, sort/filter columns, the JSON payload); the pair(s) it is
about are `record_item_pairs` rows, so a pair's view is an index range, not a filter over
everything. Commitments name their evidence and dissenting figure claims by key (`claims`
rows, each stored once) instead of carrying copies: a trade commitment used to repeat every
turnover claim of its period, most of the record's bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bilat.pairview import PAIRED
from bilat.store.actor_members import attach_members
from bilat.store.agreement_entries import attach_entries
from bilat.store.db import Database
from bilat.store.mention_places import positions_holding
from bilat.store.record_order import key_fields, sort_key
from bilat.store.series_points import attach_points

__all__ = [
    "BATCH",
    "CLAIM_LISTS",
    "EVERY",
    "PAIRED",
    "KeyedStatus",
    "attach_claims",
    "conflicts_keyed",
    "entries",
    "entry_fields",
    "events_holding",
    "iter_part",
    "keyed_statuses",
    "pair_counts",
    "part_count",
    "read_part",
    "read_record",
    "record_source",
    "status_counts",
    "stored_claims",
]

CLAIM_LISTS = ("evidence_figures", "dissent")  # commitment fields holding figure claims
BATCH = 1000
EVERY = "*"  # pair row of a document about no known pair: it is in every pair's view


def record_source(db: Database) -> str | None:
    """The fingerprint the stored record was built from; None when there is none."""
    value = db.scalar("SELECT source FROM record_meta WHERE id = 1")
    return None if value is None else str(value)


def _select(kind: str, pair: str | None) -> tuple[str, list[Any]]:
    every = "SELECT payload FROM record_items WHERE kind = ?"
    if pair is None or kind not in (*PAIRED, "actors", "documents"):
        return f"{every} ORDER BY pos", [kind]
    if kind == "actors":
        states = pair.split("-")
        return (
            f"{every} AND (country IN (?, ?) OR pos IN (SELECT pos FROM record_item_pairs "
            "WHERE kind = ? AND pair = ?)) ORDER BY pos",
            [kind, states[0], states[-1], kind, pair],
        )
    wanted = [pair, EVERY] if kind == "documents" else [pair, pair]
    return (
        "SELECT i.payload FROM record_item_pairs p JOIN record_items i "
        "ON i.kind = p.kind AND i.pos = p.pos WHERE p.kind = ? AND p.pair IN (?, ?) "
        "ORDER BY p.pos",
        [kind, *wanted],
    )


def _rows(db: Database, sql: str, params: list[Any], batch: int = BATCH) -> Iterator[Any]:
    cur = db.execute(sql, params)
    while rows := cur.fetchmany(batch):
        yield from rows


def iter_part(db: Database, kind: str) -> Iterator[dict[str, Any]]:
    """The entries of one part (not commitments: their claims are attached), in record
    order, read 20 and parsed one at a time: a caller that keeps only what it needs of each
    does not hold every entry's JSON at once (the actors part holds a member per document:
    220 MB of text at 100,000 documents, the actor of a state 17 MB of it)."""
    assert kind != "commitments", "commitments are read whole (read_part)"
    for row in _rows(db, *_select(kind, None), batch=20):
        item = json.loads(row[0])
        if kind == "actors":
            attach_members(db, [item])
        elif kind == "series":
            attach_points(db, [item])
        elif kind == "agreements":
            attach_entries(db, [item])
        yield item


def read_part(db: Database, kind: str, pair: str | None = None) -> list[dict[str, Any]]:
    """One part of the record, in record order; for `pair` only its entries (see `for_pair`)."""
    items = [json.loads(row[0]) for row in _rows(db, *_select(kind, pair))]
    if kind == "commitments":
        attach_claims(db, items)
    elif kind == "actors":
        attach_members(db, items)
    elif kind == "series":
        attach_points(db, items)
    elif kind == "agreements":
        attach_entries(db, items)
    return items


def _at(
    db: Database, cols: str, kind: str, values: Iterable[Any], column: str = "pos"
) -> Iterator[Any]:
    """Rows (pos, `cols`) of the entries of one part whose `column` (pos, or item_key) is one
    of `values` (index reads, 500 at a time)."""
    wanted = sorted(set(values))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT pos, {cols} FROM record_items WHERE kind = ? AND {column} IN ({marks})"
        yield from db.execute(sql, [kind, *chunk]).fetchall()


def entries(db: Database, kind: str, positions: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Position -> entry of one part, for these positions only (primary key reads)."""
    return _entries_by(db, kind, "pos", positions)


def entries_keyed(db: Database, kind: str, keys: Iterable[str]) -> list[dict[str, Any]]:
    """The entries of one part with these item keys (ids, for events, agreements and actors),
    in record order; keys of no entry are left out (index reads)."""
    found = _entries_by(db, kind, "item_key", keys)
    return [found[pos] for pos in sorted(found)]


_FIGURE_KEY = ("measure", "flow", "period", "unit", "kind", "per", "topic")


def conflicts_keyed(db: Database, keys: Iterable[Any]) -> list[dict[str, Any]]:
    """The stored conflicts of these figure keys (objects with a conflict's key fields), in
    record order: index reads by their item keys (`record_order.sort_key`)."""
    wanted = {tuple(getattr(k, f) for f in _FIGURE_KEY) for k in keys}
    found = entries_keyed(
        db,
        "conflicts",
        {sort_key("conflicts", dict(zip(_FIGURE_KEY, k, strict=True)), -1) for k in wanted},
    )
    return [c for c in found if tuple(c.get(f) for f in _FIGURE_KEY) in wanted]


def events_holding(db: Database, refs: Iterable[str]) -> dict[int, dict[str, Any]]:
    """Position -> entry of the stored events holding any of these mention refs
    ("doc_id:e<i>": the document's i-th stored event), found through the event rows' keys
    (record_item_refs), not by reading every event."""
    return entries(db, "events", positions_holding(db, set(refs)))


def _entries_by(
    db: Database, kind: str, column: str, values: Iterable[Any]
) -> dict[int, dict[str, Any]]:
    rows = _at(db, "payload", kind, values, column)
    out = {int(pos): json.loads(payload) for pos, payload in rows}
    if kind == "commitments":
        attach_claims(db, list(out.values()))
    elif kind == "actors":
        attach_members(db, list(out.values()))
    elif kind == "series":
        attach_points(db, list(out.values()))
    elif kind == "agreements":
        attach_entries(db, list(out.values()))
    return out


def entry_fields(
    db: Database, kind: str, positions: Iterable[int], fields: Sequence[str]
) -> dict[int, dict[str, Any]]:
    """Position -> some top-level text fields of the entries at these positions. A conflict's
    id fields are in its item key (`record_order.key_fields`: "" for none), so no payload is
    read (at 100k a conflict's claims make it ~100 KB); other fields come out of the payload
    (SQLite: `json_extract`; PostgreSQL's cast to json(b) cost more than parsing the
    payloads here: 300 conflicts at 10k, jsonb 1.1 s, json 0.56 s, Python 0.19 s)."""
    if not all(f.isidentifier() for f in fields):
        raise ValueError(f"not entry fields: {fields}")
    wanted = {int(p) for p in positions}
    out: dict[int, dict[str, Any]] = {}
    for pos, key in _at(db, "item_key", kind, wanted):
        known = key_fields(kind, str(key))
        if known is not None and all(f in known for f in fields):
            out[int(pos)] = {f: known[f] for f in fields}
    rest = wanted - set(out)
    if not rest:
        return out
    if db.dialect != "sqlite":
        found = ((int(pos), json.loads(payload)) for pos, payload in _at(db, "payload", kind, rest))
        return {**out, **{pos: {f: e.get(f) for f in fields} for pos, e in found}}
    cols = ", ".join(f"json_extract(payload, '$.{f}')" for f in fields)
    rows = _at(db, cols, kind, rest)
    return {**out, **{int(row[0]): dict(zip(fields, row[1:], strict=True)) for row in rows}}


def attach_claims(db: Database, items: list[dict[str, Any]]) -> None:
    claims = stored_claims(db, {k for c in items for f in CLAIM_LISTS for k in c.get(f) or []})
    for c in items:
        for f in CLAIM_LISTS:
            if isinstance(c.get(f), list):
                c[f] = [claims[k] for k in c[f]]


def stored_claims(db: Database, keys: Iterable[str]) -> dict[str, Any]:
    """The stored claims of these keys, by key (index reads, 500 at a time)."""
    wanted = sorted(set(keys))
    claims: dict[str, Any] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for key, payload in db.execute(
            "SELECT item_key, payload FROM record_items WHERE kind = 'claims' "
            f"AND item_key IN ({marks})",
            chunk,
        ).fetchall():
            claims[key] = json.loads(payload)
    return claims


class KeyedStatus(dict[str, Any]):
    """A commitment entry as stored (`stored_entry`: its claims by key), read back: a patch
    writes it again without making its claims or keying them, nor encoding it again
    (`text`: its stored payload, what the write encodes it to)."""

    text: str | None = None


def keyed_statuses(db: Database, positions: Iterable[int]) -> dict[int, KeyedStatus]:
    """Position -> the stored commitment entry there, its claims left as keys."""
    found = {}
    for pos, payload in _at(db, "payload", "commitments", positions):
        found[int(pos)] = entry = KeyedStatus(json.loads(payload))
        entry.text = str(payload)
    return found


def read_record(db: Database, pair: str | None = None) -> dict[str, Any] | None:
    """The record as saved (its parts in order); with `pair`, the view `for_pair` gives."""
    raw = db.scalar("SELECT parts FROM record_meta WHERE id = 1")
    if raw is None:
        return None
    parts: list[str] = json.loads(raw)
    record: dict[str, Any] = {kind: read_part(db, kind, pair) for kind in parts}
    if pair is not None:
        record["pair"] = pair
        for kind in (*PAIRED, "actors", "documents"):
            record.setdefault(kind, [])
    return record


def pair_counts(db: Database) -> dict[str, int]:
    """Entries per pair key over the paired parts ("": about no pair), most first."""
    marks = ", ".join("?" for _ in PAIRED)
    rows = db.all(
        f"SELECT pair, SUM(n) AS n FROM record_counts WHERE kind IN ({marks}) AND pair != ? "
        "GROUP BY pair",
        [*PAIRED, EVERY],
    )
    counts = {str(r["pair"]): int(r["n"]) for r in rows}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def part_count(db: Database, kind: str, pair: str | None = None) -> int:
    """Entries of one part (for `pair`: in its view): maintained counts, or an index count."""
    if kind == "actors" and pair is not None:  # counted by the indexes, no payload read
        states = pair.split("-")
        return int(
            db.scalar(
                "SELECT COUNT(*) FROM record_items WHERE kind = ? AND (country IN (?, ?) OR pos "
                "IN (SELECT pos FROM record_item_pairs WHERE kind = ? AND pair = ?))",
                [kind, states[0], states[-1], kind, pair],
            )
        )
    n = db.scalar("SELECT n FROM record_counts WHERE kind = ? AND pair = ?", (kind, pair or EVERY))
    return int(n or 0)


def status_counts(db: Database, kind: str, pair: str | None = None) -> dict[str, int]:
    """Entries of one part by their `status` (commitments: met, missed, ...)."""
    if pair is None:
        sql = "SELECT status, COUNT(*) AS n FROM record_items WHERE kind = ? GROUP BY status"
        rows = db.all(sql, (kind,))
    else:
        rows = db.all(
            "SELECT i.status, COUNT(*) AS n FROM record_item_pairs p JOIN record_items i "
            "ON i.kind = p.kind AND i.pos = p.pos WHERE p.kind = ? AND p.pair = ? "
            "GROUP BY i.status",
            (kind, pair),
        )
    return {str(r["status"] or "pending"): int(r["n"]) for r in rows}
