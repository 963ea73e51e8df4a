"""The reconciled record as rows: one per entry, so readers fetch only what they show.

    write_record(db, parts, source)   replace the record (one transaction), streaming the parts
    read_part(db, kind, pair)         one part ("events", ...) as `for_pair` would keep it
    entries(db, kind, positions)      the entries at these positions of one part
    entry_fields(db, kind, pos, f)    some text fields of those entries (key or payload)
    read_record(db, pair)             the whole record dict, as it was saved (None: never built)
    pair_counts(db)                   entries per pair over the paired parts (maintained counts)
    part_count / status_counts        counts from the indexes, without reading payloads
    (a page of a part: `bilat.store.part_pages`; long entries' tails: `record_tails`)

A part is a list of JSON objects (`Record.to_json` shapes). Each entry is a `record_items` row
(its place `pos` in the part, a key, sort/filter columns, the JSON payload); the pair(s) it is
about are `record_item_pairs` rows, so a pair's view is an index range, not a filter over
everything. Commitments name their evidence and dissenting figure claims by key (`claims`
rows, each stored once) instead of carrying copies: a trade commitment used to repeat every
turnover claim of its period, most of the record's bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from bilat.pairview import PAIRED, named
from bilat.reconcile._dates import period_span
from bilat.store import record_keys
from bilat.store.actor_members import (
    attach_members,
    insert_members,
    insert_ties,
    member_rows,
    split,
    tie_rows,
)
from bilat.store.agreement_entries import attach_entries, entry_rows, insert_entries, split_history
from bilat.store.db import Database, now_iso
from bilat.store.mention_places import positions_holding
from bilat.store.record_order import GAP, item_key, key_fields, sort_key
from bilat.store.record_tails import conflict_tail, history_tail, status_tail
from bilat.store.series_points import (
    attach_points,
    count_rows,
    counted,
    insert_points,
    point_rows,
    split_series,
)

__all__ = [
    "EVERY",
    "PAIRED",
    "KeyedStatus",
    "RowWriter",
    "attach_claims",
    "entries",
    "entry_fields",
    "entry_pairs",
    "events_holding",
    "item_row",
    "iter_part",
    "keyed_statuses",
    "pair_counts",
    "part_count",
    "read_part",
    "read_record",
    "record_source",
    "status_counts",
    "stored_claims",
    "stored_entry",
    "write_record",
]

_CLAIM_LISTS = ("evidence_figures", "dissent")  # commitment fields holding figure claims
_BATCH = 1000
# and at most this many payload characters: a conflict or series holds every claim of its
# key, so 1,000 of them buffered most of the record's text at once
_BATCH_CHARS = 4_000_000
EVERY = "*"  # pair row of a document about no known pair: it is in every pair's view
_ITEM_SQL = (
    "INSERT INTO record_items (kind, pos, item_key, date_from, date_to, measure, status, "
    "country, payload, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PAIR_SQL = "INSERT INTO record_item_pairs (kind, pair, pos) VALUES (?, ?, ?)"
_TAIL_SQL = "INSERT INTO record_summaries (kind, pos, payload) VALUES (?, ?, ?)"
_TABLES = (
    "record_items",
    "record_item_pairs",
    "record_counts",
    "record_pair_names",
    "record_meta",
    "record_actor_members",
    "actor_members_fill",  # a record written now has no actor to split (migration 020)
    "record_actor_ties",
    "actor_ties_fill",  # nor any actor without its tie keys (migration 021)
    "record_series_points",
    "record_series_counts",
    "series_points_fill",  # nor any series to split (migration 022)
    "record_agreement_entries",
    "agreement_entries_fill",  # nor any history to split (migration 023)
    *record_keys.TABLES,
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _date(item: dict[str, Any]) -> tuple[Any, Any]:
    """The dates an entry spans (what `since`/`until` filter on): an event's date and end, a
    conflict's or commitment's period, an agreement's first and latest statement."""
    if "date" in item or "date_end" in item:
        return item.get("date"), item.get("date_end") or item.get("date")
    entries = item.get("entries")
    if isinstance(entries, list):
        days = sorted(d for e in entries if (d := e.get("date") or e.get("published")))
        return (days[0], days[-1]) if days else (None, None)
    span = period_span(item.get("period"))  # "2024-Q1" -> its first and last day
    return (span[0].isoformat(), span[1].isoformat()) if span else (None, None)


def _measure(item: dict[str, Any]) -> Any:
    target = item.get("commitment")
    return target.get("measure") if isinstance(target, dict) else item.get("measure")


