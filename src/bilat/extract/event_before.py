"""The contact before a told one, and the trip a told meeting was part of.

"their first face-to-face meeting since February", "It will be Putin's first visit to the
kingdom since October 2019", "the second call ..., after they discussed in January":
`the_one_before` is the earlier contact, occurred then; "X met Y in Beijing on Wednesday, his
first trip to China since he took up the post": `this_trip` is the visit the meeting was
part of.

requires: the Found candidates of the clause and of the clauses before (from `events`)
assigns : nothing; helpers for `events`
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.event_clauses import Clause
from bilat.extract.event_merge import Found
from bilat.extract.event_people import persons_between
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.temporal import find_time_expressions

__all__ = ["the_one_before", "this_trip"]


# "their first face-to-face meeting since February", "his first trip there since October
# 2023": the one before took place then
_FIRST_SINCE = re.compile(
    r"\bfirst\s+(?:[\w-]+\s+){0,2}?(?P<noun>meeting|talks|visit|trip|call|conversation|summit)"
    r"\s+(?:(?:there|to\s+(?:the\s+)?[\w-]+|with\s+[A-Z][\w-]*)\s+)?since\s+"
    # ... and "The visit would be Putin's first to Turkiye since January 2020"
    r"|\b(?P<told>meeting|talks|visit|trip|call|conversation|summit)\s+(?:will|would)?\s*"
    r"(?:be|is|was)\s+(?:[\w'’-]+\s+)?first\s+(?:(?:there|to\s+(?:the\s+)?[\w-]+|"
    r"with\s+[A-Z][\w-]*)\s+)?since\s+",
    re.I,
)
# "for a summit with President Xi, their first since talks in Beijing in May 2024": the one
# before named after "since"
_FIRST_SINCE_THE = re.compile(
    # ... and "a summit in Lima on Saturday, their second face-to-face meeting after talks in
    # San Francisco in November last year"
    r"\b(?:first\s+since|(?:second|third|\d+(?:nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|call|visit|contact)\s+(?:after|since))\s+"
    r"(?:(?:a|the|their|his|her)\s+)?(?:[\w-]+\s+)?"
    r"(?P<noun>meeting|talks|visit|trip|call|conversation|summit)\b"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?\s+(?P<when>(?:in|on)\s)",
    re.I,
)
# "It was the second call both leaders have held this year, after they discussed in
# January ...": the one before took place then
_SECOND_AFTER = re.compile(
    r"\bsecond\s+(?:[\w-]+\s+){0,2}?(?P<noun>meeting|talks|visit|trip|call|conversation|summit)"
    r"\b[^.;]{0,80}?\bafter\s+(?:they|the\s+two\s+\w+|both\s+\w+)\s+(?:\w+\s+){0,2}?"
    r"(?P<when>(?:in|on)\s)",
    re.I,
)
_FIRST_MODES = {"meeting": "meeting", "talks": "meeting", "visit": "visit", "trip": "visit",
                "call": "call", "conversation": "call", "summit": "meeting"}  # fmt: skip


def the_one_before(
    ctx: DocContext, clause: Clause, new: list[Found], found: Sequence[Found] = ()
) -> list[Found]:
    """The earlier event a 'first ... since <date>' names, as the event of that mode the
    clause tells, occurred on that date; 'the second call ..., after they discussed in
    January' names one like the last of that mode the report told."""
    second = _SECOND_AFTER.search(clause.text) or _FIRST_SINCE_THE.search(clause.text)
    m = _FIRST_SINCE.search(clause.text) or second
    if m is None:
        return []
    mode = _FIRST_MODES[(m["noun"] or m["told"]).lower()]
    told = [f for f in new if f.event.mode == mode] or [
        f for f in new if f.event.mode in ("meeting", "visit")
    ]
    if not told and m is second:
        told = [f for f in found if f.event.mode == mode and f.event.status == "occurred"][-1:]
    elif not told and not new:  # "It will be Putin's first visit to the kingdom since ...":
        # (the persons told before the date: not "..., when he and el-Sisi agreed to ...")
        named = {p.actor for p in persons_between(ctx, clause.start, clause.start + m.end())}
        told = [  # the one just told (of the person named), quoted where the one before is
            replace(f, event=replace(f.event, evidence=clause.evidence()))
            for f in (found if named else found[-3:])
            if f.event.mode == mode and named <= set(f.event.participants)
        ][-1:]
    lower = clause.text.lower()
    since = m.start("when") if m is second else lower.rindex("since", m.start(), m.end())
    when = [  # "October 2023" on its own; "since February" (a month needs its preposition);
        # a bare year ("his first visit to India since 2021") places no visit of its own
        e
        for text in (clause.text[m.end() :], clause.text[since:])
        for e in find_time_expressions(text, ctx.published, tense="past")[:1]
        if e.start == 0 and e.date and len(e.date) >= 7
    ]
    if not told or not when:
        return []
    event = replace(told[0].event, mode=mode, status="occurred", date=when[0].date, date_end=None)
    return [replace(told[0], event=event, explicit_date=True, marks=told[0].marks | {"prior"})]


# "X met Y in Beijing on Wednesday, his first trip to China since he took up the post": the
# trip the meeting was part of
_HIS_TRIP = re.compile(
    r"\b(?:his|her)\s+(?:first|second|third|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|visit)\s+to\s+(?:the\s+)?(?P<dest>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)",
)


def this_trip(ctx: DocContext, gaz: Gazetteer, clause: Clause, new: list[Found]) -> list[Found]:
    m = _HIS_TRIP.search(clause.text)
    meetings = [f for f in new if f.event.mode == "meeting" and f.event.status == "occurred"]
    if m is None or not meetings or any(f.event.mode == "visit" for f in new):
        return []
    state = gaz.state_named(m["dest"])
    if state is None or state.country is None:
        return []
    at = clause.start + m.start()
    guests = [
        p for p in persons_between(ctx, clause.start, at) if p.country not in (None, state.country)
    ]
    if not guests:
        return []
    meeting = meetings[0]
    visit = replace(
        meeting.event,
        mode="visit",
        participants=(guests[0].actor, state.name),
        date=(meeting.event.date or "")[:7] or None,
        date_end=None,
    )
    return [replace(meeting, event=visit, marks=frozenset())]
