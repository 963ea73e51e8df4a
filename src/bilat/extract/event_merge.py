"""Merging event candidates of one document: one event per real-world event.

needs : the candidates the events stage found (`Found`), actor types by name
adds  : merged candidates (`dedupe`), trips and their meetings dated together (`trip_dates`)

Two candidates are the same event when type, mode and marks (forum body, drill kind, ordinal)
agree, their dates are compatible, and they share participants (people when both name people).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from bilat.extract.context import DocContext, headline_end
from bilat.records import Event

__all__ = [
    "GROUP_MODES",
    "Found",
    "dedupe",
    "in_the_body",
    "trip_dates",
    "without_headline_repeats",
]

GROUP_MODES = ("multilateral", "military")  # sides may be named in different sentences


@dataclass(frozen=True, slots=True)
class Found:
    event: Event
    explicit_date: bool  # False when the date is the publication date by default
    marks: frozenset[str] = frozenset()  # what tells events of one mode apart: the forum body
    # (BRICS vs SCO), the kind of drill (patrol vs exercise), an ordinal ("29th" meeting)
    sides: frozenset[str] = frozenset()  # states taking part or hosting (for the pair check)
    times: int = 1  # "met twice this year": GOLD.md counts two events
    phase: str = ""  # an exercise's "start" or "end" told on its own; "span" once both merged


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name a body/drill kind/ordinal and they differ."""
    for prefix in ("body:", "drill:", "nth:"):
        ma = {m for m in a if m.startswith(prefix)}
        mb = {m for m in b if m.startswith(prefix)}
        if ma and mb and not ma & mb:
            return True
    na = [m for m in a if m.startswith("name:")]
    nb = [m for m in b if m.startswith("name:")]
    # exercise names: "vostok" is "vostok-2022", "security-belt-2026" is "maritime-security-…"
    return bool(na and nb) and not any(x in y or y in x for x in na for y in nb)


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _dated_apart(a: Found, b: Found) -> bool:
    """One dated to its month as held, one as still to come: two events ('has started the
    exercise Ocean-2024' on September 10; 'China's drills later in September'). A year alone
    is too coarse to tell ('This year's Vostok 2022 will be held ...' while under way)."""
    ea, eb = a.event, b.event
    precise = len(ea.date or "") >= 7 and len(eb.date or "") >= 7
    return a.explicit_date and b.explicit_date and precise and ea.status != eb.status


def _report_and_long_before(a: Found, b: Found) -> bool:
    """One held that day as the report tells it (dated by the publication default), the
    other dated by the text to a month or day more than 45 days before: two events ('Modi
    met Putin in Tianjin today' and 'the decisions taken at the 22nd Annual Summit in
    Moscow in July 2024'), not one told twice."""
    told, dated = (a, b) if b.explicit_date else (b, a)
    if told.explicit_date or not dated.explicit_date or told.event.status != "occurred":
        return False
    day, then = told.event.date or "", dated.event.date or ""
    if len(day) != 10 or len(then) < 7 or dated.event.status != "occurred":
        return False
    start = dt.date.fromisoformat(then if len(then) == 10 else f"{then[:7]}-01")
    if len(then) == 7:  # a month: its last day
        start = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
    return (dt.date.fromisoformat(day) - start).days > 45


def _people(ev: Event, names: dict[str, str]) -> set[str]:
    return {p for p in ev.participants if names.get(p) == "person"}


# a recurring series ("patrols have been flown almost every year since 2019") is one
# undated event (GOLD.md)
SERIES = re.compile(
    r"\bsince\s+(?:19|20)\d\d\b|\b(?:every|each)\s+year\b|\bannually\b|\byear\s+after\s+year\b"
    r"|(?<![\w-])с\s+(?:19|20)\d\d\s*(?:года|г\.)|(?<![\w-])(?:ежегодно|каждый\s+год)(?![\w-])",
    re.I,
)


def _a_series(event: Event) -> bool:
    return event.date is None and bool(SERIES.search(event.evidence.quote))


