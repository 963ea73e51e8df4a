"""The reconciled record in the store: built from every current extraction.

Reconciliation is a pure function of the stored extractions and the human merge/split
judgements. `rebuild_record` runs it over everything and stores the record as rows
(`bilat.store.record_rows`, one per entry, one transaction). `refresh_record`, called after
an ingest or extraction, brings the record up to date: when the only change since it was
built is new documents (no removal, re-extraction or review), it re-derives just what they
touch (`bilat.reconcile.delta`) and changes those rows (`bilat.store.record_patch`);
otherwise it rebuilds. Both give the identical record (tests/test_incremental_record.py).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields, replace
from operator import attrgetter
from typing import Any

from bilat._collector import collector_paused
from bilat._stored_actors import (
    actor_rows,
    member_order,
    members_by_document,
    merges_of,
    stored_actors,
)
from bilat.reconcile import (
    ActorMember,
    CanonicalActor,
    MergeJudgement,
    Record,
    SourcedExtraction,
    reconcile_read,
)
from bilat.reconcile._dates import deadline_period
from bilat.reconcile.actor_growth import gained_members
from bilat.reconcile.delta import (
    Holding,
    MergesOf,
    PartDelta,
    Places,
    RecordDelta,
    StoredCommitments,
    StoredEvents,
    StoredStatements,
    reconcile_delta,
)
from bilat.reconcile.figures import find_conflicts, group_figures
from bilat.reconcile.model import PARTS, document_entry, ordered_inputs, to_plain
from bilat.records import Actor, Agreement, Extraction, Figure
from bilat.reviewed import Reviewed, load_reviews_for_record
from bilat.store import Store
from bilat.store.actor_members import FIELDS as MEMBER_FIELDS
from bilat.store.actor_members import StoredTies, fill_actor_members, fill_actor_ties
from bilat.store.agreement_entries import fill_agreement_entries
from bilat.store.entry_patch import ActorRows, NoRoom, PartPatch
from bilat.store.items import (
    ALL_KINDS,
    bare_extraction,
    commitment_outlines,
    event_documents,
    event_names,
    event_outlines,
    load_commitments,
    load_events,
    load_statements,
    load_statements_by_id,
    statement_titles,
)
from bilat.store.mention_places import event_places, mention_places
from bilat.store.record_keys import summary_of
from bilat.store.record_order import sort_key
from bilat.store.record_patch import RecordPatch
from bilat.store.record_rows import (
    entries_keyed,
    events_holding,
    keyed_statuses,
    record_source,
)
from bilat.store.series_points import fill_series_points, some_points
from bilat.store.statement_words import fill_statement_words, statements_with, word_counts

__all__ = [
    "SOURCED_DOCUMENTS",
    "added_documents",
    "load_sourced",
    "rebuild_record",
    "record_json",
    "record_parts",
    "refresh_record",
    "update_record",
]


# the fields of every current document the record reads, once (SQLite: from the index
# `documents_sourced` alone, migration 019; in the table they come after the texts)
SOURCED_DOCUMENTS = (
    "SELECT id, name, published, source, extractor_version, pair FROM documents "
    "WHERE is_current = 1 AND status = 'ok' ORDER BY id"
)


def load_sourced(
    store: Store, kinds: Collection[str] = ALL_KINDS, without_actors: Collection[int] = ()
) -> list[SourcedExtraction]:
    """Every current extraction, as the machine extracted it (the actors without their
    mentions: nothing in the record reads them), with only the item `kinds` named; the
    documents `without_actors` without their actors (the caller has them)."""
    cur = store.db.execute(SOURCED_DOCUMENTS)
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    only = set(kinds) - {"actors"}
    # no item of theirs read (an update's old documents): each made from its row alone
    bare = () if only else without_actors
    made = {int(r[0]): _bare_source(*r) for r in rows if r[0] in bare and r[4] is not None}
    docs = {int(r[0]): dict(zip(cols, r, strict=True)) for r in rows if r[0] not in made}
    held = [i for i in docs if i in without_actors]
    loaded = dict(store.load_extractions(held, mentions=False, kinds=only, documents=docs))
    rest = [i for i in docs if i not in loaded]
    loaded.update(store.load_extractions(rest, mentions=False, kinds=kinds, documents=docs))
    for i, ext in loaded.items():
        made[i] = SourcedExtraction(
            i, docs[i]["name"], docs[i]["published"], docs[i]["source"], ext
        )
    return [made[i] for r in rows if (i := int(r[0])) in made]


def _bare_source(
    doc_id: int,
    name: str,
    published: str | None,
    source: str | None,
    version: str,
    pair: str | None,
) -> SourcedExtraction:
    """A document of no items, from its row (`SOURCED_DOCUMENTS`' columns)."""
    return SourcedExtraction(
        int(doc_id), name, published, source, bare_extraction(name, published, version, pair)
    )


def _merge_judgements(store: Store) -> list[MergeJudgement]:
    rows = store.db.all(
        "SELECT action, payload, author FROM judgements WHERE item_type = 'actor' "
        "AND action IN ('merge', 'split') AND revoked_at IS NULL ORDER BY id"
    )
    out = []
    for row in rows:
        payload: dict[str, Any] = json.loads(row["payload"])
        out.append(
            MergeJudgement(
                row["action"],
                payload["a"],
                payload["b"],
                payload.get("reason", ""),
                by=row["author"],
            )
        )
    return out


def rebuild_record(store: Store) -> Record:
    """Reconcile the reviewed extractions and store the record; it is swapped in whole, with
    the fingerprint of the state it was built from, so a rebuild killed midway leaves a record
    readers know is stale. When reviews touch figures, the conflicts of the machine output are
    stored beside it (`machine_conflicts`), so the pages can show which conflicts reviews
    settled. Each stage reads its own item kinds from the store (`reconcile_read`), so no
    more than one stage's extractions are held at once; the record returned keeps each
    document's name, dates and pair as its inputs, not its items."""
    version, source = store.store_version(), store.record_source()
    reviewed = load_reviews_for_record(store)
    renames = ("actors",) if reviewed.reviews.get("actors") else ()  # a rename reaches all

    def read(kinds: tuple[str, ...]) -> tuple[SourcedExtraction, ...]:
        return ordered_inputs(map(reviewed.source, load_sourced(store, {*kinds, *renames})))

    record = reconcile_read(read, _merge_judgements(store))
    parts = record_parts(record)
    if reviewed.reviews.get("figures"):
        machine = load_sourced(store, ("actors", "figures"))
        machine_conflicts = find_conflicts(group_figures(machine, record.options))
        parts["machine_conflicts"] = map(to_plain, machine_conflicts)
        del machine
    store.save_record(parts, source, version)
    return record


def record_parts(record: Record) -> dict[str, Iterator[dict[str, Any]]]:
    """`record.to_json()` part by part, each entry made plain only as the store writes it."""
    parts: dict[str, Iterator[dict[str, Any]]] = {"documents": map(document_entry, record.inputs)}
    for name in PARTS:
        parts[name] = map(to_plain, getattr(record, name))
    return parts


def record_json(store: Store) -> dict[str, Any]:
    """The stored record, rebuilt first if it was never built or the store changed since."""
    data = store.load_record()
    if data is None or not store.record_is_current():
        rebuild_record(store)
        data = store.load_record() or {}
    return data


_ITEM_TABLES = ("actors", "events", "figures", "agreements", "commitments")
_PARTS = ["documents", "actors", "judgements", "events", "conflicts", "series", "commitments"]


def added_documents(store: Store) -> set[int] | None:
    """The documents added since the stored record was built, when that is the only change
    (no document removed or replaced, none re-extracted, no judgement made or revoked);
    None otherwise. Read from the fingerprint the record was built from (`record_source`:
    counts and highest ids per table) and the document ids it holds."""
    built, now = record_source(store.db), store.record_source()
    if built is None or built == now:
        return None
    old, new = [int(v) for v in built.split(":")], [int(v) for v in now.split(":")]
    if len(old) != len(new) or old[-2:] != new[-2:]:
        return None  # judgements made or revoked
    rows = store.db.all("SELECT item_key FROM record_items WHERE kind = 'documents'")
    stored = {int(r["item_key"]) for r in rows}
    current = {
        int(r["id"])
        for r in store.db.all("SELECT id FROM documents WHERE is_current = 1 AND status = 'ok'")
    }
    added = current - stored
    if stored - current or not added:
        return None
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
    fill_actor_ties(store.db)  # before 021: once
    fill_series_points(store.db)  # before 022: once
    fill_agreement_entries(store.db)  # before 023: once
    with collector_paused():  # what it reads is kept to the end: no cycles to look for
        delta = _derive(store, added, reviewed)
        actors = delta.parts.get("actors")
        patch = RecordPatch(
            {kind: _part_patch(store, kind, p) for kind, p in delta.parts.items()},
            {kind: _plain_whole(kind, items) for kind, items in delta.whole.items()},
            delta.actor_ids,
            _actor_rows(actors.removed, actors.added) if actors else {},
        )
        store.patch_record(patch, source, version)
    return delta


def _derive(store: Store, added: set[int], reviewed: Reviewed) -> RecordDelta:
    """`reconcile_delta` of the stored record and the `added` documents; what it reads of
    the whole store (every extraction, the stored actors) is let go on return, before the
    patch is made and written (at 100,000 documents it is most of the update's memory)."""
    known = _stored(store)
    members = {} if reviewed.reviews.get("actors") else _stored_members(store, known[0], added)
    # a review may edit a statement or rename its parties: then every one is read, reviewed
    statements = None if any(reviewed.reviews.values()) else _statements(store, added)
    # likewise the events (a review may drop or edit one): else read as the replay reaches them
    events = None if any(reviewed.reviews.values()) else _stored_events(store)
    # and the commitments (a review may edit one, or a figure it is judged on)
    every_commitment = any(reviewed.reviews.values())
    read = _inputs(store, added, members, statements is None, events is None, every_commitment)
    if any(reviewed.reviews.values()):  # else each is its own reviewed source
        read = [reviewed.source(s) for s in read]
    # only a document with figures is given actors back (those its figures quote)
    inputs = [_with_actors(s, members) if s.extraction.figures else s for s in read]
    commitments = None if every_commitment else _stored_commitments(store, inputs, members)
    return reconcile_delta(
        [s for s in inputs if s.doc_id not in added],
        [s for s in inputs if s.doc_id in added],
        _merge_judgements(store),
        known=known,
        agreements=lambda ids: entries_keyed(store.db, "agreements", ids),
        members=members,
        series=lambda keys: some_points(store.db, _series_periods(keys)),
        statements=statements,
        events=events,
        member_order=member_order(store.db, members) if members else None,
        commitments=commitments,
        ties=StoredTies(store.db) if members else None,
    )


def _stored_events(store: Store) -> StoredEvents:
    """The stored events, read by id (`bilat.store.items`), their outlines and names, and
    where the record clusters given ones (`event_places`)."""
    db = store.db
    return StoredEvents(
        lambda: event_outlines(db),
        lambda ids: load_events(db, ids),
        lambda: event_names(db),
        lambda names, any_place: event_documents(db, names, any_place),
        lambda ids: event_places(db, ids),
    )


def _stored_commitments(
    store: Store,
    inputs: Sequence[SourcedExtraction],
    members: Mapping[int, Sequence[ActorMember]],
) -> StoredCommitments:
    """The stored commitments, read by id, as outlines and as the record's entries; the
    figures of given slots (measure, unit, period) with the inputs holding them."""
    db = store.db
    by_id = {s.doc_id: s for s in inputs}

    def figures(slots: Collection[tuple[str, str, str | None]]) -> dict[int, SourcedExtraction]:
        found = store.load_figures(by_id.keys(), [(m, u, p) for m, u, p in slots if p is not None])
        return {doc: _with_actors(_with_figures(by_id[doc], found), members) for doc in found}

    def stored(places: Collection[int]) -> dict[int, dict[str, Any]]:
        sql = "SELECT pos FROM record_items WHERE kind = 'commitments' ORDER BY pos"
        positions = [int(r["pos"]) for r in db.all(sql)]
        found = keyed_statuses(db, [positions[n] for n in places])  # claims by key
        return {n: found[positions[n]] for n in places}

    return StoredCommitments(
        lambda: commitment_outlines(db), lambda ids: load_commitments(db, ids), stored, figures
    )


def _statements(store: Store, added: Collection[int]) -> StoredStatements:
    """The old documents' agreement statements, read by title word (`statement_words`; the
    statements stored before migration 018 are indexed first, once)."""
    fill_statement_words(store.db)

    def read(docs: Collection[int] | None) -> Mapping[int, Sequence[Agreement]]:
        if docs is None:
            rows = store.db.all(
                "SELECT id FROM documents WHERE is_current = 1 AND status = 'ok' ORDER BY id"
            )
            docs = [i for r in rows if (i := int(r["id"])) not in added]
        return load_statements(store.db, sorted(docs))

    return StoredStatements(
        lambda words: word_counts(store.db, words),
        lambda words: statements_with(store.db, words),
        lambda ids: statement_titles(store.db, ids),
        lambda ids: load_statements_by_id(store.db, ids),
        read,
    )


_QUANTITY = ("measure", "flow", "unit", "kind", "per", "topic")


def _series_key(quantity: Sequence[str | None]) -> str:
    """The item key of the stored series of a quantity (its sort key)."""
    return sort_key("series", dict(zip(_QUANTITY, quantity, strict=True)), -1)


def _series_periods(keys: Collection[tuple[Sequence[str | None], str]]) -> dict[str, set[str]]:
    """(quantity, period) keys -> the periods asked for of each series, by its item key."""
    out: dict[str, set[str]] = {}
    for quantity, period in keys:
        out.setdefault(_series_key(quantity), set()).add(period)
    return out


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
        roles, names = _said(map(_ROLE, actor.members)), _said(map(_NAME, actor.members))
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


def _stored(
    store: Store,
) -> tuple[list[CanonicalActor], MergesOf, Holding, Places]:
    """The actors of the stored record, as reconcile made them, and lookups of its machine
    merges by first member, of its events holding given mentions, and of the mentions of
    the events holding given mentions with their events' places (`mention_places`): each
    read by its keys as the events' replay reaches them, not all."""
    db = store.db
    return (
        stored_actors(db),
        lambda refs: merges_of(db, refs),
        lambda refs: events_holding(db, refs),
        lambda refs: mention_places(db, refs),
    )


def _stored_members(
    store: Store, actors: Sequence[CanonicalActor], added: Collection[int]
) -> dict[int, tuple[ActorMember, ...]]:
    """The members of the stored `actors` per old document, each document's in no set order
    (`_stored_actors.members_by_document`; `member_order` gives its rows' order)."""
    return members_by_document(actors, actor_rows(store.db), added)


def _inputs(
    store: Store,
    added: Collection[int],
    members: Collection[int],
    every_statement: bool = True,
    every_event: bool = True,
    every_commitment: bool = True,
) -> list[SourcedExtraction]:
    """Every current extraction as an update weighs it: the documents `members` names
    without their actors, and only the figures of the measure, unit and period of an added
    figure and of the measure, unit and deadline period of each commitment (the delta groups
    only the former, reading the rest of their series from the stored record, and judges a
    commitment only on the latter: `reconcile.delta`). A figure of no period is in no
    conflict, series or commitment's judgement: none is read. Without `every_statement`,
    only the added documents' agreement statements (the others are read by title word);
    without `every_event`, only the added documents' events (the others are read by id);
    without `every_commitment`, only the added documents' commitments, and no figure of a
    commitment's slot but the added figures' (`_stored_commitments` reads them)."""
    only = (
        *(() if every_statement else ("agreements",)),
        *(() if every_event else ("events",)),
        *(() if every_commitment else ("commitments",)),
    )
    kinds = set(ALL_KINDS) - {"figures", *only}
    sourced = load_sourced(store, kinds, without_actors=members)
    theirs = dict(store.load_extractions(sorted(added), kinds=only)) if only else {}
    slots: set[tuple[str, ...]] = {
        (c.measure, c.unit, period)
        for s in sourced
        for c in s.extraction.commitments
        if (period := deadline_period(c.deadline)) is not None
    }
    ids = sorted(added)
    for i in range(0, len(ids), 500):
        marks = ", ".join("?" for _ in ids[i : i + 500])
        sql = (
            "SELECT DISTINCT measure, unit, period FROM figures "
            f"WHERE doc_id IN ({marks}) AND period IS NOT NULL"
        )
        found = store.db.all(sql, ids[i : i + 500])
        slots.update((r["measure"], r["unit"], r["period"]) for r in found)
    figures = store.load_figures({s.doc_id for s in sourced}, slots)
    # read without figures: only a document with figures of those slots is made again
    touched = theirs.keys() | figures.keys()
    return [
        _with_figures(_stated(s, theirs, only), figures) if s.doc_id in touched else s
        for s in sourced
    ]


def _with_figures(
    s: SourcedExtraction, figures: Mapping[int, tuple[Figure, ...]]
) -> SourcedExtraction:
    """`s` (read without its figures) with its `figures`, if it has any."""
    found = figures.get(s.doc_id)
    if not found:
        return s
    return replace(s, extraction=replace(s.extraction, figures=found))


def _stated(
    s: SourcedExtraction, found: Mapping[int, Extraction], kinds: Sequence[str]
) -> SourcedExtraction:
    """`s` with the items of these `kinds` of its extraction in `found`, if there is one."""
    if s.doc_id not in found:
        return s
    items = {kind: getattr(found[s.doc_id], kind) for kind in kinds}
    return replace(s, extraction=replace(s.extraction, **items))


def _with_actors(
    s: SourcedExtraction, members: Mapping[int, Sequence[ActorMember]]
) -> SourcedExtraction:
    """`s` read without its actors given back, from its `members`, those its figures quote
    with no data source named (a claim names such a speaker as its source by the actor's
    type: `figures._data_source`); its members come from `members` (`collect_members`)."""
    found = members.get(s.doc_id)
    quoted = {f.said_by for f in s.extraction.figures if f.said_by and not f.source_data}
    if found is None or not quoted:
        return s
    actors = tuple(
        Actor(m.name, m.type, m.country, m.role, m.aliases, m.gid)
        for m in found
        if m.name in quoted
    )
    return replace(s, extraction=replace(s.extraction, actors=actors))


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
