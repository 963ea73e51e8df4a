"""How a clause's events relate to those told before it in the report: the same contact told
again ('during the talks', 'during which', 'the session'), a day counted from another ('a day
after his talks'), a trip followed by another, a
visit during which a summit took place, a meeting moved or called off, held by video. The
contact before a told one ("their first meeting since ...") and the trip a meeting was part
of are `event_before`'s.

requires: the Found candidates of the clauses before (from `events`)
assigns : nothing; helpers for `events`
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bilat.extract.context import DocContext, Mention
from bilat.extract.event_clauses import Clause, find_triggers
from bilat.extract.event_dates import any_expr, in_year
from bilat.extract.event_marks import marks_of
from bilat.extract.event_merge import Found
from bilat.extract.event_people import DAY_COUNTS, DAYS_APART, place_of
from bilat.extract.event_retold import talks_told_again
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.temporal import find_time_expressions
from bilat.extract.turns import speaker_at
from bilat.records import Event

__all__ = [
    "CALLED_OFF",
    "HELD_REMOTELY",
    "by_video",
    "continued",
    "day_off",
    "days_apart",
    "during_the_visit_told",
    "during_which",
    "followed_by",
    "hosted_visit",
    "moved_to",
    "occasion_of_talks",
    "on_its_sidelines",
    "summit_of_continued",
    "the_contact_told",
    "the_session_told",
    "the_speaker_met",
    "told_back",
]


_YEAR_TOLD = re.compile(
    r"\b(?:last|previous|next)\s+year\b|\b(?:19|20)\d\d\b|(?:прошл|следующ)\w*\s+год", re.I
)
# "... in May in Moscow and in September in Beijing", "..., and before that in Astana in July"
_CONTINUES = re.compile(
    r"\s*(?:(?:before|after)\s+that|earlier|previously|до\s+этого|перед\s+этим)?,?\s*"
    r"(?:in|on|at|в|во)\s",
    re.I,
)


# "has been postponed until early next year", "перенесен на весну"
_POSTPONED = re.compile(
    r"\b(?:postponed|rescheduled|delayed|pushed\s+back|put\s+off|moved)\s+(?:until|till|to|for)\s+"
    r"|(?<![\w-])перенес[её]н\w*\s+на\s+|(?<![\w-])отложен\w*\s+(?:до|на)\s+",
    re.I,
)


# put off with no new date: "Xi's trip to Kazakhstan has been postponed"
_PUT_OFF = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:postponed|put\s+off|delayed|pushed\s+back)\b"
    r"|(?<![\w-])(?:был[аои]?\s+)?(?:перенесен[аоы]?|перенес[её]н|отложен[аоы]?)(?![\w-])",
    re.I,
)


def moved_to(ctx: DocContext, clause: Clause) -> tuple[str | None, str | None] | None:
    """The new date of an event the clause says was put off ((None, None) when it was put
    off and gives none: still to come, its day unknown), None when it says neither."""
    m = _POSTPONED.search(clause.text)
    if m is None:
        return (None, None) if _PUT_OFF.search(clause.text) else None
    rest = clause.text[m.end() :]
    for expr in find_time_expressions(rest, ctx.published, tense="future"):
        if expr.date and len(rest[: expr.start].split()) <= 2:  # "until early next year"
            return expr.date, expr.date_end
    return None


def days_apart(clause: Clause, found: Found, before: list[Found]) -> Found:
    """'talks with Doval on Tuesday, a day after his meeting with Jaishankar': the meeting was
    the day before the event the clause before dates to the day."""
    m = DAYS_APART.match(clause.text.lstrip())
    dated = [b for b in before if b.explicit_date and len(b.event.date or "") == 10]
    if m is None or found.explicit_date or not dated:
        return found
    days = DAY_COUNTS[m["n"].lower()] * (-1 if m["way"].lower() == "after" else 1)
    day = dt.date.fromisoformat(str(dated[0].event.date)) + dt.timedelta(days=days)
    return replace(found, event=replace(found.event, date=day.isoformat()), explicit_date=True)


# "wrapped up a two-day state visit to China on Friday": the day it ended, so it began the
# day before
_ENDED_TRIP = re.compile(
    r"\b(?:(?:wrapped|wrapping)\s+up|conclud(?:ed|ing)|end(?:ed|ing)|complet(?:ed|ing)|"
    r"round(?:ed|ing)\s+off|finish(?:ed|ing)|(?:wound|winding)\s+up|"
    r"(?:on\s+)?the\s+(?:final|last)\s+day\s+of)\s+"
    r"(?:a|an|his|her|their|the)\s+(?P<n>two|three|four|five|six|seven|[2-7])-day\b",
    re.I,
)


_BEGAN = re.compile(r"\b(?:began|begun|started|beginning|starting|from)\b", re.I)
_ARRIVED = re.compile(r"\b(?:arrived|landed|flew\s+in(?:to)?)\b", re.I)


def ended_trip(clause: Clause, found: Found) -> Found:
    """A visit told by the day it ended ('wrapped up a two-day state visit on Friday'): from
    the first day to that one."""
    ev = found.event
    m = _ENDED_TRIP.search(clause.text)
    if ev.mode != "visit" or m is None or len(ev.date or "") != 10 or ev.date_end:
        return found
    stop = re.compile(r"[,;](?!\s*(?:which|that)\s)").search(clause.text, m.end())
    if _BEGAN.search(clause.text, m.end(), stop.start() if stop else len(clause.text)):
        return found  # "wrapped up a two-day visit that began on Monday": the first day (not
        # "..., during which enterprises from both sides signed")
    if _ARRIVED.search(clause.text, 0, m.start()):
        return found  # "Putin, who arrived in Astana on Wednesday, has ended his two-day
        # state visit": the day told is the arrival's, the first
    days = int(m["n"]) if m["n"].isdigit() else DAY_COUNTS[m["n"].lower()]
    last = dt.date.fromisoformat(str(ev.date))
    first = (last - dt.timedelta(days=days - 1)).isoformat()
    return replace(found, event=replace(ev, date=first, date_end=last.isoformat()))


# a sentence opening "The day before", "The next day", "Накануне", "На следующий день" (not
# "the day before yesterday", "накануне визита"): a day from the event told before it; "On
# the sidelines of the commission meeting", "На полях заседания": the day of that one
_DAY_OFF = re.compile(
    r"^\W*(?:(?P<before>the\s+(?:day|evening)\s+before|the\s+previous\s+day|on\s+the\s+eve"
    r"(?:\s+of\s+(?:the\s+)?(?:meeting|talks|session|summit|forum|(?:phone\s+)?call|conversation))?"
    r"|накануне(?:\s+(?:заседания|встречи|переговоров|саммита|форума|(?:телефонного\s+)?"
    r"разговора|беседы))?(?:\s+(?:лидеров|президентов|глав\s+государств))?)"
    r"|(?P<after>the\s+(?:next|following)\s+day|на\s+следующий\s+день)"
    r"|(?P<same>(?:prior\s+to|before)\s+the\s+(?:meeting|session)|перед\s+(?:заседанием|встречей)"
    r"|on\s+the\s+(?:sidelines|margins)\s+of\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|talks|summit|forum|opening|expo|exhibition|fair|ceremony|conference)"
    r"|на\s+полях\s+(?:заседания|встречи|переговоров|саммита|форума)"
    r"|(?:(?:later|earlier)\s+)?(?:(?:on|in)\s+)?(?:the\s+same|that)\s+(?:day|evening)"
    # a day's programme told in turn: "In the afternoon, the minister met ...", "He then held
    # talks with ...": the day of the contact told before
    r"|in\s+the\s+(?:afternoon|morning)|later\s+in\s+the\s+day"
    # "X on Tuesday co-chaired the commission's meeting | and later called on Putin"
    r"|(?:and\s+)?later(?=\s+(?:called\s+on|met|held|received|hosted|visited|joined)\b)"
    r"|(?:he|she)\s+then(?=\s+(?:met|held|received|hosted|visited|had|joined)\b)"
    r"|(?:(?:later|earlier)\s+)?(?:on\s+)?the\s+evening\s+of\s+the\s+same\s+day"
    r"|в\s+(?:тот|этот)\s+же\s+день"
    r"|(?:вечером|утром|днем|днём)\s+того\s+же\s+дня|в\s+тот\s+же\s+вечер"
    r"|тогда\s+же|позднее\s+в\s+тот\s+же\s+день)"
    # "After the exercise, the two navies will conduct a joint patrol": when the drills were
    r"|(?P<drill>(?:after|following|upon\s+(?:the\s+)?completion\s+of|at\s+the\s+end\s+of)"
    r"\s+the\s+(?:joint\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)"
    r"|по\s+(?:завершении|окончании|итогам)\s+(?:совместн\w+\s+)?учени\w+)"
    # "On arrival, Kozhemyako held talks": the first day of the visit told before
    r"|(?P<arrival>(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival|по\s+прибыти\w+|по\s+прилет\w+))"
    r"(?=\s*,|\s+(?-i:[A-ZА-ЯЁ])|\s+(?:met|held|received|hosted|visited|had|joined|called\s+on)\b"
    r"|\s+(?:he|she|they|his|her|their|the|его|её|ее|их|он|она|они"
    r"|в|во|состоял\w*|прош\w+|глав[аы]|министр\w*|вице-премьер\w*|президент\w*|премьер\w*"
    r"|губернатор\w*|мэр\w*|председател\w*|делегаци\w*|стороны"
    r"|посол|замминистра|[а-яё]+(?:ий|ый|ой|ая|ое|ие|ые))\b)",  # "В тот же день российский министр"
    re.I,
)


# ... and at a clause's end: "and was received by Xi in Beijing the next day", "Putin also
# addressed the business forum later that day", "had arrived the day before"
_DAY_OFF_END = re.compile(
    r"\b(?:(?P<before>the\s+(?:day|evening)\s+before|the\s+previous\s+day)"
    r"|(?P<after>the\s+(?:next|following)\s+day|на\s+следующий\s+день)"
    r"|(?P<same>(?:later\s+|earlier\s+)?(?:on\s+)?(?:that|the\s+same)\s+(?:same\s+)?(?:day|evening)"
    r"|в\s+(?:тот|этот)\s+же\s+день))(?:[\s\W]*$"
    # ... or before an aside on it: "held summit talks the following day, their first in
    # more than six years"
    r"|,\s+(?:their|his|her|its|the)\s+first\b"
    # ... or before what was done there: "hosted him for dinner the same evening, where the
    # two leaders held talks"
    r"|,\s+(?:where|when|at\s+which)\s)",
    re.I,
)


def day_off(clause: Clause, found: Found, told: list[Found], published: str | None) -> Found:
    """'The day before X was received by Y': the day before the last event told to the day
    (a report's meeting dated by its publication counts; not an occasion of several days,
    'the forum held on 24-26 June'), else before the report's day."""
    m = _DAY_OFF.match(clause.text) or _DAY_OFF_END.search(clause.text)
    told_as = m.groupdict() if m else {}  # (the clause's end tells no drills nor arrival)
    if told_as.get("drill"):  # the month of the drills told before (GOLD: no finer)
        drills = [f.event.date for f in told if f.event.mode == "military" and f.event.date]
        if found.explicit_date or found.event.date or not drills:
            return found
        return replace(found, event=replace(found.event, date=drills[-1][:7]), explicit_date=True)
    if told_as.get("arrival"):
        trips = [f for f in told if f.event.mode == "visit" and f.explicit_date]
        start = trips[-1].event.date if trips else None
        if found.explicit_date or start is None or len(start) != 10:
            return found
        return replace(found, event=replace(found.event, date=start), explicit_date=True)
    # the day of an event the text dates, not of one dated by the report ('заявил в ходе
    # переговоров': the talks told again)
    dated = [f for f in told if f.explicit_date] if m else []
    days = [
        f.event.date
        for f in dated or told
        if len(f.event.date or "") == 10 and f.event.date_end is None
    ]
    if m is not None and not days and not m["same"] and published and len(published) == 10:
        days = [published]
    if m is None or found.explicit_date or not days:
        return found
    shift = 0 if m["same"] else -1 if m["before"] else 1  # "Prior to the meeting": that day
    day = dt.date.fromisoformat(str(days[-1])) + dt.timedelta(days=shift)
    return replace(found, event=replace(found.event, date=day.isoformat()), explicit_date=True)


