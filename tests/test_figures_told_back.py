"""Figures whose period or measure a report tells by pointing back, or by a fiscal year.

"reached 48,600 TEU in the month" is the month told before; "In 2024 the full-year figure
was ..." is 2024's, not the report's year; "put the figure at ..." is the figure just told
(its measure, flow and period); "$13 billion in FY 2021-22" is of that fiscal year, not of
the one told before it. The texts are written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[tuple[Any, ...]]:
    return [
        (f.value, f.unit, f.period, f.measure, f.flow)
        for f in extract_text(text, published).figures
    ]


def test_in_the_month_is_the_month_told_before() -> None:
    found = _figures(
        "The Khorgos crossing between China and Kazakhstan handled 2.1 million tonnes of cargo "
        "in March. Container traffic reached 31,200 TEU in the month and 88,500 TEU in "
        "January-March.",
        "2031-04-15",
    )
    assert found[1][:3] == (31200, "count", "2031-03..2031-03")
    assert found[2][:3] == (88500, "count", "2031-01..2031-03")


def test_the_full_year_of_a_year_told_is_that_year() -> None:
    found = _figures(
        "Trade between China and Kazakhstan rose 4 percent to $35 billion in January-September "
        "2031. In 2030 the full-year figure was $43.8 billion, and in 2029 it was $41.0 billion.",
        "2031-10-20",
    )
    assert (43.8e9, "USD", "2030", "trade_turnover", "CN<->KZ") in found
    assert (41.0e9, "USD", "2029", "trade_turnover", "CN<->KZ") in found


def test_the_figure_put_by_another_source_is_the_one_just_told() -> None:
    found = _figures(
        "Bilateral trade between China and Kazakhstan, which stood at just $1.6 billion in "
        "2001, reached $43.8 billion in 2030, according to Chinese customs. Kazakhstan's "
        "statistics bureau put the figure at $32.1 billion.",
        "2031-02-10",
    )
    assert found[-1] == (32.1e9, "USD", "2030", "trade_turnover", "CN<->KZ")


def test_each_amount_takes_the_fiscal_year_told_after_it() -> None:
    found = _figures(
        "In fiscal year 2030-31 trade between India and Kazakhstan reached $6.1 billion, up "
        "from $4.9 billion in FY 2029-30 and about $2.3 billion in FY 2028-29.",
        "2031-06-01",
    )
    assert [f[2] for f in found] == ["2030..2031", "2029..2030", "2028..2029"]
