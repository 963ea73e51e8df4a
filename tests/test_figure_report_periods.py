"""Results releases and reports: the period the page reports on dates what it tells "during the
Reporting Period" and what no period dates; a level "in the same period of 2024" is that year's
same span, also when the span was told sentences before."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text

from bilat.extract.figures_period import reporting_period
from bilat.extract.temporal import find_time_expressions

# an invented miner's half-year report (the genre: a listed company's interim report)
INTERIM = (
    "Altai Polymetal Group 2025 Interim Report (excerpt)\n"
    "Management Discussion and Analysis | Overseas projects\n\n"
    "Tuva zinc project, Russia\n"
    "During the Reporting Period, the mine produced 41,500 tonnes of zinc in concentrate, down "
    "3.1% from the same period of last year. About 90% of output was sold to customers in "
    "China.\n\n"
    "Operating revenue was RMB 640 million (first half of 2024: RMB 700 million)."
)

# an invented uranium producer's full-year release
ANNUAL = (
    "Steppe Uranium 2024 Financial Results\n"
    "14 March 2025 | Astana, Kazakhstan | Regulatory announcement\n\n"
    "Steppe Uranium announces its audited consolidated results for the year ended "
    "31 December 2024.\n\n"
    "Sales by geography\n"
    "China accounted for 47% of the Group's sales volumes (2023: 44%), ahead of Europe at "
    "25%. Under a 2021 offtake contract the Group is to supply CGN with at least 1,000 tU a "
    "year; deliveries in 2024 totalled 1,210 tU."
)

# a news story names no report: its undated figures stay undated
NEWS = (
    "Russia's gas exports to China keep rising\n\n"
    "Russia and China discussed gas supplies in Beijing on Monday.\n\n"
    "Sales by route\n"
    "Power of Siberia carried most of the gas, about 80% of the total."
)


def _periods(text: str, published: str | None) -> dict[float, Any]:
    return {f.value: (f.unit, f.period) for f in extract_text(text, published).figures}


def test_an_interim_report_dates_its_reporting_period_and_what_no_period_dates() -> None:
    got = _periods(INTERIM, "2025-08-22")
    assert got[41500] == ("t", "2025-H1")
    assert got[-3.1] == ("percent", "2025-H1")
    assert got[90] == ("percent", "2025-H1")
    assert got[640_000_000] == ("CNY", "2025-H1")
    assert got[700_000_000] == ("CNY", "2024-H1")  # the aside's own


def test_a_full_year_release_dates_a_section_under_its_own_heading() -> None:
    got = _periods(ANNUAL, "2025-03-14")
    assert got[47] == ("percent", "2024")
    assert got[25] == ("percent", "2024")
    assert got[44] == ("percent", "2023")
    assert got[1210] == ("t", "2024")  # tonnes of uranium


def test_a_news_story_is_no_report() -> None:
    assert _periods(NEWS, "2025-03-14")[80] == ("percent", None)


def test_aircraft_named_tu_are_no_tonnes_of_uranium() -> None:
    got = _periods("Two Tu-95MS bombers and four J-16 fighters took part in the patrol.", None)
    assert got[2][0] == "count"


def test_a_change_over_the_same_period_is_of_the_span_it_follows() -> None:
    got = _periods(
        "In the first eight months of this year, exports to Russia were valued at $2.1 "
        "billion, an increase of 9.4 per cent over the same period last year.",
        "2025-09-20",
    )
    assert got[9.4] == ("percent", "2025-01..2025-08")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (["Zijin Mining Group 2024 Interim Report (excerpt)"], "2024-H1"),
        (
            [
                "NOVATEK announces consolidated IFRS results for the second quarter and first "
                "half of 2025",
                "Moscow, 25 July 2025.",
            ],
            "2025-H1",
        ),
        (
            ["The Company released its statements for the nine months ended 30 September 2024."],
            "2024-01..2024-09",
        ),
        (["Trade with China rose in 2024, customs data show."], None),
    ],
)
def test_the_reporting_period_is_the_longest_told_with_the_report(
    top: list[str], expected: str | None
) -> None:
    told = [(t, find_time_expressions(t, "2025-08-01")) for t in top]
    assert reporting_period(told) == expected


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        (  # the span told a sentence before
            "In the first half of 2025, Yamal LNG loaded 108 cargoes. Deliveries to China "
            "accounted for 31% of them, compared with 24% in the corresponding period of 2024.",
            24,
            "2024-H1",
        ),
        (
            "In January-May 2025 exports rose. They reached 5 million tons, up from 4 million "
            "tons in the same period last year.",
            4_000_000,
            "2024-01..2024-05",
        ),
        (
            "Товарооборот в январе-мае 2025 года вырос. Он составил 3 млрд долларов против "
            "2 млрд долларов за аналогичный период 2024 года.",
            2_000_000_000,
            "2024-01..2024-05",
        ),
    ],
)
def test_a_level_in_the_same_period_of_a_year_is_that_years_span(
    text: str, value: float, period: str
) -> None:
    assert _periods(text, "2025-07-25")[value][1] == period
