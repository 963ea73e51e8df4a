"""The builders of `bilat.extract.temporal_rules`: each resolves one kind of time expression's
match against the publication date to (date, date_end, period), or None to reject the match.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.extract.temporal_calendar import (
    Ctx,
    Resolved,
    month_number,
    month_shifted,
    number_word,
    part_year,
    rel_year,
    table,
    week_shifted,
    year_for_month,
    ymd,
)

__all__ = [
    "b_comes_after",
    "b_day",
    "b_day_of_month",
    "b_day_range",
    "b_days_of_month",
    "b_first_months",
    "b_first_quarters",
    "b_fiscal_part",
    "b_fiscal_relative",
    "b_fiscal_short",
    "b_h_short",
    "b_half",
    "b_iranian_year",
    "b_iso",
    "b_iso_month",
    "b_month",
    "b_month_kw",
    "b_month_range",
    "b_months_of_split_year",
    "b_months_so_far",
    "b_months_to",
    "b_months_told_for",
    "b_past_span",
    "b_quarter",
    "b_quarter_ended",
    "b_rel_day",
    "b_rel_month",
    "b_rel_week",
    "b_season",
    "b_soon",
    "b_split_year",
    "b_two_days",
    "b_weekday",
    "b_weekday_span",
    "b_year",
    "b_year_range",
    "b_year_to_date",
    "b_years_in_a_row",
]


def b_iso(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'2025-09-02'; '2024-20-13' is a date all the same (not a figure), naming no day."""
    return ymd(int(m["y"]), int(m["m"]), int(m["d"])), None, None


def b_iso_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'2025-01' (a year and month written the ISO way; '2022-23' is a split year)."""
    date = ymd(int(m["y"]), int(m["m"]))
    y1 = int(m["y"])
    if int(m["m"]) == (y1 + 1) % 100:  # '2011-12' reads as a split year as well: leave it
        return None
    return date, None, date


def b_day_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, d1, d2 = month_number(m["mon"]), int(m["d1"]), int(m["d2"])
    year = rel_year(m["y"], ctx) if m["y"] else year_for_month(month, d1, ctx)
    start, end = ymd(year, month, d1), ymd(year, month, d2)
    return (start, end, None) if start and end and d1 < d2 else None


def b_two_days(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'on 27 and 28 July', 'July 27 and 28': two days running are one span (a two-day
    summit); days apart ('on 8 and 18 August') are two dates, none here."""
    return b_day_range(m, ctx) if int(m["d2"]) == int(m["d1"]) + 1 else None


def b_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, day = month_number(m["mon"]), int(m["d"])
    year = rel_year(m["y"], ctx) if m["y"] else year_for_month(month, day, ctx)
    if year is None:
        return (None, None, None) if 1 <= day <= 31 else None
    if not 1 <= day <= 31:
        return None
    return ymd(year, month, day), None, None  # 'February 30, 2025' names no day: no date


def b_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m["mon"])
    year = rel_year(m["y"], ctx) if m["y"] else year_for_month(month, None, ctx)
    date = ymd(year, month)
    return date, None, date


