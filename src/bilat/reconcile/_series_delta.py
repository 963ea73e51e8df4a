"""The series an update touches, made from the stored points of the periods it reaches.

    SomePoints                              a series entry holding some of its points
    patched_series(stored, groups, filer)   the touched series, each with its changed points

A series holds a point per period of its quantity (60,599 claims in the Russia-China trade
turnover in USD at 100,000 documents). An update's new figures reach a few periods: the
stored record gives the points of those periods only (`bilat.store.series_points`), with
what the entry needs of every other point (its claims per document, for its pairs), and
the patch writes back only those points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bilat.reconcile.figures import comparable, period_order, quantity
from bilat.reconcile.model import FigureGroup, FigureSeries, SeriesPoint, to_plain
from bilat.reconcile.pairs import PairFiler, flow_states

__all__ = ["QUANTITY", "SomePoints", "filed_by_flow", "patched_series", "series_quantity"]

QUANTITY = ("measure", "flow", "unit", "kind", "per", "topic")
Quantity = tuple[str | None, ...]


class SomePoints(dict[str, Any]):
    """A series entry (plain) whose `points` are only some of its points, in period order:
    those of the periods asked for (read), or made again (written; any other stored point
    stays as it is). `docs`: the claims of every point of it per document (left empty
    when read for a series `filed_by_flow`: its pairs are its flow's)."""

    def __init__(self, entry: dict[str, Any], docs: Counter[int]) -> None:
        super().__init__(entry)
        self.docs = docs


def filed_by_flow(flow: str | None) -> bool:
    """A series whose flow names two states or more is filed under their pairs, whatever
    documents report it (`pairs.item_pairs`)."""
    return len(set(flow_states(flow))) >= 2


def series_quantity(entry: dict[str, Any]) -> Quantity:
    return tuple(entry[f] for f in QUANTITY)


def _docs(points: Iterable[dict[str, Any]]) -> Counter[int]:
    return Counter(int(c["doc_id"]) for p in points for c in p["claims"])


def patched_series(
    stored: Sequence[SomePoints], groups: Iterable[FigureGroup], filer: PairFiler
) -> list[SomePoints]:
    """The series (plain) of the quantities of `groups` (every group of a key a new figure
    has), each with the points of the `groups`' periods: a point is its period's group alone
    (the other periods' groups gained no claim); `stored`: the stored series of those
    quantities, each with its points of those periods (one without a group stays as it
    was). The pairs filed from the claims of every point: the stored ones' documents less
    those of the points replaced, and those of the points made."""
    was = {series_quantity(e): e for e in stored}
    points: dict[Quantity, dict[str, Any]] = {
        q: {p["period"]: p for p in e["points"]} for q, e in was.items()
    }
    for g in groups:
        if comparable(g.key):
            point = SeriesPoint(g.key.period or "", g.claims, g.low, g.high, g.low is None)
            points.setdefault(quantity(g.key), {})[point.period] = to_plain(point)
    out = []
    for q in sorted(points, key=lambda q: tuple(v or "" for v in q)):
        measure, flow, unit, kind, per, topic = q
        ordered = [points[q][p] for p in sorted(points[q], key=period_order)]
        old = was.get(q)
        docs = Counter(old.docs) if old is not None else Counter[int]()
        if old is not None:
            docs.subtract(_docs(old["points"]))
        docs.update(_docs(ordered))
        docs = +docs  # the documents of some claim
        entry = to_plain(FigureSeries(str(measure), flow, str(unit), str(kind), per, topic, ()))
        entry["points"], entry["pairs"] = ordered, list(filer.pairs(flow_states(flow), docs))
        out.append(SomePoints(entry, docs))
    return out
