"""Event mentions made only when weighed: what an update's replay reads of the rest.

    Mentions(inputs, actors[, stored]) -> Mapping[ref, _Item]  (made when first asked for)

Making a mention (`events._item`) resolves each of its participants and place under the actor
index; an update weighs only the mentions of the months its replay reaches and of the
clusters it changes (`_event_replay`), a small part of a large store. What orders, dates and
blocks every mention (its reading key, its span and publication, its type and mode) is read
from the extraction alone, without the actors (`Sketch`), so the replay can rank every
mention and list it by month while making only those it reads. `sketches` gives the same
of items already made (`mention_items`), so both kinds of mapping can be replayed.

With the store's events (`StoredEvents`), the inputs need carry none: an event's outline
(id, document, type, mode, dates: narrow columns) gives its sketch, and the event is read
by id when first weighed, a month's or a stored cluster's at once (`prefetch`). Given
`Shelves`, the outlines are read a document at a time as the replay reaches it: the
documents that may have a mention of a type, mode and month (`shelf`: by index, the
events dated near it and the documents published near it), those of the stored clusters it
reaches (`places`), of a ref asked for, and those with no publication date (`timeless`);
not every stored event's (316,079 at 100,000 documents of `record_scale.py`, 2-3 s).
"""

from __future__ import annotations

import bisect
import calendar
import datetime
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from bilat.reconcile._dates import Span, date_span, months, precision
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.events import _Item, _item, _reading, _Seen, span_of
from bilat.reconcile.model import SourcedExtraction
from bilat.records import Event

__all__ = ["Before", "Mentions", "Shelves", "Sketch", "StoredEvents", "of_kinds", "sketches"]

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
    shelves: Shelves | None = None


