"""Figure claims as intervals, grouped by what they measure; conflicts and series.

Requires: SourcedExtraction.extraction.figures. Assigns: FigureGroup, Conflict, FigureSeries.

Claims are compared only within one FigureKey (measure, flow, period, unit, kind, per, and for
measure "other" the normalised measure_text). Claims without a period, and "other" claims
without a measure_text, are kept but never compared: nothing says they are about the same
thing. Each claim becomes a closed interval (`claim_interval`); a group conflicts when the
intervals have no common point.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from bilat.humanize import amount
from bilat.reconcile._dates import period_span
from bilat.reconcile._text import topic_key
from bilat.reconcile.model import (
    Conflict,
    FigureClaim,
    FigureGroup,
    FigureKey,
    FigureSeries,
    ReconcileOptions,
    SeriesPoint,
    SourcedExtraction,
)
from bilat.records import Figure

__all__ = [
    "claim_interval",
    "common_interval",
    "comparable",
    "consistent_subsets",
    "describe",
    "figure_key",
    "find_conflicts",
    "group_figures",
    "le",
    "period_order",
    "quantity",
    "series_of",
]

_INF = math.inf


def _magnitude(lo: float, hi: float, qualifier: str, o: ReconcileOptions) -> tuple[float, float]:
    """Interval for a claim with 0 <= lo <= hi."""
    if qualifier == "at_least":
        return lo, _INF
    if qualifier == "at_most":
        return lo * (1 - o.nearly_floor), hi
    tolerance = o.approx_tolerance if qualifier == "approx" else o.exact_tolerance
    return lo * (1 - tolerance), hi * (1 + tolerance)


def claim_interval(
    value: float, value_max: float | None, qualifier: str, options: ReconcileOptions
) -> tuple[float, float]:
    """The closed interval of values a claim allows (docs/reconcile.md, "Intervals").

    For negative claims (a fall of 9.1%) the qualifier bounds the magnitude: "fell by more
    than 10%" (at_least -10) is (-inf, -10].
    """
    lo, hi = sorted((value, value if value_max is None else value_max))
    if lo >= 0:
        return _magnitude(lo, hi, qualifier, options)
    if hi <= 0:
        m_lo, m_hi = _magnitude(-hi, -lo, qualifier, options)
        return -m_hi, -m_lo
    # a range across zero (-5..5%): widen both ends by the tolerance, open the qualified side
    tolerance = options.approx_tolerance if qualifier == "approx" else options.exact_tolerance
    low = lo if qualifier == "at_most" else lo * (1 + tolerance)
    high = _INF if qualifier == "at_least" else hi * (1 + tolerance)
    return low, high


def le(a: float, b: float) -> bool:
    """a <= b, forgiving float noise at touching bounds."""
    return a <= b or math.isclose(a, b, rel_tol=1e-9)


def common_interval(claims: Sequence[FigureClaim]) -> tuple[float, float] | None:
    """The intersection of the claims' intervals, or None when it is empty."""
    low = max(c.low for c in claims)
    high = min(c.high for c in claims)
    return (low, high) if le(low, high) else None


def consistent_subsets(claims: Sequence[FigureClaim]) -> tuple[tuple[int, ...], ...]:
    """Maximal sets of claim indices whose intervals share a point, largest first. Claims
    of one interval are weighed once (a group of a popular figure repeats a few values
    thousands of times): sets of distinct intervals, then the claims of each. The points
    weighed are the intervals' finite bounds; each interval is matched only with the
    points near it (`_points_in`), and a set is checked against the sets at the points of
    its rarest interval (any larger set holding it holds that interval)."""
    holding: dict[tuple[float, float], list[int]] = {}
    for i, c in enumerate(claims):
        holding.setdefault((c.low, c.high), []).append(i)
    spans = list(holding)
    points = sorted({b for span in spans for b in span if math.isfinite(b)})
    inside = [_points_in(span, points) for span in spans]  # span -> the points it holds
    at: list[list[int]] = [[] for _ in points]  # point -> the spans holding it
    for n, where in enumerate(inside):
        for i in where:
            at[i].append(n)
    sets_at = [frozenset(spans_at) for spans_at in at]
    sets = {s for s in sets_at if s}

    size = [len(where) for where in inside]

    def covered(s: frozenset[int]) -> bool:  # a strict subset of another set
        return any(s < sets_at[i] for i in inside[min(s, key=size.__getitem__)])

    maximal = [s for s in sets if not covered(s)]
    out = [tuple(sorted(i for n in s for i in holding[spans[n]])) for s in maximal]
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


