"""Figures of a table that a PDF reader or a page flattened into lines (GOLD.md "figures").

A table is a caption ("Table 1: ...", "Figure 2. ...", or a title ending in a unit in
brackets), a header (the columns' names or years), then two rows or more of as many numeric
cells ("2023 1,240.5 380.2" under "Year Exports Imports"; "Wheat, thousand tonnes 410 525"
under "2023 2024"). Each cell is a figure: scaled by the unit of its row label, column or
caption ("US$ billion", "mt", "bcm"), dated by its row's or column's year ("2022–23" is
2022..2023), a change when signed or in a change column ("Change y/y"), measure and flow from
the caption with the column's and row's names ("Total" is the pair's turnover, "Exports to
X" a flow); its evidence is the row's line.

requires: `DocContext.clean_text` and `pair`
assigns : nothing; `Table`s (their figures, the span of header and rows) for `figures`
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from bilat.extract.context import DocContext
from bilat.extract.figures_measure import (
    countries_in_text,
    find_flow,
    find_measure,
    state_name,
)
from bilat.extract.numbers import find_quantities
from bilat.extract.temporal import find_time_expressions
from bilat.records import Evidence, Figure

__all__ = ["Table", "find_tables"]


@dataclass(frozen=True, slots=True)
class Table:
    start: int  # clean-text span of the header and the rows
    end: int
    figures: tuple[Figure, ...]


class _Line(NamedTuple):
    start: int
    text: str


class _Row(NamedTuple):
    line: _Line
    label: str
    cells: tuple[str, ...]


_CAPTION = re.compile(
    r"(?:Table|Figure|Chart|Exhibit|Graph|Таблица|Рисунок)\s*\d*\w?\s*[.:–—-]\s*\S"
)
_UNIT_END = re.compile(r"\(([^()]{1,60})\)\s*$")
_CELL = re.compile(r"[+\-−–]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[+\-−–]?\d+(?:[.,]\d+)?%?|n/a|–|—|\.\.")
_MISSING = frozenset({"n/a", "–", "—", ".."})  # a cell left empty
_PERIOD_LABEL = re.compile(
    r"(?:FY\s?)?(?:19|20)\d\d(?:\s?[–/-]\s?(?:(?:19|20)?\d\d))?\*?"
    r"|(?:H[12]|Q[1-4]|[A-Z][a-z]{2}[–-][A-Z][a-z]{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.?)\s(?:19|20)\d\d"
)
_ROWS_HEAD = re.compile(r"(?:Year|FY|Fiscal year|Period|Month|Quarter|Год|Месяц|Период)", re.I)
_LINK = frozenset({"to", "from", "of", "in", "with", "by", "for", "and", "into", "vs", "per"})


def find_tables(ctx: DocContext) -> list[Table]:
    """Every flattened table of the text whose cells could all be read, and every table whose
    cells a page or converter parted by "|" or tabs (`_delimited_at`)."""
    lines = _lines(ctx.clean_text)
    found = (_table_at(ctx, lines, i) for i in range(len(lines) - 3) if _is_caption(lines[i].text))
    tables = [t for t in found if t is not None]
    i = 0
    while i < len(lines):
        table, i = _delimited_at(ctx, lines, i)
        if table is not None and not any(
            t.start < table.end and table.start < t.end for t in tables
        ):
            tables.append(table)
    return sorted(tables, key=lambda t: t.start)


def _lines(text: str) -> list[_Line]:
    return [_Line(m.start(1), m[1]) for m in re.finditer(r"[^\S\n]*([^\n]*\S)", text)]


def _is_caption(line: str) -> bool:
    """'Table 1: China-Russia trade', 'Figure 2. ...', or a short title ending in its unit."""
    if len(line) > 160:
        return False
    if _CAPTION.match(line):
        return True
    unit = _UNIT_END.search(line)
    return unit is not None and _unit_phrase(unit.group(1)) is not None


def _table_at(ctx: DocContext, lines: list[_Line], i: int) -> Table | None:
    """The table whose caption is lines[i], if a header and two rows or more follow it."""
    header = lines[i + 1]
    rows: list[_Row] = []
    for line in lines[i + 2 :]:
        row = _row(line)
        if row is None or (rows and len(row.cells) != len(rows[0].cells)):
            break
        rows.append(row)
    if len(rows) < 2 or (_row(header) is not None and not _years_header(header.text)):
        return None
    columns = _columns(header.text, rows)
    if columns is None:
        return None
    caption = lines[i].text
    figures = [
        f
        for row in rows
        for n, cell in enumerate(row.cells)
        if cell not in _MISSING
        and (f := _cell_figure(ctx, caption, columns, row, n, cell)) is not None
    ]
    if len(figures) < sum(c not in _MISSING for r in rows for c in r.cells):
        return None  # a cell without its period: no table read
    end = rows[-1].line.start + len(rows[-1].line.text)
    after = lines[i + 2 + len(rows)].text if i + 2 + len(rows) < len(lines) else ""
    source = re.fullmatch(r"(?:Sources?|Источник)\s*:\s*(.{2,80}?)\.?", after)
    if source:  # "Source: GACC." under the rows: the data's source, as "according to" is
        figures = [replace(f, source_data=source[1]) for f in figures]
    return Table(header.start, end, tuple(figures))


def _row(line: _Line) -> _Row | None:
    """A row: a label (a name, or a period) and numeric cells up to the line's end."""
    tokens = line.text.split()
    k = len(tokens)
    while k > 0 and _CELL.fullmatch(tokens[k - 1]):
        k -= 1
    if k == 0 and len(tokens) >= 2 and _PERIOD_LABEL.fullmatch(tokens[0]):
        k = 1  # "2023 24.7 16.3 41.0"
    if 0 < k < len(tokens) - 1 and _PERIOD_LABEL.fullmatch(" ".join(tokens[: k + 1])):
        k += 1  # "Jan 2025 19.4 -2.1%": the month's year
    if k == len(tokens) or k == 0:
        return None
    label = " ".join(tokens[:k])
    if not (_PERIOD_LABEL.fullmatch(label) or re.search(r"[^\W\d_]", label)):
        return None
    return _Row(line, label, tuple(tokens[k:]))


