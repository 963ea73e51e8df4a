"""When an event is: the date expression of a clause that belongs to an event trigger.

`event_date(clause, ctx, planned, trig, others)` is the clause's date expression that belongs
to this trigger; `any_date` / `any_expr` the first usable one of the clause; `followed_date`
the end of what an event is followed by; `in_year` a month read in a year the text gave.
Whether the event is still to come is `event_plans`'; a clause re-dating talks told before,
`event_retold`'s.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.extract.context import DocContext
from bilat.extract.event_clauses import Clause, find_triggers, lexicon
from bilat.extract.event_people import DAY_COUNTS, DAYS_APART
from bilat.extract.event_plans import FOLLOWING
from bilat.extract.figures_data import phrases
from bilat.extract.temporal import TimeExpr, find_time_expressions
from bilat.ingest.dates import yearless_dateline

__all__ = ["any_date", "any_expr", "event_date", "followed_date", "in_year"]


# a verb of holding right before a date: the date is of the event word the verb takes after
_HELD_BEFORE = re.compile(r"(?<![\w-])(?:провел|провела|провели|проведет|проведут)\s+$", re.I)


def any_date(
    clause: Clause, ctx: DocContext, planned: bool, after: int | None = None
) -> tuple[str | None, str | None]:
    """The clause's first usable date; with `after`, none that ends before that position."""
    expr = any_expr(clause, ctx, planned, after=after)
    return (expr.date, expr.date_end) if expr is not None else (None, None)


_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def followed_date(clause: Clause, ctx: DocContext, trig: re.Match[str]) -> str | None:
    """'The drills will last until August 5 and will be followed by a joint patrol': what
    follows is held in the month the first ends."""
    if not _FOLLOWED_BY.search(clause.text, 0, trig.start()):
        return None
    for expr in find_time_expressions(clause.text[: trig.start()], ctx.published, tense="future"):
        if expr.date and _until(clause.text, expr.start):
            return expr.date[:7]
    return None


def any_expr(
    clause: Clause, ctx: DocContext, planned: bool, after: int | None = None
) -> TimeExpr | None:
    """The clause's first date expression that can date an event in it (with `after`, none
    that ends before that position: another event's)."""
    tense = "future" if planned else "past"
    for expr in find_time_expressions(clause.text, ctx.published, tense=tense):
        if (
            expr.date
            and (after is None or expr.end > after)
            and not _POSSESSIVE.match(clause.text, expr.end)
            and not _not_event_date(clause.text, expr.start, expr.end)
            and not (planned and _said_on(clause.text, expr.start))
            and not _until(clause.text, expr.start)
            and not _deadline(clause.text, expr)
            and _attributive(clause.text, expr.start, expr.end) is None
            and not _COMES_AFTER.match(clause.text, expr.start)
            and not _in_a_relative_clause(clause.text, expr.start)
            and not _since_another(clause.text, expr.start)
            and not _in_a_clause_after(clause.text, expr.start)
        ):
            return expr
    return None


_DETERMINER = re.compile(r"(?:\band|,)\s+(?:the|a|an|its|their|his|her)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def _attributive(text: str, start: int, end: int) -> int | None:
    """Where the noun starts that a date modifies when it opens a coordinated noun phrase
    ("for the SCO summit and the September 3 commemorations"): the date is that noun's, not
    the event's named before it. None when the date stands on its own or dates the occasion
    of the event ("met at the September 3 parade")."""
    if not _DETERMINER.search(text[max(0, start - 12) : start]):
        return None
    noun = _NOUN_AFTER.match(text, end)
    if noun is None or noun.group(1).lower() in phrases("units.yaml", "function_words"):
        return None
    return noun.start(1)


# between a date and the event noun it modifies: nothing but capitalised words of a name
_NAME_WORDS = re.compile(r"\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}")
_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'’-]{2,40},(?:\s*[A-Z][A-Za-z]+,)?\s*$")


_SAID_ON = re.compile(
    r"\b(?:said|says|announced|reported|stated|told\s+\w+|confirmed|added)"
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]+)?\s+(?:on|in|at)?\s*$",  # "told reporters in Ankara on"
    re.I,
)


_UNTIL = re.compile(r"(?:\b(?:until|till|through)|(?<![\w-])до)\s+$", re.I)


def _until(text: str, start: int) -> bool:
    """'will last until September 7': when the event ends, not when it is held."""
    return _UNTIL.search(text, max(0, start - 10), start) is not None


