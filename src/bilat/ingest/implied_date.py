"""The publication date an article's text implies, when no feed, page or dateline states one.

needs : the clean text of an article whose publication date is not stated; today's date
adds  : `ImpliedDate` (ISO date + the spans it rests on), or None

GOLD.md defines an article's date as the one the feed gives, "else the date the text itself
states or clearly implies". A report implies its date by what it tells as past: one that says
"during Putin's visit on September 2, 2025, ... signed" and "congratulated him on National Unity
Day on November 4" was written on or after 2025-11-04, and its readers take "yesterday" as
2025-11-03. The rule, with no guessing beyond it:

1. A year-less wire dateline ("MOSCOW, May 8 (Interfax) -") gives the day; its year is the year
   of a date stated with its year that contains that day ("Xi is in Russia on May 7-10, 2025"),
   else the year of rule 3, else the year of a part of a year told as done that ended before
   the dateline's month ("MOSCOW, Nov 12 - ... in the first ten months of 2026").
2. Only explicit calendar anchors count: a day or month with its year ("September 2, 2025",
   "in October 2025") or without ("on November 4", "at the end of October"). Weekdays,
   "yesterday", "this year" and bare years are not evidence; ranges count by their end.
3. Only sentences with no future or plan cue count (data/temporal.yaml `future_cues`,
   `plan_cues`): a scheduled date says nothing about when the text was written. The year is
   the latest year of an anchor stated with its year; no such anchor, no implied date.
4. The date is the latest anchor of that year, year-less anchors read in it, at the anchor's own
   precision (a day or a month); a date after today is not a publication date. A year-less
   month more than six months after the latest stated one is left out: "on December 30" in a
   text whose stated dates are in January more likely belongs to the year before.

5. A year the text implies (`bilat.ingest.implied_year`: an occasion named for its year,
   "this year" beside a done part of a stated year, "last year" beside a done end of one)
   stands when there is no such day or month, or when it is a later year.

The result is stored with basis `implied` and its evidence, so a reader sees why (`bilat show`,
the document page).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bilat.extract.figures_data import load_data, phrases
from bilat.extract.temporal import find_time_expressions, infer_tense
from bilat.extract.wordre import mostly_cyrillic
from bilat.ingest.dates import DATELINE_WINDOW, yearless_dateline
from bilat.ingest.implied_ru import russian_dateline, russian_latest_month, russian_planned
from bilat.ingest.implied_year import SENTENCE, implied_year

__all__ = ["ImpliedDate", "implied_published"]

_PROBE_YEAR = "2000"  # a leap year: reads "February 29" without a year


@dataclass(frozen=True, slots=True)
class ImpliedDate:
    date: str  # ISO YYYY-MM-DD or YYYY-MM
    evidence: tuple[tuple[int, int], ...]  # spans in the text, the deciding anchor first


@dataclass(frozen=True, slots=True)
class _Anchor:
    date: str  # YYYY-MM-DD, YYYY-MM, or MM-DD / MM for a year-less anchor (a range: its end)
    first: str  # the start of a range, else the same as `date`
    start: int
    end: int
    past: bool
    with_year: bool

    def contains(self, iso_day: str) -> bool:
        """Whether a day (YYYY-MM-DD) falls inside this stated date or range."""
        end = self.date if len(self.date) == 10 else f"{self.date}-31"
        return self.first <= iso_day <= end

    @property
    def key(self) -> tuple[str, str]:
        """Later month first; within a month a stated day beats the month itself."""
        month, _, day = (self.date[5:] if self.with_year else self.date).partition("-")
        return month, day or "00"


def implied_published(text: str, today: dt.date | None = None) -> ImpliedDate | None:
    """The date `text` implies by the rules in the module docstring, or None."""
    if mostly_cyrillic(text[:DATELINE_WINDOW]):
        day = (today or dt.date.today()).isoformat()
        found = russian_dateline(text, day) or russian_latest_month(text, day)
        year = implied_year(text, russian_planned, today)
        if year is not None and (found is None or year[0] > found.date[:4]):
            # "по итогам 2025 года" + "в прошлом году"; with a year-less dateline, its day then
            return russian_dateline(text, day, year) or ImpliedDate(year[0], year[1])
        return found
    anchors = list(_anchors(text))
    stated = _stated_in_latest_year(anchors)
    found = _from_dateline(text, anchors, stated) or (_latest(anchors, stated) if stated else None)
    if found is not None and found.date > (today or dt.date.today()).isoformat():
        found = None
    year = implied_year(text, _planned, today)
    if year is not None and (found is None or year[0] > found.date[:4]):
        # "last year" beside "December 2025": 2026; with a year-less dateline, its day then
        return _dateline_in(text, year, today) or ImpliedDate(year[0], year[1])
    return found


def _dateline_in(
    text: str, year: tuple[str, tuple[tuple[int, int], ...]], today: dt.date | None
) -> ImpliedDate | None:
    """'BEIJING, Dec 8 (Reuters) -' in a text that implies 2025: 2025-12-08 (rule 1)."""
    found = yearless_dateline(text[:DATELINE_WINDOW])
    if found is None:
        return None
    month, day, start, end = found
    try:
        date = dt.date(int(year[0]), month, day)
    except ValueError:
        return None
    if date > (today or dt.date.today()):
        return None
    return ImpliedDate(date.isoformat(), ((start, end), *year[1]))


def _stated_in_latest_year(anchors: list[_Anchor]) -> list[_Anchor]:
    """Past anchors stated with a year, of the latest such year (rule 3); latest first."""
    stated = [a for a in anchors if a.past and a.with_year]
    year = max((a.date[:4] for a in stated), default=None)
    return sorted((a for a in stated if a.date[:4] == year), key=lambda a: a.key, reverse=True)


def _from_dateline(text: str, anchors: list[_Anchor], stated: list[_Anchor]) -> ImpliedDate | None:
    found = yearless_dateline(text[:DATELINE_WINDOW])
    if found is None:
        return None
    month, day, start, end = found
    day_of = f"{month:02d}-{day:02d}"
    around = [a for a in anchors if a.with_year and a.contains(f"{a.first[:4]}-{day_of}")]
    source = around[0] if around else (stated[0] if stated else None)
    if source is None:
        return _dateline_after_period(text, month, day, (start, end))
    try:
        date = dt.date(int(source.first[:4]), month, day).isoformat()
    except ValueError:
        return None
    return ImpliedDate(date, ((start, end), (source.start, source.end)))


def _dateline_after_period(
    text: str, month: int, day: int, dateline: tuple[int, int]
) -> ImpliedDate | None:
    """'MOSCOW, Nov 12 (Reuters) - ... shipments rose to a record in the first ten months of
    2026': a part of a year told as done that ended before the dateline's month is of the
    dateline's year (the latest such year)."""
    years = [
        (int(m[1]), (s + e.start, s + e.end))
        for s, t in _past_sentences(text)
        for e in find_time_expressions(t, None, tense="past")
        if e.period
        and (m := re.fullmatch(r"(\d{4})-01\.\.\1-(\d\d)", e.period))
        and int(m[2]) < month
    ]
    if not years:
        return None
    year, span = max(years)
    try:
        return ImpliedDate(dt.date(year, month, day).isoformat(), (dateline, span))
    except ValueError:
        return None