class _Columns(NamedTuple):
    names: tuple[str, ...]  # one per cell ("" when the header gives none)
    periods: tuple[str | None, ...]  # a column's period, when the header gives years


def _years_header(text: str) -> list[str] | None:
    """'2022 2023 2024', 'Indicator 2023 2024': the years of the columns, else None."""
    tokens = text.split()
    years = [t for t in tokens if _PERIOD_LABEL.fullmatch(t)]
    return years if len(years) >= 2 and tokens[-len(years) :] == years else None


def _columns(header: str, rows: list[_Row]) -> _Columns | None:
    n = len(rows[0].cells)
    years = _years_header(header)
    if years is not None:
        if len(years) != n or any(_PERIOD_LABEL.fullmatch(r.label) for r in rows):
            return None
        return _Columns(("",) * n, tuple(_period(y) for y in years))
    if not all(_PERIOD_LABEL.fullmatch(r.label) for r in rows):
        return None  # names in both directions: which is which is a guess
    names = _column_names(header)
    if len(names) == n + 1 and _ROWS_HEAD.fullmatch(names[0]):
        names = names[1:]  # "Year", "FY": the rows' column
    if len(names) != n:
        return None
    return _Columns(tuple(names), (None,) * n)


def _column_names(header: str) -> list[str]:
    """'Year Exports to KZ Imports from KZ Total' -> Year | Exports to KZ | Imports from KZ |
    Total: a capitalised word opens a column unless a linking word ('to', 'from') leads to it."""
    names: list[list[str]] = []
    for word in header.split():
        opens = word[:1].isupper() or word[:1].isdigit()
        if not names or (opens and names[-1][-1].lower() not in _LINK):
            names.append([word])
        else:
            names[-1].append(word)
    return [" ".join(n) for n in names]