_FOLLOWED = re.compile(r"\s*followed\s+by\s", re.I)


def followed_by(clause: Clause, found: Found, before: list[Found]) -> Found:
    """'held the drills in August, followed by a joint patrol': the undated event that
    followed the one the clause before dates happened that year (not on the report's day)."""
    dated = [b for b in before if b.explicit_date and b.event.date]
    if not _FOLLOWED.match(clause.text) or found.explicit_date or len(dated) != 1:
        return found
    prev = dated[0].event
    if prev.status != found.event.status:
        return found
    year = str(prev.date)[:4]
    return replace(found, event=replace(found.event, date=year), explicit_date=True)


# "During the visit, President Xi and President Tokayev held talks in Astana" (after "since
# Xi's state visit to Kazakhstan in June"): the visit told before, and its talks then
_DURING_THE_VISIT = re.compile(
    r"^\W*(?:[^\n:.]{0,40}:\s*)?(?:during|in\s+the\s+course\s+of)\s+(?:the|this|that|his|her)"
    r"\s+(?:(?:state|official|working)\s+)?visit\b"
    r"|^\W*(?:в\s+ходе|во\s+время)\s+(?:(?:этого|своего|его|её|ее)\s+)?визита\b",  # Russian
    re.I,
)


def _last_told(
    found: list[Found], mode: str, status: str | None = None, dated: bool = True
) -> int | None:
    """Where in `found` the last event of that mode (and status) is, dated by the text when
    `dated`; None when the report told none."""
    return next(
        (
            i
            for i in range(len(found) - 1, -1, -1)
            if found[i].event.mode == mode
            and (status is None or found[i].event.status == status)
            and (found[i].explicit_date or not dated)
        ),
        None,
    )


