"""Figures whose period, flow, unit or kind the words around them settle: a period glossed
by its months in brackets, "in all of last year", non-oil trade, "imports of Russian wheat",
Russian unit words, "вдвое меньше", and a year-end expectation that is no target."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text

from bilat.extract.temporal import find_time_expressions


def _figures(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).figures)


def _one(figures: list[Any], value: float) -> Any:
    (found,) = [f for f in figures if abs(f.value - value) <= abs(value) * 0.01]
    return found


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("in the first half of the current fiscal year (July-December)", "2026-01-20",
         "2025-07..2025-12"),
        ("in the 2023/24 marketing year (July-June)", "2024-09-01", "2023-07..2024-06"),
        ("в 2024/25 финансовом году (апрель–март)", "2025-06-01", "2024-04..2025-03"),
        ("в апреле–марте", "2025-06-01", "2024-04..2025-03"),
    ],
)  # fmt: skip
def test_months_in_brackets_are_the_period(text: str, published: str, period: str) -> None:
    assert [t.period for t in find_time_expressions(text, published, tense="past")] == [period]


def test_a_figure_compared_with_all_of_last_year_is_of_last_year() -> None:
    figures = _figures(
        "Egypt and Russia held talks. The minister said bilateral trade stood at $6.1 billion "
        "in the first ten months of this year, compared with $7.9 billion in all of last year.",
        "2025-11-20",
    )
    assert _one(figures, 6.1e9).period == "2025-01..2025-10"
    assert _one(figures, 7.9e9).period == "2024"


def test_non_oil_exports_and_imports_of_a_states_goods() -> None:
    figures = _figures(
        "Iraq and Russia held talks in Baghdad. The minister said Iraq's non-oil exports to "
        "Russia reached $0.4 billion in 2025, while imports of Russian wheat rose to 2.3 "
        "million tons.",
        "2026-02-10",
    )
    exports = _one(figures, 0.4e9)
    assert (exports.measure, exports.flow) == ("trade_flow", "IQ->RU")
    wheat = _one(figures, 2.3e6)
    assert (wheat.unit, wheat.flow) == ("t", "RU->IQ")


def test_russian_unit_words_and_a_fold_less() -> None:
    figures = _figures(
        "Экспорт российского ячменя в Китай за девять месяцев превысил 2,4 млн т. «Газпром» "
        "поставил в Узбекистан порядка 6 миллиардов кубических метров газа. Ввоз китайских "
        "грузовиков в Россию составил 52 тыс. машин — почти вдвое меньше, чем годом ранее.",
        "2025-10-15",
    )
    assert _one(figures, 2.4e6).unit == "t"
    assert _one(figures, 6e9).unit == "m3"
    fall = next(f for f in figures if f.kind == "change")
    assert (fall.value, fall.qualifier) == (-50.0, "at_most")


def test_a_year_end_expectation_is_a_figure_a_level_by_a_deadline_a_target() -> None:
    result = extract_text(
        "Торговля России и Индии растет. «По итогам года товарооборот должен превысить "
        "$70 млрд», — заявил замминистра. Товарооборот должен превысить $100 млрд к 2030 году.",
        "2025-11-18",
    )
    expected = _one(list(result.figures), 70e9)
    assert expected.qualifier == "at_least"
    assert [c.value for c in result.commitments] == [100e9]


def test_a_title_lines_number_the_body_repeats_is_the_bodys() -> None:
    figures = _figures(
        "Support The Example Times!\n\nRussia-Qatar Trade Jumps 21% as Moscow Courts Doha\n\n"
        "Trade between Russia and Qatar rose 21% last year to $1.2 billion, the Russian "
        "Economic Development Ministry said on Friday.",
        "2026-04-20",
    )
    assert [(f.value, f.period) for f in figures if f.kind == "change"] == [(21.0, "2025")]


def test_a_fold_to_a_level_and_a_level_set_as_a_target_are_targets() -> None:
    result = extract_text(
        "Laos and Russia held talks. The two sides agreed to double the number of Lao "
        "students at Russian universities to 2,000 by 2028, he said. Trade reached $0.3 "
        "billion last year, short of the $0.5 billion the two sides had set as an interim "
        "target for 2025.",
        "2025-11-18",
    )
    assert sorted(c.value for c in result.commitments) == [2000.0, 0.5e9]
    assert all(f.value != 0.5e9 for f in result.figures)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In April-February of 2025-26, trade fell", "2025-04..2026-02"),
        ("in April-December of FY2025-26", "2025-04..2025-12"),
        ("In the January-September period of this year, exports", "2026-01..2026-09"),
    ],
)
def test_months_of_a_split_year_and_a_named_period(text: str, period: str) -> None:
    assert [t.period for t in find_time_expressions(text, "2026-05-14", tense="past")] == [period]


def test_a_newspapers_name_is_no_rate() -> None:
    (figure,) = _figures(
        'Russia and Turkey held talks. "I expect turnover to recover to around $55 billion," '
        "Ambassador Alexei Yerkhov told Daily Sabah.",
        "2025-11-17",
    )
    assert (figure.per, figure.said_by) == (None, "Alexei Yerkhov")


def test_bare_imports_after_a_states_exports_are_the_other_way() -> None:
    figures = _figures(
        "India and Russia held talks. India's exports to Russia were just $4.9 billion in "
        "2024, while imports stood at $63.8 billion, according to commerce ministry data.",
        "2025-03-11",
    )
    assert _one(figures, 4.9e9).flow == "IN->RU"
    assert _one(figures, 63.8e9).flow == "RU->IN"


def test_a_share_that_fell_from_a_peak_is_a_level() -> None:
    figures = _figures(
        "India and Russia held talks. Russia's share of India's crude imports dropped to around "
        "24% in January from a peak of almost 40%.",
        "2026-03-11",
    )
    assert sorted((f.kind, f.value) for f in figures) == [("share", 24.0), ("share", 40.0)]
