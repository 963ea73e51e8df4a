"""Commitments: measurable targets with relation, deadline, parties and status."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.extract.commitments import extract_commitments
from bilat.records import Commitment
from test_figures import SEEDS, seed_ctx, simple_ctx


def commits(text: str, published: str | None = "2023-04-02") -> list[Commitment]:
    return extract_commitments(simple_ctx(text, published))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The leaders agreed on the goal of surpassing $300 billion in bilateral trade in 2030.",
            (">=", 300e9, None, "USD", "2030", "agreed", "trade_turnover"),
        ),
        (
            "The task set by the two presidents is to reach the $150 billion mark by 2026.",
            (">=", 150e9, None, "USD", "2026", "agreed", None),
        ),
        (
            "Customs clearance should not take longer than 30 minutes.",
            ("<=", 30, None, "minute", None, "aspiration", "other"),
        ),
        (
            "Moscow plans to raise the share of payments in national currencies to 90-95%.",
            ("=", 90, 95, "percent", None, "aspiration", "settlement_currency_share"),
        ),
        (
            "India proposed a target of 40 million tourists a year by 2028.",
            (">=", 40e6, None, "count", "2028", "proposed", "travelers"),
        ),
        (  # the deadline before the value
            "By the end of 2027 we intend to reach the goal of $50 billion in mutual trade.",
            (">=", 50e9, None, "USD", "2027", "aspiration", "trade_turnover"),
        ),
        (
            "No later than 2029 Moscow hopes to reach a target of 10 million tonnes of grain.",
            (">=", 10e6, None, "t", "2029", "aspiration", None),
        ),
        (  # a figure the text says no statement holds is not agreed
            "Officials of both countries speak of a goal of $80 billion by 2030, although no "
            "such figure appears in the communique.",
            (">=", 80e9, None, "USD", "2030", "proposed", None),
        ),
        (
            "The two sides discussed a goal of 5 million visitors by 2028, a target that has not "
            "yet been agreed.",
            (">=", 5e6, None, "count", "2028", "aspiration", None),
        ),
        (  # what a signed document provides for by a deadline binds both sides
            "The memorandum provides for raising rail freight between the two ports to "
            "8 million tonnes a year by 2030.",
            (">=", 8e6, None, "t", "2030", "agreed", None),
        ),
        (  # the dashes inside a name are no words between the cue and the value
            "The working group agreed to raise the annual capacity of the Zamyn-Uud - Erenhot - "
            "Saihan rail crossing to 25 million tonnes a year by 2029.",
            (">=", 25e6, None, "t", "2029", "agreed", None),
        ),
        (  # what one side wants, by a deadline: its aspiration
            "Buenos Aires wants to lift beef exports to China to $3.5 billion a year by 2028.",
            (">=", 3.5e9, None, "USD", "2028", "aspiration", None),
        ),
        (  # "now" of a wish is no level reached
            "The two leaders now want $100 billion in trade by 2030.",
            (">=", 100e9, None, "USD", "2030", "agreed", None),
        ),
        (  # a target put forward in a gerund
            "Tokayev proposed bringing bilateral trade to $15 billion by 2030.",
            (">=", 15e9, None, "USD", "2030", "proposed", "trade_turnover"),
        ),
        (  # a multiple of the level the next sentence states
            "The two sides aim to double bilateral trade by 2030. Trade reached $3.8 billion "
            "in 2024, up 5 percent.",
            (">=", 7.6e9, None, "USD", "2030", "agreed", None),
        ),
    ],
)
def test_target_fields(text: str, expected: tuple[object, ...]) -> None:
    (c,) = commits(text)
    got = (c.relation, c.value, c.value_max, c.unit, c.deadline, c.status, c.measure)
    if expected[-1] is None:
        got, expected = got[:-1], expected[:-1]
    assert got == expected


def test_parties_default_to_the_pair_when_agreed() -> None:
    (c,) = commits("The two sides agreed to bring trade to $80 billion by 2025.")
    assert c.parties == ("Russia", "China")


def test_actual_values_are_not_targets() -> None:
    text = (
        "An agreement to expand settlements in yuan (already more than 60% in 2022) with the "
        "prospect of increasing it to 75%."
    )
    assert [c.value for c in commits(text)] == [75]


def test_the_amount_of_a_loan_agreed_is_a_figure_not_a_target() -> None:
    """'agreed to lend Tehran 1.3 billion euros': the loan's amount, as a contract's volume
    is; money to reach by a deadline stays a goal."""
    assert commits("Russia has agreed to lend Tehran 1.3 billion euros to build the line.") == []
    assert commits("China agreed to finance the $2 billion project.") == []
    (goal,) = commits("China agreed to invest $10 billion in Kazakhstan by 2030.")
    assert (goal.value, goal.deadline) == (10_000_000_000, "2030")


def test_the_level_a_target_starts_from_is_no_target() -> None:
    text = (
        "The two governments aim to lift trade to $80 billion by 2028, from about $31 billion "
        "in 2023."
    )
    assert [c.value for c in commits(text)] == [80e9]


@pytest.mark.parametrize(
    "text",
    [
        "The sides set the goal of raising trade to $90 billion a year. The 90 billion mark "
        "was to be reached by 2027.",
        "Стороны поставили цель увеличить товарооборот до 90 миллиардов долларов в год. "
        "Планировалось, что отметка в 90 миллиардов будет достигнута к 2027 году.",
    ],
)
def test_a_sum_told_again_without_its_currency_is_the_same_target(text: str) -> None:
    """'the 90 billion mark' right after '$90 billion': the same sum in dollars, one target."""
    assert [(c.value, c.unit) for c in commits(text)] == [(90e9, "USD")]


def test_projection_is_not_a_target() -> None:
    assert commits("The new line will allow increasing supplies to 20 billion cubic meters.") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # forecast language states an expected level (a figure: GOLD v1.1) ...
        ("Deliveries to Vietnam are expected to reach 9 million tonnes this year.", False),
        ("The new terminal will make it possible to increase exports to 30 bcm.", False),
        ("Analysts estimated that turnover could reach $90 billion in 2026.", False),
        # ... unless a deadline follows it: then it is a goal
        ("The minister said trade could reach $90 billion by 2028.", True),
        (
            "Ankara and Baku can reach $15 billion in trade even before the set target of 2030.",
            True,
        ),
        # effort and goal words make a target whatever follows
        ("The sides are working to boost trade to $50 billion.", True),
        ("It is feasible to bring this indicator to the mark of $20 billion.", True),
        ("Hanoi and Seoul hope to bring the share of local currencies in payments to 60%.", True),
    ],
)
def test_forecasts_are_figures_goals_are_commitments(text: str, target: bool) -> None:
    assert bool(commits(text)) is target


def test_a_multiple_of_a_stated_level_is_a_target_in_its_unit() -> None:
    text = (
        "Last year trade between Chile and Peru amounted to $7 billion. The two sides agreed to "
        "triple this figure by 2030."
    )
    (c,) = commits(text)
    assert (c.value, c.unit, c.relation, c.deadline) == (21e9, "USD", ">=", "2030")


def test_should_total_in_a_year_is_a_forecast() -> None:
    assert commits("Coal output should total 300 million tonnes in 2026.") == []


def test_repeated_target_kept_once_with_explicit_relation() -> None:
    text = "Standard for crossing: 15 minutes\n\nA truck should not wait longer than 15 minutes."
    (c,) = commits(text)
    assert c.relation == "<="
    assert c.evidence.quote == "A truck should not wait longer than 15 minutes."


def test_commitment_evidence_in_clean_text() -> None:
    text = "Header\n\nThe aim is to reach 500 flights a week by 2027."
    ctx = simple_ctx(text, None)
    (c,) = extract_commitments(ctx)
    assert text[c.evidence.start : c.evidence.end] == c.evidence.quote


SEED_TARGETS = [
    ("001_9cf5062af831eb83.txt", "2025-08-22", 10, "minute", "<="),
    ("003_7bad26cddec866be.txt", "2025-05-12", 200e9, "USD", ">="),
    ("003_7bad26cddec866be.txt", "2025-05-12", 80, "percent", "="),
    ("004_b6d02cbe4d3cd247.txt", "2022-12-31", 200e9, "USD", ">="),
]


@pytest.mark.parametrize(("doc", "published", "value", "unit", "relation"), SEED_TARGETS)
def test_seed_targets(doc: str, published: str, value: float, unit: str, relation: str) -> None:
    path = Path(SEEDS) / doc
    if not path.exists():
        pytest.skip("shared seeds not present")
    found = extract_commitments(seed_ctx(path.read_text(encoding="utf-8"), published))
    assert any((c.value, c.unit, c.relation) == (value, unit, relation) for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cue runs into the quantity's own words: "agreed to" + "to double"
        (
            "The two countries agreed to double trade volume by 2030.",
            (">=", 100, "percent", "2030"),
        ),
        # "no more than" must win over the "more than" inside it
        ("Trucks should wait no more than 20 minutes at the border.", ("<=", 20, "minute", None)),
    ],
)
def test_relation_and_cue_edges(text: str, expected: tuple[object, ...]) -> None:
    got = [(c.relation, c.value, c.unit, c.deadline) for c in extract_commitments(simple_ctx(text))]
    assert got == [expected]


def test_target_without_a_measure_takes_the_previous_sentence() -> None:
    text = (
        "Mutual trade turnover keeps growing. "
        "The task set by the two presidents is to reach the $300 billion mark in 2030."
    )
    [c] = extract_commitments(simple_ctx(text))
    assert (c.measure, c.value, c.deadline) == ("trade_turnover", 300e9, "2030")


def test_levels_fixed_under_a_joint_statement_or_a_deal_told_as_done() -> None:
    """'Under a joint statement ..., the U.S. will cut its tariffs to 30% from 145%' and
    'Under the deal struck in Geneva, ... the duty dropped to 10 per cent' are levels a deal
    fixes (commitments, GOLD v1.1); the levels before them are not."""
    text = (
        "The United States and China agreed to slash tariffs. Under a joint statement issued "
        "after two days of talks in Geneva, the U.S. will cut "
        "its additional tariffs on Chinese imports to 30% from 145% for 90 days. Under the "
        "deal struck in Geneva, Beijing's retaliatory duty on US goods dropped to 10 per cent."
    )
    from tests.conftest import extract_text

    got = {(c.value, c.unit) for c in extract_text(text, "2031-05-12").commitments}
    assert got == {(30, "percent"), (10, "percent")}


def test_a_level_someone_wants_by_a_deadline_is_a_goal() -> None:
    """'wants exports back at 2020 levels, of around 40 million euros a year, by 2028': a
    goal of that side with its deadline, not a figure of 2020."""
    (goal,) = commits(
        "The Estonian Chamber of Commerce wants exports to China back at 2020 levels, of "
        "around 40 million euros a year, by 2028.",
        "2031-03-02",
    )
    assert (goal.value, goal.unit, goal.deadline) == (40_000_000, "EUR", "2028")
