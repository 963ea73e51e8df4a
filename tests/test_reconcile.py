"""The reconciliation rules (docs/reconcile.md), one small hand-built corpus per rule."""

from __future__ import annotations

import json
import math
import pickle
import random
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest

from bilat.reconcile import (
    MergeJudgement,
    ReconcileOptions,
    Record,
    SourcedExtraction,
    apply_judgements,
    claim_interval,
    extend,
    figures,
    reconcile,
)
from bilat.reconcile.figures import consistent_subsets, le
from bilat.records import Actor, Agreement, Commitment, Event, Evidence, Extraction, Figure

BN = 1e9
INF = math.inf


# ---------------------------------------------------------------- builders


def evidence(quote: str = "quote") -> Evidence:
    return Evidence(0, len(quote), quote)


def person(name: str, country: str | None, *aliases: str, gid: str | None = None) -> Actor:
    return Actor(name, "person", country, None, aliases, gid)


def state(name: str, country: str, *aliases: str) -> Actor:
    return Actor(name, "state", country, None, aliases, None)


def project(name: str, *aliases: str) -> Actor:
    return Actor(name, "project", "RU", None, aliases, None)


def event(
    *participants: str,
    mode: str = "meeting",
    date: str | None = "2025-09-02",
    date_end: str | None = None,
    place: str | None = "Beijing",
    status: str = "occurred",
    type: str = "CONSULT",
) -> Event:
    return Event(type, mode, status, participants, date, date_end, place, evidence())


def figure(
    value: float,
    qualifier: str = "exact",
    *,
    measure: str = "trade_turnover",
    period: str | None = "2024",
    flow: str | None = "RU<->CN",
    unit: str = "USD",
    kind: str = "amount",
    per: str | None = None,
    value_max: float | None = None,
    measure_text: str | None = None,
    source_data: str | None = None,
    quote: str = "quote",
) -> Figure:
    return Figure(
        kind, value, value_max, unit, per, qualifier, measure, measure_text, flow, period,
        None, evidence(quote), source_data,
    )  # fmt: skip


def agreement(
    title: str, kind: str, status: str, date: str | None = None, parties: Sequence[str] = ()
) -> Agreement:
    return Agreement(title, kind, status, date, tuple(parties), "energy", evidence())


def commitment(
    value: float,
    relation: str = ">=",
    deadline: str | None = "2024",
    *,
    flow: str | None = "RU<->CN",
    measure: str = "trade_turnover",
    unit: str = "USD",
    parties: tuple[str, ...] = ("Russia", "China"),
) -> Commitment:
    return Commitment(
        measure, None, relation, value, None, unit, None, deadline, parties,
        "agreed", evidence(), flow,
    )  # fmt: skip


RU = state("Russia", "RU", "Russian Federation", "Moscow")
CN = state("China", "CN", "PRC", "Beijing")
PUTIN = person("Vladimir Putin", "RU", "Putin")
XI = person("Xi Jinping", "CN", "Xi", "Chinese President")


def doc(
    doc_id: int,
    published: str | None = "2025-09-03",
    *,
    actors: Sequence[Actor] = (RU, CN, PUTIN, XI),
    events: Sequence[Event] = (),
    figures: Sequence[Figure] = (),
    agreements: Sequence[Agreement] = (),
    commitments: Sequence[Commitment] = (),
) -> SourcedExtraction:
    extraction = Extraction(
        f"{doc_id:03d}.txt", published, "test", tuple(actors), tuple(events), tuple(figures),
        tuple(agreements), tuple(commitments),
    )  # fmt: skip
    return SourcedExtraction(doc_id, f"{doc_id:03d}.txt", published, None, extraction)


def actor_groups(record: Record) -> list[set[str]]:
    """Each canonical actor as the set of its members' refs."""
    return sorted(({m.ref for m in a.members} for a in record.actors), key=sorted)


def same_actor(record: Record, ref_a: str, ref_b: str) -> bool:
    return any({ref_a, ref_b} <= group for group in actor_groups(record))


# ---------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (person("Xi Jinping", "CN", gid="Q1"), person("President Xi", "CN", gid="Q1"), True),
        (PUTIN, person("Vladimir Putin", "RU", "Russian leader"), True),
        (PUTIN, person("Vladimir Vladimirovich Putin", "RU"), True),
        (
            state("China", "CN", "People's Republic of China"),
            state("People’s Republic of China", "CN"),
            True,
        ),
        (state("China", "CN", "PRC"), state("People's Republic of China", "CN"), False),
        (CN, state("People's Republic of China", "CN", "PRC"), True),
        (project("Power of Siberia–2"), project("Power of Siberia 2"), True),
        (project("Power of Siberia 2"), project("Power of Siberia"), False),
        (state("China", "CN", "Beijing"), Actor("Beijing", "place", "CN", None, (), None), False),
        (person("Wang Bin", "CN"), person("Wang Bin", "US"), False),
        (
            Actor("Gazprom", "company", "RU", None, (), None),
            Actor("Gazprom", "organization", "RU", None, ("PJSC Gazprom",), None),
            True,
        ),
        (person("Wang Yi", "CN", gid="Q1"), person("Wang Yi", "CN", gid="Q2"), False),
        (
            person("Mikhail Mishustin", "RU", "Russian Prime Minister"),
            person("Dmitry Medvedev", "RU", "Russian Prime Minister"),
            False,
        ),
        (person("Mikhail Mishustin", "RU", "Mishustin"), person("Mishustin", "RU"), True),
        (person("Xi Jinping", "CN"), person("Xi", "CN"), True),
        (person("Wang Yi", "CN"), person("Wang", "US"), False),
        (
            Actor("Tatarstan", "place", "RU", None, ("the republic",), None),
            Actor("Dagestan", "place", "RU", None, ("the republic",), None),
            False,
        ),
    ],
)
def test_actor_merge_rules(first: Actor, second: Actor, merged: bool) -> None:
    record = reconcile([doc(1, actors=[first]), doc(2, actors=[second])])
    assert same_actor(record, f"1:{first.name}", f"2:{second.name}") is merged