_BY = re.compile(r"(?:\bby|(?<![\w-])ко?)\s+$", re.I)


def _deadline(text: str, expr: TimeExpr) -> bool:
    """'to raise capacity to 5,000 trucks a day by 2028' / 'к 2028 году': a target's year,
    not when the talks that set it were held."""
    return (
        len(expr.date or "") == 4
        and _BY.search(text, max(0, expr.start - 4), expr.start) is not None
    )


# "received Chernyshenko, telling him that Vietnam welcomed 480,000 Russians in
# January-October": the period of what was said, not the day of the contact
_SPEECH_THAT = re.compile(
    r",\s+(?:telling|saying|noting|adding|stressing|assuring|informing)\s+(?:\w+\s+)?that\b"
    # "X, who co-chaired the session with Y, said Pakistan imported ... in FY25": what was
    # said (not "said on Tuesday": the day of the statement)
    r"|,\s+(?:said|says|told\s+(?:reporters|journalists|the\s+\w+))\s+(?!on\b|in\b|last\b|this\b)",
    re.I,
)


def _in_what_was_said(text: str, trig: re.Match[str], start: int) -> bool:
    speech = _SPEECH_THAT.search(text, trig.end())
    return speech is not None and speech.start() < start


# "Jaishankar and Lavrov, who spoke on Thursday, reviewed preparations for the summit": the
# date of a person's relative clause that tells no event of its own dates none outside it
_WHO_CLAUSE = re.compile(r",\s+who\s[^,;]{3,120}?,", re.I)


def _closed_who_clause(text: str, start: int) -> re.Match[str] | None:
    """The ', who ...,' clause a date follows right after its closing comma: the date is of
    the clause it interrupts (and of what it tells, when it tells a contact)."""
    return next(
        (
            m
            for m in _WHO_CLAUSE.finditer(text, 0, start)
            if re.fullmatch(r"\s*(?:on|in)?\s*", text[m.end() : start], re.I)
        ),
        None,
    )


def _in_a_relative_clause(text: str, start: int, trig: re.Match[str] | None = None) -> bool:
    return any(
        m.start() < start < m.end()
        and not (trig is not None and m.start() < trig.start() < m.end())
        and not find_triggers(m.group(0))
        for m in _WHO_CLAUSE.finditer(text)
    )


