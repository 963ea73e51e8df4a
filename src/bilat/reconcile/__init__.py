"""Reconcile: many per-document extractions -> one sourced, reconciled Record.

    reconcile(extractions, judgements) -> Record
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

from collections.abc import Sequence

from bilat.reconcile.actors import canonical_actors
from bilat.reconcile.agreements import agreement_histories
from bilat.reconcile.commitments import track_commitments
from bilat.reconcile.events import cluster_events
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
    merge_order,
    ordered_inputs,
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
]


def reconcile(
    extractions: Sequence[SourcedExtraction],
    judgements: Sequence[Judgement] = (),
    options: ReconcileOptions | None = None,
) -> Record:
    """Build the reconciled record. `judgements` are the stored human ones, oldest first."""
    opts = options or ReconcileOptions()
    inputs = ordered_inputs(extractions)
    human = tuple(j for j in judgements if j.by != "machine")
    actors, merges, index = canonical_actors(inputs, human)
    groups = group_figures(inputs, opts)
    filer = PairFiler(inputs, index)
    return Record(
        inputs=inputs,
        actors=actors,
        judgements=human + tuple(sorted(merges, key=merge_order)),
        events=tuple(map(filer.event, cluster_events(inputs, index, opts))),
        figures=groups,
        conflicts=tuple(map(filer.conflict, find_conflicts(groups))),
        series=tuple(map(filer.series, series_of(groups))),
        commitments=tuple(map(filer.commitment, track_commitments(inputs, groups, opts, index))),
        agreements=tuple(map(filer.agreement, agreement_histories(inputs, actors, index, opts))),
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