def test_bare_surname_stays_apart_when_ambiguous() -> None:
    docs = [
        doc(1, actors=[person("Li Qiang", "CN")]),
        doc(2, actors=[person("Li Hui", "CN")]),
        doc(3, actors=[person("Li", "CN")]),
    ]
    record = reconcile(docs)
    assert len(record.actors) == 3


def test_canonical_actor_keeps_every_member_and_name() -> None:
    docs = [doc(1, actors=[PUTIN]), doc(2, actors=[person("Vladimir Putin", "RU", "Putin V.")])]
    (actor,) = reconcile(docs).actors
    assert actor.name == "Vladimir Putin" and actor.doc_count == 2
    assert [m.doc_name for m in actor.members] == ["001.txt", "002.txt"]
    assert set(actor.names) == {"Vladimir Putin", "Putin", "Putin V."}


def test_machine_merges_are_recorded_as_judgements() -> None:
    record = reconcile([doc(1, actors=[XI]), doc(2, actors=[XI])])
    (judgement,) = record.judgements
    assert (judgement.kind, judgement.by) == ("merge", "machine")
    assert {judgement.a, judgement.b} == {"1:Xi Jinping", "2:Xi Jinping"}
    assert "xi jinping" in judgement.reason


def wang_corpus() -> list[SourcedExtraction]:
    return [doc(1, actors=[person("Wang Bin", "CN")]), doc(2, actors=[person("Wang Bin", "CN")])]


def test_human_split_undoes_a_machine_merge_and_dropping_it_redoes_it() -> None:
    record = reconcile(wang_corpus())
    assert same_actor(record, "1:Wang Bin", "2:Wang Bin")
    split = MergeJudgement("split", "1:Wang Bin", "2:Wang Bin", "two people", by="alice")
    undone = apply_judgements(record, [split])
    assert not same_actor(undone, "1:Wang Bin", "2:Wang Bin")
    assert undone.human_judgements() == (split,)
    assert same_actor(apply_judgements(undone, []), "1:Wang Bin", "2:Wang Bin")


def test_human_merge_forces_and_last_judgement_on_a_pair_wins() -> None:
    docs = [
        doc(1, actors=[person("Xi Jinping", "CN")]),
        doc(2, actors=[person("Chairman Xi", "CN")]),
    ]
    record = reconcile(docs)
    assert not same_actor(record, "1:Xi Jinping", "2:Chairman Xi")
    merge = MergeJudgement("merge", "1:Xi Jinping", "2:Chairman Xi", "same", by="bob")
    assert same_actor(apply_judgements(record, [merge]), "1:Xi Jinping", "2:Chairman Xi")
    split = MergeJudgement("split", "1:Xi Jinping", "2:Chairman Xi", "oops", by="bob")
    assert not same_actor(apply_judgements(record, [merge, split]), "1:Xi Jinping", "2:Chairman Xi")
    assert same_actor(apply_judgements(record, [split, merge]), "1:Xi Jinping", "2:Chairman Xi")


def test_split_cannot_be_bridged_by_a_third_member() -> None:
    docs = [*wang_corpus(), doc(3, actors=[person("Wang Bin", "CN")])]
    split = MergeJudgement("split", "1:Wang Bin", "2:Wang Bin", "two people", by="alice")
    record = reconcile(docs, [split])
    assert not same_actor(record, "1:Wang Bin", "2:Wang Bin")
    assert len(record.actors) == 2


# ---------------------------------------------------------------- events


