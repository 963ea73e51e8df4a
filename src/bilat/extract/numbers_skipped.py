"""What GOLD.md says is not a figure, for `numbers`: numbers inside names ("VVER-1200",
"5G", "Group of Twenty"), compound modifiers ("12-point plan"), list markers, spans that place
something in time ("in the past ten days", "two weeks ago") and an exercise's length,
ordinals and ranks, ages, the size of a set something belongs to ("one of the four fleets"),
the pair itself ("the two countries"), counts of contacts and of who told the news.

requires: a number's parse from `numbers` (its span and unit)
assigns : nothing; predicates for `numbers`
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bilat.extract.figures_data import phrases

if TYPE_CHECKING:
    from bilat.extract.numbers import Parse  # the parse this module judges

__all__ = ["TIME_UNITS", "acceptable", "is_name", "time_span"]

TIME_UNITS = frozenset({"minute", "hour", "day"})
_READING_TIME = re.compile(r"[\s-]*(?:(?:min(?:ute)?s?\.?|мин\w*)[\s-]+)?(?:read|чтения)\b", re.I)


def time_span(text: str, p: Parse) -> bool:
    """A span that places something in time, not a quantity: 'in the past ten days',
    'within the next two weeks', 'three days ago'."""
    before = text[max(0, p.start - 40) : p.start]
    if re.search(
        r"\b(?:in|over|during|for|within|after)\s+(?:the\s+)?(?:past|last|next|coming|previous"
        r"|following|first)\s+$|\b(?:в течение|за|через|спустя)\s+(?:последние\s+)?$",
        before,
        re.I,
    ):
        return True
    if re.match(r"\s*(?:ago|later|earlier|before|after|from now)\b", text[p.end :], re.I):
        return True
    if _READING_TIME.match(text, p.end):
        return True  # a page's reading time: "Last updated Dec 05, 2023 - 4 minute read"
    if p.unit == "day" and _how_long(text, p):
        return True
    return _exercise_length(text, p)


# how long talks went on, or a measure holds: "after two days of talks", "for an initial 90
# days", "extending a pause on steeper tariffs for another 90 days" (GOLD.md: lengths are no
# figures; a transit time, a wait or a stay a visa regime allows is)
_DAYS_OF_TALKS = re.compile(
    r"\s+of\s+(?:\w+\s+)?(?:talks|negotiations|consultations|meetings|discussions|deliberations"
    r"|summitry|visits?|переговоров|консультаций|встреч)\b",
    re.I,
)
_FOR_MORE = re.compile(
    r"\bfor\s+(?:an?\s+|the\s+)?(?:initial|another|further|additional|extra|first|next)\s+$", re.I
)
_HELD_FOR = re.compile(
    # (not "waives visas for Russians for 30 days": a regime's stay, a commitment)
    r"\b(?:suspen\w+|paus\w+|extend\w*|extension|truce|moratorium|halt\w*)\b"
    r"[^.;]*\bfor\s+$",
    re.I,
)


def _how_long(text: str, p: Parse) -> bool:
    """A length in days of talks or of a measure in force (see `_DAYS_OF_TALKS`)."""
    if _DAYS_OF_TALKS.match(text, p.end):
        return True
    before = text[max(0, p.start - 120) : p.start]
    return bool(_FOR_MORE.search(before[-40:]) or _HELD_FOR.search(before))


_LASTING = re.compile(
    r"\b(?:lasting|lasts?|lasted|will\s+last|(?:is|are)\s+to\s+last|continu(?:e|es|ing)\s+for"
    r"|run(?:s|ning)?\s+for|продл(?:ится|ятся|илось|ились|илась|ился)"
    r"|продолжительностью(?:\s+в)?)\s+(?:for\s+)?(?:about\s+|some\s+|around\s+|около\s+)?$",
    re.I,
)
_EXERCISE = re.compile(
    r"\b(?:drills?|exercises?|manoeuvres|maneuvers|war\s*games|patrols?)\b|учени|маневр|манёвр"
    r"|патрулировани",
    re.I,
)


def _exercise_length(text: str, p: Parse) -> bool:
    """'Lasting five days, the drill involves ...', 'the exercise will last three weeks': the
    length of an exercise is not a figure (GOLD.md: military lengths); the length of talks
    ('the discussion lasted one hour and twenty-five minutes') is."""
    if not _LASTING.search(text, max(0, p.start - 40), p.start):
        return False
    start = max(text.rfind(". ", 0, p.start), text.rfind("\n", 0, p.start)) + 1
    end = min(
        (i for i in (text.find(". ", p.end), text.find("\n", p.end)) if i >= 0), default=len(text)
    )
    return bool(_EXERCISE.search(text, start, end))


# ---------------------------------------------------------------------------- filters


def is_name(text: str, m: re.Match[str], p: Parse) -> bool:
    """Digits glued to a name ("VVER-1200", "Siberia–2", "#1", "No. 5") or a capitalised
    number word inside a name ("Group of Twenty")."""
    s = m.start()
    before = text[max(0, s - 4) : s]
    if re.search(r"[A-Za-zА-Яа-яЁё][-–+]$|[#№]\s?$|\bNo\.\s?$", before):  # "GMT+8", "№129"
        return True
    if p.words and m.group(0)[0].isupper() and not _sentence_initial(text, s):
        return True
    if _numbered_name(text, m):
        return True
    return bool(re.match(r"[:.]\d", text[m.end() : m.end() + 2]) and m["d"] and "." not in m["d"])


# "Power of Siberia 1 to 44 bcm", "Arctic LNG 2": a single digit after a capitalised name word
# (not a month's day, "May 2", nor a quantity, "Group 5 million")
_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][A-Za-z]+)\s$")
_MONTH_OR_DAY = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\s$"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s$"
)
_QUANTITY_AFTER = re.compile(
    r"\s*(?:[%$€]|per\s?cent|percent|hundred|thousand|million|billion|trillion|bcm|mln|bn)\b",
    re.I,
)


def _numbered_name(text: str, m: re.Match[str]) -> bool:
    if not (m["d"] and len(m["d"]) == 1) or _QUANTITY_AFTER.match(text, m.end()):
        return False
    before = text[max(0, m.start() - 24) : m.start()]
    return bool(_NAME_WORD.search(before)) and not _MONTH_OR_DAY.search(before)


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(re.search(r"(^|[.!?\n\"“«(—–:•]\s*|^\s*)$", text[max(0, pos - 4) : pos]))


# units GOLD.md has no unit for: "a combined capacity of 4,800 MW", "1,000 MWe", "100 GW",
# "4,8 ГВт" (not a count of anything)
_POWER_UNIT = re.compile(
    r"\s*(?:[kMGT]W[eh]?|[kMGT]W[-\s]?h|(?:kilo|mega|giga|tera)watt(?:-hours?|s)?|[кМГТ]Вт(?:\*?ч)?)"
    r"(?![\w-])"
)
# a unit, block or stage known by its number: "Kudankulam unit 3", "units 3 and 4", "Phase 2"
_NUMBERED = re.compile(
    r"\b(?:[Uu]nits?|[Bb]locks?|[Rr]eactors?|[Pp]hases?|[Ss]tages?|[Tt]rains?|[Bb]erths?"
    r"|[Ээ]нергоблок\w*|[Бб]лок(?:а|е|ом|и|ов)?)\s+(?:No\.\s?|№\s?)?(?:\d+(?:,\s*|\s+(?:and|и|&)\s+))*$"
)


def acceptable(text: str, p: Parse, m: re.Match[str]) -> bool:
    if p.value == 0 or _glued_letters(text, p) or _hyphen_modifier(text, p):
        return False
    if p.unit is None and (
        _POWER_UNIT.match(text, p.end) or _NUMBERED.search(text, max(0, p.start - 30), p.start)
    ):
        return False
    if p.unit is None and not _counts_something(text, p, m):
        return False
    if p.unit is None and _CLOCK.match(text, p.end) and p.value < 2400:
        return False  # a time of day: "14.15 GMT Xi and Putin sign", "(0200 GMT)"
    thread = _THREAD_PART.match(text, text.rfind("\n", 0, p.start) + 1)
    if p.unit is None and thread is not None and p.end <= thread.end():
        return False  # "5/5 Our target: ...": a post's place in its thread
    return not _list_number(text, p, m)


# a post's place in its thread, opening its line: "1/4 Today in Beijing ...", "5/5 Our target"
_THREAD_PART = re.compile(r"\s*\d{1,2}/\d{1,2}(?=\s)")


# a time zone or clock word after a number: the number is a time of day
_CLOCK = re.compile(
    r"\s?(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|MSK|IST|JST|KST|HKT|SGT|AEST"
    r"|(?:a|p)\.m\.|(?:am|pm|hrs)\b|local\s+time|мск\b|по\s+московскому\s+времени)(?![\w-])"
)


def _glued_letters(text: str, p: Parse) -> bool:
    """'5G', '30th', '1990s', 'F-16s': digits directly followed by letters."""
    return bool(re.match(r"[A-Za-zА-Яа-яЁё]", text[p.end : p.end + 1]))


def _hyphen_modifier(text: str, p: Parse) -> bool:
    """'12-point plan', 'five-year', 'two-day visit'; not a rate joined by hyphens ('a 50
    bcm-per-year pipeline')."""
    if re.match(r"[-–](?:per|a)[-–](?:year|annum|month|day)\b", text[p.end : p.end + 14]):
        return False
    return bool(re.match(r"[-–][A-Za-zА-Яа-яЁё]", text[p.end : p.end + 2]))


def _list_number(text: str, p: Parse, m: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, p.start) + 1
    return text[line_start : p.start].strip() == "" and bool(
        re.match(r"[.)]\s", text[p.end : p.end + 2])
    )


_OF_WHICH = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b")
# the part of a count just told, its noun left out: "410, of which 96", "1,200 flights, of
# them 300", "410, из них 96"
_PART_BEFORE = re.compile(
    r"\d[\d,.]*(?:\s+[a-zа-яё-]+){0,2},\s*(?:of\s+(?:which|them)|из\s+(?:них|которых))\s+$",
    re.I,
)
# the noun the next number of a pair counts: "610,000 and 245,000 of those trips"
_AND_THE_NEXT = re.compile(
    r"\s+(?:and|or)\s+(?:(?:about|around|some|nearly|almost)\s+)?\d[\d,.]*\s+"
    r"(?:(?:of\s+(?:those|these|the|them)\s+)?[a-z]{3,})",
    re.I,
)
# a level compared with the one just told: "against 160 a year earlier", "up from 90"
_VERSUS_BEFORE = re.compile(
    r"(?:\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:to|with)|\b(?:up|down)\s+from|(?<![\w-])против)"
    r"\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?$",
    re.I,
)
_THE_FIGURE_WAS = re.compile(
    r"\bthe\s+(?:figure|number|total|tally|count)\s+(?:was|were|stood\s+at|came\s+to|"
    r"reached)\s+(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than)\s+)?$",
    re.I,
)
_SPAN_BEFORE = re.compile(
    r"\bthe\s+(?:same|first|last|past|next|previous|following|coming|remaining)\s+$", re.I
)


def _counts_something(text: str, p: Parse, m: re.Match[str]) -> bool:
    """A bare number counts something only when a noun follows (not a span of years, an
    age, a rank, or the pair itself) or it is a word number with a scale ("a hundred")."""
    if _PART_BEFORE.search(text, max(0, p.start - 80), p.start):
        return True  # "reached 410, of which 96 were dispatched in August": the same things
    if _AND_THE_NEXT.match(text, p.end):
        return True  # "accounted for 610,000 and 245,000 of those trips": the next one's noun
    after = text[p.end : p.end + 40].lower()
    if (
        re.match(r"\s*(?:\(|,|\.|;|$|(?:a|one)\s+(?:year|month)\s+(?:earlier|before)\b)", after)
        or _WHEN_AFTER.match(after)
    ) and not (p.words and p.scaled):
        if _NUMBER_OF_LEVEL.search(text, max(0, p.start - 120), p.start):
            return True  # "the number of freight trains passing through Kazakhstan exceeded 11,000"
        # "visitors … at 6.9 million.", "tourist arrivals rose 20% to about 235,000." (a
        # number written with thousands groups is no year, rank or age)
        grouped = _GROUPED.fullmatch(text[p.start : p.end]) is not None
        if p.scaled and _THE_FIGURE_WAS.search(text, max(0, p.start - 60), p.start):
            return True  # "for 2023 as a whole the figure was 3.4 million": the one told
        compared = _VERSUS_BEFORE.search(text, max(0, p.start - 30), p.start) is not None
        # ("about 250 flights a week ..., against 160 a year earlier": the flights then)
        return (p.scaled or grouped or compared) and _counted_before(text, p.start)
    first = re.match(r"\s*([a-zа-яё][a-zа-яё'.-]*)", after)
    if _ELLIPSIS_AFTER.match(after) and _ELLIPSIS_BEFORE.search(
        text, max(0, p.start - 160), p.start
    ):  # "139,400 tourists entered Russia from China and 175,000 - from Russia to China"
        return True
    if first is None:
        return p.words and p.scaled
    if first.group(1) == "times" and _occurrences(text, p.start):
        return True  # "has met Putin more than 40 times": a count of contacts (GOLD.md)
    if first.group(1) in ("times", "раз", "раза") and _HOW_OFTEN.search(
        text, max(0, p.start - 30), p.start
    ):
        return True  # "встречаться не реже двух раз в год": a norm of how often
    counted = first.group(1) in _function_words() and _counted_before(text, p.start)
    if counted and (p.scaled or _NUMBER_OF_TO.search(text[max(0, p.start - 120) : p.start])):
        return True  # "their number to exceed 7.5 million this year", "to double the
        # number of students at Russian universities to 1,000 by 2027"
    if p.value != 1 and _OF_WHICH.match(after):
        return True  # "63 projects, 46 of which are under way": a count of the set's part
    if _MORE_OF.match(after):
        return True  # "at least ten more Iranian banks", "10,000 more tourists" (GOLD: an amount)
    if _non_figure(after) or _age(text, p.start) or first.group(1) in _function_words():
        return False
    if _STREET.match(text, p.end):
        return False  # "1779 Massachusetts Avenue NW": a house number
    if _TIME_APART.match(after):
        return False  # "six months after his state visit", "two weeks ago": when, not a figure
    if _LENGTH_OF_TIME.match(after):
        return False  # "extended for another 12 months", "a sentence of one year and eight
        # months", "4 min read": a length of time, not a count (GOLD: lengths are no figures)
    if first.group(1).rstrip(".") in ("months", "weeks", "quarters") and _SPAN_BEFORE.search(
        text[max(0, p.start - 30) : p.start]
    ):
        return False  # "over the same 11 months": the period of another figure
    if (
        _capitalised_before(text, p.start)
        or _rank(text, p.start)
        or _GROUP_OF.search(text, max(0, p.start - 12), p.start)
    ):  # "the Group of 20 summit": a name
        return False
    if _one_of_a_set(text, p.start):
        return False
    the = re.search(r"\bthe\s+$", text[max(0, p.start - 5) : p.start], re.I)
    if the and _pair_noun(after):
        return False  # "the three participating countries": the parties, not a figure
    return not (p.value == 2 and (_pair_noun(after) or the))


_GROUP_OF = re.compile(r"\bGroup\s+of\s+$")
# a count of more of something: "ten more Iranian banks" (not "ten more than", "two more years")
_MORE_OF = re.compile(
    r"\s*(?:more|additional|extra)\s+(?!than\b|times\b|(?:days?|weeks?|months?|years?|decades?)\b)"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s\b"
)
_LENGTH_OF_TIME = re.compile(
    r"\s*(?:months?|years?|decades?|centuries|(?:min|mins|minute)\s+read)\b", re.I
)


# a house number before its street: "1779 Massachusetts Avenue NW", "12 Lenin Street" (not
# "20 Silk Road projects": a noun goes on)
_STREET = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|Blvd\.?|"
    r"Lane|Drive|Square|Embankment|Highway|[A-Z][a-z]*jie|Lu)(?![\w-])(?!\s+[a-z])"
)


