"""What adding documents changes in the record: the entries to remove and to add, per part.

    reconcile_delta(old, added, judgements, options) -> RecordDelta

`reconcile(old + added)` equals `reconcile(old)` with the delta applied: each stage re-derives
only the part of its output the new documents can reach, on the same rules, so the two agree
entry for entry (tests/test_incremental_record.py compares them on random insert orders).

- actors: a new member whose gazetteer id and names only its stored actor holds joins it
  (`actor_growth.placed_members`); the members tied to another new one by a chain of shared
  keys (gazetteer id, name key, surname) or human judgements (`actors.tied_members`; by the
  stored actors' keys when given: `_tie_search.tied_by_key`) are
  clustered again; every other actor and machine merge is kept as it was (given, or derived
  whole under the old inputs);
  an actor whose members or names changed is replaced, and so is every machine merge
  judgement that differs;
- events: the mentions of the new documents, and the old ones that read differently under the
  new actor index (a participant that now resolves elsewhere, an actor renamed or moved to
  another country), are the seeds; they are placed again in reading order against the
  stored clusters, and so is every mention after them that probes a cluster that changed
  (`_event_replay.changed_mentions`); the changed clusters are read from the stored record
  (to remove) and their mentions clustered again (to add). Only
  the documents whose names resolve or show differently (`Changes`) are read under the old
  index again; the others' mentions read as under the new one. A mention is made (its
  names resolved) only when weighed (`_event_mentions.Mentions`); given the stored events
  (`StoredEvents`), the old inputs carry none: each is read by id when the replay reaches
  its month or cluster, the stored clusters of the mentions it reaches (with all their
  mentions) are read by the events' ids (`StoredEvents.places`), and the documents that
  may read differently are found by the names their events hold (`Changes.unlike`);
- figures: the groups of every key (a quantity and a period) a new figure has, so their
  conflicts; the series of every quantity a new figure has, all groups of the quantity, or
  (`series`: its stored points of those keys given) those points made again
  (`_series_delta`);
- commitments: all; or, given the stored ones (`StoredCommitments`), those an added
  document states, gains a figure of, moves the latest publication past the deadline of
  or whose parties resolve differently (`_commitment_delta`), the others kept as stored;
- agreements: the components of statements linked by title to a seed
  (`agreements.touched_statements`); all of them when a project name changed. Given the
  old statements by title word (`StoredStatements`), only those the seeds reach are read.
Entries equal before and after are left out of both lists.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.reconcile._actor_changes import Changes
from bilat.reconcile._agreement_delta import StoredStatements, agreement_delta
from bilat.reconcile._commitment_delta import StoredCommitments, commitment_delta
from bilat.reconcile._delta_parts import PartDelta, Stored
from bilat.reconcile._delta_parts import diff as _diff
from bilat.reconcile._delta_parts import row_id as _row_id
from bilat.reconcile._event_mentions import Before, Mentions, StoredEvents, of_kinds
from bilat.reconcile._event_replay import Places, changed_mentions, places_of
from bilat.reconcile._grown_index import Held, grown_index
from bilat.reconcile._series_delta import SomePoints, patched_series, series_quantity
from bilat.reconcile._tie_search import TieLookup
from bilat.reconcile.actor_growth import MemberOrder, gained_members, regrow
from bilat.reconcile.actors import ActorIndex, actor_index, canonical_actors, collect_members
from bilat.reconcile.commitments import track_commitments
from bilat.reconcile.events import (
    cluster_events,
    is_timeless,
    parties,
    recluster,
)
from bilat.reconcile.figures import (
    comparable,
    figure_key,
    find_conflicts,
    group_figures,
    quantity,
    series_of,
)
from bilat.reconcile.model import (
    ActorMember,
    CanonicalActor,
    Conflict,
    FigureKey,
    FigureSeries,
    Judgement,
    MergeJudgement,
    ReconcileOptions,
    SourcedExtraction,
    document_entry,
    merge_order,
    ordered_inputs,
    reading_key,
    to_plain,
)
from bilat.reconcile.pairs import PairFiler

__all__ = [
    "PartDelta",
    "Places",
    "RecordDelta",
    "StoredCommitments",
    "StoredConflicts",
    "StoredEvents",
    "StoredStatements",
    "reconcile_delta",
]

# mention refs -> the stored event entries holding one, by their place in record order
Holding = Callable[[Collection[str]], Mapping[int, dict[str, Any]]]
# member refs -> the stored machine merges whose first member is one of them
MergesOf = Callable[[Collection[str]], Sequence[MergeJudgement]]
Known = tuple[Sequence[CanonicalActor], MergesOf, Holding, Places]
Quantity = tuple[str | None, ...]  # a series' measure, flow, unit, kind, per and topic
# (quantity, period) keys -> the stored series of those quantities the record has, each with
# its points of those periods (`_series_delta.SomePoints`)
StoredSeries = Callable[[Collection[tuple[Quantity, str]]], Sequence[SomePoints]]
# figure keys -> the stored conflicts of those keys (plain)
StoredConflicts = Callable[[Collection[FigureKey]], Sequence[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class RecordDelta:
    parts: dict[str, PartDelta]
    whole: dict[str, tuple[Any, ...]]  # parts replaced whole (commitments; agreements at times)
    moved_members: int  # old actor members whose canonical actor changed
    actor_ids: dict[str, tuple[str, ...]]  # every actor's name -> the ids of that name
    stats: dict[str, int] = field(default_factory=dict)  # entries re-derived per stage


@dataclass(frozen=True, slots=True)
class _Side:
    """One reconciliation's actors: the old inputs or all of them."""

    inputs: tuple[SourcedExtraction, ...]
    actors: tuple[CanonicalActor, ...]
    merges: tuple[MergeJudgement, ...]
    index: ActorIndex
    filer: PairFiler
    again: frozenset[str] | None = None  # the members clustered again (None: every one)
    merges_of: MergesOf | None = None  # the stored merges, when `merges` leaves them out
    held: Held | None = None  # the stored actors' members of given documents, when known

    @classmethod
    def of(cls, inputs: tuple[SourcedExtraction, ...], human: Sequence[Judgement]) -> _Side:
        actors, merges, index = canonical_actors(inputs, human)
        return cls(inputs, actors, merges, index, PairFiler(inputs, index))

    @classmethod
    def known(
        cls,
        inputs: tuple[SourcedExtraction, ...],
        actors: Sequence[CanonicalActor],
        merges_of: MergesOf,
        stored: tuple[ActorIndex, Held] | None = None,
    ) -> _Side:
        """The side of a reconciliation whose actors are known (as stored), its merges
        read by first member when asked (`_judgements`: only the merges of the members
        clustered again can change, and a kept merge is no entry of the delta).
        `stored`: their index, made as the store reads it (by document when asked), and
        their members of given documents; else the index is made from every member."""
        index = actor_index(actors) if stored is None else stored[0]
        filer = PairFiler(inputs, index)
        held = None if stored is None else stored[1]
        return cls(inputs, tuple(actors), (), index, filer, merges_of=merges_of, held=held)

    @classmethod
    def grown(
        cls,
        old: _Side,
        inputs: tuple[SourcedExtraction, ...],
        added: set[int],
        human: Sequence[Judgement],
        known: Mapping[int, Sequence[ActorMember]] | None = None,
        order: MemberOrder | None = None,
        ties: TieLookup | None = None,
    ) -> _Side:
        """The side of `inputs` (`old`'s and the `added` documents'): new members a
        gazetteer id places join their stored actors, the actors of the members tied to the
        other added ones clustered again, the others' actors and merges kept from `old`
        (`actor_growth.regrow`). `known`: the members of documents whose inputs may carry
        no actors; `order`: with `known` in another order than their actors', that order;
        `ties`: with `known`, the stored actors' tie keys (the tied members found by key):
        with no human judgement, only the members of the documents not `known` are laid
        out (the stored actors hold the others: `regrow` reads those it reaches of them)."""
        if ties is not None and known is not None and not human:
            loose = collect_members([s for s in inputs if s.doc_id not in known])
            rank = {s.doc_id: n for n, s in enumerate(inputs)}
            every, merges, again, gained = regrow(
                old.actors, old.merges, loose, added, human, order, (ties, known.keys()), rank
            )
        else:
            members = collect_members(inputs, known)
            search = (ties, known.keys()) if ties is not None and known is not None else None
            every, merges, again, gained = regrow(
                old.actors, old.merges, members, added, human, order, search
            )
        # old's, where none changed
        index = grown_index(old.index, old.actors, every, gained, old.held)
        filer = old.filer.grown([s for s in inputs if s.doc_id in added], index)
        return cls(inputs, every, merges, index, filer, again)

    def view(self, actor_id: str) -> tuple[str, str | None, str | None]:
        """What an entry shows of an actor: its name, country and type."""
        actor = self.index.actors.get(actor_id)
        return (
            self.index.display(actor_id),
            actor.country if actor else None,
            self.index.type_of(actor_id),
        )

    def country_of_name(self, name: str) -> str | None:
        return self.filer.country_by_name.get(name)


