"""Lengths of time are no figures ("extended for another 12 months", "a sentence of one year
and eight months", a page's "4 min read"), and a count told "a year earlier" after its noun is
of the year before ("212 attempts in 2024, compared with 97 blocked attempts a year earlier")."""

from __future__ import annotations

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[tuple[float, str, str | None]]:
    return [(f.value, f.unit, f.period) for f in extract_text(text, published).figures]


def test_a_length_in_months_is_no_count() -> None:
    figures = _figures(
        "The two central banks agreed in March to roll over the swap tranche for another 18 "
        "months. Its manager got a suspended term of two years and six months.",
        "2025-05-02",
    )
    assert not [f for f in figures if f[1] == "count"]


def test_a_read_time_is_no_count() -> None:
    figures = _figures(
        "Updated 2 hrs ago | 6 min read\n\nRussia's exports to China rose 4% in 2024.",
        "2025-01-20",
    )
    assert [f for f in figures if f[1] == "count"] == []
    assert (4, "percent", "2024") in figures


def test_a_count_a_year_earlier_after_its_noun_is_of_the_year_before() -> None:
    figures = _figures(
        "In 2024, border guards stopped 340 shipments of banned goods, compared with 180 stopped "
        "shipments a year earlier.",
        "2025-02-11",
    )
    assert (340, "count", "2024") in figures
    assert (180, "count", "2023") in figures


def test_double_the_number_a_year_earlier_is_of_this_year() -> None:
    figures = _figures(
        "Laos received 120,000 Chinese tourists in 2024, nearly double the number a year earlier.",
        "2025-02-11",
    )
    assert (100, "percent", "2024") in figures


def test_the_level_after_a_fold_change_and_counted_visits() -> None:
    figures = _figures(
        "The number of Vietnamese tourists to Russia rose 1.5-fold to 48,000 in 2024, while "
        "Russian visits to Vietnam reached 1.2 million in the same year. The flow the other way "
        "is smaller, but it has grown by a quarter.",
        "2025-03-01",
    )
    assert (48000, "count", "2024") in figures
    assert (1200000, "count", "2024") in figures
    assert (25, "percent", None) in figures or (25, "percent", "2024") in figures


def test_the_level_after_a_percentage_change_of_counted_arrivals() -> None:
    figures = _figures(
        "In the first quarter, Chinese arrivals in Laos rose 38.4% year-on-year to over 0.9 "
        "million, while revenue from Russian oil fell from 1.62 million in March.",
        "2031-04-14",
    )
    assert (900000, "count", "2031-Q1") in figures
    assert not any(value == 1620000 for value, _unit, _period in figures)


def test_how_long_talks_or_a_pause_last_is_no_figure() -> None:
    """'after three days of talks', 'for an initial 60 days', 'extending the suspension of the
    duties for 120 days': lengths; a wait or a transit time in days stays a figure."""
    figures = _figures(
        "Mexico and Brazil agreed on Friday, after three days of talks in Brasilia, to lower the "
        "duties on each other's steel for an initial 60 days. A day later Mexico announced it "
        "was extending the suspension of its duties on Brazilian pork for 120 days. Trucks at "
        "the border now wait up to four days to cross.",
        "2025-06-14",
    )
    days = [f for f in figures if f[1] == "day"]
    assert days == [(4.0, "day", None)] or [d[0] for d in days] == [4.0]
