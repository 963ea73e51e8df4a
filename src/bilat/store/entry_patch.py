"""Remove and add entries of the stored record in place, keeping its counts and keys right.

    EntryPatcher(db)                  removes entries (by condition, key or position), adds
                                      entries at free positions, writes a part whole,
                                      files actors again and moves the maintained counts
    PartPatch / ActorRows             what a patch removes and adds of a part; how an added
                                      actor given without its members is written
    NoRoom                            no free position is left where new entries must go

Requires the record rows (`bilat.store.record_rows`, written by `record_writer.RowWriter`)
and the pages' keys (`bilat.store.key_patch.KeyPatch`); assigns `record_items`,
`record_item_pairs`, the actors' member and tie rows, and the name deltas and removed
counts `patch_record` applies at its end (`bilat.store.record_patch`). The parts patched
their own way (commitments, series, agreements) are `bilat.store.part_patchers`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.pairview import PAIRED, named
from bilat.store.actor_members import insert_ties, member_rows, members_around, tie_rows
from bilat.store.agreement_entries import drop_entries
from bilat.store.db import Database
from bilat.store.key_patch import KeyPatch
from bilat.store.record_order import GAP, item_key, sort_key
from bilat.store.record_writer import RowWriter, entry_pairs, stored_entry

__all__ = ["ActorRows", "EntryPatcher", "NoRoom", "PartPatch", "chunks"]

_CHUNK = 500


class NoRoom(Exception):
    """No free position is left between two entries where new ones must go."""


@dataclass(frozen=True, slots=True)
class PartPatch:
    removed: Sequence[dict[str, Any]] = ()  # entries as stored before (plain)
    added: Sequence[dict[str, Any]] = ()


@dataclass(frozen=True, slots=True)
class ActorRows:
    """How an added actor entry (`"members": None`) is written: what its keys say of its
    members, and the member rows to write (`bilat.store.actor_members`). `members`: (the
    number of its stored members before it, the member, plain) in order; with `rewrite`,
    every member (the stored ones go), else only those it gained (the stored ones stay)."""

    summary: dict[str, Any]  # `record_keys.actor_summary` over every member
    raw: frozenset[str]  # the names its members use
    members: Sequence[tuple[int, dict[str, Any]]]
    rewrite: bool


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


class EntryPatcher:
    """The rows of a patch changed entry by entry (`remove`, `add`, `whole`, `refile`), with
    the counts they move kept (`gone`, `names`) until `file_names` and `counts` apply them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.out = RowWriter(db, keys=False)
        self.keys = KeyPatch(db)
        self.gone: Counter[tuple[str, str]] = Counter()  # (kind, pair) entries removed
        self.names: Counter[tuple[str, str]] = Counter()  # (pair, name) delta

    def remove(
        self,
        kind: str,
        where: str,
        params: Sequence[Any],
        stored: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> None:
        """Remove the rows of `kind` matching `where`, uncounting them; `stored`: the entries
        as stored by item key, when the caller has them (their names are uncounted, not
        read again from the rows' payloads)."""
        payload = ", payload" if kind in PAIRED and stored is None else ""
        rows = self.db.all(
            f"SELECT pos, item_key{payload} FROM record_items WHERE kind = ? AND {where}",
            [kind, *params],
        )
        for chunk in chunks([int(r["pos"]) for r in rows]):
            marks = ", ".join("?" for _ in chunk)
            pairs_at: dict[int, list[str]] = {pos: [] for pos in chunk}
            for r in self.db.all(
                f"SELECT pos, pair FROM record_item_pairs WHERE kind = ? AND pos IN ({marks})",
                [kind, *chunk],
            ):
                self.gone[(kind, str(r["pair"]))] += 1
                pairs_at[int(r["pos"])].append(str(r["pair"]))
            self.keys.remove(kind, pairs_at)
            self.db.execute(
                f"DELETE FROM record_item_pairs WHERE kind = ? AND pos IN ({marks})", [kind, *chunk]
            )
            self.db.execute(
                f"DELETE FROM record_items WHERE kind = ? AND pos IN ({marks})", [kind, *chunk]
            )
        if kind == "agreements":  # their statements are rows of their own
            drop_entries(self.db, {str(r["item_key"]) for r in rows})
        if kind != "claims":  # claims are not counted: commitments name them
            self.gone[(kind, "*")] += len(rows)
        if kind in PAIRED:
            if stored is None:
                items = [json.loads(r["payload"]) for r in rows]
            else:  # each key's entries once, however many rows it has
                items = [e for k in {str(r["item_key"]) for r in rows} for e in stored[k]]
            for item in items:
                for p in item.get("pairs") or [""]:
                    self.names.subtract((str(p), n) for n in named([item]))

    def remove_keys(self, kind: str, entries: Iterable[dict[str, Any]]) -> None:
        """Remove the rows keyed as these `entries` (as stored: a touched series is 60,599
        claims at 100,000 documents, not decoded again for the names it files)."""
        stored: dict[str, list[dict[str, Any]]] = {}
        for item in entries:
            stored.setdefault(_key(kind, item), []).append(item)
        for chunk in chunks(sorted(stored)):
            where = f"item_key IN ({', '.join('?' for _ in chunk)})"
            self.remove(kind, where, chunk, stored)

    def add(
        self,
        kind: str,
        items: Sequence[dict[str, Any]],
        filed: Mapping[str, list[str]],
        actors: Mapping[str, ActorRows] | None = None,
        named_as: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        """Write the `items` of `kind` at free positions; `actors`: how each actor entry
        given without its members is written (see `ActorRows`); `named_as`: by item key,
        what the names of an entry given without its points are counted from (`_named`)."""
        keyed = sorted((sort_key(kind, item, -1), n) for n, item in enumerate(items))
        positions = self._positions(kind, [k for k, _ in keyed])
        for (sort, n), pos in zip(keyed, positions, strict=True):
            item = items[n]
            counted_as = (named_as or {}).get(item_key(kind, item, -1, sort), item)
            pairs = entry_pairs(kind, counted_as, self.names, filed)
            keys = (item_key(kind, item, -1, sort), sort)
            stored = stored_entry(self.out, kind, item)
            self.out.item(kind, pos, stored, pairs, keys, item)
            rows = (actors or {}).get(str(item.get("id"))) if kind == "actors" else None
            if rows is not None and item.get("members") is None:
                self.keys.actor(pos, stored, rows.summary, set(rows.raw))
                self.members(str(item["id"]), rows)
            else:
                self.keys.add(kind, pos, stored, pairs)
        self.out.flush()

    def members(self, actor: str, rows: ActorRows) -> None:
        """Write an actor's member rows: all of them (`rewrite`), or those it gained between
        its stored ones, each run before the same stored member sharing the gap evenly."""
        if rows.rewrite:
            seqs = [(n + 1) * GAP for n in range(len(rows.members))]
        else:
            seqs = []
            runs = Counter(k for k, _ in rows.members)
            at = {k: (*members_around(self.db, actor, k), 0) for k in runs}
            for k, _ in rows.members:
                low, high, done = at[k]
                if high is None:
                    seqs.append(low + GAP * (done + 1))
                else:
                    step = (high - low) // (runs[k] + 1)
                    if step < 1:
                        raise NoRoom(f"no room for {runs[k]} members of actor {actor}")
                    seqs.append(low + step * (done + 1))
                at[k] = (low, high, done + 1)
        plain = [m for _, m in rows.members]
        self.out.members += member_rows(actor, plain, seqs)
        if rows.rewrite:
            self.out.ties |= tie_rows(actor, plain)
        else:  # it keeps its stored keys: those of the members it gained that are new
            insert_ties(self.db, tie_rows(actor, plain), fresh=False)

    def _positions(self, kind: str, keys: list[str]) -> list[int]:
        """Free positions for the (sorted) `keys`: each run of keys that falls between the
        same two stored entries shares their gap evenly."""
        out: list[int] = []
        i = 0
        while i < len(keys):
            low = self.db.scalar(
                "SELECT pos FROM record_items WHERE kind = ? AND sort_key <= ? "
                "ORDER BY sort_key DESC LIMIT 1",
                (kind, keys[i]),
            )
            high = self.db.one(
                "SELECT pos, sort_key FROM record_items WHERE kind = ? AND sort_key > ? "
                "ORDER BY sort_key LIMIT 1",
                (kind, keys[i]),
            )
            j = i + 1
            while j < len(keys) and (high is None or keys[j] < high["sort_key"]):
                j += 1
            start = int(low) if low is not None else 0
            if high is None:
                out += [start + GAP * (n + 1) for n in range(j - i)]
            else:
                step = (int(high["pos"]) - start) // (j - i + 1)
                if step < 1:
                    where = f"before position {high['pos']}"
                    raise NoRoom(f"no room for {j - i} {kind} entries {where}")
                out += [start + step * (n + 1) for n in range(j - i)]
            i = j
        return out

    def whole(self, kind: str, items: Sequence[dict[str, Any]]) -> None:
        self.remove(kind, "1 = 1", ())
        self.keys.cleared(kind)
        if kind == "commitments":
            self.remove("claims", "1 = 1", ())
        if kind == "actors":
            self.db.execute("DELETE FROM record_actor_members")
            self.db.execute("DELETE FROM record_actor_ties")
        if kind == "series":
            self.db.execute("DELETE FROM record_series_points")
            self.db.execute("DELETE FROM record_series_counts")
        for index, item in enumerate(items):
            sort = sort_key(kind, item, index)
            keys = (item_key(kind, item, index, sort), sort)
            pairs = entry_pairs(kind, item, self.names, {})
            stored = stored_entry(self.out, kind, item)
            self.out.item(kind, (index + 1) * GAP, stored, pairs, keys, item)
            self.keys.add(kind, (index + 1) * GAP, stored, pairs)  # statements' keys too
        self.out.flush()

    def remove_at(self, kind: str, positions: Sequence[int]) -> None:
        for chunk in chunks(positions):
            self.remove(kind, f"pos IN ({', '.join('?' for _ in chunk)})", chunk)

    def file_names(self) -> tuple[dict[str, list[str]], set[str]]:
        """Apply the name counts; the pairs each changed name is now filed under, and the
        names whose pairs changed."""
        changed: set[str] = set()
        for (pair, name), delta in self.names.items():
            key = (pair, name)
            before, after = _adjust(self.db, "record_pair_names", ("pair", "name"), key, delta)
            if pair and (before > 0) != (after > 0):
                changed.add(name)
        self.names.clear()
        return {name: self.pairs_of_name(name) for name in changed}, changed

    def pairs_of_name(self, name: str) -> list[str]:
        rows = self.db.all(
            "SELECT pair FROM record_pair_names WHERE name = ? AND n > 0 AND pair <> '' "
            "ORDER BY pair",
            (name,),
        )
        return [str(r["pair"]) for r in rows]

    def refile(self, actor_ids: Iterable[str], filed: Mapping[str, list[str]]) -> None:
        """File actors again under the pairs of their name (`filed`)."""
        for chunk in chunks(sorted(set(actor_ids))):
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.all(
                f"SELECT pos, payload FROM record_items WHERE kind = 'actors' "
                f"AND item_key IN ({marks})",
                chunk,
            )
            for r in rows:
                pos, name = int(r["pos"]), str(json.loads(r["payload"]).get("name"))
                for row in self.db.all(
                    "SELECT pair FROM record_item_pairs WHERE kind = 'actors' AND pos = ?", (pos,)
                ):
                    self.gone[("actors", str(row["pair"]))] += 1
                self.db.execute(
                    "DELETE FROM record_item_pairs WHERE kind = 'actors' AND pos = ?", (pos,)
                )
                for p in filed.get(name, ()):
                    self.out.pairs.append(("actors", p, pos))
                    self.out.counts[("actors", p)] += 1
        self.out.flush()

    def counts(self) -> None:
        delta = Counter(self.out.counts)
        delta.subtract(self.gone)
        for key, n in delta.items():
            _adjust(self.db, "record_counts", ("kind", "pair"), key, n)


def _adjust(
    db: Database, table: str, columns: tuple[str, str], key: tuple[str, str], delta: int
) -> tuple[int, int]:
    """Move the count `n` of the row `key` of `table` by `delta` (a row at 0 is deleted, as a
    full write has none); the count before and after."""
    if not delta:
        return 0, 0
    where = f"{columns[0]} = ? AND {columns[1]} = ?"
    now = db.scalar(f"SELECT n FROM {table} WHERE {where}", key)
    after = int(now or 0) + delta
    if now is None:
        db.execute(f"INSERT INTO {table} ({', '.join(columns)}, n) VALUES (?, ?, ?)", (*key, after))
    elif after:
        db.execute(f"UPDATE {table} SET n = ? WHERE {where}", (after, *key))
    else:
        db.execute(f"DELETE FROM {table} WHERE {where}", key)
    return int(now or 0), after


def _key(kind: str, item: dict[str, Any]) -> str:
    return item_key(kind, item, -1, sort_key(kind, item, -1))