def cluster_sizes(record: Record) -> list[int]:
    return sorted(len(c.mentions) for c in record.events)


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (event("Vladimir Putin", "Xi Jinping"), event("Putin", "Xi"), True),
        (event("Vladimir Putin", "Xi Jinping", date="2025-09"), event("Putin", "Xi"), True),
        (event("Vladimir Putin", "Xi Jinping", place=None), event("Putin", "Xi"), True),
        (
            event("Vladimir Putin", "Xi Jinping", date="2025-05", place="Moscow"),
            event("Vladimir Putin", "Xi Jinping", date="2025-09", place="Beijing"),
            False,
        ),
        (event("Vladimir Putin", "Xi Jinping", date="2025-09-03"), event("Putin", "Xi"), False),
        (event("Vladimir Putin", "Xi Jinping"), event("Putin", "Xi", place="Moscow"), False),
        (event("Vladimir Putin", "China", mode="visit"), event("Putin", "Xi"), False),
        (event("Vladimir Putin", "Xi Jinping", mode="call"), event("Putin", "Xi"), False),
        (event("Vladimir Putin", "Xi Jinping", type="COOPERATE"), event("Putin", "Xi"), False),
        (event("Vladimir Putin", "China", mode="visit"), event("Putin", "PRC", mode="visit"), True),
        (
            event("Vladimir Putin", "China", mode="visit", date="2025-09-01", place="China"),
            event("Putin", "China", mode="visit", date="2025-09-02", place="Beijing"),
            True,
        ),
        (
            event("Vladimir Putin", "China", mode="visit", date="2025-09-01"),
            event("Putin", "China", mode="visit", date="2025-09-10"),
            False,
        ),
        (event("Xi Jinping", "Russia"), event("Vladimir Putin", "Russia"), False),
    ],
)
def test_event_clustering_rules(first: Event, second: Event, merged: bool) -> None:
    record = reconcile([doc(1, events=[first]), doc(2, events=[second])])
    assert cluster_sizes(record) == ([2] if merged else [1, 1])


def test_event_cluster_fields_status_date_and_mentions() -> None:
    planned = event("Vladimir Putin", "Xi Jinping", date="2025-09", status="planned")
    held = event("Putin", "Xi", date="2025-09-02", place=None)
    record = reconcile(
        [doc(1, "2025-08-22", events=[planned]), doc(2, "2025-09-03", events=[held])]
    )
    (cluster,) = record.events
    assert cluster.status == "occurred"
    assert (cluster.date, cluster.place, cluster.source_count) == ("2025-09-02", "Beijing", 2)
    assert cluster.participants == ("Vladimir Putin", "Xi Jinping")
    assert [(m.doc_name, m.date, m.place) for m in cluster.mentions] == [
        ("001.txt", "2025-09", "Beijing"),
        ("002.txt", "2025-09-02", None),
    ]
    assert cluster.conflicts == ()


BEIJING = Actor("Beijing", "place", "CN", None, (), "beijing")
TIANJIN = Actor("Tianjin", "place", "CN", None, (), "tianjin")
SOCHI = Actor("Sochi", "place", "RU", None, (), "sochi")
SCO = Actor("Shanghai Cooperation Organisation", "organization", None, None, ("SCO",), "sco")
PLACES = (RU, CN, PUTIN, XI, BEIJING, TIANJIN, SOCHI, SCO)


def test_details_that_fit_one_event_are_no_conflict() -> None:
    """Days of one visit, a city inside the state, a visit's stops: not 'sources differ'."""
    one = event("Vladimir Putin", "China", mode="visit", date="2025-09-01", place="China")
    two = event("Putin", "China", mode="visit", date="2025-09-02", place="Beijing")
    three = event("Putin", "China", mode="visit", date="2025-08-31", place="Tianjin")
    docs = [doc(i, actors=PLACES, events=[e]) for i, e in enumerate((one, two, three), 1)]
    (cluster,) = reconcile(docs).events
    assert cluster.conflicts == ()
    assert cluster.place in ("Beijing", "Tianjin")  # a city wins over its state


def test_one_summit_reported_in_two_cities_is_one_event_whose_sources_differ() -> None:
    tianjin = event("Vladimir Putin", "SCO", mode="multilateral", place="Tianjin")
    beijing = event("Putin", "Shanghai Cooperation Organisation", mode="multilateral")
    docs = [
        doc(1, actors=PLACES, events=[tianjin]),
        doc(2, actors=PLACES, events=[tianjin]),
        doc(3, actors=PLACES, events=[beijing]),
    ]
    (cluster,) = reconcile(docs).events
    details = {c.detail: {v.value: v.docs for v in c.values} for c in cluster.conflicts}
    assert details == {"place": {"Beijing": ("003.txt",), "Tianjin": ("001.txt", "002.txt")}}
    assert cluster.place == "Tianjin"  # most sources


def test_a_city_of_another_state_does_not_fit_the_state() -> None:
    """'Putin visited China' and 'Putin visited Sochi' the same day are two events."""
    china = event("Vladimir Putin", "China", mode="visit", place="China")
    sochi = event("Putin", "China", mode="visit", place="Sochi")
    docs = [doc(1, actors=PLACES, events=[china]), doc(2, actors=PLACES, events=[sochi])]
    assert cluster_sizes(reconcile(docs)) == [1, 1]


def test_a_mention_naming_only_states_joins_the_leaders_meeting_that_day() -> None:
    states = event("Russia", "China", place=None)
    leaders = event("Vladimir Putin", "Xi Jinping")
    lavrov = event("Sergei Lavrov", "Wang Yi", date="2025-09-05")
    docs = [doc(1, events=[leaders]), doc(2, events=[states]), doc(3, events=[lavrov])]
    clusters = {tuple(sorted(m.doc_id for m in c.mentions)) for c in reconcile(docs).events}
    assert clusters == {(1, 2), (3,)}


