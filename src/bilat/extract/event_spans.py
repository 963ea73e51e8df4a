"""The days of an occasion told by its length and one end.

requires: the events found so far (`Found`), DocContext.published
assigns : a date span to the occasion told before ("The three-day summit, which ends on
          Thursday, ..." dates the summit the headline tells by the report's day alone)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.event_clauses import Clause
from bilat.extract.event_merge import Found
from bilat.extract.temporal import find_time_expressions

__all__ = ["the_span_told"]


# "The three-day summit, which ends on Thursday, ...", "the two-day visit, which began on
# Monday": the days of the occasion told before, by its length and one end
_SPAN_TOLD = re.compile(
    r"\b(?:the|this|a)\s+(?P<n>two|three|four|five|six|seven|[2-9])-day\s+"
    r"(?P<noun>summit|forum|visit|trip|exercises?|drills?|talks|session|expo|exhibition)\s*,?\s+"
    r"which\s+(?P<verb>(?P<ends>ends|closes|concludes|wraps\s+up|ended|closed|concluded)|"
    r"opened|began|started|opens|begins|starts|kicked\s+off)\s+",
    re.I,
)
_SPAN_MODES = {"summit": ("multilateral", "meeting"), "forum": ("multilateral",),
               "expo": ("multilateral",), "exhibition": ("multilateral",),
               "visit": ("visit",), "trip": ("visit",), "exercise": ("military",),
               "exercises": ("military",), "drill": ("military",), "drills": ("military",),
               "talks": ("meeting",), "session": ("meeting",)}  # fmt: skip
_SPAN_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def the_span_told(ctx: DocContext, clause: Clause, found: list[Found]) -> None:
    """Date the occasion a clause tells by its length and one end (in place in `found`): the
    last one of its kind told before that names it and is dated only by the report's day."""
    m = _SPAN_TOLD.search(clause.text)
    if m is None:
        return
    ahead = re.match(r"(?:ends|closes|concludes|wraps|opens|begins|starts)\b", m["verb"], re.I)
    told = find_time_expressions(
        clause.text[m.end() :], ctx.published, tense="future" if ahead else "past"
    )
    if not told or told[0].start != 0 or told[0].date is None or len(told[0].date) != 10:
        return
    n = _SPAN_DAYS.get(m["n"].lower()) or int(m["n"])
    day = dt.date.fromisoformat(told[0].date)
    first, last = (
        (day - dt.timedelta(n - 1), day) if m["ends"] else (day, day + dt.timedelta(n - 1))
    )
    noun = m["noun"].lower()
    for mode in _SPAN_MODES[noun]:  # a summit of a body before talks called a summit
        for i in range(len(found) - 1, -1, -1):
            f = found[i]
            if f.event.mode != mode or noun.rstrip("s") not in f.event.evidence.quote.lower():
                continue
            if f.explicit_date:  # dated already, or another one ("talks at the SCO summit in
                if first.isoformat() <= (f.event.date or "") <= last.isoformat():  # July")
                    return
                continue
            event = replace(f.event, date=first.isoformat(), date_end=last.isoformat())
            found[i] = replace(f, event=event, explicit_date=True)
            return