# "for talks on the 25-year agreement the two countries signed in 2021": the document's date
_SIGNED_DATE = re.compile(
    r"\b(?:signed|adopted|ratified|inked|подписали|подписанн\w+|подписан\w*)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _a_documents_date(text: str, start: int, trig: re.Match[str]) -> bool:
    m = _SIGNED_DATE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    # "соглашения ..., подписанного в 2019 году", "an agreement signed in 2019": a document's
    # date wherever the event word is (not "signed on Tuesday during talks": the talks')
    return trig.end() <= m.start() or bool(
        _DOCUMENT_SIGNED.match(text, m.start())
        or _DOCUMENT_BEFORE.search(text, max(0, m.start() - 12), m.start())
    )


# the years a document covers: "signed a roadmap of cooperation ... for 2025-2027",
# "программу сотрудничества на 2024-2026 годы" (not the signing's date)
_COVERS = re.compile(
    r"\b(?:road\s?map|programme|program|plan|strategy|agreement|memorandum|concept)\b"
    r"[^.;]{0,100}?\s(?:for|until|through|to)\s+(?:the\s+)?(?:years?\s+)?$"
    r"|(?<!\w)(?:программ|план|стратеги|дорожн\w+\s+карт|соглашени|концепци)\w*"
    r"[^.;]{0,100}?\s(?:на|до)\s+$",
    re.I,
)


def _a_documents_years(text: str, start: int, trig: re.Match[str]) -> bool:
    """A span of years after a document noun, past the event word, is what it covers."""
    return start >= trig.end() and bool(_COVERS.search(text, max(0, start - 140), start))


_DOCUMENT_SIGNED = re.compile(r"подписанн\w+", re.I)
_DOCUMENT_BEFORE = re.compile(r"\b(?:agreement|treaty|contract|memorandum)\s+$", re.I)


def _since_another(text: str, start: int, trig: re.Match[str] | None = None) -> bool:
    """'a summit with Xi, their first since talks in Beijing in May 2024': the date of the
    contact before, not of the summit (but 'since their meeting in Xi'an in May 2023' dates
    that meeting)."""
    m = _SINCE_PHRASE.search(text, max(0, start - 50), start)
    return m is not None and not (trig is not None and m.start() <= trig.start() < start)


# "первая поездка ... после того, как в июне прошлого года был подписан Договор": the date of
# the subordinate clause (what the trip came after), not of the trip
_AFTER_CLAUSE = re.compile(
    r"(?<![\w-])(?:(?:после|до)\s+того|с\s+тех\s+пор|с\s+того\s+момента)\s*,?\s*как\b", re.I
)


def _in_a_clause_after(text: str, start: int, trig: re.Match[str] | None = None) -> bool:
    m = _AFTER_CLAUSE.search(text, trig.end() if trig is not None else 0, start)
    return m is not None and not find_triggers(text[m.end() : start])


def _said_on(text: str, start: int) -> bool:
    """'the ministry said on Sept. 8 that the navy will join': the date of the statement,
    not of what it announces."""
    return _SAID_ON.search(text, max(0, start - 50), start) is not None


def _not_event_date(text: str, start: int, end: int) -> bool:
    """A dateline ('MOSCOW, Sept. 1 --') dates the report; 'since 2019' starts a series
    (GOLD: a recurring series with no date is one undated event); 'по итогам 2024 года' is
    the period of a result."""
    since = text[:start].rstrip().lower().endswith("since") or text[start:end].lower().startswith(
        "since"
    )
    # ... but "since October, when Putin attended the forum": when that happened
    since = since and not _WHEN_AFTER.match(text, end)
    # "проводится ... с 2014 года": since a year (not "с 5 по 7 июня", a span)
    since = since or bool(
        (
            _SINCE_YEAR_RU.fullmatch(text[start:end])
            and _SINCE_RU.search(text, max(0, start - 3), start)
        )
        or _SINCE_RU_IN.match(text[start:end])
    )
    # (not "по итогам прошедшего накануне заседания": the day of the meeting whose results)
    results = _RESULTS_OF.search(text, max(0, start - 30), start) is not None and not (
        _HELD_PARTICIPLE.match(text, start)
    )
    # "New Delhi, Jan 20 (PTI)" too: a dateline opens the text, so only a date near its start
    wire = yearless_dateline(text[: end + 40]) if start < 60 else None
    dateline = bool(_DATELINE.match(text[:start])) or (
        wire is not None and wire[2] <= start and end <= wire[3] + 1
    )
    # "MOSCOW. Nov 17 (Interfax) - ...": the sentence begins after the city
    dateline = dateline or (not text[:start].strip() and bool(_AGENCY_NEXT.match(text, end)))
    return dateline or since or results or _term_of_a_document(text, start, end)


# the years a document runs for: "Дорожная карта ... на 2025–2027 годы", "План консультаций
# на 2024-2025 годы", "a cooperation programme for 2026-2030"
_TERM_BEFORE = re.compile(
    r"(?:\bfor(?:\s+the\s+(?:years|period))?|(?<![\w-])на(?:\s+период)?)\s+"
    r"(?:(?:19|20)\d\d\s*[-–—]\s*)?$",  # "на 2025–[2027 годы]": the span's end read alone
    re.I,
)
_DOCUMENT_WORD = re.compile(
    r"\b(?:plan|programme|program|road\s?map|strategy|agreement|memorandum|treaty|protocol|"
    r"concept|contract)s?\b|(?<![\w-])(?:дорожн\w+\s+карт|план|программ|стратеги|соглашени|"
    r"меморандум|концепци|договор|протокол|контракт)\w*",
    re.I,
)


def _term_of_a_document(text: str, start: int, end: int) -> bool:
    """Years after 'на'/'for' that a document named just before runs for: no event's date."""
    if not re.search(r"(?:19|20)\d\d", text[start:end]) or re.search(
        r"[а-яa-z]{3,}\s+(?:19|20)\d\d", text[start:end], re.I
    ):
        return False  # years only (not "на 15 мая 2025 года", "for May 2026")
    if not _TERM_BEFORE.search(text, max(0, start - 24), start):
        return False
    return _DOCUMENT_WORD.search(text, max(0, start - 140), start) is not None


_SINCE_PHRASE = re.compile(
    r"\bsince\s+(?:(?:a|the|their|his|her)\s+)?(?:meeting|talks|visit|trip|call|summit)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:in|on)\s+$"
    # ... and "his first since taking office in May", "since becoming premier in March"
    r"|\bsince\s+[a-z]+ing\b(?:\s+[\w'’-]+){0,3}?(?:\s+(?:in|on))?\s+$"
    # ... and "his first trip to China since he took up the post in May last year"
    r"|\bsince\s+(?:he|she|they)\s+[a-z]+(?:\s+[\w'’-]+){0,4}?\s+(?:in|on)\s+$"
    # ... and "his first trip abroad since his inauguration for a fifth term on May 7"
    r"|\bsince\s+(?:(?:a|the|their|his|her|its)\s+)?(?:inauguration|election|re-election|"
    r"appointment|swearing-in|accession)\b(?:\s+[\w'’-]+){0,5}?\s+(?:in|on)\s+$"
    # ... and "his first visit to Russia since the invasion of Ukraine in 2022", "since the
    # start of the war in February 2022": a happening named by a noun with its "of"
    r"|\bsince\s+(?:the\s+)?(?:invasion|start|beginning|outbreak|end|onset|collapse|annexation)"
    r"\s+of\s+(?:[\w'’-]+\s+){1,4}?(?:in|on)\s+$",
    re.I,
)
_HELD_PARTICIPLE = re.compile(r"(?:прошедш|состоявш|проходивш|завершивш)\w*\s", re.I)
_SINCE_YEAR_RU = re.compile(r"(?:19|20)\d\d(?:\s*(?:года|г\.?))?", re.I)
_SINCE_RU = re.compile(r"(?<![\w-])с\s+$", re.I)
_SINCE_RU_IN = re.compile(r"с\s+(?:19|20)\d\d(?:\s*(?:года|г\.?))?$", re.I)
_AGENCY_NEXT = re.compile(r"\.?\s*(?:\([A-Z][\w .-]{1,24}\)|/[A-ZА-ЯЁ][\w -]{1,15}/)")


# "по итогам 2024 года", "за 2024 год", "за аналогичный период прошлого года", "the same
# period of last year": the period a result covers or is compared with, not an event's date
_RESULTS_OF = re.compile(
    r"(?:\bпо\s+итогам|(?<![\w-])за|\bаналогичн\w+\s+период\w*"
    r"|\b(?:same|corresponding)\s+period\s+(?:of|in)?)\s+$",
    re.I,
)


_WHEN_LEAD = re.compile(r"^\W*(?:when|while|as)\s[^,;]{5,160},", re.I)
# "..., held during Xi's first state visit to the North": the setting of the event told
_HELD_DURING = re.compile(
    r",\s+(?:which\s+was\s+|that\s+was\s+)?held\s+during\s+(?:[\w'’-]+\s+){0,4}$", re.I
)
# "visited Beijing on Nov. 3 for talks with Li Qiang", "will travel to Delhi next week to
# attend the summit": the trip's purpose, held during it
_TRIP_FOR = re.compile(
    r"\b(?:for|to\s+(?:hold|attend|take\s+part\s+in))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,4}$"
    # ... and a contact told with the trip: "visited Beijing on Nov. 4 and was received by Xi"
    r"|\band\s+(?:(?:was|were|also|then)\s+)*$",
    re.I,
)
_TRIP = re.compile(r"visit|travel|trip|arriv|flew|fly|journey|tour|приб|визит|поездк", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")  # "yesterday's talks": the date of the noun after it
_COMES_AFTER = re.compile(r"(?:comes?|came)\s", re.I)  # "came three days after the talks"
# "were discussed on Friday, when Wang Yi held a phone call with ...": the day the clause
# after it tells of
_WHEN_AFTER = re.compile(r",?\s+when\s", re.I)


def event_date(
    clause: Clause,
    ctx: DocContext,
    planned: bool,
    trig: re.Match[str],
    others: list[re.Match[str]],
) -> tuple[str | None, str | None]:
    """The clause's date expression closest to this trigger (not to another trigger)."""
    tense = "future" if planned else "past"

    def gap(expr_start: int, expr_end: int, m: re.Match[str]) -> int:
        return max(m.start() - expr_end, expr_start - m.end(), 0)

    def owner(start: int, end: int) -> re.Match[str]:
        """Dates follow their event noun ('visit to Moscow in May after phone talks'): the
        nearest trigger before the expression owns it, else the nearest after it."""
        # (not "По итогам встречи Осипов ... в следующем месяце посетит": the meeting is
        # only what the visit follows)
        every = [trig, *(o for o in others if not FOLLOWING.search(clause.text, 0, o.start()))]
        if (
            _POSSESSIVE.match(clause.text, end)
            or _WHEN_AFTER.match(clause.text, end)
            or _COMES_AFTER.match(clause.text, start)
            or (_HELD_BEFORE.search(clause.text, max(0, start - 30), start))
        ):  # "провела в понедельник в Чанчуне переговоры": the verb's object is after it
            # "yesterday's talks", "comes two weeks after … talks": the date of what follows
            pool = [t for t in every if t.start() >= end] or every
            return min(pool, key=lambda t: gap(start, end, t))
        before = [t for t in every if t.end() <= start]
        # not across a comma when a trigger follows ("находящийся с визитом до 23 октября,
        # в понедельник провел переговоры": Monday is the talks')
        near = [t for t in before if not re.search(r"[,;]", clause.text[t.end() : start])]
        after = [t for t in every if t.start() >= end]
        pool = near or (after if before and after else []) or before or every
        return min(pool, key=lambda t: gap(start, end, t))

    def eligible(start: int, end: int) -> bool:
        """Owned by this trigger, or following it with no comma or dash between
        ('met on the sidelines of the summit in Kazan on Tuesday'); a date that modifies
        another noun ('the September 3 commemorations') is that noun's."""
        if _COMES_AFTER.match(clause.text, start):
            return trig.start() >= end  # "came three days after his talks": the talks' date
        who = _closed_who_clause(clause.text, start)
        if who is not None and (trig.end() <= who.start() or who.start() < trig.start()):
            return True  # "met Shan, who was on a visit to Moscow, on Feb. 18": both's day
        lead = _WHEN_LEAD.match(clause.text)
        if lead and end <= lead.end() < trig.start():
            return True  # "When Xi came to Moscow in March 2023, ... his talks with Putin"
        if end <= trig.start() and _NAME_WORDS.fullmatch(clause.text, end, trig.start()):
            return True  # "watched the May 9 Victory Day parade": the date names the noun
        noun = _attributive(clause.text, start, end)
        if noun is not None:
            return trig.start() <= noun + 30 and noun <= trig.end()
        if _NEW_PREDICATE.search(clause.text, min(trig.end(), start), max(trig.start(), end)):
            return False  # "met on the sidelines of the summit ... and agreed that their
            # ministers would meet next month": the date of what was agreed
        if owner(start, end) is trig:
            return True
        return start >= trig.end() and not re.search(
            r"[,;—–]|\s-\s", clause.text[trig.end() : start]
        )

    exprs = [
        e
        for e in find_time_expressions(clause.text, ctx.published, tense=tense)
        if e.date
        and not _not_event_date(clause.text, e.start, e.end)
        and not (planned and _said_on(clause.text, e.start))
        and not _until(clause.text, e.start)
        and not _deadline(clause.text, e)
        and not _in_what_was_said(clause.text, trig, e.start)
        and not _in_a_relative_clause(clause.text, e.start, trig)
        and not _since_another(clause.text, e.start, trig)
        and not _in_a_clause_after(clause.text, e.start, trig)
        and not _a_documents_date(clause.text, e.start, trig)
        and not _a_documents_years(clause.text, e.start, trig)
    ]
    where = _WHERE.search(clause.text, 0, trig.start())
    there = [e for e in exprs if where and 0 <= where.start() - e.end <= 1]
    if there:  # "a trip that will take him ... to Beijing on Tuesday, where he is due to meet
        return there[-1].date, there[-1].date_end  # Xi": the day of that stop
    # a year inside the event's own name ('Vostok 2022 exercises ... on August 31') dates it
    # only when nothing else does
    exprs.sort(
        key=lambda e: (trig.start() < e.end and e.start < trig.end(), gap(e.start, e.end, trig))
    )
    found = [e for e in exprs if eligible(e.start, e.end)]
    # "Vucic said on Sunday, referring to his meeting with Putin on September 2": the day of
    # the saying dates the event only when the clause gives it no day of its own
    if any(e.start >= trig.end() for e in found):
        found = [e for e in found if not (e.end <= trig.start() and _said_on(clause.text, e.start))]
    if not found:
        hosted = [t for t in others if t.end() <= trig.start()]
        trips = [t for t in hosted if _TRIP.search(t.group(0))]
        past_trip = bool(trips) and bool(re.search(r"ed$|flew$", trips[-1].group(0), re.I))
        if (
            trips
            and not (planned and past_trip)  # "Doval, who visited Beijing in December for the
            # talks, is expected to brief Modi": a past trip, no date of what is planned
            and _TRIP_FOR.search(clause.text, trips[-1].end(), trig.start())
        ):
            rest = [t for t in others if t is not trips[-1]]
            day, _ = event_date(clause, ctx, planned, trips[-1], rest)
            return day, None  # the trip's (first) day
        if hosted and _HELD_DURING.search(clause.text, max(0, trig.start() - 60), trig.start()):
            # "their summit in Pyongyang in June 2019, held during Xi's first state visit":
            # the visit is dated by what it hosted
            host = max(hosted, key=lambda t: t.end())
            rest = [t for t in others if t is not host]
            return event_date(clause, ctx, planned, host, rest)
        # "China's participation in Russia's Ocean-2024 maneuvers": the edition's year
        # (not "have started the naval exercise Ocean-2028": under way, of the report's day)
        lex = lexicon()
        told = (lex.exercise_start, lex.exercise_end, lex.exercise_under_way)
        if planned or any(p.search(clause.text) for p in told):
            return None, None
        edition = _EDITION_YEAR.search(trig.group(0)) or _named_edition_year(clause.text)
        return (edition.group(0), None) if edition else (None, None)
    date, date_end = found[0].date, found[0].date_end
    apart = _DAYS_APART_TO.search(clause.text, found[0].end, trig.start())
    if apart and len(date or "") == 10 and date_end is None:
        # "Bolat said on Tuesday, a day after holding a videoconference with Wang": Monday
        days = DAY_COUNTS[apart["n"].lower()] * (-1 if apart["way"].lower() == "after" else 1)
        date = (dt.date.fromisoformat(str(date)) + dt.timedelta(days=days)).isoformat()
    if _WHEN_AFTER.match(clause.text, found[0].end):
        date_end = None  # "since October, when he attended the forum": then, not since
    edition = _EDITION_YEAR.search(trig.group(0))
    if edition and not re.search(r"\d{4}", found[0].text):
        # "Joint Sea-2024 was held in July": the month of the edition's year
        date = in_year(found[0], edition.group(0))
    # "last year's exercise ... was held in August": the month within the year (not the day
    # the report was made: "... returned last week, the press service reported on Thursday")
    # ... and one in apposition right after it: "met only once this year, on Sept. 1"
    apposed = [e for e in exprs if _APPOSED.fullmatch(clause.text, found[0].end, e.start)]
    finer = [
        in_year(e, date)
        for e in [*found[1:], *apposed]
        if e.date
        and date
        and in_year(e, date) != date
        and in_year(e, date).startswith(date)
        and not _said_on(clause.text, e.start)
    ]
    return (finer[0], None) if finer and date_end is None else (date, date_end)


_EDITION_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_APPOSED = re.compile(r",\s*(?:on\s+|in\s+)?")


def _named_edition_year(text: str) -> re.Match[str] | None:
    """The year of the one exercise edition a clause names ('Ocean-2024'), if one."""
    names = list(lexicon().exercise_names.finditer(text))
    return _EDITION_YEAR.search(names[0].group(0)) if len(names) == 1 else None


# "..., a day after holding talks with": what follows happened that many days earlier
_DAYS_APART_TO = re.compile(
    r"\b" + DAYS_APART.pattern + r"\s+"
    r"(?:(?:holding|having|his|her|their|the|a|an|its)\s+){0,2}(?:[\w-]+\s+){0,2}$",
    re.I,
)
_WHERE = re.compile(r",\s+where\s+[^,;]{0,80}$", re.I)


# a second predicate of the clause's subject: what follows it is another matter
_NEW_PREDICATE = re.compile(
    r"\band\s+(?:also\s+)?(?:agreed|said|announced|decided|pledged|vowed|promised|confirmed)\b",
    re.I,
)


def in_year(expr: TimeExpr, year: str | None) -> str:
    """A month or day the text gives without a year, read in `year` ("last year – in April"):
    otherwise the expression's own date."""
    own = expr.date or ""
    if not year or len(year) < 4 or len(own) < 7 or re.search(r"\d{4}", expr.text):
        return own
    return year[:4] + own[4:]
