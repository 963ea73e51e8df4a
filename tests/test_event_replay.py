"""Adding documents re-clusters only the event clusters that change (`_event_replay`).

Random small corpora of crowded events (few participants, overlapping dates and
publications, undated and timeless mentions): the events of `reconcile_delta` applied to
`reconcile(old)` must be those of `reconcile(old + added)`, and the mentions it clustered
again must be only those of the clusters that differ.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.reconcile import ReconcileOptions, SourcedExtraction, reconcile
from bilat.reconcile._event_mentions import Mentions, sketches
from bilat.reconcile._event_replay import _rank, _Replay, _shelf, changed_mentions, places_of
from bilat.reconcile.actors import canonical_actors
from bilat.reconcile.delta import reconcile_delta
from bilat.reconcile.events import _compatible, _Item, cluster_events, is_timeless, mention_items
from bilat.reconcile.model import to_plain
from test_reconcile import CN, MISHUSTIN, PUTIN, RU, XI, doc, event, person

NAMES = ("Russia", "China", "Putin", "Xi Jinping")
# who "Putin" is varies by document, so added documents can change how old ones read
PUTINS = ((PUTIN,), (person("Putin", None),), (person("Vladimir Putin", "BY", "Putin"),), ())
MODES = ("meeting", "visit", "multilateral")
PLACES = (None, "Beijing", "Moscow", "Russia", "China", "Kazan")


def _date(rng: random.Random) -> str | None:
    month, day = rng.randint(1, 4), rng.randint(1, 28)
    return rng.choice([None, "2025", f"2025-{month:02d}", f"2025-{month:02d}-{day:02d}"])


def _corpus(rng: random.Random, size: int) -> list[SourcedExtraction]:
    out = []
    for n in range(1, size + 1):
        days = ["2025-01-02", "2025-01-20", "2025-01-29", "2025-02-03", "2025-03-20"]
        published = rng.choice([None, None, *days])
        events = [
            event(
                *rng.sample(NAMES, rng.randint(1, 2)),
                mode=rng.choice(MODES),
                date=_date(rng),
                date_end=rng.choice([None, None, None, "2025-03-05"]),
                place=rng.choice(PLACES),
            )
            for _ in range(rng.randint(1, 3))
        ]
        putin = rng.choices(PUTINS, weights=(6, 2, 1, 1))[0]
        out.append(doc(n, published, actors=(RU, CN, XI, *putin), events=events))
    return out


def _events(record: Any) -> dict[str, Any]:
    return {e.id: to_plain(e) for e in record.events}


def _assert_delta_applies(
    old: list[SourcedExtraction], added: list[SourcedExtraction]
) -> dict[str, Any]:
    """The events of `reconcile(old)` with the delta's applied are those of reconciling all."""
    delta = reconcile_delta(old, added).parts["events"]
    events = _events(reconcile(old))
    for entry in delta.removed:
        assert events.pop(entry["id"]) == entry
    events.update((entry["id"], entry) for entry in delta.added)
    assert events == _events(reconcile([*old, *added]))
    return events


@pytest.mark.parametrize("seed", range(60))
def test_adding_equals_reconciling_everything(seed: int) -> None:
    rng = random.Random(seed)
    docs = _corpus(rng, 40)
    rng.shuffle(docs)
    old, added = docs[:34], docs[34:]
    _assert_delta_applies(old, added)


@pytest.mark.parametrize("seed", range(60))
def test_only_the_changed_clusters_are_clustered_again(seed: int) -> None:
    rng = random.Random(seed)
    docs = _corpus(rng, 40)
    old, options = docs[:34], ReconcileOptions()
    index = canonical_actors(docs, ())[2]  # the same actors read old and new mentions
    after = mention_items(docs, index)
    gone, come = cluster_events(old, index, options), cluster_events(docs, index, options)
    placed = {m.ref: n for n, c in enumerate(gone) for m in c.mentions}
    refs = changed_mentions(after, set(after) - set(placed), placed, options)

    def dated(clusters: Any) -> set[frozenset[str]]:  # timeless ones are the caller's
        return {
            frozenset(m.ref for m in c.mentions if not is_timeless(after[m.ref])) for c in clusters
        }

    differ = {r for c in dated(gone) ^ dated(come) for r in c}
    assert refs == differ  # every mention of a cluster that changed, and nothing else


