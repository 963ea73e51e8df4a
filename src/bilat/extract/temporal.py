"""Find time expressions in English news text and resolve them against the publication date.

`find_time_expressions(text, published)` returns `TimeExpr` spans (offsets into `text`) with a
calendar `date` (as precise as the text, never more), an optional `date_end` for ranges, and a
GOLD-style `period` when the expression denotes one ("2024", "2025-H1", "2025-Q3",
"2025-01..2025-07", "2020..2024"). Relative expressions ("yesterday", "in May", "last year")
resolve only when `published` is known. Regex based: the patterns are in `temporal_rules`, the
builders that resolve their matches in `temporal_builders`, the calendar both count on in
`temporal_calendar`, word tables in `data/temporal.yaml`. `dateparser.search_dates` is
deliberately not used: it reads "We" as Wednesday and "86%" as 1986. Russian sentences go to
`temporal_ru`, which returns the same `TimeExpr` records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from bilat.extract.figures_data import phrases
from bilat.extract.temporal_calendar import Builder, Ctx, Published, parse_published, table
from bilat.extract.temporal_rules import patterns
from bilat.extract.wordre import alternation, mostly_cyrillic

__all__ = ["Published", "TimeExpr", "find_time_expressions", "infer_tense", "parse_published"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date: str | None
    date_end: str | None
    period: str | None


def infer_tense(text: str) -> str:
    """'future' when the text has a future cue ("will", "next", "scheduled"), else 'past'."""
    low = text.lower()
    for cue in phrases("temporal.yaml", "future_cues"):
        if re.search(rf"\b{re.escape(cue)}\b", low):
            return "future"
    return "past"


def find_time_expressions(
    text: str, published: str | None, *, tense: str | None = None
) -> list[TimeExpr]:
    """All non-overlapping time expressions in `text`, in text order."""
    return list(_find_cached(text, published, tense))


@lru_cache(maxsize=8192)
def _find_cached(text: str, published: str | None, tense: str | None) -> tuple[TimeExpr, ...]:
    """Figures, commitments, events and agreements all read the same sentences' dates."""
    return tuple(_quarters(text, _glossed(text, _month_spans(text, _find(text, published, tense)))))


_MONTH_OF_YEAR = re.compile(r"((?:19|20)\d\d-\d\d)\.\.\1")
_SPAN_GAP = re.compile(r"\s*(?:[-–—]|to|through|until|till|по|до)\s*", re.I)


