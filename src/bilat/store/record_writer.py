"""Write the reconciled record as rows (`bilat.store.record_rows` reads them back).

    write_record(db, parts, source)   replace the record (one transaction), streaming the parts
    RowWriter(db)                     buffers entry rows (and their members, points, statements,
                                      tails and keys) and inserts them in batches
    item_row(kind, pos, item, keys)   the `record_items` row of one entry
    stored_entry(out, kind, item)     an entry as stored (a commitment's claims by key)
    entry_pairs(kind, item, ...)      the pair rows of one entry (names counted per pair)

Requires the record's parts as plain JSON objects (`Record.to_json` shapes) and the item rows
the pages' keys name (`bilat.store.record_keys`); assigns every `record_*` table: the entries,
their pairs, the maintained counts (`record_counts`, `record_pair_names`), `record_meta`,
the actors' members, the series' points, the histories' statements and the pages' keys. A
patch (`bilat.store.record_patch`) writes its entries with the same `RowWriter`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from bilat.pairview import PAIRED, named
from bilat.reconcile._dates import period_span
from bilat.store import record_keys
from bilat.store.actor_members import insert_members, insert_ties, member_rows, split, tie_rows
from bilat.store.agreement_entries import entry_rows, insert_entries, split_history
from bilat.store.db import Database, now_iso
from bilat.store.record_order import GAP, item_key, sort_key
from bilat.store.record_rows import BATCH, CLAIM_LISTS, EVERY
from bilat.store.record_tails import conflict_tail, history_tail, status_tail
from bilat.store.series_points import count_rows, counted, insert_points, point_rows, split_series

__all__ = [
    "RowWriter",
    "entry_pairs",
    "item_row",
    "stored_entry",
    "write_record",
]

# a batch: at most `BATCH` entries and this many payload characters: a conflict or series
# holds every claim of its key, so 1,000 of them buffered most of the record's text at once
_BATCH_CHARS = 4_000_000
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
    payload: str | None = None,
) -> tuple[Any, ...]:
    """The `record_items` row of an entry (`item` as stored) at `pos`, in `_ITEM_SQL` order;
    `dated`: the entry whole, when `item` is stored without the statements its dates span;
    `payload`: `item` encoded already (read back as stored)."""
    start, end = _date(dated or item)
    country = item.get("country") if kind == "actors" else None
    if payload is None:
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
        payload: str | None = None,
    ) -> None:
        """Buffer one entry at `pos`; `keys` are its item key and sort key; `whole` the entry
        as reconciled when `item` is its stored form (`stored_entry`: claims by key);
        `payload`: `item` encoded already (a commitment's, by the patch that compared it). An
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
        dated = (whole or keyed) if kind == "agreements" else None
        row = item_row(kind, pos, item, keys, dated, payload if kind == "commitments" else None)
        self.items.append(row)
        self.size += len(row[8]) + 100 * len(members)
        self.counts[(kind, EVERY)] += 1
        if self.keys is not None:
            self.keys.add(kind, pos, keyed)
        for p in pairs:
            self.pairs.append((kind, p, pos))
            self.counts[(kind, p)] += 1
        if len(self.items) >= BATCH or self.size >= _BATCH_CHARS:
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
        k: out.claim_keys(v) if k in CLAIM_LISTS and isinstance(v, list) else v
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