def test_a_cluster_whose_participant_shows_another_name_is_rebuilt() -> None:
    """The added documents name Putin's actor more often by another full name: the old
    cluster's mentions read alike (the same actor id), but it shows the new name."""
    gid = "Q7747"
    putin = person("Vladimir Putin", "RU", "Putin", gid=gid)
    other = person("Vladimir V. Putin", "RU", "Putin", gid=gid)

    def met(n: int, who: Any, date: str) -> SourcedExtraction:
        mention = event("Putin", "Xi Jinping", date=date)
        return doc(n, "2025-03-01", actors=(RU, CN, XI, who), events=[mention])

    old = [met(1, putin, "2025-01-10"), met(2, putin, "2025-01-10")]
    added = [met(3, other, "2025-02-10"), met(4, other, "2025-02-10"), met(5, other, "2025-02-10")]
    events = _assert_delta_applies(old, added)
    assert {"Vladimir V. Putin"} <= {p for e in events.values() for p in e["participants"]}


def _spread_corpus(rng: random.Random, size: int) -> list[SourcedExtraction]:
    """Crowded events over two years: each month's mentions only reach their neighbours'."""
    out = []
    for n in range(1, size + 1):
        month = rng.randint(1, 24)
        year, month = 2024 + (month - 1) // 12, (month - 1) % 12 + 1
        day = rng.randint(1, 28)
        published = rng.choice([None, f"{year}-{month:02d}-{day:02d}"])
        date = rng.choice([None, f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])
        events = [
            event(*rng.sample(NAMES, rng.randint(1, 2)), mode=rng.choice(MODES), date=date)
            for _ in range(rng.randint(1, 2))
        ]
        out.append(doc(n, published, actors=(RU, CN, XI, PUTIN), events=events))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_the_replay_files_only_the_months_it_reaches(seed: int) -> None:
    """Mentions are filed month by month as the replay reaches a key of that month: the
    answer is that of filing everything, and a late addition leaves most months unread."""
    rng = random.Random(seed)
    docs = _spread_corpus(rng, 120)
    old, options = docs[:-2], ReconcileOptions()
    index = canonical_actors(docs, ())[2]
    after = mention_items(docs, index)
    gone, come = cluster_events(old, index, options), cluster_events(docs, index, options)
    placed = {m.ref: n for n, c in enumerate(gone) for m in c.mentions}
    replay = _Replay(after, placed, options)
    refs = replay.run(set(after) - set(placed), ())

    def dated(clusters: Any) -> set[frozenset[str]]:
        return {
            frozenset(m.ref for m in c.mentions if not is_timeless(after[m.ref])) for c in clusters
        }

    assert refs == {r for c in dated(gone) ^ dated(come) for r in c}
    assert len(replay.months) < len(replay.by_month)  # not every month was read
    # a type, mode and month at a time: a mention filed is on a shelf read
    filed = {n for shelf in replay.months for n in replay.by_month.get(shelf, ())}
    assert replay.loaded == filed
    for shelf in replay.months:
        for n in replay.by_month.get(shelf, ()):
            assert (replay.item(n).type, replay.item(n).mode) == shelf[:2]
    # a key's list is made only when the key is read: gathered (`keys`), spread or probed
    assert set(replay.filed) == set(replay.keys)
    assert set(replay.probers) == replay.spread_keys | replay.probed
    # a mention is filed only under its keys of the shelves read, and a key's list, in
    # reading order, holds every mention filed of it (as filing each mention in turn makes it)
    eager: tuple[dict[Any, list[int]], dict[Any, list[int]]] = ({}, {})
    for n in sorted(replay.loaded):
        probed, filing = replay.blocks(replay.item(n))[:2]
        for keys, table in zip((probed, filing), eager, strict=True):
            for k in keys:
                if _shelf(k) in replay.months:
                    table.setdefault(k, []).append(n)
    for table, whole in zip((replay.probers, replay.filed), eager, strict=True):
        for key, ranks in whole.items():
            assert replay._read(key, table) == ranks == sorted(set(ranks)), key
        assert all(ranks == whole.get(key, []) for key, ranks in table.items())


