"""Event clustering: mentions in many documents of one real-world event.

Requires: SourcedExtraction.extraction.events and an ActorIndex. Assigns: EventCluster.

Two mentions are the same event when (all of):
  * type and mode are equal (a visit is never the meeting held during it; a call is no meeting);
  * they share a canonical participant — and a person, when both name people; a mention naming
    only states fits one whose participants belong to those states;
  * places are equal, one is missing, or one is a state and the other a place in it; dated
    mentions of one body's summit, or of one person's visit, may name two cities of a country;
  * dates overlap: equal at the common precision; visits, forums, exercises and date ranges get
    `event_window_days` of slack; an undated mention needs the same participants and
    publication dates within `undated_publication_days`.
A mention with neither a date nor a publication date cannot be placed in time: it is placed
last, and joins a cluster only when exactly one cluster fits it (same type and mode, the same
participants as every mention, places that fit) and that cluster has no mention from its own
document; otherwise it stays on its own.
A mention joins a cluster only if it is compatible with every mention already in it (complete
linkage), and precise mentions are placed first, so a vague "2025" cannot chain two meetings.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from bilat.reconcile._dates import Span, date_span, months, precision, spans_overlap
from bilat.reconcile._event_conflicts import detail_conflicts
from bilat.reconcile._text import name_key
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.model import (
    EventCluster,
    EventMention,
    ReconcileOptions,
    SourcedExtraction,
)
from bilat.records import Event

__all__ = [
    "cluster_events",
    "clusters_of",
    "is_timeless",
    "mention_items",
    "parties",
    "recluster",
    "span_of",
]

_WIDE_MODES = frozenset({"visit", "multilateral", "military"})
Key = tuple[str, ...]
T = TypeVar("T")


class _Seen:
    """Equal participant sets and spans as one object: a rebuild holds every mention."""

    __slots__ = ("_kinds", "_values")

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}
        self._kinds: dict[frozenset[str], tuple[frozenset[str], ...]] = {}

    def __call__(self, value: T) -> T:
        found: T = self._values.setdefault(value, value)
        return found

    def kinds(self, ids: frozenset[str], actors: ActorIndex) -> tuple[frozenset[str], ...]:
        """The persons, bodies, states' codes and countries of participants `ids`, worked
        out once per distinct set (one `_Seen` serves one actor index)."""
        found = self._kinds.get(ids)
        if found is None:
            kind = {i: actors.type_of(i) for i in ids}
            country = {i: _country(actors, i) for i in ids}
            found = self._kinds[ids] = (
                self(frozenset(i for i in ids if kind[i] == "person")),
                self(frozenset(i for i in ids if kind[i] == "organization")),
                self(frozenset(c for i in ids if kind[i] == "state" and (c := country[i]))),
                self(frozenset(c for i in ids if (c := country[i]))),
            )
        return found


@dataclass(frozen=True, slots=True)
class _Item:
    mention: EventMention
    type: str
    mode: str
    ids: frozenset[str]
    persons: frozenset[str]
    bodies: frozenset[str]  # organisations among the participants (the SCO of a summit)
    states: frozenset[str]  # ISO codes of the states among the participants
    countries: frozenset[str]  # ISO codes of every participant (a person's, a body's)
    span: Span | None
    published: Span | None
    place: str | None
    place_is_state: bool
    place_country: str | None  # the state the place is in, when the place is a known actor
    wide: bool
    precision: int


def _span(event: Event) -> Span | None:
    return span_of(event.date, event.date_end)


def span_of(date: str | None, date_end: str | None) -> Span | None:
    """The days an event dated `date` (to `date_end`) covers."""
    start = date_span(date)
    end = date_span(date_end) if date_end else None
    if start and end and end[1] >= start[0]:
        return start[0], end[1]
    return start


def _item(
    source: SourcedExtraction,
    index: int,
    event: Event,
    actors: ActorIndex,
    seen: _Seen,
    dated: tuple[Span | None, Span | None, int] | None = None,
) -> _Item:
    """The mention `index` of `source`; `dated`: its span, publication span and precision
    when known already (as `seen` holds them: `_event_mentions` reads them from outlines)."""
    one = seen
    if dated is None:
        dated = one(_span(event)), one(date_span(source.published)), precision(event.date)
    ids = one(frozenset(actors.resolve(source.doc_id, p) for p in event.participants))
    persons, bodies, states, countries = seen.kinds(ids, actors)
    ev = event.evidence
    mention = EventMention(
        f"{source.doc_id}:e{index}",
        source.doc_id,
        source.doc_name,
        source.published,
        ev.quote,
        ev.start,
        ev.end,
        event.status,
        event.participants,
        event.date,
        event.date_end,
        event.place,
    )
    return _Item(
        mention,
        event.type,
        event.mode,
        ids,
        persons,
        bodies,
        states,
        countries,
        dated[0],
        dated[1],
        name_key(event.place) if event.place else None,
        bool(event.place) and actors.is_state_name(event.place or ""),
        _country(actors, actors.resolve(source.doc_id, event.place)) if event.place else None,
        event.mode in _WIDE_MODES or event.date_end is not None,
        dated[2],
    )


def _country(actors: ActorIndex, actor_id: str) -> str | None:
    actor = actors.actors.get(actor_id)
    return actor.country if actor else None


def _places_fit(a: _Item, b: _Item) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    if a.place_is_state != b.place_is_state:  # a city inside a state, when not known elsewhere
        city, state = (b, a) if a.place_is_state else (a, b)
        return city.place_country is None or city.place_country == state.place_country
    if a.span is None or b.span is None:
        return False  # undated: different places are no telling which event is meant
    country = a.place_country == b.place_country
    if a.mode == "multilateral" and a.bodies & b.bodies and country:
        return True  # a body holds one summit at a time: "in Beijing" vs "in Tianjin"
    # one person's visit to a country may take in several of its cities
    return (
        a.mode == "visit"
        and bool(a.persons & b.persons)
        and country
        and a.place_country is not None
    )


def _same_parties(a: _Item, b: _Item) -> bool:
    """They share a participant, or one names only states and the other has participants of
    each of those states ('Russia and China held talks' is the Putin-Xi meeting that day)."""
    if not a.ids.isdisjoint(b.ids):
        return True
    for x, y in ((a, b), (b, a)):
        if x.ids and len(x.states) == len(x.ids) and x.states <= y.countries:
            return True
    return False


def _undated_fit(a: _Item, b: _Item, options: ReconcileOptions) -> bool:
    if a.ids != b.ids or a.published is None or b.published is None:
        return False
    return spans_overlap(a.published, b.published, options.undated_publication_days)


def _compatible(a: _Item, b: _Item, options: ReconcileOptions) -> bool:
    """The pairwise rule of the module docstring."""
    if (a.type, a.mode) != (b.type, b.mode) or not _same_parties(a, b):
        return False
    if a.persons and b.persons and a.persons.isdisjoint(b.persons):
        return False
    if not _places_fit(a, b):
        return False
    if a.span is None or b.span is None:
        return _undated_fit(a, b, options)
    window = options.event_window_days if (a.wide or b.wide) else 0
    return spans_overlap(a.span, b.span, window)


class _Cluster:
    """A cluster being grown: its mentions, one of each distinct shape (the fields the
    pairwise rule reads: mentions of one shape are compatible with the same mentions), and
    the union of their participants. Weighing a mention costs the shapes, not the mentions,
    so a cluster of a thousand reports of one yearly meeting stays cheap."""

    __slots__ = ("ids", "items", "shapes")

    def __init__(self, items: Iterable[_Item] = ()) -> None:
        self.items: list[_Item] = []
        self.shapes: dict[tuple[object, ...], _Item] = {}
        self.ids: set[str] = set()
        for item in items:
            self.add(item)

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self.shapes.setdefault(_shape(item), item)
        self.ids |= item.ids


def _shape(i: _Item) -> tuple[object, ...]:
    """Every field `_compatible`, `_timeless_fit` and `_places_fit` read (not the mention)."""
    return (
        i.type,
        i.mode,
        i.ids,
        i.persons,
        i.bodies,
        i.states,
        i.countries,
        i.span,
        i.published,
        i.place,
        i.place_is_state,
        i.place_country,
        i.wide,
    )


def _best_cluster(
    item: _Item, candidates: list[int], clusters: list[_Cluster], options: ReconcileOptions
) -> int | None:
    best: tuple[int, int] | None = None
    for c in candidates:
        cluster = clusters[c]
        shared = len(item.ids & cluster.ids)
        if best is not None and shared <= best[0]:
            continue  # cannot be chosen over the best so far, compatible or not
        if all(_compatible(item, other, options) for other in cluster.shapes.values()):
            best = (shared, c)
    return None if best is None else best[1]


def _filed_under(item: _Item, options: ReconcileOptions) -> list[tuple[str, ...]]:
    """Block keys of a clustered mention: participant, and participant + month(s) it touches;
    the same for the participants' states ("@RU"), which state-only mentions probe."""
    keys: list[tuple[str, ...]] = []
    for pid in [*sorted(item.ids), *sorted(f"@{c}" for c in item.countries)]:
        base = (item.type, item.mode, pid)
        keys.append(base)
        if item.span:
            keys += [(*base, "m", m) for m in months(item.span, options.event_window_days)]
        elif item.published:
            pad = options.undated_publication_days
            keys += [(*base, "p", m) for m in months(item.published, pad)]
    return keys