def _months_of(label: str) -> str | None:
    """The months a row's label tells of its (fiscal) year: "2025-26 (April-September)" is
    2025-04..2025-09, "2024-25 (April-February)" 2024-04..2025-02 (read as the temporal
    stage reads "April-February of 2024-25"); None for another label."""
    m = _PART_OF_YEAR.fullmatch(label.strip())
    if m is None:
        return None
    year = re.sub(r"^FY\s?", "", m["year"].rstrip("*"))
    told = find_time_expressions(f"{m['a']}-{m['b']} of {year}", None)
    return told[0].period if len(told) == 1 else None


def _period(label: str) -> str | None:
    """'2021' -> 2021, '2022–23' -> 2022..2023, 'H1 2025' -> 2025-H1."""
    label = label.rstrip("*")
    fiscal = re.fullmatch(r"(?:FY\s?)?((?:19|20)\d\d)\s?[–/-]\s?((?:19|20)?\d\d)", label)
    if fiscal:
        end = fiscal[2] if len(fiscal[2]) == 4 else fiscal[1][:2] + fiscal[2]
        return f"{fiscal[1]}..{end}" if end > fiscal[1] else None
    times = find_time_expressions(label, None)
    return times[0].period if len(times) == 1 else None


# a unit's scale as tables write it: "('000 tonnes)", "(kt)" (thousand tonnes)
_TABLE_SCALES = (
    (re.compile(r"['’]000s?(?=\s)"), "thousand"),
    (re.compile(r"\bkt\b"), "thousand tonnes"),
)


# "(Values in US$ billion)", "(in USD million)", "All figures in RMB mn": the unit after it
_IN = re.compile(r"^(?:(?:all\s+)?(?:values|figures|amounts|data)\s+(?:are\s+)?)?in\s+", re.I)


def _unit_phrase(text: str) -> str | None:
    """The part of a caption, column or row label that names a unit ('Chinese customs, USD
    billion' -> 'USD billion'; 'Crude oil, mt' -> 'mt'), or None."""
    for pattern, words in _TABLE_SCALES:
        text = pattern.sub(words, text)
    for part in [m.group(1) for m in re.finditer(r"\(([^()]+)\)", text)] + [text]:
        for piece in [_IN.sub("", p.strip()) for p in re.split(r"[,;:]", part)][::-1]:
            if piece and len(piece.split()) <= 4 and _scaled("1", piece) is not None:
                return piece
    return None


_SCALE = {"thousand": 1e3, "thousands": 1e3, "'000": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6}


def _scaled(number: str, phrase: str) -> tuple[float, str, str | None] | None:
    """(value, unit, per) of `number` in the unit `phrase` names, or None without one."""
    if phrase.lower() in _SCALE:
        return float(number) * _SCALE[phrase.lower()], "count", None
    words = phrase.split()
    for text in (f"{number} {phrase}", f"{words[0]} {number} {' '.join(words[1:])}".strip()):
        found = find_quantities(text)
        if len(found) == 1 and found[0].unit != "count" and found[0].end >= len(text) - 1:
            return found[0].value, found[0].unit, found[0].per
    return None


def _value(cell: str, phrase: str | None) -> tuple[float, str, str | None]:
    number = re.sub(r"^[+\-−–]|%$|,(?=\d{3}\b)", "", cell).replace(",", ".")  # "240,1"
    if cell.endswith("%"):
        return float(number), "percent", None
    scaled = _scaled(number, phrase) if phrase else None
    return scaled or (float(number), "count", None)


_CHANGE = re.compile(
    r"\bchange\b|\bgrowth\b|\by/y\b|\byoy\b|year[- ]on[- ]year|\bincrease\b|\brise\b|±|\+/-|"
    r"\bг/г\b|\bрост\b|изменени",
    re.I,
)


def _kind(cell: str, names: str, value: float, unit: str) -> tuple[str, float]:
    """A percentage signed or in a change column is a change, else a share ("Share, %")."""
    signed = cell[:1] in "+-−–" and len(cell) > 1
    negative = cell[:1] in "-−–"
    if unit == "percent" and (signed or _CHANGE.search(names)):
        return "change", -value if negative else value
    if unit == "percent":
        return "share", value
    return "amount", -value if negative else value


