"""Figures: every number that quantifies something in the relationship (GOLD.md "figures").

Stage contract: requires `DocContext.sentences` (and uses `mentions` and `doc` when present);
returns `Figure` records whose evidence is in CLEAN-text coordinates (the sentence holding the
number). Per number: kind (amount | change | share) and signed value, qualifier, measure and
measure text, flow, period (from a time expression in the sentence, else carried from the
paragraph), said_by and source_data. Targets ("the goal of exceeding $200 billion") are left
to `bilat.extract.commitments`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from bilat.extract.commitments import is_target, paragraph_before
from bilat.extract.context import DocContext, Sentence, in_its_year
from bilat.extract.figure_tables import Table, find_tables
from bilat.extract.figures_attrib import (
    clause_speaker,
    paragraph_ids,
    sentence_speaker,
    source_data,
)
from bilat.extract.figures_data import has_phrase, phrases
from bilat.extract.figures_kind import figure_kind
from bilat.extract.figures_measure import (
    commodity_in,
    countries_in,
    countries_in_text,
    find_flow,
    find_measure,
    measure_phrase,
    money_by_context,
)
from bilat.extract.figures_numwords import word_value
from bilat.extract.figures_period import (
    a_year_before,
    converted_alike,
    fallback_period,
    last_period,
    number_period,
    of_the_period_before,
    reporting_period,
)
from bilat.extract.figures_polls import poll_result
from bilat.extract.numbers import Quantity, find_quantities
from bilat.extract.numbers_rates import is_rate_level, rate_after
from bilat.extract.temporal import TimeExpr, find_time_expressions
from bilat.records import Commitment, Evidence, Figure

__all__ = ["extract_figures", "without_title_targets"]


@dataclass(slots=True)
class _Carry:
    """What flows from one sentence to the next inside a paragraph."""

    paragraph: int = -1
    period: str | None = None
    speaker: str | None = None
    document: str | None = None  # the last period stated anywhere before
    recent: str | None = None  # the last period of the previous paragraph
    to_date: str | None = None  # the last span from January the article stated ("2023-01..2023-10")
    last: str | None = None  # the period of the previous sentence's last figure


def extract_figures(ctx: DocContext) -> list[Figure]:
    """All figures of the document, in text order, one per number mention."""
    figures: list[Figure] = []
    carry = _Carry()
    speakers = _paragraph_speakers(ctx)
    tables = find_tables(ctx)
    report = reporting_period(
        [
            (s.text, find_time_expressions(s.text, ctx.published))
            for s in ctx.sentences[:4]  # the headline, a dateline, the lead
        ]
    )
    for sent, para in zip(ctx.sentences, paragraph_ids(ctx), strict=True):
        if any(t.start <= sent.start and sent.end <= t.end for t in tables):
            continue  # a table's header or row: its cells are read below
        if para != carry.paragraph:
            carry = _Carry(para, None, None, carry.document, carry.period, carry.to_date)
        # a timeline's item is read in its heading's year ('2023' / '- The fiscal year that
        # ended on March 31 brings trade of $49.4 bln')
        figures += _sentence_figures(
            in_its_year(ctx, sent), sent, carry, speakers.get(para), report
        )
    cells = _table_cells(tables, figures)  # each its own, though two be alike ("2023 2 2")
    return _without_title_repeats(ctx, sorted(_once(figures) + cells, key=_start))


def _start(f: Figure) -> int:
    return f.evidence.start


def _table_cells(tables: list[Table], told: list[Figure]) -> list[Figure]:
    """The cells of the tables that the text does not also tell: 'trade totaled $228.1 billion
    in 2025' over a row '2025 228.1 -6.9%' is one fact, with the sentence as its evidence."""

    def same(a: Figure, b: Figure) -> bool:
        return (a.kind, a.unit, a.per, a.period) == (b.kind, b.unit, b.per, b.period) and abs(
            a.value - b.value
        ) <= 0.01 * abs(b.value)

    return [f for t in tables for f in t.figures if not any(same(f, b) for b in told)]


