"""A clause that tells again talks or a plan the report told before, now dated.

"The talks took place last Friday in Heihe", "Визит запланирован на декабрь": `redated_talks`
dates the last such event found; `talks_told_again` tells the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.event_clauses import Clause, find_triggers
from bilat.extract.event_dates import any_expr
from bilat.extract.event_merge import Found

__all__ = ["redated_talks", "talks_told_again"]


# "The talks took place last Friday in Heihe", "Переговоры прошли в минувшую пятницу",
# "Заседание прошло в среду": the talks or session the report told before, now dated
# a reporting frame before the clause proper: "Как сообщили «Известиям» в МИД РФ, визит ...",
# "According to the ministry, the talks ..."
_FRAME = (
    r"(?:(?:как\s+(?:сообщил\w*|сообщается|рассказал\w*|уточнил\w*)|по\s+(?:словам|данным)"
    r"|according\s+to|as\s+[\w\s]{1,30}?\s+said)[^,]{0,80},\s*)?"
)
_TALKS_HELD = re.compile(
    r"^\W*"
    + _FRAME
    + r"(?:the\s+(?:[\w-]+\s+)?(?:talks|meeting|negotiations|session)\s+(?:were\s+held|was\s+held|"
    r"took\s+place)|(?:переговоры|встреча|консультации)\s+(?:[\w-]+\s+)?"
    r"(?:прошли|прошла|состоялись|состоялась)"
    r"|заседание\s+(?:[\w-]+\s+)?(?:прошло|состоялось))\b",
    re.I,
)


def talks_told_again(text: str) -> bool:
    """'The talks took place ...', 'Встреча состоялась ...': the talks told before."""
    return _TALKS_HELD.match(text) is not None


# "The visit is scheduled for December", "Визит запланирован на декабрь": the plan told before
_PLAN_DATED = re.compile(
    r"^\W*"
    + _FRAME
    + r"(?:the\s+(?:[\w-]+\s+)?(?P<en>visit|trip|talks|meeting|session)\s+(?:(?:is|has\s+been)\s+"
    r"(?:scheduled|planned|expected)\s+(?:for|in|on|to)|will\s+(?:be\s+held|take\s+place)\s+"
    r"(?:in|on))|(?P<ru>визит|поездка|переговоры|встреча|заседание)"
    r"\s+(?:[\w-]+\s+)?(?:запланирован\w*\s+на|намечен\w*\s+на|ожидается\s+(?:в|на)))\b",
    re.I,
)


_RELATIVE = re.compile(r",\s*(?:котор\w+|which|that|where|где)\b", re.I)


def redated_talks(
    ctx: DocContext, clause: Clause, found: list[Found], own: Sequence[Found] = ()
) -> int | None:
    """The index of the talks or plan a clause naming no one dates ('The talks took place last
    Friday in Heihe', 'Визит запланирован на декабрь'), after re-dating them in `found`; None
    when the clause is not such a one, or tells an event of that kind itself (`own`)."""
    plan = _PLAN_DATED.match(clause.text)
    if not plan and not (_TALKS_HELD.match(clause.text) and find_triggers(clause.text)):
        return None  # ("The session is scheduled for ...": a session is no trigger alone)
    expr = any_expr(clause, ctx, planned=plan is not None)
    relative = _RELATIVE.search(clause.text)
    if expr is not None and relative is not None and expr.start > relative.start():
        # "Встреча прошла на полях ЭКСПО, которое открылось во вторник": the expo's day; of a
        # forum "который прошел 10–12 сентября", the month the talks fell in
        if expr.date_end is None or expr.date is None or expr.date[:7] != expr.date_end[:7]:
            return None
        expr = replace(expr, date=expr.date[:7], date_end=None)
    noun = (plan["en"] or plan["ru"]).lower() if plan else ""
    mode = "visit" if noun.startswith(("visit", "trip", "визит", "поездк")) else "meeting"
    if any(f.event.mode == mode for f in own):
        return None
    told = [i for i, f in enumerate(found) if f.event.mode == mode]
    if expr is None or expr.date is None or not told:
        return None
    i = told[-1]
    status = "planned" if plan else "occurred"
    if found[i].event.status != status or "prior" in found[i].marks:
        return None
    if plan and found[i].explicit_date:
        return None  # dated already: this may be another plan
    event = replace(found[i].event, date=expr.date, date_end=expr.date_end)
    found[i] = replace(found[i], event=event, explicit_date=True)
    return i
