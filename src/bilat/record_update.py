"""Bring the stored record up to date after an ingest or extraction.

    refresh_record(store)             "current", "updated" (only what new documents touch) or
                                      "rebuilt" (anything else)
    added_documents(store)            the documents added since the build, when that is all
    update_record(store, added)       re-derive what they touch and change only those rows

When the only change since the record was built is new documents (no removal,
re-extraction or review), the update re-derives just what they touch
(`bilat.record_delta.derive`, `bilat.reconcile.delta`) and changes those rows
(`bilat.store.record_patch`); otherwise it rebuilds (`bilat.record.rebuild_record`). Requires
the stored record and the fingerprint it was built from; assigns the record's changed rows.
Both give the identical record (tests/test_incremental_record.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from bilat._collector import collector_paused
from bilat.reconcile import ActorMember, CanonicalActor
from bilat.reconcile._member_kinds import some_of_each
from bilat.reconcile.actor_growth import gained_members
from bilat.reconcile.delta import PartDelta, RecordDelta
from bilat.reconcile.model import to_plain
from bilat.record import rebuild_record
from bilat.record_delta import derive
from bilat.reviewed import load_reviews_for_record
from bilat.store import Store
from bilat.store.actor_members import FIELDS as MEMBER_FIELDS
from bilat.store.actor_members import fill_actor_members, fill_actor_ties
from bilat.store.agreement_entries import fill_agreement_entries
from bilat.store.entry_patch import ActorRows, NoRoom, PartPatch
from bilat.store.record_keys import summary_of
from bilat.store.record_patch import RecordPatch
from bilat.store.record_rows import record_source
from bilat.store.series_points import fill_series_points

__all__ = ["added_documents", "refresh_record", "update_record"]

_ITEM_TABLES = ("actors", "events", "figures", "agreements", "commitments")
_PARTS = ["documents", "actors", "judgements", "events", "conflicts", "series", "commitments"]


# the current documents the record holds no entry of (a document's item key is its id)
_NOT_HELD = (
    "SELECT d.id FROM documents d WHERE d.is_current = 1 AND d.status = 'ok' AND NOT EXISTS "
    "(SELECT 1 FROM record_items r WHERE r.kind = 'documents' "
    "AND r.item_key = CAST(d.id AS TEXT))"
)


def added_documents(store: Store) -> set[int] | None:
    """The documents added since the stored record was built, when that is the only change
    (no document removed or replaced, none re-extracted, no judgement made or revoked);
    None otherwise. Read from the fingerprint the record was built from (`record_source`:
    counts and highest ids per table) and the document ids it holds: the current documents
    it holds no entry of (index reads, not every id), and whether it holds the others (it
    holds as many entries as there are current documents but the added ones: then every
    one it holds is current)."""
    built, now = record_source(store.db), store.record_source()
    if built is None or built == now:
        return None
    old, new = [int(v) for v in built.split(":")], [int(v) for v in now.split(":")]
    if len(old) != len(new) or old[-2:] != new[-2:]:
        return None  # judgements made or revoked
    added = {int(r["id"]) for r in store.db.all(_NOT_HELD)}
    stored = store.db.scalar("SELECT COUNT(*) FROM record_items WHERE kind = 'documents'")
    current = store.db.scalar(
        "SELECT COUNT(*) FROM documents WHERE is_current = 1 AND status = 'ok'"
    )
    if int(stored) != int(current) - len(added) or not added:
        return None  # (a document the record holds is not current)
    for n, table in enumerate(_ITEM_TABLES, start=1):
        if not _only_added(store, table, added, old[2 * n], old[2 * n + 1], new[2 * n]):
            return None
    return added


def _only_added(
    store: Store, table: str, added: set[int], count: int, highest: int, now: int
) -> bool:
    """Every row of `table` newer than the build is of an added document, and the other
    documents kept all their rows."""
    ids = sorted(added)
    of_added = newer = 0
    for i in range(0, len(ids), 500):
        marks = ", ".join("?" for _ in ids[i : i + 500])
        chunk = ids[i : i + 500]
        of_added += int(
            store.db.scalar(f"SELECT COUNT(*) FROM {table} WHERE doc_id IN ({marks})", chunk)
        )
        newer += int(
            store.db.scalar(
                f"SELECT COUNT(*) FROM {table} WHERE id > ? AND doc_id IN ({marks})",
                [highest, *chunk],
            )
        )
    all_newer = int(store.db.scalar(f"SELECT COUNT(*) FROM {table} WHERE id > ?", (highest,)))
    return now - of_added == count and newer == all_newer


def update_record(store: Store, added: set[int]) -> RecordDelta | None:
    """Re-derive what the `added` documents touch and change only those rows; None (and
    nothing changed) when reviews of figures are stored (the record then keeps the machine's
    conflicts beside the reviewed ones: rebuild it) or the stored parts are not the usual ones.
    Raises `NoRoom` when positions ran out between two entries (rebuild then)."""
    version, source = store.store_version(), store.record_source()
    parts = store.db.scalar("SELECT parts FROM record_meta WHERE id = 1")
    reviewed = load_reviews_for_record(store)
    if reviewed.reviews.get("figures") or json.loads(parts or "[]") != [*_PARTS, "agreements"]:
        return None
    fill_actor_members(store.db)  # a record written before migration 020: once
    fill_actor_ties(store.db)  # before 021 (or 026: a person's alias as `a`): once
    fill_series_points(store.db)  # before 022: once
    fill_agreement_entries(store.db)  # before 023: once
    with collector_paused():  # what it reads is kept to the end: no cycles to look for
        delta = derive(store, added, reviewed)
        actors = delta.parts.get("actors")
        patch = RecordPatch(
            {kind: _part_patch(store, kind, p) for kind, p in delta.parts.items()},
            {kind: _plain_whole(kind, items) for kind, items in delta.whole.items()},
            delta.actor_ids,
            _actor_rows(actors.removed, actors.added) if actors else {},
        )
        store.patch_record(patch, source, version)
    return delta


def _part_patch(store: Store, kind: str, part: PartDelta) -> PartPatch:
    if kind == "actors":
        # the patch removes rows by key: an actor's is its id; an added actor goes without
        # its members (`_actor_rows` says which to write: the actor of a state holds a
        # member per document naming it, and gains a few)
        added = [_actor_entry(a) for a in part.added]
        return PartPatch([{"id": a.id} for a in part.removed], added)
    return PartPatch([_plain(x) for x in part.removed], [_plain(x) for x in part.added])


def _actor_entry(actor: CanonicalActor) -> dict[str, Any]:
    """`to_plain` of an actor as its entry is stored: `"members": None`."""
    return {
        f.name: None if f.name == "members" else to_plain(getattr(actor, f.name))
        for f in fields(CanonicalActor)
    }


def _actor_rows(
    removed: Sequence[CanonicalActor], added: Sequence[CanonicalActor]
) -> dict[str, ActorRows]:
    """How each `added` actor's members are written: when the stored actor of its id (among
    `removed`, its members in stored order) keeps every member in the same order, only the
    members it gained, each placed before the stored one that follows it; else all of them.
    Its keys' summary and names are counted over the members as they are, none made plain
    but those written."""
    old = {a.id: a.members for a in removed}
    lists: dict[tuple[str, ...], list[str]] = {}

    def plain(m: ActorMember) -> dict[str, Any]:
        out = {name: getattr(m, name) for name in MEMBER_FIELDS}
        out["aliases"] = lists.setdefault(m.aliases, list(m.aliases))
        return out

    out = {}
    for actor in added:
        before = old.get(actor.id, ())
        gained = _gained(before, actor.members)
        rewrite = gained is None or not before
        members = actor.members if rewrite else [m for _, m in gained or ()]
        places = [0] * len(members) if rewrite else [k for k, _ in gained or ()]
        # (of a grown actor, its stored members' kinds and the placed ones: not all read)
        each = some_of_each(actor.members)
        roles, names = _said(map(_ROLE, each)), _said(map(_NAME, each))
        out[actor.id] = ActorRows(  # (`doc_count`: its members' documents, `_build_actor`)
            summary_of(_actor_entry(actor), actor.doc_count, roles),
            frozenset(names),
            [(k, plain(m)) for k, m in zip(places, members, strict=True)],
            rewrite,
        )
    return out


_ROLE, _NAME, _REF = map(attrgetter, ("role", "name", "ref"))


def _said(values: Iterable[str | None]) -> set[str]:
    """The distinct values said (as strings): each distinct one made once."""
    return {str(v) for v in set(values) if v}


def _gained(
    before: Sequence[ActorMember], members: Sequence[ActorMember]
) -> list[tuple[int, ActorMember]] | None:
    """The `members` not among `before` with the number of `before`'s ahead of each, when
    `members` keeps every one of `before` in order (the same objects: `gained_members`,
    with maps; or equal ones, compared one by one); else None."""
    found = gained_members(before, members) if before else None
    if found is not None or not set(map(_REF, before)) <= set(map(_REF, members)):
        return found  # (a member equal to one of `before` has its ref)
    gained, j = [], 0
    for m in members:
        if j < len(before) and (m is before[j] or m == before[j]):
            j += 1
        else:
            gained.append((j, m))
    return gained if j == len(before) else None


_CLAIM_LISTS = ("evidence_figures", "dissent")


def _plain_whole(kind: str, entries: Sequence[Any]) -> list[Any]:
    """`_plain` of each entry of a part written whole; a commitment's claims are made plain
    once per claim, so commitments judged on the same figures share the dicts and the patch
    keys each claim once (`part_patchers._Claims`: 60,500 claims cited at 100,000 documents,
    11,697 distinct)."""
    if kind != "commitments":
        return [_plain(x) for x in entries]
    made: dict[int, Any] = {}  # id -> plain; the claims live as long as `entries`

    def claim(c: Any) -> Any:
        plain = made.get(id(c))
        if plain is None:
            plain = made[id(c)] = to_plain(c)
        return plain

    def commitment(entry: Any) -> Any:
        if isinstance(entry, dict):
            return entry
        return {
            f.name: [claim(c) for c in getattr(entry, f.name)]
            if f.name in _CLAIM_LISTS
            else to_plain(getattr(entry, f.name))
            for f in fields(entry)
        }

    return [commitment(x) for x in entries]


def _plain(entry: Any) -> Any:
    """An entry of the delta as stored: events and agreements come plain already (stored rows
    and the entries they are compared with), not copied again."""
    return entry if isinstance(entry, dict) else to_plain(entry)


def refresh_record(store: Store) -> str:
    """Bring the stored record up to date: "current" (nothing to do), "updated" (only new
    documents: what they touch re-derived) or "rebuilt" (anything else)."""
    if store.keep_record_current():
        return "current"
    added = added_documents(store)
    if added is not None:
        try:
            if update_record(store, added) is not None:
                return "updated"
        except NoRoom:
            pass
    rebuild_record(store)
    return "rebuilt"
