"""The reconciled record: what many per-document extractions say together.

SourcedExtraction  one document's Extraction plus where it came from (input)
MergeJudgement     "these two actor members are / are not the same" (machine or human)
CanonicalActor     one real-world actor, with every per-document member
EventCluster       one real-world event, with every mention and disagreements
FigureClaim        one figure as one document states it, with its value interval
FigureGroup        the claims about one quantity in one period
Conflict           a FigureGroup whose claims cannot all be true
FigureSeries       one quantity over periods, for charting
CommitmentStatus   one commitment (deduplicated) judged against the figures
AgreementHistory   one agreement across documents, its status over time
Record             all of the above (output of `bilat.reconcile.reconcile`)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter
from typing import Any

from bilat.records import Commitment, Extraction

__all__ = [
    "PARTS",
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
    "document_entry",
    "merge_order",
    "ordered_inputs",
    "reading_key",
    "sorted_merges",
    "to_plain",
]


@dataclass(frozen=True, slots=True)
class SourcedExtraction:
    doc_id: int
    doc_name: str
    published: str | None
    source: str | None
    extraction: Extraction
    # each event's place among the document's stored events, when reviews removed some
    # (mention refs "doc_id:e<i>" keep naming the stored row)
    event_indices: tuple[int, ...] | None = None

    def event_index(self) -> tuple[int, ...]:
        if self.event_indices is not None:
            return self.event_indices
        return tuple(range(len(self.extraction.events)))


@dataclass(frozen=True, slots=True)
class ReconcileOptions:
    """Tolerances of the reconciliation rules (docs/reconcile.md explains each)."""

    exact_tolerance: float = 0.01  # exact v -> [v*(1-t), v*(1+t)]
    approx_tolerance: float = 0.05  # approx v -> [v*(1-t), v*(1+t)]
    nearly_floor: float = 0.10  # at_most v ("almost v") -> [v*(1-f), v]
    event_window_days: int = 2  # date slack for visits, forums, exercises and date ranges
    undated_publication_days: int = 7  # undated mentions merge only if published this close
    agreement_dice: float = 0.5  # title content-word Dice needed to match agreements


@dataclass(frozen=True, slots=True)
class MergeJudgement:
    """`kind` "merge" or "split" of actor members `a` and `b` (refs "doc_id:name").

    Machine judgements explain merges; human ones (`by` = user name) force or forbid them.
    """

    kind: str
    a: str
    b: str
    reason: str
    by: str = "machine"


Judgement = MergeJudgement


@dataclass(frozen=True, slots=True)
class ActorMember:
    """One actor as one document extracted it."""

    ref: str  # "doc_id:name": what judgements refer to
    doc_id: int
    doc_name: str
    name: str
    type: str
    country: str | None
    role: str | None
    aliases: tuple[str, ...]
    gid: str | None


@dataclass(frozen=True, slots=True)
class CanonicalActor:
    id: str  # gazetteer id when known, else "type:name key"
    name: str
    type: str
    country: str | None
    gid: str | None
    names: tuple[str, ...]  # every distinct name and alias the members use
    members: Sequence[ActorMember]  # a tuple, or a stored actor's read when first asked
    doc_count: int


@dataclass(frozen=True, slots=True)
class EventMention:
    ref: str  # "doc_id:e<index>"
    doc_id: int
    doc_name: str
    published: str | None
    quote: str
    start: int
    end: int
    status: str
    participants: tuple[str, ...]  # as the document named them
    date: str | None
    date_end: str | None
    place: str | None


@dataclass(frozen=True, slots=True)
class ValueSources:
    value: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DetailConflict:
    """Sources disagree on one detail ("date", "date_end", "place") of an event."""

    detail: str
    values: tuple[ValueSources, ...]


@dataclass(frozen=True, slots=True)
class EventCluster:
    id: str
    type: str
    mode: str
    status: str
    participant_ids: tuple[str, ...]
    participants: tuple[str, ...]  # canonical names, same order as participant_ids
    date: str | None
    date_end: str | None
    place: str | None
    mentions: tuple[EventMention, ...]
    source_count: int
    conflicts: tuple[DetailConflict, ...]
    pairs: tuple[str, ...] = ()  # pair keys ("CN-RU") it is about: bilat.reconcile.pairs


@dataclass(frozen=True, slots=True)
class FigureKey:
    """What a figure measures; claims are compared only within one key."""

    measure: str
    flow: str | None
    period: str | None
    unit: str
    kind: str
    per: str | None
    topic: str | None = None  # normalised measure_text, only for measure "other"


@dataclass(frozen=True, slots=True)
class FigureClaim:
    doc: str  # document name
    doc_id: int
    published: str | None
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    said_by: str | None
    quote: str
    start: int
    end: int
    measure_text: str | None
    source_data: str | None
    low: float  # the claim's interval (may be -inf)
    high: float  # (may be +inf)
    outlet: str | None = None  # who published the document ("Interfax"); None: unknown


@dataclass(frozen=True, slots=True)
class FigureGroup:
    key: FigureKey
    claims: tuple[FigureClaim, ...]
    low: float | None  # common interval of all claims; None when they conflict
    high: float | None


@dataclass(frozen=True, slots=True)
class Conflict:
    measure: str
    flow: str | None
    period: str | None
    unit: str
    kind: str
    per: str | None
    topic: str | None
    claims: tuple[FigureClaim, ...]
    reason: str
    consistent_subsets: tuple[tuple[int, ...], ...]  # indices into `claims`
    source_data: tuple[str, ...]  # distinct named data sources; 2+ = "different sources"
    pairs: tuple[str, ...] = ()  # pair keys ("CN-RU") it is about: bilat.reconcile.pairs


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period: str
    claims: tuple[FigureClaim, ...]
    low: float | None
    high: float | None
    conflict: bool


@dataclass(frozen=True, slots=True)
class FigureSeries:
    measure: str
    flow: str | None
    unit: str
    kind: str
    per: str | None
    topic: str | None
    points: tuple[SeriesPoint, ...]
    pairs: tuple[str, ...] = ()  # pair keys ("CN-RU") it is about: bilat.reconcile.pairs


@dataclass(frozen=True, slots=True)
class CommitmentSource:
    doc_id: int
    doc_name: str
    published: str | None
    status: str
    quote: str
    outlet: str | None = None  # who published the document ("Interfax"); None: unknown


@dataclass(frozen=True, slots=True)
class CommitmentStatus:
    commitment: Commitment  # as first stated
    sources: tuple[CommitmentSource, ...]
    status: str  # met | missed | disputed | pending
    evidence_figures: tuple[FigureClaim, ...]
    period: str | None
    reason: str
    pairs: tuple[str, ...] = ()  # pair keys ("CN-RU") it is about: bilat.reconcile.pairs
    dissent: tuple[FigureClaim, ...] = ()  # claims of the sources outvoted by the verdict


@dataclass(frozen=True, slots=True)
class AgreementEntry:
    published: str | None
    doc_id: int
    doc_name: str
    status: str
    kind: str
    date: str | None
    title: str
    quote: str
    outlet: str | None = None  # who published the document ("Interfax"); None: unknown


@dataclass(frozen=True, slots=True)
class AgreementHistory:
    id: str
    title: str
    kind: str  # of the latest entry
    sector: str
    status: str  # of the latest entry
    parties: tuple[str, ...]  # canonical names
    projects: tuple[str, ...]  # canonical names of named projects in the titles
    entries: tuple[AgreementEntry, ...]
    pairs: tuple[str, ...] = ()  # pair keys ("CN-RU") it is about: bilat.reconcile.pairs


@dataclass(frozen=True, slots=True)
class Record:
    inputs: tuple[SourcedExtraction, ...]
    actors: tuple[CanonicalActor, ...]
    judgements: tuple[MergeJudgement, ...]  # human ones first, then the machine merges
    events: tuple[EventCluster, ...]
    figures: tuple[FigureGroup, ...]
    conflicts: tuple[Conflict, ...]
    series: tuple[FigureSeries, ...]
    commitments: tuple[CommitmentStatus, ...]
    agreements: tuple[AgreementHistory, ...]
    options: ReconcileOptions = field(default_factory=ReconcileOptions)

    def human_judgements(self) -> tuple[MergeJudgement, ...]:
        return tuple(j for j in self.judgements if j.by != "machine")

    def conflicts_json(self) -> list[dict[str, Any]]:
        """What `bilat conflicts --json` prints."""
        return [to_plain(c) for c in self.conflicts]

    def to_json(self) -> dict[str, Any]:
        """Plain dicts/lists/str/numbers/None (infinite bounds become None)."""
        documents = [document_entry(s) for s in self.inputs]
        body = {name: [to_plain(x) for x in getattr(self, name)] for name in PARTS}
        return {"documents": documents, **body}

    def counts(self) -> dict[str, int]:
        """Entries per part, in `to_json`'s order, without making the whole record plain."""
        return {"documents": len(self.inputs), **{n: len(getattr(self, n)) for n in PARTS}}


