"""What to review next: unreviewed items ranked by how much of the record rests on them.

An analyst's time goes first to the items conclusions are drawn from: a figure in an open
conflict, one outvoted in a commitment's verdict (its dissent) or one judging a commitment,
the statements of a target; then events whose sources differ on a detail; then items missing
what makes them useful (a figure without a period, an event without a date). `bilat review
--next` and the /review page list the same queue, for the store's pair.
"""

from __future__ import annotations

from typing import Any

from bilat.serve import queries
from bilat.serve.record import claim_key, figure_claim_key
from bilat.store import Store

__all__ = ["review_queue"]

# why an item matters -> its weight; an item's rank is the sum over its reasons
WEIGHTS = {
    "in an open conflict": 100,
    "dissents from a commitment's verdict": 90,
    "states a target": 70,
    "judges a commitment": 60,
    "its event's sources differ": 50,
    "no period": 30,
    "no date": 25,
    "a single source": 10,
}


def _commitment_claims(statuses: list[dict[str, Any]]) -> tuple[set[Any], set[Any]]:
    judged = {claim_key(f) for s in statuses for f in s.get("evidence_figures") or []}
    dissent = {claim_key(f) for s in statuses for f in s.get("dissent") or []}
    return judged, dissent


def _figure_reasons(f: dict[str, Any], judged: set[Any], dissent: set[Any]) -> list[str]:
    key = figure_claim_key(f)
    why = []
    if f.get("conflict"):
        why.append("in an open conflict")
    if key in dissent:
        why.append("dissents from a commitment's verdict")
    elif key in judged:
        why.append("judges a commitment")
    if not f.get("period"):
        why.append("no period")
    return why


def _event_reasons(e: dict[str, Any]) -> list[str]:
    cluster = e.get("cluster") or {}
    why = []
    if cluster.get("conflicts"):
        why.append("its event's sources differ")
    if not e.get("date"):
        why.append("no date")
    if cluster.get("source_count", 1) <= 1:
        why.append("a single source")
    return why


def _entry(item: dict[str, Any], why: list[str]) -> dict[str, Any]:
    return {
        "item_type": item["item_type"],
        "id": item["id"],
        "ref": item["ref"],
        "label": item.get("label"),
        "quote": item["evidence"]["quote"],
        "doc": item.get("doc"),
        "doc_id": item["doc_id"],
        "outlet": item.get("outlet"),
        "published": item.get("published"),
        "why": why,
        "score": sum(WEIGHTS[w] for w in why),
    }


def review_queue(store: Store, limit: int = 50) -> dict[str, Any]:
    """The unreviewed items that matter most, first; `total` counts every unreviewed item."""
    listed = queries.commitments(store)
    judged, dissent = _commitment_claims(listed["statuses"])
    found = [
        *((f, _figure_reasons(f, judged, dissent)) for f in queries.figures(store)),
        *((e, _event_reasons(e)) for e in queries.events(store)),
        *((c, ["states a target"]) for c in listed["items"]),
        *((a, [] if a.get("date") else ["no date"]) for a in queries.agreements(store)["items"]),
    ]
    queue = [_entry(item, why) for item, why in found if item["review"]["state"] == "unreviewed"]
    queue.sort(key=lambda e: (-e["score"], e["published"] or "", e["item_type"], e["id"]))
    return {"total": len(queue), "items": queue[:limit], "weights": WEIGHTS}