_HELD_SINCE = re.compile(
    r"\b(?:have|has)\s+(?:also\s+)?(?:held|conducted|staged|flown|carried\s+out)\b"
    r"|(?<![\w-])(?:проводятся|проводит(?:ся|ь)?\s+регулярно)(?![\w-])",
    re.I,
)


def _held_since(event: Event) -> bool:
    """A series told as one: 'have held joint air patrols ... since 2019'."""
    return _a_series(event) and bool(_HELD_SINCE.search(event.evidence.quote))


def _same(a: Found, b: Found, types: dict[str, str]) -> bool:
    ea, eb = a.event, b.event
    if ea.type != eb.type or ea.mode != eb.mode or _clash(a.marks, b.marks):
        return False
    if ea.mode in GROUP_MODES and ea.place and eb.place and ea.place != eb.place:
        return False
    if _dated_apart(a, b):
        return False
    if ("aside" in a.marks) != ("aside" in b.marks):
        return False  # talks in a narrow format before the commission's meeting: two events
    if ("prior" in a.marks) != ("prior" in b.marks) and not (a.explicit_date and b.explicit_date):
        return False  # "they last met in April" is not the talks the report dates by its day
    if ea.status != eb.status and (_a_series(ea) or _a_series(eb)):
        return False  # "patrols flown every year since 2019" is no "patrol expected" later
    if ea.mode == "military" and (_held_since(ea) or _held_since(eb)) and (ea.date or eb.date):
        return False  # "have held joint air patrols since 2019" is no patrol the report dates
        # (GOLD: a series with no date is one event; not "this drill, the fourth since 2019")
    if ea.status != eb.status and "next" in a.marks | b.marks:
        return False  # "held talks in Dubai ...; its next session would take place in Abu Dhabi"
    if ea.status != eb.status and "also" in a.marks | b.marks:
        return False  # "held talks ... He will also take part in the session": two events
    if ea.status != eb.status and not _compatible_dates(ea.date, eb.date):
        return False  # "carried out the 19th meeting" (the report's day) is not "the next
        # meeting is agreed to hold in 2026"
    dates_ok = (
        _compatible_dates(ea.date, eb.date)
        or (not (a.explicit_date and b.explicit_date) and not _report_and_long_before(a, b))
        or _start_and_end(a, b) is not None
    )
    if ea.mode == "multilateral" or not dates_ok:
        return dates_ok
    pa, pb = _people(ea, types), _people(eb, types)
    if pa and pb:
        shared = pa & pb
        need = 1 if ea.mode in ("visit", "military") else min(2, len(pa), len(pb))
        return len(shared) >= need
    return bool(set(ea.participants) & set(eb.participants))


def _start_and_end(a: Found, b: Found) -> tuple[Found, Found] | None:
    """An exercise's start and its end told apart ('began on July 19', 'was completed
    today'), the start first and at most a month before the end."""
    if {a.phase, b.phase} != {"start", "end"}:
        return None
    start, end = (a, b) if a.phase == "start" else (b, a)
    first, last = start.event.date or "", end.event.date or ""
    if len(first) != 10 or len(last) != 10:
        return None
    days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days
    return (start, end) if 0 < days <= 31 else None


def _merge(a: Found, b: Found) -> Found:
    span = _start_and_end(a, b)
    if span is not None:  # one dated span, told where the report first told the exercise
        start, end = span
        begins, ends = start.event.date, end.event.date
        a = replace(
            a,
            event=replace(a.event, date=begins, date_end=ends, status=end.event.status),
            phase="span",
        )
        b = replace(b, event=replace(b.event, date=begins, date_end=ends), phase="span")
    ea, eb = a.event, b.event
    first, second = (a, b) if a.explicit_date or not b.explicit_date else (b, a)
    date = first.event.date if first.event.date else second.event.date
    if (
        first.explicit_date
        and second.explicit_date
        and len(second.event.date or "") > len(date or "")
    ):
        date = second.event.date
    status = (
        first.event.status
        if first.explicit_date
        else ("planned" if "planned" in (ea.status, eb.status) else "occurred")
    )
    merged = replace(
        ea,
        participants=tuple(dict.fromkeys((*ea.participants, *eb.participants))),
        date=date,
        date_end=first.event.date_end or second.event.date_end,
        place=ea.place or eb.place,
        status=status,
    )
    return Found(
        merged,
        a.explicit_date or b.explicit_date,
        a.marks | b.marks,
        a.sides | b.sides,
        max(a.times, b.times),
        a.phase if a.phase == b.phase or not b.phase else b.phase if not a.phase else "span",
    )


