"""The figures page (/figures); for one measure, charts from counts per period and outlet,
and the claims a page at a time.

    measure_charts(store, measure, dates, include_rejected)   -> MeasureCharts
    measure_page(...)                                         /figures?measure=

The measure's rows are counted per quantity (flow, unit, kind, per), period, outlet and
qualifier when the record is written (`bilat.store.figure_groups`; while the record is not
current, in SQL per request: `item_pages.figure_groups`, by the measure index). A quantity
with at most `DRAWN` claims is drawn a dot per claim, as `charts.figure_charts` draws any
list (its rows are read); a larger one a mark per period, outlet and qualifier: the lowest
to the highest value that outlet reported, with how many claims (its first claim's quote in
the tooltip).
Reviewed rows are not counted: they are read by id and drawn (and kept out) one by one. The
headline of a large chart reads only its latest period's rows and conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat.pairview import figure_in_pair
from bilat.queries import period_in_range
from bilat.serve import lists, one_item, queries
from bilat.serve import record as rec
from bilat.serve.charts import Chart, chart_key, figure_charts
from bilat.serve.charts.build import aggregate_chart, outlet_colours
from bilat.serve.charts.headline import latest_period
from bilat.serve.fmt import amount, period_label, qualifier_sign
from bilat.serve.kept import kept_page
from bilat.serve.pages import (
    Cursor,
    Dates,
    _next,
    _opt,
    _page,
    _st,
    claims_by_chart,
    csv_href,
)
from bilat.serve.review import UNREVIEWED, Reviews, load_reviews, visible
from bilat.store import Store, record_rows
from bilat.store import figure_groups as fg
from bilat.store import item_pages as ip

__all__ = ["CLAIMS_PAGE", "DRAWN", "MeasureCharts", "measure_charts", "measure_page", "router"]

router = APIRouter(include_in_schema=False)

CLAIMS_PAGE = 100  # claims listed a page
DRAWN = 50  # claims of one quantity drawn a dot each; more: a mark per period and outlet
_QUANTITY = ("flow", "unit", "kind", "per")


@dataclass(frozen=True, slots=True)
class MeasureCharts:
    charts: list[Chart]
    by_chart: dict[str, list[dict[str, Any]]]  # the claims of the charts drawn a dot each
    singles: list[dict[str, Any]]  # claims of quantities reported once


def _quantity(g: dict[str, Any], measure: str) -> str:
    return chart_key({"measure": measure, **{k: g[k] or None for k in _QUANTITY}})


def _reviewed(store: Store, measure: str, revs: Reviews) -> list[dict[str, Any]]:
    """The measure's reviewed rows (stored with it or edited to it), reviewed, rejected ones
    too."""
    ids = list(revs.by_type.get("figures", {}))
    rows = lists.reviewed(store, "figures", ip.rows_by_id(store.db, "figures", ids), revs)
    return [
        f
        for f in rows
        if measure in (f["measure"], (f.get("machine") or {}).get("measure", f["measure"]))
    ]


def _counted(store: Store, measure: str, leave_out: list[int]) -> list[dict[str, Any]]:
    """The measure's groups without the rows of `leave_out`: as counted with the record while
    it is current (the periods of reviewed rows counted again without them), else now."""
    if not store.record_is_current():
        return ip.figure_groups(store.db, measure, store.pair, leave_out=leave_out)
    kept = fg.kept(store.db, measure, store.pair)
    periods = ip.periods_of(store.db, measure, leave_out) if leave_out else set()
    if not periods:
        return kept
    again = ip.figure_groups(store.db, measure, store.pair, leave_out=leave_out, periods=periods)
    return [g for g in kept if g["period"] not in periods] + again


def _groups(
    store: Store, measure: str, leave_out: list[int], dates: dict[str, str | None]
) -> list[dict[str, Any]]:
    """The counted groups of the pair's view and the date range."""
    return [
        g
        for g in _counted(store, measure, leave_out)
        if figure_in_pair(g["flow"] or None, g["doc_pair"] or None, store.pair)
        and period_in_range(g["period"] or None, dates.get("since"), dates.get("until"))
    ]


