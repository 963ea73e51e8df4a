"""Figure charts as data for an inline-SVG template (`templates/_chart.html`).

One chart per quantity (measure, flow, unit, kind): x = period (ordered categories), y = value.
Each claim is one point coloured by its document; its qualifier is drawn as an interval
(at_least: arrow up, at_most: arrow down, approx: a band, a range: a bar); points in a
conflict get a red ring and their period a tinted column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from bilat.serve.fmt import (
    amount,
    flow_label,
    measure_name,
    period_key,
    period_label,
    qualifier_sign,
)

__all__ = ["PALETTE", "Chart", "chart_key", "doc_colours", "figure_charts", "nice_ticks"]

PALETTE = (
    "#1f5f8b",
    "#d9822b",
    "#2e8b57",
    "#8e44ad",
    "#b8860b",
    "#17a2b8",
    "#6d4c41",
    "#c2185b",
    "#546e7a",
    "#7cb342",
    "#3949ab",
    "#00897b",
)
W, H, LEFT, RIGHT, TOP, BOTTOM = 940, 280, 74, 16, 28, 44
APPROX = 0.05
_UNITS = {
    "USD": "US$",
    "CNY": "yuan",
    "RUB": "roubles",
    "EUR": "euro",
    "percent": "%",
    "m3": "cubic metres",
    "t": "tonnes",
    "count": "number",
    "day": "days",
}


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    colour: str
    shape: str  # exact | approx | at_least | at_most | range
    band: tuple[float, float] | None  # top and bottom y of an approx band or a range
    conflict: bool
    rejected: bool
    title: str  # tooltip (plain text; escaped by the template)
    href: str | None


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    subtitle: str
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    xticks: tuple[tuple[float, str, bool], ...]  # x, label, conflict column
    yticks: tuple[tuple[float, str], ...]
    column: float  # width of one period column
    points: tuple[Point, ...]
    legend: tuple[tuple[str, str], ...]  # (colour, outlet)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(low / step) * step
    return [
        first + i * step
        for i in range(int((high - first) / step) + 2)
        if first + i * step <= high + step * 0.999
    ]


def _outlet(f: dict[str, Any]) -> str:
    """Who reported a figure: its outlet, else (unknown outlet) its document's name."""
    return str(f.get("outlet") or f.get("doc") or "")


def doc_colours(figures: list[dict[str, Any]]) -> dict[str, str]:
    """A stable colour per outlet (by first appearance in publication order)."""
    first: dict[str, str] = {}
    for f in figures:
        who, published = _outlet(f), f.get("published") or ""
        first[who] = min(first.get(who, published), published)
    order = sorted(first, key=lambda who: (first[who], who))
    return {who: PALETTE[i % len(PALETTE)] for i, who in enumerate(order)}


def _key(f: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return (
        f.get("measure") or "other",
        f.get("flow") or "",
        f.get("unit") or "",
        f.get("kind") or "",
        f.get("per") or "",
    )


def _tooltip(f: dict[str, Any]) -> str:
    value = amount(f.get("value"), f.get("unit"), f.get("value_max"), f.get("per"))
    lines = [
        f"{qualifier_sign(f.get('qualifier'))}{value} ({f.get('qualifier', 'exact')})",
        f"{_outlet(f)} · {f.get('published') or 'undated'} · {f.get('doc')}",
    ]
    if f.get("said_by"):
        lines.append(f"said by {f['said_by']}")
    if f.get("source_data"):
        lines.append(f"data: {f['source_data']}")
    lines.append(f"“{f['evidence']['quote']}”")
    if f["review"]["state"] != "unreviewed":
        lines.append(f"review: {f['review']['state']} by {f['review']['author']}")
    return "\n".join(lines)


def _bounds(figs: list[dict[str, Any]]) -> tuple[float, float]:
    values = [float(v) for f in figs for v in (f.get("value"), f.get("value_max")) if v is not None]
    high = max(values) * (1 + APPROX * 2)
    low = min(0.0, min(values) * (1 + APPROX * 2))
    return low, high if high > low else low + 1


def _chart(
    key: tuple[str, ...], figs: list[dict[str, Any]], colours: dict[str, str], links: bool
) -> Chart:
    periods = sorted({f.get("period") or "" for f in figs}, key=lambda p: period_key(p or None))
    col = (W - LEFT - RIGHT) / max(1, len(periods))
    low, high = _bounds(figs)
    ticks = nice_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])

    def y(v: float) -> float:
        return round(TOP + (H - TOP - BOTTOM) * (1 - (v - low) / (high - low)), 1)

    points, conflict_cols = [], set()
    for i, period in enumerate(periods):
        here = [f for f in figs if (f.get("period") or "") == period]
        for j, f in enumerate(here):
            x = LEFT + col * i + col * (j + 1) / (len(here) + 1)
            points.append(_point(f, round(x, 1), y, colours, links))
            if f.get("conflict") and f["review"]["state"] != "rejected":
                conflict_cols.add(i)
    unit = key[2]
    return Chart(
        key="|".join(key),
        title=measure_name(key[0]).capitalize(),
        subtitle=" · ".join(
            p
            for p in (flow_label(key[1]), _UNITS.get(unit, unit), f"per {key[4]}" if key[4] else "")
            if p
        ),
        width=W,
        height=H,
        plot=(LEFT, TOP, W - RIGHT, H - BOTTOM),
        xticks=tuple(
            (round(LEFT + col * (i + 0.5), 1), period_label(p or None), i in conflict_cols)
            for i, p in enumerate(periods)
        ),
        yticks=tuple((y(t), amount(t, unit)) for t in ticks if low <= t <= high),
        column=round(col, 1),
        points=tuple(points),
        legend=tuple(
            (colours[d], d) for d in sorted({_outlet(f) for f in figs}, key=list(colours).index)
        ),
    )


def _point(f: dict[str, Any], x: float, y: Any, colours: dict[str, str], links: bool) -> Point:
    value, vmax = float(f["value"]), f.get("value_max")
    shape, ends = f.get("qualifier") or "exact", None
    if vmax is not None:
        shape, ends = "range", (y(value), y(float(vmax)))
    elif shape == "approx":
        ends = (y(value * (1 - APPROX)), y(value * (1 + APPROX)))
    band = (min(ends), max(ends)) if ends else None
    mid = y(value) if vmax is None else (y(value) + y(float(vmax))) / 2
    href = f"/documents/{f['doc_id']}#{f['ref']}" if links else None
    return Point(
        x,
        round(mid, 1),
        colours.get(_outlet(f), PALETTE[0]),
        shape,
        band,
        bool(f.get("conflict")),
        f["review"]["state"] == "rejected",
        _tooltip(f),
        href,
    )


def chart_key(f: dict[str, Any]) -> str:
    return "|".join(_key(f))


def figure_charts(
    figures: list[dict[str, Any]],
    *,
    links: bool = True,
    min_claims: int = 1,
) -> list[Chart]:
    """One chart per quantity with `min_claims` or more, the quantities with most claims first."""
    colours = doc_colours(figures)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for f in figures:
        if f.get("value") is not None:
            groups.setdefault(_key(f), []).append(f)
    order = sorted(
        (k for k in groups if len(groups[k]) >= min_claims), key=lambda k: (-len(groups[k]), k)
    )
    return [_chart(k, groups[k], colours, links) for k in order]