def trip_dates(found: list[Found], types: dict[str, str]) -> list[Found]:
    """A trip and the meetings during it share dates. A visit dated only by the publication
    default starts at the earliest dated meeting of the same traveller in the week before;
    an undated planned meeting takes the date of the same person's planned visit."""
    out = []
    for f in found:
        ev = f.event
        people = _people(ev, types)
        if ev.mode == "visit" and not f.explicit_date and ev.date and people:
            dates = [
                g.event.date
                for g in found
                if g.explicit_date
                and g.event.date
                and g.event.mode in ("meeting", "multilateral")
                and people & _people(g.event, types)
                and _within_week_before(g.event.date, ev.date)
            ]
            if dates:
                f = replace(f, event=replace(ev, date=min(dates), date_end=ev.date))
        elif ev.mode in ("meeting", "multilateral") and ev.date is None and not people:
            f = _during_the_visit(f, found)
        elif ev.mode in ("meeting", "multilateral") and not f.explicit_date and people:
            # undated, or dated only by the publication default: the trip's date
            trips = [
                g
                for g in found
                if g.event.mode == "visit"
                and g.event.date
                and (g.event.status == ev.status or _under_way(g))
                and people & _people(g.event, types)
            ]  # a visit under way: "during his visit to Moscow, Wang Yi will also meet ..."
            if any(m.startswith("body:") for m in f.marks):  # a summit of a body is its own
                # occasion ('the BRICS summit in Kazan' is no part of 'the visit to China in
                # May'), dated by a trip only when the same sentence tells both
                trips = [g for g in trips if g.event.evidence.start == ev.evidence.start]
            here = [
                g
                for g in trips
                if g.event.evidence.start == ev.evidence.start and len(g.event.date or "") == 10
            ]
            if here and ev.date is not None:  # "Lavrov, who arrived on Sunday, held talks
                trips = []  # with Wang Yi": the report's day, not Wang Yi's trip in April
            elif ev.date is not None:  # dated by the publication default: only a trip known
                # to its month overrides it ("returned last week from a trip ... held talks"),
                # not one told as before the news ("Ранее, в октябре, он посетил Харбин")
                trips = [
                    g
                    for g in trips
                    if len(g.event.date or "") == 7
                    and ("prior" not in g.marks or g.event.evidence.start == ev.evidence.start)
                ]
            if trips:  # a multi-day trip dates its meetings no more precisely than its month
                trip = trips[0]
                whole = trip.event.date_end is None and trip.event.status == ev.status
                day = trip.event.date if whole else (trip.event.date or "")[:7]
                f = replace(f, event=replace(ev, date=day))
        out.append(f)
    return out


_DURING_VISIT = re.compile(
    r"\bduring\s+(?:the|this|that|his|her|their)\s+(?:[\w-]+\s+)?visit\b", re.I
)


def _during_the_visit(f: Found, found: list[Found]) -> Found:
    """'The Interregional Forum will be held in Samarkand during the visit': an occasion with
    no date and no person is dated by the one dated visit of its status the report tells."""
    if not _DURING_VISIT.search(f.event.evidence.quote):
        return f
    visits = {
        (g.event.date, g.event.date_end)
        for g in found
        if g.event.mode == "visit" and g.event.date and g.event.status == f.event.status
    }
    if len(visits) != 1:
        return f
    ((date, date_end),) = visits
    return replace(f, event=replace(f.event, date=date, date_end=date_end))


def _under_way(visit: Found) -> bool:
    """A visit told as happening, dated only by the publication day: it is under way, and a
    meeting still to come in it is planned within it."""
    return visit.event.status == "occurred" and not visit.explicit_date


