"""What every extraction stage receives: one document, parsed once.

The orchestrator (`bilat.extract.pipeline`) builds a `DocContext` from a stored document:
clean text, sentences, the spaCy doc, the publication date, and — after the actor stage —
the resolved actor mentions. Later stages (events, figures, agreements, commitments) read it
and return items whose spans are offsets into the CLEAN text; the orchestrator maps them to the
original text and verifies the quotes (grounding).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "DocContext",
    "Mention",
    "Sentence",
    "calendar_line",
    "date_led",
    "heading_year",
    "headline_end",
    "in_dateline",
    "in_its_post",
    "in_its_year",
    "item_day",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # clean-text offsets
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an actor in the clean text, resolved to the actor's canonical name."""

    start: int
    end: int
    text: str
    actor: str  # canonical actor name, as in Actor.name
    type: str  # person | state | organization | company | place | project
    country: str | None


@dataclass(slots=True)
class DocContext:
    name: str
    clean_text: str
    published: str | None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or None
    sentences: tuple[Sentence, ...]
    doc: Any = None  # the spaCy Doc over clean_text (None in unit tests that don't need it)
    mentions: list[Mention] = field(default_factory=list)  # filled by the actor stage, sorted
    pair: tuple[str, str] = ("RU", "CN")  # the bilateral pair being tracked (ISO alpha-2)
    weak_actors: dict[str, Any] = field(default_factory=dict)  # filtered out unless referenced
    pair_names: tuple[str, str] = ("Russia", "China")  # actor names of the pair's states
    ents: tuple[Any, ...] = ()  # the spaCy entities, read once (Doc.ents is rebuilt per access)
    language: str = "en"  # "ru": the Russian mention layer finds numbers, times and triggers

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end) (`mentions` is sorted by position)."""
        first = bisect_left(self.mentions, start, key=_start)
        out = []
        for m in itertools.islice(self.mentions, first, None):
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def last_mention_before(self, pos: int, type_: str | None = None) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.end > pos:
                break
            if type_ is None or m.type == type_:
                best = m
        return best


def _start(m: Mention) -> int:
    return m.start


# a dateline opening its line: its city ("SEOUL - ", "BEIJING, March 11 (Xinhua) -- "), or
# the state after its city ("SEOUL, South Korea (AP) —")
_DATELINE_CITY = re.compile(r"[A-Z][A-Z .'’-]{2,},\s+")
_DATELINE_END = re.compile(
    r"(?P<when>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?P<by>\([^()\n]{1,30}\)\s*)?"
    r"(?:\s(?:--?|–|—)|(?:--?|–|—)\s)"
)


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names where the report was filed, no party to what it tells:
    a city opening its line in capitals or with its day or agency ("SEOUL - ", "Moscow, Nov
    18 (Reuters) -", not a headline's "China - Russia trade hits a record"), or the state
    after such a city."""
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start]
    after = _DATELINE_END.match(text, end)
    if after is None:
        return False
    if _DATELINE_CITY.fullmatch(before):
        return True
    told = text[start:end].isupper() or after["when"] or after["by"]
    return not before.strip() and bool(told)


def headline_end(ctx: DocContext) -> int:
    """Where a headline line ends: a first line of its own with no closing full stop; 0 when
    the text opens with its lead sentence."""
    text = ctx.clean_text
    pos = 0
    while nav := _NAV_LINE.match(text, pos):  # "Naval News > Naval Shipbuilding > Indian Navy"
        pos = nav.end()
    first = re.compile(r"\s*([^\n]{10,200})\n").match(text, pos)
    if first is None or first.group(1).rstrip().endswith((".", "!", "?", ":", ";", "»", '"')):
        return 0
    return first.end(1)


# a page's breadcrumb line before the headline: short parts between '>', '/', '|' or '»'
_NAV_LINE = re.compile(r"\s*[^\n>/|»›]{1,40}(?:\s[>/|»›]\s[^\n>/|»›]{1,40}){1,6}\s*\n")


# A timeline or factbox: a year on a line of its own, then items led by their day ("2014" /
# "May 21 - Gazprom and CNPC sign ...", "Dec 2 - Putin and Xi launch ...")
_YEAR_HEADING = re.compile(r"\s*(?:In\s+)?(?P<y>(?:19|20)\d\d)\s*[:：—–-]?\s*")
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
)
_DATED = r"(?:19|20)\d\d"
_BULLET = re.compile(r"\s*[-–•*▲►▶■●◆▪·]\s")
_DATE_LED = re.compile(
    rf"\s*(?:[-–•*▲►▶■●◆▪·]\s*)?(?P<when>(?:(?:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))"
    rf"(?:\s*[-–]\s*(?:(?:{_MONTH})\s+)?\d{{1,2}}(?:\s+(?:{_MONTH}))?)?(?:,?\s+{_DATED})?"
    rf"|\d{{1,2}}\.\d\d\.{_DATED}|{_DATED}-\d\d-\d\d)\s*(?:--|[-–—:.]|\s-)\s",
    re.I,
)


def heading_year(ctx: DocContext, s: Sentence) -> str | None:
    """The year a timeline's heading gives the item `s` is in ('2014' over 'May 21 - ...'):
    the item's line is led by a day or a bullet, and every line between it and the heading
    is too."""
    return _heading_year_at(ctx.clean_text, s.start)