@pytest.mark.parametrize(
    ("second_published", "merged"), [("2025-09-08", True), ("2025-09-25", False)]
)
def test_undated_mentions_merge_only_when_published_close(
    second_published: str, merged: bool
) -> None:
    undated = event("Vladimir Putin", "Xi Jinping", date=None)
    docs = [doc(1, "2025-09-03", events=[undated]), doc(2, second_published, events=[undated])]
    assert cluster_sizes(reconcile(docs)) == ([2] if merged else [1, 1])


def test_vague_date_does_not_chain_two_meetings() -> None:
    docs = [
        doc(1, events=[event("Vladimir Putin", "Xi Jinping", date="2025-09-02")]),
        doc(2, events=[event("Vladimir Putin", "Xi Jinping", date="2025-09-20")]),
        doc(3, events=[event("Vladimir Putin", "Xi Jinping", date="2025-09")]),
    ]
    assert cluster_sizes(reconcile(docs)) == [1, 2]


MISHUSTIN = person("Mikhail Mishustin", "RU", "Mishustin")
VISIT_ACTORS = (RU, CN, MISHUSTIN)


def timeless_visit(place: str | None = None, *participants: str) -> Event:
    """A visit with no date, to be put in a document with no publication date."""
    who = participants or ("Mikhail Mishustin", "China")
    return event(*who, mode="visit", date=None, place=place)


def unpublished(doc_id: int, *events: Event) -> SourcedExtraction:
    return doc(doc_id, None, actors=VISIT_ACTORS, events=events)


def dated_visit(doc_id: int, date: str) -> SourcedExtraction:
    visit = event("Mikhail Mishustin", "China", mode="visit", date=date, place="China")
    return doc(doc_id, date, actors=VISIT_ACTORS, events=[visit])


@pytest.mark.parametrize(
    ("docs", "sizes"),
    [
        # the only such event in the corpus: the two undated reports are one visit
        ([unpublished(1, timeless_visit()), unpublished(2, timeless_visit())], [2]),
        ([unpublished(1, timeless_visit("Hangzhou")), unpublished(2, timeless_visit())], [2]),
        # one dated visit known: the timeless mentions are that visit
        ([dated_visit(3, "2025-11-03"), unpublished(1, timeless_visit())], [2]),
        # two dated visits known: no telling which one is meant
        (
            [
                dated_visit(3, "2024-05-16"),
                dated_visit(4, "2025-11-03"),
                unpublished(1, timeless_visit()),
                unpublished(2, timeless_visit()),
            ],
            [1, 1, 1, 1],
        ),
        # different participant sets, clashing places, two events of one document
        (
            [
                unpublished(1, timeless_visit()),
                unpublished(2, timeless_visit(None, "Mikhail Mishustin", "China", "Russia")),
            ],
            [1, 1],
        ),
        (
            [unpublished(1, timeless_visit("Hangzhou")), unpublished(2, timeless_visit("Sochi"))],
            [1, 1],
        ),
        (
            [
                unpublished(1, timeless_visit(), timeless_visit("Harbin")),
                unpublished(2, timeless_visit()),
            ],
            [1, 1, 1],
        ),
    ],
)
def test_timeless_mentions_merge_only_when_unambiguous(
    docs: list[SourcedExtraction], sizes: list[int]
) -> None:
    assert cluster_sizes(reconcile(docs)) == sizes


def test_undated_mention_of_a_published_document_is_not_timeless() -> None:
    undated = event("Mikhail Mishustin", "China", mode="visit", date=None, place=None)
    published = doc(2, "2025-11-05", actors=VISIT_ACTORS, events=[undated])
    docs = [unpublished(1, timeless_visit()), published]
    # the published one is clustered first; the timeless one joins it as the only candidate
    assert cluster_sizes(reconcile(docs)) == [2]


# ---------------------------------------------------------------- figures: intervals