@pytest.mark.parametrize("seed", range(20))
def test_the_replay_reads_the_stored_clusters_it_reaches(seed: int) -> None:
    """Where the old mentions are is read as the replay reaches them (`Places`: given
    mentions -> every mention of their stored clusters): only mentions it filed or placed
    are asked for, most clusters stay unread, and the answer is that of knowing them all."""
    rng = random.Random(seed)
    docs = _spread_corpus(rng, 120)
    old, options = docs[:-2], ReconcileOptions()
    index = canonical_actors(docs, ())[2]
    after = mention_items(docs, index)
    gone, come = cluster_events(old, index, options), cluster_events(docs, index, options)
    placed = {m.ref: n for n, c in enumerate(gone) for m in c.mentions}
    asked: set[str] = set()
    whole = places_of(placed)

    def places(refs: Any) -> Any:
        asked.update(refs)
        return whole(refs)

    replay = _Replay(after, places, options)
    seeds = set(after) - set(placed)
    refs = replay.run(seeds, ())
    dated = [
        {frozenset(m.ref for m in c.mentions if not is_timeless(after[m.ref])) for c in side}
        for side in (gone, come)
    ]
    assert refs == {r for c in dated[0] ^ dated[1] for r in c}
    read = {replay.refs[n] for n in replay.loaded} | seeds
    assert asked <= read
    assert len({placed[r] for r in asked if r in placed}) < len(gone)  # not every cluster
    for cid, ranks in replay.old.items():  # a cluster read is read whole
        assert ranks == sorted(replay.at[m.ref] for m in gone[cid].mentions if m.ref in replay.at)


@pytest.mark.parametrize("seed", range(30))
def test_the_members_moved_are_counted_over_the_actors_that_changed(seed: int) -> None:
    """`RecordDelta.moved_members` counts the old members whose canonical actor changed, as
    comparing every member's actor before and after does (who "Putin" is varies by
    document, so added documents move old members)."""
    rng = random.Random(seed)
    docs = _corpus(rng, 40)
    rng.shuffle(docs)
    old, added = docs[:30], docs[30:]
    before = {m.ref: a.id for a in reconcile(old).actors for m in a.members}
    after = {m.ref: a.id for a in reconcile(docs).actors for m in a.members}
    moved = sum(1 for ref, actor in before.items() if after.get(ref) != actor)
    assert reconcile_delta(old, added).moved_members == moved


def test_some_members_move_in_the_corpora_above() -> None:
    """The counting test above sees members move (else it could not fail)."""
    moved = []
    for seed in range(30):
        rng = random.Random(seed)
        docs = _corpus(rng, 40)
        rng.shuffle(docs)
        moved.append(reconcile_delta(docs[:30], docs[30:]).moved_members)
    assert any(moved)


@pytest.mark.parametrize("seed", range(40))
def test_mentions_are_made_only_where_the_replay_reads(seed: int) -> None:
    """`Mentions` ranks, dates and blocks every mention from the extraction alone (its
    sketch is what the made mention reads), and the replay over it answers as over every
    mention made while making only those of the months it reaches."""
    rng = random.Random(seed)
    docs = _spread_corpus(rng, 120)
    old, options = docs[:-2], ReconcileOptions()
    index = canonical_actors(docs, ())[2]
    made, lazy = mention_items(docs, index), Mentions(docs, index)
    assert dict(sketches(lazy)) == dict(sketches(made))
    placed = {
        m.ref: n for n, c in enumerate(cluster_events(old, index, options)) for m in c.mentions
    }
    seeds = set(made) - set(placed)
    assert _Replay(lazy, placed, options).run(seeds, ()) == changed_mentions(
        made, seeds, placed, options
    )
    assert len(lazy.made) < len(made)  # the months not reached were never made
    assert {r: lazy[r] for r in lazy.made} == {r: made[r] for r in lazy.made}


def _close_corpus(rng: random.Random, size: int) -> list[SourcedExtraction]:
    """Crowded events a few days apart, some wide (visits, date ranges), naming one of
    three persons or none: the days and persons that tell candidates apart."""
    names = (*NAMES, "Mishustin")
    dates = (*(f"2025-01-{d:02d}" for d in range(1, 15)), "2025-01", "2025", None)
    out = []
    for n in range(1, size + 1):
        published = rng.choice([None, f"2025-01-{rng.randint(1, 20):02d}"])
        events = [
            event(
                *rng.sample(names, rng.randint(1, 2)),
                mode=rng.choice(("meeting", "visit")),
                date=rng.choice(dates),
                date_end=rng.choice([None, None, None, "2025-01-08"]),
                place=rng.choice((None, "Beijing", "Moscow")),
            )
            for _ in range(rng.randint(1, 2))
        ]
        out.append(doc(n, published, actors=(RU, CN, XI, PUTIN, MISHUSTIN), events=events))
    return out


