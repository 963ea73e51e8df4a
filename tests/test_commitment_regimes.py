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
