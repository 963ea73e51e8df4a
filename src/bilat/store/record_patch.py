"""Change the stored record in place: remove some entries, add others, keep every count right.

    patch_record(db, patch, source)   apply a RecordPatch in one transaction

Each new entry goes between its neighbours by sort key (`bilat.store.record_order`), at a
position inside the gap they leave, so no kept row is rewritten; a part listed in `whole` is
replaced entirely, save the commitments: numbered as a full write numbers them, only the
rows that differ from the stored ones are written, and of their claims (keyed by content)
only those newly named or no longer named. An agreement history that keeps its id and
every stored statement, only gaining some, stays where it is with its statements' rows and
keys: only the gained ones are written (`bilat.store.agreement_entries`). The maintained counts
(`record_counts` per part and pair, `record_pair_names` per pair and actor name) move by
what was removed and added, and the actors whose pairs change with them are filed again.
When a gap is used up, `NoRoom` is raised and nothing is changed: the caller rebuilds the
record whole (which spaces every position again).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.pairview import PAIRED, named
from bilat.reconcile._series_delta import SomePoints
from bilat.store import key_patch
from bilat.store.actor_members import (
    drop_members,
    insert_ties,
    member_rows,
    members_around,
    tie_rows,
)
from bilat.store.agreement_entries import drop_entries, grown_rows
from bilat.store.db import Database, now_iso
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

__all__ = ["ActorRows", "NoRoom", "PartPatch", "RecordPatch", "patch_record"]

_CHUNK = 500
_COLUMNS = "kind, pos, item_key, date_from, date_to, measure, status, country, payload, sort_key"


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


@dataclass(frozen=True, slots=True)
class RecordPatch:
    parts: Mapping[str, PartPatch]
    whole: Mapping[str, Sequence[dict[str, Any]]] = field(default_factory=dict)
    actor_ids: Mapping[str, Sequence[str]] = field(default_factory=dict)  # name -> actor ids
    # actor id -> how an added actor given without its members is written
    actors: Mapping[str, ActorRows] = field(default_factory=dict)


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


class _Patcher:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.out = RowWriter(db, keys=False)
        self.keys = key_patch.KeyPatch(db)
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
        for chunk in _chunks([int(r["pos"]) for r in rows]):
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
        for chunk in _chunks(sorted(stored)):
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
            if isinstance(item, KeyedStatus):
                stored: dict[str, Any] = scratch.known(item)
            else:
                stored = stored_entry(scratch, "commitments", item)
            rows[pos] = item_row("commitments", pos, stored, keys)
            added[pos] = (item, stored, keys)
        gone, new = _differ(self.db, "commitments", rows, _COLUMNS)
        named = {str(r[2]): r[3] for r in scratch.items}  # key -> claim (None: unread)
        held = {
            str(r[0]): int(r[1])
            for r in self.db.execute(
                "SELECT item_key, pos FROM record_items WHERE kind = 'claims'"
            ).fetchall()
        }
        claims_gone = sorted(pos for key, pos in held.items() if key not in named)
        fresh = [key for key in named if key not in held]  # in first use
        unread = {key for key in fresh if named[key] is None}
        unread |= {
            k for pos in new if isinstance(added[pos][0], KeyedStatus) for k in _keys(added[pos][0])
        }
        read = stored_claims(self.db, unread)  # before the rows that go are removed
        self.remove_at("commitments", gone)
        self.remove_at("claims", claims_gone)
        last = max(held.values(), default=0)
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
            self.out.item("commitments", pos, stored, pairs, keys, item)
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
        for chunk in _chunks(sorted(gone)):
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

    def remove_at(self, kind: str, positions: Sequence[int]) -> None:
        for chunk in _chunks(positions):
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
        for chunk in _chunks(sorted(set(actor_ids))):
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


class _Claims(RowWriter):
    """Keys the claims as a full write does (by content, numbered by first use) without
    making their rows: a claim is written only when no stored row has its key. A claim
    cited again as the same object (commitments judged on the same figures share them:
    `bilat.record`) is keyed once."""

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


def _differ(
    db: Database, kind: str, rows: Mapping[int, tuple[Any, ...]], columns: str
) -> tuple[list[int], list[int]]:
    """The positions of the stored `kind` rows not among `rows` (position -> row, its first
    values those of `columns`), and those of `rows` not stored as they are."""
    width = len(columns.split(","))
    sql = f"SELECT {columns} FROM record_items WHERE kind = ?"
    stored = {int(r[1]): _text(r) for r in db.execute(sql, (kind,))}
    new = {pos: _text(row[:width]) for pos, row in rows.items()}
    gone = sorted(pos for pos, row in stored.items() if new.get(pos) != row)
    return gone, sorted(pos for pos, row in new.items() if stored.get(pos) != row)


def _text(row: Sequence[Any]) -> tuple[str | None, ...]:
    return tuple(None if v is None else str(v) for v in row)


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


def patch_record(
    db: Database, patch: RecordPatch, source: str | None, version: int | None = None
) -> None:
    """Apply `patch` to the stored record (one transaction) and mark it built from `source`
    and the store's `version` (see `Store.record_is_current`)."""
    order = sorted(
        {*patch.parts, *patch.whole}, key=lambda k: (k not in PAIRED, k == "actors")
    )  # the paired parts first: actors are filed by the names they use
    with db.transaction():
        out = _Patcher(db)
        filed: dict[str, list[str]] = {}
        changed: set[str] = set()
        for kind in order:
            if kind == "actors":
                filed, changed = out.file_names()
            if kind == "commitments" and kind in patch.whole:
                out.commitments(patch.whole[kind])
                continue
            if kind in patch.whole:
                out.whole(kind, patch.whole[kind])
                continue
            part = patch.parts[kind]
            if kind == "series":
                out.series(part)
                continue
            if kind == "agreements":
                out.agreements(part)
                continue
            out.remove_keys(kind, part.removed)
            names = _names(part.added) if kind == "actors" else set()
            if kind == "actors":  # the members of those removed, but of those that grew
                kept = {i for i, rows in patch.actors.items() if not rows.rewrite}
                drop_members(db, {str(a.get("id")) for a in part.removed} - kept)
            out.add(kind, part.added, {n: out.pairs_of_name(n) for n in names}, patch.actors)
        if "actors" not in order:
            filed, changed = out.file_names()
        readded = {str(a.get("id")) for a in _added(patch, "actors")}
        stay = {i for n in changed for i in patch.actor_ids.get(n, ()) if i not in readded}
        out.refile(stay, filed)
        out.counts()
        docs = [int(d["doc_id"]) for d in _added(patch, "documents")]
        out.keys.finish(docs)  # the pages' keys (refs, names, counts) follow the rows
        db.execute(
            "UPDATE record_meta SET built_at = ?, source = ?, version = ? WHERE id = 1",
            (now_iso(), source, version),
        )


def _key(kind: str, item: dict[str, Any]) -> str:
    return item_key(kind, item, -1, sort_key(kind, item, -1))


def _named(series: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """What `named` and the pairs rows read of a series given with some of its points: its
    pairs and the names its claims use (its kept counts)."""
    return {"pairs": series.get("pairs"), "participants": sorted(names)}


def _names(items: Iterable[dict[str, Any]]) -> set[str]:
    return {str(item.get("name")) for item in items}


def _added(patch: RecordPatch, kind: str) -> Sequence[dict[str, Any]]:
    part = patch.parts.get(kind)
    return part.added if part else ()
