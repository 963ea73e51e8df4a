"""The parts of the record a patch writes its own way, not entry by entry.

    Patcher(db)                       `EntryPatcher` with the commitments (numbered whole,
                                      only the rows that differ written), the series (some
                                      points kept) and the agreements (histories grown in
                                      place) patched

Requires the stored entries of those parts and their claims, points and statement rows
(`bilat.store.record_rows`, `series_points`, `agreement_entries`); assigns only the rows
that differ: a commitment's claims keyed by content (`_Claims`), a series' changed points
and counts, a grown history's gained statements and their keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from bilat.pairview import named
from bilat.reconcile._series_delta import SomePoints
from bilat.store.agreement_entries import grown_rows
from bilat.store.db import Database
from bilat.store.entry_patch import EntryPatcher, PartPatch, chunks
from bilat.store.record_order import GAP, item_key, sort_key
from bilat.store.record_rows import KeyedStatus, stored_claims
from bilat.store.record_writer import RowWriter, entry_pairs, item_row, stored_entry
from bilat.store.series_points import (
    counted,
    drop_points,
    insert_points,
    move_counts,
    names_of,
    point_rows,
    series_key,
)

__all__ = ["Patcher"]

_COLUMNS = "kind, pos, item_key, date_from, date_to, measure, status, country, payload, sort_key"


class Patcher(EntryPatcher):
    """`EntryPatcher` with the parts written their own way: `commitments` (given whole),
    `series` and `agreements` (given as a part's removed and added entries)."""

    def commitments(self, items: Sequence[dict[str, Any]]) -> None:
        """The commitments as a full write numbers them (by index), writing only the rows
        that differ from the stored ones: a commitment whose row is unchanged keeps its
        pairs, keys and tail, which follow from it. A claim is keyed by its content and
        stays where it is stored while a commitment names it: only the claims no longer
        named are removed, and those newly named are written after the stored ones (a
        claim's place orders nothing: commitments name their claims by key). An entry read
        back as stored (`KeyedStatus`) names its claims by key already: only the claims
        to write are read (and its claims, when its own row is)."""
        scratch = _Claims(self.db)  # keys the claims, never flushed
        added: dict[int, tuple[dict[str, Any], dict[str, Any], tuple[str, str]]] = {}
        rows: dict[int, tuple[Any, ...]] = {}
        for index, item in enumerate(items):
            pos, sort = (index + 1) * GAP, sort_key("commitments", item, index)
            keys = (item_key("commitments", item, index, sort), sort)
            text = None
            if isinstance(item, KeyedStatus):  # encoded as stored
                stored: dict[str, Any] = scratch.known(item)
                text = item.text
            else:
                stored = stored_entry(scratch, "commitments", item)
            rows[pos] = item_row("commitments", pos, stored, keys, payload=text)
            added[pos] = (item, stored, keys)
        gone, new, was = _differ(self.db, "commitments", rows, _COLUMNS)
        named = {str(r[2]): r[3] for r in scratch.items}  # key -> claim (None: unread)
        # Every claim a stored row names is stored: one no longer named was named by a
        # row that differs, and one newly named is named by a row written again.
        before = {k for pos in gone for k in _keys(json.loads(str(was[pos])))}
        asked = {k for k in before if k not in named}
        asked |= {k for pos in new for k in _keys(added[pos][1]) if k not in before}
        held = _claim_places(self.db, asked)
        claims_gone = sorted(pos for key, pos in held.items() if key not in named)
        fresh = [key for key in named if key in asked and key not in held]  # in first use
        unread = {key for key in fresh if named[key] is None}
        unread |= {
            k for pos in new if isinstance(added[pos][0], KeyedStatus) for k in _keys(added[pos][0])
        }
        read = stored_claims(self.db, unread)  # before the rows that go are removed
        self.remove_at("commitments", gone)
        self.remove_at("claims", claims_gone)
        last = int(self.db.scalar("SELECT MAX(pos) FROM record_items WHERE kind = 'claims'") or 0)
        for n, key in enumerate(fresh):
            claim = named[key]
            self.out.items.append(
                self.out.claim_row(last + (n + 1) * GAP, key, read[key] if claim is None else claim)
            )
        for pos in new:
            item, stored, keys = added[pos]
            if isinstance(item, KeyedStatus):  # its tail counts over its claims
                item = {
                    k: [read[c] for c in v] if k in _CLAIM_LISTS else v for k, v in item.items()
                }
            pairs = entry_pairs("commitments", item, self.names, {})
            self.out.item("commitments", pos, stored, pairs, keys, item, rows[pos][8])
            self.keys.add("commitments", pos, stored, pairs)
        self.out.flush()

    def series(self, part: PartPatch) -> None:
        """Replace the touched series. One given with some of its points (`SomePoints`:
        read, or made again) keeps its other stored points: of the periods given, the
        points that differ are written again, and its counts move by the difference; its
        entry row is written again (without its points), its names counted from its kept
        counts. One given whole is written whole."""
        some = [e for e in (*part.removed, *part.added) if isinstance(e, SomePoints)]
        before = names_of(self.db, {series_key(e) for e in some})
        again = {series_key(e): e for e in part.added if isinstance(e, SomePoints)}
        was: dict[str, dict[str, dict[str, Any]]] = {}  # key -> period -> stored point
        gone: dict[str, list[dict[str, Any]]] = {}
        for item in part.removed:
            key = series_key(item)
            if isinstance(item, SomePoints) and key in again:  # its other points stay
                gone[key] = [_named(item, before[key])]
                was[key] = {p["period"]: p for p in item["points"]}
            else:  # written whole: every point goes
                whole = not isinstance(item, SomePoints)
                gone[key] = [item if whole else _named(item, before[key])]
                drop_points(self.db, key, None)
        for chunk in chunks(sorted(gone)):
            self.remove("series", f"item_key IN ({', '.join('?' for _ in chunk)})", chunk, gone)
        for item in part.added:
            if not isinstance(item, SomePoints):
                drop_points(self.db, series_key(item), None)
        for key, item in again.items():
            stored = was.get(key, {})
            made = [p for p in item["points"] if stored.get(p["period"]) != p]
            drop_points(self.db, key, [p["period"] for p in made if p["period"] in stored])
            insert_points(self.db, point_rows(key, made), [])
            delta = counted(made)
            delta.subtract(counted(stored[p["period"]] for p in made if p["period"] in stored))
            move_counts(self.db, key, delta)
        after = names_of(self.db, again)
        entries = [{**e, "points": None} if isinstance(e, SomePoints) else e for e in part.added]
        named_as = {key: _named(e, after[key]) for key, e in again.items()}
        self.add("series", entries, {}, named_as=named_as)

    def agreements(self, part: PartPatch) -> None:
        """Replace the touched histories. One that keeps its id and every stored statement
        in order, only gaining some (a statement joining a stored history), stays at its
        position with its stored statement rows and their keys: its entry row, pairs and
        tail are written again, and only the statements it gained are written and keyed
        (`agreement_entries.grown_rows`). The others are removed and added whole."""
        added = {str(a.get("id")): a for a in part.added}
        grown: dict[str, tuple[dict[str, Any], dict[str, Any], list[Any]]] = {}
        for old in part.removed:
            key = str(old.get("id"))
            new = added.get(key)
            if new is None or sort_key("agreements", old, -1) != sort_key("agreements", new, -1):
                continue
            rows = grown_rows(self.db, key, old.get("entries") or [], new.get("entries") or [])
            if rows is not None:
                grown[key] = (old, new, rows)
        self.remove_keys("agreements", [a for a in part.removed if str(a.get("id")) not in grown])
        self.add("agreements", [a for a in part.added if str(a.get("id")) not in grown], {})
        for key, (old, new, rows) in grown.items():
            self.grow(key, old, new, rows)
        self.out.flush()

    def grow(self, key: str, old: dict[str, Any], new: dict[str, Any], rows: list[Any]) -> None:
        """Write the history `key` again in place, from `old` to `new`, keeping its stored
        statements (`rows`: those it gained): its statement rows' keys stay, naming its
        position; the gained ones are keyed."""
        pos = int(
            self.db.scalar(
                "SELECT pos FROM record_items WHERE kind = 'agreements' AND item_key = ?", (key,)
            )
        )
        for r in self.db.all(
            "SELECT pair FROM record_item_pairs WHERE kind = 'agreements' AND pos = ?", (pos,)
        ):
            self.gone[("agreements", str(r["pair"]))] += 1
        self.gone[("agreements", "*")] += 1
        for p in old.get("pairs") or [""]:
            self.names.subtract((str(p), n) for n in named([old]))
        for table in ("record_item_pairs", "record_items", "record_summaries"):
            self.db.execute(f"DELETE FROM {table} WHERE kind = 'agreements' AND pos = ?", (pos,))
        sort = sort_key("agreements", new, -1)
        pairs = entry_pairs("agreements", new, self.names, {})
        self.out.item("agreements", pos, {**new, "entries": None}, pairs, (key, sort), new)
        self.out.entries += rows
        gained = [json.loads(r[3]) for r in rows]
        self.keys.add("agreements", pos, {**new, "entries": gained}, pairs)


class _Claims(RowWriter):
    """Keys the claims as a full write does (by content, numbered by first use) without
    making their rows: a claim is written only when no stored row has its key. A claim
    cited again as the same object (commitments judged on the same figures share them:
    `bilat.record_update`) is keyed once."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, keys=False)
        self.keyed: dict[int, tuple[dict[str, Any], str]] = {}  # id -> (claim, key)
        self.lists: dict[tuple[int, ...], tuple[list[dict[str, Any]], list[str]]] = {}

    def claim_keys(self, claims: list[dict[str, Any]]) -> list[str]:
        """A list of the same claims as one keyed before (commitments of one measure, unit
        and period cite every claim of it) has their keys, each claim numbered already."""
        ids = tuple(map(id, claims))
        found = self.lists.get(ids)
        if found is None:  # the claims are held beside their keys: no id is reused
            found = self.lists[ids] = (claims, super().claim_keys(claims))
        return list(found[1])

    def claim_key(self, claim: dict[str, Any]) -> str:
        found = self.keyed.get(id(claim))
        if found is None:
            found = self.keyed[id(claim)] = (claim, super().claim_key(claim))
        return found[1]

    def claim_row(self, pos: int, key: str, claim: dict[str, Any]) -> tuple[Any, ...]:
        return ("claims", pos, key, claim)

    def known(self, item: KeyedStatus) -> KeyedStatus:
        """`item` (its claims by key already), its claims numbered by first use as
        `claim_keys` numbers them, their content unread (None)."""
        for key in _keys(item):
            if key not in self.claims:
                self.claims.add(key)
                self.claim_pos += 1
                self.items.append(("claims", self.claim_pos * GAP, key, None))
        return item


_CLAIM_LISTS = ("evidence_figures", "dissent")


def _keys(item: dict[str, Any]) -> Iterator[str]:
    """The claim keys a stored commitment entry names, in order."""
    for name, value in item.items():
        if name in _CLAIM_LISTS and isinstance(value, list):
            yield from value


def _claim_places(db: Database, keys: Iterable[str]) -> dict[str, int]:
    """The stored place of each of the claims `keys` that is stored (key -> position)."""
    found: dict[str, int] = {}
    for chunk in chunks(sorted(keys)):
        marks = ", ".join("?" for _ in chunk)
        where = f"kind = 'claims' AND item_key IN ({marks})"
        sql = f"SELECT item_key, pos FROM record_items WHERE {where}"
        found.update((str(r[0]), int(r[1])) for r in db.execute(sql, chunk).fetchall())
    return found


def _differ(
    db: Database, kind: str, rows: Mapping[int, tuple[Any, ...]], columns: str
) -> tuple[list[int], list[int], dict[int, Any]]:
    """The positions of the stored `kind` rows not among `rows` (position -> row, its first
    values those of `columns`), those of `rows` not stored as they are, and the payloads
    of the stored rows that go (`columns` names `payload` ninth)."""
    width = len(columns.split(","))
    sql = f"SELECT {columns} FROM record_items WHERE kind = ?"
    stored = {int(r[1]): _text(r) for r in db.execute(sql, (kind,))}
    new = {pos: _text(row[:width]) for pos, row in rows.items()}
    gone = sorted(pos for pos, row in stored.items() if new.get(pos) != row)
    was = {pos: stored[pos][8] for pos in gone}
    return gone, sorted(pos for pos, row in new.items() if stored.get(pos) != row), was


def _text(row: Sequence[Any]) -> tuple[str | None, ...]:
    return tuple(None if v is None else str(v) for v in row)


def _named(series: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """What `named` and the pairs rows read of a series given with some of its points: its
    pairs and the names its claims use (its kept counts)."""
    return {"pairs": series.get("pairs"), "participants": sorted(names)}
