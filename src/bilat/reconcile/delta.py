"""What adding documents changes in the record: the entries to remove and to add, per part.

    reconcile_delta(old, added, judgements, options) -> RecordDelta

`reconcile(old + added)` equals `reconcile(old)` with the delta applied: each stage re-derives
only the part of its output the new documents can reach, on the same rules, so the two agree
entry for entry (tests/test_incremental_record.py compares them on random insert orders).

- actors are re-derived whole (cheap) under the old and the new inputs; an actor whose members
  or names changed is replaced, and so is every machine merge judgement that differs;
- events: the mentions of the new documents, and the old ones that read differently under the
  new actor index (a participant that now resolves elsewhere, an actor renamed or moved to
  another country), are the seeds; their components (`events.touched_mentions`) are clustered
  under the old index (the clusters to remove) and the new one (the clusters to add);
- figures: the groups of every quantity a new figure has, so its conflicts and series;
- commitments: all (they are few, and the latest publication date judges every one);
- agreements: the components of statements linked by title to a seed
  (`agreements.touched_statements`); all of them when a project name changed.
Entries equal before and after are left out of both lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.reconcile.actors import ActorIndex, canonical_actors
from bilat.reconcile.agreements import (
    histories_of,
    project_forms,
    statement_items,
    touched_statements,
)
from bilat.reconcile.commitments import track_commitments
from bilat.reconcile.events import clusters_of, mention_items, touched_mentions
from bilat.reconcile.figures import (
    figure_key,
    find_conflicts,
    group_figures,
    quantity,
    series_of,
)
from bilat.reconcile.model import (
    CanonicalActor,
    Judgement,
    MergeJudgement,
    ReconcileOptions,
    SourcedExtraction,
    document_entry,
    merge_order,
    ordered_inputs,
)
from bilat.reconcile.pairs import PairFiler

__all__ = ["PartDelta", "RecordDelta", "reconcile_delta"]


@dataclass(frozen=True, slots=True)
class PartDelta:
    """Entries of one part to remove (as they were) and to add (as they are now)."""

    removed: tuple[Any, ...] = ()
    added: tuple[Any, ...] = ()


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

    @classmethod
    def of(cls, inputs: tuple[SourcedExtraction, ...], human: Sequence[Judgement]) -> _Side:
        actors, merges, index = canonical_actors(inputs, human)
        return cls(inputs, actors, merges, index, PairFiler(inputs, index))

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


def _diff(old: Iterable[Any], new: Iterable[Any]) -> PartDelta:
    """Entries only in `old` and only in `new` (as multisets, order kept)."""
    before, after = Counter(old), Counter(new)
    return PartDelta(
        tuple(x for x in before if before[x] > after[x] for _ in range(before[x] - after[x])),
        tuple(x for x in after if after[x] > before[x] for _ in range(after[x] - before[x])),
    )


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


def _moved_members(old: _Side, new: _Side) -> int:
    before = {m.ref: a.id for a in old.actors for m in a.members}
    after = {m.ref: a.id for a in new.actors for m in a.members}
    return sum(1 for ref, actor_id in before.items() if after.get(ref) != actor_id)


def _events(old: _Side, new: _Side, added: set[int], options: ReconcileOptions) -> PartDelta:
    before = mention_items(old.inputs, old.index)
    after = mention_items(new.inputs, new.index)
    seeds = {ref for ref, item in after.items() if item.mention.doc_id in added}
    for ref, item in before.items():
        if after[ref] != item or any(old.view(i) != new.view(i) for i in item.ids):
            seeds.add(ref)
    refs = touched_mentions((before, after), seeds, options)
    gone = clusters_of((before[r] for r in refs if r in before), old.index, options)
    come = clusters_of((after[r] for r in refs), new.index, options)
    return _diff(map(old.filer.event, gone), map(new.filer.event, come))


def _figures(
    old: _Side, new: _Side, added: Sequence[SourcedExtraction], options: ReconcileOptions
) -> tuple[PartDelta, PartDelta]:
    """Conflicts and series of every quantity a new figure has."""
    touched = {quantity(figure_key(f)) for s in added for f in s.extraction.figures}

    def keep(key: Any) -> bool:
        return quantity(key) in touched

    before = group_figures(old.inputs, options, keep)
    after = group_figures(new.inputs, options, keep)
    conflicts = _diff(
        map(old.filer.conflict, find_conflicts(before)),
        map(new.filer.conflict, find_conflicts(after)),
    )
    series = _diff(
        map(old.filer.series, series_of(before)), map(new.filer.series, series_of(after))
    )
    return conflicts, series


def _commitments(new: _Side, options: ReconcileOptions) -> tuple[Any, ...]:
    slots = {
        (c.measure, c.unit) for s in new.inputs for c in s.extraction.commitments
    }  # a commitment is judged only on groups of its measure and unit
    groups = group_figures(new.inputs, options, lambda k: (k.measure, k.unit) in slots)
    tracked = track_commitments(new.inputs, groups, options, new.index)
    return tuple(map(new.filer.commitment, tracked))


def _agreements(
    old: _Side, new: _Side, added: set[int], options: ReconcileOptions
) -> PartDelta | tuple[Any, ...]:
    """The histories the new statements reach; every history (a tuple) when the project
    names titles are read against changed."""
    forms = project_forms(new.actors)
    after = statement_items(new.inputs, new.index, forms)
    if forms != project_forms(old.actors):
        return tuple(map(new.filer.agreement, histories_of(after, new.index, options)))
    before = {i.ref: i for i in statement_items(old.inputs, old.index, forms)}
    seeds = set()
    for item in after:
        was = before.get(item.ref)
        ids = item.parties | item.projects | (was.parties if was else frozenset())
        if was is None or was != item or any(_party_changed(old, new, i) for i in ids):
            seeds.add(item.ref)
    refs = touched_statements(after, seeds, options)
    gone = histories_of([i for i in before.values() if i.ref in refs], old.index, options)
    come = histories_of([i for i in after if i.ref in refs], new.index, options)
    return _diff(map(old.filer.agreement, gone), map(new.filer.agreement, come))


def _party_changed(old: _Side, new: _Side, actor_id: str) -> bool:
    if old.view(actor_id) != new.view(actor_id):
        return True
    name = new.index.display(actor_id)
    return old.country_of_name(name) != new.country_of_name(name)


def reconcile_delta(
    old_inputs: Sequence[SourcedExtraction],
    added_inputs: Sequence[SourcedExtraction],
    judgements: Sequence[Judgement] = (),
    options: ReconcileOptions | None = None,
) -> RecordDelta:
    """The change from `reconcile(old_inputs, judgements)` to `reconcile(old_inputs +
    added_inputs, judgements)` (see the module docstring)."""
    opts = options or ReconcileOptions()
    human = tuple(j for j in judgements if j.by != "machine")
    old = _Side.of(ordered_inputs(old_inputs), human)
    new = _Side.of(ordered_inputs((*old_inputs, *added_inputs)), human)
    added = {s.doc_id for s in added_inputs}
    conflicts, series = _figures(old, new, added_inputs, opts)
    agreements = _agreements(old, new, added, opts)
    parts = {
        "documents": PartDelta((), tuple(document_entry(s) for s in added_inputs)),
        "actors": _diff(old.actors, new.actors),
        "judgements": _by_key(
            sorted(old.merges, key=merge_order), sorted(new.merges, key=merge_order), merge_order
        ),
        "events": _events(old, new, added, opts),
        "conflicts": conflicts,
        "series": series,
    }
    whole: dict[str, tuple[Any, ...]] = {"commitments": _commitments(new, opts)}
    if isinstance(agreements, tuple):
        whole["agreements"] = agreements
    else:
        parts["agreements"] = agreements
    stats = {name: len(p.removed) + len(p.added) for name, p in parts.items()}
    names: dict[str, tuple[str, ...]] = {}
    for actor in new.actors:
        names[actor.name] = (*names.get(actor.name, ()), actor.id)
    return RecordDelta(parts, whole, _moved_members(old, new), names, stats)