def _old_items(old: _Side, new: _Side, after: Mentions, changes: Changes) -> Before:
    """The old reading of the mentions (`Before`): only the documents that read differently
    under the new index are read again under the old one."""
    known = {s.doc_id for s in old.inputs}
    added = {r for s in new.inputs if s.doc_id not in known for r in _refs(s)}
    maybe: Sequence[SourcedExtraction] = old.inputs
    if after.stored is not None:  # the old inputs carry no events: read those that may differ
        maybe = after.with_events(changes.unlike(old.index, new.index, after.stored) & known)
    again = [s for s in maybe if not changes.events_alike(s, new.index)]
    after.prefetch(r for s in again for r in _refs(s))
    return Before(after, Mentions(again, old.index), added)


def _with_added(
    inputs: tuple[SourcedExtraction, ...], added: Iterable[SourcedExtraction]
) -> tuple[SourcedExtraction, ...]:
    """`ordered_inputs` of `inputs` (in reading order) and the `added` documents: each
    added one put in where its reading key falls, not every input's key made and sorted."""
    out = list(inputs)
    for s in ordered_inputs(added):
        out.insert(bisect_right(out, reading_key(s), key=reading_key), s)
    return tuple(out)


def _refs(source: SourcedExtraction) -> list[str]:
    return [f"{source.doc_id}:e{index}" for index in source.event_index()]


