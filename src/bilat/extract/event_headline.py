"""Events and the report's own frame: its headline, lead and dateline.

requires: DocContext.mentions, sentences; the events found (`Found`)
assigns : a headline contact's date from the lead that tells it; a visit's guest by the
          state of the dateline

'PM Shehbaz, Putin discuss energy, trade in telephone call' over a lead 'Prime Minister
Shehbaz Sharif and ... Vladimir Putin on Thursday discussed energy ...' is Thursday's call;
'Xi and Lula elevate China-Brazil ties in state visit' over a report datelined BRASILIA is
Xi's visit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bilat.extract.context import DocContext, Mention, headline_end
from bilat.extract.event_clauses import Clause
from bilat.extract.event_dates import any_date
from bilat.extract.event_merge import Found
from bilat.extract.event_plans import status_by_date

__all__ = ["dateline_country", "guest_of_the_dateline", "headline_dated_by_lead"]


def guest_of_the_dateline(ctx: DocContext, clause: Clause, people: list[Mention]) -> list[Mention]:
    """'Xi and Lula elevate China-Brazil ties in state visit' over a report datelined
    BRASILIA: of two leaders of different states, with no place in the clause, the guest is
    the one not at home where the report was filed."""
    if len({m.country for m in people}) < 2 or any(
        m.type in ("place", "state")
        and _TO_PLACE.search(ctx.clean_text, max(0, m.start - 12), m.start)
        for m in ctx.mentions_in(clause.start, clause.end)
    ):
        return people  # "in Brasilia": the destination tells the guest
    home = dateline_country(ctx)
    guests = [m for m in people if m.country != home]
    return guests if home is not None and len(guests) < len(people) and guests else people


# where the guest goes: "in Brasilia", "to Beijing", "will visit China"
_TO_PLACE = re.compile(r"\b(?:in|at|to|visit|visits|visited|visiting)\s+(?:the\s+)?$", re.I)


def dateline_country(ctx: DocContext) -> str | None:
    """The state of the report's dateline ('BRASILIA, (Reuters) –', 'ISLAMABAD:'): a place in
    capitals opening the first lines of the body."""
    end = headline_end(ctx)
    text = ctx.clean_text
    for m in ctx.mentions_in(end, min(len(text), end + 600)):
        line = text.rfind("\n", 0, m.start) + 1
        if (
            not text[line : m.start].strip()
            and m.text.isupper()
            and m.country is not None
            and m.type in ("place", "state")  # not a transcript's "VLADIMIR PUTIN:"
        ):
            return m.country
    return None


def headline_dated_by_lead(ctx: DocContext, found: list[Found]) -> list[Found]:
    """'PM Shehbaz, Putin discuss energy, trade in telephone call' over 'Prime Minister
    Shehbaz Sharif and Russian President Vladimir Putin on Thursday discussed energy ...': a
    headline's contact the lead tells with no event word of its own is dated by the lead."""
    end = headline_end(ctx)
    lead = next((s for s in ctx.sentences if s.start >= end), None)
    if lead is None or any(lead.start <= f.event.evidence.start < lead.end for f in found):
        return found
    named = {m.actor for m in ctx.mentions_in(lead.start, lead.end) if m.type == "person"}
    persons = {m.actor for m in ctx.mentions if m.type == "person"}
    out = []
    for f in found:
        ev = f.event
        people = set(ev.participants) & persons
        if (
            ev.evidence.start < end
            and not f.explicit_date
            and ev.status == "occurred"
            and people
            and people <= named
        ):
            date, _ = any_date(Clause(lead.start, lead.end, lead.text, lead), ctx, False)
            if date is not None and status_by_date(date, ctx.published) == "occurred":
                f = replace(f, event=replace(ev, date=date), explicit_date=True)
        out.append(f)
    return out
