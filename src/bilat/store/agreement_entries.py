"""The record's agreement histories statement by statement (migration 023): a history entry's
payload holds `"entries": null`, its statements are `record_agreement_entries` rows, keyed by
the history's item key (its id) and an order number.

    split_history(item)                    the entry as stored and its statements (plain)
    entry_rows(history, entries, seqs)     the rows of some statements of a history
    attach_entries(db, items)              put each history's statements back (readers)
    grown_rows(db, history, old, new)      the rows a history that only gained statements adds
    drop_entries(db, histories)            remove every statement of these histories
    citing(db, docs)                       (position, statement) of the histories citing docs
    fill_agreement_entries(db)             split the histories written before 023 (once)

A full write numbers a history's statements GAP, 2*GAP, ...; a history an update grows
keeps its stored rows and gets its new statements between their neighbours (`grown_rows`),
so it writes only those (at 100,000 documents an `add10` joins nine histories of
160-3,900 statements each, written whole before). A reader sees each entry as it was
written whole (`attach_entries`: the statements in order). An entry whose payload still
holds its statements (a record written before the migration) is read as it is.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from bilat.store.db import Database
from bilat.store.record_order import GAP

__all__ = [
    "attach_entries",
    "citing",
    "drop_entries",
    "entry_rows",
    "fill_agreement_entries",
    "grown_rows",
    "insert_entries",
    "split_history",
]

_CHUNK = 500
Row = tuple[str, int, int, str]  # (history, seq, doc_id, payload)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def split_history(item: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The entry as its payload holds it (`"entries": None`, in its place) and its
    statements."""
    return {**item, "entries": None}, list(item.get("entries") or [])


def entry_rows(
    history: str, entries: Sequence[dict[str, Any]], seqs: Sequence[int] | None = None
) -> list[Row]:
    """The rows of `entries` of `history`, numbered `seqs` (GAP, 2*GAP, ... by default)."""
    numbers = seqs if seqs is not None else [(n + 1) * GAP for n in range(len(entries))]
    return [
        (history, seq, int(e.get("doc_id") or 0), _dumps(e))
        for seq, e in zip(numbers, entries, strict=True)
    ]


def insert_entries(db: Database, rows: Sequence[Row]) -> None:
    db.insert_rows("record_agreement_entries", ("history", "seq", "doc_id", "payload"), rows)


def _stored(db: Database, histories: Collection[str]) -> dict[str, list[dict[str, Any]]]:
    """History key -> its stored statements, in order (a history's rows parsed as one
    JSON list: a history repeated every year holds thousands)."""
    texts: dict[str, list[str]] = {}
    for chunk in _chunks(sorted(set(histories))):
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT history, payload FROM record_agreement_entries WHERE history IN ({marks}) "
            "ORDER BY history, seq"
        )
        cur = db.execute(sql, list(chunk))
        while rows := cur.fetchmany(1000):
            for key, payload in rows:
                texts.setdefault(str(key), []).append(str(payload))
    return {key: json.loads(f"[{', '.join(parts)}]") for key, parts in texts.items()}


def attach_entries(db: Database, items: Sequence[dict[str, Any]]) -> None:
    """Give each history of `items` read with `"entries": None` its statements."""
    bare = {str(item.get("id")): item for item in items if item.get("entries", ()) is None}
    if not bare:
        return
    found = _stored(db, list(bare))
    for key, item in bare.items():
        item["entries"] = found.get(key, [])


def grown_rows(
    db: Database, history: str, old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]
) -> list[Row] | None:
    """The rows to add when `history` goes from the statements `old` (as stored) to `new`:
    those of `new` not matched, in order, by `old`, each run placed evenly in the gap
    between the stored rows around it. None when `old` is not a subsequence of `new`, or
    its rows do not match it, or a gap has no room: write the history whole then."""
    seqs = [
        int(r[0])
        for r in db.execute(
            "SELECT seq FROM record_agreement_entries WHERE history = ? ORDER BY seq", (history,)
        ).fetchall()
    ]
    if len(seqs) != len(old):
        return None
    runs: list[list[dict[str, Any]]] = [[]]  # the new statements before each stored one, last
    i = 0
    for e in new:
        if i < len(old) and e == old[i]:
            runs.append([])
            i += 1
        else:
            runs[-1].append(e)
    if i < len(old):
        return None
    rows: list[Row] = []
    bounds = [0, *seqs]
    for n, run in enumerate(runs):
        if not run:
            continue
        low = bounds[n]
        if n < len(seqs):
            step = (seqs[n] - low) // (len(run) + 1)
            if step < 1:
                return None
        else:
            step = GAP
        rows += entry_rows(history, run, [low + step * (k + 1) for k in range(len(run))])
    return rows


def drop_entries(db: Database, histories: Collection[str]) -> None:
    for chunk in _chunks(sorted(set(histories))):
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM record_agreement_entries WHERE history IN ({marks})", list(chunk))


def citing(db: Database, docs: Sequence[int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, statement) of each statement of a stored history naming one of `docs`
    (the index on documents)."""
    for chunk in _chunks(sorted(set(docs))):
        marks = ", ".join("?" for _ in chunk)
        sql = (
            "SELECT i.pos, e.payload FROM record_agreement_entries e JOIN record_items i "
            "ON i.kind = 'agreements' AND i.item_key = e.history "
            f"WHERE e.doc_id IN ({marks})"
        )
        for pos, payload in db.execute(sql, list(chunk)).fetchall():
            yield int(pos), json.loads(payload)


def fill_agreement_entries(db: Database) -> int:
    """Split the histories written before migration 023 (their statements in their
    payloads) into an entry and statement rows, in one transaction; the histories split (0:
    none left). A record written since has none such: the mark is gone with it."""
    if db.scalar("SELECT COUNT(*) FROM agreement_entries_fill") == 0:
        return 0
    done = 0
    with db.transaction():
        sql = "SELECT pos FROM record_items WHERE kind = 'agreements' ORDER BY pos"
        positions = [int(r[0]) for r in db.execute(sql).fetchall()]
        for chunk in _chunks(positions):
            marks = ", ".join("?" for _ in chunk)
            rows = db.execute(
                "SELECT pos, payload FROM record_items WHERE kind = 'agreements' "
                f"AND pos IN ({marks})",
                list(chunk),
            ).fetchall()
            for pos, text in rows:
                item = json.loads(str(text))
                if item.get("entries") is None:
                    continue
                entry, entries = split_history(item)
                key = str(entry.get("id"))
                drop_entries(db, [key])
                insert_entries(db, entry_rows(key, entries))
                db.execute(
                    "UPDATE record_items SET payload = ? WHERE kind = 'agreements' AND pos = ?",
                    (_dumps(entry), int(pos)),
                )
                done += 1
        db.execute("DELETE FROM agreement_entries_fill")
    return done