@pytest.mark.parametrize(
    ("value", "value_max", "qualifier", "expected"),
    [
        (100.0, None, "exact", (99.0, 101.0)),
        (100.0, None, "approx", (95.0, 105.0)),
        (240.0, None, "at_least", (240.0, INF)),
        (245.0, None, "at_most", (220.5, 245.0)),
        (80.0, 85.0, "exact", (79.2, 85.85)),
        (80.0, 85.0, "approx", (76.0, 89.25)),
        (80.0, 85.0, "at_most", (72.0, 85.0)),
        (80.0, 85.0, "at_least", (80.0, INF)),
        (-10.0, None, "at_least", (-INF, -10.0)),
        (-10.0, None, "at_most", (-10.0, -9.0)),
        (-9.1, None, "exact", (-9.191, -9.009)),
        (0.0, None, "exact", (0.0, 0.0)),
    ],
)
def test_claim_interval(
    value: float, value_max: float | None, qualifier: str, expected: tuple[float, float]
) -> None:
    low, high = claim_interval(value, value_max, qualifier, ReconcileOptions())
    assert low == pytest.approx(expected[0]) and high == pytest.approx(expected[1])


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (figure(100), figure(102), False),  # [99, 101] meets [100.98, 103.02]
        (figure(100), figure(103), True),  # [99, 101] vs [101.97, 104.03]
        (figure(100, "approx"), figure(110, "approx"), False),  # 105 >= 104.5
        (figure(100, "approx"), figure(111), True),  # [95, 105] vs [109.89, ...]
        (figure(240, "at_least"), figure(240, "at_most"), False),  # touch at 240
        (figure(240, "at_least"), figure(237), True),  # ... 239.37 < 240
        (figure(245, "at_most"), figure(220), False),  # 220.5 <= 222.2
        (figure(245, "at_most"), figure(215), True),  # 217.15 < 220.5
        (figure(-9.1, unit="percent", kind="change"), figure(-10, "at_least", unit="percent",
                                                             kind="change"), True),
        (figure(-10.5, unit="percent", kind="change"), figure(-10, "at_least", unit="percent",
                                                              kind="change"), False),
    ],
)  # fmt: skip
def test_interval_boundaries_decide_conflicts(a: Figure, b: Figure, conflict: bool) -> None:
    record = reconcile([doc(1, figures=[a]), doc(2, figures=[b])])
    assert bool(record.conflicts) is conflict


def seeds_trade_corpus() -> list[SourcedExtraction]:
    return [
        doc(1, "2025-08-22", figures=[figure(245 * BN, "at_most", quote="almost $245 billion")]),
        doc(2, "2025-11-04", figures=[figure(240 * BN, "at_least", quote="surpassing $240bn",
                                              source_data="Chinese customs")]),
        doc(3, "2025-11-05", figures=[figure(200 * BN, "at_most", quote="approached $200bn")]),
    ]  # fmt: skip


def _subsets_one_by_one(claims: Sequence[Any]) -> tuple[tuple[int, ...], ...]:
    """`consistent_subsets` as it was: every claim weighed at every point."""
    points = sorted({b for c in claims for b in (c.low, c.high) if math.isfinite(b)})
    sets = {
        tuple(i for i, c in enumerate(claims) if le(c.low, p) and le(p, c.high)) for p in points
    }
    found = [frozenset(s) for s in sets if s]
    maximal = [tuple(sorted(s)) for s in found if not any(s < other for other in found)]
    return tuple(sorted(maximal, key=lambda s: (-len(s), s)))


@pytest.mark.parametrize("seed", range(40))
def test_consistent_subsets_weigh_each_interval_once(seed: int) -> None:
    """Claims repeating a few intervals (open ones, touching ones) give the subsets of
    weighing every claim."""
    rng = random.Random(seed)
    bounds = [-INF, 0.0, 1.0, 1.0 + 1e-12, 2.0, 3.0, INF]
    spans = [tuple(sorted(rng.sample(bounds, 2))) for _ in range(rng.randint(1, 6))]
    claims = [SimpleNamespace(low=lo, high=hi) for lo, hi in rng.choices(spans, k=30)]
    assert consistent_subsets(claims) == _subsets_one_by_one(claims)  # type: ignore[arg-type]


def _near(rng: random.Random, b: float) -> float:
    """`b`, or a bound a hair from it: inside `le`'s forgiveness (1e-9 relative), at its
    edge or just past it."""
    step = rng.choice([0.0, 1e-12, 5e-10, 9.9e-10, 1e-9, 1.01e-9, 2e-9, 1e-6])
    return b + rng.choice([-1, 1]) * step * abs(b) if math.isfinite(b) else b


@pytest.mark.parametrize("seed", range(60))
def test_consistent_subsets_match_every_point_on_many_intervals(seed: int) -> None:
    """Many distinct intervals (negative, open, touching within float noise or just
    apart, a few reversed) give the subsets of weighing every claim at every point: an
    interval is matched only with the points near it, yet no point `le` forgives is
    missed."""
    rng = random.Random(seed)
    base = [rng.choice([-1, 1]) * rng.uniform(0, 300) for _ in range(rng.randint(1, 12))]
    bounds = [-INF, 0.0, INF, *base]
    claims = []
    for _ in range(rng.randint(1, 60)):
        lo, hi = sorted((_near(rng, rng.choice(bounds)), _near(rng, rng.choice(bounds))))
        if rng.random() < 0.05:
            lo, hi = hi, lo
        claims.append(SimpleNamespace(low=lo, high=hi))
    assert consistent_subsets(claims) == _subsets_one_by_one(claims)  # type: ignore[arg-type]


def _apart_one_by_one(claims: Sequence[Any]) -> tuple[Any, Any] | None:
    """`figures._sources_apart` as it was: every claim of a source weighed against every
    claim of another."""
    by_source: dict[str, list[Any]] = {}
    for c in claims:
        if c.source_data is not None:
            by_source.setdefault(c.source_data, []).append(c)
    best = None
    names = sorted(by_source)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            pairs = [
                (x, y)
                for x in by_source[a]
                for y in by_source[b]
                if x.high < y.low or y.high < x.low
            ]
            if pairs:
                x, y = max(pairs, key=lambda p: abs(p[0].value - p[1].value))
                rank = (len(by_source[a]) + len(by_source[b]), abs(x.value - y.value), x, y)
                if best is None or rank[:2] > best[:2]:
                    best = rank
    return None if best is None else (best[2], best[3])


