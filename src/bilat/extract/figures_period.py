"""The period of a figure: which time expression of its sentence a number belongs to.

`number_period(text, q, siblings, times)` picks the expression for quantity `q` of sentence
`text` (its other quantities are `siblings`); `last_period` is what the sentence states for the
next one to carry; `fallback_period` dates a figure the sentence left undated.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bilat.extract.numbers import Quantity
from bilat.extract.temporal import TimeExpr
from bilat.reconcile._dates import period_span
from bilat.records import Figure

__all__ = [
    "a_year_before",
    "converted_alike",
    "fallback_period",
    "last_period",
    "number_period",
    "of_the_period_before",
    "reporting_period",
]


# A time expression after one of these, or after "the same period (of)", is what a figure is
# compared with, not its period: "than in 2023", "for the same period last year".
# a level named by its noun and dated: "from the record of 2024", "than the peak reached in 2021"
_BASE_NOUN = re.compile(
    r"\b(?:from|than|compared\s+(?:to|with)|against|versus|vs\.?)\s+(?:the|a|its|their)\s+"
    r"(?:record|peak|high|low|level|figure|total|result|volume)(?:\s+(?:high|low|level))?"
    r"\s+(?:of|in|for|(?:set|reached|recorded|seen)\s+in)\s+$",
    re.I,
)
_BASELINE = re.compile(
    r"(?:\bfrom|\bsince|\bthan|\bcompared (?:to|with)|\bover|\bafter|\buntil|\bby|\bbefore|\bon"
    r"|\bagainst|\bversus|\bvs\.?"
    r"|\bпо сравнению с|\bпротив|\bчем|\bс|\bот|\bдо)\s*(?:in\s+|в\s+)?$",
    re.I,
)


# a clause's opening "Over": "Over 2024, ..."
_OPENS = re.compile(r"(?:.*[.;:]\s+|\W*)over\s+", re.I | re.S)


def number_period(
    text: str,
    q: Quantity,
    siblings: list[Quantity],
    times: list[TimeExpr],
    carried: str | None = None,
) -> str | None:
    """The period of a number: a time expression right after it ("$240 billion last year"),
    else the nearest one before it in the sentence, else the first one after it. `carried`
    is the period told in the sentences before (what "the same period of 2024" repeats)."""
    unresolved = [
        t
        for t in times
        if t.period is None
        and t.date is None
        and t.start >= q.end
        and _adjacent(text, q, t, siblings)
    ]
    if unresolved:
        return _span_end(unresolved[0], times)
    glued = [t for t in times if t.period and _GLUED.fullmatch(text, t.end, q.start)]
    if glued:  # "April's 1.59 million", "апрельских 1,59 млн": its own, also when compared
        return glued[-1].period
    aside = [t for t in times if t.period and t.end <= q.start <= (_aside_end(text, t) or -1)]
    if aside:  # "was 21.1% (in January-September 2023 - 20.8%)": the aside's own value
        return aside[-1].period
    when = [t for t in times if t.period and t.end <= q.start and _WHEN.match(text, t.end)]
    if when and not any(when[-1].end <= t.start and t.end <= q.start for t in times):
        # "a slowdown from last year, when turnover jumped 26.3%": the clause is set then
        return when[-1].period
    usable = [t for t in times if t.period and not _baseline(text, t)]
    before = [t for t in usable if t.end <= q.start]
    same = _in_the_same_period(text, q, times, before[-1].period if before else carried)
    if same is not None:
        return same
    earlier = _A_YEAR_EARLIER.match(text, q.end) if before and before[-1].period else None
    back = _back(before[-1].period, earlier) if earlier and before[-1].period else None
    if back is not None:
        # "dropped to 27% in January from 35% a year earlier": January of the year before;
        # "$3.80/bl in the week to 31 October, against $1.50/bl a month earlier": September
        return back
    level = _level_it_went_to(text, q, siblings)
    if level is not None:  # "contracted by 6.9% to $228.1 billion last year"
        return number_period(text, level, siblings, times, carried)
    after = [
        t
        for t in usable
        if t.start >= q.end
        and _adjacent(text, q, t, siblings)
        and not _AFTER_EVENT.search(text, q.end, t.start)
        and not _PART_OF.search(text, q.end, t.start)
    ]  # not "falling 24% to $8.6 billion after Washington threatened in December 2023"
    if after:
        gap_after = _word_gap(text, q.end, after[0].start)
        gap_before = _word_gap(text, before[-1].end, q.start) if before else 0
        # "Last year it came to $69 billion, and in January alone it rose 6%": a period after
        # a clause break opens the next clause; one before the number is its own
        next_clause = bool(before) and bool(_CLAUSE_BREAK.search(text[q.end : after[0].start]))
        own = bool(_OWN_PERIOD.fullmatch(text, q.end, after[0].start))  # "$190 bn in 2022"
        closer = gap_after < gap_before or own
        if not before or (closer and not next_clause):
            return after[0].period
    if before:
        return before[-1].period
    # a period after a later number in another clause is that number's ("fell 9.9%, ..., due
    # to a 46% fall between January and November"); coordinated numbers share it ("76.5 Mt to
    # China and 21.3 Mt to India in 9M 2023")
    later = [
        t
        for t in usable
        if t.start >= q.end
        and not _other_clause(text, q, t, siblings)
        and _word_gap(text, q.end, t.start) <= _LATER_WORDS
        and not _AFTER_EVENT.search(text, q.end, t.start)
        and not _PART_OF.search(text, q.end, t.start)
        and not _of_the_base(text, q, t, siblings)
    ]
    return later[0].period if later else _the_year_after_its_base(text, q, times)


# a change told only against the year it is compared with: "Total traffic rose 27% on 2024"
# (the year after it: 2025's change)
_ON_BASE_YEAR = re.compile(
    r"\s*(?:(?:year[- ]on[- ]year|y/y)\s+)?(?:on|over|compared\s+(?:to|with)|against|versus)\s+"
    r"(?:the\s+level\s+of\s+)?$|\s*(?:к|по\s+сравнению\s+с)\s+$",
    re.I,
)


def _the_year_after_its_base(text: str, q: Quantity, times: list[TimeExpr]) -> str | None:
    if q.unit != "percent":
        return None
    for t in times:
        if (
            t.start >= q.end
            and re.fullmatch(r"(?:19|20)\d\d", t.text)  # (not "up 9.7% on the year")
            and _ON_BASE_YEAR.fullmatch(text, q.end, t.start)
        ):
            return str(int(t.text) + 1)
    return None


# the value a figure is compared with, right after it: "down 6.9% from the record $244.8 bn"
_BASE_LEAD = re.compile(
    r"[\s,]*(?:from|compared\s+(?:to|with)|against|versus|vs\.?|than)\s+(?:the\s+|a\s+)?"
    r"(?:record\s+|revised\s+|preliminary\s+|previous\s+)?[$€¥₽£]?\s*$",
    re.I,
)


def _of_the_base(text: str, q: Quantity, t: TimeExpr, siblings: list[Quantity]) -> bool:
    """Whether `t` dates the value `q` is compared with ('down 6.9% from the record $244.8
    billion of 2024': 2024 is the base's year, not the fall's)."""
    return any(
        q.end <= s.start < t.start and _BASE_LEAD.fullmatch(text, q.end, s.start) for s in siblings
    )


# a part of the whole told next, with its own time: "reached 410, of which 96 were
# dispatched in August alone" (August is the part's, not the whole's)
_PART_OF = re.compile(
    r",\s*(?:of\s+(?:which|whom|them)\b|из\s+(?:них|которых)(?![\w-])"
    r"|(?:including|в\s+том\s+числе)\s+[^,;]{0,20}?\d)",
    re.I,
)
_WHEN = re.compile(r"\s*,?\s*(?:when|in\s+which|during\s+which|когда)\b", re.I)
_AFTER_EVENT = re.compile(r"\b(?:after|following|before|when)\s+(?!the\s+same\b)", re.I)
# "reports $61.3 billion for the same quarter": the span the text just named, not a year in a
# clause between ("..., which stopped publishing them in 2022, reports ...")
_SAME_SPAN = re.compile(
    r"\b(?:for|in|over|during)\s+the\s+same\s+(?:period|quarter|month|months|half|half-year|"
    r"year|time)\b(?!\s+(?:of|in|a|last|the)\b)",
    re.I,
)


def of_the_period_before(text: str, q: Quantity, siblings: list[Quantity]) -> bool:
    """Whether a number is said 'for the same quarter' as the figure before it."""
    stop = min((s.start for s in siblings if s.start >= q.end), default=len(text))
    after = _SAME_SPAN.search(text, q.end, min(stop, q.end + 60))
    if after is not None:
        return not _CLAUSE_BREAK.search(text[q.end : after.start()].replace(",", ""))
    start = max((s.end for s in siblings if s.end <= q.start), default=0)
    return _SAME_SPAN.search(text, start, q.start) is not None


_OWN_PERIOD = re.compile(
    r"\s+(?:(?-i:[A-Z]{2,4})s?\s+)?"  # a counted unit's acronym: "402,000 TEU in January-October"
    r"(?:(?:year|month|quarter)[- ]on[- ](?:year|month|quarter)\s+)?"
    r"(?:in|for|during|over|throughout|в|во|за)\s+(?:(?:all|the\s+whole|the\s+entirety)\s+of\s+)?"
    r"(?:(?:(?-i:FY)|fiscal\s+year|financial\s+year)\s*)?",  # "$13 billion in FY 2021-22"
    re.I,
)  # "fell 8.6% year on year in January-August 2025", "$52 billion in all of last year", "до 55%
# в первом квартале 2025-го"
_TO_LEVEL = re.compile(r"\s*(?:,\s*)?(?:to|at)\s+(?:a\s+(?:record\s+)?)?", re.I)


def _level_it_went_to(text: str, q: Quantity, siblings: list[Quantity]) -> Quantity | None:
    """The level a change led to, right after it ('fell 6.9% to $228.1 billion'): the two
    share one period."""
    if q.unit != "percent":
        return None
    nxt = [s for s in siblings if s.start >= q.end]
    if nxt and nxt[0].unit != "percent" and _TO_LEVEL.fullmatch(text, q.end, nxt[0].start):
        return nxt[0]
    return None


def _in_the_same_period(
    text: str, q: Quantity, times: list[TimeExpr], main: str | None
) -> str | None:
    """'rose to 1.3 million tonnes in the first half, up from 0.9 million tonnes in the same
    period of 2024': the earlier level is of the same span (`main`: told before it in the
    sentence, or in the sentences before), in the year named (2024-H1); so "in the same
    period last year", "за аналогичный период прошлого года"."""
    for t in times:
        if (
            main
            and t.start >= q.end
            and re.fullmatch(r"(?:19|20)\d\d", t.period or "")
            and _IN_THE_SAME.fullmatch(text, q.end, t.start)
        ):
            return re.sub(r"(?:19|20)\d\d", t.period or "", main)
    return None


_A_YEAR_EARLIER = re.compile(
    # ... also after the counted noun: "compared with 97 blocked attempts a year earlier"
    # (and a rate's unit: "$1.50/bl a month earlier")
    r"(?:/[a-z]+)?(?:\s+(?!(?:from|than|compared|with|on|over|against|versus|vs|in|of|to|since|as|and"
    r"|or|at|year|years|period|the|its|their|figure|number|volume|level|total|amount)\b)"
    r"(?:(?-i:[a-z])[a-z-]+|(?-i:[A-Z]{2,5})s?\b)){0,3}?"  # ("12,400 TEU a year earlier")
    r"\s+(?:(?:a|one)\s+(?P<unit>year|month)\s+(?:earlier|before|ago)\b"
    r"|(?:годом\s+(?:ранее|раньше)|год\s+назад)(?![\w-]))",
    re.I,
)


def _back(period: str, earlier: re.Match[str]) -> str | None:
    """`period` a year before (`earlier` told a year, or in Russian), or a month before when
    it is a single month ('2025-10..2025-10') and the month follows the number ('$1.50/bl a
    month earlier', not '$186.1 billion reported a month ago': when it was told); else None."""
    unit = earlier["unit"]
    if unit is None or unit.lower() == "year":
        return re.sub(r"(?:19|20)\d\d", lambda y: str(int(y.group(0)) - 1), period)
    one = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)\.\.\1-\2", period)
    if one is None or not re.match(r"(?:/[a-z]+)?\s+(?:a|one)\s", earlier[0], re.I):
        return None
    months = int(one[1]) * 12 + int(one[2]) - 2  # the month before, counted from 0
    month = f"{months // 12}-{months % 12 + 1:02d}"
    return f"{month}..{month}"


