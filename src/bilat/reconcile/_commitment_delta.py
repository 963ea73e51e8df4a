"""The commitments after adding documents, judging again only those the new ones can change.

    commitment_delta(old, new, added, options, stored, changes) -> the commitments part, whole

Every distinct commitment (`commitments.dedupe_key`) is tracked in order of its first
statement, judged on the figure groups of its measure, unit and deadline period, the
latest publication of the corpus and the countries its first statement's parties resolve
to. Adding documents changes a commitment's entry only when one of them states it, adds a
figure of its slot (measure, unit, period: a group gains a claim only from a figure of its
key), moves the latest publication past its deadline, or the actors change what its
parties resolve to (with the indexes' `Changes`, asked only of a statement whose document
or party names they may resolve otherwise); every other entry is the stored one, at its
place in the new order.
So the statements are read as outlines (the fields of the key and the parties), and only
the commitments judged again read their statements and their slots' figures whole
(`StoredCommitments`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from bilat.reconcile._dates import deadline_period, period_span
from bilat.reconcile._text import name_key
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.commitments import (
    dedupe_key,
    key_of,
    latest_publication,
    track_commitments,
)
from bilat.reconcile.figures import group_figures
from bilat.reconcile.model import ReconcileOptions, SourcedExtraction
from bilat.reconcile.pairs import PairFiler
from bilat.records import Commitment

if TYPE_CHECKING:
    from bilat.reconcile._actor_changes import Changes

__all__ = ["StoredCommitments", "commitment_delta"]

Key = tuple[Any, ...]  # a commitment's dedupe key
Slot = tuple[str, str, str | None]  # measure, unit, period


@dataclass(frozen=True, slots=True)
class StoredCommitments:
    """The old documents' commitments and the stored record's commitment entries, read
    when asked: `outlines()` gives (row id, document id, (measure, flow, unit, value,
    deadline, measure_text, parties)) of every stored commitment in document and id
    order; `load(ids)` the commitments of these row ids per document, in id order;
    `entries(n)` the stored entries at these places of the commitments part (0 the
    first), as the store gives them back to write them again; `figures(slots)` each
    input holding a figure of these slots, by document, with those figures (and the
    actors they quote)."""

    outlines: Callable[[], Iterable[tuple[int, int, tuple[Any, ...]]]]
    load: Callable[[Collection[int]], Mapping[int, Sequence[Commitment]]]
    entries: Callable[[Collection[int]], Mapping[int, dict[str, Any]]]
    figures: Callable[[Collection[Slot]], Mapping[int, SourcedExtraction]]


class _Side(Protocol):
    @property
    def inputs(self) -> tuple[SourcedExtraction, ...]: ...
    @property
    def index(self) -> ActorIndex: ...
    @property
    def filer(self) -> PairFiler: ...


@dataclass(slots=True)
class _Tracked:
    """One distinct commitment: where it is first stated, by whom, in which words."""

    first: tuple[int, int]  # (reading place of its document, place in the document)
    doc_id: int
    parties: tuple[str, ...]
    slot: Slot
    rows: list[int]  # its old statements' row ids
    old: int | None = None  # its place in the stored part (None: new)
    added: bool = False  # an added document states it


def commitment_delta(
    old: _Side,
    new: _Side,
    added: Sequence[SourcedExtraction],
    options: ReconcileOptions,
    stored: StoredCommitments,
    changes: Changes | None = None,
) -> tuple[Any, ...]:
    """The commitments of `new` in record order: those the `added` documents can change
    judged again (`CommitmentStatus`, filed), the others their stored entries
    (`StoredCommitments.entries`). `changes`: what `new`'s index resolves or shows
    otherwise than `old`'s (`_resolved_alike`)."""
    tracked = _tracked(new.inputs, added, stored)
    latest = latest_publication(added)
    before = latest_publication(old.inputs)
    if latest is None or (before is not None and before >= latest):
        latest = before
    slots = {(str(f.measure), str(f.unit), f.period) for s in added for f in s.extraction.figures}

    def early(t: _Tracked) -> bool:
        return t.added or t.slot in slots or (latest != before and _after(t.slot[2], before))

    def alike(t: _Tracked) -> bool:
        return changes is not None and _resolved_alike(changes, t)

    weighed = {t.doc_id for t in tracked.values() if not (early(t) or alike(t))}
    old.index.prefetch(weighed)  # (a stored index reads its documents' names in one go)
    new.index.prefetch(weighed)
    again = {
        key
        for key, t in tracked.items()
        if early(t) or (not alike(t) and _countries(old.index, t) != _countries(new.index, t))
    }
    judged = _judged(new, added, options, stored, {k: tracked[k] for k in again}, latest)
    kept = stored.entries(
        [t.old for k, t in tracked.items() if k not in again and t.old is not None]
    )
    order = sorted(tracked, key=lambda k: tracked[k].first)
    return tuple(judged[k] if k in again else kept[_place(tracked[k])] for k in order)