def item_row(
    kind: str,
    pos: int,
    item: dict[str, Any],
    keys: tuple[str, str],
    dated: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """The `record_items` row of an entry (`item` as stored) at `pos`, in `_ITEM_SQL` order;
    `dated`: the entry whole, when `item` is stored without the statements its dates span."""
    start, end = _date(dated or item)
    country = item.get("country") if kind == "actors" else None
    payload = _dumps(item)
    return (
        kind,
        pos,
        keys[0],
        start,
        end,
        _measure(item),
        item.get("status"),
        country,
        payload,
        keys[1],
    )


class RowWriter:
    """Buffers rows and inserts them in batches; counts entries per (kind, pair)."""

    def __init__(self, db: Database, *, keys: bool = True) -> None:
        """`keys`: also write the pages' keys (a patch rewrites them once at its end)."""
        self.db = db
        self.items: list[tuple[Any, ...]] = []
        self.pairs: list[tuple[str, str, int]] = []
        self.counts: Counter[tuple[str, str]] = Counter()
        self.claims: set[str] = set()
        self.claim_pos = 0
        self.size = 0  # characters of the payloads buffered
        self.keys = record_keys.Keys(db) if keys else None
        self.tails: list[tuple[str, int, str]] = []
        self.members: list[tuple[Any, ...]] = []  # record_actor_members rows
        self.ties: set[tuple[str, str]] = set()  # record_actor_ties rows (of new actors)
        self.points: list[tuple[str, str, str]] = []  # record_series_points rows
        self.point_counts: list[tuple[Any, ...]] = []  # record_series_counts rows
        self.entries: list[tuple[str, int, int, str]] = []  # record_agreement_entries rows

    def item(
        self,
        kind: str,
        pos: int,
        item: dict[str, Any],
        pairs: Iterable[str],
        keys: tuple[str, str],
        whole: dict[str, Any] | None = None,
    ) -> None:
        """Buffer one entry at `pos`; `keys` are its item key and sort key; `whole` the entry
        as reconciled when `item` is its stored form (`stored_entry`: claims by key). An
        actor's members are written as rows of their own (`bilat.store.actor_members`), and
        so are a series' points (`bilat.store.series_points`; given `"points": None`, the
        caller writes them) and a history's statements (`bilat.store.agreement_entries`;
        likewise given `"entries": None`, with `whole`)."""
        self._tail(kind, pos, item, whole or item)
        keyed, members = item, list[dict[str, Any]]()
        if kind == "actors" and item.get("members") is not None:
            item, members = split(item)
            seqs = ((n + 1) * GAP for n in range(len(members)))
            self.members += member_rows(str(item.get("id")), members, seqs)
            self.ties |= tie_rows(str(item.get("id")), members)
        if kind == "series" and item.get("points") is not None:
            item, points = split_series(item)
            rows = point_rows(keys[0], points)
            self.points += rows
            self.point_counts += count_rows(keys[0], counted(points))
            self.size += sum(len(r[2]) for r in rows)
        if kind == "agreements" and item.get("entries") is not None:
            item, entries = split_history(item)
            statements = entry_rows(keys[0], entries)
            self.entries += statements
            self.size += sum(len(r[3]) for r in statements)
        row = item_row(kind, pos, item, keys, (whole or keyed) if kind == "agreements" else None)
        self.items.append(row)
        self.size += len(row[8]) + 100 * len(members)
        self.counts[(kind, EVERY)] += 1
        if self.keys is not None:
            self.keys.add(kind, pos, keyed)
        for p in pairs:
            self.pairs.append((kind, p, pos))
            self.counts[(kind, p)] += 1
        if len(self.items) >= _BATCH or self.size >= _BATCH_CHARS:
            self.flush()

    def _tail(self, kind: str, pos: int, item: dict[str, Any], whole: dict[str, Any]) -> None:
        """A long history's or status's tail row (`bilat.store.record_tails`)."""
        tail = None
        if kind == "agreements":
            tail = history_tail(whole)
        elif kind == "commitments":
            tail = status_tail(whole, item)
        elif kind == "conflicts":
            tail = conflict_tail(item)
        if tail is not None:
            self.tails.append((kind, pos, _dumps(tail)))

    def claim_keys(self, claims: list[dict[str, Any]]) -> list[str]:
        """Each claim stored once (as a `claims` row); their keys in order."""
        keys = []
        for claim in claims:
            key = self.claim_key(claim)
            if key not in self.claims:
                self.claims.add(key)
                self.items.append(self.claim_row((self.claim_pos + 1) * GAP, key, claim))
                self.claim_pos += 1
            keys.append(key)
        return keys

    def claim_key(self, claim: dict[str, Any]) -> str:
        """A claim's key: a hash of its content (any field order)."""
        same = json.dumps(claim, sort_keys=True, ensure_ascii=False)
        return hashlib.blake2b(same.encode(), digest_size=12).hexdigest()

    def claim_row(self, pos: int, key: str, claim: dict[str, Any]) -> tuple[Any, ...]:
        """The `record_items` row of a claim keyed `key` at `pos`."""
        text = _dumps(claim)  # read back in the record's field order
        self.size += len(text)
        return ("claims", pos, key, None, None, None, None, None, text, key)

    def flush(self) -> None:
        if self.items:
            self.db.execute_many(_ITEM_SQL, self.items)
        if self.pairs:
            self.db.execute_many(_PAIR_SQL, self.pairs)
        if self.tails:
            self.db.execute_many(_TAIL_SQL, self.tails)
        insert_members(self.db, self.members)
        insert_ties(self.db, self.ties)
        insert_points(self.db, self.points, self.point_counts)
        insert_entries(self.db, self.entries)
        if self.keys is not None:
            self.keys.flush()
        self.items, self.pairs, self.tails, self.members, self.size = [], [], [], [], 0
        self.ties, self.points, self.point_counts, self.entries = set(), [], [], []


def _pairs_of(item: dict[str, Any]) -> list[str]:
    value = item.get("pairs")
    return [str(p) for p in value] if isinstance(value, list) and value else [""]


def write_record(
    db: Database,
    parts: Mapping[str, Iterable[dict[str, Any]]],
    source: str | None,
    version: int | None = None,
) -> None:
    """Replace the stored record by `parts` (lists or iterators of JSON objects, read once),
    with `source` and `version` (`record_source()` and `store_version()` as they were when
    the inputs were read)."""
    order = sorted(parts, key=lambda k: (k not in PAIRED, k == "actors"))  # actors need names
    with db.transaction():
        for table in _TABLES:
            db.execute(f"DELETE FROM {table}")
        out = RowWriter(db)
        names: Counter[tuple[str, str]] = Counter()
        for kind in order:
            filed = _filed(names) if kind == "actors" else {}
            for index, item in enumerate(parts[kind]):
                sort = sort_key(kind, item, index)
                keys = (item_key(kind, item, index, sort), sort)
                pairs = entry_pairs(kind, item, names, filed)
                stored = stored_entry(out, kind, item)
                out.item(kind, (index + 1) * GAP, stored, pairs, keys, item)
        out.flush()
        if out.keys is not None:
            out.keys.finish()
        db.execute_many(
            "INSERT INTO record_counts (kind, pair, n) VALUES (?, ?, ?)",
            [(k, p, n) for (k, p), n in out.counts.items()],
        )
        db.execute_many(
            "INSERT INTO record_pair_names (pair, name, n) VALUES (?, ?, ?)",
            [(p, name, n) for (p, name), n in names.items()],
        )
        db.execute(
            "INSERT INTO record_meta (id, built_at, source, parts, version) VALUES (1, ?, ?, ?, ?)",
            (now_iso(), source, _dumps(list(parts)), version),
        )


def _filed(names: Counter[tuple[str, str]]) -> dict[str, list[str]]:
    """Actor name -> the pairs whose entries name it."""
    out: dict[str, list[str]] = {}
    for (pair, name), n in sorted(names.items()):
        if pair and n > 0:
            out.setdefault(name, []).append(pair)
    return out


def stored_entry(out: RowWriter, kind: str, item: dict[str, Any]) -> dict[str, Any]:
    if kind != "commitments":
        return item
    return {
        k: out.claim_keys(v) if k in _CLAIM_LISTS and isinstance(v, list) else v
        for k, v in item.items()
    }


def entry_pairs(
    kind: str,
    item: dict[str, Any],
    names: Counter[tuple[str, str]],
    filed: Mapping[str, list[str]],
) -> list[str]:
    """The pair rows of one entry; paired entries also count the actor names they use per
    pair (`names`), so an actor is filed under every pair whose items name it (`filed`, as
    `for_pair` keeps them)."""
    if kind in PAIRED:
        pairs = _pairs_of(item)
        for p in pairs:
            names.update((p, name) for name in named([item]))
        return pairs
    if kind == "actors":
        return list(filed.get(str(item.get("name")), ()))
    if kind == "documents":
        return [str(item.get("pair") or EVERY)]
    return []


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


def _rows(db: Database, sql: str, params: list[Any], batch: int = _BATCH) -> Iterator[Any]:
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
    claims = stored_claims(db, {k for c in items for f in _CLAIM_LISTS for k in c.get(f) or []})
    for c in items:
        for f in _CLAIM_LISTS:
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
    writes it again without making its claims or keying them."""


def keyed_statuses(db: Database, positions: Iterable[int]) -> dict[int, KeyedStatus]:
    """Position -> the stored commitment entry there, its claims left as keys."""
    rows = _at(db, "payload", "commitments", positions)
    return {int(pos): KeyedStatus(json.loads(payload)) for pos, payload in rows}


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
