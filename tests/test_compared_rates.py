"""Figures a report tells by comparison, in another notation, or up to a stated day.

"to 44 bcm a year from 38 bcm": the level compared with is a rate of the same period;
"Rmb20bn" (the Financial Times' style) is a sum in yuan; "с начала года по 30 сентября" runs
January to September, not to the month of the report; what an official said supplies "would
reach this year" is a forecast for the whole year, even where the paragraph before told the
months so far."""

from __future__ import annotations

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[tuple[float, str, str | None, str | None]]:
    return [(f.value, f.unit, f.period, f.per) for f in extract_text(text, published).figures]


def test_the_level_compared_with_a_rate_is_a_rate_too() -> None:
    found = _figures(
        "Russian gas supplies to China via Power of Siberia will rise to 44 bcm a year from "
        "38 bcm, Alexei Miller said.",
        "2026-09-03",
    )
    assert found == [(44e9, "m3", None, "year"), (38e9, "m3", None, "year")]


def test_the_rate_told_after_its_goods_shares_its_period_too() -> None:
    found = _figures(
        "Exports through the pipeline rose to 22 bcm of gas per annum, up from 15 bcm, the "
        "operator said.",
        "2026-09-03",
    )
    assert found == [(22e9, "m3", None, "year"), (15e9, "m3", None, "year")]


def test_a_level_after_a_rate_of_another_unit_keeps_its_own() -> None:
    found = _figures(
        "Russia will ship 44 bcm of gas a year to China, Alexei Miller said, from a "
        "$400 billion contract.",
        "2026-09-03",
    )
    assert (400e9, "USD", None, None) in found


def test_a_sum_written_rmb_before_its_number_is_in_yuan() -> None:
    found = _figures(
        "Russia's finance ministry raised Rmb20bn ($2.8bn) from Chinese investors on "
        "Wednesday, the first such sale by Moscow.",
        "2026-12-04",
    )
    assert (20e9, "CNY", None, None) in found


def test_since_the_start_of_the_year_to_a_day_ends_in_that_month() -> None:
    found = _figures(
        "С начала года по 30 сентября через мост между Россией и Китаем перевезено 1,36 млн "
        "тонн грузов.",
        "2026-10-22",
    )
    assert found == [(1.36e6, "t", "2026-01..2026-09", None)]


def test_what_supplies_would_reach_this_year_is_for_the_whole_year() -> None:
    found = _figures(
        "Bilateral trade fell 8.9% to $176.4 billion in January-September, customs data "
        "showed.\n\nDeputy Prime Minister Alexander Novak told reporters that Russian gas "
        "supplies to China would reach 38.8 billion cubic metres this year.",
        "2026-11-04",
    )
    assert (38.8e9, "m3", "2026", None) in found