def _one_of_a_set(text: str, start: int) -> bool:
    """'one of the four major drills', "one of Russia's five largest ports": the size of the
    set an item belongs to describes it; it is not a figure."""
    before = text[max(0, start - 60) : start]
    return bool(re.search(r"\bone of (?:the|[\w'’ -]{0,40}['’]s?)\s+$", before, re.I))


_OCCURRED = re.compile(
    r"\b(?:met|meet|meeting|visited|visit|spoke|spoken|talked|called|phoned|updated|renewed|"
    r"broken|broke|hosted|held|travell?ed|been|attended|gathered|convened)\b(?![^.;!?]*\b(?:"
    r"increased|grew|rose|expanded|decreased|fell|dropped|declined|higher|lower|more|less)\b)",
    re.I,
)


# a number in a coordinated clause that leaves out the noun the first one counted
_ELLIPSIS_BEFORE = re.compile(
    r"\d[\d,.]*\s+(?:[a-zа-яё-]+\s+){0,2}?[a-zа-яё]{3,}\b[^.;\d]{0,80}?\s(?:and|и|а|while|whereas)"
    r"\s+$",
    re.I,
)
_ELLIPSIS_AFTER = re.compile(r"\s*(?:[-–—]\s*)?(?:from|to|in|into|из|в|во)\s", re.I)
_HOW_OFTEN = re.compile(r"(?:не\s+реже|no\s+less\s+often\s+than|at\s+least)\s+$", re.I)


