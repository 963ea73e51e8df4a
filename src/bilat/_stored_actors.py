"""The stored record's actors as an update of the record reads them (`bilat.record_delta`).

    stored_actors(db, reader)                    every stored actor, with its members
    stored_documents(db, added)                  the old documents the actors hold whole
    merges_of(db, refs)                          the stored machine merges of these members
    members_by_document(actors, rows, added)     the old documents' members, from the actors
    actor_rows(db)                               the number of actor rows of each document
    member_order(db, members)                    given documents' member refs in row order

An update takes the old documents' actors from the stored actors' members rather than from
their rows. `collect_members` reads a document's actors in the order of its rows, and the
members clustered again must come in that order; the others' order changes nothing (they
keep their actors, built as stored). So each document's members are taken as the actors
hold them, and the order of its rows is read, by document, only for the documents with two
or more members clustered again (`actor_growth.regrow`): at 100,000 documents, reading
every row (a million) to order every document's members cost 2.5 s of the update.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from bilat._stored_members import LazyMembers, MemberReader
from bilat.reconcile import ActorMember, CanonicalActor, MergeJudgement
from bilat.reconcile.actor_growth import MemberOrder
from bilat.reconcile.actors import member_ref
from bilat.store.actor_members import decode, member_batches
from bilat.store.db import Database
from bilat.store.record_order import SEP

__all__ = [
    "actor_rows",
    "member_order",
    "members_by_document",
    "merges_of",
    "stored_actors",
    "stored_documents",
]


def stored_actors(db: Database, reader: MemberReader | None = None) -> list[CanonicalActor]:
    """The actors of the stored record, as reconcile made them: their entries, and their
    members read as columns (`bilat.store.actor_members`; an entry written before
    migration 020 holds its members in its payload). With a `reader`, each actor's members
    are read by its id when first asked (`LazyMembers`; the reader learns the actors'
    places), unless an entry holds its members (then all are read, the reader left out)."""
    shared: dict[Any, Any] = {}
    entries = [json.loads(r[0]) for r in db.execute(_ENTRIES).fetchall()]
    if reader is not None and all(a.get("members") is None for a in entries):
        reader.positions = {str(a["id"]): n for n, a in enumerate(entries)}
        lazy = reader
        rows = {}
    else:
        lazy, rows = None, _member_rows(db, shared)

    def members(a: dict[str, Any]) -> Sequence[ActorMember]:
        if a.get("members") is not None:
            return _members(a, shared)
        if lazy is not None:
            return LazyMembers(lazy, str(a["id"]))
        return rows.get(str(a["id"]), ())

    return [
        CanonicalActor(**{**a, "names": tuple(a["names"]), "members": members(a)}) for a in entries
    ]


_ENTRIES = "SELECT payload FROM record_items WHERE kind = 'actors' ORDER BY pos"


def stored_documents(db: Database, added: Collection[int]) -> set[int]:
    """The old documents whose actors are just the stored actors' members: as many member
    rows as actor rows, of distinct refs (`members_by_document`, counted by SQL over the
    index of migration 027); the `added` ones left out."""
    sql = (
        "SELECT m.doc_id FROM (SELECT doc_id, COUNT(*) AS n, COUNT(DISTINCT ref) AS refs "
        "FROM record_actor_members GROUP BY doc_id) m JOIN (SELECT doc_id, COUNT(*) AS n "
        "FROM actors GROUP BY doc_id) a ON a.doc_id = m.doc_id "
        "WHERE m.n = a.n AND m.refs = m.n"
    )
    cur = db.execute(sql)
    out: set[int] = set()
    while rows := cur.fetchmany(5000):
        out.update(int(d) for (d,) in rows)
    return out - set(added)


def _member_rows(db: Database, shared: dict[Any, Any]) -> dict[str, tuple[ActorMember, ...]]:
    """Actor id -> its stored member rows, in order; the fields members repeat are the one
    copy in `shared` (see `_members`), and so is each distinct list of aliases."""
    out: dict[str, tuple[ActorMember, ...]] = {}
    members: list[ActorMember] = []
    actor = None
    for rows in member_batches(db):
        for a, ref, doc, doc_name, name, kind, country, role, aliases, gid in rows:
            if a != actor:
                if actor is not None:
                    out[str(actor)] = tuple(members)
                actor, members = a, []
            said = (name, kind, country, role, aliases, gid)
            found = shared.get(said)
            if found is None:
                found = shared[said] = (name, kind, country, role, decode(aliases), gid)
            doc_id, doc_name = shared.setdefault(doc, (doc, doc_name))
            members.append(ActorMember(ref, doc_id, doc_name, *found))
    if actor is not None:
        out[str(actor)] = tuple(members)
    return out


def merges_of(db: Database, refs: Collection[str]) -> list[MergeJudgement]:
    """The stored machine merges whose first member is one of `refs`, read by their keys
    (`bilat.store.record_order`: `1`, a, b, reason, kind, by; the sort key, compared byte by
    byte): a range of the index per ref, 250 refs a query. A merge per member joined is
    stored (961,000 at 100,000 documents); an update asks for those of the members it
    clusters again (reading every key to keep those cost 0.9 s there, the ranges 0.2 s)."""
    out = []
    wanted = sorted(set(refs))
    for i in range(0, len(wanted), 250):
        chunk = wanted[i : i + 250]
        ranges = [bound for ref in chunk for bound in (f"1{SEP}{ref}{SEP}", f"1{SEP}{ref}\x02")]
        sql = (
            f"WITH w (lo, hi) AS (VALUES {', '.join('(?, ?)' for _ in chunk)}) "
            "SELECT r.sort_key FROM w JOIN record_items r ON r.kind = 'judgements' "
            "AND r.sort_key >= w.lo AND r.sort_key < w.hi"
        )
        for (key,) in db.execute(sql, ranges).fetchall():
            _, one, other, reason, kind, by = str(key).split(SEP)
            out.append(MergeJudgement(kind, one, other, reason, by))
    return out


def _members(actor: dict[str, Any], shared: dict[Any, Any]) -> tuple[ActorMember, ...]:
    """A stored actor's members; the fields members repeat (a document's id and name, and
    name, type, country, role, aliases and gazetteer id: every member of Russia alike) are
    the one copy in `shared`, not a string each (the actor of a state holds a member per
    document naming it: most of the update's memory at 100,000 documents, before). A ref is
    a member's own: it is not looked up in `shared` (that held a million of them)."""
    out = []
    for m in actor["members"]:
        said = (m["name"], m["type"], m["country"], m["role"], tuple(m["aliases"]), m["gid"])
        name, kind, country, role, aliases, gid = shared.setdefault(said, said)
        doc_id, doc_name = shared.setdefault(m["doc_id"], (m["doc_id"], m["doc_name"]))
        out.append(ActorMember(m["ref"], doc_id, doc_name, name, kind, country, role, aliases, gid))
    return tuple(out)


def members_by_document(
    actors: Sequence[CanonicalActor], rows: Mapping[int, int], added: Collection[int]
) -> dict[int, tuple[ActorMember, ...]]:
    """The members of the stored `actors` per old document, as the actors hold them (so its
    actors need not be read again), each document's in no set order (`member_order` gives
    the order of its rows where clustering needs it). A document naming two actors alike
    (one member ref) or one the record lacks (fewer members than its actor `rows`) is left
    out, and so are the `added` ones."""
    out: dict[int, list[ActorMember]] = {}
    for actor in actors:
        for m in actor.members:
            found = out.get(m.doc_id)
            if found is None:
                out[m.doc_id] = [m]
            else:
                found.append(m)
    return {
        doc: tuple(members)
        for doc, members in out.items()
        if doc not in added
        and rows.get(doc) == len(members)
        and len({m.ref for m in members}) == len(members)
    }


def actor_rows(db: Database) -> dict[int, int]:
    """The number of actor rows of each document (one pass over the `doc_id` index)."""
    out: dict[int, int] = {}
    cur = db.execute("SELECT doc_id, COUNT(*) FROM actors GROUP BY doc_id")
    while rows := cur.fetchmany(1000):
        out.update((int(doc), int(n)) for doc, n in rows)
    return out


def member_order(db: Database, members: Mapping[int, Sequence[ActorMember]]) -> MemberOrder:
    """The refs of the members of given documents of `members` in the order of their actor
    rows (as `collect_members` reads them), read by document (an index read); a document
    not in `members` is left out (its members come from its rows, in their order)."""

    def read(docs: Collection[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        ids = sorted(d for d in docs if d in members)
        for i in range(0, len(ids), 500):
            marks = ", ".join("?" for _ in ids[i : i + 500])
            sql = f"SELECT doc_id, name FROM actors WHERE doc_id IN ({marks}) ORDER BY doc_id, id"
            for doc, name in db.execute(sql, ids[i : i + 500]).fetchall():
                out.setdefault(int(doc), []).append(member_ref(int(doc), name))
        return out

    return read