def _probes(item: _Item, options: ReconcileOptions) -> list[tuple[str, ...]]:
    """Block keys under which every cluster `item` could be compatible with is filed."""
    keys: list[tuple[str, ...]] = []
    state_only = bool(item.ids) and len(item.states) == len(item.ids)
    extra = sorted(f"@{c}" for c in item.states) if state_only else []
    for pid in [*sorted(item.ids), *extra]:
        base = (item.type, item.mode, pid)
        if item.span is None:
            keys.append(base)
            continue
        keys += [(*base, "m", m) for m in months(item.span, options.event_window_days)]
        if item.published:
            pad = options.undated_publication_days
            keys += [(*base, "p", m) for m in months(item.published, pad)]
    return keys


def parties(item: _Item) -> tuple[str, str, frozenset[str]]:
    """A mention's type, mode and participants: all an undated mention is matched on."""
    return item.type, item.mode, item.ids


def is_timeless(item: _Item) -> bool:
    """Neither the event nor its document has a date (placed after every other mention)."""
    return _timeless(item)


def _timeless(item: _Item) -> bool:
    """Neither the event nor its document has a date: nothing places it in time."""
    return item.span is None and item.published is None


def _timeless_fit(item: _Item, other: _Item) -> bool:
    return (
        (item.type, item.mode) == (other.type, other.mode)
        and item.ids == other.ids
        and _places_fit(item, other)
    )


