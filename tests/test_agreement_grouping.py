"""Grouping agreement statements into histories (`agreements._group`): each statement, in
reading order, joins the history it matches best (the first of the best) among those it
clashes with none of, or starts one. The grouping weighs a repeated title, parties and
signing once per history form (kept by key, and probed through the prefix blocker); these
tests hold it to the rule as written, weighed statement by statement against every
statement of every history."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.reconcile import agreements
from bilat.reconcile._text import content_words
from bilat.reconcile.agreements import _clash, _group, _Item, _similarity
from bilat.reconcile.model import AgreementEntry, ReconcileOptions

_OPTIONS = ReconcileOptions()
_WORDS = ("gas", "oil", "trade", "yuan", "loan", "bridge", "2nd", "3rd", "rail")
_DATES = (None, "2024", "2024-05", "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04")
_DATES += ("2024-06-10", "2025-05", "2025-05-01", "2024-02-30")


def _item(n: int, title: str, parties: frozenset[str], status: str, date: str | None) -> _Item:
    words = content_words(title)
    numbers = frozenset(w for w in words if any(ch.isdigit() for ch in w))
    projects = frozenset({"p1"}) if "bridge" in words else frozenset()
    entry = AgreementEntry("2024-01-01", n, f"d{n}", status, "agreement", date, title, "q")
    return _Item(f"{n}:a0", entry, "energy", words, numbers, projects, parties)


def _by_rule(items: list[_Item]) -> list[list[_Item]]:
    """The rule as written: every history, every statement of it."""
    histories: list[list[_Item]] = []
    for item in items:
        best: tuple[float, int] | None = None
        for h, members in enumerate(histories):
            score = max(_similarity(item, m, _OPTIONS) for m in members)
            if score <= 0 or any(_clash(item, m) for m in members):
                continue
            if best is None or score > best[0]:
                best = (score, h)
        if best is None:
            histories.append([item])
        else:
            histories[best[1]].append(item)
    return histories


_STATEMENT = st.tuples(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join),
    st.frozensets(st.sampled_from(("RU", "CN", "KZ")), max_size=2),
    st.sampled_from(("signed", "adopted", "negotiating", "agreed")),
    st.sampled_from(_DATES),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_STATEMENT, max_size=30), st.integers(1, 4))
def test_grouping_follows_the_rule_statement_by_statement(
    drawn: list[tuple[str, frozenset[str], str, str | None]], repeats: int
) -> None:
    # titles repeat (every year, as the generated stores do): drawn statements over again
    items = [_item(n, *s) for n, s in enumerate(drawn * repeats)]
    got = [[i.ref for i in h] for h in _group(items, _OPTIONS)]
    assert got == [[i.ref for i in h] for h in _by_rule(items)]


def test_a_repeated_title_is_weighed_once_per_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty yearly repeats of two titles and two signings: the similarity and the clash
    are asked once per pair of forms (the grouping asked them per statement and history
    member: hundreds of times)."""
    asked = {"similar": 0, "clash": 0}
    similar, clash = agreements._similarity, agreements._clash

    def counted_similar(*args: Any) -> Any:
        asked["similar"] += 1
        return similar(*args)

    def counted_clash(*args: Any) -> Any:
        asked["clash"] += 1
        return clash(*args)

    monkeypatch.setattr(agreements, "_similarity", counted_similar)
    monkeypatch.setattr(agreements, "_clash", counted_clash)
    drawn = [
        ("gas trade loan", frozenset({"RU", "CN"}), "negotiating", None),
        ("gas trade loan yuan", frozenset({"RU", "CN"}), "signed", "2024-05-01"),
    ]
    items = [_item(n, *s) for n, s in enumerate(drawn * 40)]
    histories = _group(items, _OPTIONS)
    assert [len(h) for h in histories] == [80]
    assert asked["similar"] <= 4 and asked["clash"] <= 4, asked


def test_a_signing_of_every_year_is_weighed_against_no_other_years_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two titles signed every year for sixty years, one on a day (each year's signing
    clashes with every other year's: sixty histories), one in a month (no date clash: one
    history). The clash is asked a few times in all: the grouping asked it of every
    earlier year's history for the first title, and of every earlier year's signing for
    the second (kept by date: a key a year), ~3,500 times; the histories are the rule's."""
    asked = {"clash": 0}
    clash = agreements._clash

    def counted_clash(*args: Any) -> Any:
        asked["clash"] += 1
        return clash(*args)

    monkeypatch.setattr(agreements, "_clash", counted_clash)
    items = []
    for year in range(2000, 2060):
        n = len(items)
        items.append(_item(n, "bridge loan", frozenset({"RU", "CN"}), "signed", f"{year}-05-01"))
        items.append(_item(n + 1, "gas trade", frozenset({"RU", "CN"}), "adopted", f"{year}-02"))
    histories = _group(items, _OPTIONS)
    assert asked["clash"] <= 4, asked
    monkeypatch.setattr(agreements, "_clash", clash)
    assert [[i.ref for i in h] for h in histories] == [[i.ref for i in h] for h in _by_rule(items)]
    assert sorted(len(h) for h in histories) == [1] * 60 + [60]