def _without_title_repeats(ctx: DocContext, figures: list[Figure]) -> list[Figure]:
    """A title line's number that the body gives again ("Russia-Saudi Trade Jumps 18%" over
    "Trade ... rose 18% last year") is the body's claim; the title has no period of its own."""
    text = ctx.clean_text

    def title_line(f: Figure) -> bool:
        return _on_title_line(text, f.evidence.start)

    def same(a: Figure, b: Figure) -> bool:
        return (a.kind, a.value, a.value_max, a.unit, a.per) == (
            b.kind,
            b.value,
            b.value_max,
            b.unit,
            b.per,
        )

    in_title = [title_line(f) for f in figures]
    body = [f for f, title in zip(figures, in_title, strict=True) if not title]
    return [
        f
        for f, title in zip(figures, in_title, strict=True)
        if not (title and f.period is None and any(same(f, b) for b in body))
    ]


def _on_title_line(text: str, pos: int) -> bool:
    """Whether `pos` is on a title line: short, no sentence's end."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    return 0 < len(line) <= 200 and not line.endswith((".", "!", "?", ":", ";", "»", '"'))


def without_title_targets(
    ctx: DocContext, figures: list[Figure], commitments: list[Commitment]
) -> list[Figure]:
    """'Россия и Китай договорились увеличить пропуск грузовиков до 5 тыс. в сутки' over a body
    that sets it as a target by 2028: the title's number is that commitment, no figure."""
    return [
        f
        for f in figures
        if not (
            f.period is None
            and _on_title_line(ctx.clean_text, f.evidence.start)
            and any((c.value, c.unit, c.per) == (f.value, f.unit, f.per) for c in commitments)
        )
    ]


def _once(figures: list[Figure]) -> list[Figure]:
    """One figure per fact: the headline and the body giving the same number for the same
    measure, flow and period are one claim (the fuller sentence is kept as its evidence)."""
    kept: dict[tuple[object, ...], Figure] = {}
    for f in figures:
        key = (f.kind, f.value, f.value_max, f.unit, f.per, f.period, f.flow, f.measure)
        if key not in kept or len(f.evidence.quote) > len(kept[key].evidence.quote):
            kept[key] = f
    return sorted(kept.values(), key=lambda f: f.evidence.start)


def _paragraph_speakers(ctx: DocContext) -> dict[int, str]:
    """For paragraphs holding a quotation: the speaker named anywhere in the paragraph."""
    out: dict[int, str] = {}
    for sent, para in zip(ctx.sentences, paragraph_ids(ctx), strict=True):
        if para in out or not re.search(r"[\"“”«»]", sent.text):
            continue
        who = sentence_speaker(ctx, sent)
        if who:
            out[para] = who
    return out


_YEAR_BEFORE_OPENING = re.compile(
    r"^\W*(?:(?:a|one)\s+year\s+(?:earlier|before)|годом\s+ранее|год\s+назад)\b", re.I
)


def _a_year_before_the_last(text: str, times: list[TimeExpr], last: str | None) -> list[TimeExpr]:
    """'Годом ранее, по его словам, торговля превышала $4,5 млрд', 'A year earlier, ...': the
    year before the period told last (2024's trade told, 2023), not the one before the
    report's year."""
    opening = _YEAR_BEFORE_OPENING.match(text)
    if opening is None or not last or not re.search(r"(?:19|20)\d\d", last):
        return times
    earlier = re.sub(r"(?:19|20)\d\d", lambda y: str(int(y.group(0)) - 1), last)
    if any(t.start < opening.end() for t in times):
        return times  # "A year earlier, in 2022, ...": the text says which
    told = TimeExpr(opening.start(), opening.end(), opening.group(0), None, None, earlier)
    return [told, *times]