def _within_week_before(day: str, ref: str) -> bool:
    if len(day) != 10 or len(ref) != 10:
        return day[: len(ref)] == ref[: len(day)]
    gap = dt.date.fromisoformat(ref) - dt.date.fromisoformat(day)
    return 0 <= gap.days <= 7


def dedupe(found: list[Found], types: dict[str, str]) -> list[Found]:
    out: list[Found] = []
    for item in found:
        told = _told_before(out, item)
        if told is not None:  # "The Beijing talks were held by a working group of ...": those
            out[told] = _merge(out[told], item)
            continue
        same = [i for i, kept in enumerate(out) if _same(kept, item, types)]
        if same:
            # the one that shares the most people: the lead's talks join the standfirst's 'X,
            # Y co-chair session', not the headline's 'India, Russia review trade'
            people = _people(item.event, types)
            i = max(same, key=lambda j: (len(_people(out[j].event, types) & people), -j))
            out[i] = _merge(out[i], item)
        else:
            out.append(item)
    return out


def _told_before(out: list[Found], item: Found) -> int | None:
    """'The talks' with no date of their own are the last talks of that status told, also
    talks held by videoconference or phone ('held talks by videoconference on Wednesday ...
    Following the talks, the two governors signed a roadmap')."""
    ev = item.event
    if "the" not in item.marks or item.explicit_date or ev.mode != "meeting":
        return None
    for i in range(len(out) - 1, -1, -1):
        kept = out[i].event
        if (
            kept.mode in ("meeting", "video", "call")
            and kept.status == ev.status
            and "prior" not in out[i].marks
        ):
            return i
    return None


def without_headline_repeats(ctx: DocContext, found: list[Found]) -> list[Found]:
    """'... as Novak holds talks in Beijing' over a report that tells those talks: a headline's
    event whose people all take part in a body event of its mode and status is that one,
    dated by the body."""
    end = headline_end(ctx)
    people = {m.actor for m in ctx.mentions if m.type == "person"}
    # (not an earlier event the body recalls: "their first meeting since February", nor talks
    # held aside: "Prior to the meeting, X and Y held talks in a narrow format")
    body = [
        f.event for f in found if f.event.evidence.start >= end and not {"prior", "aside"} & f.marks
    ]

    def told(f: Found) -> bool:
        ev = f.event
        who = {p for p in ev.participants if p in people}
        return bool(who) and any(
            b.mode == ev.mode
            and b.status == ev.status
            and who <= set(b.participants)
            and _same_month(b.date, ev.date, _dated_by_its_lead(f, ctx.published))
            for b in body
        )

    return [f for f in found if f.event.evidence.start >= end or not told(f)]


def _dated_by_its_lead(f: Found, published: str | None) -> bool:
    """A headline's event that took in the lead's, dated by the lead to a day other than the
    report's (a lead dated by its dateline, "BEIJING, March 5 - X met Chinese officials", may
    be the talks the body dates: "held talks with He Lifeng on Tuesday")."""
    return "in-body" in f.marks and f.explicit_date and f.event.date != published


def in_the_body(ctx: DocContext, found: list[Found]) -> list[Found]:
    """Each candidate told after the headline, marked so (a headline's event that takes one
    in is dated by it: `without_headline_repeats`)."""
    end = headline_end(ctx)
    return [
        replace(f, marks=f.marks | {"in-body"}) if f.event.evidence.start >= end else f
        for f in found
    ]


def _same_month(a: str | None, b: str | None, dated: bool) -> bool:
    """Not told in months apart: a headline's talks (merged with the lead's) are not the
    meeting in April the body recalls ("Xi also recalled his meeting with Prabowo in April"),
    nor, when the headline's talks took in talks the body tells (`dated`: the lead's, to
    their day), talks of another day ("Shoigu meets Kim again" with the lead's Tuesday is
    not "He had also held talks with Kim on June 4"). A headline's talks alone ("as Novak
    holds talks in Beijing") are told by talks of another day of their month."""
    if a is None or b is None or len(a) < 7 or len(b) < 7:
        return True
    return a == b if dated and len(a) == len(b) == 10 else a[:7] == b[:7]
