"""Whether an event is still to come: the plans that govern event triggers.

`planned_near` tells a trigger governed by a future marker ('will visit', 'is scheduled for
June', 'remains on the agenda'); `for_a_planned_trip` the occasion a planned trip is for;
`told_after_a_past_one` where a planned event follows one told as done in the same clause;
`status_by_date` a date after publication.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.extract.event_clauses import lexicon
from bilat.extract.nlp_ru import analyses

__all__ = [
    "FOLLOWING",
    "FUTURE_TRIGGER",
    "for_a_planned_trip",
    "planned_near",
    "scheduled_present",
    "status_by_date",
    "told_after_a_past_one",
]

FUTURE_TRIGGER = re.compile(
    r"(?:is|are) expected\b|will\b|would\b|to\b|expect|await|wait|жд[её]м|ждут|ожида", re.I
)


_AFTER = re.compile(
    r"\b(?:is|are|was|were)\s+(?:expected|scheduled|planned|due|set)\b"
    r"|\b(?:to|will|would)\s+(?:take place|be held|be convened)\b"
    # "a Nigeria-China Business Forum will hold in Lagos on October 14" (Nigerian English)
    r"|\b(?:will|would)\s+hold\s+(?=(?:in|on|at|from|between)\b)"
    # "the China-UAE Economic and Trade Forum, which opens at Dubai World Trade Centre on
    # Thursday": a programme's present tense, still to come
    r"|\b(?:which|that)\s+(?:opens|starts|begins|kicks\s+off|takes\s+place|is\s+held)\b"
    r"|\b(?:scheduled|planned|set|slated)\s+for\b"
    r"|,\s*(?:expected|due)\s+(?:in|on|at|by|next|later|early|late|this|around)\b"  # "visit to
    # China, expected in the first week of March": a reduced relative clause
    # "Putin's visit to Turkiye remains on the agenda but no date has been set yet" (not
    # "trade was on the agenda of the talks": told of a contact held)
    r"|\b(?:remains?|stays?|(?:is|are)\s+still)\s+on\s+(?:the\s+)?agenda\b"
    r"|\bno\s+(?:firm\s+)?dates?\s+(?:(?:has|have)\s+(?:yet\s+)?been\s+)?(?:set|fixed|agreed)\b"
    r"|(?<![а-яё])(?:пройд[её]т|пройдут|состоится|состоятся|намечен[аоы]?|намеченн\w+|"
    r"запланирован[аоы]?|запланированн\w+|планиру[ею]тся)(?![а-яё])",
    re.I,
)


def planned_near(text: str, trig: re.Match[str], others: list[re.Match[str]]) -> bool:
    """A future marker governing this trigger: before it with no other trigger in between
    ('will visit', 'agree on a visit'), or after it only as 'is scheduled / will take place'.
    'Putin, Xi hold phone call, agree on Xi's visit in May' makes the visit planned, not the call;
    a marker that is itself another trigger ('Xi to visit Moscow after phone talks') is that
    trigger's. Coordinated verbs share it: 'will take part in the summit and hold talks'."""
    past = trig[0].lower().split()[0] in _PAST_VERBS  # "will met" is no English: not governed
    for m in lexicon().planned.finditer(text, max(0, trig.start() - 110), trig.end()):
        if m.start() > trig.start() or past:
            continue
        if m.end() < trig.start() - 60 and re.search(r"[,;]", text[m.end() : trig.start()]):
            continue  # far before it only in one stretch: "will be in Tianjin for the
            # Shanghai Cooperation Organisation (SCO) summit"
        if any(o.start() < m.end() and m.start() < o.end() for o in others) and not (
            _INVITED_TO.fullmatch(text, m.start(), trig.start())
        ):
            continue  # the marker is another trigger's own words (but "has invited Xi to the
            # BRICS summit in Kazan": the occasion invited to is to come as well)
        if _OF_THEIR.search(text, m.end(), trig.start()):
            continue  # "would be the centerpiece of his talks": the talks are told as fact
        if _AGREED_AT.match(m[0]) and _AT_THE.search(text, m.end(), trig.start()):
            continue  # 'agreed on new rules at the meeting': what was agreed, where
        if m[0].lower().startswith("agree") and any(
            _AFTER_THE.search(text, m.end(), t.start())
            for t in [trig, *others]
            if m.end() < t.start() <= trig.start()
        ):
            continue  # 'agreed to expand shipments after talks in Sochi during Erdogan's
            # visit': the talks it followed, and the visit they were held in
        if (
            _OPENING_EVE.match(m[0])
            and not text[: m.start()].strip()
            and "," in text[m.end() : trig.start()]
        ):
            continue  # "On the eve of the meeting, X held talks by video": X's own, past (not
            # "ahead of Xi's state visit": the visit)
        if _DISCUSSED.search(text, max(0, m.start() - 110), m.start()) and _OCCASION_NOUN.search(
            text, m.end(), trig.start()
        ):
            continue  # 'discussed preparations for the session by phone': a past call (not
            # 'обсудили подготовку визита': the visit prepared is the plan)
        return True
    if _NEXT.search(text, max(0, trig.start() - 40), trig.start()):
        return True  # "the next, 19th meeting of the commission"
    for o in others:  # "will meet again within the framework of the Shanghai Cooperation
        # Organization (SCO) summit": the setting of a planned contact is planned; "will
        # attend the summit ... before flying to Beijing for talks": the next step of the plan
        if o.end() <= trig.start() and (
            _SETTING.fullmatch(text, o.end(), trig.start())
            or _NEXT_STEP.search(text, o.end(), trig.start())
        ):
            rest = [x for x in others if x is not o]
            if planned_near(text, o, rest):
                return True
    if _russian_future_before(text, trig, others):
        return True  # "Мантуров возглавит делегацию на выставке": a perfective future
    if trig[0].lower() in _PRESENT_VERBS and _BEFORE_SUBJECT.search(text, 0, trig.start()):
        return True  # "before the heads of government meet in November": still to come
    # "the meeting of the [long name of a commission] will be held"
    trip = bool(_TRIP_NOUN.search(text, 0, trig.start())) and bool(_TRIP.fullmatch(trig[0]))
    for m in _AFTER.finditer(text, trig.end(), min(len(text), trig.end() + 180)):
        if not any(
            trig.end() <= o.start() < m.start()
            and not (trip and _ITS_OCCASION.search(text, trig.end(), o.start()))
            for o in others
        ):  # (a trip's occasion between: "the visit of Putin to India for the 23rd annual
            # summit is expected in early December")
            return True
    return False