def during_the_visit_told(clause: Clause, new: list[Found], found: list[Found]) -> list[Found]:
    i = _last_told(found, "visit")
    if i is None or not _DURING_THE_VISIT.match(clause.text):
        return new
    visit = found[i].event
    out = []
    for f in new:
        if f.event.mode == "visit" and not f.explicit_date:
            continue  # the visit told before, not another
        out.append(_held_during(f, visit))
    return out


def _held_during(f: Found, host: Event) -> Found:
    """An event with no date of its own, told as taking place during `host` (of its status):
    dated by it."""
    if f.explicit_date or f.event.status != host.status:
        return f
    return replace(f, event=replace(f.event, date=host.date), explicit_date=True)


_DURING_WHICH = re.compile(r"^\W*(?:during|in\s+the\s+course\s+of|at)\s+which\b", re.I)


def during_which(clause: Clause, new: list[Found], before: list[Found]) -> list[Found]:
    """'Ramaphosa's state visit to China in early September, during which he also attended
    the FOCAC summit': what the clause tells took place during the event before it, then."""
    if not before or not _DURING_WHICH.match(clause.text):
        return new
    return [_held_during(f, before[-1].event) for f in new]


_SIDELINES = re.compile(
    r"\bon\s+the\s+(?:sidelines|margins|fringes)\s+of\b|(?<![\w-])(?:на\s+полях|в\s+кулуарах)(?![\w-])",
    re.I,
)