_AGAIN = st.sampled_from(("RU", "CN", "KZ")).map(lambda p: frozenset({p}))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_STATEMENT, max_size=30),
    st.integers(1, 3),
    st.lists(st.tuples(st.integers(0, 90), _STATEMENT), max_size=4),
    st.lists(st.tuples(st.integers(0, 90), _AGAIN), max_size=2),
)
def test_the_changed_groups_are_those_two_groupings_differ_by(
    drawn: list[tuple[str, frozenset[str], str, str | None]],
    repeats: int,
    added: list[tuple[int, tuple[str, frozenset[str], str, str | None]]],
    again: list[tuple[int, frozenset[str]]],
) -> None:
    """Old statements (titles repeated yearly), some added among them anywhere in reading
    order (before a history's first too) and some old ones read again with other parties:
    `_changed_groups`, which places the statements before the first added or read-again
    one once and replays the two groupings apart from there, gives the groups of each
    grouping done whole that are not in the other (the same statements, none added nor
    read again), in their order."""
    old = [_item(n, *s) for n, s in enumerate(drawn * repeats)]
    items = list(old)
    for k, (at, s) in enumerate(sorted(added, key=lambda a: a[0])):
        items.insert(min(at + k, len(items)), _item(1000 + k, *s))
    before = {i.ref: i for i in old}
    read_again = {old[at % len(old)].ref: parties for at, parties in again if old}
    items = [
        _Item(i.ref, i.entry, i.sector, i.words, i.numbers, i.projects, read_again[i.ref])
        if i.ref in read_again
        else i
        for i in items
    ]
    seeds = {i.ref for i in items if i.ref not in before}
    come, gone = agreements._changed_groups(items, before, seeds, _OPTIONS)
    whole_new = [[i.ref for i in h] for h in _group(items, _OPTIONS)]
    whole_old = [[i.ref for i in h] for h in _group(old, _OPTIONS)]
    differ = seeds | read_again.keys()  # a statement read again differs, if only as read
    same = [h for h in whole_new if h in whole_old and not any(r in differ for r in h)]
    assert [[i.ref for i in h] for h in come] == [h for h in whole_new if h not in same]
    assert [[i.ref for i in h] for h in gone] == [h for h in whole_old if h not in same]
    assert len(items) == len(old) + len(added)


def _by_matches(items: list[_Item], seeds: set[str]) -> set[str]:
    """The chain as written: every statement matching a reached one is reached."""
    reached = {i.ref for i in items if i.ref in seeds}
    while more := {
        i.ref
        for i in items
        if i.ref not in reached
        and any(_similarity(i, m, _OPTIONS) > 0 for m in items if m.ref in reached)
    }:
        reached |= more
    return reached


@settings(max_examples=300, deadline=None)
@given(st.lists(_STATEMENT, max_size=30), st.lists(st.integers(0, 30), max_size=3), st.data())
def test_the_title_chain_followed_on_as_statements_are_added(
    drawn: list[tuple[str, frozenset[str], str, str | None]], cuts: list[int], data: Any
) -> None:
    """Statements added a batch at a time (`TitleChain.add`, seeds in the first) reach,
    after each batch, what the chain over all of them so far reaches at once and what
    following every match statement by statement reaches."""
    items = [_item(n, *s) for n, s in enumerate(drawn)]
    bounds = [0, *sorted(min(c, len(items)) for c in cuts), len(items)]
    batches = [items[a:b] for a, b in pairwise(bounds)]
    first = batches[0]
    seeds = {i.ref for i in data.draw(st.lists(st.sampled_from(first)))} if first else set()
    chain = agreements.TitleChain(_OPTIONS)
    so_far: list[_Item] = []
    for n, batch in enumerate(batches):
        chain.add(batch, seeds if n == 0 else ())
        so_far += batch
        assert chain.refs() == agreements.touched_statements(so_far, seeds, _OPTIONS)
        assert chain.refs() == _by_matches(so_far, seeds)
