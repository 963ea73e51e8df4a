"""The days of an occasion told by its length and one end, or as a list.

requires: the events found so far (`Found`), DocContext.published
assigns : a date span to the occasion told before ("The three-day summit, which ends on
          Thursday, ..." dates the summit the headline tells by the report's day alone); one
          contact per day of a list ("their telephone conversations of 8 August and 18
          August 2025"); a later clause's year refined by the time its sentence opens with;
          the days of a stay told by its length this week ("who spent four days in China this
          week": the days up to the report's)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.event_clauses import Clause
from bilat.extract.event_merge import Found
from bilat.extract.event_people import DAY_COUNTS
from bilat.extract.temporal import find_time_expressions

__all__ = ["a_stay_up_to_now", "fronted_date", "one_per_date", "the_span_told"]


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
    n = int(m["n"]) if m["n"].isdigit() else DAY_COUNTS[m["n"].lower()]
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


# "their telephone conversations of 8 August and 18 August 2025", "the calls on May 8 and
# June 12": a plural contact told with a list of days is one contact per day
_PLURAL_CONTACTS = re.compile(
    r"\b(?:conversations|calls|meetings|talks|videoconferences)\s+(?:of|on|held\s+on)\s+", re.I
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:on\s+)?", re.I)


def one_per_date(ctx: DocContext, clause: Clause, new: list[Found]) -> list[Found]:
    """The contact the clause tells once per day of the list after its plural noun."""
    m = _PLURAL_CONTACTS.search(clause.text)
    if m is None or len(new) != 1 or new[0].times != 1:
        return new
    days = []
    at = m.end()
    for e in find_time_expressions(clause.text[m.end() :], ctx.published, tense="past"):
        start = m.end() + e.start
        if start != at or e.date is None or len(e.date) != 10:
            break
        days.append(e.date)
        if re.search(r"\band\b", e.text) and e.date_end and len(e.date_end) == 10:
            days.append(e.date_end)  # "8 August and 18 August 2025": read as one span
        gap = _LIST_GAP.match(clause.text, m.end() + e.end)
        if gap is None:
            break
        at = gap.end()
    if len(days) < 2:
        return new
    (found,) = new
    return [
        replace(found, event=replace(found.event, date=day, date_end=None), explicit_date=True)
        for day in days
    ]


# a time told before the sentence's first clause: "In September, the PLA Navy took part in
# Ocean-2024, and the two navies held their Northern/Interaction-2024 drills"
_FRONTED = re.compile(r"^\s*(?P<when>(?:(?:Later|Earlier)\s+)?(?:In|On|in|on)\s+[^,;]{3,30}),\s")
_AND = re.compile(r"\s*(?:,\s*)?and\s", re.I)
_AND_END = re.compile(r"\band\s*$", re.I)


def fronted_date(ctx: DocContext, clause: Clause, new: list[Found]) -> list[Found]:
    """A later clause of a sentence that opens with a time is dated by it where the clause
    itself tells only a year that time falls in (an exercise named for its year)."""
    before = clause.sentence.text[: clause.start - clause.sentence.start]
    if not before.strip() or not new or not (_AND.match(clause.text) or _AND_END.search(before)):
        return new  # (not "..., followed by a joint patrol": later, in the year)
    m = _FRONTED.match(clause.sentence.text)
    if m is None:
        return new
    told = find_time_expressions(m["when"], ctx.published, tense="past")
    if not told or told[-1].end != len(m["when"]) or not told[-1].date:
        return new
    date = told[-1].date
    return [
        replace(f, event=replace(f.event, date=date, date_end=told[-1].date_end))
        if f.event.date and len(f.event.date) == 4 and date.startswith(f.event.date)
        else f
        for f in new
    ]


# "Putin, who spent four days in China this week for the summit, ...": a stay told as done
# by its length, in the week of the report: the days up to the report's
_STAY_THIS_WEEK = re.compile(
    r"\b(?:has\s+)?spent\s+(?P<n>two|three|four|five|six|seven|[2-7])\s+days\s+in\s+"
    r"(?:[A-Z][\w'’-]*\s+){1,3}this\s+week\b"
)


def a_stay_up_to_now(ctx: DocContext, clause: Clause, new: list[Found]) -> list[Found]:
    """The visit a clause tells as a stay of N days this week, dated by the month or week
    alone, runs the N days up to the report's day."""
    m = _STAY_THIS_WEEK.search(clause.text)
    published = ctx.published or ""
    if m is None or len(published) != 10:
        return new
    n = int(m["n"]) if m["n"].isdigit() else DAY_COUNTS[m["n"].lower()]
    last = dt.date.fromisoformat(published)
    first = (last - dt.timedelta(n - 1)).isoformat()
    return [
        replace(f, event=replace(f.event, date=first, date_end=last.isoformat()))
        if f.event.mode == "visit" and len(f.event.date or "") < 10
        else f
        for f in new
    ]