def _occurrences(text: str, start: int) -> bool:
    """'N times' after a verb of contact or occurrence in the same clause counts how often
    it happened ('met 40 times', 'the record was updated six times'); after a change word it
    is a fold change ('grew three times', handled with the multipliers)."""
    before = re.split(r"[.;!?]", text[max(0, start - 80) : start])[-1]
    before = re.sub(r"\bmore than\s*$|\bover\s*$|\babout\s*$|\bsome\s*$", "", before)
    return bool(_OCCURRED.search(before))


_COUNTED = re.compile(
    r"\b(?:number|numbers|visitors|tourists|travell?ers|passengers|people|persons|residents|"
    r"students|migrants|workers|users|subscribers|vehicles|cars|containers|trips|arrivals|"
    r"visits|crossings|departures|flights|shipments|"
    r"туристов|посетителей|пассажиров|человек|поездок|пересечений|рейсов)\b"
    # (nor the point of a fold or a percentage: "rose 1.5-fold to", "rose 51.7% to")
    r"(?:[^.;!?]|(?<=\d)\.(?=\d+(?:-fold|\s+times|\s*%|\s+percent|\s+per\s+cent)))*$",
    re.I,
)


# "rose to 1.9 million last year", "reached 172,400 in the first quarter": the level's time
# after it, as a full stop would be
_WHEN_AFTER = re.compile(
    r"\s*(?:(?:last|this|next)\s+(?:year|month|week|quarter)\b|in\s+(?:(?:19|20)\d\d\b|the\s+"
    r"(?:first|second|third|fourth|last|past|same)\b|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b))"
)
_TIME_APART = re.compile(
    r"\s*(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|ago|earlier|later)\b", re.I
)
_GROUPED = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+")
_NUMBER_OF_TO = re.compile(r"\bnumber\s+of\s+[^.;!?]{1,80}?\s(?:to|at)\s+$", re.I)
# the level a counted number stands at: "the number of ... trains ... exceeded 11,000"
_NUMBER_OF_LEVEL = re.compile(
    r"\bnumber\s+of\s+[^.;!?]{1,80}?\s(?:exceeded|reached|totall?ed|surpassed|topped|hit|"
    r"stood\s+at|rose\s+to|grew\s+to|fell\s+to|dropped\s+to|was|were)\s+"
    r"(?:(?:about|almost|nearly|over|more\s+than|some|around|roughly)\s+)?$",
    re.I,
)