_FORECAST_VERB = (
    r"(?:rise|fall|grow|increase|decrease|decline|drop|reach|exceed|recover|climb|slow|ease|"
    r"edge|slip|top|surpass|pass|hit|double|approach|total|remain|stay)\b"
)
_FORECAST = re.compile(
    r"\b(?:expects?|forecasts?|predicts?|projects?)\s+(?:[\w'’-]+\s+){0,8}?to\s+"
    + _FORECAST_VERB
    + r"|\b(?:is|are)\s+(?:expected|forecast|projected|likely)\s+to\s+"
    + _FORECAST_VERB
    # capacity scheduled: "Airlines scheduled 1.2 million seats ... in the first quarter" (in
    # January: this quarter), "had scheduled some 1,200 weekly flights for December"
    + r"|\bscheduled\s+(?:(?:about|some|around|nearly|almost|over|more\s+than)\s+)?\d",
    re.I,
)


def _sentence_figures(
    ctx: DocContext,
    sent: Sentence,
    carry: _Carry,
    quote_speaker: str | None,
    report: str | None = None,
) -> list[Figure]:
    """The figures of one sentence; `report` is the period the page reports on, when it is a
    results release or a report (`reporting_period`): "during the Reporting Period", and
    what no period dates."""
    text = sent.text
    tense = "future" if _FORECAST.search(text) else "past"  # "expects ... in the July-
    # September quarter": the quarter to come
    times = _this_year_to_date(text, find_time_expressions(text, ctx.published, tense=tense), carry)
    times = _a_year_before_the_last(text, times, carry.period or carry.document)
    times = _since_then(text, times, ctx.published)
    times = _the_month_told(text, times, carry.period)
    times = _full_year_of_the_year_told(text, times)
    times = _for_delivery(text, times, ctx.published)
    quantities = _range_rates(
        text, find_quantities(text, exclude=[(t.start, t.end) for t in times])
    )
    speaker = sentence_speaker(ctx, sent) or carry.speaker or quote_speaker
    # a sentence that states a period we cannot resolve ('this year' without a publication
    # date) keeps it unknown rather than borrowing one from elsewhere
    unresolved = any(t.period is None and t.date is None for t in times)
    carried = None if unresolved else _same_months(text, carry) or carry.period
    if carried is None and not unresolved and _THE_PERIOD.search(text):
        # "accounted for 70% ... over the period"; a report's "during the Reporting Period"
        carried = report or carry.recent or carry.document
    source = source_data(text, ctx, sent)
    before = paragraph_before(ctx, sent)  # (where a deal whose terms the sentence tells is named)
    pairs = [
        (
            q,
            _figure(
                ctx,
                sent,
                q,
                (carried if carried and of_the_period_before(text, q, quantities) else None)
                or number_period(text, q, quantities, times, carried)
                or a_year_before(text, q, carried or carry.recent)
                or (carry.last if _THE_FIGURE.search(text, 0, q.start) else None)
                or carried,
                clause_speaker(ctx, sent, q.end) or speaker,
                source,
            ),
        )
        for q in quantities
        if not is_target(text, q, before)
        and not poll_result(text, q, ctx.clean_text)
        and not _change_to_level(text, q)
        and not _third_party_assets(ctx, text, q)
    ]
    document = carry.document  # what the article stated before this sentence
    if not unresolved:
        pairs = _dated_with_its_change(
            [
                (q, fallback_period(f, document or report, carry.recent or report, text))
                for q, f in pairs
            ]
        )
    stated = _main_period(pairs) or last_period(text, times)
    if stated is None or stated not in _periods_alone(text, times):
        carry.period = stated or carry.period  # "In November alone, ...": that month is
    carry.document = carry.period or carry.document  # this sentence's, not the next ones'
    carry.speaker = speaker
    carry.last = pairs[-1][1].period if pairs else carry.last  # ("put the figure at ...")
    pairs = list(zip((q for q, _ in pairs), converted_alike(text, pairs, times), strict=True))
    return _pair_respectively(text, pairs)