def _month_spans(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """'April 2024 - March 2025', 'from April 2024 to March 2025', 'с апреля 2024 года по
    март 2025 года', 'between January 2024 and June 2025': two months told with their years
    are one span (a fiscal year glossed in brackets, a series' range)."""
    out: list[TimeExpr] = []
    for t in found:
        prev = out[-1] if out else None
        first = _MONTH_OF_YEAR.fullmatch(prev.period or "") if prev else None
        last = _MONTH_OF_YEAR.fullmatch(t.period or "")
        if prev is not None and first and last and first[1] < last[1]:
            gap = _SPAN_GAP.fullmatch(text, prev.end, t.start) or (
                re.fullmatch(r"\s+and\s+", text[prev.end : t.start])
                and re.search(r"\bbetween\s+$", text[: prev.start], re.I)
            )
            if gap and re.search(r"(?:19|20)\d\d", prev.text):
                period = f"{first[1]}..{last[1]}"
                span = text[prev.start : t.end]
                out[-1] = TimeExpr(prev.start, t.end, span, prev.date, t.date, period)
                continue
        out.append(t)
    return out


_QUARTER_AFTER = re.compile(r"\s+quarter\b|\s+квартал\w*", re.I)
_QUARTER_OF = {"01..": "Q1", "04..": "Q2", "07..": "Q3", "10..": "Q4"}


def _quarters(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """'the July-September quarter': the months of a calendar quarter named as a quarter are
    that quarter (GOLD.md writes 2026-Q3)."""
    out = []
    for t in found:
        span = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)\.\.\1-(\d\d)", t.period or "")
        if span and _QUARTER_AFTER.match(text, t.end):
            first, last = int(span.group(2)), int(span.group(3))
            quarter = _QUARTER_OF.get(span.group(2) + "..")
            if quarter and last == first + 2:
                t = replace(t, period=f"{span.group(1)}-{quarter}")
        out.append(t)
    return out


# between a period and the months that gloss it: "the first half of the current fiscal year
# (July-December)", "в 2024/25 финансовом году (апрель–март)"
_GLOSS_GAP = re.compile(r"[^\W\d_]*(?:[\s/-]+[^\W\d_]+){0,5}?\s*\(\s*", re.I)


def _glossed(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """A period followed by the months it covers in brackets is those months: one expression
    over both, with the bracketed span's dates."""
    out: list[TimeExpr] = []
    for t in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.period
            and ".." in t.period
            and _GLOSS_GAP.fullmatch(text, prev.end, t.start)
            and re.match(r"\s*\)", text[t.end :])
        ):
            out[-1] = TimeExpr(
                prev.start, t.end, text[prev.start : t.end], t.date, t.date_end, t.period
            )
            continue
        out.append(t)
    return out


@cache
def _hint_re() -> re.Pattern[str]:
    """Any word a time expression could start from; sentences without one skip the patterns."""
    words = {
        w
        for name in (
            "months",
            "weekdays",
            "ordinals",
            "cardinals",
            "seasons",
            "relative_days",
            "spans",
        )
        for w in table(name)
    }
    words |= {w.split()[-1] for w in table("relative_years")}
    words |= {
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "quarter",
        "half",
        "day",
        "days",
        "morning",
        "afternoon",
        "evening",
        "h1",
        "h2",
        "q1",
        "q2",
        "q3",
        "q4",
    }
    return re.compile(r"\d|\b" + alternation(words, ignore_case=True) + r"\b", re.I)


def _find(text: str, published: str | None, tense: str | None) -> list[TimeExpr]:
    if mostly_cyrillic(text):
        from bilat.extract.temporal_ru import find_time_expressions_ru

        return find_time_expressions_ru(text, published, tense)
    if not _hint_re().search(text):
        return []
    ctx = Ctx(parse_published(published), (tense or infer_tense(text)) == "future")
    found: list[TimeExpr] = []
    for m, builder in _candidates(text):
        resolved = builder(m, ctx)
        if resolved is None:
            continue
        found.append(_gold_period(TimeExpr(m.start(), m.end(), m.group(0), *resolved)))
    return [_since(text, t, ctx) for t in _non_overlapping(found)]


_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _gold_period(t: TimeExpr) -> TimeExpr:
    """GOLD periods have no single-month form: one month is the range 'YYYY-MM..YYYY-MM'; the
    six months to June of a year are its first half ('YYYY-H1', as the golds write 'in the
    six months to June', 'January-June')."""
    if t.period and _MONTH.match(t.period):
        return TimeExpr(t.start, t.end, t.text, t.date, t.date_end, f"{t.period}..{t.period}")
    half = _FIRST_HALF.fullmatch(t.period or "")
    if half and not re.search(r"fiscal|FY|since|so far|to date|начала", t.text, re.I):
        # (not a year to date told in June: "since the beginning of the year")
        return TimeExpr(t.start, t.end, t.text, t.date, t.date_end, f"{half[1]}-H1")
    return t


_FIRST_HALF = re.compile(r"(\d{4})-01\.\.\1-06")


_SINCE_LAUNCHED = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){1,4}?(?:was|were)\s+(?:launched|"
    r"started|founded|established|set\s+up|created|signed|opened|introduced)\s+in\s+$",
    re.I,
)


def _since(text: str, t: TimeExpr, ctx: Ctx) -> TimeExpr:
    """'since 2021' measures the span from 2021 to the publication year."""
    before = text[max(0, t.start - 7) : t.start].lower()
    month = re.fullmatch(r"(\d{4})-(\d{2})(?:\.\.\1-\2)?", t.period or "")
    if t.text.lower().startswith("since ") and month and ctx.pub and ctx.pub.month:
        # 'since January': from that month to the publication month
        year, first = int(month[1]), int(month[2])
        if (year, first) < (ctx.pub.year, ctx.pub.month):
            last = f"{ctx.pub.year}-{ctx.pub.month:02d}"
            return TimeExpr(t.start, t.end, t.text, t.date, last, f"{year}-{first:02d}..{last}")
    launched = _SINCE_LAUNCHED.search(text, max(0, t.start - 80), t.start)
    launch = t.period if t.period and re.fullmatch(r"\d{4}", t.period) else None
    if launched and ctx.pub and launch and int(launch) < ctx.pub.year:
        # "since the corridor was launched in 2015": from that year to the report's
        return replace(t, period=f"{launch}..{ctx.pub.year}")
    if not before.rstrip().endswith("since") or ctx.pub is None:
        return t
    if not (t.period and re.fullmatch(r"\d{4}", t.period)) or int(t.period) >= ctx.pub.year:
        return t
    span = f"{t.period}..{ctx.pub.year}"
    return TimeExpr(
        t.start - (len(before) - before.rfind("since")),
        t.end,
        text[t.start - (len(before) - before.rfind("since")) : t.end],
        t.date,
        t.date_end,
        span,
    )


def _candidates(text: str) -> Iterator[tuple[re.Match[str], Builder]]:
    for pattern, builder in patterns():
        for m in pattern.finditer(text):
            yield m, builder


def _non_overlapping(found: list[TimeExpr]) -> list[TimeExpr]:
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[TimeExpr] = []
    for t in found:
        if not any(t.start < k.end and k.start < t.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