def _only_cluster(item: _Item, candidates: list[int], clusters: list[_Cluster]) -> int | None:
    """The one cluster a timeless mention fits, if exactly one does and it is not its own doc's.

    Two fitting clusters mean the corpus knows of several such events, and a fitting cluster
    that already holds a mention from the same document is another event of that document:
    either way there is no telling which one is meant, so the mention stays apart.
    (`candidates`: the clusters holding a mention of its type, mode and participants; no other
    can fit.)
    """
    fit = functools.partial(_timeless_fit, item)
    fits = (c for c in candidates if all(map(fit, clusters[c].shapes.values())))
    fitting = list(itertools.islice(fits, 2))  # a second one is enough to stay apart
    if len(fitting) != 1:
        return None
    members = clusters[fitting[0]].items
    if any(m.mention.doc_id == item.mention.doc_id for m in members):
        return None
    return fitting[0]


def _group(
    items: list[_Item], options: ReconcileOptions, start: Sequence[Sequence[_Item]] = ()
) -> list[list[_Item]]:
    """Place `items` (in order) into clusters, after the clusters `start` (see `recluster`)."""
    clusters = [_Cluster(c) for c in start]
    blocks: dict[tuple[str, ...], list[int]] = {}
    same: dict[tuple[str, str, frozenset[str]], set[int]] = {}  # clusters by a mention's parties
    for n, cluster in enumerate(clusters):  # met only by timeless mentions (`recluster`)
        for item in cluster.items:
            same.setdefault(parties(item), set()).add(n)
    ordered = [i for i in items if not _timeless(i)] + [i for i in items if _timeless(i)]
    for item in ordered:
        kind = parties(item)
        if _timeless(item):  # fits only clusters of mentions with its very participants
            fits = sorted(same.get(kind, ())) if item.ids else []  # no parties: no probe
            chosen = _only_cluster(item, fits, clusters)
        else:
            candidates = sorted({c for key in _probes(item, options) for c in blocks.get(key, ())})
            chosen = _best_cluster(item, candidates, clusters, options)
        if chosen is None:
            chosen = len(clusters)
            clusters.append(_Cluster())
        clusters[chosen].add(item)
        same.setdefault(kind, set()).add(chosen)
        for key in _filed_under(item, options):
            filed = blocks.setdefault(key, [])
            if not filed or filed[-1] != chosen:
                filed.append(chosen)
    return [c.items for c in clusters]


