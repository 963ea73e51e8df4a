"""Dates and periods as closed day intervals.

A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` covers the days it names ("2025-09" is Sep 1..Sep 30).
A period (GOLD.md) is `2024`, `2025-H1`, `2025-Q3`, `2025-01..2025-08` or `2013..2023`.
Unparseable strings give `None`: callers treat them as unknown.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

__all__ = [
    "Span",
    "date_span",
    "deadline_period",
    "months",
    "period_span",
    "precision",
    "spans_overlap",
]

Span = tuple[date, date]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PART = re.compile(r"^(\d{4})-([HQ])([1-4])$")


def precision(text: str | None) -> int:
    """0 for unknown, 1 for a year, 2 for a month, 3 for a day."""
    if text is None or not _DATE.match(text):
        return 0
    return 1 + text.count("-")


def date_span(text: str | None) -> Span | None:
    """The days a date covers, or None when it is missing or malformed."""
    match = _DATE.match(text or "")
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _part_span(year: int, letter: str, index: int) -> Span | None:
    months = 6 if letter == "H" else 3
    if index > 12 // months:
        return None
    first = (index - 1) * months + 1
    last = first + months - 1
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def period_span(text: str | None) -> Span | None:
    """The days a period covers (see module docstring), or None."""
    if text is None:
        return None
    if ".." in text:
        left, _, right = text.partition("..")
        lo, hi = date_span(left), date_span(right)
        return (lo[0], hi[1]) if lo and hi and lo[0] <= hi[1] else None
    part = _PART.match(text)
    if part:
        return _part_span(int(part.group(1)), part.group(2), int(part.group(3)))
    return date_span(text)


def spans_overlap(a: Span, b: Span, window_days: int = 0) -> bool:
    """True when the spans share a day once each is widened by `window_days` on both sides."""
    pad = timedelta(days=window_days)
    return a[0] - pad <= b[1] + pad and b[0] - pad <= a[1] + pad


def deadline_period(deadline: str | None) -> str | None:
    """The figure period a commitment deadline is judged on: a date's year, else the period."""
    if deadline is None:
        return None
    if _DATE.match(deadline):
        return deadline[:4]
    return deadline if period_span(deadline) else None


@functools.lru_cache(maxsize=65536)
def months(span: Span, pad_days: int = 0) -> tuple[str, ...]:
    """The "YYYY-MM" months a span touches once widened by `pad_days` on both sides.
    (Cached: the event clustering asks for the same few spans' months hundreds of thousands
    of times in a large store.)"""
    pad = timedelta(days=pad_days)
    lo, hi = span[0] - pad, span[1] + pad
    year, month, found = lo.year, lo.month, []
    while (year, month) <= (hi.year, hi.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(found)