def _place(t: _Tracked) -> int:
    assert t.old is not None, "a commitment no added document states is stored"
    return t.old


def _after(period: str | None, day: str | None) -> bool:
    """Whether a deadline of this period ends after `day` (a commitment judged pending
    until the corpus reaches it)."""
    span = period_span(period)
    return span is not None and (day is None or span[1].isoformat() > day)


def _countries(index: ActorIndex, t: _Tracked) -> tuple[str | None, ...]:
    """The countries the parties of a commitment's first statement resolve to."""
    found = (index.actors.get(index.resolve(t.doc_id, p)) for p in t.parties)
    return tuple(a.country if a else None for a in found)


def _resolved_alike(changes: Changes, t: _Tracked) -> bool:
    """Whether the parties of a commitment's first statement resolve to the same actors,
    shown alike, in both indexes, as `Changes` tells without resolving them: its document's
    own names map to the same actors, no party's name key names other actors, and no
    actor came, went or is shown otherwise (`ActorIndex.resolve` reads nothing else)."""
    if changes.ids or t.doc_id in changes.docs:
        return False
    return not any(name_key(p) in changes.keys for p in t.parties)


def _tracked(
    inputs: Sequence[SourcedExtraction],
    added: Sequence[SourcedExtraction],
    stored: StoredCommitments,
) -> dict[Key, _Tracked]:
    """Every distinct commitment of the old documents (from their outlines) and the added
    ones, with its first statement in reading order and its place in the stored part."""
    place = {s.doc_id: n for n, s in enumerate(inputs)}
    for s in added:  # stored already: read from the inputs
        place.pop(s.doc_id, None)
    out: dict[Key, _Tracked] = {}
    last, seq = -1, 0
    for row_id, doc_id, (measure, flow, unit, value, deadline, text, parties) in stored.outlines():
        if doc_id not in place:
            continue  # added, or no current document's
        seq = seq + 1 if doc_id == last else 0
        last = doc_id
        key = key_of(measure, flow, unit, value, deadline, text)
        first = (place[doc_id], seq)
        t = out.get(key)
        if t is None:
            slot = (measure, unit, deadline_period(deadline))
            t = out[key] = _Tracked(first, doc_id, tuple(parties), slot, [])
        elif first < t.first:
            t.first, t.doc_id, t.parties = first, doc_id, tuple(parties)
        t.rows.append(row_id)
    for n, key in enumerate(sorted(out, key=lambda k: out[k].first)):
        out[key].old = n
    place = {s.doc_id: n for n, s in enumerate(inputs)}
    for s in added:
        for seq, c in enumerate(s.extraction.commitments):
            key, first = dedupe_key(c), (place[s.doc_id], seq)
            t = out.get(key)
            if t is None:
                slot = (c.measure, c.unit, deadline_period(c.deadline))
                t = out[key] = _Tracked(first, s.doc_id, c.parties, slot, [])
            elif first < t.first:
                t.first, t.doc_id, t.parties = first, s.doc_id, c.parties
            t.added = True
    return out


def _judged(
    new: _Side,
    added: Sequence[SourcedExtraction],
    options: ReconcileOptions,
    stored: StoredCommitments,
    again: Mapping[Key, _Tracked],
    latest: str | None,
) -> dict[Key, Any]:
    """The commitments `again` judged as `track_commitments` judges them over every input:
    on every statement of theirs and every figure of their slots."""
    found = stored.load([r for t in again.values() for r in t.rows])
    mine = {
        s.doc_id: [c for c in s.extraction.commitments if dedupe_key(c) in again] for s in added
    }
    docs = found.keys() | {doc for doc, stated in mine.items() if stated}  # not every input
    inputs = [
        replace(s, extraction=replace(s.extraction, commitments=tuple(stated)))
        for s in new.inputs
        if s.doc_id in docs and (stated := [*found.get(s.doc_id, ()), *mine.get(s.doc_id, ())])
    ]
    slots = {t.slot for t in again.values()}
    held = stored.figures(slots)
    figures = [held[s.doc_id] for s in new.inputs if s.doc_id in held]
    groups = group_figures(figures, options, lambda k: _slot(k) in slots)
    statuses = track_commitments(inputs, groups, options, new.index, latest)
    return {dedupe_key(s.commitment): new.filer.commitment(s) for s in statuses}


def _slot(key: Any) -> Slot:
    return key.measure, key.unit, key.period