class _Checked(_Replay):
    """A replay that checks every candidate `possible` leaves out could not take the
    mention (it is incompatible with a mention the cluster holds at that turn)."""

    found = weighed = 0

    def possible(self, item: _Item, found: set[Any]) -> list[Any]:
        kept = super().possible(item, found)
        at = self.at[item.mention.ref]
        for cid in found - set(kept):
            shapes = self.state(cid, at).shapes.values()
            assert not all(_compatible(item, other, self.options) for other in shapes)
        self.found, self.weighed = self.found + len(found), self.weighed + len(kept)
        return kept


@pytest.mark.parametrize("seed", range(40))
def test_a_mention_is_weighed_only_against_clusters_that_may_take_it(seed: int) -> None:
    """The candidates left out by their days and persons read so far could not take the
    mention, the answer is that of clustering everything, and some were left out."""
    replay, refs, expected = _replayed_close_corpus(seed, _Checked)
    assert refs == expected
    assert replay.weighed < replay.found


def _replayed_close_corpus(seed: int, kind: Any) -> tuple[Any, set[str], set[str]]:
    """A replay of `kind` over a drawn corpus whose last three documents are added (see
    `_replay_of`)."""
    rng = random.Random(seed)
    docs = _close_corpus(rng, 60)
    return _replay_of(docs[:-3], docs[-3:], kind)


def _replay_of(
    old: list[SourcedExtraction], added: list[SourcedExtraction], kind: Any
) -> tuple[Any, set[str], set[str]]:
    """A replay of `kind` adding `added` to `old`: the replay, the refs it answers and those
    of the clusters that differ between clustering everything before and after (timeless
    mentions left out)."""
    docs, options = [*old, *added], ReconcileOptions()
    index = canonical_actors(docs, ())[2]
    after = mention_items(docs, index)
    gone, come = cluster_events(old, index, options), cluster_events(docs, index, options)
    placed = {m.ref: n for n, c in enumerate(gone) for m in c.mentions}
    replay = kind(after, placed, options)
    refs = replay.run(set(after) - set(placed), ())

    def dated(clusters: Any) -> set[frozenset[str]]:
        return {
            frozenset(m.ref for m in c.mentions if not is_timeless(after[m.ref])) for c in clusters
        }

    return replay, refs, {r for c in dated(gone) ^ dated(come) for r in c}


class _Gathered(_Replay):
    """A replay that checks every cluster filed under a key a mention probes, but left out
    of those gathered by their persons (`_Replay.gather`), could not take the mention."""

    filed_under = gathered = 0

    def gather(self, item: _Item, at: int) -> set[Any]:
        kept = super().gather(item, at)
        every = {
            self.cluster(n) for k in self.blocks(item)[0] for n in self.filed.get(k, ()) if n < at
        }
        assert kept <= every
        for cid in every - kept:
            shapes = self.state(cid, at).shapes.values()
            assert not all(_compatible(item, other, self.options) for other in shapes)
        self.filed_under, self.gathered = self.filed_under + len(every), self.gathered + len(kept)
        return kept


@pytest.mark.parametrize("seed", range(40))
def test_a_mention_gathers_only_clusters_its_persons_allow(seed: int) -> None:
    """The clusters filed under a mention's keys but not gathered for it by the persons
    their traces named when filed could not take it; the answer is that of clustering
    everything, and some were left out."""
    replay, refs, expected = _replayed_close_corpus(seed, _Gathered)
    assert refs == expected
    assert replay.gathered <= replay.filed_under


def test_some_clusters_are_left_out_by_their_persons_in_the_corpora_above() -> None:
    """The test above sees clusters left out (else it could not fail)."""
    counts = [_replayed_close_corpus(seed, _Gathered)[0] for seed in range(40)]
    assert sum(r.gathered for r in counts) < sum(r.filed_under for r in counts)


MINISTERS = tuple(person(f"Minister {n}", "RU", f"Minister{n}") for n in range(12))


def _minister(n: int, *who: str, day: str = "2025-01-10") -> SourcedExtraction:
    mention = event(*who, "China", date=day, place="Beijing")
    return doc(n, "2025-01-12", actors=(RU, CN, *MINISTERS), events=[mention])