# The record's parts after "documents", in the order `to_json` gives them.
PARTS = ("actors", "judgements", "events", "conflicts", "series", "commitments", "agreements")


def reading_key(s: SourcedExtraction) -> tuple[str, str, int]:
    """An input's place in reading order: its publication date, document name and id."""
    return s.published or "", s.doc_name, s.doc_id


def ordered_inputs(extractions: Iterable[SourcedExtraction]) -> tuple[SourcedExtraction, ...]:
    """The inputs in reading order: by publication date, document name, document id."""
    return tuple(sorted(extractions, key=reading_key))


def merge_order(j: MergeJudgement) -> tuple[str, str, str, str, str]:
    """The order of machine merge judgements in the record: by the members they join (a
    stable order, so adding documents inserts their merges without moving the others)."""
    return j.a, j.b, j.reason, j.kind, j.by


def sorted_merges(merges: Iterable[MergeJudgement]) -> tuple[MergeJudgement, ...]:
    """`merges` in `merge_order`, sorted field by field (stable sorts, the last field
    first) instead of by a tuple per judgement: a full rebuild sorts ~1M machine merges at
    100,000 documents, ~85 MB of key tuples at once."""
    out = list(merges)
    for name in ("by", "kind", "reason", "b", "a"):
        out.sort(key=attrgetter(name))
    return tuple(out)


def document_entry(s: SourcedExtraction) -> dict[str, Any]:
    """A record input as the record's `documents` part lists it."""
    pair = "-".join(sorted(s.extraction.pair)) if s.extraction.pair else None
    return {
        "doc_id": s.doc_id,
        "doc": s.doc_name,
        "published": s.published,
        "source": s.source,
        "pair": pair,
    }


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))
    return names


def to_plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready data; non-finite floats become None. (Called for every
    value of the record as it is stored: the field names are looked up once per class.)"""
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is float:
        return value if math.isfinite(value) else None
    scalars = _SCALARS  # the common values, kept as they are without a call
    if cls is tuple or cls is list:
        return [v if type(v) in scalars else to_plain(v) for v in value]
    if is_dataclass(cls) and not isinstance(value, type):
        return {
            name: v if type(v := getattr(value, name)) in scalars else to_plain(v)
            for name in _field_names(cls)
        }
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [to_plain(v) for v in value]  # (a stored actor's members: `LazyMembers`)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


_SCALARS = frozenset({str, int, bool, type(None)})