def a_year_before(text: str, q: Quantity, period: str | None) -> str | None:
    """'down from $37.9bn a year earlier' with the period carried from the sentence before:
    that period a year (or a month) before; None when the number is not told so."""
    earlier = _A_YEAR_EARLIER.match(text, q.end) if period else None
    return _back(period, earlier) if period and earlier else None


_IN_THE_SAME = re.compile(  # (not "up 9.4% over the same period last year": compared with)
    r"\s+(?:in|for|during)\s+the\s+(?:same|corresponding|comparable)\s+"
    r"(?:period|months?|quarter|half|time)\s+(?:(?:of|in)\s+)?"
    r"|\s+(?:за|в)\s+(?:аналогичн|соответствующ)\w*\s+период\w*\s+",
    re.I,
)


# a period stated further on than this dates something else ('… to $136.2 billion went along
# with other areas of improvement in ties, pointing to the informal meeting … in August')
_LATER_WORDS = 15


_CLAUSE_BREAK = re.compile(r"[,;:–—]|\b(?:while|whereas|but|which|after|as)\b", re.I)
# a number compared with the next one, whose period follows it: "составила 34,7% против 37,2%
# в январе-сентябре прошлого года", "34.7% versus 37.2% a year ago": the later period is the
# other number's
_VERSUS = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:to|with))\s|(?<![\w-])(?:против|по\s+сравнению\s+с)\s",
    re.I,
)


