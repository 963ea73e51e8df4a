"""The publication year an article implies when it names no past day or month with a year.

needs : the clean text; today's date
adds  : `ImpliedDate` at year precision ("2024") with the spans it rests on, or None

GOLD.md v1.1 dates such articles from the text alone: "an exercise named for its year
('Vostok-2022'), 'last year ... 2025' in a report of the year's results". The rules, each
reading only sentences told as past (no future or plan cue):

1. An occasion named for its year ("Vostok 2022 exercises kicked off", "as part of SPIEF
   2022", "Ocean-2024", "учение «Степной рубеж-2024»", "made 31 voyages during the 2026
   navigation season", "met on the sidelines of the 2024 Asia-Pacific Economic Cooperation
   summit", "Announcement No 46 of 2024") was reported in that year or later; one planned
   for a month of this year ("Northern/Interaction-2025 will be held in August"; not "next
   year") was reported in that year.
2. A text that speaks of "this year" and reports a part of a stated year as done ("in the
   first half of 2024", "in January-May 2024") was written in that year.
3. A text that speaks of "last year" and reports the end of a stated year as done
   ("in December 2025", "the fourth quarter of 2025") was written in the year after.
4. A change measured against "the same period of 2024" (or "the same months of 2024") is
   reported for a part of the year after: written in 2025.
5. A sentence that tells a span of whole years as done and, in the same breath, "last year"
   ("From 2020 to 2024, trade nearly doubled, surpassing $240 billion last year") makes the
   span's last year the last year: written in the year after.
6. A year told in the present as the one it is ("The year 2025 marks the 75th anniversary
   of diplomatic relations", "the Declaration marks its 25th anniversary in 2025", "в 2025
   году отмечается 75-летие"): written in it.
7. A whole year's results told as done ("по итогам 2025 года", "подводя итоги 2025 года",
   "full-year 2025") in a text that also says "last year" ("в прошлом году") were reported
   in the year after.
8. The last year named in apposition ("в прошлом, 2025 году", "за 11 месяцев прошлого, 2024
   года", "last year (2025)"): the text was written in the year after; this year so named
   ("нынешний 2024 год", "this year (2025)"): in that year.
9. A year summed up as a whole, as a review does ("For Russia and Turkey, 2025 was a year in
   which politics ran ahead of business", "2025 год стал годом ..."): written in it or later.
10. An anniversary counted from a year the text names ("this year marks the 30th anniversary
   of the 1994 Treaty", "80 years since the end of World War II", "30-летие Договора 1994
   года") or from the end of the Second World War ("the 80th anniversary of Victory",
   "80-летия Победы": 1945), told as past or present: written in the year it fell or later.

Russian cues count as the English ones ("в этом году", "в прошлом году").

The latest year any rule gives, up to today's, is the implied year. Names of targets
("Vision 2030", "Strategy 2035") are not occasions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from bilat.extract.figures_data import phrases
from bilat.extract.temporal import TimeExpr, find_time_expressions

__all__ = ["SENTENCE", "implied_year"]

SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s+[A-ZА-ЯЁ\"“«(]|\s*$)|$)")
_YEAR = r"(?:19|20)\d{2}"
# a capitalised name word right before a year: "Vostok 2022", "SPIEF 2022", "North-Joint 2024"
_NAMED = re.compile(rf"\b([A-Z][\w]*(?:-[A-Z][\w]*)?)\)?[\s-]({_YEAR})\b")
# ... and in Russian: "«Восток-2022»", "учение «Степной рубеж-2024»", "ПМЭФ-2022"
_NAMED_RU = re.compile(rf"«([А-ЯЁ][^«»]{{0,40}}?)[\s-]({_YEAR})»|\b([А-ЯЁ][А-Яа-яЁё]+)-({_YEAR})\b")
# the year before the name: "on the sidelines of the 2024 Asia-Pacific Economic Cooperation
# summit", "at the 2025 SCO summit" (an occasion word closes the name)
_NAMED_AFTER = re.compile(
    rf"\bthe\s+({_YEAR})\s+(?:[A-Z][\w'’-]*\s+){{1,6}}?(?:summit|forum|games|expo|exhibition|fair|"
    r"congress|conference|session|dialogue|exercises?|drills?)\b"
)
# a span of the year told as past: "during the 2026 navigation season", "in the 2025 harvest"
_SEASON = re.compile(rf"\b(?:during|in|over|throughout)\s+the\s+({_YEAR})\s+[a-z]", re.I)
# an act numbered within its year, told as issued: "Announcement No 46 of 2024", "Decree No.
# 12 of 2025", "приказ № 215 от 2025 года" is of that year
_NUMBERED_ACT = re.compile(
    rf"\b(?:Announcement|Decree|Order|Resolution|Notice|Circular|Decision|Law)\s+No\.?\s*\d+"
    rf"\s+of\s+({_YEAR})\b"
)
_THIS_YEAR = re.compile(r"\bthis year\b|(?<!\w)(?:этом|нынешнем|текущем)\s+году\b", re.I)
_SAME_PERIOD = re.compile(
    rf"\bsame\s+(?:period|months?|quarter|half|time|span)\s+(?:of|in)\s+({_YEAR})\b", re.I
)
_LAST_YEAR = re.compile(r"\blast year\b|(?<!\w)(?:прошл|минувш)(?:ом|ого|ый)\s+год(?:у|а)?\b", re.I)
# the last year named in apposition: "в прошлом, 2025 году", "за 11 месяцев прошлого, 2024
# года", "last year, 2025,", "last year (2025)"
_LAST_YEAR_NAMED = re.compile(
    rf"(?<!\w)(?:прошл|минувш)(?:ом|ого|ый|ому),\s+({_YEAR})\s+год(?:у|а)?\b"
    rf"|\blast\s+year\s*(?:,\s*|\(\s*)({_YEAR})\b(?!\s*(?:-|–|to\b))",
    re.I,
)
# this year named in apposition: "нынешний 2024 год", "в текущем, 2025 году", "this year
# (2025)", "the current year, 2025,"
_THIS_YEAR_NAMED = re.compile(
    rf"(?<!\w)(?:нынешн|текущ)(?:ий|ем|его|им)\s*,?\s+({_YEAR})\s+год\w*"
    rf"|\b(?:this|the\s+current)\s+year\s*(?:,\s*|\(\s*)({_YEAR})\b(?!\s*(?:-|–|to\b))",
    re.I,
)
# the results of a whole year: "по итогам 2025 года", "full-year 2025", "for the whole of 2025"
_YEAR_RESULTS = re.compile(
    rf"(?<!\w)(?:по\s+итогам|(?:подв\w+|подведены|подведения)\s+итог(?:и|ов))\s+({_YEAR})\s+года"
    rf"|\bfull[- ]year\s+({_YEAR})\b"
    rf"|\bfor\s+(?:the\s+whole\s+of|all\s+of)\s+({_YEAR})\b|\b({_YEAR})\s+as\s+a\s+whole\b",
    re.I,
)

Evidence = tuple[tuple[int, int], ...]


def implied_year(
    text: str, planned: Callable[[str], bool], today: dt.date | None = None
) -> tuple[str, Evidence] | None:
    """The implied year and the spans it rests on (see the module docstring), or None.
    `planned(sentence)` tells a sentence about the future or a plan (those do not count)."""
    found: list[tuple[int, Evidence]] = []
    every = list(_sentences(text))
    past = [(s, t) for s, t in every if not planned(t)]
    found += _named_occasions(past)
    found += _named_after(every, planned)
    found += _named_years(every, _NUMBERED_ACT)  # cited, so issued, in a plan's sentence too
    found += _planned_this_year(every, past)
    found += _named_years(every, _MARKS)  # "The year 2025 marks the 75th anniversary of ..."
    found += _named_years(every, _SUMMED_UP)  # "For Russia and Turkey, 2025 was a year in ..."
    found += _relative(every, past, _THIS_YEAR, _partial_year, 0)
    found += _relative(every, past, _LAST_YEAR, _year_end, 1)
    found += _named_years(past, _SAME_PERIOD, 1)
    found += _span_then_last_year(past)
    found += _named_years(every, _THIS_YEAR_NAMED)  # "нынешний 2024 год объявлен ..."
    found += _named_years(every, _LAST_YEAR_NAMED, 1)  # "в прошлом, 2025 году"
    found += _results_then_last_year(every, past)
    found += _anniversaries(past)
    found = [f for f in found if f[0] <= (today or dt.date.today()).year]
    if not found:
        return None
    year, spans = max(found, key=lambda f: f[0])
    return str(year), spans


def _named_years(
    sentences: list[tuple[int, str]], pattern: re.Pattern[str], offset: int = 0
) -> list[tuple[int, Evidence]]:
    """The year each match of `pattern` names (its first group that matched), plus `offset`
    (1: the text names the year before its own), with the match as evidence."""
    return [
        (int(next(y for y in m.groups() if y)) + offset, ((s + m.start(), s + m.end()),))
        for s, t in sentences
        for m in pattern.finditer(t)
    ]


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for para in re.finditer(r"[^\n]+", text):
        for m in SENTENCE.finditer(para.group(0)):
            yield para.start() + m.start(), m.group(0)


@cache
def _not_names() -> frozenset[str]:
    return frozenset(phrases("temporal.yaml", "not_occasion_names"))


@cache
def _not_stems_ru() -> tuple[str, ...]:
    return tuple(phrases("temporal.yaml", "not_occasion_stems_ru"))


def _named_occasions(sentences: list[tuple[int, str]]) -> list[tuple[int, Evidence]]:
    out: list[tuple[int, Evidence]] = []
    for start, sentence in sentences:
        for m in _NAMED.finditer(sentence):
            if m.group(1) not in _not_names():
                out.append((int(m.group(2)), ((start + m.start(), start + m.end()),)))
        for m in _NAMED_RU.finditer(sentence):
            if not (m.group(1) or m.group(3)).startswith(_not_stems_ru()):
                year = int(m.group(2) or m.group(4))
                out.append((year, ((start + m.start(), start + m.end()),)))
        for m in _SEASON.finditer(sentence):
            out.append((int(m.group(1)), ((start + m.start(1), start + m.end(1)),)))
    return out


_HELD_AT = re.compile(
    r"\b(?:met|held|attended|hosted|gathered|spoke|talked|signed|agreed|took\s+part)\b", re.I
)


def _named_after(
    every: list[tuple[int, str]], planned: Callable[[str], bool]
) -> list[tuple[int, Evidence]]:
    """Rule 1 with the year first ('met on Saturday on the sidelines of the 2024
    Asia-Pacific Economic Cooperation summit'): told as past up to the occasion, with a past
    verb before it when a plan follows ('..., their last scheduled talks before ...')."""
    out: list[tuple[int, Evidence]] = []
    for start, sentence in every:
        for m in _NAMED_AFTER.finditer(sentence):
            if planned(sentence[: m.end()]):
                continue
            if planned(sentence) and not _HELD_AT.search(sentence, 0, m.start()):
                continue
            out.append((int(m.group(1)), ((start + m.start(1), start + m.end(1)),)))
    return out


# a month of this year, in a plan: "will be held in the Sea of Japan in August", "в августе"
_BARE_MONTH = re.compile(
    r"\b(?:in|on|by|from|for)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b(?!\s*\d)"
    r"|(?<!\w)в\s+(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре"
    r"|ноябре|декабре)\b(?!\s*\d)"
)
# a year told in the present as the one it is: "The year 2025 marks the 75th anniversary",
# "в 2025 году отмечается 75-летие"
_MARKS = re.compile(
    rf"\b({_YEAR})\s+(?:marks|is\s+marking)\s+the\b|(?<!\w)в\s+({_YEAR})\s+году\s+"
    r"(?:отмечается|исполняется)\b"
    # "the Declaration ..., signed in October 2000, marks its 25th anniversary in 2025"
    rf"|\b(?:marks|is\s+marking|celebrates|is\s+celebrating)\s+(?:its|their|the)\s+"
    rf"\w+\s+anniversary\s+(?:this\s+year,?\s+)?in\s+({_YEAR})\b"
)
# a year summed up as a whole, as a review does: "2025 was a year in which politics ran ahead of
# business", "2024 has been a year of records", "2025 год стал годом ..."
_SUMMED_UP = re.compile(
    rf"\b({_YEAR})\s+(?:was|has\s+been|proved|turned\s+out\s+to\s+be)\s+(?:(?:a|an|another)\s+)?"
    r"(?:[\w-]+\s+){0,3}?year\b"
    rf"|(?<![\w-])({_YEAR})(?:-й)?\s+год\s+(?:стал|был|оказался)\b",
    re.I,
)
# an anniversary counted from a year named in its occasion (rule 10): "the 30th anniversary of
# the 1994 Treaty", "75 years since diplomatic relations were established in 1949", "30-летие
# Договора 1994 года", "30 лет со дня подписания Договора 1994 года"
_ORDINAL = r"(?P<n>\d{1,3})(?:st|nd|rd|th|-?(?:я|й|ю|е|го|ей|ой))?"
_SINCE = (
    rf"{_ORDINAL}\s+(?:anniversary\s+of|years?\s+(?:since|after)|годовщин\w*|лет\s+со\s+дня|лет\s+с\s+"
    r"момента)|(?P<m>\d{1,3})-?лети\w*"
)
_ANNIVERSARY = re.compile(
    rf"(?<![\w.,])(?:{_SINCE})\s+(?P<words>(?:(?!{_YEAR}\b)[^\s.;:!?]+\s+){{0,8}}?)"
    rf"(?P<year>{_YEAR})\b(?!\s*(?:-|–|to\b|and\b|году\b))",
    re.I,
)
# "... in 2011" is when the anniversary fell, unless a participle tells the occasion's own year
# ("relations established in 1949")
_FELL_IN = re.compile(r"(?<!ed)\s(?:in|в)\s+$|^(?:in|в)\s+$", re.I)
# ... and from the end of the Second World War in Europe, a base no text needs to name
_VICTORY = re.compile(
    rf"(?<![\w.,])(?:{_SINCE})\s+(?:the\s+)?(?:(?:Great\s+)?Victory\b|end\s+of\s+(?:the\s+)?"
    r"(?:Second\s+World\s+War|World\s+War\s+(?:II|Two|2))|(?:Великой\s+)?Победы\b|окончания\s+"
    r"Второй\s+мировой)",
    re.I,
)


def _anniversaries(past: list[tuple[int, str]]) -> list[tuple[int, Evidence]]:
    """Rule 10: the year an anniversary fell, its count added to the year it counts from."""
    out: list[tuple[int, Evidence]] = []
    for start, sentence in past:
        for pattern in (_ANNIVERSARY, _VICTORY):
            for m in pattern.finditer(sentence):
                count = int(m["n"] or m["m"])
                base = int(m["year"]) if "year" in m.groupdict() else 1945
                if "words" in m.groupdict() and _FELL_IN.search(m["words"]):
                    continue  # "celebrated the 10th anniversary of the treaty in 2011"
                if 0 < count <= 200:
                    out.append((base + count, ((start + m.start(), start + m.end()),)))
    return out


_NEXT_YEAR = re.compile(r"\bnext\s+year\b|(?<!\w)(?:следующем|будущем)\s+году\b", re.I)


def _planned_this_year(
    every: list[tuple[int, str]], past: list[tuple[int, str]]
) -> list[tuple[int, Evidence]]:
    """Rule 1 for a plan: 'the Northern/Interaction-2025 exercise will be held in the Sea of
    Japan in August' dates the occasion by a month of this year, so this year is 2025."""
    told_past = {s for s, _t in past}
    plans = [
        (s, t)
        for s, t in every
        if s not in told_past and _BARE_MONTH.search(t) and not _NEXT_YEAR.search(t)
    ]
    return _named_occasions(plans)


def _relative(
    every: list[tuple[int, str]],
    past: list[tuple[int, str]],
    cue: re.Pattern[str],
    period_year: Callable[[TimeExpr], int | None],
    offset: int,
) -> list[tuple[int, Evidence]]:
    """Rules 2 and 3: a relative-year cue anywhere ('will import 40 bcm this year' says which
    year is current as well), and the latest year a period told as done puts it in."""
    cues = [(s + m.start(), s + m.end()) for s, t in every for m in cue.finditer(t)]
    if not cues:
        return []
    periods = [
        (year, (s + e.start, s + e.end))
        for s, t in past
        for e in find_time_expressions(t, None, tense="past")
        if e.period and (year := period_year(e)) is not None
    ]
    if not periods:
        return []
    year, span = max(periods)
    return [(year + offset, (cues[0], span))]


def _partial_year(e: TimeExpr) -> int | None:
    """'2024-H1', '2024-Q2', '2024-01..2024-05': a part of a year, not its end; and a fiscal
    year ended in a month before December ('the fiscal year that ended in March 2025')."""
    m = re.fullmatch(rf"({_YEAR})-(?:H1|Q[123])|({_YEAR})-\d\d\.\.\2-(0\d|10|11)", e.period or "")
    if m:
        return int(m.group(1) or m.group(2))
    ended = re.fullmatch(rf"({_YEAR})-(0\d|10|11)", e.date_end or "")
    return int(ended.group(1)) if ended and (e.period or "").endswith(ended.group(1)) else None


def _year_end(e: TimeExpr) -> int | None:
    """'2025-H2', '2025-Q4', '2025-12..2025-12', '2025-01..2025-12': a year's end, stated (a
    bare '2025' beside 'last year' may be the year before it)."""
    m = re.fullmatch(rf"({_YEAR})(?:-H2|-Q4|-\d\d\.\.\1-12)", e.period or "")
    return int(m.group(1)) if m else None


def _span_then_last_year(past: list[tuple[int, str]]) -> list[tuple[int, Evidence]]:
    """Rule 5: a span of whole years ('from 2020 to 2024') and 'last year' in one sentence."""
    out: list[tuple[int, Evidence]] = []
    for start, sentence in past:
        cue = _LAST_YEAR.search(sentence)
        if cue is None:
            continue
        for e in find_time_expressions(sentence, None, tense="past"):
            m = re.fullmatch(rf"({_YEAR})\.\.({_YEAR})", e.period or "")
            if m and int(m.group(1)) < int(m.group(2)) and e.end <= cue.start():
                spans = ((start + cue.start(), start + cue.end()), (start + e.start, start + e.end))
                out.append((int(m.group(2)) + 1, spans))
    return out


def _results_then_last_year(
    every: list[tuple[int, str]], past: list[tuple[int, str]]
) -> list[tuple[int, Evidence]]:
    """Rule 7: a year's results told as done ('по итогам 2025 года сократился', 'full-year
    2025 exports') in a text that also says 'last year' ('в прошлом году'): the year after."""
    cue = next(
        ((s + m.start(), s + m.end()) for s, t in every for m in _LAST_YEAR.finditer(t)), None
    )
    if cue is None:
        return []
    return [
        (int(next(y for y in m.groups() if y)) + 1, (cue, (s + m.start(), s + m.end())))
        for s, t in past
        for m in _YEAR_RESULTS.finditer(t)
    ]
