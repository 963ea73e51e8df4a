"""What the pages show of a long agreement history or commitment status, written with the
record (`record_summaries` rows of kind "agreements", "commitments" and "conflicts").

    history_tail(item)            a history with its latest TAIL statements and `entries_cut`
    status_tail(item, stored)     a status with the first SHOWN of each list and `counted`
    status_counts(status)         what a status page counts over its lists (bars, totals)
    cut(item, n)                  a history (whole, or its tail) cut to its latest n statements
    conflict_tail(item)           a conflict's positions as its claims make them, none reviewed

The agreements page shows each history's latest 20 statements and the API its latest one; the
commitments page a status's first 20 sources, reported and dissenting figures, and one bar per
reported value. But a history keeps every statement and a trade commitment every turnover
figure of its period (at 100k documents, 153 histories hold 62 MB; ten statuses 15,000
claims). The record writer (`record_writer.RowWriter.item`, the full write and the patch alike)
stores such an entry also as its tail, so a page reads a few kilobytes per entry whatever the
store's size; a short entry is read whole (it is as small). A status's tail counts over its
lists as they were written: a reader uses it only while no statement of its kind is rejected
(so none of its sources drops out).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "SHOWN",
    "TAIL",
    "conflict_tail",
    "cut",
    "history_tail",
    "reported",
    "status_counts",
    "status_tail",
]

TAIL = 20  # statements kept in a history's tail row: the agreements page's `latest`
SHOWN = 20  # sources, reported and dissenting figures kept in a status's tail row
_LISTS = ("sources", "evidence_figures", "dissent")


def cut(item: dict[str, Any], n: int) -> dict[str, Any]:
    """`item` with its latest `n` entries, and in `entries_cut` how many it had before them
    (adding to the `entries_cut` of a tail)."""
    entries = item.get("entries") or []
    gone = max(len(entries) - n, 0)
    before = int(item.get("entries_cut") or 0)
    return {**item, "entries": entries[gone:], "entries_cut": gone + before}


def history_tail(item: dict[str, Any]) -> dict[str, Any] | None:
    """The tail row of an agreement history longer than TAIL; None for a shorter one."""
    if len(item.get("entries") or []) <= TAIL:
        return None
    return cut(item, TAIL)


_BAR = ("qualifier", "unit", "value_max", "period")  # what a bar shows of its first claim


def reported(actuals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One bar per reported value, highest first: how many, which documents, and what it
    shows of the first claim (`_BAR`: a status can have 800 values, each a claim of ~1 KB)."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for f in actuals:
        groups.setdefault(f.get("value"), []).append(f)
    order = sorted(groups, key=lambda v: (v is not None, v or 0), reverse=True)
    return [
        {
            "value": v,
            "n": len(groups[v]),
            "docs": ", ".join(dict.fromkeys(str(f.get("doc")) for f in groups[v])),
            "first": {k: groups[v][0].get(k) for k in _BAR},
        }
        for v in order
    ]


def status_counts(status: dict[str, Any]) -> dict[str, Any]:
    """Over a status's whole lists (claims as dicts): how many sources, reported and
    dissenting figures, the documents dissenting, the highest reported value and the bars."""
    actuals = status.get("evidence_figures") or []
    dissent = status.get("dissent") or []
    return {
        "source_total": len(status.get("sources") or []),
        "actual_total": len(actuals),
        "actual_top": max((f.get("value") or 0 for f in actuals), default=0),
        "reported": reported(actuals),
        "dissent_total": len(dissent),
        "dissent_docs": len({f.get("doc") for f in dissent}),
    }


def status_tail(item: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any] | None:
    """The tail row of a commitment status with a list longer than SHOWN (None for another):
    `stored` (claims by key) with the first SHOWN of each list, and `counted` over `item`'s."""
    if all(len(item.get(k) or []) <= SHOWN for k in _LISTS):
        return None
    firsts = {k: (stored.get(k) or [])[:SHOWN] for k in _LISTS if k in stored}
    return {**stored, **firsts, "counted": status_counts(item)}


def conflict_tail(item: dict[str, Any]) -> dict[str, Any]:
    """A conflict's row for a chart's headline: its claims grouped by what they say (value,
    value_max, qualifier, unit), most documents first, each position with its data sources
    (name, claims) in the order of their last claim and its outlets, and whether the claims
    agree (`consistent`: their intervals share a point). What `bilat.serve.record.positions`
    and `conflicts` make of the claims when none is reviewed, without them (at 100k a
    conflict's ~2,500 claims are ~1 MB of JSON to read for a headline)."""
    claims = item.get("claims") or []
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for cl in claims:
        key = (cl.get("value"), cl.get("value_max"), cl.get("qualifier"), cl.get("unit"))
        groups.setdefault(key, []).append(cl)
    out = [_position(k, v) for k, v in groups.items()]
    out.sort(key=lambda p: (-p["docs"], -(p["value"] or 0)))
    try:
        consistent: bool | None = _consistent(claims)
    except (TypeError, ValueError):  # a claim without a number: readers read the claims
        consistent = None
    return {"claim_count": len(claims), "consistent": consistent, "positions": out}


def _position(key: tuple[Any, ...], claims: list[dict[str, Any]]) -> dict[str, Any]:
    sources: dict[str, int] = {}
    for c in claims:
        if c.get("source_data"):
            name = str(c["source_data"])
            sources[name] = sources.pop(name, 0) + 1  # last claim's order, as a reader walks
    return {
        **dict(zip(("value", "value_max", "qualifier", "unit"), key, strict=True)),
        "docs": len({c.get("doc") for c in claims}),
        "sources": [[n, k] for n, k in sources.items()],
        "outlets": sorted({c["outlet"] for c in claims if c.get("outlet")}),
    }


def _consistent(claims: list[dict[str, Any]]) -> bool:
    """Unreviewed claims' intervals (low/high; None high = unbounded) share a point."""
    if not claims:
        return True
    lows = [float(c["value"] if c.get("low") is None else c["low"]) for c in claims]
    highs = [float(c["value"]) if c.get("low") is None else _high(c.get("high")) for c in claims]
    return max(lows) <= min(highs)


def _high(high: Any) -> float:
    return float("inf") if high is None else float(high)
