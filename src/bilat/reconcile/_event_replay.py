"""The event clusters adding mentions changes, found by placing again only what can move.

    changed_mentions(after, seeds, placed, options, shown) -> refs

`events._group` places the dated or published mentions one by one in reading order; where a
mention goes depends only on the clusters filed, at its turn, under a key it probes (their
mentions so far). So a mention that reads as before goes where it went unless one of those
clusters differs at its turn. The seeds (new mentions, and old ones that read differently)
are placed again in reading order against the clusters as they stand; a cluster a placed
mention leaves (or a seed read differently was in) has changed from then on, and the
mentions after it that probe a key one of its mentions is filed under are placed again too.
A cluster that only gains a mention (`_Replay.gain`) changes less: only the later mentions
compatible with the new one that it brings a participant in common, and its own mentions
not compatible with it, can choose otherwise; a mention of a shape the cluster holds
already (a report alike of the same meeting) changes nothing after it, and likewise leaving
a cluster that holds one of its shape before it (`_Replay.lose`). The other mentions keep
their stored clusters (those `shown` differently, reading alike, mark theirs to be built
again). The mentions of the changed clusters, old and new, are the answer: each chose one
of them among all its candidates, so clustering them alone gives their clusters as a
clustering of everything does (`events.recluster`). Of its candidates, a mention weighs
only those that may take it (`_Replay.possible`): a cluster holding a mention read so far
whose days do not overlap its own as `events._compatible` asks, or whose persons are none
of its own, can never take it; the clusters of each key are kept by the persons they named
when first read (`_Filed`), so a mention naming persons gathers only those naming one of
them or none (`_Replay.gather`). Timeless mentions (no date, no publication) are placed
after all of these and left to the caller. Where the old mentions are is read as the replay
reaches them (`Places`: the mentions of the shelves it files and of the seeds, each with
every mention of its stored cluster), not for every mention."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from itertools import chain

from bilat.reconcile._dates import Span, months
from bilat.reconcile._event_mentions import Mentions, sketches
from bilat.reconcile.events import (
    Key,
    _compatible,
    _filed_under,
    _Item,
    _probes,
    _shape,
)
from bilat.reconcile.model import ReconcileOptions

__all__ = ["Places", "changed_mentions", "places_of"]

_LAST = 1 << 62  # after every day's ordinal
_END = "\U0010ffff"  # after every mention's rank (`_rank`)
# what bounds the mentions a cluster can take (`_trace`): the latest first day and the earliest
# last day (ordinals) of its dated mentions, the same of those not wide, and one mention's
# persons (the first named)
Trace = tuple[int, int, int, int, frozenset[str]]
Shelf = tuple[str, str, str]  # a type, a mode and a month: the mentions a key can hold
# a mention's keys probed and filed under (`_probed`, `_filing`), and both by shelf
Blocks = tuple[list[Key], list[Key], dict[Shelf, tuple[list[Key], list[Key]]]]


# where the old mentions are in the stored clustering, read as the replay reaches them:
# given mentions -> every mention of the stored clusters holding one, with its cluster
Places = Callable[[Collection[str]], Mapping[str, Hashable]]


def places_of(placed: Mapping[str, Hashable]) -> Places:
    """The `Places` of a clustering held whole (each mention -> its cluster)."""
    members: dict[Hashable, list[str]] = {}
    for ref, cid in placed.items():
        members.setdefault(cid, []).append(ref)

    def around(refs: Collection[str]) -> dict[str, Hashable]:
        cids = {placed[r] for r in refs if r in placed}
        return {r: cid for cid in cids for r in members[cid]}

    return around


def _rank(key: tuple[int, str, str, str]) -> str:
    """A mention's rank: its reading key (`events._reading`: its negated precision,
    publication, document name and ref) as one string that sorts as the key does, so a
    mention read late is ranked among those read before (each field but the last escaped
    so that no character of it sorts below the separator)."""
    minus, published, name, ref = key
    return f"{minus + 3}\x00{_escaped(published)}\x00{_escaped(name)}\x00{ref}"


def _escaped(text: str) -> str:
    """`text` with "\\x00" and "\\x01" written as two characters above "\\x00", in the same
    order."""
    if "\x00" in text or "\x01" in text:
        return text.replace("\x01", "\x01\x02").replace("\x00", "\x01\x01")
    return text


def _near(item: _Item, options: ReconcileOptions) -> list[Key]:
    """Keys of a published mention's type, mode, exact participants and publication months:
    an undated mention fits only mentions sharing one (`events._undated_fit`)."""
    if item.published is None:
        return []
    same = ("=", item.type, item.mode, *sorted(item.ids))
    return [(*same, "p", m) for m in months(item.published, options.undated_publication_days)]


def _probed(item: _Item, options: ReconcileOptions) -> list[Key]:
    """Keys every cluster `item` can join is filed under (`_filing`): an undated mention
    fits a cluster only when it fits every mention of it, so one filed under its `_near` key
    (fewer than the bare participant keys `events._group` reads for it)."""
    return _near(item, options) if item.span is None else _probes(item, options)


def _filing(item: _Item, options: ReconcileOptions) -> list[Key]:
    """The keys of `item` some mention probes: its month keys (`_probed` yields no bare
    participant key, so those `events._filed_under` also yields are left out)."""
    return [k for k in (*_filed_under(item, options), *_near(item, options)) if len(k) > 3]


def _shelf(key: Key) -> Shelf:
    """The type, mode and month of a key the replay reads: every one is `_probes`' or
    `_filed_under`'s (type, mode, participant, "m" or "p", month) or `_near`'s ("=", type,
    mode, participants..., "p", month), and holds only mentions of that type and mode."""
    return (key[1], key[2], key[-1]) if key[0] == "=" else (key[0], key[1], key[-1])


def _trace(item: _Item) -> Trace:
    """The `Trace` of a cluster of `item` alone."""
    if item.span is None:
        return -_LAST, _LAST, -_LAST, _LAST, item.persons
    first, last = item.span[0].toordinal(), item.span[1].toordinal()
    if item.wide:
        return first, last, -_LAST, _LAST, item.persons
    return first, last, first, last, item.persons


def _months_of(span: Span | None, published: Span | None, options: ReconcileOptions) -> set[str]:
    """The months of every key a mention probes or is filed under (`_probed`, `_filing`),
    from its span and publication (as a `_event_mentions.Sketch` holds them)."""
    found: set[str] = set()
    if span is not None:
        found.update(months(span, options.event_window_days))
    if published:
        found.update(months(published, options.undated_publication_days))
    return found


def _merged(a: Trace, b: Trace) -> Trace:
    """The trace of a cluster holding the mentions of traces `a` and `b`."""
    return max(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3]), a[4] or b[4]


def _meets(persons: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two mentions' persons let them be one event: one names none, or they share one."""
    return not persons or not other or not persons.isdisjoint(other)


