"""What the commitments page shows of a status: its reported values summed up, and the first
SHOWN sources, dissenting and reported figures (the permalink lists them all).

    shown(status)   the status with `reported` (one bar per value), `cid` and the cut lists

A trade commitment is judged against every turnover figure of its period: listing each with its
quote made ten statuses a 1 MB page; the bars are counted here, not in the template, or by the
record writer (a long status's tail row, `bilat.store.record_tails`: its `counted`).
"""

from __future__ import annotations

from typing import Any

from bilat.store.record_tails import SHOWN, status_counts

__all__ = ["SHOWN", "shown"]


def shown(c: dict[str, Any]) -> dict[str, Any]:
    counted = c.get("counted") or status_counts(c)
    target = c.get("commitment") or {}
    top = max(target.get("value") or 0, target.get("value_max") or 0, counted["actual_top"])
    ids = [s.get("item_id") for s in c.get("sources") or [] if s.get("item_id")]
    rest = {k: v for k, v in c.items() if k != "counted"}
    return {
        **rest,
        **{k: v for k, v in counted.items() if k != "actual_top"},
        "cid": ids[0] if ids else None,
        "top": top,
        "sources": (c.get("sources") or [])[:SHOWN],
        "dissent": (c.get("dissent") or [])[:SHOWN],
        "evidence_figures": (c.get("evidence_figures") or [])[:SHOWN],
    }
