"""The calendar under `bilat.extract.temporal`'s rules: a publication date split into parts,
the word tables (data/temporal.yaml), and the year a month, a part of a year or a shifted
month or week falls in, counted from the publication date and the tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bilat.extract.figures_data import load_data

__all__ = [
    "Builder",
    "Ctx",
    "Published",
    "Resolved",
    "month_number",
    "month_shifted",
    "number_word",
    "parse_published",
    "part_year",
    "rel_year",
    "table",
    "week_shifted",
    "year_for_month",
    "ymd",
]


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date split into parts; month/day are None when the date is coarser."""

    year: int
    month: int | None
    day: int | None

    def as_date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:  # a stored date no calendar has (an older store): no day to count from
            return None


@dataclass(frozen=True, slots=True)
class Ctx:
    pub: Published | None
    future: bool


Resolved = tuple[str | None, str | None, str | None]  # date, date_end, period
Builder = Callable[["re.Match[str]", Ctx], Resolved | None]


def parse_published(published: str | None) -> Published | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer ISO timestamp is cut to its date)."""
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if m is None:
        return None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) and month else None
    return Published(int(m.group(1)), month, day)


@cache
def _tables() -> dict[str, object]:
    return load_data("temporal.yaml")


def table(name: str) -> dict[str, int]:
    value = _tables()[name]
    assert isinstance(value, dict)
    return {str(k): int(v) for k, v in value.items()}


def month_number(word: str) -> int:
    return table("months")[word.lower().rstrip(".")]


def number_word(word: str) -> int:
    low = word.lower()
    if low.isdigit():
        return int(low)
    return table("cardinals").get(low) or table("ordinals")[low]


def rel_year(word: str | None, ctx: Ctx) -> int | None:
    """Year for an explicit year, a relative phrase ("last year") or an implied current year."""
    if word and re.fullmatch(r"\d{4}", word):
        return int(word)
    if ctx.pub is None:
        return None
    if not word:
        return ctx.pub.year
    key = re.sub(r"\s+", " ", word.lower().removeprefix("the ").strip())
    offsets = {k.removeprefix("the ").strip(): v for k, v in table("relative_years").items()}
    return ctx.pub.year + offsets.get(key, 0)


def year_for_month(month: int, day: int | None, ctx: Ctx) -> int | None:
    """Year of a month (and day) given without a year: latest not after publication when past,
    next on/after publication when future."""
    pub = ctx.pub
    if pub is None:
        return None
    if pub.month is None:
        return pub.year
    here = (pub.month, pub.day or (31 if day else 0))
    there = (month, day or 0)
    if ctx.future:  # a month alone may be the current one: "later in September" in September
        now = (pub.month, pub.day or 0) if day else (pub.month, 0)
        if there < now and day and _days_before(pub, month, day) <= _REPORTED_FUTURE_DAYS:
            return pub.year  # "announced on Friday that they would hold it from August 3"
        return pub.year if there >= now else pub.year + 1
    return pub.year if there <= here else pub.year - 1


# a day this close before publication, told in the future tense, is a plan reported after
# it was made ("would be held from August 3", published August 5), not next year's
_REPORTED_FUTURE_DAYS = 31


def _days_before(pub: Published, month: int, day: int) -> int:
    """Days from (month, day) of the publication year to the publication date (an impossible
    day counts as far)."""
    base = pub.as_date()
    try:
        return (base - dt.date(pub.year, month, day)).days if base else 10_000
    except ValueError:
        return 10_000


def ymd(year: int | None, month: int, day: int | None = None) -> str | None:
    if year is None or not 1 <= month <= 12:  # "2024-20-13" names no month
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if day < 1 or day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def part_year(
    word: str | None, first_month: int, ctx: Ctx, last_month: int | None = None
) -> int | None:
    """Year of a half/quarter/first-months span; an unstated year is the publication year,
    or the year before when the span had not started yet by publication (past tense). For a
    span of months that results are reported for (`last_month` given: 'in January-October',
    'in the first half'), the span must have ended by the publication month: reported in
    March, 'January-October' is last year's."""
    if word:
        return rel_year(word, ctx)
    if ctx.pub is None:
        return None
    end = last_month or first_month
    late = ctx.pub.month is not None and end > ctx.pub.month and not ctx.future
    return ctx.pub.year - 1 if late else ctx.pub.year


def month_shifted(pub: Published | None, shift: int) -> Resolved:
    """'last month', 'next month', 'в следующем месяце': that month of the publication's."""
    if pub is None or pub.month is None:
        return None, None, None
    year, month = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
    date = ymd(year, month + 1)
    return date, None, date


def week_shifted(pub: Published | None, shift: int) -> Resolved:
    """'last week', 'next week': the month that week lies in (GOLD.md: never more precise
    than the text), the year when it spans two months."""
    base = pub.as_date() if pub else None
    if base is None:
        return None, None, None
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", None, None
    return (str(monday.year), None, None) if monday.year == sunday.year else (None, None, None)