class _Grown:
    """A cluster as it stands at the mention being placed: its mentions placed before it
    (stored ones not placed again, then those placed into it), one of each shape, and the
    union of their participants. Mentions are placed in reading order, so it only grows."""

    __slots__ = ("first", "ids", "joined", "kept", "shapes")

    def __init__(self) -> None:
        self.kept = self.joined = 0  # how far the stored and the placed mentions are read
        self.shapes: dict[tuple[object, ...], _Item] = {}
        self.ids: set[str] = set()
        self.first = _END

    def add(self, item: _Item, at: str) -> None:
        self.shapes.setdefault(_shape(item), item)
        self.ids |= item.ids
        self.first = min(self.first, at)  # its first mention: the order clusters begin in


class _Filed:
    """The clusters filed under a key up to a mention's turn (`_Replay.gather`), by the
    persons their trace held when first read under it: `anyone`, those whose mentions read
    then named none; `named`, person -> those whose trace named that person. A trace's
    persons, once it has some, stay as they are (`_merged` keeps the first named), so a
    cluster filed by its persons is never wrongly left out; one first read naming none
    stays in `anyone` whatever it gains after, and `possible` weighs it as it stands."""

    __slots__ = ("anyone", "every", "filed", "named", "read")

    def __init__(self, filed: list[str]) -> None:
        self.filed = filed  # the key's filing list, whole (its shelf is filed)
        self.read = 0  # how far it is read
        self.every: set[Hashable] = set()
        # lists (a cluster is filed once: `every`), smaller than sets: a key per person
        self.anyone: list[Hashable] = []
        self.named: dict[str, list[Hashable]] = {}