def _entry_id(entry: Any) -> str:
    return str(entry.id)


def _figure_key(c: Conflict) -> tuple[Any, ...]:
    return c.measure, c.flow, c.period, c.unit, c.kind, c.per, c.topic


def _plain_figure_key(c: dict[str, Any]) -> tuple[Any, ...]:
    """`_figure_key` of a conflict as stored."""
    return tuple(c.get(f) for f in ("measure", "flow", "period", "unit", "kind", "per", "topic"))


def _quantity(s: FigureSeries) -> tuple[Any, ...]:
    return s.measure, s.flow, s.unit, s.kind, s.per, s.topic


def _by_key(old: Iterable[Any], new: Iterable[Any], key: Callable[[Any], Any]) -> PartDelta:
    """Entries whose key's entries differ: all old ones of the key go, all new ones come."""
    before: dict[Any, list[Any]] = {}
    after: dict[Any, list[Any]] = {}
    for x in old:
        before.setdefault(key(x), []).append(x)
    for x in new:
        after.setdefault(key(x), []).append(x)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    return PartDelta(
        tuple(x for k in before if k in changed for x in before[k]),
        tuple(x for k in after if k in changed for x in after[k]),
    )


def _judgements(old: _Side, new: _Side) -> PartDelta:
    """The machine merges that differ; only those of members clustered again can (a merge's
    key starts with its first member)."""

    def mine(side: _Side) -> list[MergeJudgement]:
        again = new.again
        if again is None:
            return sorted(side.merges, key=merge_order)
        if side.merges_of is not None:
            return sorted(side.merges_of(again), key=merge_order)
        return sorted((m for m in side.merges if m.a in again), key=merge_order)

    return _by_key(mine(old), mine(new), merge_order)


