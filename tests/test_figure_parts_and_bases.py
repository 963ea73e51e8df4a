"""A figure's period, rate and kind told by what stands around it.

A part of a count with its own month ("reached 410, of which 96 ... in August alone") dates
the part, not the whole; "12,400 TEU a year earlier" is the year before; a change told only
against its base year ("rose 27% on 2030") is the next year's, "up 9.7% on the year" is not;
"the best month of the year" and "to be the year trade settled" date nothing; a rate told
once is the whole range's ("from 38 to 44 bcm a year and ... from 10 to 12 bcm"). Whom a
sanctions action "targets" and what a firm "shipped" are figures; a number officials
"floated" or "want it at" by a deadline is a goal. The texts are written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[tuple[Any, ...]]:
    return [(f.value, f.unit, f.per, f.period) for f in extract_text(text, published).figures]


def test_a_part_with_its_own_month_dates_only_the_part() -> None:
    found = _figures(
        "Container traffic from China via Kazakhstan in January-September 2031 rose 40% on "
        "the same period of 2030. The number of block trains reached 520, of which 75 were "
        "sent in September alone.",
        "2031-10-05",
    )
    assert (520.0, "count", None, "2031-01..2031-09") in found
    assert (75.0, "count", None, "2031-09..2031-09") in found


def test_a_level_a_year_earlier_after_its_acronym_is_the_year_before() -> None:
    found = _figures(
        "In January-May 2031, 21,300 TEU moved from China to Azerbaijan, compared with 9,800 "
        "TEU a year earlier.",
        "2031-07-10",
    )
    assert (21300.0, "count", None, "2031-01..2031-05") in found
    assert (9800.0, "count", None, "2030-01..2030-05") in found


def test_a_change_told_only_against_its_base_year_is_the_next_years() -> None:
    found = _figures(
        "Passenger traffic between Russia and India rose 31% on 2030, the aviation agency said.",
        "2031-02-10",
    )
    assert (31.0, "percent", None, "2031") in found


def test_a_change_on_the_year_keeps_its_months_period() -> None:
    found = _figures(
        "In May 2031, exports to China reached $4.2 billion, down 1.5% on the month but up "
        "8.1% on the year.",
        "2031-06-10",
    )
    assert (8.1, "percent", None, "2031-05..2031-05") in found


def test_a_year_named_as_a_predicate_dates_nothing() -> None:
    found = _figures(
        "Last year was meant to be the year Russia-China trade found a plateau. Instead, "
        "turnover slipped to $231.4 billion, Chinese customs said.",
        "2032-02-03",
    )
    assert (231400000000.0, "USD", None, "2031") in found


def test_the_best_month_of_the_year_is_no_period() -> None:
    found = _figures(
        "Trade reached $240 billion in 2031. The final month on its own was strong: $23.5 "
        "billion, the best month of the year.",
        "2032-01-14",
    )
    assert (23500000000.0, "USD", None, "2031") in found


def test_a_rate_told_once_is_the_whole_ranges() -> None:
    found = _figures(
        "The companies agreed to lift contracted volumes on the western route from 20 to 25 "
        "bcm a year and on the eastern route from 8 to 11 bcm.",
        "2031-09-03",
    )
    for value in (20e9, 25e9, 8e9, 11e9):
        assert (value, "m3", "year", None) in found


def test_a_rate_told_once_is_the_rise_it_may_take_in_russian() -> None:
    found = _figures(
        "На первом этапе поставки газа в Таджикистан составят 1,5 млрд кубометров в год с "
        "возможностью увеличения до 4 млрд кубометров.",
        "2031-09-03",
    )
    assert (1.5e9, "m3", "year", None) in found
    assert (4e9, "m3", "year", None) in found


def test_whom_a_sanctions_action_targets_are_counts_not_goals() -> None:
    found = extract_text(
        "Today's action targets nearly 180 persons, of which 40 are located in China. Among "
        "the targets is a Shenzhen trader which shipped over 900 machine tools to Russian "
        "plants.",
        "2031-01-15",
    )
    values = {f.value for f in found.figures}
    assert {180.0, 40.0, 900.0} <= values
    assert found.commitments == ()


def test_a_number_floated_for_a_deadline_is_a_goal() -> None:
    found = extract_text(
        "Some Russian officials have floated a new figure of 350 billion dollars in trade with "
        "China by 2032, but Beijing has not signed up to it.",
        "2031-01-15",
    )
    assert [(c.value, c.deadline) for c in found.commitments] == [(350e9, "2032")]
    assert found.figures == ()


def test_a_share_officials_want_it_at_by_a_deadline_is_a_goal() -> None:
    found = extract_text(
        "The share of rubles and yuan in settlements already exceeds 95 percent, and Russian "
        "officials want it at 100 percent by the end of next year.",
        "2031-01-15",
    )
    assert [(c.value, c.deadline) for c in found.commitments] == [(100.0, "2032")]
    assert [f.value for f in found.figures] == [95.0]


def test_something_a_side_is_said_to_want_stays_a_level() -> None:
    found = extract_text(
        "China is said to want something close to the roughly $70 per thousand cubic metres "
        "that Russian households pay for gas.",
        "2031-01-15",
    )
    assert found.commitments == ()
    assert [f.value for f in found.figures] == [70.0]


def test_a_season_across_two_years_is_a_year_range() -> None:
    found = _figures(
        "In the winter 2030/31 schedule, airlines operate about 360 weekly flights between "
        "Russia and China, down from some 540 in 2019.",
        "2031-01-10",
    )
    assert (360.0, "count", None, "2030..2031") in found
    assert (540.0, "count", None, "2019") in found
    assert all(f[0] != 31.0 for f in found)


def test_capacity_scheduled_is_for_the_quarter_or_month_to_come() -> None:
    found = _figures(
        "Airlines scheduled 1.4 million seats between China and Thailand in the first quarter, "
        "up 40 per cent on the previous quarter.",
        "2031-01-28",
    )
    assert (1400000.0, "count", None, "2031-Q1") in found
    found = _figures(
        "Chinese carriers had scheduled some 1,300 weekly flights to Japan for December.",
        "2031-11-20",
    )
    assert (1300.0, "count", None, "2031-12..2031-12") in found