@pytest.mark.parametrize("seed", range(40))
def test_sources_apart_weigh_each_value_once(seed: int) -> None:
    """Sources repeating a few values (the same interval, or the same value read with
    another qualifier) name the same two claims as weighing every claim: the first of
    the claims alike, so the reason quotes the same documents."""
    rng = random.Random(seed)
    values = [float(rng.randint(90, 110)) for _ in range(rng.randint(1, 5))]
    claims = []
    for n in range(rng.randint(2, 40)):
        value, qualifier = rng.choice(values), rng.choice(["exact", "approx", "at_least"])
        low, high = claim_interval(value, None, qualifier, ReconcileOptions())
        who = rng.choice(["Chinese customs", "FCS", "IMF", None])
        claims.append(SimpleNamespace(value=value, low=low, high=high, source_data=who, n=n))
    found = figures._sources_apart(claims)  # type: ignore[arg-type]
    assert found == _apart_one_by_one(claims)


def test_seeds_trade_turnover_conflict() -> None:
    (conflict,) = reconcile(seeds_trade_corpus()).conflicts
    assert (conflict.measure, conflict.flow, conflict.period) == (
        "trade_turnover",
        "RU<->CN",
        "2024",
    )
    assert [c.doc for c in conflict.claims] == ["001.txt", "002.txt", "003.txt"]
    assert conflict.consistent_subsets == ((0, 1), (2,))
    assert "002.txt says at least $240 bn" in conflict.reason
    assert "003.txt says at most $200 bn" in conflict.reason
    assert "e+" not in conflict.reason and ".." not in conflict.reason, conflict.reason
    assert conflict.source_data == ("Chinese customs",)


def test_conflicts_json_shape_for_the_cli() -> None:
    (item,) = reconcile(seeds_trade_corpus()).conflicts_json()
    assert {"measure", "flow", "period", "claims", "reason"} <= item.keys()
    claim = item["claims"][1]
    expected = {"doc", "value", "value_max", "unit", "qualifier", "said_by", "published", "quote"}
    assert expected <= claim.keys()
    assert (claim["doc"], claim["qualifier"], claim["high"]) == ("002.txt", "at_least", None)
    json.dumps(item, allow_nan=False)


@pytest.mark.parametrize(
    "other",
    [
        figure(200 * BN, period="2023"),
        figure(200 * BN, measure="investment"),
        figure(200 * BN, flow="RU->CN"),
        figure(200 * BN, unit="CNY"),
        figure(200 * BN, per="year"),
        figure(200 * BN, period=None),
    ],
    ids=["period", "measure", "flow", "unit", "per", "no-period"],
)
def test_figures_about_different_things_never_conflict(other: Figure) -> None:
    record = reconcile([doc(1, figures=[figure(245 * BN)]), doc(2, figures=[other])])
    assert record.conflicts == ()


def test_settlement_shares_of_different_years_do_not_conflict() -> None:
    share = {"measure": "settlement_currency_share", "unit": "percent", "kind": "share"}
    docs = [
        doc(1, figures=[figure(70, "at_least", period="2024", **share)]),  # type: ignore[arg-type]
        doc(2, figures=[figure(99.1, period="2025", **share)]),  # type: ignore[arg-type]
    ]
    record = reconcile(docs)
    assert record.conflicts == ()
    (series,) = record.series
    assert [p.period for p in series.points] == ["2024", "2025"]


@pytest.mark.parametrize(
    ("text_a", "text_b", "conflict"),
    [
        ("checkpoint waiting time", "Checkpoint waiting-times", True),
        ("checkpoint waiting time", "permanent commissions", False),
        (None, None, False),
    ],
)
def test_other_measure_groups_only_on_the_same_text(
    text_a: str | None, text_b: str | None, conflict: bool
) -> None:
    a = figure(10, measure="other", measure_text=text_a, unit="minute", flow=None)
    b = figure(30, measure="other", measure_text=text_b, unit="minute", flow=None)
    record = reconcile([doc(1, figures=[a]), doc(2, figures=[b])])
    assert bool(record.conflicts) is conflict


def test_different_statistical_sources_are_named() -> None:
    docs = [
        doc(1, figures=[figure(245 * BN, source_data="Chinese customs")]),
        doc(2, figures=[figure(228 * BN, source_data="Russian statistics")]),
    ]
    (conflict,) = reconcile(docs).conflicts
    assert conflict.source_data == ("Chinese customs", "Russian statistics")
    assert [c.source_data for c in conflict.claims] == ["Chinese customs", "Russian statistics"]


