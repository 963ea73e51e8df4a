"""A table flattened into lines (a caption, a header, rows of numeric cells) gives one figure
per cell: the caption's or the row's unit, the row's or the column's year as period, a change
for a signed or "change" column, the pair's turnover for "Total"; the row line is the quote.
Lines that are no table read as before."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text

from bilat.extract import figures


def cells(text: str, published: str = "2025-06-01") -> list[tuple[Any, ...]]:
    return [
        (f.kind, round(f.value, 3), f.unit, f.period, f.evidence.quote)
        for f in extract_text(text, published).figures
        if f.evidence.quote[:1].isdigit() or "," in f.evidence.quote[:20]
    ]


def test_years_as_rows_with_a_change_column() -> None:
    text = (
        "Mongolia sells ever more coal to China.\n\n"
        "Table 3: Mongolia–China trade, 2021–2023 (US$ million)\n"
        "Year Turnover Change y/y\n"
        "2021 9,870.5 +6.2%\n"
        "2022 12,300.0 +24.6%\n"
        "2023 15,980.4 -3.1%\n"
        "Source: National Statistics Office of Mongolia.\n"
    )
    assert cells(text) == [
        ("amount", 9870500000.0, "USD", "2021", "2021 9,870.5 +6.2%"),
        ("change", 6.2, "percent", "2021", "2021 9,870.5 +6.2%"),
        ("amount", 12300000000.0, "USD", "2022", "2022 12,300.0 +24.6%"),
        ("change", 24.6, "percent", "2022", "2022 12,300.0 +24.6%"),
        ("amount", 15980400000.0, "USD", "2023", "2023 15,980.4 -3.1%"),
        ("change", -3.1, "percent", "2023", "2023 15,980.4 -3.1%"),
    ]


def test_years_as_columns_with_units_in_the_row_labels() -> None:
    text = (
        "Kazakhstan ships more grain to China.\n\n"
        "Table 4. Kazakh grain exports to China\n"
        "2022 2023\n"
        "Wheat, thousand tonnes 410 525\n"
        "Barley, thousand tonnes 120 96.5\n"
        "Source: Ministry of Agriculture.\n"
    )
    assert cells(text) == [
        ("amount", 410000.0, "t", "2022", "Wheat, thousand tonnes 410 525"),
        ("amount", 525000.0, "t", "2023", "Wheat, thousand tonnes 410 525"),
        ("amount", 120000.0, "t", "2022", "Barley, thousand tonnes 120 96.5"),
        ("amount", 96500.0, "t", "2023", "Barley, thousand tonnes 120 96.5"),
    ]


def test_flows_as_columns_and_fiscal_years_as_rows() -> None:
    text = (
        "Pakistan and China have traded more since the corridor opened.\n\n"
        "Table 2. Pakistan–China goods trade by fiscal year (US$ billion)\n"
        "FY Exports to China Imports from China Total\n"
        "2021–22 2.5 17.9 20.4\n"
        "2022/23 2.3 12.1 14.4\n"
    )
    found = [
        (f.value, f.measure, f.flow, f.period)
        for f in extract_text(text, "2024-01-10").figures
        if f.evidence.quote[:1].isdigit()
    ]
    assert found == [
        (2.5e9, "trade_flow", "PK->CN", "2021..2022"),
        (17.9e9, "trade_flow", "CN->PK", "2021..2022"),
        (20.4e9, "trade_turnover", "CN<->PK", "2021..2022"),
        (2.3e9, "trade_flow", "PK->CN", "2022..2023"),
        (12.1e9, "trade_flow", "CN->PK", "2022..2023"),
        (14.4e9, "trade_turnover", "CN<->PK", "2022..2023"),
    ]


def test_a_written_answers_table_a_values_in_line_and_a_part_of_a_fiscal_year() -> None:
    # an invented parliamentary answer: the unit told "(Values in US$ billion)" above a parted
    # header, the rows named by fiscal years, the last one only in part
    text = (
        "(b) As per the ministry's data, bilateral trade between India and Russia was as follows:\n"
        "(Values in US$ billion)\n"
        "Year | India's exports | India's imports | Total trade\n"
        "2023-24 | 4.26 | 61.44 | 65.70\n"
        "2024-25 (April-February) | 4.41 | 58.02 | 62.43\n"
        "(c) The leaders agreed to reach trade of US$ 100 billion by 2030.\n"
    )
    found = [
        (f.value, f.unit, f.measure, f.period)
        for f in extract_text(text, "2025-03-20").figures
        if f.evidence.quote[:1].isdigit()
    ]
    assert found == [
        (4.26e9, "USD", "trade_flow", "2023..2024"),
        (61.44e9, "USD", "trade_flow", "2023..2024"),
        (65.7e9, "USD", "trade_turnover", "2023..2024"),
        (4.41e9, "USD", "trade_flow", "2024-04..2025-02"),
        (58.02e9, "USD", "trade_flow", "2024-04..2025-02"),
        (62.43e9, "USD", "trade_turnover", "2024-04..2025-02"),
    ]


def test_counts_without_a_unit_two_alike_and_a_cell_the_text_also_tells() -> None:
    text = (
        "India and Russia held three joint exercises in 2024.\n\n"
        "Figure 2: India–Russia joint exercises and port calls\n"
        "Year Exercises Port calls\n"
        "2023 2 2\n"
        "2024 3 4\n"
    )
    found = [
        (f.value, f.period, f.evidence.quote) for f in extract_text(text, "2025-01-10").figures
    ]
    assert (3.0, "2024", "India and Russia held three joint exercises in 2024.") in found
    assert [f for f in found if f[2][:1].isdigit()] == [
        (2.0, "2023", "2023 2 2"),
        (2.0, "2023", "2023 2 2"),
        (4.0, "2024", "2024 3 4"),
    ]


def test_months_as_rows_with_units_in_the_columns_and_an_empty_cell() -> None:
    text = (
        "Turkey buys less Russian gas this year.\n\n"
        "Table 6: Russia–Turkey monthly trade\n"
        "Month Exports (US$ bn) Imports (US$ bn) Share, %\n"
        "Jan 2025 3.2 0.9 4.1\n"
        "Feb 2025 2.8 n/a 3.9\n"
        "Source: Turkstat.\n"
    )
    found = [
        (f.kind, round(f.value, 3), f.unit, f.period, f.source_data)
        for f in extract_text(text, "2025-06-01").figures
        if f.evidence.quote[:1].isalpha() and f.evidence.quote[-1].isdigit()
    ]
    assert found == [
        ("amount", 3.2e9, "USD", "2025-01..2025-01", "Turkstat"),
        ("amount", 0.9e9, "USD", "2025-01..2025-01", "Turkstat"),
        ("share", 4.1, "percent", "2025-01..2025-01", "Turkstat"),
        ("amount", 2.8e9, "USD", "2025-02..2025-02", "Turkstat"),
        ("share", 3.9, "percent", "2025-02..2025-02", "Turkstat"),
    ]


def test_a_russian_table_with_decimal_commas() -> None:
    text = (
        "Товарооборот Белоруссии и Китая вырос.\n\n"
        "Таблица 2. Товарооборот Белоруссии и Китая (млрд долл.)\n"
        "Год Оборот Изменение\n"
        "2023 8,4 +60,2%\n"
        "2024 8,9 +6,0%\n"
    )
    assert cells(text) == [
        ("amount", 8.4e9, "USD", "2023", "2023 8,4 +60,2%"),
        ("change", 60.2, "percent", "2023", "2023 8,4 +60,2%"),
        ("amount", 8.9e9, "USD", "2024", "2024 8,9 +6,0%"),
        ("change", 6.0, "percent", "2024", "2024 8,9 +6,0%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a list of numbers under no caption
        "Russia's exports of coal to China rose.\n\nKey numbers\n2023 104 12\n2024 95 -8\n",
        # a chart's legend that does not split into one name per column
        "Iraq and Russia compete in China.\n\nFigure 3: Suppliers of China's crude imports (%)\n"
        "Saudi Arabia Russia Iraq\n2023 19.1 15.0 10.6\n2024 18.2 19.9 11.0\n",
        # a caption without rows
        "Table 1: Russia–China trade (US$ billion)\nSource: GACC.\n"
        "Trade between Russia and China reached $245 billion in 2024, up 1.9%.\n",
        # a caption over a single row
        "Chart 5. Russian LNG to China (million tonnes)\nYear Volume\n2024 8.3\n"
        "Russia shipped 8.3 million tonnes of LNG to China in 2024.\n",
    ],
)
def test_no_table_reads_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_tables = extract_text(text, "2025-03-01").figures
    monkeypatch.setattr(figures, "find_tables", lambda ctx: [])
    assert with_tables == extract_text(text, "2025-03-01").figures
