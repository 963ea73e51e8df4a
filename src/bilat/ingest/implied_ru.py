"""The publication date a Russian wire report implies by its dateline.

needs : the clean text; today's date
adds  : `ImpliedDate` for "МОСКВА, 2 декабря. /ТАСС/." (a year-less dateline, TASS/RIA/Interfax
        style) dated in the latest year the text states ("за девять месяцев 2022 года"), when
        that day is not in the future; None otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from bilat.extract.temporal_ru import month_abbreviation_pattern, month_number, month_pattern
from bilat.ingest.dates import DATELINE_WINDOW

if TYPE_CHECKING:
    from bilat.ingest.implied_date import ImpliedDate

__all__ = ["russian_dateline", "russian_latest_month", "russian_planned"]

_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*(?:год|г\.)")


def _dateline() -> re.Pattern[str]:
    months = f"{month_pattern()}|{month_abbreviation_pattern()}"
    return re.compile(
        rf"^\s*(?:(?:[А-ЯЁ][А-ЯЁ -]{{2,30}}[,.]|[А-ЯЁ][а-яё-]{{2,}}(?:[ -][А-ЯЁ][а-яё-]+)?[.,])\s+"
        # ... or a line of its own over a post: "14 ноября", "14 ноября, 10:32"
        rf"|(?=\d{{1,2}}\s+(?:{months})(?:[ \t]*,?[ \t]*\d{{1,2}}:\d{{2}})?[ \t]*$))"
        rf"(?P<d>\d{{1,2}})\s+(?P<m>{months})",
        re.M,
    )


def russian_dateline(
    text: str, today: str, implied: tuple[str, tuple[tuple[int, int], ...]] | None = None
) -> ImpliedDate | None:
    """The dateline's day in the latest year the text states as done, or in the `implied`
    year (with its evidence) when one is given ("в прошлом, 2025 году": 2026)."""
    from bilat.ingest.implied_date import ImpliedDate  # the module that calls this one

    m = _dateline().search(text[:DATELINE_WINDOW])
    if m is None:
        return None
    if implied is not None:
        year, evidence = implied[0], implied[1][:1]
    else:
        years = [  # the latest year told as done ("в январе-сентябре 2025 года"), not a plan's
            y
            for s in _SENTENCE_RU.finditer(text)
            if not _PLAN_RU.search(s.group(0))
            for y in _YEAR.finditer(text, s.start(), s.end())
            if y.group(1) <= today[:4]
        ]
        if not years:
            return None
        latest = max(years, key=lambda y: y.group(1))
        year, evidence = latest.group(1), (latest.span(1),)
    try:
        date = dt.date(int(year), month_number(m["m"]), int(m["d"])).isoformat()
    except ValueError:  # "31 февраля": no such day, so no date
        return None
    if date > today:
        return None
    return ImpliedDate(date, ((m.start("d"), m.end("m")), *evidence))


_SENTENCE_RU = re.compile(r"[^.!?\n]+[.!?]?")
# a sentence about the future or a plan says nothing about when the text was written
_PLAN_RU = re.compile(
    r"\b(?:будет|будут|планиру\w*|намерен\w*|ожида\w*|состоится|состоятся|прогноз\w*|"
    r"пройд[её]т|пройдут|откроется|начн[её]тся|"
    r"предполага\w*|рассчитыва\w*|запланирован\w*|намечен\w*|предстоя\w*|провед[её]т|"
    r"проведут)\b|\bк\s+(?:концу\s+)?(?:19|20)\d{2}"
    # a hedged plan: "IX ЭКСПО может пройти в 2025 году", "визит может состояться"
    r"|\bмо(?:жет|гут)\s+(?:быть\s+)?(?:[\w-]+\s+){0,2}?[\w-]+(?:ть|ти|чь)(?:ся|сь)?\b",
    re.I,
)
_LAST_MONTH_RU = re.compile(r"\bв\s+прошлом\s+месяце\b", re.I)


def russian_planned(sentence: str) -> bool:
    """A Russian sentence about a plan or the future (its dates say nothing of when the text
    was written)."""
    return bool(_PLAN_RU.search(sentence))


def russian_latest_month(text: str, today: str) -> ImpliedDate | None:
    """A Russian report with no dateline is dated by the latest month it states with its
    year as done ('в мае 2022 года'), at month precision; when it also says 'в прошлом
    месяце' of that month, it was written the month after (GOLD.md: the date the text
    clearly implies)."""
    from bilat.extract.temporal import find_time_expressions
    from bilat.ingest.implied_date import ImpliedDate

    best: tuple[str, int, int] | None = None
    for s in _SENTENCE_RU.finditer(text):
        if _PLAN_RU.search(s.group(0)):
            continue
        for t in find_time_expressions(s.group(0), None, tense="past"):
            month = (t.date_end or t.date or "")[:7]
            stated = len(month) == 7 and bool(_YEAR.search(t.text + " год"))
            if stated and month <= today[:7] and (best is None or month > best[0]):
                best = (month, s.start() + t.start, s.start() + t.end)
    if best is None:
        return None
    month, start, end = best
    last = _LAST_MONTH_RU.search(text)
    if last is None:
        return ImpliedDate(month, ((start, end),))
    year, mon = divmod(int(month[:4]) * 12 + int(month[5:]), 12)  # the month after
    after = f"{year:04d}-{mon + 1:02d}"
    if after > today[:7]:
        return ImpliedDate(month, ((start, end),))
    return ImpliedDate(after, ((start, end), last.span()))
