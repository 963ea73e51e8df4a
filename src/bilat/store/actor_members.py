"""The record's actors member by member (migration 020): an actor entry's payload holds
`"members": null`, its members are `record_actor_members` rows in the actor's order.

    member_rows(actor, members, seqs)   the rows of some members (plain) at these seqs
    attach_members(db, items)           put each actor entry's members back (readers)
    member_batches(db)                  every member row, by actor then order (an update)
    insert_members(db, rows)            write member rows
    members_around(db, actor, k)        the seqs of the k-th stored member and the one before
    drop_members(db, actors)            remove every member (and tie key) of these actors
    fill_actor_members(db)              split the actors written before 020 (once)
    tie_rows(actor, members)            the tie key rows of some members (plain)
    insert_ties(db, rows)               write tie key rows (an actor's not yet stored)
    StoredTies(db)                      the stored actors' tie keys, by key or actor
    fill_actor_ties(db)                 the tie keys of the actors written before 021 or 026 (once)

Beside its member rows, an actor has a `record_actor_ties` row per key through which
clustering may join its members to others (migration 021, `bilat.reconcile._tie_search`):
an update finds the actors tied to the members it adds by key.

The actor of a state holds a member per document naming it (~100,000 at 100,000 documents):
an update that adds a member to it writes that member's row, not the actor's 17 MB of JSON
again, and reads the stored members as columns. A reader sees each entry as it was written
whole (`attach_members`: the same dicts, in the same order). An entry whose payload still
holds its members (a record written before the migration) is read as it is.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from bilat.reconcile._tie_search import member_ties
from bilat.store.db import Database
from bilat.store.record_order import GAP

__all__ = [
    "FIELDS",
    "StoredTies",
    "attach_members",
    "decode",
    "drop_members",
    "fill_actor_members",
    "fill_actor_ties",
    "insert_members",
    "insert_ties",
    "member_batches",
    "member_rows",
    "members_around",
    "split",
    "tie_rows",
]

FIELDS = ("ref", "doc_id", "doc_name", "name", "type", "country", "role", "aliases", "gid")
_ALIASES = FIELDS.index("aliases")
_COLUMNS = ", ".join(FIELDS)
_CHUNK = 500
_ACTORS = "kind = 'actors'"


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def member_rows(
    actor: str, members: Iterable[dict[str, Any]], seqs: Iterable[int]
) -> Iterator[tuple[Any, ...]]:
    """The `record_actor_members` rows of `actor`'s `members` (plain, as `to_plain` makes
    an `ActorMember`) at these `seqs`; the aliases as a JSON list, made once per distinct
    list (most are empty; a full write has a million members)."""
    texts: dict[tuple[str, ...], str] = {}
    for m, seq in zip(members, seqs, strict=True):
        aliases = m["aliases"]
        if not aliases:
            text = "[]"
        else:
            key = tuple(aliases)
            text = texts.get(key) or texts.setdefault(key, json.dumps(aliases, ensure_ascii=False))
        yield (
            actor,
            seq,
            m["ref"],
            m["doc_id"],
            m["doc_name"],
            m["name"],
            m["type"],
            m["country"],
            m["role"],
            text,
            m["gid"],
        )


def split(item: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the entry as stored, with `"members": None` in its place; its members)."""
    return {k: None if k == "members" else v for k, v in item.items()}, list(item["members"])