def _counted_before(text: str, start: int) -> bool:
    """A scaled number with no noun after it counts what its clause named before it ('the
    number of Russian visitors at more than 6.9 million', 'their number to exceed 7.5
    million')."""
    return bool(_COUNTED.search(text[max(0, start - 120) : start]))


def _function_words() -> frozenset[str]:
    return frozenset(phrases("units.yaml", "function_words"))


def _non_figure(after: str) -> bool:
    for noun in phrases("units.yaml", "non_figure_nouns"):
        if re.match(rf"\s*(?:[a-z]+\s+)?{re.escape(noun)}\b", after) and (
            # "two fiscal years", "two company sources said": one word between
            re.match(rf"\s*{re.escape(noun)}\b", after) or noun.startswith(("year", "source"))
        ):
            return True
    return False


def _rank(text: str, start: int) -> bool:
    """'one of the top five importers', 'top 10 partners': a rank, not a count."""
    return bool(re.search(r"\btop\s*$", text[max(0, start - 6) : start], re.I))


def _age(text: str, start: int) -> bool:
    """'aged 72', 'Putin, who was 48 when he signed', 'the treaty turns 25 on July 16'."""
    before = text[max(0, start - 24) : start]
    return bool(
        re.search(r"\b(?:aged|age of|ages of)\s*$", before)
        or re.search(r"(?:\b(?:who|he|she)\s+(?:was|is)|\b(?:turned|turns|turn))\s+$", before)
    )


def _capitalised_before(text: str, start: int) -> bool:
    """A number right after a capitalised word inside a sentence is part of a name
    ("Power of Siberia 2", "Article 5"), unless that word is a qualifier or a sentence start."""
    m = re.search(r"([A-Z][A-Za-z]+)\s+$", text[max(0, start - 30) : start])
    if m is None:
        return False
    word_start = start - len(m.group(0))
    if _sentence_initial(text, word_start):
        return False
    return m.group(1).lower() not in _function_words()


def _pair_noun(after: str) -> bool:
    words = re.findall(r"[a-zа-яё']+", after)[:3]
    return any(w in phrases("units.yaml", "pair_nouns") for w in words)
