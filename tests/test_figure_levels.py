"""Figures of company results and contract levels: a project's number is part of its name
("Power of Siberia 1 to 44 bcm"), a yearly rate shared by parallel levels, a share named after
its percentage, a results span told as an adjective ("nine-month profit"), a sum and its
conversion in brackets sharing a period, "240 с лишним миллиардов", and shares that moved in
Russian ("снизилась с 61% до 55%"). The texts are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).figures)


def test_a_projects_number_is_no_range_and_a_yearly_rate_is_shared() -> None:
    figures = _figures(
        "The companies also signed contracts raising flows via Turkish Stream 2 to 20 bcm a year "
        "and via the southern route, due to open in 2030, to 8 bcm from the 6 bcm agreed before.",
        "2031-09-03",
    )
    shapes = sorted((f.value, f.value_max, f.per) for f in figures if f.unit == "m3")
    assert shapes == [(6e9, None, "year"), (8e9, None, "year"), (20e9, None, "year")]


def test_a_numbered_name_is_no_figure() -> None:
    figures = _figures(
        "The Baltic LNG 3 plant shipped 14 cargoes to India in the first half of 2031.",
        "2031-09-03",
    )
    assert sorted(f.value for f in figures) == [14]


def test_a_share_named_after_its_percentage_is_a_share() -> None:
    figures = _figures(
        "Geely sold 98,200 cars in Kazakhstan in January-June, down 7%, and held a 12.4% "
        "share of the market.",
        "2031-07-10",
    )
    kinds = {f.value: f.kind for f in figures if f.unit == "percent"}
    assert kinds == {-7.0: "change", 12.4: "share"}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Rosatom reported a 12% rise in nine-month revenue, the company said in October.",
            "2031-01..2031-09",
        ),
        ("Tata Steel said its first-half profit fell 8%.", "2031-H1"),
        ("KazMunayGas said first-quarter exports fell 3%.", "2031-Q1"),
    ],
)
def test_a_results_span_told_as_an_adjective(text: str, period: str) -> None:
    (figure,) = _figures(text, "2031-11-20")
    assert figure.period == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (  # the span told before the sum; the month after the brackets is when it was told
            "Novatek reported a 9% fall in nine-month net profit to 400 billion roubles ($4.8 "
            "billion) under IFRS in October.",
            "2031-01..2031-09",
        ),
        (  # the span told right after the brackets is both figures'
            "• This year: trade reached 64.2 billion U.S. dollars (about 459 billion yuan) in the "
            "first seven months of 2031.",
            "2031-01..2031-07",
        ),
    ],
)
def test_a_sum_and_its_conversion_share_a_period(text: str, period: str) -> None:
    money = [f for f in _figures(text, "2031-11-20") if f.unit in ("USD", "RUB", "CNY")]
    assert len(money) == 2
    assert {f.period for f in money} == {period}


def test_a_russian_sum_with_more_than_it_says() -> None:
    figures = _figures(
        "Министр сказал: товарооборот в 90 с лишним миллиардов долларов — не предел.", "2031-05-04"
    )
    assert [(f.value, f.unit, f.qualifier) for f in figures] == [(90e9, "USD", "at_least")]


def test_russian_shares_that_moved_are_levels_each_with_its_period() -> None:
    figures = _figures(
        "Доля индийских компаний на рынке, по данным агентства, снизилась с 41% в 2030 году "
        "до 35% в первом квартале 2031-го, но осталась выше минимальных 20%.",
        "2031-06-04",
    )
    shapes = sorted((f.value, f.kind, f.period) for f in figures if f.value != 20)
    assert shapes == [(35.0, "share", "2031-Q1"), (41.0, "share", "2030")]
    assert [f.kind for f in figures if f.value == 20] == ["share"]  # "минимальных 20%": a level


def test_a_tariff_rate_whose_noun_opens_the_clause_is_a_level() -> None:
    """'raised the duty on Argentine beef not covered by the quota to 40% from 30%', 'snap
    back to the 28% rate', 'a 16% portion of its tariff', 'with an additional 9% suspended':
    amounts in percent (GOLD: tariff rates), not shares."""
    ext = extract_text(
        "Brazil raised the duty on Argentine beef not covered by the quota to 40% from 30% on "
        "Aug. 1. The decree keeps the extra levy at 5% rather than letting it snap back to the "
        "28% rate announced in April. Argentina would keep suspending a 16% portion of its own "
        "tariff on Brazilian cars, with an additional 9% suspended until March.",
        "2025-08-12",
    )
    kinds = {f.value: f.kind for f in ext.figures if f.unit == "percent"}
    assert {kinds.get(v) for v in (40.0, 30.0, 28.0, 16.0, 9.0)} == {"amount"}, kinds