# "Since the bridge opened to traffic in November 2022, a cumulative 7.6 million tonnes had
# crossed it by the end of 2024", "more than 160,000 trucks have used it since 10 June 2022"
_SINCE_BEFORE = re.compile(r"\b(?<!(?:est|rst) )since\b(?:[^,;.]{0,80}?\s(?:in|on))?\s+$", re.I)
_SINCE_EVENT_IN = re.compile(r"\bsince\s+(?:the|its|their|it|they)\b[^,;.]{0,80}?\s+in\s+$", re.I)
_BY_THE_END = re.compile(r"\bby\s+(?:the\s+)?end\s+of\s+$", re.I)


def _since_then(text: str, times: list[TimeExpr], published: str | None) -> list[TimeExpr]:
    """A month or day after 'since' opens a span that runs to the publication (GOLD.md: "over
    the past decade" is up to the report), or to 'by the end of' a year told after it; not
    "the highest since March" (a level of now). A year told after an event ("since the plant
    opened in 2016") opens a span of years to the publication's."""
    out = list(times)
    for i, t in enumerate(times):
        if not t.date or not _SINCE_BEFORE.search(text, 0, t.start):
            continue
        if len(t.date) == 4:  # ("since 2016" alone is read so already)
            year = published[:4] if published else None
            if _SINCE_EVENT_IN.search(text, 0, t.start) and year is not None and year > t.date:
                out[i] = replace(t, period=f"{t.date}..{year}")
            continue
        if len(t.date) < 7:
            continue
        told = [  # "by the end of 2024": that year's December
            f"{u.period}-12"
            for u in times[i + 1 :]
            if u.period
            and re.fullmatch(r"\d{4}", u.period)
            and _BY_THE_END.search(text, 0, u.start)
        ]
        end = told[0] if told else (published[:7] if published and len(published) >= 7 else None)
        if end is not None and end > t.date[:7]:
            out[i] = replace(t, period=f"{t.date[:7]}..{end}")
    return out


# a cargo's month: "cargoes for April arrival were offered", "for May loading"
_DELIVERY_AFTER = re.compile(
    r"\s+(?:arrival|arrivals|loading|loadings|delivery|deliveries|shipment|shipments)\b", re.I
)


def _for_delivery(text: str, times: list[TimeExpr], published: str | None) -> list[TimeExpr]:
    """A month a cargo is priced or offered for is the next such month, not the last one,
    even in a sentence told in the past ('cargoes for April arrival were offered at a
    premium', reported in March)."""
    if not published or len(published) < 7:
        return times
    out = list(times)
    for i, t in enumerate(times):
        if not (
            t.period
            and re.fullmatch(r"(\d{4})-(\d\d)\.\.\1-\2", t.period)
            and t.period[:7] < published[:7]
            and _DELIVERY_AFTER.match(text, t.end)
            and (re.match(r"for\s", t.text, re.I) or re.search(r"\bfor\s+$", text[: t.start]))
        ):
            continue
        ahead = f"{int(t.period[:4]) + 1}{t.period[4:7]}"
        if ahead >= published[:7]:
            out[i] = replace(t, date=ahead, period=f"{ahead}..{ahead}")
    return out


# a part of the period reported, told apart: "In November alone", "в одном только ноябре"
_ALONE_AFTER = re.compile(r",?\s+alone\b", re.I)
_ALONE_BEFORE = re.compile(r"(?:\bтолько|\bодном\s+только)\s+(?:в\s+|за\s+)?$", re.I)


def _periods_alone(text: str, times: list[TimeExpr]) -> set[str]:
    return {
        t.period
        for t in times
        if t.period and (_ALONE_AFTER.match(text, t.end) or _ALONE_BEFORE.search(text[: t.start]))
    }