def on_its_sidelines(clause: Clause, new: list[Found]) -> list[Found]:
    """'X met Y on the sidelines of the second Central Asia – China summit in Astana on June
    17': the talks with no date of their own are of the summit's day."""
    summit = next(
        (f for f in new if f.event.mode == "multilateral" and f.explicit_date and f.event.date),
        None,
    )
    if summit is None or not _SIDELINES.search(clause.text):
        return new
    day = summit.event.date or ""
    finer = next(
        (
            f.event.date
            for f in new
            if f.event.mode == "meeting"
            and f.explicit_date
            and (f.event.date or "").startswith(day)
            and len(f.event.date or "") > len(day)
        ),
        None,
    )  # "met twice in 2024: on July 3 on the sidelines of the SCO summit": its day too
    if finer is not None:
        told = summit
        summit = replace(told, event=replace(told.event, date=finer))
        new = [summit if f is told else f for f in new]
    return [_held_during(f, summit.event) if f.event.mode == "meeting" else f for f in new]


CALLED_OFF = re.compile(
    # ... "was quietly called off", "has been abruptly cancelled"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
    r"(?:cancell?ed|called\s+off|scrapped)\b"
    r"|(?<![\w-])(?:был[аои]?\s+)?отмен[её]н[аоы]?(?![\w-])",
    re.I,
)


