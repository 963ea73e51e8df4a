"""The rules behind `bilat.extract.temporal`: one regular expression per kind of time
expression and the builder that resolves its match against the publication date.

`patterns()` returns (compiled pattern, builder) pairs; a builder returns (date, date_end,
period) or None to reject the match. Word tables come from data/temporal.yaml.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bilat.extract.figures_data import load_data
from bilat.extract.wordre import alternation

__all__ = [
    "Builder",
    "Ctx",
    "Published",
    "Resolved",
    "month_shifted",
    "parse_published",
    "patterns",
    "table",
    "week_shifted",
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


# ---------------------------------------------------------------------------- tables


@cache
def _tables() -> dict[str, object]:
    return load_data("temporal.yaml")


def table(name: str) -> dict[str, int]:
    value = _tables()[name]
    assert isinstance(value, dict)
    return {str(k): int(v) for k, v in value.items()}


def _alt(words: list[str], *, capitalize: bool) -> str:
    return alternation(w.capitalize() if capitalize else w for w in words)


def _month(word: str) -> int:
    return table("months")[word.lower().rstrip(".")]


def _number_word(word: str) -> int:
    low = word.lower()
    if low.isdigit():
        return int(low)
    return table("cardinals").get(low) or table("ordinals")[low]


# ---------------------------------------------------------------------------- resolution


def _rel_year(word: str | None, ctx: Ctx) -> int | None:
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


def _year_for_month(month: int, day: int | None, ctx: Ctx) -> int | None:
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


def _ymd(year: int | None, month: int, day: int | None = None) -> str | None:
    if year is None or not 1 <= month <= 12:  # "2024-20-13" names no month
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if day < 1 or day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _part_year(
    word: str | None, first_month: int, ctx: Ctx, last_month: int | None = None
) -> int | None:
    """Year of a half/quarter/first-months span; an unstated year is the publication year,
    or the year before when the span had not started yet by publication (past tense). For a
    span of months that results are reported for (`last_month` given: 'in January-October',
    'in the first half'), the span must have ended by the publication month: reported in
    March, 'January-October' is last year's."""
    if word:
        return _rel_year(word, ctx)
    if ctx.pub is None:
        return None
    end = last_month or first_month
    late = ctx.pub.month is not None and end > ctx.pub.month and not ctx.future
    return ctx.pub.year - 1 if late else ctx.pub.year


# ---------------------------------------------------------------------------- builders