# the period told before, named as such: "Russia accounted for almost 70 per cent of the
# province's foreign trade over the period" (a new paragraph after "in the first four months")
_THE_PERIOD = re.compile(
    r"\b(?:over|during|in|for|within)\s+(?:this|that|the)\s+(?:same\s+|reporting\s+|review\s+)?"
    r"period\b(?!\s+(?:of|from|between|since|to|until)\b)"
    r"|(?<![\w-])за\s+(?:этот|тот\s+же|указанный|отчетный|отчётный)\s+период(?![\w-])",
    re.I,
)
_SAME_MONTHS = re.compile(r"\bthe\s+same\s+(\w+)\s+months\b", re.I)


def _same_months(text: str, carry: _Carry) -> str | None:
    """'rose 3.3% to $86.2 billion over the same eight months': the span of that many months
    from January the article stated (not the single month a chart line told in between)."""
    m = _SAME_MONTHS.search(text)
    span = _FROM_JANUARY.fullmatch(carry.to_date or "")
    if m is None or span is None:
        return None
    try:  # "eight", "8"
        months = int(m.group(1)) if m.group(1).isdigit() else word_value(m.group(1))
    except KeyError:  # "the same two-digit months": no count
        return None
    return carry.to_date if months == int(span.group(0)[-2:]) else None


_FROM_JANUARY = re.compile(r"(\d{4})-01\.\.\1-(?:0[2-9]|1[01])")


def _this_year_to_date(text: str, times: list[TimeExpr], carry: _Carry) -> list[TimeExpr]:
    """'this year' in a report on a year not yet over means the months reported so far: the
    span from January an earlier sentence stated ('from January through October 2023 … The
    growth was driven this year by rapeseed' -> January-October 2023). A sentence that states
    such a span itself sets 'this year' apart from it ('in the first 11 months … and 15 bcm
    this year'), and a forecast is for the whole year ('is expected to exceed 40 million
    tonnes this year')."""
    ytd = carry.to_date
    own = [t.period for t in times if t.period and _FROM_JANUARY.fullmatch(t.period)]
    if own:
        carry.to_date = own[-1]
    if ytd is None or own:
        return times
    return [
        replace(t, period=ytd)
        if t.period == ytd[:4]
        and re.fullmatch(r"(?i)(?:in\s+)?this year", t.text.strip())
        and not _forecast_before(text, t.start)
        else t
        for t in times
    ]


_FULL_YEAR = re.compile(r"(?:the\s+)?full[-\s]year", re.I)


def _full_year_of_the_year_told(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """'In 2024 the full-year figure was ...': the full year is 2024's, not the report's."""
    out: list[TimeExpr] = []
    for t in times:
        year = out[-1] if out and re.fullmatch(r"(?:19|20)\d\d", out[-1].period or "") else None
        if (
            year is not None
            and _FULL_YEAR.fullmatch(t.text.strip())
            and re.fullmatch(r"\s*(?:,\s*)?(?:the\s+)?", text[year.end : t.start])
        ):
            continue  # (the year told stands for both)
        out.append(t)
    return out


_THE_MONTH = re.compile(
    r"\b(?:in\s+)?(?:the|that|the\s+same)\s+month\b(?!\s+(?:of|before|earlier|after|to)\b)", re.I
)
_ONE_MONTH = re.compile(r"((?:19|20)\d\d-\d\d)\.\.\1")


def _the_month_told(text: str, times: list[TimeExpr], told: str | None) -> list[TimeExpr]:
    """'in the month', 'that month': the single month an earlier sentence stated ("handled
    1.9 million tonnes in October. Container traffic reached 48,600 TEU in the month and
    402,000 TEU in January-October": 48,600 in October)."""
    if told is None or not _ONE_MONTH.fullmatch(told):
        return times
    found = [
        TimeExpr(m.start(), m.end(), m.group(0), told[:7], None, told)
        for m in _THE_MONTH.finditer(text)
        if not any(t.start < m.end() and m.start() < t.end for t in times)
    ]
    return sorted([*times, *found], key=lambda t: t.start) if found else times


# what is expected of a year still running is a level for the whole year (GOLD v1.1)
_FORECAST_CLAUSE = re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:s|ed|ion)|predict\w*|estimated\s+to|will|would|"
    r"(?:is|are)\s+(?:set|likely|on\s+(?:track|course))\s+to|could|should)\b",
    re.I,
)
_NEXT_CLAUSE = re.compile(r";|,\s+(?:and|while|but|whereas)\b|\bwhile\b", re.I)