def _cell_figure(
    ctx: DocContext, caption: str, columns: _Columns, row: _Row, n: int, cell: str
) -> Figure | None:
    column = columns.names[n]
    period = columns.periods[n] or _period(row.label)
    if period is None:
        return None
    label = "" if columns.periods[n] is None else row.label
    phrase = _unit_phrase(label) or _unit_phrase(column)
    if phrase is None:  # "Change y/y" over bare numbers: percentages
        phrase = "%" if _CHANGE.search(label or column) else _unit_phrase(caption)
    value, unit, per = _value(cell, phrase)
    kind, value = _kind(cell, f"{column} {label}", value, unit)
    measure, flow = _measure_flow(ctx, caption, column, label, unit)
    told = " ".join(p for p in (label or column, _topic(caption)) if p) or None
    return _cell(kind, value, unit, per, measure, told, flow, period, row.line)


def _cell(
    kind: str,
    value: float,
    unit: str,
    per: str | None,
    measure: str,
    measure_text: str | None,
    flow: str | None,
    period: str,
    line: _Line,
) -> Figure:
    """A table cell's figure, exact, quoting its row as the text gives it."""
    return Figure(
        kind=kind,
        value=value,
        value_max=None,
        unit=unit,
        per=per,
        qualifier="exact",
        measure=measure,
        measure_text=measure_text,
        flow=flow,
        period=period,
        said_by=None,
        evidence=Evidence(line.start, line.start + len(line.text), line.text),
    )


def _topic(caption: str) -> str:
    """'Table 1: China-Russia Goods Trade, 2021–2025 (US$ billion)' -> 'China-Russia Goods
    Trade, 2021–2025'."""
    text = _CAPTION.sub(lambda m: m.group(0)[-1], caption, count=1)
    return _UNIT_END.sub("", text).strip(" ,.")


_TOTAL = re.compile(r"^(?:total|turnover|trade|всего|оборот)\b", re.I)


def _measure_flow(
    ctx: DocContext, caption: str, column: str, label: str, unit: str
) -> tuple[str, str | None]:
    """The measure and flow a cell's caption, column and row label tell together."""
    named = re.sub(  # "Exports to KZ": the pair's codes stand for its states
        r"\b[A-Z]{2}\b",
        lambda m: state_name(m[0]) if m[0] in ctx.pair else m[0],
        # a row named by its period ("2023-24 | 4.26 | 61.44"): the column names the measure
        column if not label or _PERIOD_LABEL.match(label) else label,
    )
    text = f"{_topic(caption)}: {named} 1 000"
    pos = len(text) - 5
    measure = find_measure(text, pos, len(text), unit)
    flow = find_flow(text, pos, measure, countries_in_text(text), ctx.pair)
    if _TOTAL.match(column) and measure in ("trade_flow", "trade_turnover"):
        measure = "trade_turnover"  # "Total": the pair's turnover
        if set(ctx.pair) <= {h.iso for h in countries_in_text(caption)}:
            flow = f"{ctx.pair[0]}<->{ctx.pair[1]}"
    return measure, flow


# ---- tables whose cells are parted by "|" or tabs -----------------------------------------


def _parted(text: str) -> list[str] | None:
    """A line's cells when "|" (two or more) or tabs part it, else None."""
    if text.count("|") >= 2:
        return [c.strip() for c in text.strip().strip("|").split("|")]
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    return None


# a cell: a number, with a unit of its own ("84,126 kt", "392,145 units"), or empty
_PARTED_CELL = re.compile(
    rf"(?P<n>{_CELL.pattern})(?:\s*(?P<u>kt|mt|t|units|pcs|thousand|mn|bn))?\**",
)
_CELL_UNITS = {"kt": "thousand tonnes", "mt": "million tonnes", "t": "tonnes"}
_INDEX = re.compile(r"\bin\s*%\s*(?:to|of)\b|\bindex\b", re.I)  # "2025 in % to 2024": 104.9
_SHARE = re.compile(r"\bshare\b", re.I)


