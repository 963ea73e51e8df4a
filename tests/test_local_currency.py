"""Sums in a currency outside GOLD.md's unit set (rupees, ringgit, lira, tenge, ...) are no
figures of the record: their unit cannot be stated, and before they were read as counts
("₹3.9 lakh crore" = 3.9 of "lakh crore") or as dollars ("1.2 trillion lira" after a
dollar sum). The dollar value a report gives beside them is the figure."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.extract.numbers import find_quantities


@pytest.mark.parametrize(
    "text",
    [
        "Exports were valued at ₹3.9 lakh crore last year.",
        "Bilateral trade reached RM12.5 billion in the first half.",
        "The plant cost Rs. 450 crore to build.",
        "Turnover rose to Rp 15 trillion in 2025.",
        "The bank lent R2.3 billion to the project.",
        "Funds of HK$5 billion were raised.",
        "Trade reached 1.2 trillion lira in 2025.",
        "The deal is worth 500 billion Kazakh tenge.",
        "Contracts worth 7.5 billion Saudi riyals were signed.",
        "Товарооборот составил 300 млрд тенге.",
        "Экспорт достиг 45 млрд рупий.",
        # Africa's financial press: naira, Kenyan shillings, CFA francs
        "The two central banks renewed a ₦3.3trn currency swap.",
        "Exports to China rose to KSh 35 billion.",
        "The line is estimated at Sh685 billion.",
        "The refinery will cost about 120 billion CFA francs.",
        "Tanzania's imports reached 2 trillion shillings.",
    ],
)  # fmt: skip
def test_a_sum_in_another_currency_is_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Exports reached US$2.8 billion.", "USD", 2.8e9),
        ("Trade reached $4 billion, or 10%.", "USD", 4e9),
        ("Shipments reached 3 million tonnes.", "t", 3e6),
        ("Товарооборот составил 300 млрд рублей.", "RUB", 300e9),
    ],
)  # fmt: skip
def test_sums_in_the_unit_set_are_read_as_before(text: str, unit: str, value: float) -> None:
    (q, *_) = find_quantities(text)
    assert (q.unit, q.value) == (unit, value)


def test_the_dollar_value_beside_a_rupee_sum_is_the_figure() -> None:
    result = extract_text(
        "NEW DELHI: India's crude oil imports from Russia were valued at ₹3.9 lakh crore "
        "(about $46 billion) in 2024-25, official data showed.",
        "2025-06-02",
    )
    assert [(f.value, f.unit, f.qualifier) for f in result.figures] == [(46e9, "USD", "approx")]


def test_a_lira_sum_after_a_dollar_sum_is_not_taken_for_dollars() -> None:
    result = extract_text(
        "ANKARA: Russia and Turkey want trade of $100 billion a year, the ministers said. "
        "Turkish exports to Russia reached 310 billion lira in 2025, the statistics office "
        "reported.",
        "2026-02-10",
    )
    assert [f.value for f in result.figures if f.value == 310e9] == []
    assert [c.value for c in result.commitments if c.value == 310e9] == []


@pytest.mark.parametrize(
    "text",
    [
        "Такая цель зафиксирована в программе сотрудничества на 2026–2030 годы.",
        "The 2021-2025 programme was fulfilled.",
        "в 2021–2025 годах товарооборот вырос",
    ],
)  # fmt: skip
def test_a_span_of_years_is_no_count(text: str) -> None:
    assert find_quantities(text) == []