def _forecast_before(text: str, end: int) -> bool:
    """Whether the clause ending at `end` forecasts ('is expected to top ... this year')."""
    start = max((m.end() for m in _NEXT_CLAUSE.finditer(text, 0, end)), default=0)
    return _FORECAST_CLAUSE.search(text, start, end) is not None


def _dated_with_its_change(pairs: list[tuple[Quantity, Figure]]) -> list[tuple[Quantity, Figure]]:
    """'Exports to China totalled USD 12.6 billion, down 9.4 percent': a sentence telling a
    level and its change tells them for one period, so the level takes the period its change
    was given from the article's before (a change always measures some span)."""
    dated = {f.period for _, f in pairs if f.kind == "change" and f.period}
    if len(dated) != 1:
        return pairs
    (period,) = dated
    return [(q, replace(f, period=period) if f.period is None else f) for q, f in pairs]


def _main_period(pairs: list[tuple[Quantity, Figure]]) -> str | None:
    """The period the next sentence continues: its first figure's ('Exports dropped 9.9%,
    … attributing it to a 46% fall between January and November'; 'Imports, meanwhile, fell
    3.4%' is the year's too)."""
    return pairs[0][1].period if pairs else None


def _range_rates(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'from 38 bcm to 44 bcm per year', 'от 100 миллиардов до 200 миллиардов в год': the rate
    after the second number is the first's too, also when the second is a target."""
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end : b.start]
        if (
            a.per is None
            and b.per
            and a.unit == b.unit
            and re.fullmatch(r"\s*(?:to|до)\s+", between)
        ):
            out[i] = replace(a, per=b.per)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end : b.start]
        if b.per is None and a.per and a.unit == b.unit and _GOES_ON_OR_FROM.search(between):
            out[i] = replace(b, per=a.per)
    return out


# a later level of the same flow: "a contract for 10 bcm a year … later rise to 12 bcm",
# a parallel one or the one it rose from: "to 44 bcm a year and via ... to 12 bcm from the 10
# bcm originally agreed",
# "an additional 2.5 million tonnes per year, bringing the total to 12.5 million tonnes"
_GOES_ON_OR_FROM = re.compile(
    r"\b(?:ris\w*|increas\w*|grow\w*|rais\w*|bring\w*|expand\w*|reach\w*|boost\w*)\b"
    r"[^.;]{0,60}\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|as\s+much\s+as\s+)?$"
    # "2,8 млрд кубометров в год с возможностью увеличения до 11 млрд кубометров"
    r"|(?<![\w-])(?:увелич|рост|повыш|расшир|довед|выраст|вырос)\w*[^.;]{0,60}(?<![\w-])до\s+"
    r"(?:примерно\s+|около\s+)?$"
    # the range's end: "from 10 bcm a year to 12 bcm"
    r"|^\s*(?:(?:a|per)\s+(?:year|annum)\s+)?to\s+$|^\s*(?:в\s+год\s+)?до\s+$"
    # the level it went from: "to 35 million tonnes a year by 2028, from about 28 million now"
    r"|^[^.;]{0,40},\s*(?:up\s+|down\s+)?from\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
    r"almost\s+|roughly\s+|just\s+)?$"
    # "to 12 bcm from the 10 bcm originally agreed"
    r"|^\s*from\s+(?:the\s+|about\s+|around\s+)?$"
    # a second target in parallel: "to 44 bcm a year and via the Far Eastern route, due to
    # start in 2027, to 12 bcm"
    # ... or its range: "from 38 to 44 bcm a year and of the Far Eastern route from 10 to 12"
    r"|^\s*(?:a|per)\s+(?:year|annum)\s+and\b[^.;]{0,80}\b(?:to|from)\s+$",
    re.I,
)