def insert_members(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write member rows (COPY on PostgreSQL: a full write has a million)."""
    db.insert_rows("record_actor_members", ("actor", "seq", *FIELDS), rows)


def _plain(row: Sequence[Any], aliases: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """A member row's fields (after actor and seq) as the entry held them."""
    out = dict(zip(FIELDS, row, strict=True))
    out["aliases"] = list(_aliases(row[_ALIASES], aliases))
    return out


def _aliases(text: Any, seen: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A JSON list of aliases, decoded once per distinct text."""
    found = seen.get(text)
    if found is None:
        found = seen[text] = decode(text)
    return found


def attach_members(db: Database, items: Sequence[dict[str, Any]]) -> None:
    """Give each actor entry of `items` read with `"members": None` its members, in order
    (index reads by actor id, 500 actors a query)."""
    bare = {str(item.get("id")): item for item in items if item.get("members", ()) is None}
    aliases: dict[str, tuple[str, ...]] = {}
    for item in bare.values():
        item["members"] = []
    for chunk in _chunks(sorted(bare)):
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT actor, {_COLUMNS} FROM record_actor_members WHERE actor IN ({marks}) "
            "ORDER BY actor, seq"
        )
        cur = db.execute(sql, list(chunk))
        while rows := cur.fetchmany(1000):
            for row in rows:
                bare[str(row[0])]["members"].append(_plain(row[1:], aliases))


def member_batches(db: Database) -> Iterator[list[tuple[Any, ...]]]:
    """Every member row, (actor, *FIELDS) with the aliases as stored (`decode`), in batches,
    each actor's rows together and in its order."""
    cur = db.execute(f"SELECT actor, {_COLUMNS} FROM record_actor_members ORDER BY actor, seq")
    while rows := cur.fetchmany(2000):
        yield rows


def decode(aliases: str | None) -> tuple[str, ...]:
    """A member row's aliases (a JSON list) as the member holds them."""
    return tuple(json.loads(aliases) or ()) if aliases is not None else ()


def members_around(db: Database, actor: str, k: int) -> tuple[int, int | None]:
    """(the seq of `actor`'s k-th stored member's predecessor, 0 for none; the seq of its
    k-th, None past the last): where members inserted before the k-th go."""
    if k == 0:
        first = db.scalar(
            "SELECT seq FROM record_actor_members WHERE actor = ? ORDER BY seq LIMIT 1", (actor,)
        )
        return 0, None if first is None else int(first)
    rows = db.execute(
        "SELECT seq FROM record_actor_members WHERE actor = ? ORDER BY seq LIMIT 2 OFFSET ?",
        (actor, k - 1),
    ).fetchall()
    if not rows:
        raise ValueError(f"actor {actor} has fewer than {k} stored members")
    return int(rows[0][0]), int(rows[1][0]) if len(rows) > 1 else None


def drop_members(db: Database, actors: Iterable[str]) -> None:
    for chunk in _chunks(sorted(set(actors))):
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM record_actor_members WHERE actor IN ({marks})", list(chunk))
        db.execute(f"DELETE FROM record_actor_ties WHERE actor IN ({marks})", list(chunk))


def tie_rows(actor: str, members: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """The `record_actor_ties` rows (tie, actor) of `actor`'s `members` (plain), each
    distinct kind of member weighed once (a state's actor has a member per document)."""
    classes = {
        (m["type"], m["name"], tuple(m["aliases"] or ()), m["gid"], m["country"]) for m in members
    }
    return {(tie, actor) for c in classes for tie in member_ties(*c)}


def insert_ties(db: Database, rows: Iterable[tuple[str, str]], *, fresh: bool = True) -> None:
    """Write tie key rows; unless `fresh` (the actors have none stored), only those not
    stored yet (an actor grown by some members keeps its keys)."""
    rows = set(rows)
    if not fresh:
        stored = StoredTies(db).ties_of({actor for _, actor in rows})
        rows = {(tie, actor) for tie, actor in rows if tie not in stored.get(actor, ())}
    db.insert_rows("record_actor_ties", ("tie", "actor"), sorted(rows))


class StoredTies:
    """The stored actors' tie keys (`bilat.reconcile._tie_search.TieLookup`): index
    reads, 500 keys or actors a query."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def holders(self, ties: Collection[str]) -> dict[str, set[str]]:
        return self._read("tie", "actor", ties)

    def ties_of(self, actors: Collection[str]) -> dict[str, set[str]]:
        return self._read("actor", "tie", actors)

    def _read(self, by: str, other: str, values: Collection[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(set(values))):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {by}, {other} FROM record_actor_ties WHERE {by} IN ({marks})"
            for one, two in self.db.execute(sql, list(chunk)).fetchall():
                out.setdefault(str(one), set()).add(str(two))
        return out


def fill_actor_ties(db: Database) -> int:
    """Write the tie keys of the actors stored before migration 021 from their member rows
    (each actor's distinct kinds of member, one pass), in one transaction; the rows written
    (0: none was marked). A record written since has its keys: the mark is gone with it."""
    if db.scalar("SELECT COUNT(*) FROM actor_ties_fill") == 0:
        return 0
    rows: set[tuple[str, str]] = set()
    sql = "SELECT DISTINCT actor, type, name, aliases, gid, country FROM record_actor_members"
    with db.transaction():
        for actor, kind, name, aliases, gid, country in db.execute(sql).fetchall():
            ties = member_ties(kind, name, decode(aliases), gid, country)
            rows.update((tie, str(actor)) for tie in ties)
        db.execute("DELETE FROM record_actor_ties")
        db.insert_rows("record_actor_ties", ("tie", "actor"), sorted(rows))
        db.execute("DELETE FROM actor_ties_fill")
    return len(rows)


def fill_actor_members(db: Database) -> int:
    """Split the actor entries written before migration 020 (their members in their
    payloads) into an entry and member rows, in one transaction; the entries split (0:
    none left). A record written since has none such: the mark is gone with it."""
    if db.scalar("SELECT COUNT(*) FROM actor_members_fill") == 0:
        return 0
    done = 0
    with db.transaction():
        rows = db.execute("SELECT pos FROM record_items WHERE kind = 'actors' ORDER BY pos")
        positions = [int(r[0]) for r in rows.fetchall()]
        for chunk in _chunks(positions):
            for n in range(0, len(chunk), 20):  # an entry holds up to ~17 MB of members
                marks = ", ".join("?" for _ in chunk[n : n + 20])
                sql = f"SELECT pos, payload FROM record_items WHERE {_ACTORS} AND pos IN ({marks})"
                for pos, payload in db.execute(sql, list(chunk[n : n + 20])).fetchall():
                    done += _fill_one(db, int(pos), json.loads(payload))
        db.execute("DELETE FROM actor_members_fill")
    return done


def _fill_one(db: Database, pos: int, item: dict[str, Any]) -> int:
    if item.get("members") is None:
        return 0
    entry, members = split(item)
    actor = str(entry.get("id"))
    seqs = ((n + 1) * GAP for n in range(len(members)))
    db.execute("DELETE FROM record_actor_members WHERE actor = ?", (actor,))
    insert_members(db, list(member_rows(actor, members, seqs)))
    db.execute(
        "UPDATE record_items SET payload = ? WHERE kind = 'actors' AND pos = ?",
        (json.dumps(entry, ensure_ascii=False), pos),
    )
    return 1