_NEAR = 4e-9  # `le` forgives a gap below 1.0000001e-9 of the bound (rel_tol 1e-9): wider


def _points_in(span: tuple[float, float], points: Sequence[float]) -> list[int]:
    """The indices of the sorted `points` p with le(low, p) and le(p, high): those from low
    to high, and of the few just outside (within `_NEAR` of a finite bound), those `le`
    forgives. A point farther out is not close to the bound: isclose(p, b) needs
    |p - b| <= 1e-9 * max(|p|, |b|), so |p - b| < 1.0000001e-9 * |b|."""
    low, high = span
    if math.isnan(low) or math.isnan(high):
        return [i for i, p in enumerate(points) if le(low, p) and le(p, high)]
    first, last = bisect_left(points, low), bisect_right(points, high)
    near: set[int] = set()
    if math.isfinite(low):
        near.update(range(bisect_left(points, low - _NEAR * abs(low)), first))
    if math.isfinite(high):
        near.update(range(last, bisect_right(points, high + _NEAR * abs(high))))
    return [
        *range(first, last),
        *(i for i in sorted(near) if le(low, points[i]) and le(points[i], high)),
    ]


def figure_key(figure: Figure) -> FigureKey:
    topic = topic_key(figure.measure_text) if figure.measure == "other" else None
    return FigureKey(
        figure.measure, figure.flow, figure.period, figure.unit, figure.kind, figure.per, topic
    )


_BODIES = frozenset({"organization", "company", "state"})


def _data_source(source: SourcedExtraction, figure: Figure) -> str | None:
    """The data source a figure cites: 'according to Chinese customs data', or the body
    that states it ('the Federal Customs Service reported'); a person is a speaker, not one."""
    if figure.source_data:
        return figure.source_data
    types = {a.name: a.type for a in source.extraction.actors}
    return figure.said_by if types.get(figure.said_by or "") in _BODIES else None


def _claim(source: SourcedExtraction, figure: Figure, options: ReconcileOptions) -> FigureClaim:
    low, high = claim_interval(figure.value, figure.value_max, figure.qualifier, options)
    ev = figure.evidence
    return FigureClaim(
        source.doc_name,
        source.doc_id,
        source.published,
        figure.value,
        figure.value_max,
        figure.unit,
        figure.qualifier,
        figure.said_by,
        ev.quote,
        ev.start,
        ev.end,
        figure.measure_text,
        _data_source(source, figure),
        low,
        high,
        source.source,
    )


def comparable(key: FigureKey) -> bool:
    """Claims under this key may be compared: a known period, and a topic for "other"."""
    return key.period is not None and (key.measure != "other" or key.topic is not None)


def _sort_key(key: FigureKey) -> tuple[str, ...]:
    return tuple(
        v or "" for v in (key.measure, key.flow, key.period, key.unit, key.kind, key.per, key.topic)
    )


def quantity(key: FigureKey) -> tuple[str | None, ...]:
    """What a series follows over periods: the key without its period."""
    return key.measure, key.flow, key.unit, key.kind, key.per, key.topic


def group_figures(
    inputs: Sequence[SourcedExtraction],
    options: ReconcileOptions,
    keep: Callable[[FigureKey], bool] | None = None,
) -> tuple[FigureGroup, ...]:
    """The claims grouped by key, groups in key order (only the keys `keep` accepts)."""
    groups: dict[FigureKey, list[FigureClaim]] = {}
    for source in inputs:
        for figure in source.extraction.figures:
            key = figure_key(figure)
            if keep is None or keep(key):
                groups.setdefault(key, []).append(_claim(source, figure, options))
    result = []
    for key in sorted(groups, key=_sort_key):
        claims = tuple(sorted(groups[key], key=lambda c: (c.published or "", c.doc, c.start)))
        common = common_interval(claims) if comparable(key) else None
        low, high = common if common else (None, None)
        result.append(FigureGroup(key, claims, low, high))
    return tuple(result)


def describe(claim: FigureClaim) -> str:
    """ "at most $245 bn", "about 80–85%" — a claim as a reader says it. The interval it allows
    is on the claim (low, high), not in the text."""
    words = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "at most "}
    value = amount(claim.value, claim.unit, claim.value_max)
    return f"{words.get(claim.qualifier, '')}{value}"


