"""Geometry of one chart at one width, for the inline-SVG macro in `templates/_macros.html`.

Dated claims sit on a real time axis shared by the chart's panels, one panel per cadence (annual
totals, part of a year, monthly, several years), each with its own value scale: a year's total
and a month's value are never drawn on one scale. A claim is a dot at the middle of its period
with a faint line over the days the period covers. Claims without a period go to a strip
beside the panels, with its own scale, never onto the time axis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import median
from typing import Any

from bilat.reconcile._dates import Span
from bilat.serve.fmt import amount

from .scales import CADENCES, TimeScale, cadence, nice_ticks, span_of, value_bounds

__all__ = ["APPROX", "Geometry", "Layout", "Panel", "Point", "draw"]

APPROX = 0.05
Style = Callable[[dict[str, Any]], tuple[str, str, str | None]]  # colour, tooltip, link


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes (in SVG units, drawn 1:1 at this width) of one variant of a chart."""

    width: int
    left: int  # room for the value labels
    strip: int  # width of the undated strip
    gap: int  # between the panels and the strip
    panel: int  # height of one panel
    year_gap: int  # least distance between two year labels


WIDE = Geometry(width=900, left=66, strip=96, gap=26, panel=150, year_gap=40)
NARROW = Geometry(width=360, left=50, strip=60, gap=14, panel=130, year_gap=36)
_RIGHT, _TITLE, _BETWEEN, _AXIS = 8, 18, 12, 24


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    colour: str
    shape: str  # exact | approx | at_least | at_most | range
    band: tuple[float, float] | None  # top and bottom y of an approx band or a range
    extent: tuple[float, float] | None  # x from the period's first day to its last
    conflict: bool
    rejected: bool
    title: str  # tooltip (plain text; escaped by the template)
    href: str | None


@dataclass(frozen=True, slots=True)
class Panel:
    series: str  # a CADENCES key, or "undated"
    label: str
    left: float
    right: float
    top: float
    bottom: float
    yticks: tuple[tuple[float, str], ...]
    zero: float | None  # y of the value 0 when the scale crosses it
    points: tuple[Point, ...]
    line: str  # SVG polyline points through each period's middle value ("" when < 2 periods)
    conflicts: tuple[tuple[float, float], ...]  # x ranges of periods whose sources disagree


@dataclass(frozen=True, slots=True)
class Layout:
    width: int
    height: int
    axis: float  # y of the time axis under the last panel
    years: tuple[tuple[float, float, str], ...]  # x of 1 Jan, x of mid-year, label
    panels: tuple[Panel, ...]
    strip: Panel | None


def _live(f: dict[str, Any]) -> bool:
    return bool(f["review"]["state"] != "rejected")


def _yscale(claims: list[dict[str, Any]], top: float, bottom: float, unit: str) -> Any:
    values = [float(v) for f in claims for v in (f["value"], f.get("value_max")) if v is not None]
    low, high = value_bounds(values)
    ticks = nice_ticks(low, high, 4)
    low, high = min(low, ticks[0]), max(high, ticks[-1])

    def y(v: float) -> float:
        return round(top + (bottom - top) * (1 - (v - low) / (high - low)), 1)

    labels = tuple((y(t), amount(t, unit)) for t in ticks if low <= t <= high)
    return y, labels, (y(0.0) if low < 0 < high else None)


def _point(f: dict[str, Any], x: float, y: Any, extent: Any, style: Style) -> Point:
    value, vmax = float(f["value"]), f.get("value_max")
    shape, ends = f.get("qualifier") or "exact", None
    if vmax is not None:
        shape, ends = "range", (y(value), y(float(vmax)))
    elif shape == "approx":
        ends = (y(value * (1 - APPROX)), y(value * (1 + APPROX)))
    mid = y(value) if vmax is None else (y(value) + y(float(vmax))) / 2
    colour, title, href = style(f)
    band = (min(ends), max(ends)) if ends else None
    conflict = bool(f.get("conflict")) and _live(f)
    return Point(x, round(mid, 1), colour, shape, band, extent, conflict, not _live(f), title, href)