def _b_iso(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'2025-09-02'; '2024-20-13' is a date all the same (not a figure), naming no day."""
    return _ymd(int(m["y"]), int(m["m"]), int(m["d"])), None, None


def _b_iso_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'2025-01' (a year and month written the ISO way; '2022-23' is a split year)."""
    date = _ymd(int(m["y"]), int(m["m"]))
    y1 = int(m["y"])
    if int(m["m"]) == (y1 + 1) % 100:  # '2011-12' reads as a split year as well: leave it
        return None
    return date, None, date


def _b_day_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, d1, d2 = _month(m["mon"]), int(m["d1"]), int(m["d2"])
    year = int(m["y"]) if m["y"] else _year_for_month(month, d1, ctx)
    start, end = _ymd(year, month, d1), _ymd(year, month, d2)
    return (start, end, None) if start and end and d1 < d2 else None


def _b_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, day = _month(m["mon"]), int(m["d"])
    year = int(m["y"]) if m["y"] else _year_for_month(month, day, ctx)
    if year is None:
        return (None, None, None) if 1 <= day <= 31 else None
    if not 1 <= day <= 31:
        return None
    return _ymd(year, month, day), None, None  # 'February 30, 2025' names no day: no date


def _b_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = _month(m["mon"])
    year = _rel_year(m["y"], ctx) if m["y"] else _year_for_month(month, None, ctx)
    date = _ymd(year, month)
    return date, None, date


def _b_month_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'January-October 2022', 'between May and July', 'from January 1 to May 12, 2024'
    (the period is the months; the dates keep the days the text gives)."""
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    if m2 < m1 and not m["y"] and not m["d1"] and not m["d2"]:
        # "April-January" (India's fiscal year so far): into the next year, ending in the
        # year the last month last came (or comes, for a plan)
        end_year = _part_year(None, m2, ctx)
        if end_year is None:
            return None, None, None
        first, last = _ymd(end_year - 1, m1), _ymd(end_year, m2)
        return first, last, f"{first}..{last}"
    if m2 <= m1:
        return None
    year = _part_year(m["y"], m1, ctx, m2)
    first, last = _ymd(year, m1), _ymd(year, m2)
    d1, d2 = (int(d) if d else None for d in (m["d1"], m["d2"]))
    start, end = _ymd(year, m1, d1), _ymd(year, m2, d2)
    if year is not None and (start is None or end is None):
        return None
    return start, end, (f"{first}..{last}" if first and last else None)


def _b_months_of_split_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'April-February of 2025-26' -> 2025-04..2026-02; 'April-December of 2025-26' keeps
    both months in the first year."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    first, last = _ymd(y1, m1), _ymd(y2 if m2 < m1 else y1, m2)
    return first, last, f"{first}..{last}"


def _b_year_to_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'since the beginning of the year', 'so far this year', 'year-to-date': January to the
    publication month of the publication year (unresolved without a publication month);
    'since the beginning of 2019' in 2024 spans 2019..2024 like 'since 2019'."""
    pub = ctx.pub
    if m["y"] and pub is not None and int(m["y"]) < pub.year:  # like 'since 2019'
        return m["y"], None, f"{m['y']}..{pub.year}"
    if pub is None or pub.month is None or (m["y"] and int(m["y"]) != pub.year):
        return None, None, None
    start, end = _ymd(pub.year, 1), _ymd(pub.year, pub.month)
    return start, end, f"{start}..{end}" if pub.month > 1 else f"{start}..{start}"


def _b_split_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """A fiscal, academic or marketing year written across two years: '2022-23', '2023/24',
    '2023/2024' (GOLD: a year range)."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if m["y2"] else y1 // 100 * 100 + int(m["yy"])
    if y2 != y1 + 1:
        return None
    if m["mon"]:  # "the 2024/25 agricultural year, which ended in June": July 2024 - June 2025
        last = _month(m["mon"])
        start, end = _ymd(y1 if last < 12 else y2, last % 12 + 1), _ymd(y2, last)
        return start, end, f"{start}..{end}"
    return str(y1), str(y2), f"{y1}..{y2}"


# A fiscal year written across two years ('FY 2022-23', 'fiscal 2026-27') starts in April
# where such years are written so: India, Japan, the United Kingdom, Canada (GOLD v1.1:
# "India's FY 2022-23, first 11 months = 2022-04..2023-02").
_FISCAL_START = 4


def _b_fiscal_part(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """Part of a split fiscal year: 'the first 11 months of FY 2022-23', 'the first half of
    fiscal 2026-27', 'Q2 FY2025-26' -> those months from April of the first year."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None
    if m["n"]:
        first, count = 0, _number_word(m["n"])
    elif m["h"] or m["hs"]:
        first, count = 6 * (_number_word(m["h"] or m["hs"]) - 1), 6
    else:
        first, count = 3 * (_number_word(m["q"] or m["qs"]) - 1), 3
    if not 0 < first + count <= 12:
        return None
    a, b = _FISCAL_START - 1 + first, _FISCAL_START - 2 + first + count  # months from Jan y1
    start, end = _ymd(y1 + a // 12, a % 12 + 1), _ymd(y1 + b // 12, b % 12 + 1)
    return start, end, f"{start}..{end}"


# The Iranian (Solar Hijri) year begins at Nowruz, March 20 or 21, so year N runs from March
# N+621 to March N+622; Iranian customs and ministries report by it ("in the first ten months
# of the current Iranian calendar year", "in the Iranian year that ended in March 2024").
_IRAN_EPOCH, _NOWRUZ = 621, 3


def _b_iranian_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """An Iranian year or its first months: each Iranian month ends about the 20th of the
    next Gregorian month, so the first n months end in month March + n (GOLD: ten months of
    the year begun March 2025 = 2025-03..2026-01; the whole year 2023-03..2024-03)."""
    if m["iy"]:
        first = int(m["iy"]) + _IRAN_EPOCH
    elif m["ey"]:
        first = int(m["ey"]) - 1
    else:
        pub = ctx.pub
        if pub is None or pub.month is None:
            return None, None, None
        begun = pub.month > _NOWRUZ or (pub.month == _NOWRUZ and (pub.day or 0) >= 21)
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
        first = pub.year - (0 if begun else 1) + shift.get((m["w"] or "").lower(), 0)
        if (m["ended"] or "").lower() in ("ended", "closed") and not m["w"]:
            first -= 1  # "in the Iranian year that ended on March 20": the one before this
    n = _number_word(m["n"]) if m["n"] else 12
    if not 0 < n <= 12:
        return None
    last = _NOWRUZ + n - 1  # months after January of the first year, counted from 0
    start, end = _ymd(first, _NOWRUZ), _ymd(first + last // 12, last % 12 + 1)
    return start, end, f"{start}..{end}"


def _b_first_months(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the first nine months of 2023', 'in 11 months of 2023', '9M 2023'."""
    n = _number_word(m["n"] or m.groupdict().get("n2") or "0")
    if not 1 < n <= 12:
        return None
    year = _part_year(m.groupdict().get("y"), 1, ctx, n)
    start, end = _ymd(year, 1), _ymd(year, n)
    return start, end, (f"{start}..{end}" if start and end else None)


def _b_first_quarters(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the first three quarters (of 2025)': its first nine months."""
    n = _number_word(m["n"]) * 3
    year = _part_year(m["y"], 1, ctx, n)
    start, end = _ymd(year, 1), _ymd(year, n)
    return start, end, (f"{start}..{end}" if start and end else None)


def _b_months_so_far(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'trade fell 7.2% in ten months' (a report): the first N months of the year; said of
    the future ('will be built in ten months') it is a span from now, no period; 'in the nine
    months' is the part of the year the report is about, whatever else the sentence expects."""
    if ctx.future and not re.search(r"\bthe\s", m.group(0), re.I):
        return None
    return _b_first_months(m, ctx)


_DURATION_BEFORE = re.compile(
    r"\b(?:last(?:ed|s)?|lasting|extend\w*|suspend\w*|ban\w*|halt\w*|clos\w*|valid|term|"
    r"loan\w*|stay\w*|wait\w*|delay\w*|postpon\w*|continu\w*|period|only|just|up)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _b_months_to(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in the 12 months to June', 'the year to March 2025', 'the three months through
    September': the n months ending with that month, in the last such month before the
    report unless a year is given."""
    n = 12 if m["year"] else _number_word(m["n"])
    last = _month(m["mon"])
    if not 0 < n <= 36:
        return None
    if m["y"]:
        year = int(m["y"])
    else:
        pub = ctx.pub
        if pub is None or pub.month is None:
            return None
        year = pub.year if last <= pub.month else pub.year - 1
    first = year * 12 + last - n  # months since year 0, the first month counted from 0
    start, end = _ymd(first // 12, first % 12 + 1), _ymd(year, last)
    return start, end, f"{start}..{end}"


def _b_months_told_for(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'trade amounted to 214 million dollars for 9 months' (a report): the first N months
    of the year, unless the months are how long something lasts ('suspended for six
    months')."""
    if _DURATION_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return None
    return _b_months_so_far(m, ctx)


def _b_half(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    half = int(m["h"]) if m["h"].isdigit() else _number_word(m["h"])
    if half not in (1, 2):
        return None
    year = _part_year(m["y"], 1 + 6 * (half - 1), ctx, 6 * half)
    return (str(year), None, f"{year}-H{half}") if year else (None, None, None)


def _b_quarter(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    q = int(m["q"]) if m["q"].isdigit() else _number_word(m["q"])
    if q not in (1, 2, 3, 4):
        return None
    year = _part_year(m["y"], 1 + 3 * (q - 1), ctx, 3 * q)
    return (str(year), None, f"{year}-Q{q}") if year else (None, None, None)


def _b_year_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1:
        return None
    return str(y1), str(y2), f"{y1}..{y2}"


def _b_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    year = _rel_year(m["y"], ctx)
    return (str(year), None, str(year)) if year else (None, None, None)


_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}


def _b_rel_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return month_shifted(ctx.pub, _SHIFT[m["w"].lower()])


def _b_rel_week(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return week_shifted(ctx.pub, _SHIFT[m["w"].lower()])


def month_shifted(pub: Published | None, shift: int) -> Resolved:
    """'last month', 'next month', 'в следующем месяце': that month of the publication's."""
    if pub is None or pub.month is None:
        return None, None, None
    year, month = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
    date = _ymd(year, month + 1)
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


def _b_comes_after(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'The move comes two weeks after Erdogan and Putin discussed …': what follows happened
    that long before publication; dated by its day for days, else by its month."""
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    n = _number_word(m["n"]) if not m["n"].isdigit() else int(m["n"])
    unit = m["u"].lower().rstrip("s")
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 - n, 12)
        return f"{year:04d}-{month + 1:02d}", None, None
    day = base - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return (day.isoformat() if unit == "day" else day.isoformat()[:7]), None, None


def _b_rel_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    word = " ".join(m["w"].lower().split()) or "today"
    day = base + dt.timedelta(days=table("relative_days")[word])
    return day.isoformat(), None, None


def _b_days_of_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'from 18th to 20th': those days of the month `_b_day_of_month` places the first in."""
    start, _end, _period = _b_day_of_month(m, ctx) or (None, None, None)
    if start is None or int(m["d2"]) < int(m["d"]):
        return start, None, None
    return start, f"{start[:8]}{int(m['d2']):02d}", None


def _b_day_of_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'On the 15th' (Chinese state media in translation): that day of the publication
    month, or of the month before when told as past and the day is still ahead (of the
    month after when ahead and already past)."""
    pub = ctx.pub
    if pub is None or pub.month is None:
        return None, None, None
    day, year, month = int(m["d"]), pub.year, pub.month
    if pub.day is not None and not ctx.future and day > pub.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif pub.day is not None and ctx.future and day < pub.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return _ymd(year, month, day), None, None


def _b_soon(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in the coming weeks': the publication year (days or weeks can cross a month, so no
    more precise than the year; never more precise than the text)."""
    if ctx.pub is None:
        return None, None, None
    return str(ctx.pub.year), None, None


def _b_weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    target = table("weekdays")[m["wd"].lower()]
    future = ctx.future if not m["w"] else m["w"].lower() == "next"
    ahead = (target - base.weekday()) % 7 or (7 if m["w"] else 0)  # 'on Friday' on a Friday
    last = (m["w"] or "").lower() == "last"
    back = (base.weekday() - target) % 7 or (7 if last else 0)  # 'last Friday' on a Friday
    delta = ahead if future else -back
    return (base + dt.timedelta(days=delta)).isoformat(), None, None


def _b_weekday_span(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'from Sunday to Tuesday': days in a row from the first (the last one on or before the
    report's day, or the next one after it for a plan)."""
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    first = table("weekdays")[m["wd1"].lower()]
    last = table("weekdays")[m["wd2"].lower()]
    if ctx.future:
        start = base + dt.timedelta(days=(first - base.weekday()) % 7 or 7)
    else:
        start = base - dt.timedelta(days=(base.weekday() - first) % 7)
    end = start + dt.timedelta(days=(last - first) % 7)
    return start.isoformat(), end.isoformat(), None


def _b_season(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m["y"]:
        return m["y"], None, None
    rel = (m["w"] or "").lower()
    if rel in ("last", "next", "this") and ctx.pub:
        shift = {"last": -1, "this": 0, "next": 1}[rel]
        return str(ctx.pub.year + shift), None, None
    first = table("seasons")[m["s"].lower()]
    year = _part_year(None, first, ctx) if not ctx.future else _future_season(first, ctx)
    return (str(year) if year else None), None, None


def _future_season(first_month: int, ctx: Ctx) -> int | None:
    pub = ctx.pub
    if pub is None:
        return None
    if pub.month is None:
        return pub.year
    return pub.year if first_month > pub.month else pub.year + 1


def _b_past_span(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if ctx.pub is None:
        return None, None, None
    unit = m["unit"].lower().rstrip("s")
    count = _number_word(m["n"]) if m["n"] else 1
    years = count * table("spans").get(unit, 1)
    if years > 30:
        return None
    return None, None, f"{ctx.pub.year - years}..{ctx.pub.year}"


def _b_years_in_a_row(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'for two years in a row', 'for three consecutive years': the last N whole years
    before publication ('has exceeded $200 billion for two years in a row', January 2025 ->
    2023..2024)."""
    if ctx.pub is None:
        return None, None, None
    n = _number_word(m["n"]) if not m["n"].isdigit() else int(m["n"])
    if not 1 < n <= 30:
        return None
    last = ctx.pub.year - 1
    return None, None, f"{last - n + 1}..{last}"


# ---------------------------------------------------------------------------- patterns


@cache
def patterns() -> tuple[tuple[re.Pattern[str], Builder], ...]:
    # "14 NOV 2025" in a release's header as well ("MAY" is left out: a verb in capitals)
    mon = alternation(
        [m.capitalize() for m in table("months")]
        + [m.upper() for m in table("months") if m != "may"]
    )
    wd = _alt(list(table("weekdays")), capitalize=True)
    num = _alt([*table("cardinals"), *table("ordinals")], capitalize=False)
    season = _alt(list(table("seasons")), capitalize=False)
    y = r"(?:19|20)\d{2}"
    ry = (
        r"(?:(?:the\s+)?(?:last|past|previous|this|current|next|coming)\s+year"
        r"|the\s+(?:(?:full|whole|entire)\s+)?year(?!\s+(?:of\s+)?(?:19|20)\d\d)"
        r"|full-year(?!\s+(?:19|20)\d\d)"
        r"|(?<=by\s)year[-\s]end\b)"  # "expects it to reach 210,000 TEU by year-end"
    )
    dash = r"\s*(?:[-–—]|to|through|until)\s*"
    sfx = r"(?:st|nd|rd|th)?"
    specs: list[tuple[str, Builder, int]] = [
        (rf"\b(?P<y>{y})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b", _b_iso, 0),
        # "On 11.11.2025" (Russian and European releases, their machine translations)
        (rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{2}})\.(?P<y>{y})(?![\d.]\d)", _b_iso, 0),
        (rf"\b(?P<y>{y})-(?P<m>0[1-9]|1[0-2])\b(?![-–]\d)", _b_iso_month, 0),
        (  # "from 24 November to 4 December 2025"
            rf"\b(?:from\s+|between\s+)?(?P<d1>\d{{1,2}}){sfx}\s+(?P<m1>{mon})"
            rf"(?:{dash}|\s+and\s+)(?P<d2>\d{{1,2}}){sfx}\s+(?P<m2>{mon})\b(?:,?\s+(?P<y>{y})\b)?",
            _b_month_range,
            0,
        ),
        (
            rf"\b(?P<mon>{mon})\.?\s+(?P<d1>\d{{1,2}}){sfx}{dash}(?P<d2>\d{{1,2}}){sfx}"
            rf"(?:,?\s+(?P<y>{y}))?\b",
            _b_day_range,
            0,
        ),
        (
            rf"\b(?P<d1>\d{{1,2}}){sfx}{dash}(?P<d2>\d{{1,2}}){sfx}\s+(?P<mon>{mon})\b"
            rf"(?:,?\s+(?P<y>{y})\b)?",
            _b_day_range,
            0,
        ),
        (
            rf"\b(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}}){sfx}\b(?!\s*(?:[-–—.:]\s*\d|%))"
            rf"(?:,?\s+(?P<y>{y})\b)?",
            _b_day,
            0,
        ),
        (
            rf"\b(?P<d>\d{{1,2}}){sfx}\s+(?:of\s+)?(?P<mon>{mon})\b(?:\.?,?\s+(?P<y>{y})\b)?",
            _b_day,
            0,
        ),
        (
            # "April-February of 2025-26": the months of a year written across two
            rf"\b(?P<m1>{mon})\.?(?:{dash})(?P<m2>{mon})\b\.?,?\s+(?:of\s+)?"
            rf"(?:(?:FY|fiscal(?:\s+year)?)\s*)?(?P<y1>{y})\s*[-–/]\s*(?P<y2>\d{{2}}|{y})\b",
            _b_months_of_split_year,
            0,
        ),
        (
            # "the January-September period of this year" too
            rf"\b(?:from\s+|between\s+)?(?P<m1>{mon})\.?(?:\s+(?P<d1>\d{{1,2}}){sfx})?"
            rf"(?:{dash}|\s+and\s+)(?P<m2>{mon})\b\.?(?:\s+(?P<d2>\d{{1,2}}){sfx}\b)?"
            rf"(?:\.?,?\s+(?:period\s+)?(?:of\s+)?(?P<y>{y}|{ry}))?",
            _b_month_range,
            0,
        ),
        (
            rf"\b(?:(?:the\s+)?(?:first\s+(?P<n>{num}|\d{{1,2}})\s+months"
            rf"|(?P<h>first|second)\s+half|(?P<q>first|second|third|fourth)\s+quarter)"
            rf"(?:\s+of)?(?:\s+the)?\s+|H(?P<hs>[12])\s*|Q(?P<qs>[1-4])\s*)"
            rf"(?:fiscal(?:\s+year)?|FY)\s*(?P<y1>{y})\s*[-–/]\s*(?P<y2>\d{{2}}|{y})\b",
            _b_fiscal_part,
            re.I,
        ),
        (
            rf"\b(?:(?:the\s+)?first\s+(?P<n>{num}|\d{{1,2}})\s+months\s+of\s+)?(?:the\s+)?"
            r"(?:(?P<w>current|this|last|previous|past|next|coming)\s+)?Iranian\s+"
            r"(?:calendar\s+|fiscal\s+|solar\s+)?year(?:\s+(?P<iy>1[34]\d\d)\b)?"
            rf"(?:,?\s+(?:which|that)\s+(?P<ended>ended|ends|closed)\s+(?:in\s+|on\s+)?"
            rf"(?:(?:March\s+(?:\d{{1,2}},?\s+)?)?(?P<ey>{y})\b|March(?:\s+\d{{1,2}})?\b))?",
            _b_iranian_year,
            re.I,
        ),
        (
            rf"\b(?:the\s+)?first\s+(?P<n>{num}|\d{{1,2}})\s+months(?:\s+of\s+(?P<y>{y}|{ry}))?",
            _b_first_months,
            re.I,
        ),
        (
            rf"\b(?:the\s+)?first\s+(?P<n>two|three)\s+quarters(?:\s+of\s+(?P<y>{y}|{ry}))?",
            _b_first_quarters,
            re.I,
        ),
        (
            # "in the 12 months to June", "the year to March 2025": a rolling span, Commonwealth
            # and financial press
            rf"\b(?:the\s+)?(?:(?P<n>{num}|\d{{1,2}})\s+months|(?P<year>year))\s+(?:to|through|"
            rf"ending(?:\s+in)?|ended)\s+(?:end[-\s])?(?P<mon>{mon})\b(?:\s+(?P<y>{y}))?",
            _b_months_to,
            re.I,
        ),
        (
            rf"\b(?:in|during|over)\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\b(?!\s+(?:of|ago|later|"
            rf"before|after|from|to|time)\b)",
            _b_months_so_far,
            re.I,
        ),
        (
            # "amounted to 214 million dollars for 9 months" (machine translation of "за 9
            # месяцев"); not a duration ("suspended for six months")
            rf"\bfor\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\b(?!\s+(?:of|ago|later|"
            rf"before|after|from|to|time|in\s+a\s+row)\b)",
            _b_months_told_for,
            re.I,
        ),
        (
            # "results of nine months of 2024" (machine translation of "по итогам девяти
            # месяцев 2024 года")
            rf"\b(?:(?:in|for|over|during|of|after)\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\s+of"
            rf"|(?P<n2>\d{{1,2}})M)\s*(?P<y>{y}|{ry})\b",
            _b_first_months,
            re.I,
        ),
        (
            rf"\b(?:(?:since|from)\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year"
            rf"|(?P<y>{y}))|so\s+far\s+this\s+year|year[-\s]to[-\s]date)\b",
            _b_year_to_date,
            re.I,
        ),
        (
            rf"\b(?P<y1>{y})\s*(?:[-–/]\s*(?P<yy>\d{{2}})|/(?P<y2>{y}))\b(?![-–/.,]?\d)"
            rf"(?:(?:\s+[a-z]+){{0,2}},?\s+(?:which|that)\s+(?:ended|ends|closed)\s+(?:in\s+)?"
            rf"(?P<mon>{mon})\b)?",
            _b_split_year,
            0,
        ),
        (
            # not "the second half of July": that month
            rf"\b(?:the\s+)?(?P<h>first|second)\s+half(?!\s+of\s+(?:{mon})\b)(?:\s+of)?"
            rf"(?:\s+(?P<y>{y}|{ry}))?",
            _b_half,
            re.I,
        ),
        (rf"\b(?:H(?P<h>[12])\s*(?P<y>{y})|(?P<y2>{y})\s*H(?P<h2>[12]))\b", _b_h_short, 0),
        (
            rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter(?:\s+of)?"
            rf"(?:\s+(?P<y>{y}|{ry}))?",
            _b_quarter,
            re.I,
        ),
        (rf"\bQ(?P<q>[1-4])(?:\s*(?P<y>{y}))?\b", _b_quarter, 0),
        (rf"\b(?P<mon>{mon})\b\.?,?\s+(?:of\s+)?(?P<y>{y}|{ry})\b", _b_month, 0),
        (
            rf"\b(?i:in|since|by|until|of|for|during|from|last|this|next|early|late|mid-)\s+"
            rf"(?:(?:early|late|mid-?)\s*)?(?P<mon>{mon})\b(?!\s*\d)",
            _b_month_kw,
            0,
        ),
        (
            rf"\b(?:from\s+|between\s+)?(?P<y1>{y})(?:{dash}|\s+and\s+)(?P<y2>{y})\b",
            _b_year_range,
            0,
        ),
        (rf"\b(?P<y>{ry})\b(?!\s+(?:earlier|ago|before|later))", _b_year, re.I),
        (r"\b(?P<w>last|past|previous|this|next)\s+month\b", _b_rel_month, re.I),
        (r"\b(?P<w>last|past|previous|this|next)\s+week\b", _b_rel_week, re.I),
        (
            rf"\b(?:comes?|came)\s+(?:just\s+|only\s+)?(?P<n>{num}|\d{{1,2}})\s+"
            rf"(?P<u>days?|weeks?|months?)\s+after\b",
            _b_comes_after,
            re.I,
        ),
        (
            r"\b(?P<w>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tomorrow)\b",
            _b_rel_day,
            re.I,
        ),
        # "after the meeting of the commission held the day before": the day before the report
        # (a sentence's opening "The day before" is the day before the event told last:
        # bilat.extract.events)
        (
            r"\b(?:held|which\s+(?:took\s+place|was\s+held)|that\s+(?:took\s+place|was\s+held))"
            r"\s+(?P<w>the\s+day\s+before)\b(?!\s+(?:yesterday|the|a|an|his|her|their)\b)",
            _b_rel_day,
            re.I,
        ),
        # "held talks earlier in the day", "will meet later in the day": the day reported
        (r"\b(?:earlier|later)\s+(?:in\s+)?(?P<w>)(?:the|that)\s+day\b", _b_rel_day, re.I),
        # "this afternoon I had detailed talks with ...": the day reported
        (r"\bthis\s+(?P<w>)(?:morning|afternoon|evening)\b", _b_rel_day, re.I),
        (
            # "from 18th to 20th" (Chinese "18日至20日" translated): that span of the month
            r"\bfrom\s+(?:the\s+)?(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\s+(?:to|until|through)\s+"
            r"(?:the\s+)?(?P<d2>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of|anniversary|century)\b)",
            _b_days_of_month,
            re.I,
        ),
        (
            # "On the 15th", and in machine translation "On 10th", "On afternoon of 19th"
            r"\b(?:on|from)\s+(?:the\s+)?(?:(?:morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?"
            r"(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:of|anniversary|century|meeting|session|round|edition|time|plenary|day|place)\b)",
            _b_day_of_month,
            re.I,
        ),
        (
            r"\b(?:in|within|over) the (?:coming|next|following) (?:few )?(?:days|weeks)\b",
            _b_soon,
            re.I,
        ),
        # "Last Thursday, the minister held ...": a sentence's first word too
        # "an official visit that runs from Sunday to Tuesday"
        (
            rf"\b(?i:from)\s+(?P<wd1>{wd})\s+(?i:to|until|through|till)\s+(?P<wd2>{wd})\b",
            _b_weekday_span,
            0,
        ),
        (rf"\b(?:(?P<w>(?i:last|next|this))\s+|(?i:on)\s+)?(?P<wd>{wd})\b", _b_weekday, 0),
        (
            rf"\b(?:(?:the|in)\s+|(?P<w>last|next|this)\s+)(?P<s>{season})\b"
            rf"(?:\s+(?:of\s+)?(?P<y>{y})\b)?",
            _b_season,
            re.I,
        ),
        (
            rf"\bfor\s+(?:the\s+)?(?:(?:past|last)\s+)?(?P<n>{num}|\d{{1,2}})\s+"
            rf"(?:(?:consecutive|straight|successive)\s+years|years\s+(?:in\s+a\s+row|running))\b",
            _b_years_in_a_row,
            re.I,
        ),
        (
            rf"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:(?P<n>{num}|\d{{1,2}})\s+)?"
            rf"(?P<unit>years|decades?)\b",
            _b_past_span,
            re.I,
        ),
        (
            rf"(?<![\d$€£¥.,#/-])\b(?P<y>{y})\b(?![-–]\d|\s*%|[.,]\d|\s*(?:bn|billion|million))",
            _b_year,
            0,
        ),
    ]
    return tuple((re.compile(p, flags), b) for p, b, flags in specs)


def _b_h_short(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    half, year = int(m["h"] or m["h2"]), m["y"] or m["y2"]
    return year, None, f"{year}-H{half}"


def _b_month_kw(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in May', 'since March', 'last June', 'early April' (a month without day or year)."""
    word = m.group(0).split()[0].lower()
    month = _month(m["mon"])
    if word in ("last", "next", "this"):
        ctx = Ctx(ctx.pub, word == "next")
    year = _year_for_month(month, None, ctx)
    if word == "last" and ctx.pub is not None:
        # "Last April, we organized a visit" in July: April of the year before (the gold
        # of real reports reads it so; an April of this year is "in April" or "this April")
        year = ctx.pub.year - 1
    date = _ymd(year, month)
    return date, None, date