def test_a_mention_joins_the_cluster_of_its_person_among_many_on_its_keys() -> None:
    """Twelve Russian ministers meet China on one day: twelve clusters filed under one
    key (Russia's, China's); a mention naming one joins that minister's cluster, and one
    naming only the states still weighs every cluster. A cluster naming nobody (Russia and
    China met on the 15th) takes a minister's mention of that day; one naming two
    ministers takes a mention of either."""
    old = [_minister(n + 1, f"Minister{n}") for n in range(12)]
    old += [_minister(20, "Russia"), _minister(21, "Minister3", day="2025-01-11")]
    old += [_minister(22, "Russia", day="2025-01-15")]
    old += [_minister(23 + n, "Minister1", "Minister2", day=f"2025-01-{16 + n}") for n in (0, 1)]
    added = [
        _minister(30, "Minister7"),
        _minister(31, "Russia", day="2025-01-11"),
        _minister(32, "Minister5"),
        _minister(33, "Minister9", day="2025-01-15"),
        _minister(34, "Minister2", day="2025-01-16"),
        _minister(35, "Minister1", day="2025-01-17"),
    ]
    events = _assert_delta_applies(old, added)

    def met(day: str, *who: str) -> list[int]:
        return [
            len(e["mentions"])
            for e in events.values()
            if set(who) <= set(e["participants"]) and e["date"] == f"2025-01-{day}"
        ]

    assert met("10", "Minister 7") == met("10", "Minister 5") == met("15", "Minister 9") == [2]
    assert met("16", "Minister 1", "Minister 2") == met("17", "Minister 1", "Minister 2") == [2]
    assert met("11", "Minister 3") == [2]  # with the states' mention of that day


class _Counted(_Replay):
    """A replay that records the mentions it places again."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.placed: list[str] = []

    def choose(self, at: int) -> Any:
        self.placed.append(self.refs[at])
        return super().choose(at)


LAVROV = person("Sergei Lavrov", "RU", "Lavrov")
WANG = person("Wang Yi", "CN", "Wang")
TALKERS = (RU, CN, PUTIN, XI, LAVROV, WANG)


def _talks(n: int, published: str, *who: str, day: str = "2025-01-10") -> SourcedExtraction:
    return doc(n, published, actors=TALKERS, events=[event(*who, date=day, place="Beijing")])


def _replayed(old: list[SourcedExtraction], added: list[SourcedExtraction]) -> _Counted:
    """The replay of adding `added` to `old`, checked against clustering everything."""
    replay, refs, expected = _replay_of(old, added, _Counted)
    assert refs == expected
    _assert_delta_applies(old, added)
    return replay


def _reports() -> list[SourcedExtraction]:
    """Twenty reports of the Putin-Xi talks of 10 January, published over the month, among
    talks of other days of theirs and Lavrov's."""
    old = [_talks(n, f"2025-01-{10 + n:02d}", "Putin", "Xi Jinping") for n in range(1, 21)]
    old += [
        _talks(30 + n, f"2025-01-{10 + n:02d}", "Putin", "Xi Jinping", day=f"2025-01-{20 + n}")
        for n in range(1, 6)
    ]
    old += [_talks(40, "2025-01-15", "Sergei Lavrov", "Wang Yi")]
    return old


def test_a_report_alike_of_a_meeting_places_nothing_else_again() -> None:
    """An added report of the talks alike (date, place, parties, publication) in every way
    to one before it joins their cluster and leaves it, for every later mention, as it was:
    nothing else is placed again (every later report of the talks was, before)."""
    added = [_talks(50, "2025-01-12", "Putin", "Xi Jinping")]
    replay = _replayed(_reports(), added)
    assert replay.placed == ["50:e0"]


def test_a_new_participant_places_again_only_the_mentions_it_may_join() -> None:
    """An added report that names Lavrov at the Putin-Xi talks brings the cluster a
    participant it lacked: only Lavrov's talks with Wang that day (compatible with the new
    report, sharing Lavrov) are weighed again, not the talks' other reports nor the other
    days' talks on its keys."""
    added = [_talks(50, "2025-01-12", "Putin", "Xi Jinping", "Sergei Lavrov")]
    replay = _replayed(_reports(), added)
    assert sorted(replay.placed) == ["40:e0", "50:e0"]


_TEXTS = st.text(alphabet=st.sampled_from("\x00\x01\x02a-0:e"), max_size=6)
_KEYS = st.tuples(st.integers(-3, 0), _TEXTS, _TEXTS, _TEXTS)


@given(st.lists(_KEYS, min_size=2, max_size=8, unique_by=lambda k: k[3]))
def test_a_rank_sorts_as_the_reading_key(keys: list[tuple[int, str, str, str]]) -> None:
    """A mention's rank (`_rank`, one string) sorts as its reading key does, whatever
    characters its publication and document name hold (a mention read from the store late
    is ranked among those read before)."""
    assert sorted(keys, key=_rank) == sorted(keys)
    assert len({_rank(k) for k in keys}) == len(keys)