def _moved_members(actors: PartDelta) -> int:
    """The old members whose canonical actor changed, counted over the actors that changed
    (`actors`: the actors part of the delta). A member is in one actor of a side, so one of
    an actor kept as it was stays in it: only a removed actor's members can have moved, each
    into an added actor or out of the record. An added actor that keeps every member of
    the removed one of its id (a grown actor: `gained_members`) keeps them where they were;
    of it, only the members it gained are looked up."""
    before = {a.id: a.members for a in actors.removed}
    after: dict[str, str] = {}
    stay = set()
    for a in actors.added:
        gained = gained_members(before[a.id], a.members) if a.id in before else None
        if gained is None:
            after.update((m.ref, a.id) for m in a.members)
        else:
            stay.add(a.id)
            after.update((m.ref, a.id) for _, m in gained)
    return sum(
        1 for a in actors.removed if a.id not in stay for m in a.members if after.get(m.ref) != a.id
    )


def _holding(rows: Sequence[dict[str, Any]]) -> Holding:
    """`Holding` of these event entries (plain, in record order)."""

    def found(refs: Collection[str]) -> dict[int, dict[str, Any]]:
        return {
            n: row for n, row in enumerate(rows) if any(m["ref"] in refs for m in row["mentions"])
        }

    return found


def _events(
    old: _Side,
    new: _Side,
    changes: Changes,
    options: ReconcileOptions,
    known: tuple[Holding, Places] | None,
    events: StoredEvents | None = None,
) -> PartDelta:
    """The clusters that change (`changed_mentions`), before (`known`: the old record's
    events holding given mentions, plain, and the place of every mention's event) and
    after. Timeless mentions (no date, no publication) are placed after all the others into
    a cluster of exactly their parties, so every timeless mention of the parties of a
    touched mention is placed again, among the clusters holding those parties."""
    after = Mentions(new.inputs, new.index, events)  # each made (and read) when weighed
    before = _old_items(old, new, after, changes)
    if known is None:
        gone = cluster_events(old.inputs, old.index, options)
        where = {m.ref: n for n, c in enumerate(gone) for m in c.mentions}
        known = _holding([to_plain(old.filer.event(c)) for c in gone]), places_of(where)
    stored, places = known
    if after.stored is not None:  # the mentions' event ids are known: read by them
        places = after.places
    seeds = set(before.added)  # the added documents' mentions
    for ref in before.again:  # the others read as after
        item = before[ref]
        if after[ref] is not item and (
            after[ref] != item
            or any(i in changes.ids and old.view(i) != new.view(i) for i in item.ids)
        ):
            seeds.add(ref)
    read = {r for r in seeds if r not in before or after[r] != before[r]}
    refs = changed_mentions(after, read, places, options, seeds - read)

    def kinds_of(ref: str) -> set[tuple[str, str, frozenset[str]]]:
        return {parties(v[ref]) for v in (before, after) if ref in v and v[ref].ids}

    # the party sets whose timeless mentions are placed again, and the stored clusters they
    # may join or leave, grown together until no cluster brings in another party set; only
    # the party sets some timeless mention has (a cluster holding no timeless mention's
    # parties is no timeless mention's to join)
    timeless = after.timeless()
    after.prefetch(timeless)
    loose = {k for r in timeless for k in kinds_of(r)}
    kinds = loose & {
        k for r in refs | {r for r in seeds if is_timeless(after[r])} for k in kinds_of(r)
    }
    rows: dict[int, dict[str, Any]] = {}  # the stored clusters read so far, by position
    asked: set[str] = set()
    while True:
        placed = {r for r in timeless if r in seeds or kinds_of(r) & kinds}
        wanted = {r for r in (*refs, *placed) if r in before} | of_kinds(before, kinds, kinds_of)
        rows.update(stored(wanted - asked))  # the clusters holding one of them
        asked |= wanted
        after.prefetch(m["ref"] for row in rows.values() for m in row["mentions"])
        gone_rows, kept = [], []
        for row in (rows[n] for n in sorted(rows)):
            refs_of = [m["ref"] for m in row["mentions"]]
            if any(r in refs for r in refs_of):
                gone_rows.append(row)  # clustered again with the touched mentions
            elif any(r in placed or kinds_of(r) & kinds for r in refs_of):
                gone_rows.append(row)  # a cluster the timeless mentions placed again may join
                kept.append([after[r] for r in refs_of if not is_timeless(after[r])])
        more = {  # a timeless mention leaving its cluster is placed again too
            k
            for row in gone_rows
            for m in row["mentions"]
            if is_timeless(after[m["ref"]])
            for k in kinds_of(m["ref"])
        }
        if more <= kinds:
            break
        kinds |= more
    after.prefetch(refs)
    come = recluster(
        [after[r] for r in refs], kept, [after[r] for r in sorted(placed)], new.index, options
    )
    return _diff(gone_rows, (to_plain(new.filer.event(c)) for c in come), _row_id)


