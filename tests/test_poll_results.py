"""What an opinion poll found is no figure of the relationship (the shares of respondents,
the sample, the margin of error, the share a year before it is compared with); the trade
and visitor figures beside it are, and so is what a survey of businesses found."""

from __future__ import annotations

from tests.conftest import extract_text


def _figures(text: str, published: str = "2025-12-10") -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_text(text, published).figures]


def test_a_polls_shares_and_sample_are_no_figures() -> None:
    figures = _figures(
        "Most Turks now see Russia as a partner, a new Metropoll survey shows.\n\n"
        "In the December poll of 2,150 adults, 58% named Russia among Turkey's friends, up from "
        "44% in March 2023. Just 12% said the relationship mainly served Moscow, while 27% of "
        "respondents called it balanced. The margin of error is 2.1%.\n\n"
        "Only 19% would buy a Russian-made car. Respondents under 25 were the most positive "
        "(71%).\n\n"
        "Trade between Russia and Turkey fell 6% to $52 billion in 2024. Some 6.7 million "
        "Russian tourists visited Turkey last year."
    )
    assert sorted(v for v, u in figures if u == "percent") == [-6.0]
    assert (2150.0, "count") not in figures
    assert (52e9, "USD") in figures and (6.7e6, "count") in figures


def test_what_a_survey_of_businesses_found_is_kept() -> None:
    figures = _figures(
        "Of the 230 companies polled by the chamber, 41% said payments to Turkish banks took "
        "more than a week. About 31,000 Turkish firms trade with Russia."
    )
    assert (41.0, "percent") in figures and (31000.0, "count") in figures
