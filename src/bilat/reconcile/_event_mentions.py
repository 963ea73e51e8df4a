"""Event mentions made only when weighed: what an update's replay reads of the rest.

    Mentions(inputs, actors[, stored]) -> Mapping[ref, _Item]  (made when first asked for)

Making a mention (`events._item`) resolves each of its participants and place under the actor
index; an update weighs only the mentions of the months its replay reaches and of the
clusters it changes (`_event_replay`), a small part of a large store. What orders, dates and
blocks every mention (its reading key, its span and publication, its type and mode) is read
from the extraction alone, without the actors (`Sketch`), so the replay can rank every
mention and list it by month while making only those it reads. `sketches` gives the same
of items already made (`mention_items`), so both kinds of mapping can be replayed.

With the store's events (`StoredEvents`), the inputs need carry none: every event's outline
(id, document, type, mode, dates: narrow columns) gives the sketches, and an event is read
by id when first weighed, a month's or a stored cluster's at once (`prefetch`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from bilat.reconcile._dates import Span, date_span, precision
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.events import _Item, _item, _reading, _Seen, span_of
from bilat.reconcile.model import SourcedExtraction
from bilat.records import Event

__all__ = ["Before", "Mentions", "Sketch", "StoredEvents", "of_kinds", "sketches"]

# a mention's reading key (`events._reading`), span, publication span, type and mode
Sketch = tuple[tuple[int, str, str, str], Span | None, Span | None, str, str]
# (id, document id, type, mode, date, date_end) of a stored event
Outline = tuple[int, int, str, str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class StoredEvents:
    """The events of the store, read by id, when the old inputs carry none: their outlines
    (every event's `Outline`, in document and id order, as the inputs would list them),
    the events of given ids, every name a participant or place has, the documents
    naming given names (as participant or place; with True, every one with a place), and
    every event of the record's event entries holding given events (by id) with its
    entry's position."""

    outlines: Callable[[], Iterable[Outline]]
    load: Callable[[Collection[int]], Mapping[int, Event]]
    names: Callable[[], Collection[str]]
    documents: Callable[[Collection[str], bool], Collection[int]]
    places: Callable[[Collection[int]], Mapping[int, int]]


class Mentions(Mapping[str, _Item]):
    """Every event mention of `inputs` by ref (as `mention_items` gives them), each made
    under `actors` only when first asked for and kept; `sketch` of each read at once.
    With `stored`, the mentions are those of the stored events of the inputs' documents
    (their extractions need carry none), each event read when first asked for or
    `prefetch`ed."""

    def __init__(
        self,
        inputs: Sequence[SourcedExtraction],
        actors: ActorIndex,
        stored: StoredEvents | None = None,
    ) -> None:
        self.actors, self.stored = actors, stored
        self.seen = _Seen()
        self.raw: dict[str, tuple[SourcedExtraction, int, Event | None]] = {}
        self.made: dict[str, _Item] = {}
        self.sketch: dict[str, Sketch] = {}
        self.ids: dict[str, int] = {}  # stored: ref -> event id
        self.refs: dict[int, str] = {}  # stored: event id -> ref
        self.counts: dict[int, int] = {}  # stored: document -> its events
        self.sources = {s.doc_id: s for s in inputs}
        # a date pair's span and precision; the last document's publication span and
        # reading fields (the events come document by document)
        self._dates: dict[tuple[str | None, str | None], tuple[Span | None, int]] = {}
        self._published: dict[str | None, Span | None] = {}  # a publication date's span
        self._doc: tuple[int, Span | None, str, str] | None = None
        if stored is None:
            for source in inputs:
                for index, event in zip(
                    source.event_index(), source.extraction.events, strict=True
                ):
                    when = event.date, event.date_end
                    self._add(
                        source, index, event, (index, source.doc_id, *self._kind(event), *when)
                    )
            return
        self._outlined(stored)

    def _outlined(self, stored: StoredEvents) -> None:
        """Every stored event of the inputs' documents, from its outline (237,057 at
        100,000 documents: the loop is `_add`'s, inlined)."""
        sources, sketch, raw, dates = self.sources, self.sketch, self.raw, self._dates
        ids, refs, counts = self.ids, self.refs, self.counts
        doc: int | None = None
        index = 0
        source: SourcedExtraction | None = None
        fields: tuple[Span | None, str, str] = (None, "", "")
        for event_id, doc_id, kind, mode, date, date_end in stored.outlines():
            if doc_id != doc:
                doc, index, source = doc_id, 0, sources.get(doc_id)
                if source is not None:
                    fields = self._published_of(source)
            else:
                index += 1
            if source is None:
                continue
            ref = f"{doc_id}:e{index}"
            raw[ref] = (source, index, None)
            dated = dates.get((date, date_end)) or self._dated(date, date_end)
            sketch[ref] = ((dated[1], fields[1], fields[2], ref), dated[0], fields[0], kind, mode)
            ids[ref], refs[event_id] = event_id, ref
            counts[doc_id] = index + 1

    @staticmethod
    def _kind(event: Event) -> tuple[str, str]:
        return event.type, event.mode

    def _dated(self, date: str | None, date_end: str | None) -> tuple[Span | None, int]:
        """The span and (negated) precision of a date pair, worked out once per pair."""
        dated = self._dates[date, date_end] = self.seen(span_of(date, date_end)), -precision(date)
        return dated

    def _published_of(self, source: SourcedExtraction) -> tuple[Span | None, str, str]:
        """A document's publication span (once per date) and its reading fields."""
        day = source.published
        if day not in self._published:
            self._published[day] = self.seen(date_span(day))
        return self._published[day], day or "", source.doc_name

    def _add(
        self, source: SourcedExtraction, index: int, event: Event | None, outline: Outline
    ) -> str:
        _, doc_id, kind, mode, date, date_end = outline
        ref = f"{doc_id}:e{index}"
        self.raw[ref] = (source, index, event)
        dated = self._dates.get((date, date_end)) or self._dated(date, date_end)
        doc = self._doc
        if doc is None or doc[0] != doc_id:
            doc = self._doc = doc_id, *self._published_of(source)
        self.sketch[ref] = ((dated[1], doc[2], doc[3], ref), dated[0], doc[1], kind, mode)
        return ref

    def prefetch(self, refs: Iterable[str]) -> None:
        """Read the stored events of `refs` not read yet (a query per 500)."""
        if self.stored is None:
            return
        wanted = {self.ids[r]: r for r in refs if r in self.ids and self.raw[r][2] is None}
        if not wanted:
            return
        for event_id, event in self.stored.load(list(wanted)).items():
            source, index, _ = self.raw[wanted[event_id]]
            self.raw[wanted[event_id]] = source, index, event

    def places(self, refs: Iterable[str]) -> dict[str, int]:
        """Every mention of the stored event entries holding one of `refs` -> its entry's
        position in the record (`StoredEvents.places`, read by the events' ids)."""
        assert self.stored is not None, "the places of stored mentions"
        held = self.stored.places([self.ids[r] for r in refs if r in self.ids])
        return {self.refs[i]: pos for i, pos in held.items() if i in self.refs}

    def with_events(self, docs: Iterable[int]) -> list[SourcedExtraction]:
        """The sources of these documents (those of the inputs), with their events."""
        out = []
        for doc_id in sorted(docs):
            source = self.sources.get(doc_id)
            if source is None or self.stored is None:
                out += [] if source is None else [source]
                continue
            refs = [f"{doc_id}:e{i}" for i in range(self.counts.get(doc_id, 0))]
            self.prefetch(refs)
            events = tuple(e for r in refs if (e := self.raw[r][2]) is not None)
            extraction = replace(source.extraction, events=events)
            out.append(replace(source, extraction=extraction, event_indices=None))
        return out

    def __getitem__(self, ref: str) -> _Item:
        found = self.made.get(ref)
        if found is None:
            if self.raw[ref][2] is None:
                self.prefetch((ref,))
            source, index, event = self.raw[ref]
            assert event is not None, ref
            (minus, *_), span, published, *_ = self.sketch[ref]
            dated = span, published, -minus
            found = self.made[ref] = _item(source, index, event, self.actors, self.seen, dated)
        return found

    def __contains__(self, ref: object) -> bool:
        return ref in self.raw

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def timeless(self) -> list[str]:
        """The refs of the mentions with neither a date nor a publication date."""
        return [r for r, s in self.sketch.items() if s[1] is None and s[2] is None]


def sketches(items: Mapping[str, _Item]) -> Mapping[str, Sketch]:
    """The `Sketch` of each of `items` (read, not made, from a `Mentions`)."""
    if isinstance(items, Mentions):
        return items.sketch
    return {r: (_reading(i), i.span, i.published, i.type, i.mode) for r, i in items.items()}


class Before(Mapping[str, _Item]):
    """`mention_items(old.inputs, old.index)`, made as asked: the mentions of the documents
    that read differently (`again`, under the old index), the others' as `after` reads them
    (the same items), the `added` documents' left out."""

    def __init__(self, after: Mentions, again: Mentions, added: Collection[str]) -> None:
        self.after, self.again, self.added = after, again, added

    def __getitem__(self, ref: str) -> _Item:
        if ref in self.again:
            return self.again[ref]
        if ref in self.added:
            raise KeyError(ref)
        return self.after[ref]

    def __contains__(self, ref: object) -> bool:
        return ref in self.after and ref not in self.added

    def __iter__(self) -> Iterator[str]:
        return (r for r in self.after if r not in self.added)

    def __len__(self) -> int:
        return len(self.after) - len(self.added)


def of_kinds(
    before: Before,
    kinds: set[tuple[str, str, frozenset[str]]],
    kinds_of: Callable[[str], set[tuple[str, str, frozenset[str]]]],
) -> set[str]:
    """The old mentions of one of `kinds` (type, mode, participants): only those of a type
    and mode of one are made (read from their sketches)."""
    modes = {(t, m) for t, m, _ in kinds}
    if not modes:
        return set()
    sketch = before.after.sketch
    maybe = [r for r in before if (sketch[r][3], sketch[r][4]) in modes]
    before.after.prefetch(maybe)
    return {r for r in maybe if kinds_of(r) & kinds}
