"""Levels a deal or a regime fixes are commitments (GOLD v1.1): the share of tariff lines or
of traded goods a free trade agreement frees, and how long a visa-free regime lets one stay;
the same levels told as where things stand now stay figures."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _both(text: str, published: str = "2026-03-02") -> tuple[list[Any], list[Any]]:
    ext = extract_text(text, published)
    return list(ext.commitments), list(ext.figures)


def test_the_share_of_tariff_lines_a_trade_deal_frees_is_a_commitment() -> None:
    commitments, figures = _both(
        "Egypt applies zero duty to 70% of its tariff lines for goods from the Eurasian "
        "Economic Union, the ministry said."
    )
    assert [(c.value, c.unit) for c in commitments] == [(70.0, "percent")]
    assert not [f for f in figures if f.value == 70.0]


def test_tariffs_to_be_removed_on_a_share_of_goods_are_a_commitment() -> None:
    commitments, _ = _both(
        "Once the deal takes effect, the two sides will gradually remove or cut tariffs on "
        "nearly 85 percent of goods traded between Egypt and the union."
    )
    assert [(c.value, c.unit) for c in commitments] == [(85.0, "percent")]


def test_a_visa_free_stay_limit_is_a_commitment_of_the_regime() -> None:
    commitments, figures = _both(
        "From April 1, citizens of Uzbekistan may enter China visa-free and stay for up to "
        "21 days, the embassy said."
    )
    assert [(c.value, c.unit, c.relation) for c in commitments] == [(21.0, "day", "<=")]
    assert not [f for f in figures if f.unit == "day"]


def test_a_stay_told_as_where_things_stand_now_is_a_figure() -> None:
    commitments, figures = _both(
        "Uzbek tourists can now stay in China for up to 21 days without a visa."
    )
    assert not commitments
    assert [(f.value, f.unit) for f in figures] == [(21.0, "day")]


def test_the_rates_a_truce_leaves_are_fixed_levels_and_its_length_no_target() -> None:
    """'both sides agree to cut tariffs by 24 percentage points for 60 days, leaving
    Mexican duties at 12% and Canadian duties at 8%': the cut and the two rates are levels the
    deal fixes ('='), even after 'percentage points'; '60 days' is how long, a figure."""
    commitments, figures = _both(
        "In a joint statement on May 12, both sides agree to cut tariffs by 24 percentage "
        "points for 60 days, leaving Mexican duties at 12% and Canadian duties at 8%."
    )
    assert [(c.relation, c.value, c.unit) for c in commitments] == [
        ("=", 24.0, "percent"),
        ("=", 12.0, "percent"),
        ("=", 8.0, "percent"),
    ]
    assert [(f.value, f.unit) for f in figures] == [(60.0, "day")]


def test_rates_a_deal_sets_told_after_it_in_the_paragraph_are_commitments() -> None:
    """'Under the arrangement, ...' names the deal once; the rates the next sentences say it
    will leave are levels it fixes (a truce that cut a tariff to 15% too), and a rate a truce
    keeps 'at 12%' as well (and one a decree told after it keeps); the rates before them, and
    a side's own pause told apart, stay figures."""
    commitments, figures = _both(
        "Canada and Mexico reached a deal in Ottawa on Sunday.\n\n"
        "Under the arrangement, Canada will cut its surtax on Mexican steel to 15% from 25%. "
        "Mexico's duty on Canadian beef will stay at 8%, and its levy on pork will fall to about "
        "6%.\n\n"
        "The Ottawa truce also cut the lumber tariff to 11%.\n\n"
        "An order Canada signed on Monday under the truce keeps its levy on Mexican cars at "
        "12%.\n\n"
        "The decree, published on Tuesday, keeps the duty on Mexican glass at 13%.\n\n"
        "Separately, Mexico paused its own fruit duties for 90 days, leaving a 4% baseline tariff "
        "in place."
    )
    assert {c.value for c in commitments} == {15.0, 8.0, 6.0, 11.0, 12.0, 13.0}
    assert {25.0, 4.0} <= {f.value for f in figures if f.unit == "percent"}
    assert not {15.0, 8.0, 6.0, 11.0, 12.0, 13.0} & {f.value for f in figures}


def test_a_purchase_to_be_made_by_a_deadline_or_as_a_floor_is_a_pledge() -> None:
    """'will buy at least 3 million tonnes of wheat in the first half of 2026', 'will purchase
    2 million tonnes by year-end', 'the 1.5 million tonnes pledged in May', 'promised to buy':
    commitments; a contract's volume ('to buy up to 80,000 barrels per day') stays a figure."""
    commitments, figures = _both(
        "Egypt will buy at least 3 million tonnes of Russian wheat in the first half of 2026, "
        "the ministry said. Algeria will purchase 2 million tonnes by year-end, up from the 1.5 "
        "million tonnes pledged in May. Tunisia promised to buy 900,000 tonnes by the end of 2026."
        " Under a contract signed in June, Morocco is to buy up to 80,000 barrels per day of "
        "Russian crude.",
        "2025-11-02",
    )
    assert {c.value for c in commitments} == {3e6, 2e6, 1.5e6, 9e5}
    assert [f.value for f in figures if f.unit == "m3"]


def test_a_goal_of_doubling_a_long_noun_to_a_level_is_that_level() -> None:
    """'set a goal of doubling the number of joint PhD placements between Brazilian and
    Portuguese universities to 800 by 2033': the level is the goal, however long the noun
    between the cue and it."""
    commitments, figures = _both(
        "The council set a goal of doubling the number of joint PhD placements between "
        "Brazilian and Portuguese universities to 800 by 2033."
    )
    assert [(c.value, c.deadline) for c in commitments] == [(800.0, "2033")]
    assert not [f for f in figures if f.value == 800.0]
