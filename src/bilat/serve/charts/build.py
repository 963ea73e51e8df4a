"""Figure claims -> one chart per quantity (measure, flow, unit, kind, per).

Levels, changes (growth %) and shares differ in `kind` (and unit), so they are never in one
chart. Each chart has a headline (`headline.py`) and is drawn twice (`draw.py`): wide, and
narrow for phones; the page shows the one that fits. Dots are coloured by the outlet that
reported the claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilat.serve.fmt import amount, flow_label, measure_name, period_label, qualifier_sign

from .draw import NARROW, WIDE, Layout, draw
from .headline import Headline, headline

__all__ = [
    "PALETTE",
    "UNKNOWN",
    "Chart",
    "aggregate_chart",
    "chart_key",
    "figure_charts",
    "outlet_colours",
]

PALETTE = (
    "#1f5f8b",
    "#d9822b",
    "#2e8b57",
    "#8e44ad",
    "#b8860b",
    "#17a2b8",
    "#6d4c41",
    "#c2185b",
    "#546e7a",
    "#7cb342",
    "#3949ab",
    "#00897b",
)
UNKNOWN = ("outlet unknown", "#9a948c")
_UNITS = {
    "USD": "US$",
    "CNY": "yuan",
    "RUB": "roubles",
    "EUR": "euro",
    "percent": "%",
    "m3": "cubic metres",
    "t": "tonnes",
    "count": "number",
    "day": "days",
}
_KINDS = {"amount": "level", "change": "change", "share": "share"}


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    subtitle: str
    headline: Headline | None
    series: tuple[str, ...]  # panel labels, then "No period stated" when there is a strip
    wide: Layout
    narrow: Layout
    legend: tuple[tuple[str, str], ...]  # (colour, outlet)
    claims: int


def _outlet(f: dict[str, Any]) -> str:
    """Who reported a figure: its outlet (never the file name)."""
    return str(f.get("outlet") or UNKNOWN[0])


def outlet_colours(figures: list[dict[str, Any]]) -> dict[str, str]:
    """A stable colour per outlet (by first appearance in publication order); grey for an
    unknown outlet."""
    first: dict[str, str] = {}
    for f in figures:
        if f.get("outlet"):
            who, published = str(f["outlet"]), f.get("published") or ""
            first[who] = min(first.get(who, published), published)
    order = sorted(first, key=lambda who: (first[who], who))
    colours = {who: PALETTE[i % len(PALETTE)] for i, who in enumerate(order)}
    return {**colours, UNKNOWN[0]: UNKNOWN[1]}


def _key(f: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return (
        f.get("measure") or "other",
        f.get("flow") or "",
        f.get("unit") or "",
        f.get("kind") or "",
        f.get("per") or "",
    )


def chart_key(f: dict[str, Any]) -> str:
    return "|".join(_key(f))


def _tooltip(f: dict[str, Any]) -> str:
    value = amount(f.get("value"), f.get("unit"), f.get("value_max"), f.get("per"))
    lines = [
        f"{period_label(f.get('period'))}: {qualifier_sign(f.get('qualifier'))}{value}"
        f" ({f.get('qualifier', 'exact')})",
        f"{_outlet(f)} · {f.get('published') or 'undated'} · {f.get('doc')}",
    ]
    if f.get("said_by"):
        lines.append(f"said by {f['said_by']}")
    if f.get("source_data"):
        lines.append(f"data: {f['source_data']}")
    lines.append(f"“{f['evidence']['quote']}”")
    if f["review"]["state"] != "unreviewed":
        lines.append(f"review: {f['review']['state']} by {f['review']['author']}")
    return "\n".join(lines)


def _chart(
    key: tuple[str, ...],
    claims: list[dict[str, Any]],
    colours: dict[str, str],
    conflicts: dict[str, dict[str, Any]],
    links: bool,
    head: list[dict[str, Any]] | None = None,
    count: int | None = None,
) -> Chart:
    """`head`: the claims the headline is of (default `claims`); `count`: how many claims
    the chart stands for (default one per drawn claim)."""

    def style(f: dict[str, Any]) -> tuple[str, str, str | None]:
        href = f"/documents/{f['doc_id']}#{f['ref']}" if links else None
        return colours.get(_outlet(f), UNKNOWN[1]), f.get("tooltip") or _tooltip(f), href

    measure, flow, unit, kind, per = key
    wide, narrow = (draw(claims, unit, style, g) for g in (WIDE, NARROW))
    outlets = sorted({_outlet(f) for f in claims}, key=list(colours).index)
    series = tuple(p.label for p in wide.panels) + ((wide.strip.label,) if wide.strip else ())
    parts = (_KINDS.get(kind, kind), flow_label(flow), _UNITS.get(unit, unit), f"per {per}")
    return Chart(
        key="|".join(key),
        title=measure_name(measure).capitalize(),
        subtitle=" · ".join(p for p in parts if p and p != "per "),
        headline=headline(claims if head is None else head, conflicts, per or None),
        series=series,
        wide=wide,
        narrow=narrow,
        legend=tuple((colours[o], o) for o in outlets),
        claims=len(claims) if count is None else count,
    )


def figure_charts(
    figures: list[dict[str, Any]],
    conflicts: list[dict[str, Any]] | None = None,
    *,
    links: bool = True,
    min_claims: int = 1,
) -> list[Chart]:
    """One chart per quantity with `min_claims` or more, the quantities with most claims first;
    `conflicts` (`queries.conflicts`) give the headlines the values their data sources."""
    colours = outlet_colours(figures)
    by_id = {c["id"]: c for c in conflicts or []}
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for f in figures:
        if f.get("value") is not None:
            groups.setdefault(_key(f), []).append(f)
    order = sorted(
        (k for k in groups if len(groups[k]) >= min_claims), key=lambda k: (-len(groups[k]), k)
    )
    return [_chart(k, groups[k], colours, by_id, links) for k in order]


def aggregate_chart(
    key: str,
    marks: list[dict[str, Any]],
    head: list[dict[str, Any]],
    colours: dict[str, str],
    conflicts: list[dict[str, Any]],
    count: int,
) -> Chart:
    """The chart of one quantity (`chart_key`) from marks that each stand for several claims
    (a `tooltip` of their own); the headline from the claims `head` (its latest period's)."""
    by_id = {c["id"]: c for c in conflicts}
    parts = tuple(key.split("|"))
    return _chart(parts, marks, colours, by_id, True, head, count)