def _delimited_at(ctx: DocContext, lines: list[_Line], i: int) -> tuple[Table | None, int]:
    """The parted table whose header is lines[i] (header and two rows or more of as many
    cells, a label and numbers), and the index of the line after it."""
    header = _parted(lines[i].text)
    rows: list[tuple[_Line, list[str]]] = []
    j = i + 1
    while header is not None and j < len(lines):
        cells = _parted(lines[j].text)
        if cells is None or not _numeric_row(cells):
            break
        rows.append((lines[j], cells))
        j += 1
    if header is None or len(rows) < 2:
        return None, i + 1
    n = max(len(c) for _, c in rows)  # (a line's last cells left empty: "Balance\t-57.1\t")
    rows = [(line, [*cells, *[""] * (n - len(cells))]) for line, cells in rows]
    if len(header) == n - 1:
        header = ["", *header]  # "\t2023-24\t2024-25": the labels' column unnamed
    if len(header) != n:
        return None, j
    # the caption: the lines right above the header, not a paragraph of prose before them
    above = [line.text for line in lines[max(0, i - 2) : i]]
    while len(above) > 1 and (len(above[0]) > 160 or above[0].endswith(".")):
        above = above[1:]
    figures = _parted_figures(ctx, above, header, rows, lines[i].start)
    if not figures:
        return None, j
    last = rows[-1][0]
    unit_line = i > 0 and (
        re.match(r"(?:Units?|Unit of measure(?:ment)?)\s*:", lines[i - 1].text, re.I)
        or (len(lines[i - 1].text) <= 24 and _unit_phrase(lines[i - 1].text))
    )  # "Unit: CNY 100 mn", "USD mn" over the header: the table's, no figure of its own
    start = lines[i - 1].start if unit_line else lines[i].start
    return Table(start, last.start + len(last.text), tuple(figures)), j


def _numeric_row(cells: list[str]) -> bool:
    rest = cells[1:]
    return (
        bool(cells[0])
        and any(rest)
        and all(not c or c in _MISSING or _PARTED_CELL.fullmatch(c) for c in rest)
    )


def _parted_figures(
    ctx: DocContext,
    above: list[str],
    header: list[str],
    rows: list[tuple[_Line, list[str]]],
    at: int,
) -> list[Figure]:
    caption = " ".join(above)
    periods = [_column_period(ctx, h.rstrip("*").strip(), caption) for h in header]
    # no period in the header nor the caption: the latest the text told before the table
    # ("In January-September 2025, ... compared with January-September 2024")
    told = [t.period for t in find_time_expressions(ctx.clean_text[max(0, at - 600) : at], None)]
    latest = max((p for p in told if p), key=lambda p: p.split("..")[-1], default=None)
    around = _period_of(caption) or latest
    unit = _parted_unit([*above, header[0]])
    figures = []
    for line, cells in rows:
        label = cells[0].rstrip("*")  # "2021 | 146.9 | +35.8": the row's period
        own = _period(label) if _PERIOD_LABEL.fullmatch(label) else _months_of(label)
        for k in range(1, len(cells)):
            cell = cells[k].rstrip("*")
            if not cell or cell in _MISSING:
                continue
            period = periods[k] or own or _change_period(header, periods, k) or around
            figure = _parted_cell(ctx, caption, header[k], cells[0], cell, unit, period, line)
            if figure is not None:
                figures.append(figure)
    return figures


_MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
    r"|January|February|March|April|June|July|August|September|October|November|December"
)


# a year's row told in part: "2025-26 (April-September)", "2024 (Jan-Oct)"
_PART_OF_YEAR = re.compile(
    rf"(?P<year>{_PERIOD_LABEL.pattern})\s*\(\s*(?P<a>{_MONTH.pattern})\s*[–-]\s*"
    rf"(?P<b>{_MONTH.pattern})\s*\)"
)


