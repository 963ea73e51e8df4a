"""A fiscal year told by when it ended is a year range (GOLD v1.1), not the month it ended;
a page's reading time is no figure; a fiscal year ended in March still tells which year is
current when the text dates a report by "this year" alone."""

from __future__ import annotations

from tests.conftest import extract_text

from bilat.extract.temporal import find_time_expressions
from bilat.ingest.implied_date import implied_published


def _periods(text: str, published: str | None = "2025-08-14") -> list[str | None]:
    return [e.period for e in find_time_expressions(text, published)]


def test_the_fiscal_year_that_ended_in_a_month_of_a_year_is_that_range() -> None:
    assert _periods("exports fell in the fiscal year that ended in March 2025") == ["2024..2025"]
    assert _periods("in the financial year that ended on March 31, 2024") == ["2023..2024"]


def test_a_fiscal_year_named_by_its_first_year_and_ended_in_march() -> None:
    assert _periods("jets scrambled 669 times in fiscal 2023, which ended in March") == [
        "2023..2024"
    ]


def test_the_fiscal_year_that_ended_in_march_is_the_last_one_before_the_report() -> None:
    assert _periods("in the fiscal year that ended in March, imports rose") == ["2024..2025"]


def test_figures_of_a_fiscal_year_ended_take_its_range() -> None:
    figures = extract_text(
        "India's imports from Russia rose 4.6% to $65.1 billion in the fiscal year that "
        "ended in March 2025, trade ministry data showed.",
        "2025-06-02",
    ).figures
    assert {f.period for f in figures} == {"2024..2025"}


def test_a_reading_time_is_no_figure() -> None:
    figures = extract_text(
        "Published Jun 02, 2025 - Last updated Jun 02, 2025 - 4 minute read\n\nIndia's "
        "imports from Russia rose 4.6% in May.",
        "2025-06-02",
    ).figures
    assert [f.unit for f in figures] == ["percent"]


def test_a_fiscal_year_ended_in_march_tells_the_current_year() -> None:
    implied = implied_published(
        "NEW DELHI, Aug 14 (Reuters) - India expects imports to grow this year, two "
        "officials said on Thursday. Imports from China rose 11.5% to $113.5 billion in the "
        "fiscal year that ended in March 2025."
    )
    assert implied is not None and implied.date == "2025-08-14"