def b_month_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'January-October 2022', 'between May and July', 'from January 1 to May 12, 2024'
    (the period is the months; the dates keep the days the text gives)."""
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    if m2 < m1 and not m["y"] and not m["d1"] and not m["d2"]:
        # "April-January" (India's fiscal year so far): into the next year, ending in the
        # year the last month last came (or comes, for a plan)
        end_year = part_year(None, m2, ctx)
        if end_year is None:
            return None, None, None
        first, last = ymd(end_year - 1, m1), ymd(end_year, m2)
        return first, last, f"{first}..{last}"
    if m2 == m1 and m["d1"] and m["d2"]:  # "from Aug. 1 to Aug. 5": days of one month
        first_day, last_day = int(m["d1"]), int(m["d2"])
        told = int(m["y"]) if m["y"] else year_for_month(m1, first_day, ctx)
        start, end = ymd(told, m1, first_day), ymd(told, m1, last_day)
        ok = first_day < last_day and (told is None or (start and end))
        return (start, end, None) if ok else None
    if m2 <= m1:
        return None
    year = part_year(m["y"], m1, ctx, m2)
    first, last = ymd(year, m1), ymd(year, m2)
    d1, d2 = (int(d) if d else None for d in (m["d1"], m["d2"]))
    start, end = ymd(year, m1, d1), ymd(year, m2, d2)
    if year is not None and (start is None or end is None):
        return None
    return start, end, (f"{first}..{last}" if first and last else None)


def b_months_of_split_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'April-February of 2025-26' -> 2025-04..2026-02; 'April-December of 2025-26' keeps
    both months in the first year."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    first, last = ymd(y1, m1), ymd(y2 if m2 < m1 else y1, m2)
    return first, last, f"{first}..{last}"


def b_year_to_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'since the beginning of the year', 'so far this year', 'year-to-date': January to the
    publication month of the publication year (unresolved without a publication month);
    'since the beginning of 2019' in 2024 spans 2019..2024 like 'since 2019'."""
    pub = ctx.pub
    if m["y"] and pub is not None and int(m["y"]) < pub.year:  # like 'since 2019'
        return m["y"], None, f"{m['y']}..{pub.year}"
    if pub is None or pub.month is None or (m["y"] and int(m["y"]) != pub.year):
        return None, None, None
    start, end = ymd(pub.year, 1), ymd(pub.year, pub.month)
    return start, end, f"{start}..{end}" if pub.month > 1 else f"{start}..{start}"


_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial|FY)\s*(?:year\s*)?$", re.I)