def test_series_points_are_ordered_by_period() -> None:
    figures = [figure(1, period="2025"), figure(2, period="2025-H1"), figure(3, period="2024")]
    figures.append(figure(4, period="2023..2024"))
    (series,) = reconcile([doc(1, figures=figures)]).series
    assert [p.period for p in series.points] == ["2023..2024", "2024", "2025-H1", "2025"]
    assert series.points[1].low == pytest.approx(2.97) and not series.points[1].conflict


# ---------------------------------------------------------------- commitments


@pytest.mark.parametrize(
    ("target", "figures", "status"),
    [
        (commitment(200 * BN), [figure(245 * BN)], "met"),
        (commitment(200 * BN), [figure(245 * BN, "at_most"), figure(240 * BN, "at_least")], "met"),
        (commitment(300 * BN), [figure(245 * BN, "at_most")], "missed"),
        (commitment(200 * BN), [figure(245 * BN), figure(200 * BN, "at_most")], "disputed"),
        (commitment(200 * BN), [figure(245 * BN), figure(150 * BN)], "disputed"),
        (commitment(250 * BN, "<="), [figure(245 * BN)], "met"),
        (commitment(245 * BN, "="), [figure(245 * BN)], "met"),
        (commitment(200 * BN, deadline="2024-12-31"), [figure(245 * BN)], "met"),
        (commitment(200 * BN, deadline="2030"), [figure(245 * BN)], "pending"),
        (commitment(200 * BN, deadline=None), [figure(245 * BN)], "pending"),
        (commitment(200 * BN), [figure(245 * BN, period="2023")], "pending"),
        (commitment(200 * BN, flow="RU->CN"), [figure(245 * BN)], "pending"),
        (commitment(200 * BN, flow=None), [figure(245 * BN)], "met"),
        (commitment(200 * BN), [figure(245 * BN, kind="change", unit="USD")], "pending"),
    ],
)
def test_commitment_status(target: Commitment, figures: list[Figure], status: str) -> None:
    docs = [doc(1, "2025-08-01", commitments=[target]), doc(2, "2025-11-04", figures=figures)]
    (tracked,) = reconcile(docs).commitments
    assert tracked.status == status, tracked.reason
    if status in ("met", "missed", "disputed"):
        assert len(tracked.evidence_figures) == len(figures)


@pytest.mark.parametrize(
    ("parties", "status"),
    [
        (("Russia", "China"), "met"),
        (("Vladimir Putin", "Xi Jinping"), "met"),
        (("Russia",), "pending"),  # one country: the flow stays unknown, two flows -> no match
    ],
)
def test_flowless_commitment_takes_the_flow_of_its_parties(
    parties: tuple[str, ...], status: str
) -> None:
    target = commitment(200 * BN, flow=None, parties=parties)
    figures = [figure(245 * BN), figure(750 * BN, flow="US<->CN")]
    docs = [doc(1, "2025-08-01", commitments=[target]), doc(2, "2025-11-04", figures=figures)]
    (tracked,) = reconcile(docs).commitments
    assert tracked.status == status, tracked.reason
    assert [c.value for c in tracked.evidence_figures] == ([245 * BN] if status == "met" else [])


def test_same_commitment_in_several_documents_is_tracked_once() -> None:
    target = commitment(200 * BN)
    docs = [doc(1, commitments=[target]), doc(2, commitments=[target]), doc(3, figures=[figure(1)])]
    (tracked,) = reconcile(docs).commitments
    assert [s.doc_name for s in tracked.sources] == ["001.txt", "002.txt"]


# ---------------------------------------------------------------- agreements

POS1 = project("Power of Siberia", "Power of Siberia gas pipeline")
POS2 = project("Power of Siberia 2", "Power of Siberia–2")


def test_agreement_history_negotiating_to_signed() -> None:
    talks = agreement("gas supply deal via Power of Siberia 2", "agreement", "negotiating")
    signed = agreement(
        "memorandum on the construction of the Power of Siberia-2 gas pipeline",
        "memorandum", "signed", "2025-09-02", ["Gazprom", "CNPC"],
    )  # fmt: skip
    other = agreement("contract on Power of Siberia gas pipeline supplies", "contract", "signed")
    docs = [
        doc(2, "2025-09-03", actors=[RU, CN, POS2], agreements=[signed]),
        doc(1, "2025-05-10", actors=[RU, CN, POS1, POS2], agreements=[talks, other]),
    ]
    histories = {h.title: h for h in reconcile(docs).agreements}
    history = histories["memorandum on the construction of the Power of Siberia-2 gas pipeline"]
    assert [(e.status, e.kind, e.doc_name) for e in history.entries] == [
        ("negotiating", "agreement", "001.txt"),
        ("signed", "memorandum", "002.txt"),
    ]
    assert (history.status, history.kind, history.projects) == (
        "signed", "memorandum", ("Power of Siberia 2",)
    )  # fmt: skip
    assert len(histories) == 2


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (
            agreement("agreement on cooperation in artificial intelligence", "agreement",
                      "announced"),
            agreement("memorandum on artificial intelligence cooperation", "memorandum", "signed"),
            True,
        ),
        (
            agreement("joint communique following the 30th regular meeting of heads of government",
                      "communique", "adopted"),
            agreement("joint communique following the 29th regular meeting of heads of government",
                      "communique", "adopted"),
            False,
        ),
        (
            agreement("agreement on artificial intelligence", "agreement", "signed",
                      parties=["Russia"]),
            agreement("agreement on artificial intelligence", "agreement", "signed",
                      parties=["Mongolia"]),
            False,
        ),
        (
            agreement("agreement on artificial intelligence", "agreement", "signed", "2025-05-08"),
            agreement("agreement on artificial intelligence", "agreement", "signed", "2024-05-16"),
            False,
        ),
        (
            agreement("agreement on artificial intelligence", "agreement", "signed"),
            agreement("visa-free travel agreement", "agreement", "signed"),
            False,
        ),
    ],
)  # fmt: skip
def test_agreement_matching_rules(first: Agreement, second: Agreement, merged: bool) -> None:
    mongolia = state("Mongolia", "MN")
    docs = [
        doc(1, actors=[RU, CN, mongolia], agreements=[first]),
        doc(2, actors=[RU, CN, mongolia], agreements=[second]),
    ]
    assert len(reconcile(docs).agreements) == (1 if merged else 2)