# "No annual summit was held in 2022 or 2023", "the talks did not take place": nothing held
NOT_HELD = re.compile(
    r"\bno\s+(?:[\w-]+\s+){0,3}?(?:summits?|meetings?|talks|visits?|exercises?|patrols?|"
    r"sessions?|calls?)(?:\s+(?:of|between)\s+[^,;.]{1,40}?)?\s+(?:was|were|has\s+been|have\s+been|"
    r"had\s+been)\s+(?:held|made|paid|"
    r"conducted)\b|\b(?:was|were)\s+not\s+held\b|\bdid\s+not\s+take\s+place\b"
    r"|\bnever\s+took\s+place\b",
    re.I,
)


# "X and Y discussed logistics during the video conference": the one told before
_DURING_THE = re.compile(
    r"\b(?:during|at|in\s+the\s+course\s+of)\s+the\s+(?P<noun>video\s*-?\s*conference|"
    r"videoconference|video\s+call|phone\s+call|telephone\s+conversation|call|talks|meeting)\b",
    re.I,
)


def the_contact_told(clause: Clause, new: list[Found], found: list[Found]) -> list[Found]:
    """A contact named by its definite noun with no date of its own ('during the video
    conference') is the one of that mode told before: its people join it."""
    m = _DURING_THE.search(clause.text)
    if m is None:
        return new
    bare = "call" if m["noun"].lower() == "call" else "meeting"  # "the call": no trigger alone
    mode = next((mode for mode, _ in find_triggers(m["noun"])), bare)
    i = _last_told(found, mode)
    if i is None:
        return new
    out = []
    for f in new:
        if f.event.mode == mode and not f.explicit_date:
            g = found[i]
            people = tuple(dict.fromkeys([*f.event.participants, *g.event.participants]))
            found[i] = replace(g, event=replace(g.event, participants=people))
            continue
        out.append(f)
    return out


# "co-chaired the session with X": the session told before (not a new one of the day
# reported)
_THE_SESSION = re.compile(r"\b(?:co-?)?chair(?:ed|ing)\s+the\s+(?:session|sitting|meeting)\b", re.I)