def b_split_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """A fiscal, academic or marketing year written across two years: '2022-23', '2023/24',
    '2023/2024' (GOLD: a year range); a span of years shortened so ('in 2019–23', 'compared
    with 2014-18': SIPRI's five-year periods) is that year range."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if m["y2"] else y1 // 100 * 100 + int(m["yy"])
    if m["yy"] and y1 + 1 < y2 <= y1 + 10 and not m["mon"]:
        return str(y1), str(y2), f"{y1}..{y2}"
    if y2 != y1 + 1:
        return None
    fiscal = _FISCAL_BEFORE.search(m.string, max(0, m.start() - 24), m.start())
    if m["mon"] and not fiscal:
        # "the 2024/25 agricultural year, which ended in June": July 2024 - June 2025; a
        # fiscal year stays a year range, however closed ("fiscal year 2022-23, which ended
        # in March": GOLD v1.1)
        last = month_number(m["mon"])
        start, end = ymd(y1 if last < 12 else y2, last % 12 + 1), ymd(y2, last)
        return start, end, f"{start}..{end}"
    return str(y1), str(y2), f"{y1}..{y2}"


# A fiscal year written across two years ('FY 2022-23', 'fiscal 2026-27') starts in April
# where such years are written so: India, Japan, the United Kingdom, Canada (GOLD v1.1:
# "India's FY 2022-23, first 11 months = 2022-04..2023-02").
_FISCAL_START = 4


def b_fiscal_part(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """Part of a split fiscal year: 'the first 11 months of FY 2022-23', 'the first half of
    fiscal 2026-27', 'Q2 FY2025-26' -> those months from April of the first year."""
    if m["fy"]:
        y2 = 2000 + int(m["fy"])
        y1 = y2 - 1
    elif m["cur"] is not None:
        if ctx.pub is None or ctx.pub.month is None:
            return None
        y1 = ctx.pub.year if ctx.pub.month >= _FISCAL_START else ctx.pub.year - 1
        y2 = y1 + 1
    else:
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None
    if m["n"]:
        first, count = 0, number_word(m["n"])
    elif m["h"] or m["hs"]:
        first, count = 6 * (number_word(m["h"] or m["hs"]) - 1), 6
    else:
        first, count = 3 * (number_word(m["q"] or m["qs"]) - 1), 3
    if not 0 < first + count <= 12:
        return None
    a, b = _FISCAL_START - 1 + first, _FISCAL_START - 2 + first + count  # months from Jan y1
    start, end = ymd(y1 + a // 12, a % 12 + 1), ymd(y1 + b // 12, b % 12 + 1)
    return start, end, f"{start}..{end}"


def b_fiscal_relative(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the last fiscal year' told in December 2025: the one begun in April 2024 (India,
    Japan and the UK begin it then; a US year begun in October spans the same two years)."""
    if ctx.pub is None or ctx.pub.month is None:
        return None
    word = (m["w"] or m["w2"] or "").lower()
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(word, 0)
    y1 = (ctx.pub.year if ctx.pub.month >= _FISCAL_START else ctx.pub.year - 1) + shift
    return str(y1), str(y1 + 1), f"{y1}..{y1 + 1}"


def b_fiscal_short(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'FY24': the fiscal year that ends in (20)24, begun the year before (India, Japan, the
    UK write it so) -> the year range 2023..2024 (GOLD v1.1)."""
    y2 = 2000 + int(m["fy"])
    return str(y2 - 1), str(y2), f"{y2 - 1}..{y2}"


def b_fiscal_ended(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """A fiscal year told by when it ended: 'the fiscal year that ended in March 2025' ->
    2024..2025; 'fiscal 2023, which ended in March' (Japan names it by its first year) ->
    2023..2024; 'the fiscal year that ended in March' -> the last March before the report
    (GOLD v1.1: fiscal years are ranges). A year ending in December is the calendar year."""
    month = month_number(m["mon"])
    if m["ey"]:
        end = int(m["ey"])
    elif m["fy"]:  # named by its first year when it ends in the first half (Japan: April to
        end = int(m["fy"]) + (1 if month <= 6 else 0)  # March), else by its last (US)
    elif ctx.pub is not None:
        end = ctx.pub.year if (ctx.pub.month or 12) > month else ctx.pub.year - 1
    else:
        return None
    if month == 12:
        return str(end), str(end), str(end)
    return f"{end - 1}-{month + 1:02d}", f"{end}-{month:02d}", f"{end - 1}..{end}"


# The Iranian (Solar Hijri) year begins at Nowruz, March 20 or 21, so year N runs from March
# N+621 to March N+622; Iranian customs and ministries report by it ("in the first ten months
# of the current Iranian calendar year", "in the Iranian year that ended in March 2024").
_IRAN_EPOCH, _NOWRUZ = 621, 3


def b_iranian_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
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
    n = number_word(m["n"]) if m["n"] else 12
    if not 0 < n <= 12:
        return None
    last = _NOWRUZ + n - 1  # months after January of the first year, counted from 0
    start, end = ymd(first, _NOWRUZ), ymd(first + last // 12, last % 12 + 1)
    return start, end, f"{start}..{end}"


def b_first_months(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the first nine months of 2023', 'in 11 months of 2023', '9M 2023'."""
    n = number_word(m["n"] or m.groupdict().get("n2") or "0")
    if not 1 < n <= 12:
        return None
    year = part_year(m.groupdict().get("y"), 1, ctx, n)
    start, end = ymd(year, 1), ymd(year, n)
    return start, end, (f"{start}..{end}" if start and end else None)


def b_first_quarters(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the first three quarters (of 2025)': its first nine months."""
    n = number_word(m["n"]) * 3
    year = part_year(m["y"], 1, ctx, n)
    start, end = ymd(year, 1), ymd(year, n)
    return start, end, (f"{start}..{end}" if start and end else None)


def b_months_so_far(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'trade fell 7.2% in ten months' (a report): the first N months of the year; said of
    the future ('will be built in ten months') it is a span from now, no period; 'in the nine
    months' is the part of the year the report is about, whatever else the sentence expects."""
    if ctx.future and not re.search(r"\bthe\s", m.group(0), re.I):
        return None
    return b_first_months(m, ctx)


_DURATION_BEFORE = re.compile(
    r"\b(?:last(?:ed|s)?|lasting|extend\w*|suspend\w*|ban\w*|halt\w*|clos\w*|valid|term|"
    r"loan\w*|stay\w*|wait\w*|delay\w*|postpon\w*|continu\w*|period|only|just|up)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def b_months_to(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in the 12 months to June', 'the year to March 2025', 'the three months through
    September': the n months ending with that month, in the last such month before the
    report unless a year is given; 'the week to Nov 14': the month it ends in (a period is
    a month at its finest)."""
    n = 12 if m["year"] else 1 if m["week"] else number_word(m["n"])
    last = month_number(m["mon"])
    if not 0 < n <= 36:
        return None
    if m["y"]:
        year = int(m["y"])
    else:
        pub = ctx.pub
        if pub is None or pub.month is None:
            return None
        year = pub.year if last <= pub.month else pub.year - 1
    if n == 12 and last == 12:  # "the year ended 31 December 2024": a calendar year
        return str(year), None, str(year)
    first = year * 12 + last - n  # months since year 0, the first month counted from 0
    start, end = ymd(first // 12, first % 12 + 1), ymd(year, last)
    if (
        m["year"]
        and last < 12
        and _FISCAL_BEFORE.search(m.string, max(0, m.start() - 24), m.start() + 4)
    ):
        # "the fiscal year ending March 2025": a fiscal year, a year range (GOLD v1.1)
        return str(year - 1), str(year), f"{year - 1}..{year}"
    return start, end, f"{start}..{end}"


def b_months_told_for(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'trade amounted to 214 million dollars for 9 months' (a report): the first N months
    of the year, unless the months are how long something lasts ('suspended for six
    months')."""
    if _DURATION_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return None
    return b_months_so_far(m, ctx)


def b_half(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    half = int(m["h"]) if m["h"].isdigit() else number_word(m["h"])
    if half not in (1, 2):
        return None
    year = part_year(m["y"], 1 + 6 * (half - 1), ctx, 6 * half)
    return (str(year), None, f"{year}-H{half}") if year else (None, None, None)


def b_quarter(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    q = int(m["q"]) if m["q"].isdigit() else number_word(m["q"])
    if q not in (1, 2, 3, 4):
        return None
    year = part_year(m["y"], 1 + 3 * (q - 1), ctx, 3 * q)
    return (str(year), None, f"{year}-Q{q}") if year else (None, None, None)


def b_quarter_ended(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'the quarter ended Oct. 27', 'its September quarter': the three months ending in that
    month (a company's quarter need not be a calendar one), the year the month last came."""
    month = month_number(m["mon"] or m["mon2"])
    told = m["y"] or m["y2"]
    year = int(told) if told else part_year(None, month, ctx, month)
    if year is None:
        return None, None, None
    first_year, first_month = divmod(year * 12 + month - 1 - 2, 12)
    first, last = ymd(first_year, first_month + 1), ymd(year, month)
    if m["mon2"] and month % 3 == 0:  # "the September quarter": the third
        return first, last, f"{year}-Q{month // 3}"
    return first, last, f"{first}..{last}"


def b_year_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1:
        return None
    return str(y1), str(y2), f"{y1}..{y2}"


def b_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    year = rel_year(m["y"], ctx)
    return (str(year), None, str(year)) if year else (None, None, None)


_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "the": 0, "next": 1}


def b_rel_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return month_shifted(ctx.pub, _SHIFT[m["w"].lower()])


def b_rel_week(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return week_shifted(ctx.pub, _SHIFT[m["w"].lower()])


def b_comes_after(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'The move comes two weeks after Erdogan and Putin discussed …': what follows happened
    that long before publication; dated by its day for days, else by its month."""
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    return _before(base, _count(m["n"]), m["u"].lower().rstrip("s")), None, None


def _count(word: str) -> int:
    """'two', '12', 'a' -> 2, 12, 1."""
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else number_word(word)


def _before(base: dt.date, n: int, unit: str) -> str:
    """`n` units before `base`: a year by its year, a month or weeks by their month, days by
    their day."""
    if unit == "year":
        return f"{base.year - n:04d}"
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 - n, 12)
        return f"{year:04d}-{month + 1:02d}"
    day = base - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return day.isoformat() if unit == "day" else day.isoformat()[:7]


def b_ago(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'who last met in Woodside a year ago', 'two months ago': that long before the report;
    a year by its year, a month or weeks by their month, days by their day."""
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    return _before(base, _count(m["n"]), m["u"].lower().rstrip("s")), None, None


def b_rel_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    base = ctx.pub.as_date() if ctx.pub else None
    if base is None:
        return None, None, None
    word = " ".join(m["w"].lower().split()) or "today"
    day = base + dt.timedelta(days=table("relative_days")[word])
    return day.isoformat(), None, None


def b_days_of_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'from 18th to 20th': those days of the month `b_day_of_month` places the first in."""
    start, _end, _period = b_day_of_month(m, ctx) or (None, None, None)
    if start is None or int(m["d2"]) < int(m["d"]):
        return start, None, None
    return start, f"{start[:8]}{int(m['d2']):02d}", None


def b_day_of_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
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
    return ymd(year, month, day), None, None


def b_soon(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in the coming weeks': the publication year (days or weeks can cross a month, so no
    more precise than the year; never more precise than the text)."""
    if ctx.pub is None:
        return None, None, None
    return str(ctx.pub.year), None, None


def b_weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
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


def b_weekday_span(m: re.Match[str], ctx: Ctx) -> Resolved | None:
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


def b_season(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m["y"]:
        return m["y"], None, None
    rel = (m["w"] or "").lower()
    if rel in ("last", "next", "this") and ctx.pub:
        shift = {"last": -1, "this": 0, "next": 1}[rel]
        return str(ctx.pub.year + shift), None, None
    first = table("seasons")[m["s"].lower()]
    year = part_year(None, first, ctx) if not ctx.future else _future_season(first, ctx)
    return (str(year) if year else None), None, None


def _future_season(first_month: int, ctx: Ctx) -> int | None:
    pub = ctx.pub
    if pub is None:
        return None
    if pub.month is None:
        return pub.year
    return pub.year if first_month > pub.month else pub.year + 1


def b_past_span(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if ctx.pub is None:
        return None, None, None
    unit = m["unit"].lower().rstrip("s")
    count = number_word(m["n"]) if m["n"] else 1
    years = count * table("spans").get(unit, 1)
    if years > 30:
        return None
    return None, None, f"{ctx.pub.year - years}..{ctx.pub.year}"


def b_years_in_a_row(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'for two years in a row', 'for three consecutive years': the last N whole years
    before publication ('has exceeded $200 billion for two years in a row', January 2025 ->
    2023..2024)."""
    if ctx.pub is None:
        return None, None, None
    n = number_word(m["n"]) if not m["n"].isdigit() else int(m["n"])
    if not 1 < n <= 30:
        return None
    last = ctx.pub.year - 1
    return None, None, f"{last - n + 1}..{last}"


def b_h_short(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    half, year = int(m["h"] or m["h2"]), m["y"] or m["y2"]
    return year, None, f"{year}-H{half}"


def b_month_kw(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """'in May', 'since March', 'last June', 'early April' (a month without day or year)."""
    word = m.group(0).split()[0].lower()
    month = month_number(m["mon"])
    if word in ("last", "next", "this"):
        ctx = Ctx(ctx.pub, word == "next")
    year = year_for_month(month, None, ctx)
    if word == "last" and ctx.pub is not None:
        # "Last April, we organized a visit" in July: April of the year before (the gold
        # of real reports reads it so; an April of this year is "in April" or "this April")
        year = ctx.pub.year - 1
    date = ymd(year, month)
    return date, None, date