def test_parties_written_as_gazetteer_ids_resolve_to_their_actor() -> None:
    ru = Actor("Russia", "state", "RU", None, (), "RU")
    cn = Actor("China", "state", "CN", None, (), "CN")
    title = "joint statement on deepening the partnership"
    one = agreement(title, "joint_statement", "signed", parties=("RU", "CN"))
    two = agreement(f"{title} in a new era", "joint_statement", "signed", parties=("Russia",))
    docs = [doc(1, actors=[ru, cn], agreements=[one]), doc(2, actors=[ru, cn], agreements=[two])]
    (history,) = reconcile(docs).agreements
    assert history.parties == ("China", "Russia")
    assert len(history.entries) == 2


# ---------------------------------------------------------------- whole record


def mixed_corpus() -> list[SourcedExtraction]:
    meeting = event("Vladimir Putin", "Xi Jinping")
    return [
        *seeds_trade_corpus(),
        doc(4, "2025-09-02", events=[meeting], commitments=[commitment(200 * BN)]),
        doc(5, "2025-09-03", events=[event("Putin", "Xi", place=None)]),
        doc(6, None, actors=[person("Mishustin", "RU"), person("Mikhail Mishustin", "RU")]),
        doc(7, "2025-05-10", actors=[RU, CN, POS2],
            agreements=[agreement("Power of Siberia 2 deal", "agreement", "negotiating")]),
        doc(8, "2025-09-02", actors=[RU, CN, POS2], agreements=[
            agreement("memorandum on Power of Siberia–2", "memorandum", "signed", "2025-09-02")]),
        unpublished(9, timeless_visit("Hangzhou")),
        unpublished(10, timeless_visit()),
    ]  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_order_does_not_change_the_record(seed: int) -> None:
    docs = mixed_corpus()
    expected = json.dumps(reconcile(docs).to_json(), sort_keys=True, allow_nan=False)
    random.Random(seed).shuffle(docs)
    assert json.dumps(reconcile(docs).to_json(), sort_keys=True, allow_nan=False) == expected


def test_extend_equals_a_full_rebuild() -> None:
    docs = mixed_corpus()
    grown = extend(reconcile(docs[:3]), docs[3:])
    assert grown.to_json() == reconcile(docs).to_json()


def test_to_json_has_every_part() -> None:
    data = reconcile(mixed_corpus()).to_json()
    assert set(data) == {
        "documents", "actors", "judgements", "events", "conflicts", "series", "commitments",
        "agreements",
    }  # fmt: skip
    assert len(data["conflicts"]) == 1 and data["commitments"][0]["status"] == "disputed"
    assert [len(h["entries"]) for h in data["agreements"]] == [2]


def synthetic_corpus(size: int) -> list[SourcedExtraction]:
    """`size` documents drawn from a small world: repeating leaders, events, figures, deals."""
    rng = random.Random(size)
    people = [person(f"Leader{i} Name{i}", "RU" if i % 2 else "CN") for i in range(40)]
    docs = []
    for n in range(size):
        day = f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}"
        cast = rng.sample(people, 4)
        names = [p.name for p in cast]
        docs.append(doc(
            n, day, actors=[RU, CN, *cast],
            events=[event(names[0], names[1], date=day), event(names[2], "China", mode="visit",
                                                               date=day, place="China")],
            figures=[figure(rng.choice([240, 245, 200]) * BN, period=str(2020 + n % 6))],
            agreements=[agreement(f"agreement on topic{n % 50} cooperation", "agreement",
                                  "signed")],
            commitments=[commitment(200 * BN, deadline=str(2020 + n % 8))],
        ))  # fmt: skip
    return docs


def test_synthetic_corpus_reconciles() -> None:
    record = reconcile(synthetic_corpus(200))
    assert len(record.inputs) == 200
    assert len(record.actors) == 42
    assert len(record.agreements) == 50


def test_record_pickles() -> None:
    record = reconcile(mixed_corpus())
    assert pickle.loads(pickle.dumps(record)).to_json() == record.to_json()