def _spread(mid: float, n: int, room: float) -> list[float]:
    """x of n dots around `mid`, at most 9 units apart and within `room`."""
    step = min(9.0, room * 0.8 / max(1, n - 1)) if n > 1 else 0.0
    return [round(mid + (i - (n - 1) / 2) * step, 1) for i in range(n)]


def _panel(
    series: str,
    claims: list[tuple[dict[str, Any], Span]],
    box: tuple[float, float, float, float],
    time: TimeScale,
    unit: str,
    style: Style,
) -> Panel:
    left, top, right, bottom = box
    y, yticks, zero = _yscale([f for f, _ in claims], top, bottom, unit)
    by_period: dict[Span, list[dict[str, Any]]] = {}
    for f, span in sorted(claims, key=lambda c: (c[1], c[0].get("published") or "")):
        by_period.setdefault(span, []).append(f)
    points, conflicts, middle = [], [], []
    for span, here in by_period.items():
        x0, x1 = time.x(span[0]), time.x(span[1])
        xs = _spread(time.mid(span), len(here), x1 - x0)
        points += [_point(f, x, y, (x0, x1), style) for f, x in zip(here, xs, strict=True)]
        if any(f.get("conflict") and _live(f) for f in here):
            conflicts.append((x0, x1))
        central = [
            float(f["value"])
            for f in here
            if _live(f) and f.get("qualifier") == "exact" and f.get("value_max") is None
        ]
        if central:
            middle.append(f"{time.mid(span)},{y(median(central))}")
    line = " ".join(middle) if len(middle) > 1 and series in ("annual", "monthly") else ""
    return Panel(
        series, CADENCES.get(series, series), left, right, top, bottom, yticks, zero,
        tuple(points), line, tuple(conflicts),
    )  # fmt: skip


def _strip(
    claims: list[dict[str, Any]], box: tuple[float, float, float, float], unit: str, style: Style
) -> Panel:
    left, top, right, bottom = box
    y, yticks, zero = _yscale(claims, top, bottom, unit)
    xs = _spread((left + right) / 2, len(claims), right - left - 16)
    points = tuple(_point(f, x, y, None, style) for f, x in zip(claims, xs, strict=True))
    label = "No period stated"
    return Panel("undated", label, left, right, top, bottom, yticks, zero, points, "", ())


def draw(claims: list[dict[str, Any]], unit: str, style: Style, g: Geometry) -> Layout:
    """The chart of one quantity's claims at the width `g` gives."""
    dated: dict[str, list[tuple[dict[str, Any], Span]]] = {}
    undated = []
    for f in claims:
        if (span := span_of(f.get("period"))) is None:
            undated.append(f)
        else:
            dated.setdefault(cadence(span), []).append((f, span))
    right = g.width - _RIGHT
    plot_right = right - (g.strip + g.gap if undated and dated else 0)
    spans = [s for c in dated.values() for _, s in c]
    time = TimeScale.covering(spans, g.left, plot_right) if spans else None
    panels: list[Panel] = []
    top = 4.0
    for series in (s for s in CADENCES if s in dated):
        assert time is not None
        height = g.panel if not panels else round(g.panel * 0.72)  # the first series leads
        box = (g.left, top + _TITLE, plot_right, top + _TITLE + height)
        panels.append(_panel(series, dated[series], box, time, unit, style))
        top = box[3] + _BETWEEN
    strip = None
    if undated:
        first = panels[0].top if panels else 4.0 + _TITLE
        last = first + g.panel
        left = plot_right + g.gap if panels else g.left
        strip = _strip(undated, (left, first, right, last), unit, style)
        top = max(top, last + _BETWEEN)
    axis = top - _BETWEEN
    years = time.years(g.year_gap) if time else ()
    return Layout(g.width, round(axis + _AXIS), axis, years, tuple(panels), strip)
