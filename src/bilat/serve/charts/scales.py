"""Scales for the figure charts: value ticks and a real time axis.

A period is the span of days it covers (`reconcile._dates.period_span`), so "2024", "Jan–Jul
2025" and "Dec 2024" sit where they are in time, each as wide as it is long, instead of being
equally spaced categories; its cadence (annual, part of a year, monthly, several years) decides
which series it belongs to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from bilat.reconcile._dates import Span, period_span

__all__ = ["CADENCES", "TimeScale", "cadence", "nice_ticks", "span_of", "value_bounds"]

# Series of one quantity, in the order their panels are drawn.
CADENCES = {
    "annual": "Annual totals",
    "part": "Part of a year",
    "monthly": "Monthly",
    "years": "Several years",
}


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 × 10^k apart) covering [low, high]."""
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


def value_bounds(values: list[float]) -> tuple[float, float]:
    """The value range a panel shows: always zero (levels start at 0, changes show the sign),
    the values, and a little room above and below."""
    low, high = min(0.0, *values), max(0.0, *values)
    pad = (high - low) * 0.1 or 1.0
    return (low - pad if low < 0 else low), (high + pad if high > 0 or low == 0 else high)


def span_of(period: str | None) -> Span | None:
    return period_span(period) if period else None


def cadence(span: Span) -> str:
    """Which series a period belongs to: a calendar year, a month, part of one year, or more."""
    start, end = span
    if start.year != end.year:
        return "years"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return "annual"
    return "monthly" if start.month == end.month else "part"


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Days from `start` to `end` (1 Jan of the first year to 1 Jan after the last) mapped
    onto x from `left` to `right`."""

    start: date
    end: date
    left: float
    right: float

    @classmethod
    def covering(cls, spans: list[Span], left: float, right: float) -> TimeScale:
        first = min(s[0] for s in spans).year
        last = max(s[1] for s in spans).year
        return cls(date(first, 1, 1), date(last + 1, 1, 1), left, right)

    def x(self, day: date) -> float:
        total = (self.end - self.start).days
        return round(self.left + (self.right - self.left) * (day - self.start).days / total, 1)

    def mid(self, span: Span) -> float:
        return round((self.x(span[0]) + self.x(span[1])) / 2, 1)

    def years(self, min_gap: float) -> tuple[tuple[float, float, str], ...]:
        """(x of 1 Jan, x of the year's middle, label or "") per year; labels at least
        `min_gap` apart, the last year always labelled."""
        years = list(range(self.start.year, self.end.year))
        width = (self.right - self.left) / max(1, len(years))
        every = max(1, math.ceil(min_gap / width))
        out = []
        for i, year in enumerate(years):
            at = self.x(date(year, 1, 1))
            shown = (len(years) - 1 - i) % every == 0
            out.append((at, round(at + width / 2, 1), str(year) if shown else ""))
        return tuple(out)
