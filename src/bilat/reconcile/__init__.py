"""Reconcile: many per-document extractions -> one sourced, reconciled Record.

    reconcile(extractions, judgements) -> Record
    reconcile_read(read, judgements)    the same, each stage reading only its item kinds
      actors.py       canonical actors across documents (+ machine merge judgements)
      events.py       event mentions -> EventCluster (same real-world event)
      figures.py      figure claims -> intervals -> groups, conflicts, series
      commitments.py  commitments -> met | missed | disputed | pending
      agreements.py   agreement statements -> histories (negotiating -> signed)
      pairs.py        the pair(s) of states each item is about ("CN-RU", "IN-RU")
      model.py        the records

Pure functions: no storage, no globals. The result depends only on the inputs and judgements,
never on their order (inputs are sorted by (published, doc_name, doc_id) first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bilat.reconcile.actors import actors_of, collect_members
from bilat.reconcile.agreements import histories_of, project_forms, statement_items
from bilat.reconcile.commitments import track_commitments
from bilat.reconcile.events import clusters_of, mention_items
from bilat.reconcile.figures import claim_interval, find_conflicts, group_figures, series_of
from bilat.reconcile.model import (
    ActorMember,
    AgreementEntry,
    AgreementHistory,
    CanonicalActor,
    CommitmentSource,
    CommitmentStatus,
    Conflict,
    DetailConflict,
    EventCluster,
    EventMention,
    FigureClaim,
    FigureGroup,
    FigureKey,
    FigureSeries,
    Judgement,
    MergeJudgement,
    ReconcileOptions,
    Record,
    SeriesPoint,
    SourcedExtraction,
    ValueSources,
    ordered_inputs,
    sorted_merges,
)
from bilat.reconcile.pairs import PairFiler, pair_key, parse_pair

__all__ = [
    "ActorMember",
    "AgreementEntry",
    "AgreementHistory",
    "CanonicalActor",
    "CommitmentSource",
    "CommitmentStatus",
    "Conflict",
    "DetailConflict",
    "EventCluster",
    "EventMention",
    "FigureClaim",
    "FigureGroup",
    "FigureKey",
    "FigureSeries",
    "Judgement",
    "MergeJudgement",
    "ReconcileOptions",
    "Record",
    "SeriesPoint",
    "SourcedExtraction",
    "ValueSources",
    "apply_judgements",
    "claim_interval",
    "extend",
    "pair_key",
    "parse_pair",
    "reconcile",
    "reconcile_read",
]


def reconcile(
    extractions: Sequence[SourcedExtraction],
    judgements: Sequence[Judgement] = (),
    options: ReconcileOptions | None = None,
) -> Record:
    """Build the reconciled record. `judgements` are the stored human ones, oldest first."""
    inputs = ordered_inputs(extractions)
    return reconcile_read(lambda kinds: inputs, judgements, options)


def reconcile_read(
    read: Callable[[tuple[str, ...]], Sequence[SourcedExtraction]],
    judgements: Sequence[Judgement] = (),
    options: ReconcileOptions | None = None,
) -> Record:
    """`reconcile` of the inputs `read(kinds)` gives in reading order, each stage reading
    only the item kinds it weighs ("actors", "figures", "events", "commitments",
    "agreements"; the others may be empty) and letting them go when done, so a caller that
    reads from the store never holds every extraction at once. The record's inputs are
    `read(())`: each document's name, dates and pair."""
    opts = options or ReconcileOptions()
    human = tuple(j for j in judgements if j.by != "machine")
    first = read(("actors", "figures"))  # figures read the types of their document's actors
    groups = group_figures(first, opts)
    members = collect_members(first)
    del first
    actors, merges, index = actors_of(members, human)
    del members
    docs = read(())
    filer = PairFiler(docs, index)
    mentions = mention_items(read(("events",)), index)  # the extractions go once read
    events = tuple(map(filer.event, clusters_of(mentions.values(), index, opts)))
    del mentions
    commitments = track_commitments(read(("commitments",)), groups, opts, index)
    statements = statement_items(read(("agreements",)), index, project_forms(actors))
    agreements = histories_of(statements, index, opts)
    del statements
    return Record(
        inputs=tuple(docs),
        actors=actors,
        judgements=human + sorted_merges(merges),
        events=events,
        figures=groups,
        conflicts=tuple(map(filer.conflict, find_conflicts(groups))),
        series=tuple(map(filer.series, series_of(groups))),
        commitments=tuple(map(filer.commitment, commitments)),
        agreements=tuple(map(filer.agreement, agreements)),
        options=opts,
    )


def apply_judgements(record: Record, overrides: Sequence[Judgement]) -> Record:
    """Rebuild `record` under `overrides`: the complete list of human judgements.

    The overrides replace the record's earlier human judgements, so dropping a stored judgement
    undoes it; for one pair of members the last judgement wins ("split" then "merge" = merged).
    """
    return reconcile(record.inputs, overrides, record.options)


def extend(record: Record, extractions: Sequence[SourcedExtraction]) -> Record:
    """`record` with more documents (a full rebuild: cheap, and always consistent)."""
    return reconcile((*record.inputs, *extractions), record.human_judgements(), record.options)