def _third_party_assets(ctx: DocContext, text: str, q: Quantity) -> bool:
    """'shadowed by four U.S. destroyers': a third state's ships or troops watching the pair
    are not a figure of the relationship (GOLD v1.1)."""
    if q.unit != "count":
        return False
    m = re.match(r"\s+((?:[A-Z][\w.]*\s+){1,2})([a-z]+)(?:\s+([a-z]+))?", text[q.end :])
    assets = phrases("measures.yaml", "military_assets")
    if m is None or not {m.group(2), m.group(3)} & set(assets):
        return False
    states = {h.iso for h in countries_in_text(m.group(1))}
    return bool(states) and not states & set(ctx.pair)


def _change_to_level(text: str, q: Quantity) -> bool:
    """'halved to 10 percent': the rate level after it is the figure (GOLD v1.1)."""
    return q.hint == "multiplier" and bool(
        re.match(r"\s+to\s+\d[\d.,]*\s*(?:%|percent|per cent)", text[q.end :])
    )


def _figure(
    ctx: DocContext,
    sent: Sentence,
    q: Quantity,
    period: str | None,
    speaker: str | None,
    source: str | None,
) -> Figure:
    q = money_by_context(q, sent.text, ctx.clean_text[max(0, sent.start - 2000) : sent.start])
    kind, value = figure_kind(sent.text, q)
    value_max = q.value_max
    if value < 0 and value_max is not None and value_max > 0:  # "fell by 7-9%": -9 to -7
        value, value_max = -value_max, value
    if q.per is None and q.unit not in ("percent", "count"):
        q = replace(q, per=rate_after(ctx.clean_text, sent.start + q.end))
    measure, told = _measure(ctx, sent, q)
    if measure == "pipeline_capacity" and q.unit == "m3" and q.per is None:
        q = replace(q, per="year")  # "a design capacity of 38 bcm": a pipeline's is yearly
    flow = find_flow(sent.text, q.start, measure, countries_in(ctx, sent), ctx.pair)
    if flow is None and told is not None:  # "... the figure was": of the sentence before's
        flow = find_flow(told.text, len(told.text), measure, countries_in(ctx, told), ctx.pair)
    quote = ctx.clean_text[sent.start : sent.end]
    return Figure(
        kind=kind,
        value=value,
        value_max=value_max,
        unit=q.unit,
        per=q.per,
        qualifier=q.qualifier,
        measure=measure,
        measure_text=measure_phrase(sent.text, q.start, q.end, _span(ctx, sent)),
        flow=flow,
        period=period,
        said_by=speaker,
        evidence=Evidence(sent.start, sent.end, quote),
        source_data=source,
    )


def _span(ctx: DocContext, sent: Sentence) -> Any:
    """The spaCy span of a sentence, or None without a parsed doc."""
    if ctx.doc is None:
        return None
    return ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")


_COMMODITY_SUPPLY = frozenset({"gas_supply", "oil_supply", "coal_supply"})
_TRADE = frozenset({"trade_turnover", "trade_flow"})


_BETWEEN_THE_TWO = re.compile(
    r"\b(?:between\s+the\s+two|bilateral|two-way|mutual)\b|(?<![\w-])(?:двусторонн|взаимн)\w*",
    re.I,
)


def _scope(ctx: DocContext, sent: Sentence, q: Quantity, measure: str) -> str:
    """Measures that are not the pair's supply or trade: a commodity produced ('coal
    production should total 440 Mt') and one state's trade with the world ('Globally, China
    reported record trade of $6.48 trillion. Exports grew by 6.1%.')."""
    before = sent.text[max(0, q.start - 40) : q.start]
    if measure in _COMMODITY_SUPPLY and has_phrase(before, "measures.yaml", "production_words"):
        return "other"
    if is_rate_level(sent.text, q):
        return "other"  # GOLD v1.1: tariff rates are percent, measure other
    if (
        measure in _TRADE
        and len({h.iso for h in countries_in(ctx, sent)}) < 2
        and not _BETWEEN_THE_TWO.search(sent.text)  # "Total trade between the two countries"
    ):
        opening = _paragraph_opening(ctx, sent)
        if has_phrase(opening, "measures.yaml", "global_cues"):
            return "other"
    return measure