def claimant(claim: FigureClaim) -> str:
    """Who a claim is from, as an analyst names it: the data source or speaker it cites and
    the outlet that reported it ("Chinese customs, per Interfax"); the document's name only
    when its outlet is unknown."""
    outlet = claim.outlet or claim.doc
    cited = claim.source_data or claim.said_by
    return f"{cited}, per {outlet}" if cited else outlet


def _apart(a: FigureClaim, b: FigureClaim) -> bool:
    return a.high < b.low or b.high < a.low


def _sources_apart(claims: Sequence[FigureClaim]) -> tuple[FigureClaim, FigureClaim] | None:
    """Two claims from different data sources that cannot both be true, the pair of sources
    backed by the most claims first: 'Chinese customs' vs 'Russia's customs service' is the
    story of a conflict, more than its two most distant numbers."""
    by_source: dict[str, list[FigureClaim]] = {}
    for c in claims:
        if (who := c.source_data) is not None:
            by_source.setdefault(who, []).append(c)
    best: tuple[int, float, FigureClaim, FigureClaim] | None = None
    names = sorted(by_source)
    # a pair is weighed on its claims' values and intervals: of a source's claims alike in
    # those, the first stands for all (the pair `max` picks first is made of firsts)
    firsts = {who: _firsts(claims) for who, claims in by_source.items()}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            pairs = [(x, y) for x in firsts[a] for y in firsts[b] if _apart(x, y)]
            if not pairs:
                continue
            x, y = max(pairs, key=lambda p: abs(p[0].value - p[1].value))
            rank = (len(by_source[a]) + len(by_source[b]), abs(x.value - y.value), x, y)
            if best is None or rank[:2] > best[:2]:
                best = rank
    return None if best is None else (best[2], best[3])


def _firsts(claims: Sequence[FigureClaim]) -> list[FigureClaim]:
    """The first claim of each value and interval, in order."""
    seen: dict[tuple[float, float, float], FigureClaim] = {}
    for c in claims:
        seen.setdefault((c.value, c.low, c.high), c)
    return list(seen.values())


def _reason(claims: Sequence[FigureClaim]) -> str:
    """Why the claims conflict, in the words an analyst uses: who says what."""
    apart = _sources_apart(claims)
    if apart is not None:
        top, bottom = sorted(apart, key=lambda c: -c.value)
    else:
        top = max(claims, key=lambda c: c.low)
        bottom = min(claims, key=lambda c: c.high)
    return f"{claimant(top)} says {describe(top)} but {claimant(bottom)} says {describe(bottom)}"


def _conflict(group: FigureGroup) -> Conflict:
    key, claims = group.key, group.claims
    sources = tuple(sorted({c.source_data for c in claims if c.source_data}))
    return Conflict(
        key.measure,
        key.flow,
        key.period,
        key.unit,
        key.kind,
        key.per,
        key.topic,
        claims,
        _reason(claims),
        consistent_subsets(claims),
        sources,
    )


def find_conflicts(groups: Iterable[FigureGroup]) -> tuple[Conflict, ...]:
    """Every comparable group with two or more claims and no common value."""
    return tuple(
        _conflict(g) for g in groups if comparable(g.key) and len(g.claims) > 1 and g.low is None
    )


def period_order(period: str) -> tuple[date, date, str]:
    """Where a period's point goes in its series: by its span, then its text."""
    span = period_span(period)
    return (span[0], span[1], period) if span else (date.max, date.max, period)


def series_of(groups: Iterable[FigureGroup]) -> tuple[FigureSeries, ...]:
    """Comparable groups regrouped by quantity, points ordered by period."""
    by_quantity: dict[tuple[str | None, ...], list[FigureGroup]] = {}
    for g in groups:
        if comparable(g.key):
            by_quantity.setdefault(quantity(g.key), []).append(g)
    series = []
    for q in sorted(by_quantity, key=lambda q: tuple(v or "" for v in q)):
        members = sorted(by_quantity[q], key=lambda g: period_order(g.key.period or ""))
        points = tuple(
            SeriesPoint(g.key.period or "", g.claims, g.low, g.high, g.low is None) for g in members
        )
        k = members[0].key
        series.append(FigureSeries(k.measure, k.flow, k.unit, k.kind, k.per, k.topic, points))
    return tuple(series)