@dataclass(frozen=True, slots=True)
class Shelves:
    """The stored events read a shelf at a time (`bilat.store.event_shelves`): the outlines
    of given documents' events; the documents with an event of a type and mode dated from
    a day to a day, or to given month and year strings, or to a span from a year on; the
    most years a span reaches past its first date's year; and the documents of given
    events (by id)."""

    outlines: Callable[[Collection[int]], Iterable[Outline]]
    dated: Callable[[str, str, Collection[str], str], Collection[int]]
    reach: Callable[[], int]
    documents: Callable[[Collection[int]], Collection[int]]


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
        # with `Shelves`, the documents whose events' outlines are read: each read when the
        # replay first reaches it (a shelf, a stored cluster, a ref asked for), not all
        self.loaded: set[int] | None = None
        self._reach: int | None = None  # `Shelves.reach`, read once
        self._by_day: dict[str, list[int]] = {}  # a publication date -> its documents
        self._days: list[str] = []  # those dates, sorted
        self.of_doc: dict[int, list[str]] = {}  # stored: document -> its mentions
        # a month's window (month, days, publication days) -> its mentions by type and mode
        self._months: dict[tuple[str, int, int], dict[tuple[str, str], list[str]]] = {}
        # the documents read for shelves; past a tenth of the inputs (a store whose months
        # the replay reaches hold most of it), every outline is read at once and shelved
        # (`_read_whole`: (type, mode, month) -> mentions, for the windows given)
        self._shelved = 0
        self._whole: tuple[tuple[int, int], dict[tuple[str, str, str], list[str]]] | None = None
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
        if stored.shelves is None:
            self._outlined(stored.outlines())
            return
        self.loaded = set()
        for source in inputs:
            self._by_day.setdefault(source.published or "", []).append(source.doc_id)
        self._days = sorted(self._by_day)

    def _outlined(self, outlines: Iterable[Outline]) -> None:
        """The stored events of the inputs' documents among `outlines` (in document and id
        order, each document's events all), from their outlines (the loop is `_add`'s,
        inlined)."""
        sources, sketch, raw, dates = self.sources, self.sketch, self.raw, self._dates
        ids, refs, counts, of_doc = self.ids, self.refs, self.counts, self.of_doc
        doc: int | None = None
        index = 0
        source: SourcedExtraction | None = None
        fields: tuple[Span | None, str, str] = (None, "", "")
        for event_id, doc_id, kind, mode, day, day_end in outlines:
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
            dated = dates.get((day, day_end)) or self._dated(day, day_end)
            sketch[ref] = ((dated[1], fields[1], fields[2], ref), dated[0], fields[0], kind, mode)
            ids[ref], refs[event_id] = event_id, ref
            counts[doc_id] = index + 1
            of_doc.setdefault(doc_id, []).append(ref)

    def _load(self, docs: Iterable[int]) -> int:
        """Read the outlines of these documents' events (of the inputs', not read yet);
        how many documents were read."""
        if self.loaded is None:
            return 0
        fresh = {d for d in docs if d not in self.loaded and d in self.sources}
        if fresh:
            assert self.stored is not None and self.stored.shelves is not None
            self.loaded |= fresh
            self._outlined(self.stored.shelves.outlines(fresh))
        return len(fresh)

    def _read_whole(self, days: int, published: int) -> dict[tuple[str, str, str], list[str]]:
        """Every outline not read yet (one pass over the store's), and every mention by
        the (type, mode, month) shelves its span widened by `days` and its publication by
        `published` touch, those alike in all four worked out once."""
        assert self.stored is not None and self.loaded is not None
        loaded = self.loaded
        self._outlined(row for row in self.stored.outlines() if row[1] not in loaded)
        loaded.update(self.sources)
        alike: dict[tuple[Span | None, Span | None, str, str], list[str]] = {}
        for ref, (_, span, when, kind, mode) in self.sketch.items():
            alike.setdefault((span, when, kind, mode), []).append(ref)
        whole: dict[tuple[str, str, str], list[str]] = {}
        for (span, when, kind, mode), refs in alike.items():
            touched = set(months(span, days)) if span is not None else set()
            if when:
                touched.update(months(when, published))
            for month in touched:
                whole.setdefault((kind, mode, month), []).extend(refs)
        self._whole = (days, published), whole
        return whole

    def known(self, ref: str) -> bool:
        """Whether `ref` is a mention of the inputs (its document's outlines read if not)."""
        if ref not in self.raw and self.loaded is not None:
            head, sep, _ = ref.partition(":e")
            if sep and head.isdigit():
                self._load((int(head),))
        return ref in self.raw

    def sketch_of(self, ref: str) -> Sketch | None:
        """The `Sketch` of mention `ref`, None if there is none."""
        return self.sketch[ref] if self.known(ref) else None

    def shelf(self, kind: str, mode: str, month: str, days: int, published: int) -> list[str]:
        """The mentions of `kind` and `mode` whose span widened by `days`, or publication
        by `published`, may touch `month` ("YYYY-MM"): with `Shelves`, only the outlines
        of the documents that may have one are read, a month's for all its types and modes
        at once (a superset: the caller keeps those that touch it)."""
        if self.loaded is None:
            sketch = self.sketch
            return [r for r in sketch if sketch[r][3] == kind and sketch[r][4] == mode]
        if self._whole is not None and self._whole[0] == (days, published):
            return self._whole[1].get((kind, mode, month), [])
        if self._shelved * 10 > len(self.sources):
            return self._read_whole(days, published).get((kind, mode, month), [])
        found = self._months.get((month, days, published))
        if found is None:
            found = self._months[month, days, published] = self._month(month, days, published)
        return found.get((kind, mode), [])

    def _month(self, month: str, days: int, published: int) -> dict[tuple[str, str], list[str]]:
        """`shelf`'s mentions of `month`, of every type and mode."""
        assert self.stored is not None and self.stored.shelves is not None
        shelves = self.stored.shelves
        year, number = int(month[:4]), int(month[5:7])
        first = datetime.date(year, number, 1)
        last = first.replace(day=calendar.monthrange(year, number)[1])
        low, high = _moved(first, -days), _moved(last, days)
        if self._reach is None:
            self._reach = shelves.reach()
        earliest = f"{max(low.year - self._reach, 0):04d}"
        lo, hi = low.isoformat(), high.isoformat()
        docs = set(shelves.dated(lo, hi, (lo[:4], lo[:7]), earliest))
        lo, hi = _moved(first, -published).isoformat(), _moved(last, published).isoformat()
        at, to = bisect.bisect_left(self._days, lo), bisect.bisect_right(self._days, hi)
        for day in (*self._days[at:to], lo[:4], lo[:7]):
            docs.update(self._by_day.get(day, ()))
        self._shelved += self._load(docs)
        out: dict[tuple[str, str], list[str]] = {}
        sketch, of_doc = self.sketch, self.of_doc
        for doc in sorted(docs):
            for ref in of_doc.get(doc, ()):
                one = sketch[ref]
                out.setdefault((one[3], one[4]), []).append(ref)
        return out

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
        refs = [r for r in refs if self.known(r)]
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
        held = self.stored.places([self.ids[r] for r in refs if self.known(r) and r in self.ids])
        missing = [i for i in held if i not in self.refs]
        if missing and self.stored.shelves is not None:  # their documents not read yet
            self._load(self.stored.shelves.documents(missing))
        return {self.refs[i]: pos for i, pos in held.items() if i in self.refs}

    def with_events(self, docs: Iterable[int]) -> list[SourcedExtraction]:
        """The sources of these documents (those of the inputs), with their events."""
        out = []
        docs = sorted(docs)
        self._load(docs)
        for doc_id in docs:
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
            if not self.known(ref):
                raise KeyError(ref)
            if self.raw[ref][2] is None:
                self.prefetch((ref,))
            source, index, event = self.raw[ref]
            assert event is not None, ref
            (minus, *_), span, published, *_ = self.sketch[ref]
            dated = span, published, -minus
            found = self.made[ref] = _item(source, index, event, self.actors, self.seen, dated)
        return found

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and self.known(ref)

    def __iter__(self) -> Iterator[str]:
        self._load(self.sources)  # every mention: every document's outlines
        return iter(self.raw)

    def __len__(self) -> int:
        self._load(self.sources)
        return len(self.raw)

    def timeless(self) -> list[str]:
        """The refs of the mentions with neither a date nor a publication date (with
        `Shelves`, only the documents with no publication date are read)."""
        if self.loaded is not None:
            self._load(d for day, docs in self._by_day.items() if not date_span(day) for d in docs)
        return [r for r, s in self.sketch.items() if s[1] is None and s[2] is None]


def _moved(day: datetime.date, days: int) -> datetime.date:
    """`day` moved by `days`, kept within the calendar."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


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
