"""What new documents change in the stored record: `reconcile_delta` over what it holds.

    derive(store, added, reviewed)    the delta of the stored record and the `added` documents

Requires the stored record (its actors, events, agreement histories, series points and
commitments, each read by its keys as the replay reaches it: `bilat.reconcile.delta`), the
old documents' extractions (read without what the record holds) and the added documents'
whole; assigns nothing: the delta is written by `bilat.record_update`. What it reads of the
whole store is let go on return.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from bilat._stored_actors import (
    actor_rows,
    member_order,
    members_by_document,
    merges_of,
    stored_actors,
    stored_documents,
)
from bilat._stored_members import DocumentMembers, MemberReader, stored_index
from bilat.reconcile import ActorMember, CanonicalActor, SourcedExtraction
from bilat.reconcile._dates import deadline_period
from bilat.reconcile._event_mentions import Shelves
from bilat.reconcile.delta import (
    Holding,
    MergesOf,
    Places,
    RecordDelta,
    StoredCommitments,
    StoredEvents,
    StoredStatements,
    reconcile_delta,
)
from bilat.record import load_sourced, merge_judgements
from bilat.records import Actor, Agreement, Extraction, Figure
from bilat.reviewed import Reviewed
from bilat.store import Store
from bilat.store.actor_members import StoredTies
from bilat.store.event_shelves import (
    event_documents_of,
    event_outlines_of,
    event_reach,
    event_shelf,
)
from bilat.store.items import (
    ALL_KINDS,
    commitment_outlines,
    event_documents,
    event_names,
    event_outlines,
    load_commitments,
    load_events,
    load_statements,
    statements_titled,
)
from bilat.store.mention_places import event_places, mention_places
from bilat.store.record_order import sort_key
from bilat.store.record_rows import (
    conflicts_keyed,
    entries_keyed,
    events_holding,
    keyed_statuses,
)
from bilat.store.series_points import some_points
from bilat.store.statement_words import (
    fill_statement_words,
    fill_title_words,
    title_counts,
    titles_with,
)

__all__ = ["derive"]

Slot = tuple[str, str, str]  # a figure's measure, unit and (known) period


def derive(store: Store, added: set[int], reviewed: Reviewed) -> RecordDelta:
    """`reconcile_delta` of the stored record and the `added` documents; what it reads of
    the whole store (every extraction, the stored actors) is let go on return, before the
    patch is made and written (at 100,000 documents it is most of the update's memory)."""
    judgements = merge_judgements(store)
    # with no human judgement, the stored members are read by actor or document when asked
    by_key = not reviewed.reviews.get("actors") and all(j.by == "machine" for j in judgements)
    reader = MemberReader(store.db) if by_key else None
    known = _stored(store, reader)
    if reader is not None and reader.positions is None:
        reader = None  # (an entry holds its members: every one was read)
    members: Mapping[int, Sequence[ActorMember]] = (
        {} if reviewed.reviews.get("actors") else _stored_members(store, known[0], added, reader)
    )
    # a review may edit a statement or rename its parties: then every one is read, reviewed
    statements = None if any(reviewed.reviews.values()) else _statements(store, added)
    # likewise the events (a review may drop or edit one): else read as the replay reaches them
    events = None if any(reviewed.reviews.values()) else _stored_events(store)
    # and the commitments (a review may edit one, or a figure it is judged on)
    every_commitment = any(reviewed.reviews.values())
    slots = _added_slots(store, added)  # every input holds all figures of these
    read = _inputs(
        store, added, members, statements is None, events is None, every_commitment, slots
    )
    if any(reviewed.reviews.values()):  # else each is its own reviewed source
        read = [reviewed.source(s) for s in read]
    # only a document with figures is given actors back (those its figures quote)
    quoting = _quoting_members(members, {s.doc_id: _quoted(s) for s in read})
    inputs = [_with_actors(s, quoting) if s.extraction.figures else s for s in read]
    commitments = None if every_commitment else _stored_commitments(store, inputs, members, slots)
    return reconcile_delta(
        [s for s in inputs if s.doc_id not in added],
        [s for s in inputs if s.doc_id in added],
        judgements,
        known=known,
        agreements=lambda ids: entries_keyed(store.db, "agreements", ids),
        members=members,
        series=lambda keys: some_points(store.db, _series_periods(keys)),
        statements=statements,
        events=events,
        member_order=member_order(store.db, members) if members else None,
        commitments=commitments,
        ties=StoredTies(store.db) if members else None,
        stored_index=stored_index(store.db, known[0], reader) if reader is not None else None,
        conflicts=lambda keys: conflicts_keyed(store.db, keys),
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
        Shelves(
            lambda docs: event_outlines_of(db, docs),
            lambda low, high, days, earliest: event_shelf(db, low, high, days, earliest),
            lambda: event_reach(db),
            lambda ids: event_documents_of(db, ids),
        ),
    )


def _stored_commitments(
    store: Store,
    inputs: Sequence[SourcedExtraction],
    members: Mapping[int, Sequence[ActorMember]],
    held: Collection[Slot] = frozenset(),
) -> StoredCommitments:
    """The stored commitments, read by id, as outlines and as the record's entries; the
    figures of given slots (measure, unit, period) with the inputs holding them: of the
    slots `held` (every figure of which the `inputs` hold), taken from the inputs, of the
    others read by index."""
    db = store.db
    by_id = {s.doc_id: s for s in inputs}
    held = set(held)
    have = {s.doc_id: s.extraction.figures for s in inputs if s.extraction.figures}

    def figures(slots: Collection[tuple[str, str, str | None]]) -> dict[int, SourcedExtraction]:
        wanted = {(m, u, p) for m, u, p in slots if p is not None}
        found = _figures_of(have, wanted & held)  # the inputs hold these already
        read = store.load_figures(by_id.keys(), wanted - held)
        for doc, more in read.items():  # (a slot's figures in document order either way)
            found[doc] = (*found.get(doc, ()), *more)
        made = {doc: _with_figures(by_id[doc], found) for doc in found}
        quoting = _quoting_members(members, {doc: _quoted(s) for doc, s in made.items()})
        return {doc: _with_actors(s, quoting) for doc, s in made.items()}

    def stored(places: Collection[int]) -> dict[int, dict[str, Any]]:
        sql = "SELECT pos FROM record_items WHERE kind = 'commitments' ORDER BY pos"
        positions = [int(r["pos"]) for r in db.all(sql)]
        found = keyed_statuses(db, [positions[n] for n in places])  # claims by key
        return {n: found[positions[n]] for n in places}

    return StoredCommitments(
        lambda: commitment_outlines(db), lambda ids: load_commitments(db, ids), stored, figures
    )


def _figures_of(
    have: Mapping[int, Sequence[Figure]], slots: Collection[Slot]
) -> dict[int, tuple[Figure, ...]]:
    """The figures of these `slots` among those each document `have`s, by document."""
    if not slots:
        return {}
    out = {}
    for doc, figures in have.items():
        if mine := tuple(f for f in figures if (f.measure, f.unit, f.period) in slots):
            out[doc] = mine
    return out


def _statements(store: Store, added: Collection[int]) -> StoredStatements:
    """The old documents' agreement statements, read by the words of their distinct titles
    (`title_words`) and by title (the statements stored before migrations 018 and 025 are
    indexed first, once)."""
    fill_statement_words(store.db)
    fill_title_words(store.db)

    def read(docs: Collection[int] | None) -> Mapping[int, Sequence[Agreement]]:
        if docs is None:
            rows = store.db.all(
                "SELECT id FROM documents WHERE is_current = 1 AND status = 'ok' ORDER BY id"
            )
            docs = [i for r in rows if (i := int(r["id"])) not in added]
        return load_statements(store.db, sorted(docs))

    return StoredStatements(
        lambda words: title_counts(store.db, words),
        lambda words: titles_with(store.db, words),
        lambda titles: statements_titled(store.db, titles),
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


def _stored(
    store: Store, reader: MemberReader | None = None
) -> tuple[list[CanonicalActor], MergesOf, Holding, Places]:
    """The actors of the stored record, as reconcile made them (with a `reader`, each one's
    members read when asked), and lookups of its machine merges by first member, of its
    events holding given mentions, and of the mentions of the events holding given
    mentions with their events' places (`mention_places`): each read by its keys as the
    events' replay reaches them, not all."""
    db = store.db
    return (
        stored_actors(db, reader),
        lambda refs: merges_of(db, refs),
        lambda refs: events_holding(db, refs),
        lambda refs: mention_places(db, refs),
    )


def _stored_members(
    store: Store,
    actors: Sequence[CanonicalActor],
    added: Collection[int],
    reader: MemberReader | None = None,
) -> Mapping[int, tuple[ActorMember, ...]]:
    """The members of the stored `actors` per old document, each document's in no set order
    (`_stored_actors.members_by_document`; `member_order` gives its rows' order); with a
    `reader`, each document's read when asked (`DocumentMembers`), the documents counted
    by SQL (`stored_documents`)."""
    if reader is not None:
        return DocumentMembers(reader, stored_documents(store.db, added))
    return members_by_document(actors, actor_rows(store.db), added)


def _inputs(
    store: Store,
    added: Collection[int],
    members: Collection[int],
    every_statement: bool = True,
    every_event: bool = True,
    every_commitment: bool = True,
    added_slots: Collection[Slot] = (),
) -> list[SourcedExtraction]:
    """Every current extraction as an update weighs it: the documents `members` names
    without their actors, and only the figures of the measure, unit and period of an added
    figure and of the measure, unit and deadline period of each commitment (the delta groups
    only the former, reading the rest of their series from the stored record, and judges a
    commitment only on the latter: `reconcile.delta`). A figure of no period is in no
    conflict, series or commitment's judgement: none is read (`added_slots`: the added
    figures' measure, unit and period, `_added_slots`). Without `every_statement`,
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
    slots: set[tuple[str, ...]] = {*added_slots} | {
        (c.measure, c.unit, period)
        for s in sourced
        for c in s.extraction.commitments
        if (period := deadline_period(c.deadline)) is not None
    }
    figures = store.load_figures({s.doc_id for s in sourced}, slots)
    # read without figures: only a document with figures of those slots is made again
    touched = theirs.keys() | figures.keys()
    return [
        _with_figures(_stated(s, theirs, only), figures) if s.doc_id in touched else s
        for s in sourced
    ]


def _added_slots(store: Store, added: Collection[int]) -> set[Slot]:
    """The measure, unit and period of every figure of the `added` documents with a period."""
    slots: set[Slot] = set()
    ids = sorted(added)
    for i in range(0, len(ids), 500):
        marks = ", ".join("?" for _ in ids[i : i + 500])
        sql = (
            "SELECT DISTINCT measure, unit, period FROM figures "
            f"WHERE doc_id IN ({marks}) AND period IS NOT NULL"
        )
        found = store.db.all(sql, ids[i : i + 500])
        slots.update((r["measure"], r["unit"], r["period"]) for r in found)
    return slots


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
    quoted = _quoted(s)
    found = members.get(s.doc_id) if quoted else None
    if found is None:
        return s
    actors = tuple(
        Actor(m.name, m.type, m.country, m.role, m.aliases, m.gid)
        for m in found
        if m.name in quoted
    )
    return replace(s, extraction=replace(s.extraction, actors=actors))


def _quoted(s: SourcedExtraction) -> set[str]:
    """The speakers `s`'s figures quote with no data source named (`_with_actors`)."""
    return {f.said_by for f in s.extraction.figures if f.said_by and not f.source_data}


def _quoting_members(
    members: Mapping[int, Sequence[ActorMember]], quoted: Mapping[int, set[str]]
) -> Mapping[int, Sequence[ActorMember]]:
    """`members`, or of stored ones read when asked (`DocumentMembers`), only those of each
    document's `quoted` speakers (all that `_with_actors` gives back: a document's other
    members are not read)."""
    if not isinstance(members, DocumentMembers):
        return members
    return members.named({doc: names for doc, names in quoted.items() if names})