def _latest(anchors: list[_Anchor], stated: list[_Anchor]) -> ImpliedDate:
    year, last_month = stated[0].date[:4], int(stated[0].key[0])
    yearless = [
        a for a in anchors if a.past and not a.with_year and int(a.key[0]) <= last_month + 6
    ]
    best = max([*stated, *yearless], key=lambda a: a.key)
    if best.with_year:
        return ImpliedDate(best.date, ((best.start, best.end),))
    spans = ((best.start, best.end), (stated[0].start, stated[0].end))
    return ImpliedDate(f"{year}-{best.date}", spans)


def _anchors(text: str) -> Iterator[_Anchor]:
    """Every day or month the text names; year-less ones as MM-DD / MM. Resolving against a
    probe year leaves stated years as they are and reads the others in the probe year."""
    for start, sentence in _sentences(text):
        past = not _planned(sentence)
        for t in find_time_expressions(sentence, _PROBE_YEAR, tense="past"):
            if not (t.date and "-" in t.date and _month_words().search(t.text)):
                continue
            if _SINCE.search(sentence, 0, t.start) or t.text.lower().startswith("since"):
                continue  # "his first visit since December 2021": later, but not when
            span = (start + t.start, start + t.end)
            if _has_year(t.text):
                yield _Anchor(t.date_end or t.date, t.date, *span, past, True)
            elif not _ANOTHER_YEAR.search(sentence):
                yield _Anchor((t.date_end or t.date)[5:], t.date[5:], *span, past, False)


_SINCE = re.compile(r"\b(?:since|с)\s+$", re.I)
# a year-less month in a sentence about another year is not the current year's: "Last year's
# exercise was held in August"
_ANOTHER_YEAR = re.compile(
    r"\b(?:last|previous|next|coming)\s+year(?:['’]s)?\b|\ba\s+year\s+(?:ago|earlier|later)\b",
    re.I,
)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Sentences that name a month (the only ones that can hold an anchor)."""
    months = _month_words()
    for para in re.finditer(r"[^\n]+", text):
        if not months.search(para.group(0)):
            continue
        for m in SENTENCE.finditer(para.group(0)):
            if months.search(m.group(0)):
                yield para.start() + m.start(), m.group(0)


def _past_sentences(text: str) -> Iterator[tuple[int, str]]:
    """Every sentence told as past, with its start."""
    for para in re.finditer(r"[^\n]+", text):
        for m in SENTENCE.finditer(para.group(0)):
            if not _planned(m.group(0)):
                yield para.start() + m.start(), m.group(0)


def _planned(sentence: str) -> bool:
    if infer_tense(sentence) == "future":
        return True
    low = sentence.lower()
    return any(
        re.search(rf"\b{re.escape(c)}\b", low) for c in phrases("temporal.yaml", "plan_cues")
    )


@cache
def _month_words() -> re.Pattern[str]:
    """Month names as written in running text: capitalised ("May", "Sept."; not "may")."""
    names = sorted(load_data("temporal.yaml")["months"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n.capitalize()) for n in names) + r")\b")


def _has_year(expression: str) -> bool:
    return bool(re.search(r"\b(?:19|20)\d{2}\b", expression))
