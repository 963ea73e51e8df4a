"""Numbers told without their own noun, unit or year.

"610,000 and 245,000 of those trips" (the first counts what the second does), "against 160
a year earlier" (the level compared with), "for 2030 as a whole the figure was 3.4 million"
(the figure told before), "to $115.5 billion, while imports rose to about 129.3 billion"
(the same currency; not "(about HUF 3.9 trillion)", a currency of its own) and "in the last
fiscal year" (the fiscal year before the report's, a range of two years). The texts are
written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[tuple[Any, ...]]:
    return [(f.value, f.unit, f.period) for f in extract_text(text, published).figures]


def test_the_first_of_two_numbers_counts_what_the_second_does() -> None:
    found = _figures(
        "Russians made 1.4 million trips to China in the first half of 2031. Group tours "
        "accounted for 520,000 and 310,000 of those trips respectively.",
        "2031-08-01",
    )
    assert (520000.0, "count", "2031-H1") in found
    assert (310000.0, "count", "2031-H1") in found


def test_a_level_compared_with_a_year_earlier_is_a_figure() -> None:
    found = _figures(
        "Russian and Chinese airlines now operate about 280 flights a week between the two "
        "countries, against 190 a year earlier.",
        "2031-08-01",
    )
    assert {f[0] for f in found} == {280.0, 190.0}


def test_the_figure_was_counts_what_was_told_before() -> None:
    found = _figures(
        "In the first five months of 2031, airports handled 1.3 million passengers on UAE "
        "routes; for 2030 as a whole the figure was 3.1 million.",
        "2031-07-01",
    )
    assert (3100000.0, "count", "2030") in found


def test_a_scaled_number_with_no_unit_takes_the_currency_told_before() -> None:
    found = _figures(
        "In 2031 Chinese exports to Russia slipped to around 112.4 billion dollars, while "
        "imports from Russia rose to about 131.7 billion.",
        "2032-01-14",
    )
    assert (112400000000.0, "USD", "2031") in found
    assert (131700000000.0, "USD", "2031") in found


def test_a_sum_in_a_currency_of_its_own_keeps_it() -> None:
    found = _figures(
        "The plant is financed by a Russian state loan of €10 billion (about HUF 3.9 "
        "trillion) under a 2014 agreement.",
        "2031-03-01",
    )
    assert [f[:2] for f in found] == [(10000000000.0, "EUR")]


def test_the_last_fiscal_year_is_the_one_before_the_reports() -> None:
    found = _figures(
        "Indian exports to Russia were worth only about $5.2 billion in the last fiscal year.",
        "2031-12-10",
    )
    assert found == [(5200000000.0, "USD", "2030..2031")]


def test_months_of_the_current_fiscal_year_keep_their_months() -> None:
    found = _figures(
        "In April-November of the current financial year, trade with Russia fell by 7.5% to "
        "about $44 billion.",
        "2031-12-20",
    )
    assert (44000000000.0, "USD", "2031-04..2031-11") in found


def test_a_scaled_number_after_no_verb_of_amount_takes_no_currency() -> None:
    found = _figures(
        "Trade reached $250 billion in 2031, while Russia's population is 146 million.",
        "2032-01-14",
    )
    assert all(f[1] != "USD" or f[0] == 250000000000.0 for f in found)