def _mark(g: dict[str, Any], first: dict[str, Any], measure: str) -> dict[str, Any]:
    """One chart mark for a group: the range of its values, its first claim's document."""
    low, high, n = float(g["low"]), float(g["high"]), int(g["n"])
    value = amount(low, g["unit"], high if high > low else None, g["per"] or None)
    quote = first["evidence"]["quote"]
    more = f" and {n - 1} more" if n > 1 else ""
    return {
        **{k: g[k] or None for k in _QUANTITY},
        "measure": measure,
        "unit": g["unit"],
        "period": g["period"] or None,
        "qualifier": g["qualifier"],
        "value": low,
        "value_max": high if high > low else None,
        "outlet": g["outlet"] or None,
        "published": g["published"] or None,
        "conflict": "in conflict" if g["conflicted"] else None,
        "review": {"state": "unreviewed"},
        "doc_id": first["doc_id"],
        "ref": first["ref"],
        "count": n,
        "tooltip": (
            f"{period_label(g['period'] or None)}: {qualifier_sign(g['qualifier'])}{value} "
            f"({n} claim{'s' if n != 1 else ''})\n{g['outlet'] or 'outlet unknown'}"
            f"\n“{quote}”{more}"
        ),
    }


def _conflicts_of(
    store: Store, ids: set[str], reviewed: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The open conflicts with these ids, reviewed: a claim of no reviewed row is unreviewed,
    so only the reviewed rows (`reviewed`, the measure's) are matched against them."""
    found = [c for key in sorted(ids) for c in one_item.open_conflicts(store, key)]
    return rec.conflicts({"conflicts": found}, reviewed)


def _claims_of(
    store: Store,
    measure: str,
    keys: set[str],
    extra: list[dict[str, Any]],
    revs: Reviews,
    keep: lists.FigureFilters,
) -> list[dict[str, Any]]:
    """The unreviewed rows of these quantities in the list (by the measure index), with the
    reviewed `extra`, each with the conflict it is in, in list order (document, id)."""
    leave = set(revs.by_type.get("figures", {}))
    quantities = [tuple(k.split("|")[1:]) for k in keys]
    rows = ip.rows_of_quantities(store.db, measure, quantities)  # type: ignore[arg-type]
    found = [
        f
        for f in lists.reviewed(store, "figures", [r for r in rows if r["id"] not in leave], revs)
        if keep.keeps(f, store.pair)
    ]
    out = sorted([*found, *extra], key=lambda f: (f["doc_id"], f["id"]))
    lists.mark_conflicts(store, out)
    return out


def measure_charts(
    store: Store, measure: str, dates: dict[str, str | None], include_rejected: bool
) -> MeasureCharts:
    revs = load_reviews(store)
    keep = lists.FigureFilters(measure, None, None, dates.get("since"), dates.get("until"))
    reviewed = [
        f
        for f in visible(_reviewed(store, measure, revs), include_rejected)
        if keep.keeps(f, store.pair)
    ]
    groups = _groups(store, measure, sorted(revs.by_type.get("figures", {})), dates)
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[_quantity(g, measure)] = sizes.get(_quantity(g, measure), 0) + int(g["n"])
    for f in reviewed:
        sizes[chart_key(f)] = sizes.get(chart_key(f), 0) + 1
    small = {k for k, n in sizes.items() if n <= DRAWN}
    extra = [f for f in reviewed if chart_key(f) in small]
    claims = _claims_of(store, measure, small, extra, revs, keep)
    every = _reviewed(store, measure, revs)  # rejected ones too, for the conflicts' claims
    conflicted = {f["conflict"] for f in claims if f.get("conflict")}
    drawn = figure_charts(claims, _conflicts_of(store, conflicted, every), min_claims=2)
    by_chart: dict[str, list[dict[str, Any]]] = {}
    for f in claims:
        by_chart.setdefault(chart_key(f), []).append(f)
    shown = {c.key for c in drawn}
    singles = [f for f in claims if chart_key(f) not in shown]
    big = sorted((k for k in sizes if k not in small), key=lambda k: (-sizes[k], k))
    marks = _marks(store, measure, [g for g in groups if _quantity(g, measure) in big])
    for f in reviewed:
        if chart_key(f) in big:
            marks.setdefault(chart_key(f), []).append(f)
    colours = outlet_colours([*claims, *(m for ms in marks.values() for m in ms)])
    charts = [*drawn]
    for key in big:
        head, conflicts = _headline_claims(store, measure, key, marks[key], revs)
        if conflicts is None:
            ids = {f["conflict"] for f in head if f.get("conflict")}
            conflicts = _conflicts_of(store, ids, every)
        charts.append(aggregate_chart(key, marks[key], head, colours, conflicts, sizes[key]))
    charts.sort(key=lambda c: (-c.claims, c.key))
    return MeasureCharts(charts, by_chart, singles)


def _marks(
    store: Store, measure: str, groups: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Chart key -> a mark per counted group (its first claim read by id: no reviewed row
    is counted, so its quote and document are the stored ones)."""
    rows = ip.rows_by_id(store.db, "figures", [g["first_id"] for g in groups])
    firsts = {
        r["id"]: {
            "doc_id": r["doc_id"],
            "ref": f"figures-{r['id']}",
            "evidence": {"quote": r["quote"]},
        }
        for r in rows
    }
    marks: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        if g["first_id"] in firsts:
            mark = _mark(g, firsts[g["first_id"]], measure)
            marks.setdefault(_quantity(g, measure), []).append(mark)
    return marks


def _headline_claims(
    store: Store,
    measure: str,
    key: str,
    marks: list[dict[str, Any]],
    revs: Reviews,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    """(The claims of a large chart's latest period its headline needs, the open conflicts
    they are in when known). Every claim of the period: its quantity's rows, read by the
    measure and period index, and the edited ones; a row no one reviewed is read as the
    headline reads it (`ip.headline_rows`: value, qualifier, data source, document), not
    shaped as a listed figure; reviewed rows are read and shaped in full. With no figure
    reviewed, when a claim is in an open conflict: that claim only (`_first_in_conflict`)."""
    period = latest_period([m for m in marks if m["review"]["state"] != "rejected"])
    if period is None:
        return [], None
    judged = revs.by_type.get("figures", {})
    if not judged and (first := _first_in_conflict(store, measure, period, key)) is not None:
        return [first[0]], first[1]
    rows = ip.headline_rows(store.db, measure, period, key.split("|")[1:])
    plain = [{**r, "review": dict(UNREVIEWED)} for r in rows if r["id"] not in judged]
    ids = [r["id"] for r in rows if r["id"] in judged] + lists.edited(revs, "figures")
    full = lists.reviewed(store, "figures", ip.rows_by_id(store.db, "figures", ids), revs)
    found = [
        f
        for f in sorted([*plain, *full], key=lambda f: (f["doc_id"], f["id"]))
        if chart_key(f) == key
        and f.get("period") == period
        and figure_in_pair(f.get("flow"), f.get("doc_pair"), store.pair)
    ]
    lists.mark_conflicts(store, found)
    return found, None


def _first_in_conflict(
    store: Store, measure: str, period: str, key: str
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """With no figure reviewed: (the first claim (document, id) of a large chart's latest
    period that is in an open conflict, that conflict reviewed), which alone decide its
    headline (the conflict's positions are what it says); None when no claim is found in
    one (the caller then reads every row). Only tried when the record has an open conflict
    of the chart's quantity and period (claims are compared per measure, flow, period,
    unit, kind and per): the rows are then walked in order (`ip.conflicted_rows`) up to
    the first in an open conflict, which is most often among the first few."""
    _, flow, unit, kind, per = key.split("|")
    quantity = (flow, unit, kind, per)
    heads = one_item.conflict_heads(store, measure, flow, period, unit)
    if heads is None:
        found = one_item.conflicts_of_quantity(store, measure, flow, period, unit)
        # open ones by id, as the headline looks them up (ids leave out kind and per: the
        # last conflict of an id in record order is the one found, as `_conflicts_of` does)
        known = {c["id"]: [c] for c in rec.conflicts({"conflicts": found}, [])}
    else:  # their tail rows: the positions without the claims (`record_tails.conflict_tail`)
        found = heads
        last = {h["id"]: h for h in heads}
        known = {cid: [h] for cid, h in last.items() if h["open"]}
    if not known or (kind, per) not in {(c.get("kind") or "", c.get("per") or "") for c in found}:
        return None
    opened: dict[int, list[dict[str, Any]]] = {}

    def open_at(pos: int) -> list[dict[str, Any]]:
        if pos not in opened:
            fields = record_rows.entry_fields(store.db, "conflicts", [pos], rec.CONFLICT_ID)
            cid = rec.conflict_id(fields[pos]) if pos in fields else ""
            ours = cid.split("|")[:4] == [measure, flow, period, unit]  # among `found`
            mine = known.get(cid, []) if ours else None
            opened[pos] = mine if mine is not None else _conflicts_of(store, {cid}, [])
        return opened[pos]

    for row in ip.conflicted_rows(store.db, measure, period, quantity, store.pair):
        if figure_in_pair(row["flow"], row["doc_pair"], store.pair) and open_at(row["pos"]):
            conflicts = open_at(row["pos"])
            claim = {k: v for k, v in row.items() if k != "pos"}
            return {**claim, "review": dict(UNREVIEWED), "conflict": conflicts[0]["id"]}, conflicts
    return None


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    dates: Dates,
    measure: str | None = None,
    include_rejected: bool = False,
    after: Cursor = None,
) -> HTMLResponse:
    """Every figure's chart; with a measure, its charts (`figure_page`) and its claims a
    page at a time ("Next page" keeps the filters)."""
    if _opt(measure):  # kept while the store does not change (`bilat.serve.kept`)
        chosen = str(_opt(measure))
        return kept_page(
            request, lambda: measure_page(request, chosen, dates, include_rejected, after)
        )
    with _st(request).use() as store:
        figs = queries.figures(store, include_rejected=include_rejected, **dates)
        measures = sorted({f["measure"] for f in queries.figures(store)})
        conflicts = queries.conflicts(store)
    charts = figure_charts(figs, conflicts, min_claims=2)
    by_chart = claims_by_chart(figs)
    shown = {c.key for c in charts}
    singles = [f for f in figs if chart_key(f) not in shown]
    return _page(
        request,
        "figures.html",
        csv=csv_href("/api/figures", request),
        charts=charts,
        by_chart=by_chart,
        singles=singles,
        measures=measures,
        measure=None,
        dates=dates,
        include_rejected=include_rejected,
    )


def measure_page(
    request: Request,
    measure: str,
    dates: dict[str, str | None],
    include_rejected: bool,
    after: str | None,
) -> HTMLResponse:
    """/figures?measure=: the measure's charts, and CLAIMS_PAGE of its claims (list order)
    from the cursor `after` on."""
    with _st(request).use() as store:
        made = measure_charts(store, measure, dates, include_rejected)
        page = lists.figures_page(
            store,
            lists.FigureFilters(measure, None, None, dates.get("since"), dates.get("until")),
            include_rejected=include_rejected,
            after=after,
            limit=CLAIMS_PAGE,
        )
        measures = lists.figure_measures(store)
    return _page(
        request,
        "figures.html",
        csv=csv_href("/api/figures", request),
        charts=made.charts,
        by_chart=made.by_chart,
        singles=made.singles,
        claims=page.items,
        next_href=_next(request, page.next),
        measures=measures,
        measure=measure,
        dates=dates,
        include_rejected=include_rejected,
    )