def _figures(
    old: _Side,
    new: _Side,
    added: Sequence[SourcedExtraction],
    options: ReconcileOptions,
    stored: StoredSeries | None = None,
    held: StoredConflicts | None = None,
) -> tuple[PartDelta, PartDelta]:
    """Series of every quantity a new figure has; conflicts of every key (a quantity and a
    period) a new figure has: a group without a new claim keeps its claims, so its conflict.
    `stored`: the old record's series (plain), when the caller has them: then only the
    groups of the new figures' keys are made (the inputs need hold only those figures), and
    each touched series is its stored points of those keys made again (`SomePoints`);
    with `held`, the old record's conflicts of given keys (plain), no old group is made:
    the conflicts of those keys before are the stored ones."""
    keys = {figure_key(f) for s in added for f in s.extraction.figures}
    touched = {quantity(k) for k in keys}

    def keep(key: Any) -> bool:
        return key in keys if stored is not None else quantity(key) in touched

    after = group_figures(new.inputs, options, keep)
    made = map(new.filer.conflict, find_conflicts(g for g in after if g.key in keys))
    if stored is not None and held is not None:  # the old conflicts as the record holds them
        conflicts = _diff(held(keys), map(to_plain, made), _plain_figure_key)
        was = stored({(quantity(k), k.period or "") for k in keys if comparable(k)})
        series = _diff(was, patched_series(was, after, new.filer), series_quantity)
        return conflicts, series
    before = group_figures(old.inputs, options, keep)
    conflicts = _diff(
        map(old.filer.conflict, find_conflicts(g for g in before if g.key in keys)),
        made,
        _figure_key,
    )
    if stored is not None:
        was = stored({(quantity(k), k.period or "") for k in keys if comparable(k)})
        series = _diff(was, patched_series(was, after, new.filer), series_quantity)
        return conflicts, series
    series = _diff(
        map(old.filer.series, series_of(before)),
        map(new.filer.series, series_of(after)),
        _quantity,
    )
    return conflicts, series


def _commitments(new: _Side, options: ReconcileOptions) -> tuple[Any, ...]:
    slots = {
        (c.measure, c.unit) for s in new.inputs for c in s.extraction.commitments
    }  # a commitment is judged only on groups of its measure and unit
    groups = group_figures(new.inputs, options, lambda k: (k.measure, k.unit) in slots)
    tracked = track_commitments(new.inputs, groups, options, new.index)
    return tuple(map(new.filer.commitment, tracked))


