"""What the commitments page shows of a status: its reported values summed up, and the first
SHOWN sources, dissenting and reported figures (the permalink lists them all).

    shown(status)   the status with `reported` (a bar per value, the BARS values reported
                    most often), `cid` and the cut lists

A trade commitment is judged against every turnover figure of its period: listing each with its
quote made ten statuses a 1 MB page; the bars are counted here, not in the template, or by the
record writer (a long status's tail row, `bilat.store.record_tails`: its `counted`). A bar per
value was still 1.7 MB for ten statuses at 100,000 documents (3,900 values): the page draws the
BARS values most reported, highest first, and says how many there are.
"""

from __future__ import annotations

from typing import Any

from bilat.store.record_tails import SHOWN, status_counts

__all__ = ["BARS", "SHOWN", "shown"]

BARS = 12  # reported values drawn a bar each: the most reported (then the highest) first


def _most_reported(bars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The BARS bars of most claims (ties: the higher value), in their order (highest
    value first)."""
    if len(bars) <= BARS:
        return bars
    ranked = sorted(range(len(bars)), key=lambda i: (-int(bars[i]["n"]), i))
    return [bars[i] for i in sorted(ranked[:BARS])]


def shown(c: dict[str, Any]) -> dict[str, Any]:
    counted = c.get("counted") or status_counts(c)
    target = c.get("commitment") or {}
    bars = _most_reported(counted["reported"])
    drawn = max((b["value"] or 0 for b in bars), default=0)
    top = max(target.get("value") or 0, target.get("value_max") or 0, drawn)
    ids = [s.get("item_id") for s in c.get("sources") or [] if s.get("item_id")]
    rest = {k: v for k, v in c.items() if k != "counted"}
    return {
        **rest,
        **{k: v for k, v in counted.items() if k != "actual_top"},
        "cid": ids[0] if ids else None,
        "top": top,
        "reported": bars,
        "values_total": len(counted["reported"]),
        "sources": (c.get("sources") or [])[:SHOWN],
        "dissent": (c.get("dissent") or [])[:SHOWN],
        "evidence_figures": (c.get("evidence_figures") or [])[:SHOWN],
    }