def _column_period(ctx: DocContext, head: str, caption: str) -> str | None:
    """A parted column's period: its label's ('2024', 'Jan-Oct 2025'), a month alone ('Oct',
    'Sep': the last such month before the report), or a year within the months the caption
    names ('imports by origin, January-May' over '2024 | 2023': 2024-01..2024-05)."""
    if _MONTH.fullmatch(head):
        times = find_time_expressions(f"in {head}", ctx.published)
        return times[0].period if len(times) == 1 else None
    if not _PERIOD_LABEL.search(head):
        return None
    period = _period(head)
    if period is None or not re.fullmatch(r"(?:19|20)\d\d", period):
        return period
    span = re.search(rf"\b({_MONTH.pattern})(?:\s*[-–]\s*({_MONTH.pattern}))?\b", caption)
    if span is None or re.search(r"(?:19|20)\d\d", caption):
        return period
    told = find_time_expressions(f"{span[0]} {period}", None)
    return told[0].period if len(told) == 1 and told[0].period else period


def _period_of(text: str) -> str | None:
    times = [t.period for t in find_time_expressions(text, None) if t.period]
    return times[-1] if times else None


def _change_period(header: list[str], periods: list[str | None], k: int) -> str | None:
    """A change column's period: its own first ("Jan-Sep 2025 in % to Jan-Sep 2024"), else the
    nearest column before it, unless that is the year before another column's ("Jan-Oct 2025 |
    Jan-Oct 2024 | y/y %": the change is of Jan-Oct 2025)."""
    if not (_CHANGE.search(header[k]) or _INDEX.search(header[k]) or "growth" in header[k]):
        return None
    own = _period_of(header[k].split(" in ")[0]) if _PERIOD_LABEL.search(header[k]) else None
    if own:
        return own
    dated = [p for p in periods[:k] if p]
    if not dated:
        return None
    later = re.sub(r"(?:19|20)\d\d", lambda y: str(int(y[0]) + 1), dated[-1])
    if later in dated:
        return later
    # "Oct | Sep | ± %": the change is of the later month
    months = [p for p in dated if re.fullmatch(r"(\d{4}-\d\d)\.\.\1", p)]
    return max(months) if len(months) == len(dated) else dated[-1]


class _TableUnit(NamedTuple):
    phrase: str  # "USD mn", "thousand"
    factor: float  # 100 for Chinese statistics' "CNY 100 mn" (亿), else 1


def _parted_unit(texts: list[str]) -> _TableUnit | None:
    """The unit a "Unit: USD mn" line, a caption or the labels' column names ("Trips,
    thousand") give, the nearest the header first."""
    for text in reversed(texts):
        text = _dollars(text.strip())
        told = re.match(r"(?:Units?|Unit of measure(?:ment)?)\s*:\s*(.+)$", text, re.I)
        phrase = told[1] if told else text
        hundred = _HUNDRED_MN.search(phrase)
        unit = _unit_phrase(_HUNDRED_MN.sub("mn", phrase))
        if unit:
            return _TableUnit(unit, 100.0 if hundred else 1.0)
    return None


_HUNDRED_MN = re.compile(r"\b100\s+mn\b")


def _dollars(text: str) -> str:
    return re.sub(r"US\s*\$", "USD", text)


def _parted_cell(
    ctx: DocContext,
    caption: str,
    column: str,
    label: str,
    cell: str,
    table_unit: _TableUnit | None,
    period: str | None,
    line: _Line,
) -> Figure | None:
    m = _PARTED_CELL.fullmatch(cell)
    if m is None or period is None:
        return None
    own = _CELL_UNITS.get(m["u"] or "", m["u"]) or _unit_phrase(_dollars(column))
    phrase, factor = own or ("%" if re.search(r"%|growth", column) else None), 1.0
    if phrase is None and table_unit is not None:
        phrase, factor = table_unit  # the table's ("CNY 100 mn": 亿, a hundred million)
    number = m["n"]
    if phrase == "%" and not number.endswith("%"):
        number += "%"
    value, unit, per = _value(number, phrase)
    value *= factor if unit != "percent" else 1.0
    if unit == "percent" and _INDEX.search(column):
        kind, value = "change", round(value - 100, 6)  # an index to the year before
    elif unit == "percent" and _SHARE.search(column):
        kind = "share"
    else:
        kind, value = _kind(number, column, value, unit)
    measure, flow = _measure_flow(ctx, caption, column, label, unit)
    told = " ".join(p for p in (label, column) if p) or None
    return _cell(kind, value, unit, per, measure, told, flow, period, line)