def _best_date(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    if not known:
        return None
    top = max(precision(v) for v in known)
    counts = Counter(v for v in known if precision(v) == top)
    return min(counts, key=lambda v: (-counts[v], v))


def _best_place(items: list[_Item]) -> str | None:
    counts = Counter(i.place for i in items if i.place)
    if not counts:
        return None
    state = {i.place: i.place_is_state for i in items if i.place}
    key = min(counts, key=lambda k: (-counts[k], state[k], k))
    return next(i.mention.place for i in items if i.place == key)


def _build(items: list[_Item], actors: ActorIndex, options: ReconcileOptions) -> EventCluster:
    items = sorted(
        items, key=lambda i: (i.mention.published or "", i.mention.doc_name, i.mention.ref)
    )
    first = items[0]
    statuses = [i.mention.status for i in items]
    status = "occurred" if "occurred" in statuses else statuses[-1]
    ids = sorted(frozenset().union(*(i.ids for i in items)), key=lambda x: (actors.display(x), x))
    return EventCluster(
        id=f"event:{first.mention.ref}",
        type=first.type,
        mode=first.mode,
        status=status,
        participant_ids=tuple(ids),
        participants=tuple(actors.display(x) for x in ids),
        date=_best_date([i.mention.date for i in items]),
        date_end=_best_date([i.mention.date_end for i in items]),
        place=_best_place(items),
        mentions=tuple(i.mention for i in items),
        source_count=len({i.mention.doc_id for i in items}),
        conflicts=detail_conflicts(items, options),
    )


def mention_items(inputs: Sequence[SourcedExtraction], actors: ActorIndex) -> dict[str, _Item]:
    """Every event mention of `inputs` as the clustering sees it, by mention ref."""
    seen = _Seen()
    items = (
        _item(source, index, event, actors, seen)
        for source in inputs
        for index, event in zip(source.event_index(), source.extraction.events, strict=True)
    )
    return {i.mention.ref: i for i in items}


def _reading(item: _Item) -> tuple[int, str, str, str]:
    return -item.precision, item.mention.published or "", item.mention.doc_name, item.mention.ref


def clusters_of(
    items: Iterable[_Item], actors: ActorIndex, options: ReconcileOptions
) -> tuple[EventCluster, ...]:
    """The clusters of `items` (all mentions), ordered by date."""
    clusters = [_build(g, actors, options) for g in _group(sorted(items, key=_reading), options)]
    return tuple(sorted(clusters, key=lambda c: (c.date or "", c.type, c.mode, c.id)))


def recluster(
    touched: Iterable[_Item],
    kept: Sequence[Sequence[_Item]],
    timeless: Iterable[_Item],
    actors: ActorIndex,
    options: ReconcileOptions,
) -> tuple[EventCluster, ...]:
    """The clusters of the dated or published mentions `touched` (every mention of the
    clusters they form in a clustering of everything: `_event_replay.changed_mentions`), of
    the timeless mentions `timeless` (every one of the parties they have), and of the
    clusters `kept` (other mentions' clusters holding mentions of those parties, which only
    the timeless ones may join: the `touched` ones chose their clusters among everything)."""
    ordered = sorted(touched, key=_reading) + sorted(timeless, key=_reading)
    return tuple(_build(g, actors, options) for g in _group(ordered, options, kept) if g)


def cluster_events(
    inputs: Sequence[SourcedExtraction], actors: ActorIndex, options: ReconcileOptions
) -> tuple[EventCluster, ...]:
    """Every event mention placed in exactly one cluster; clusters ordered by date."""
    return clusters_of(mention_items(inputs, actors).values(), actors, options)