def the_session_told(clause: Clause, f: Found, found: list[Found]) -> Found:
    if f.explicit_date or f.event.mode != "meeting" or not _THE_SESSION.search(clause.text):
        return f
    i = _last_told(found, "meeting")
    if i is None or found[i].event.status != f.event.status:
        return f
    date, date_end = found[i].event.date, found[i].event.date_end
    return replace(f, event=replace(f.event, date=date, date_end=date_end), explicit_date=True)


# a clause telling how the contact told before was held: "The meeting was held via
# videoconference", "Заседание прошло в режиме видеоконференции"
HELD_REMOTELY = re.compile(
    r"^\W*(?:the\s+(?:[\w-]+\s+)?(?:talks|meeting|session|negotiations|consultations)\s+"
    r"(?:were|was)\s+(?:held|conducted)\s+(?:via|by|in\s+(?:a|the)\s+format\s+of|in\s+(?:a\s+)?)"
    r"\s*(?:a\s+)?video"
    r"|(?:заседание|встреча|переговоры|консультации)\s+(?:[\w-]+\s+)?(?:прошл[оаи]|состоял\w+)"
    r"\s+в\s+(?:режиме|формате)\s+(?:видеоконференц|видеосвяз|онлайн))",
    re.I,
)


def by_video(found: list[Found]) -> None:
    """The meeting told last was held by video: a videoconference (PLOVER's mode)."""
    i = _last_told(found, "meeting", status="occurred", dated=False)
    if i is not None:
        found[i] = replace(found[i], event=replace(found[i].event, mode="video"))


def continued(ctx: DocContext, clause: Clause, before: list[Found]) -> Found | None:
    """'met in May in Moscow and in September in Beijing': a trigger-less clause that only adds
    another date (and place) repeats the one dated event of the clause before it."""
    # the contact, not the summit it was held at ("met in Kazan on the sidelines of the BRICS
    # summit, and before that in Astana in July at the SCO summit")
    told = [b for b in before if b.event.mode != "multilateral"] if len(before) > 1 else before
    if len(told) != 1 or not told[0].explicit_date or not _CONTINUES.match(clause.text):
        return None
    if any(mode != "multilateral" for mode, _ in find_triggers(clause.text)):
        return None
    prev = told[0].event
    expr = any_expr(clause, ctx, prev.status == "planned")
    if expr is None:
        return None
    date, date_end = expr.date, expr.date_end
    if _YEAR_TOLD.search(clause.sentence.text) and not date_end:
        date = in_year(expr, prev.date)  # "last year – in April … and in October …"
    if date is None or date == prev.date:
        return None
    event = replace(prev, date=date, date_end=date_end, place=place_of(ctx, clause))
    return replace(told[0], event=event)


_HOSTED = re.compile(r"host(?:ed|s|ing)?$", re.I)


def hosted_visit(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], meeting: Found
) -> list[Found]:
    """'When Tokayev hosted Xi Jinping in Astana in July 2024', 'Erdogan is expected to host
    Putin in Turkey next year': the guest's trip to the host's country is a visit too."""
    if not _HOSTED.match(trig.group(0)):
        return []
    at = clause.start + trig.start()
    hosts = [m for m in ctx.mentions_in(clause.start, at) if m.type == "person"]
    after = ctx.mentions_in(at, clause.end)
    guests = [m for m in after if m.type == "person"]
    if not hosts or not guests or hosts[-1].country in (None, guests[0].country):
        return []
    home = hosts[-1].country
    if not any(m.country == home and m.type in ("place", "state") for m in after):
        return []  # hosted where? (a summit abroad is no visit to the host)
    try:
        state = gaz.state(home)
    except KeyError:  # a body's code, no state of the gazetteer
        return []
    visit = replace(meeting.event, mode="visit", participants=(guests[0].actor, state.name))
    return [replace(meeting, event=visit, marks=frozenset(), times=1)]


# "Этот вопрос обсуждался на встрече с То Ламом", "at my meeting with X": with the one
# whose turn of a transcript it is
_MEETING_WITH = re.compile(r"\s+(?:с|со|with)\s", re.I)


