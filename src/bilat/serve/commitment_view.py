"""What the commitments page shows of a status: its reported values summed up, and the first
SHOWN sources, dissenting and reported figures (the permalink lists them all).

    shown(status)   the status with `reported` (one bar per value), `cid` and the cut lists

A trade commitment is judged against every turnover figure of its period: listing each with its
quote made ten statuses a 1 MB page; the bars are counted here, not in the template.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SHOWN", "shown"]

SHOWN = 20  # sources, dissenting and reported figures listed per status


def _reported(actuals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One bar per reported value, highest first: how many, which documents, the first."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for f in actuals:
        groups.setdefault(f.get("value"), []).append(f)
    order = sorted(groups, key=lambda v: (v is not None, v or 0), reverse=True)
    return [
        {
            "value": v,
            "n": len(groups[v]),
            "docs": ", ".join(dict.fromkeys(str(f.get("doc")) for f in groups[v])),
            "first": groups[v][0],
        }
        for v in order
    ]


def shown(c: dict[str, Any]) -> dict[str, Any]:
    actuals = c.get("evidence_figures") or []
    dissent = c.get("dissent") or []
    target = c.get("commitment") or {}
    values = [target.get("value") or 0, target.get("value_max") or 0]
    values += [f.get("value") or 0 for f in actuals]
    ids = [s.get("item_id") for s in c.get("sources") or [] if s.get("item_id")]
    return {
        **c,
        "cid": ids[0] if ids else None,
        "top": max(values),
        "reported": _reported(actuals),
        "sources": (c.get("sources") or [])[:SHOWN],
        "source_total": len(c.get("sources") or []),
        "dissent": dissent[:SHOWN],
        "dissent_docs": len({f.get("doc") for f in dissent}),
        "dissent_total": len(dissent),
        "evidence_figures": actuals[:SHOWN],
        "actual_total": len(actuals),
    }