_TRIP = re.compile(r"(?:(?:state|official|working)\s+)?(?:visit|trip)", re.I)
_TRIP_NOUN = re.compile(r"(?:\b(?:the|a|an|his|her|their)|['’]s)\s+(?:[\w-]+\s+){0,2}$", re.I)


_ITS_OCCASION = re.compile(
    r"\b(?:for|to\s+attend|to)\s+(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,5}$", re.I
)


_INVITED_TO = re.compile(
    r"invit(?:ed|es|e|ing)\s+(?:[\w'’.-]+\s+){1,5}?to\s+(?:attend\s+|join\s+)?"
    r"(?:the|a|an|this|next)\s+(?:[\w'’-]+\s+){0,6}?"
    r"|пригласил\w*\s+(?:[\w.-]+\s+){1,5}?(?:на|в)\s+(?:[\w«»-]+\s+){0,6}?",
    re.I,
)
_CYRILLIC_WORD = re.compile(r"[а-яё]+", re.I)
# the verb right after a trip's noun: "с визитом приедет", "с рабочим визитом прибудут"
_VERB_AFTER = re.compile(r"\s+(?:также\s+)?[а-яё]+(?=\s)", re.I)
# what follows a speaker's aside: "Напомним,", "Напомню также, что", "Отмечу лишь, что"
_ASIDE = re.compile(r"(?:\s+(?:также|ещё|еще|лишь|вновь|раз|только))*\s*(?:,|\s+что\b)", re.I)


def _russian_future_before(text: str, trig: re.Match[str], others: list[re.Match[str]]) -> bool:
    """A Russian verb in the future (perfective non-past: 'возглавит', 'подпишут', 'обсудят')
    between the previous trigger and this one, the trigger itself ('я посещу Китай') or the
    word right after it ('с визитом приедет'),
    its likeliest reading by pymorphy3."""
    start = max([0, trig.start() - 100, *(o.end() for o in others if o.end() <= trig.start())])
    after = _VERB_AFTER.match(text, trig.end())  # "с визитом приедет министр"
    end = after.end() if after else trig.end()
    for m in _CYRILLIC_WORD.finditer(text, start, end):
        readings = analyses(m[0].lower())
        if readings and readings[0][1] == "VERB" and "futr" in readings[0][2]:
            if "1per" in readings[0][2] and _ASIDE.match(text, m.end()):
                continue  # "Напомним, в июне ...", "Напомню также, что ...": the report's
                # aside, not a plan
            return True
    return False