def the_speaker_met(
    ctx: DocContext, clause: Clause, trig: re.Match[str], parts: list[Mention]
) -> list[Mention]:
    """In a transcript, a meeting 'with X' of no one else is the speaker's."""
    if not _MEETING_WITH.match(clause.text, trig.end()):
        return []
    speaker = speaker_at(ctx, clause.start)
    if speaker is None or speaker.country in {p.country for p in parts}:
        return []
    return [speaker]


_SIDELINES_OF = re.compile(
    r"\b(?:on\s+the\s+(?:sidelines|margins)\s+of|на\s+полях|в\s+рамках)\s", re.I
)


def occasion_of_talks(
    ctx: DocContext, clause: Clause, found: list[Found], new: list[Found]
) -> list[Found]:
    """'Встреча состоялась на полях форума, который прошел ...': the people of the talks told
    before were at the forum (the forum's clause names no one)."""
    if not (talks_told_again(clause.text) and _SIDELINES_OF.search(clause.text)):
        return new
    talks = [f for f in found if f.event.mode == "meeting" and f.event.status == "occurred"]
    kinds = {m.actor: m.type for m in ctx.mentions}
    people = [p for p in talks[-1].event.participants if kinds.get(p) == "person"] if talks else []
    out = []
    for f in new:
        named = any(kinds.get(p) == "person" for p in f.event.participants)
        if f.event.mode == "multilateral" and people and not named:
            parts = tuple(dict.fromkeys([*people, *f.event.participants]))
            f = replace(f, event=replace(f.event, participants=parts))
        out.append(f)
    return out


def summit_of_continued(ctx: DocContext, clause: Clause, again: Found) -> list[Found]:
    """'..., and before that in Astana in July at the SCO summit': the summit the repeated
    meeting was held at, with its people and the body."""
    summit = next((m for mode, m in find_triggers(clause.text) if mode == "multilateral"), None)
    if summit is None:
        return []
    bodies = [
        m.actor
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type == "organization" and m.country is None
    ]
    if not bodies:
        return []
    parts = tuple(dict.fromkeys([*again.event.participants, *bodies]))
    event = replace(again.event, mode="multilateral", participants=parts)
    marks = marks_of(clause, "multilateral", summit)
    return [replace(again, event=event, marks=marks, times=1)]


# "At the meeting, Trung said ...", "After the talks, the two sides signed ...": the
# contact told just before, named again as the setting of what follows
_BACK_REFERENCE = re.compile(
    r"^\W*(?:at|during|after|following|in\s+the\s+course\s+of|(?P<before>ahead\s+of|before|"
    r"prior\s+to|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to))\s+(?:the|their|that)\s+"
    r"(?!(?:next|upcoming|forthcoming)\b)"
    r"(?P<t>(?:[\w-]+\s+)?(?:talks|meeting|call|conversation|videoconference|visit|session))"
    r"\s*,",
    re.I,
)


def told_back(clause: Clause, f: Found, found: list[Found]) -> bool:
    """A contact named again as the setting of what follows ('During the talks, ...', 'Ahead
    of the meeting, X and Y held a video conference'), when an event of its mode was told
    before: no event of its own (its clause's date is what follows')."""
    back = _BACK_REFERENCE.match(clause.text)
    if back is None:
        # "Встреча состоялась на полях Российско-китайского форума": the talks told before
        return (
            talks_told_again(clause.text)
            and f.event.mode == "meeting"
            and any(g.event.mode == "meeting" for g in found)
        )
    modes = {mode for mode, _ in find_triggers(back["t"])}
    if back["before"] and f.event.mode in {
        mode for mode, _ in find_triggers(clause.text[back.end() :])
    }:
        return False  # "Prior to the meeting, X and Y held talks": talks of their own
    return f.event.mode in modes and any(g.event.mode == f.event.mode for g in found)