def _other_clause(text: str, q: Quantity, t: TimeExpr, siblings: list[Quantity]) -> bool:
    """Another number stands between `q` and `t`, in a clause of its own or compared with."""
    return any(
        q.end <= s.start < t.start
        and (_CLAUSE_BREAK.search(text[q.end : s.start]) or _VERSUS.search(text[q.end : s.start]))
        for s in siblings
    )


def _beyond_sibling(q: Quantity, t: TimeExpr, siblings: list[Quantity]) -> bool:
    return any(q.end <= s.start < t.start for s in siblings)


def _span_end(relative: TimeExpr, times: list[TimeExpr]) -> str | None:
    """An unresolved 'last year' (no publication date) gets no other expression's period,
    except the end year of a span the same sentence states: 'From 2020 to 2024, trade
    doubled, surpassing $240 billion last year' -> 2024."""
    if not relative.text.lower().endswith("last year"):
        return None
    spans = [t.period for t in times if t.period and re.fullmatch(r"\d{4}\.\.\d{4}", t.period)]
    return spans[-1].split("..")[1] if spans else None


def _word_gap(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


_FLOWS = frozenset({"trade_turnover", "trade_flow"})


def fallback_period(
    fig: Figure, document: str | None, recent: str | None, text: str = ""
) -> Figure:
    """A change with no period in its paragraph takes the last period the article stated
    (changes always measure some span); an amount or a share takes only the period of the
    paragraph just before ('In 2024 trade grew...' / 'Exports to Russia rose to $115.5
    billion'; 'Chinese brands took 71% of sales in the third quarter.' / 'Xiaomi led with a
    27% share'), so a regional total further down is not dated by a national figure far above
    it; not one its sentence `text` sets now or ahead ('Some 7 projects are planned',
    'Currently there are 19 types'), unless of trade."""
    if fig.period:
        return fig
    if fig.kind == "change" and document:
        return replace(fig, period=document)
    now = fig.measure not in _FLOWS and _NOW_OR_AHEAD.search(text)
    if fig.kind in ("amount", "share") and recent and not now:
        return replace(fig, period=recent)
    return fig


# a sentence setting its numbers now or ahead, not in the period reported before it
_NOW_OR_AHEAD = re.compile(
    r"\b(?:currently|now|at\s+present|today|as\s+of|so\s+far|to\s+date|will|would|planned|"
    r"plans?|first\s+time\s+since|(?:highest|lowest)\s+since)\b"
    r"|(?<![\w-])(?:сейчас|ныне|в\s+настоящее\s+время|на\s+сегодня\w*|планир\w*|будет|будут"
    r"|впервые)"
    r"(?![\w-])",
    re.I,
)


_SAME_PERIOD = re.compile(
    r"\b(?:same|corresponding|equivalent)\s+(?:period|time|months?|quarter|half)\s+"
    r"(?:of\s+|in\s+|a\s+)?$"
    r"|\b(?:аналогичн\w*|соответствующ\w*|т(?:от|ого|ом|ем|аким)\s+же)\s+(?:\w+\s+)?$",
    re.I,
)


_FIRST_SINCE = re.compile(
    # "its first annual decline since 2020", "the sharpest monthly fall since 2022"
    r"\b(?:first|highest|lowest|biggest|largest|sharpest|steepest|strongest|weakest|slowest|"
    r"fastest)\s+(?:[\w-]+\s+){0,3}?since\s*$|"
    r"\bfirst time\s*$|\bвпервые\s*$",
    re.I,
)


_GLUED = re.compile(r"(?:['’]s)?\s+")
# what a level is measured against as the object of a comparison: "surpassed by 85% the
# entire 2022 year results", "на четверть больше апрельских"
_OUTDONE = re.compile(
    r"(?:\b(?:surpass|exceed|outstrip|outperform|top)\w*"
    r"(?:\s+by\s+(?:about\s+|almost\s+|nearly\s+)?[\d.,]+\s*(?:%|percent|per\s+cent))?"
    r"|(?<![\w-])(?:больше|меньше|выше|ниже|превыси\w*|превыша\w*))"
    r"\s+(?:the\s+)?(?:entire\s+|whole\s+|full\s+)?(?:results\s+(?:of|for)\s+)?$",
    re.I,
)


# a comparison's own word: what follows is compared with, also when it is a span of months
_COMPARED = re.compile(
    r"(?:\bthan|\bcompared (?:to|with)|\bagainst|\bversus|\bvs\.?|\bпо сравнению с|\bчем"
    r"|(?<![\w-])(?:ниже|выше|меньше|больше)\s+уровня"  # "на 3,1% ниже уровня июля-сентября"
    r"|\bas\s+(?:many|much|high|large|big|great)\s+as"
    r"|\btimes\s+(?:the\s+)?(?:level|volume|value|amount)\s+(?:of|in)"  # "7 times the level of"
    r"|\btimes\s+(?:the|its))"  # "more than 20 times the 2001 level": the base's year
    r"\s*(?:in\s+|в\s+|for\s+)?(?:the\s+)?$",
    re.I,
)


# an aside giving the value of another period: "was 21.1% (in January-September 2023 -
# 20.8%)", "(2023: $19.6 billion)", "(first half of 2023: RMB 655 million)"
_ASIDE_BEFORE = re.compile(r"\(\s*(?:in|for|в|за)?\s*$", re.I)
_ASIDE_AFTER = re.compile(
    r"\s*(?:[-–—:]|г\.\s*[-–—])\s*(?:[$€¥₽£]|(?-i:[A-Z]{2,3})\$?\s)?\s*-?\d[^()]*\)", re.I
)


def _aside_end(text: str, t: TimeExpr) -> int | None:
    """Where the aside a time expression opens ends ('(in 2023 - 20.8%)'), or None."""
    if not _ASIDE_BEFORE.search(text[max(0, t.start - 6) : t.start]):
        return None
    aside = _ASIDE_AFTER.match(text, t.end)
    return aside.end() if aside else None


def _baseline(text: str, t: TimeExpr) -> bool:
    if _aside_end(text, t) is not None:
        return True  # another period's value, told aside: no period of the sentence's
    if re.fullmatch(r"year[-\s]end", t.text, re.I):
        return False  # "expects it to reach 210,000 TEU by year-end": the year it closes
    if _SAME_PERIOD.search(text[max(0, t.start - 32) : t.start]):
        return True
    if _OUTDONE.search(text[max(0, t.start - 48) : t.start]):
        return True
    before = text[max(0, t.start - 32) : t.start]
    if t.text.lower().startswith("since"):
        before += "since"
    if _FIRST_SINCE.search(before):
        return True  # "for the first time since 2022": a record's reference, not the period
    if _COMPARED.search(text[max(0, t.start - 32) : t.start]):
        return True  # "4.3% less than in July-September 2025": also a span compared with
    if _BASE_NOUN.search(text[max(0, t.start - 48) : t.start]):
        return True  # "down 6.9 percent from the record of 2024": the level compared with
    first, _, last = (t.period or "").partition("..")
    if last and last != first:
        return False  # a span ('from 2019 to 2024'), not a point compared with
    if t.text.lower().startswith(("from", "since")):
        return True
    if re.search(r"\bover\s+$", text[: t.start], re.I) and (
        t.text.lower().startswith("the ") or _OPENS.fullmatch(text, 0, t.start)
    ):
        return False  # "Over the first quarter, trade rose 6%", "Over 2024, they made 742,000
        # trips": the span (not "up 5% over 2023")
    return bool(_BASELINE.search(text[max(0, t.start - 16) : t.start]))


def _adjacent(text: str, q: Quantity, t: TimeExpr, siblings: list[Quantity]) -> bool:
    if _beyond_sibling(q, t, siblings):
        return False
    return len(text[q.end : t.start].split()) <= 10


def last_period(text: str, times: list[TimeExpr]) -> str | None:
    """The last period the sentence states, not counting what it compares with (nor the
    period of the value compared with: "57.9% of the market, up from 55.4% in September")."""
    periods = [
        t.period
        for t in times
        if t.period and not _baseline(text, t) and not _BASE_VALUE.search(text, 0, t.start)
    ]
    return periods[-1] if periods else None


# a value compared with, dated right after it: "up from 55.4% in September", "against $1.2
# billion in 2023", "против 55,4% в сентябре"
_BASE_VALUE = re.compile(
    r"(?:\b(?:from|than|against|versus|vs\.?|compared\s+(?:to|with))|(?<![\w-])(?:с|против|по"
    r"\s+сравнению\s+с))\s+(?:the\s+|a\s+)?[$€¥₽£]?\s*\d[\d.,]*\s*(?:%|percent|per\s+cent)?"
    r"(?:\s+[^\W\d]+){0,2}?(?:\s+(?:in|for|during|over|в|во|за))?\s+(?:the\s+)?$",
    re.I,
)


# a sum converted in brackets right after it: "1.1 trillion roubles ($13.6 billion)", "€49.6
# million (about $58 million)"
_CONVERTED = re.compile(
    r"\s*\(\s*(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+|около\s+|~)?$",
    re.I,
)
_MONEY = frozenset({"USD", "EUR", "CNY", "RUB", "INR", "JPY", "GBP", "KZT", "TRY"})


def converted_alike(
    text: str, pairs: list[tuple[Quantity, Figure]], times: list[TimeExpr]
) -> list[Figure]:
    """The figures of `pairs` (a sentence's quantities and figures, in order), a sum and its
    conversion in brackets sharing one period: the one told right after the brackets ("$137.6
    billion (about 984 billion yuan) in the first seven months of 2024"), else the sum's own
    (not a date told later: "nine-month net profit to 1.1 trillion roubles ($13.6 billion)
    under IFRS in November")."""
    out = [f for _, f in pairs]
    for i in range(1, len(pairs)):
        (a, fa), (b, _) = pairs[i - 1], pairs[i]
        if not (
            a.unit in _MONEY
            and b.unit in _MONEY
            and a.unit != b.unit
            and _CONVERTED.fullmatch(text, a.end, b.start)
        ):
            continue
        close = _CLOSED.match(text, b.end)
        after = [
            t
            for t in times
            if close and t.period and _OWN_PERIOD.fullmatch(text, close.end(), t.start)
        ]
        period = after[0].period if after else fa.period
        out[i - 1], out[i] = replace(out[i - 1], period=period), replace(out[i], period=period)
    return out


_CLOSED = re.compile(r"\s*\)")


# a results release or a report names the period it covers at its top: "2024 Interim Report",
# "results for the three and six months ended 30 June 2025", "for the year ended 31 December
# 2023", "отчетность за девять месяцев 2024 года"
_REPORT = re.compile(
    r"\b(?:interim|annual|half[- ]year(?:ly)?|quarterly|financial|operating|IFRS|GAAP|"
    r"consolidated|audited)\s+(?:\w+\s+){0,3}?(?:reports?|results|statements)\b"
    r"|\b(?:results|statements|report)\s+for\s+the\b"
    r"|(?<![\w-])(?:отч[её]тност\w*|(?:финансов|операционн)\w+\s+результат\w*)\s+(?:\w+\s+){0,2}?за\s",
    re.I,
)
_INTERIM = re.compile(r"\binterim\b", re.I)


def reporting_period(sentences: list[tuple[str, list[TimeExpr]]]) -> str | None:
    """The period a results release or a report covers, from its first sentences (headline,
    dateline, lead: each its text and time expressions): the longest period told in a
    sentence that names the report or the results; a year of an interim report is its first
    half ("Zijin Mining 2024 Interim Report": 2024-H1). None for a page that is no report:
    its undated figures are not of one period."""
    for text, times in sentences:
        if _REPORT.search(text) is None:
            continue
        told = [t.period for t in times if t.period and not _baseline(text, t)]
        if not told:
            continue
        period = max(told, key=_length)
        if _INTERIM.search(text) and re.fullmatch(r"(?:19|20)\d\d", period):
            return f"{period}-H1"
        return period
    return None


def _length(period: str) -> int:
    """How long a period is in days ('2025-H1' is shorter than '2025'), for the longest of
    several; 0 for a string that is no period."""
    span = period_span(period)
    return (span[1] - span[0]).days if span else 0