def _heading_year_at(text: str, at: int) -> str | None:
    start = text.rfind("\n", 0, at) + 1
    led = _DATE_LED.match(text, start)
    if led is None and not _BULLET.match(text, start):
        return None
    if led is not None and (own := re.search(_DATED, led["when"])):
        return own[0]  # '14.09.2029 - ...' under '2028': the item's own year
    for line in reversed(text[:start].split("\n")[-60:]):
        if not line.strip() or _DATE_LED.match(line) or _BULLET.match(line):
            continue  # an item of the year, dated or not ('- The fiscal year ... brings')
        heading = _YEAR_HEADING.fullmatch(line)
        return heading["y"] if heading else None
    return None


def calendar_line(ctx: DocContext, s: Sentence) -> tuple[str, str, str | None] | None:
    """The day leading a dated line with no year heading above it ('Jul 3-4 - SCO summit in
    Astana; Putin and Xi expected to attend', '• May 9 – Victory Day parade') or under the
    heading of the publication's year, the line and that heading's year, when `s` opens it:
    a calendar or key-dates list, or None."""
    text = ctx.clean_text
    start = text.rfind("\n", 0, s.start) + 1
    led = _DATE_LED.match(text, start)
    if led is None or s.start > led.end():
        return None
    year = heading_year(ctx, s)
    if year is not None and (ctx.published is None or year != ctx.published[:4]):
        return None
    end = text.find("\n", start)
    return led["when"], text[start : end if end >= 0 else len(text)], year


def date_led(ctx: DocContext, at: int) -> bool:
    """The line holding offset `at` is led by its day: an item of a timeline or calendar,
    whose verbs are a list's present ('Feb 4 - Putin meets Xi in Beijing'), not a
    schedule's."""
    return _DATE_LED.match(ctx.clean_text, ctx.clean_text.rfind("\n", 0, at) + 1) is not None


def item_day(ctx: DocContext, at: int) -> str | None:
    """The day leading the timeline item a clause of it (at offset `at`) belongs to ('June
    5' for 'He and Putin hold talks in the Kremlin.' after 'June 5 - Xi arrives in Moscow.'
    under '2023'; 'July 19, 2022' for 'meets Khamenei' in 'July 19, 2022 - Putin visits
    Tehran, meets Khamenei'), when the day has its year or a heading's: every contact the
    item tells with no day of its own is of that day."""
    text = ctx.clean_text
    led = _DATE_LED.match(text, text.rfind("\n", 0, at) + 1)
    if led is None:
        return None
    dated = re.search(_DATED, led["when"]) or _heading_year_at(text, at)
    return led["when"] if dated else None


def in_its_year(ctx: DocContext, s: Sentence) -> DocContext:
    """The context a timeline item is read in: its heading's year stands for the publication
    (a day without a year is of that year, and it is past), else `ctx` itself."""
    year = heading_year(ctx, s)
    if year is None or (ctx.published is not None and year >= ctx.published[:4]):
        return ctx
    return replace(ctx, published=f"{year}-12-31")


# a post's date on a line of its own, in a feed of posts or a live blog ("11 июля 2025",
# "July 12, 2025 14:30", "12 July 2025, 09:14")
_POST_DATE = re.compile(
    rf"\s*(?:\d{{1,2}}\s+(?:{_MONTH})|(?:{_MONTH})\s+\d{{1,2}},?)\s+(?:19|20)\d\d"
    r"(?:\s*(?:г\.|года))?(?:,?\s*(?:в\s+)?\d{1,2}:\d\d"
    # a live blog's entry: "Aug 31, 2025 21:30 (IST)", "Dec 05, 2025 09:18 PM IST"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?(?:[A-Z]{2,4}|GMT[+-]\d{1,2})\)?)?)?\s*",
    re.I,
)


def in_its_post(ctx: DocContext, s: Sentence) -> DocContext:
    """The context a post of a feed is read in: the date on a line of its own above it, when
    earlier than the page's, stands for the publication ("11 июля 2025" / "Лавров вылетел в
    КНДР. Завтра в Вонсане — переговоры": the 12th), else `ctx` itself."""
    if ctx.published is None or len(ctx.published) != 10:
        return ctx
    day = _post_day(ctx.clean_text, s.start, ctx.published)
    return replace(ctx, published=day) if day is not None and day < ctx.published else ctx


# a social post's header line: the account, its handle and the day with its year ("Chinese
# Embassy in Russia 🇨🇳 @ChineseEmbinRus · May 16, 2024 · 6:48 PM", "@EmbChinaBrasil
# 2025-05-13 20:05"), no sentence
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")
_YEAR = re.compile(_DATED)


def _post_header(line: str) -> re.Match[str] | None:
    """The handle of a social post's header line: short, with a handle and a year, and no
    sentence in it ('Sept. 4' and 'a.m.' are no sentence's end)."""
    bare = re.sub(r"\b(?:[A-Z][a-z]{2,3}|[ap]\.m)\.", " ", line.strip())
    if len(bare) > 140 or re.search(r"[.!?](?:\s+\S|\s*$)", bare) or not _YEAR.search(bare):
        return None
    return _HANDLE.search(line)


def _post_day(text: str, start: int, published: str) -> str | None:
    from bilat.extract.temporal import find_time_expressions  # (temporal imports this module)

    for line in reversed(text[max(0, start - 3000) : start].split("\n")[:-1]):
        if handle := _post_header(line):
            rest = line[: handle.start()] + " " + line[handle.end() :]  # ("@user2024")
            found = find_time_expressions(rest, published)
            dated = [e for e in found if len(e.date or "") == 10 and _YEAR.search(e.text)]
            return str(dated[0].date) if dated else None
        if _POST_DATE.fullmatch(line):
            year = re.search(r"(?:19|20)\d\d", line)
            found = find_time_expressions(line, published)
            days = [str(e.date) for e in found if len(e.date or "") == 10]
            return year[0] + days[0][4:] if days and year else None
    return None
