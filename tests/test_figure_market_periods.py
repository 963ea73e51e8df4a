"""Periods of figures in market reports (car registrations, smartphone shares, surveys): the
month a value is compared with is not the month the next sentence reports; a paragraph
that only goes on with the report's numbers takes the period of the paragraph before; "a
year earlier" told there is that period a year back; a forecast's month is the one to come;
a length of talks "two and a half hours" is 150 minutes. The texts are written for these
tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _periods(text: str, published: str) -> dict[float, str | None]:
    return {f.value: f.period for f in extract_text(text, published).figures}


def test_the_month_compared_with_is_not_carried_to_the_next_sentence() -> None:
    periods = _periods(
        "Sales of new trucks in Russia in March 2031 totalled 8,150 units, according to the "
        "agency.\n\n"
        "Chinese brands accounted for 5,210 of them, or 63.9% of the market, up from 58.2% in "
        "February. The leading brand was again Shacman with 1,930 trucks, followed by Sitrak "
        "with 1,470 units.",
        "2031-04-08",
    )
    assert periods[58.2] == "2031-02..2031-02"
    assert periods[5210] == periods[63.9] == "2031-03..2031-03"
    assert periods[1930] == periods[1470] == "2031-03..2031-03"


def test_a_paragraph_going_on_with_the_numbers_takes_the_period_before() -> None:
    periods = _periods(
        "Chinese vendors accounted for 68% of laptops sold in Kazakhstan in the second quarter of "
        "2031, up from 61% a year earlier, a market researcher said.\n\n"
        "Lenovo remained the leader with a 24% share in units, followed by Huawei at 15%.\n\n"
        "The share of laptops bought through marketplaces rose to 41% from 33% a year earlier.",
        "2031-08-02",
    )
    assert periods[68] == periods[24] == periods[15] == "2031-Q2"
    assert periods[61] == "2030-Q2"
    assert periods[41] == "2031-Q2"
    assert periods[33] == "2030-Q2"


def test_a_forecast_month_is_the_one_to_come() -> None:
    periods = _periods(
        'Registrations rose 12% in October 2031. "As stocks run out, we expect the share of '
        "Chinese brands in December to ease to around 52%,\" the agency's director said.",
        "2031-11-06",
    )
    assert periods[52] == "2031-12..2031-12"


def test_talks_lasting_two_and_a_half_hours_are_150_minutes() -> None:
    found: list[Any] = [
        (f.value, f.unit)
        for text in (
            "The two leaders held talks in Astana on Tuesday that lasted two and a half hours.",
            "Переговоры президентов в Астане во вторник продолжались около трёх с половиной часов.",
        )
        for f in extract_text(text, "2031-05-14").figures
    ]
    assert found == [(150, "minute"), (210, "minute")]
