"""Tables whose cells a page or an HTML converter parts by "|" or tabs: each cell a figure,
scaled by the "Unit:" line or the caption, dated by its column ("Jan-Oct 2025"), its row
("2023 | 240.1 | +26.3") or the period told before the table; a y/y column is the change of
the period compared with the year before; "in % to" is an index (104.9 is +4.9); a cell with
a unit of its own ("84,126 kt"); the unit line is no figure. Tables written for these tests."""

from __future__ import annotations

from tests.conftest import extract_text


def _figures(text: str, published: str) -> set[tuple[str, float, str, str | None]]:
    return {
        (f.kind, round(f.value, 4), f.unit, f.period) for f in extract_text(text, published).figures
    }


def test_a_pipe_table_with_period_columns_and_a_change_column() -> None:
    figures = _figures(
        "Mongolia's trade with China, first nine months\n\n"
        "Table 2. Trade with China\n"
        "Unit: USD mn\n"
        "Item | Sep 2025 | Jan-Sep 2025 | Jan-Sep 2024 | y/y %\n"
        "Turnover | 1,402.5 | 11,870.2 | 12,310.9 | -3.6\n"
        "Exports to China | 1,101.0 | 9,640.3 | 10,221.4 | -5.7\n",
        "2025-10-20",
    )
    assert ("amount", 1402500000.0, "USD", "2025-09..2025-09") in figures
    assert ("amount", 11870200000.0, "USD", "2025-01..2025-09") in figures
    assert ("amount", 12310900000.0, "USD", "2024-01..2024-09") in figures
    assert ("change", -3.6, "percent", "2025-01..2025-09") in figures
    assert ("change", -5.7, "percent", "2025-01..2025-09") in figures
    assert not any(v == 1000000.0 for _, v, _, _ in figures)  # "Unit: USD mn" is no figure


def test_rows_dated_by_their_label_in_a_factbox() -> None:
    figures = _figures(
        "Here are key figures:\n\nTRADE (Vietnam customs data, $ billion)\n"
        "Period | Turnover | y/y %\n2022 | 7.1 | +12.4\n2023 | 5.0 | -29.6\n"
        "Jan-Jun 2025 | 3.2 | +8.0\n",
        "2025-08-01",
    )
    assert ("amount", 7100000000.0, "USD", "2022") in figures
    assert ("change", -29.6, "percent", "2023") in figures
    assert ("change", 8.0, "percent", "2025-H1") in figures


def test_a_tab_table_with_an_index_column_and_cells_with_units() -> None:
    figures = _figures(
        "In January-June 2025, the republic's foreign trade grew 2.1%.\n\n"
        "Table. Trade with main partners\nUSD mn\n"
        "Country\tTurnover\tJan-Jun 2025 in % to Jan-Jun 2024\tShare, %\n"
        "China\t9,210.4\t106.2\t24.3\n"
        "Russia\t6,455.0\t97.5\t17.0\n\n"
        "Commodity | Quantity | Value, USD mn\n"
        "Wheat | 1,240 kt | 301.7\n"
        "Cars | 12,480 units | 250.2\n",
        "2025-07-25",
    )
    assert ("amount", 9210400000.0, "USD", "2025-H1") in figures
    assert ("change", 6.2, "percent", "2025-H1") in figures
    assert ("change", -2.5, "percent", "2025-H1") in figures
    assert ("share", 24.3, "percent", "2025-H1") in figures
    assert ("amount", 1240000.0, "t", "2025-H1") in figures
    assert ("amount", 12480.0, "count", "2025-H1") in figures


def test_a_header_line_with_pipes_is_no_table() -> None:
    figures = _figures(
        "Express information | Release date: 14.11.2025 | Trade statistics\n\n"
        "Exports to China rose 5% in 2024.",
        "2025-02-01",
    )
    assert figures == {("change", 5.0, "percent", "2024")}


def test_a_hundred_million_unit_scales_only_the_cells_it_governs() -> None:
    figures = _figures(
        "Table 4. Trade with Russia, Jan-Jun 2025\n"
        "Unit: CNY 100 mn\n"
        "Item | Value | Value, USD mn | y/y %\n"
        "Exports to Russia | 4,512.3 | 628.4 | -7.2\n"
        "Imports from Russia | 5,020.1 | 699.0 | -3.1\n",
        "2025-07-14",
    )
    assert ("amount", 451230000000.0, "CNY", "2025-H1") in figures
    assert ("amount", 628400000.0, "USD", "2025-H1") in figures
    assert ("change", -7.2, "percent", "2025-H1") in figures


def test_month_columns_a_scale_in_the_caption_and_a_plus_minus_column() -> None:
    """A commodity desk's table: months named alone ("Oct | Sep", the last of each before
    the report), "(kt)" thousand tonnes, a "± %" column the change of the later month; the
    paragraph above the caption (its "gas") says nothing of the table."""
    figures = _figures(
        "Freight rates rose as buyers cut gas use in the region this autumn.\n"
        "Crude loadings for Turkey, October (kt)\n"
        "Port | Oct | Sep | ± %\n"
        "Tuapse | 610 | 540 | +13\n"
        "Taman | 380 | 400 | -5\n",
        "2025-11-06",
    )
    assert ("amount", 610000.0, "t", "2025-10..2025-10") in figures
    assert ("amount", 540000.0, "t", "2025-09..2025-09") in figures
    assert ("change", 13.0, "percent", "2025-10..2025-10") in figures
    assert ("change", -5.0, "percent", "2025-10..2025-10") in figures


def test_year_columns_within_the_months_the_caption_names() -> None:
    """'by origin, January-June ('000 tonnes)' over '2025 | 2024': each year's first half,
    in thousands of tonnes; the prose paragraph above the caption is not read as its
    measure."""
    extraction = extract_text(
        "Several plants ran at 70% of capacity in June after gas allocations were cut.\n"
        "India potash imports by origin, January-June ('000 tonnes)\n"
        "Origin | 2025 | 2024\n"
        "Russia | 820 | 640\n"
        "Belarus | 410 | 530\n",
        "2025-07-15",
    )
    cells = {(f.value, f.period, f.measure) for f in extraction.figures if f.unit == "t"}
    assert (820000.0, "2025-H1", "trade_flow") in cells
    assert (530000.0, "2024-H1", "trade_flow") in cells
    assert len(cells) == 4
