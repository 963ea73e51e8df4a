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

from bilat.extract.temporal_ru import month_number, month_pattern
from bilat.ingest.dates import DATELINE_WINDOW

if TYPE_CHECKING:
    from bilat.ingest.implied_date import ImpliedDate

__all__ = ["russian_dateline"]

_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*(?:год|г\.)")


def _dateline() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*[А-ЯЁ][А-ЯЁ -]{{2,30}},\s+(?P<d>\d{{1,2}})\s+(?P<m>{month_pattern()})", re.M
    )


def russian_dateline(text: str, today: str) -> ImpliedDate | None:
    from bilat.ingest.implied_date import ImpliedDate  # the module that calls this one

    m = _dateline().search(text[:DATELINE_WINDOW])
    if m is None:
        return None
    years = [y for y in _YEAR.finditer(text) if y.group(1) <= today[:4]]
    if not years:
        return None
    latest = max(years, key=lambda y: y.group(1))
    try:
        date = dt.date(int(latest.group(1)), month_number(m["m"]), int(m["d"])).isoformat()
    except ValueError:  # "31 февраля": no such day, so no date
        return None
    if date > today:
        return None
    return ImpliedDate(date, ((m.start("d"), m.end("m")), latest.span(1)))