class _Replay:
    """The new clustering where it differs from the stored one (`placed`: where the old
    mentions are, read as reached), mentions placed again in reading order. A mention is
    known by its rank in reading order (`events._reading`, a total order: it ends with the
    ref), so the filing lists hold one int per key and mention, built in order (no tuples,
    no sorting)."""

    def __init__(
        self,
        after: Mapping[str, _Item],
        placed: Places | Mapping[str, Hashable],
        options: ReconcileOptions,
    ) -> None:
        self.options, self.after = options, after
        self.places = placed if callable(placed) else places_of(placed)
        # ranked (`_rank`) and listed by month from their sketches (`_event_mentions`): a
        # mention is made only when the replay reads it. Over the store's events (`Mentions`
        # with `Shelves`), a shelf's mentions and a mention's rank are read when the replay
        # first reaches them (`ranked`, `rank_of`), not every stored event's outline; else
        # every mention is ranked and listed by month here, those alike in type, mode, span
        # and publication (the same shelves) worked out once per such group
        self.mentions = after if isinstance(after, Mentions) and after.loaded is not None else None
        self.refs: dict[str, str] = {}  # rank -> mention ref
        self.at: dict[str, str] = {}  # mention ref -> rank (dated or published ones)
        self.filed: dict[Key, list[str]] = {}
        self.probers: dict[Key, list[str]] = {}
        self.runs: tuple[dict[Key, list[list[str]]], dict[Key, list[list[str]]]] = ({}, {})
        # the stored cluster of each mention read (None: a new one) and every mention's rank
        # of each stored cluster read (`locate`): the clusters the replay reaches, not all
        self.where: dict[str, Hashable | None] = {}
        self.old: dict[Hashable, list[str]] = {}
        # every key the replay reads holds a mention's type, mode and a month (`_shelf`), so
        # mentions are filed a type, mode and month at a time, as the cascade first reads a
        # key of theirs (`_month`): a mention of another type or mode is not read for it
        self.by_month: dict[Shelf, list[str]] = {}  # shelf -> mentions with a key on it
        self.monthly: dict[tuple[Span | None, Span | None], set[str]] = {}  # `_months_of`
        if self.mentions is None:
            alike: dict[tuple[Span | None, Span | None, str, str], list[str]] = {}
            for ref, (key, span, published, kind, mode) in sketches(after).items():
                if span is not None or published is not None:
                    n = self.at[ref] = _rank(key)
                    self.refs[n] = ref
                    alike.setdefault((span, published, kind, mode), []).append(n)
            for (span, published, kind, mode), ranks in alike.items():
                for m in _months_of(span, published, options):
                    self.by_month.setdefault((kind, mode, m), []).extend(ranks)
        self.sorted: set[Shelf] = set()  # shelves whose list is in reading order
        self.months: set[Shelf] = set()  # the shelves filed
        self.loaded: set[str] = set()  # the mentions filed
        self.fetched: set[str] = set()  # the mentions whose stored events were asked for
        self.ready: set[Key] = set()  # keys read: their shelf filed
        self.now: dict[str, Hashable] = {}  # mentions placed again -> their cluster
        self.joined: dict[Hashable, list[str]] = {}  # cluster -> mentions placed again into it
        self.grown: dict[Hashable, _Grown] = {}
        self.keys: dict[Key, _Filed] = {}  # key -> its clusters read so far
        self.traces: dict[str, Trace] = {}  # mention filed -> `_trace`, until `traced` holds it
        self.traced: dict[Hashable, Trace] = {}  # cluster -> those of its mentions read
        self.keyed: dict[tuple[object, ...], Blocks] = {}  # `blocks`
        self.shelved: dict[str, dict[Shelf, tuple[list[Key], list[Key]]]] = {}  # filed: by shelf
        self.canon: dict[Key, Key] = {}  # one object per key the cached lists hold
        self.changed: set[Hashable] = set()  # clusters built again: the answer
        self.moved: set[Hashable] = set()  # those every later prober is placed again for
        self.todo: list[str] = []
        self.queued: set[str] = set()
        self.spread_keys: set[Key] = set()  # keys whose later probers are queued
        self.probed: set[Key] = set()  # keys whose later probers are weighed (`probing`)

    def _month(self, key: Key) -> None:
        """File every mention with a key of `key`'s type, mode and month under its keys of
        that shelf (a mention's keys of another shelf are filed with that shelf, if it is
        read). A key is on one shelf, so its list, filed when its shelf is, in reading
        order, holds from then on every mention filed under it. The mentions alike in their
        keys of the shelf (one `blocks` each) are kept as one run, in reading order, under
        each of those keys (`runs`); a key's list is its runs merged when it is first read
        (`_read`): of 945,484 filings and 763,353 probings of the 188 shelves an `add10`
        files at 100,000 documents, the keys read hold 372,570 and 144,542."""
        shelf = _shelf(key)
        if shelf in self.months:
            return
        self.months.add(shelf)
        listed = self.ranked(shelf)
        fresh = [n for n in listed if n not in self.loaded]
        self.prefetch(fresh)
        self.locate(fresh)
        for n in fresh:
            self.loaded.add(n)
            item = self.item(n)
            self.traces[n] = _trace(item)
            self.shelved[n] = self.blocks(item)[2]
        shelved = self.shelved
        alike: dict[int, tuple[tuple[list[Key], list[Key]], list[str]]] = {}
        for n in listed:
            keys = shelved[n].get(shelf)
            if keys is not None:  # one pair of lists per `blocks`: known by its id
                run = alike.get(id(keys))
                if run is None:
                    alike[id(keys)] = keys, [n]
                else:
                    run[1].append(n)
        probing, filing = self.runs
        for (probed, filed), ranks in alike.values():
            for k in probed:
                probing.setdefault(k, []).append(ranks)
            for k in filed:
                filing.setdefault(k, []).append(ranks)

    def ranked(self, shelf: Shelf) -> list[str]:
        """The mentions with a key on `shelf`, in reading order."""
        listed = self.by_month.get(shelf)
        if listed is None:
            if self.mentions is None:
                return []
            listed = self.by_month[shelf] = self._shelf(shelf)
        if shelf not in self.sorted:
            self.sorted.add(shelf)
            listed.sort()  # listed group by group of mentions alike
        return listed

    def _shelf(self, shelf: Shelf) -> list[str]:
        """The mentions with a key on `shelf`, read from the store (`Mentions.shelf`: the
        outlines of the documents that may have one), each ranked."""
        assert self.mentions is not None
        kind, mode, month = shelf
        options, monthly, sketch = self.options, self.monthly, self.mentions.sketch
        days, published = options.event_window_days, options.undated_publication_days
        found = []
        for ref in self.mentions.shelf(kind, mode, month, days, published):
            span, when = sketch[ref][1:3]
            if span is None and when is None:
                continue
            touched = monthly.get((span, when))
            if touched is None:
                touched = monthly[span, when] = _months_of(span, when, options)
            if month in touched:
                found.append(self.rank_of(ref))
        return [n for n in found if n is not None]

    def rank_of(self, ref: str) -> str | None:
        """The rank of mention `ref` (None: timeless, or none), read when first asked."""
        found = self.at.get(ref)
        if found is None and self.mentions is not None:
            sketch = self.mentions.sketch_of(ref)
            if sketch is not None and (sketch[1] is not None or sketch[2] is not None):
                found = self.at[ref] = _rank(sketch[0])
                self.refs[found] = ref
        return found

    def _read(self, key: Key, table: dict[Key, list[str]]) -> list[str]:
        """A key's list (of `filed` or `probers`), its shelf filed first: then it holds
        all it will. Made from the key's runs (`_month`) when first asked for: each run is
        in reading order, so they are merged (a sort of sorted runs)."""
        if key not in self.ready:
            self.ready.add(key)
            self._month(key)
        found = table.get(key)
        if found is None:
            runs = self.runs[table is self.filed].pop(key, None)
            if runs is None:
                found = []
            elif len(runs) == 1:
                found = runs[0]  # shared with the run's other keys: read, never changed
            else:
                found = sorted(chain.from_iterable(runs))
            table[key] = found
        return found

    def blocks(self, item: _Item) -> Blocks:
        """`_probed` and `_filing` of `item`, and both by shelf, worked out once for the
        mentions alike in all they read (reports of one event: 9,000 for the 56,331 mentions
        filed at 100,000 documents); each key kept once (`canon`), as the filing lists hold
        it."""
        alike = (
            item.type,
            item.mode,
            item.ids,
            item.states,
            item.countries,
            item.span,
            item.published,
        )
        found = self.keyed.get(alike)
        if found is None:
            canon = self.canon
            probed = [canon.setdefault(k, k) for k in _probed(item, self.options)]
            filing = [canon.setdefault(k, k) for k in _filing(item, self.options)]
            shelves: dict[Shelf, tuple[list[Key], list[Key]]] = {}
            for k in probed:
                shelves.setdefault(_shelf(k), ([], []))[0].append(k)
            for k in filing:
                shelves.setdefault(_shelf(k), ([], []))[1].append(k)
            found = self.keyed[alike] = probed, filing, shelves
        return found

    def item(self, n: str) -> _Item:
        """The mention ranked `n`, made when first read."""
        return self.after[self.refs[n]]

    def prefetch(self, ranks: Iterable[str]) -> None:
        """Read the stored events of the mentions ranked `ranks` at once, not one by one;
        those asked for before are read already (a stored cluster's mentions are asked for
        again each time the replay reaches it), so only the others are looked up."""
        if isinstance(self.after, Mentions):
            fetched = self.fetched
            fresh = [n for n in ranks if n not in fetched]
            if fresh:
                fetched.update(fresh)
                self.after.prefetch([self.refs[n] for n in fresh])

    def locate(self, ranks: Iterable[str]) -> None:
        """Read the stored clusters of the mentions ranked `ranks` not read yet, and with
        each cluster the ranks of all its mentions (so a cluster's `old` list is whole from
        the moment it is known)."""
        asked = [n for n in ranks if n not in self.where]
        if not asked:
            return
        for n in asked:
            self.where[n] = None  # unless a stored cluster holds it (below)
        grown: dict[Hashable, list[str]] = {}
        for ref, cid in self.places([self.refs[n] for n in asked]).items():
            if cid not in self.old and (rank := self.rank_of(ref)) is not None:
                grown.setdefault(cid, []).append(rank)
        for cid, held in grown.items():
            self.old[cid] = sorted(held)
            for n in held:
                self.where[n] = cid

    def stored(self, n: str) -> Hashable | None:
        """The stored cluster of the mention ranked `n` (None: a new mention)."""
        if n not in self.where:
            self.locate((n,))
        return self.where[n]

    def cluster(self, n: str) -> Hashable:
        found = self.now.get(n)
        if found is None:
            found = self.stored(n)
            assert found is not None, self.refs[n]  # a new mention is placed before it is read
        return found

    def state(self, cid: Hashable, at: str) -> _Grown:
        """Cluster `cid` as it stands at `at` (every mention placed again before `at` is
        placed already, so what was read stays true)."""
        grown = self.grown.get(cid)
        if grown is None:
            grown = self.grown[cid] = _Grown()
            self.prefetch(self.old.get(cid, ()))
        old = self.old.get(cid, [])
        while grown.kept < len(old) and old[grown.kept] < at:
            when = old[grown.kept]
            grown.kept += 1
            if when not in self.now:
                grown.add(self.item(when), when)
        joined = self.joined.get(cid, [])
        for n in joined[grown.joined :]:
            grown.add(self.item(n), n)
        grown.joined = len(joined)
        return grown

    def advance(self, kept: _Filed, at: str) -> None:
        """Read `kept`'s filing list up to `at`. A mention read is in its cluster from then
        on (mentions are placed in reading order), so its trace bounds the cluster's."""
        traced, traces, every, filed = self.traced, self.traces, kept.every, kept.filed
        now = self.now
        read = kept.read
        while read < len(filed) and filed[read] < at:
            n = filed[read]
            cid = now.get(n)
            if cid is None:
                cid = self.cluster(n)
            one = traces.pop(n, None)
            if one is None:  # read under another key before: merging it again changes nothing
                trace = traced[cid]
            else:
                was = traced.get(cid)
                trace = traced[cid] = one if was is None else _merged(was, one)
            if cid not in every:
                every.add(cid)
                if not trace[4]:
                    kept.anyone.append(cid)
                for p in trace[4]:
                    kept.named.setdefault(p, []).append(cid)
            read += 1
        kept.read = read

    def gather(self, item: _Item, at: str) -> set[Hashable]:
        """The clusters filed at `at` under a key `item` probes that may take it by their
        persons as first read (`_Filed`): a mention naming persons reads, of each key, those
        that named none and those naming one of its own (of 1.68 million clusters filed
        under the keys of the 13,536 mentions placed again at 100,000 documents, 1.03
        million named none of their persons). Each key's list is read on to `at` first
        (`advance`); a mention placed probes 27 keys on average, so the loop is inline."""
        persons, keys, named = item.persons, self.keys, bool(item.persons)
        sets: list[Collection[Hashable]] = []
        for key in self.blocks(item)[0]:
            kept = keys.get(key)
            if kept is None:
                kept = keys[key] = _Filed(self._read(key, self.filed))
            read = kept.read
            if read < len(kept.filed) and kept.filed[read] < at:
                self.advance(kept, at)
            if not named:
                sets.append(kept.every)
                continue
            sets.append(kept.anyone)
            if kept.named:
                sets.extend(kept.named[p] for p in persons if p in kept.named)
        return set().union(*sets)

    def possible(self, item: _Item, found: set[Hashable]) -> list[Hashable]:
        """The clusters of `found` that may take `item`: each dated mention of theirs read
        (`traced`) overlaps its days within twice the window on either side (each span is
        widened by it), with no slack where neither is wide; and one naming persons names
        one of its own, if it names any (`events._compatible`)."""
        traced, persons = self.traced, item.persons
        if item.span is None:  # matched on its parties and publication, not its days
            return [c for c in found if _meets(persons, traced[c][4])]
        first, last = item.span[0].toordinal(), item.span[1].toordinal()
        pad = 2 * self.options.event_window_days
        late, early = last + pad, first - pad
        if item.wide:
            last, first = _LAST, -_LAST
        return [
            c
            for c in found
            if (t := traced[c])[0] <= late
            and t[1] >= early
            and t[2] <= last
            and t[3] >= first
            and (not persons or not t[4] or not persons.isdisjoint(t[4]))
        ]

    def choose(self, at: str) -> Hashable:
        """`events._best_cluster` of the mention ranked `at` among the clusters as they
        stand."""
        item = self.item(at)
        states = sorted(
            ((self.state(cid, at), cid) for cid in self.possible(item, self.gather(item, at))),
            key=lambda s: s[0].first,
        )
        best: tuple[int, Hashable] | None = None
        for grown, cid in states:
            shared = len(item.ids & grown.ids)
            if best is not None and shared <= best[0]:
                continue
            if all(_compatible(item, other, self.options) for other in grown.shapes.values()):
                best = (shared, cid)
        if best is not None:
            return best[1]
        was = self.stored(at)  # a cluster of its own: the one it began, if it did
        first = self.old.get(was, [])[:1]
        return was if first and first[0] == at else ("new", self.refs[at])

    def spread(self, keys: Iterable[Key], at: str) -> None:
        """Queue the mentions after `at` probing one of `keys`. Mentions are placed in
        reading order, so a key spread before was spread from an earlier mention: every
        mention after this one probing it is queued already (or placed)."""
        for key in keys:
            if key in self.spread_keys:
                continue
            self.spread_keys.add(key)
            probers = self._read(key, self.probers)
            self.queue(probers[bisect.bisect_right(probers, at) :])

    def change(self, cid: Hashable, at: str) -> None:
        """Cluster `cid` differs from `at` on: every mention after it that probes a key one
        of its mentions (stored or placed again, as read now) is filed under is placed again.
        Its own mentions after `at` are among them (each probes a key it is filed under); a
        mention that only probed it as read before (a seed read differently since) and is
        not in it chose another cluster, which it still chooses when this one is no
        candidate."""
        if cid in self.moved:
            return
        self.moved.add(cid)
        self.changed.add(cid)
        for n in (*self.old.get(cid, ()), *self.joined.get(cid, ())):
            self.spread(self.blocks(self.item(n))[1], at)

    def gain(self, cid: Hashable, at: str) -> None:
        """Cluster `cid` takes the mention ranked `at` (a loss is `lose`'s). Only a mention
        compatible with the new one can choose the cluster from then on (a cluster is chosen
        only when compatible with each of its mentions), and it probes a key the new one is
        filed under (`events._probes`). A cluster the mention begins may take any of them;
        one it joins only those the new mention brings a participant in common the cluster
        lacked (the cluster gains participants, the others weigh as before), and its own
        mentions not compatible with the new one may leave it. So those are placed again;
        a mention of a shape the cluster holds already changes nothing for any later one
        (reports of one meeting alike in date, place and parties)."""
        self.changed.add(cid)
        if cid in self.moved:
            return  # every later prober of its keys is placed again (`run`)
        grown = self.grown.get(cid)
        if grown is not None and grown.first >= at:
            self.change(cid, at)  # the stored cluster it began, read differently
            return
        item = self.item(at)
        if grown is not None and _shape(item) in grown.shapes:
            return
        mine = [] if grown is None else [n for n in self.old.get(cid, ()) if n > at]
        later = self.probing(self.blocks(item)[1], at) - set(mine)
        self.prefetch(later)
        self.prefetch(mine)
        options = self.options
        if grown is not None:
            brings = item.ids - grown.ids  # the participants the cluster gains
            later = {n for n in later if not self.item(n).ids.isdisjoint(brings)}
        fits = [n for n in later if _compatible(self.item(n), item, options)]
        fits += (n for n in mine if not _compatible(self.item(n), item, options))
        self.queue(fits)

    def lose(self, cid: Hashable, at: str, seeded: bool) -> None:
        """Cluster `cid` loses the mention ranked `at`. When the mention reads as before
        and the cluster holds one of its shape before it, the cluster is the same for every
        later mention (the same shapes, participants, keys and first mention); otherwise it
        has `change`d."""
        self.changed.add(cid)
        if seeded or cid in self.moved or _shape(self.item(at)) not in self.state(cid, at).shapes:
            self.change(cid, at)

    def probing(self, keys: Iterable[Key], at: str) -> set[str]:
        """The mentions after `at` probing one of `keys` not queued yet (all those of a key
        spread are)."""
        later: set[str] = set()
        for key in keys:
            self.probed.add(key)
            if key not in self.spread_keys:
                probers = self._read(key, self.probers)
                later.update(probers[bisect.bisect_right(probers, at) :])
        return later - self.queued

    def queue(self, ranks: Iterable[str]) -> None:
        for n in ranks:
            if n not in self.queued:
                self.queued.add(n)
                heapq.heappush(self.todo, n)

    def run(self, seeds: Iterable[str], shown: Iterable[str]) -> set[str]:
        seeded = {n for r in seeds if (n := self.rank_of(r)) is not None}
        self.prefetch(seeded)
        self.locate(seeded)
        self.queued |= seeded
        self.todo = sorted(seeded)
        while self.todo:
            at = heapq.heappop(self.todo)
            cid = self.choose(at)
            self.now[at] = cid
            self.joined.setdefault(cid, []).append(at)
            was = self.stored(at)
            if at in seeded or cid != was:
                if was is not None and cid != was:
                    self.lose(was, at, at in seeded)
                elif was is not None:
                    self.change(was, at)  # read differently: it left and came back
                self.gain(cid, at)
            if cid in self.moved:
                self.spread(self.blocks(self.item(at))[1], at)
        kept = [n for r in shown if (n := self.rank_of(r)) is not None]
        self.locate(kept)
        self.changed.update(self.cluster(n) for n in kept)
        return {
            self.refs[n]
            for cid in self.changed
            for n in (*self.old.get(cid, ()), *self.joined.get(cid, ()))
        }


def changed_mentions(
    after: Mapping[str, _Item],
    seeds: Iterable[str],
    placed: Places | Mapping[str, Hashable],
    options: ReconcileOptions,
    shown: Iterable[str] = (),
) -> set[str]:
    """The dated or published mentions of every event cluster that differs between the
    stored clustering (`placed`: each old mention -> its cluster, or `Places` to read them
    from as reached) and the clustering of
    `after` (the old mentions and the new ones, as read now), where `seeds` are the new
    mentions and the old ones that read differently (see the module docstring), and of the
    clusters of the mentions `shown` (read alike, but an actor of theirs shows differently:
    their clusters are built again, nothing placed again)."""
    return _Replay(after, placed, options).run(seeds, shown)