_SETTING = re.compile(
    r"\s+(?:again\s+)?(?:within\s+the\s+framework\s+of|on\s+the\s+(?:sidelines|margins)\s+of|"
    r"at|during|in\s+the\s+course\s+of)\s+(?:the\s+)?(?:[\w'’()-]+\s+){0,6}",
    re.I,
)
# a trip's next step told as a participle: "before flying to Beijing for talks with Xi",
# "after arriving in Hanoi to meet"
_NEXT_STEP = re.compile(
    r"\b(?:before|after|then)\s+(?:[a-z]+ing)\s+(?:to|on\s+to)\s+[A-Z][\w-]*\s+"
    r"(?:for|to\s+(?:hold|meet|attend))\s+(?:[\w'’-]+\s+){0,2}$"
)
_AGREED_AT = re.compile(r"agreed\s+(?:on|upon)\b", re.I)
_AFTER_THE = re.compile(
    r"\s(?:after|following)\s+(?:(?:the|their|his|her|formal|informal|[\w-]+-day)\s+){0,2}$",
    re.I,
)
_OF_THEIR = re.compile(r"\bof\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?$", re.I)
_OPENING_EVE = re.compile(r"on the eve of|ahead of|in the run-up to", re.I)
_OCCASION_NOUN = re.compile(
    r"\b(?:session|meeting|visit|talks|summit|forum|trip|drills?|exercises?|заседани\w*|встреч\w*|"
    r"визит\w*|саммит\w*|учени\w*)\b",
    re.I,
)
_DISCUSSED = re.compile(  # "discussed trade, regional issues and preparations for ..."
    r"\b(?:discussed|reviewed|considered|talked\s+about|focused\s+on|обсудили|обсуждали)"
    r"\s+(?:[^.;:]{0,80}?(?:\band|\bи)\s+)?(?:the\s+)?(?:(?:final|further|last|practical)\s+)?$",
    re.I,
)
_AT_THE = re.compile(
    r"\s(?:at|during|in\s+the\s+course\s+of)\s+(?:the|their|its|a)\s+(?:[\w-]+\s+){0,3}$", re.I
)
_NEXT = re.compile(r"\b(?:the\s+)?next\b[,\s]*(?:\d+(?:st|nd|rd|th)\b[,\s]*)?[\w-]*\s*$", re.I)
# a present-tense event verb in a clause of time: "before / until / once they meet"
_PAST_VERBS = frozenset({"met", "visited", "convened", "gathered", "talked", "spoke", "hosted"})
_PRESENT_VERBS = frozenset({"meet", "meets", "convene", "convenes", "gather", "gathers"})
_BEFORE_SUBJECT = re.compile(
    r"\b(?:before|until|once|by the time)\s+(?!the\s+(?:meeting|talks|visit)\b)"
    r"(?:[\w'’-]+\s+){1,7}$",
    re.I,
)


_PURPOSE = re.compile(
    r"[^,;.]{0,60}\b(?:for|to attend|to take part in|to participate in|to join)\s+"
    # "for the Shanghai Cooperation Organisation (SCO) summit": an abbreviation in brackets
    r"(?:the\s+)?(?:[\w'’-]+\s+|\([\w.'’-]+\)\s+){0,5}$",
    re.I,
)


def for_a_planned_trip(text: str, trig: re.Match[str], others: list[re.Match[str]]) -> bool:
    """The occasion a planned trip is for shares its plan: 'accepted an invitation to travel to
    China at the end of August for the SCO summit' (the summit is planned too)."""
    before = [o for o in others if o.end() <= trig.start()]
    if not before:
        return False
    trip = max(before, key=lambda o: o.end())
    if not _PURPOSE.fullmatch(text, trip.end(), trig.start()):
        return False
    rest = [o for o in others if o is not trip]
    return planned_near(text, trip, rest) or bool(FUTURE_TRIGGER.match(trip[0]))


# an event word that only says what follows it: "По итогам встречи", "Following the talks"
FOLLOWING = re.compile(
    r"(?:\bпо\s+итогам|\bfollowing|\bafter|\bat\s+the\s+end\s+of)\s+(?:the\s+)?$", re.I
)


def told_after_a_past_one(
    text: str, trig: re.Match[str], others: Sequence[re.Match[str]]
) -> int | None:
    """Where a planned event's word starts when an event told as done comes before it in the
    clause ("held a phone call on Friday and confirmed the agreement on a visit", "в пятницу
    провели телефонный разговор и подтвердили договоренность о визите"): the dates before
    it are that one's. None otherwise."""
    for o in others:
        if o.start() < trig.start() and not FOLLOWING.search(text, 0, o.start()):
            rest = [x for x in others if x is not o]
            if not (planned_near(text, o, [*rest, trig]) or FUTURE_TRIGGER.match(o[0])):
                return trig.start()
    return None


# a schedule told in the present simple: "Putin flies to China on Sunday", "Xi arrives in
# Moscow on Monday for talks", "Lavrov travels to Pyongyang next week" (not the past tense
# of a headline: "Putin arrives in Beijing" names no day of its own)
_SCHEDULED_PRESENT = re.compile(
    r"\b(?:flies|arrives|lands|travels|heads|departs|leaves|meets|visits|hosts)\s+"
    r"(?:(?:to|for|in|on|with)\s+)?(?-i:[A-Z])",
    re.I,
)


def scheduled_present(text: str, trig: re.Match[str]) -> bool:
    """A present-simple verb of travel or contact before the trigger in its clause (the
    trigger's own word included), with no past verb between: its dates are looked for
    ahead of publication and the status follows the date found."""
    for m in _SCHEDULED_PRESENT.finditer(text):
        if m.start() <= trig.start() and not _PAST_BETWEEN.search(text, m.end(), trig.start()):
            return True
    return False


# a finite past verb ("flies ... after he met"), not a participle ("followed by talks",
# "a summit hosted by Xi", "the United States")
_PAST_BETWEEN = re.compile(r"\b(?:was|were|had|did|(?-i:[a-z]{2,}ed)(?!\s+by\b))\b", re.I)


def status_by_date(date: str | None, published: str | None) -> str:
    """Without a future marker: planned only when the date lies after publication."""
    if date and published and date[: len(published)] > published[: len(date)]:
        return "planned"
    return "occurred"