def _paragraph_opening(ctx: DocContext, sent: Sentence) -> str:
    """The first sentence of the paragraph holding `sent`."""
    first = sent
    for prev in reversed(ctx.sentences[: sent.index]):
        if "\n\n" in ctx.clean_text[prev.end : first.start]:
            break
        first = prev
    return first.text


def _about_trade_or_output(text: str) -> bool:
    """A sentence about trade in general, or about producing rather than supplying: it does
    not take the commodity of the sentence before it."""
    return bool(re.search(r"\btrade\b", text, re.I)) or has_phrase(
        text, "measures.yaml", "production_words"
    )


def _measure(ctx: DocContext, sent: Sentence, q: Quantity) -> tuple[str, Sentence | None]:
    """The figure's measure, and the sentence before when the measure is read from it (the
    figure told by a word that points back: "The volume ...", "put the figure at")."""
    measure = _scope(ctx, sent, q, find_measure(sent.text, q.start, q.end, q.unit))
    prev = ctx.sentences[sent.index - 1] if 0 < sent.index <= len(ctx.sentences) else None
    if prev is not None and measure in ("other", "trade_flow") and q.unit != "count":
        same_paragraph = "\n\n" not in ctx.clean_text[prev.end : sent.start]
        goods = commodity_in(prev.text, q.unit) if same_paragraph else None
        if goods and not _about_trade_or_output(sent.text):
            return goods, None  # "... gas via Power of Siberia. The volume of deliveries rose"
    if measure != "other" or prev is None:
        return measure, None
    if not (
        re.match(r"\s*(?:their|its|this|that|the)\b", sent.text, re.I)
        or _THE_FIGURE.search(sent.text, 0, q.start)
    ):
        return measure, None
    joined = prev.text + " " + sent.text
    offset = len(prev.text) + 1
    found = find_measure(joined, q.start + offset, q.end + offset, q.unit)
    return found, (prev if found != "other" else None)


# a number told as the one just reported: "put the figure at 205.2 billion dollars", "In 2024
# the full-year figure was $244.8 billion"
_THE_FIGURE = re.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:figure|tally|total)\s+(?:was|stood|came|at)\b"
    r"|\bput\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:figure|tally|total)\s+at\b",
    re.I,
)


# ---------------------------------------------------------------------------- respectively


def _pair_respectively(text: str, pairs: list[tuple[Quantity, Figure]]) -> list[Figure]:
    """'213 million tons of oil and 246 bcm of gas — 1.8% and 6.2% more': the changes joined
    by "and" take the measures (and flows) of the amounts before them, in order."""
    figures = [f for _, f in pairs]
    changes = [(q, f) for q, f in pairs if f.kind == "change"]
    if len(changes) < 2 or not _joined(text, [q for q, _ in changes]):
        return figures
    first = changes[0][0].start
    amounts = [f for q, f in pairs if f.kind == "amount" and q.end <= first]
    amounts = [f for f in amounts if f.measure != "other"][-len(changes) :]
    if len(amounts) != len(changes) or len({f.measure for f in amounts}) != len(amounts):
        return figures
    remap = {id(f): a for (_, f), a in zip(changes, amounts, strict=True)}
    return [
        replace(f, measure=remap[id(f)].measure, flow=remap[id(f)].flow) if id(f) in remap else f
        for f in figures
    ]


def _joined(text: str, qs: list[Quantity]) -> bool:
    return all(
        re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[a.end : b.start]) for a, b in pairwise(qs)
    )