def reconcile_delta(
    old_inputs: Sequence[SourcedExtraction],
    added_inputs: Sequence[SourcedExtraction],
    judgements: Sequence[Judgement] = (),
    options: ReconcileOptions | None = None,
    known: Known | None = None,
    agreements: Stored | None = None,
    members: Mapping[int, Sequence[ActorMember]] | None = None,
    series: StoredSeries | None = None,
    statements: StoredStatements | None = None,
    events: StoredEvents | None = None,
    member_order: MemberOrder | None = None,
    commitments: StoredCommitments | None = None,
    ties: TieLookup | None = None,
    stored_index: tuple[ActorIndex, Held] | None = None,
    conflicts: StoredConflicts | None = None,
) -> RecordDelta:
    """The change from `reconcile(old_inputs, judgements)` to `reconcile(old_inputs +
    added_inputs, judgements)` (see the module docstring). `known`: the actors, machine
    merges and events (plain, as `to_plain` gives them) of `reconcile(old_inputs,
    judgements)` when the caller has them (the stored record; the merges as a lookup of
    those of given first members, the events as a lookup of the entries holding given
    mention refs, and of the place of every mention's entry), so they are not derived
    again; `agreements`:
    the stored agreement histories (plain) of these ids, likewise; `members`: with
    `known`, the actor members of old documents (as `collect_members` gives them), whose
    inputs then need carry no actors (those of a document with figures still name the
    bodies its figures quote); `member_order`: when the `members` of each old document
    come in another order than its actors', the refs in that order for given documents
    (asked only for those whose members are clustered again); `series`: the stored series
    of given quantities with their points of given periods, likewise, whereupon the
    inputs' figures need be only those of the keys (quantity and period) the added figures
    have and of the commitments' measure, unit and deadline period (`_figures`, `_commitments`);
    `statements`: the old documents' agreement statements, read by title word
    (`StoredStatements`), when the old inputs carry none (`_agreements`); `events`: the
    stored events, read by id as the events' replay reaches them (`_event_mentions`), when
    the inputs carry none; `commitments`: the old documents' commitments and the stored
    commitment entries (`StoredCommitments`), when the old inputs carry no commitments
    (and no figures of the commitments' slots); `ties`: with `members`, the stored actors'
    tie keys, read by key or actor (`_tie_search.TieLookup`); `stored_index`: with `known`,
    the index of its actors (read by document when asked) and their members of given
    documents (`_grown_index.Held`), so no stored actor's members are gone over whole;
    `conflicts`: with `series`, the stored conflicts of given figure keys (plain), so the
    old side's groups are not made again (`_figures`)."""
    opts = options or ReconcileOptions()
    human = tuple(j for j in judgements if j.by != "machine")
    inputs = ordered_inputs(old_inputs)
    old = (
        _Side.known(inputs, known[0], known[1], stored_index) if known else _Side.of(inputs, human)
    )
    added = {s.doc_id for s in added_inputs}
    assert members is None or known is not None, "old members come with the stored actors"
    assert events is None or known is not None, "old events come with the stored record"
    every = _with_added(inputs, added_inputs)
    new = _Side.grown(old, every, added, human, members, member_order, ties)
    conflicts_delta, series_delta = _figures(old, new, added_inputs, opts, series, conflicts)
    changes = Changes.of(old.index, new.index)
    histories = agreement_delta(old, new, changes, opts, agreements, statements)
    parts = {
        "documents": PartDelta((), tuple(document_entry(s) for s in added_inputs)),
        "actors": _diff(old.actors, new.actors, _entry_id),
        "judgements": _judgements(old, new),
        "events": _events(old, new, changes, opts, (known[2], known[3]) if known else None, events),
        "conflicts": conflicts_delta,
        "series": series_delta,
    }
    whole: dict[str, tuple[Any, ...]] = {
        "commitments": commitment_delta(old, new, added_inputs, opts, commitments, changes)
        if commitments is not None
        else _commitments(new, opts)
    }
    if isinstance(histories, tuple):
        whole["agreements"] = histories
    else:
        parts["agreements"] = histories
    stats = {name: len(p.removed) + len(p.added) for name, p in parts.items()}
    names: dict[str, tuple[str, ...]] = {}
    for actor in new.actors:
        names[actor.name] = (*names.get(actor.name, ()), actor.id)
    return RecordDelta(parts, whole, _moved_members(parts["actors"]), names, stats)
