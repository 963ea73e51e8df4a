"""Read the reconciled record (a JSON dict from `Store.load_record`) with reviews applied.

The record is rebuilt by `bilat.reconcile` from machine items; a reviewer's decisions are
applied here, by matching each record entry to its item row: figure claims and event mentions
by (document, span), agreement entries and commitment sources by (document, quote). Missing
keys read as empty, so a partial or absent record renders as empty sections.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bilat.errors import NotFound
from bilat.queries import find_actor
from bilat.serve.review import UNREVIEWED
from bilat.store.record_keys import actor_summary

__all__ = [
    "CONFLICT_ID",
    "actor_entry",
    "actor_list",
    "agreement_histories",
    "cluster_index",
    "cluster_summary",
    "commitment_statuses",
    "conflict_claims",
    "conflict_id",
    "conflicts",
    "event_refs",
    "find_actor",
    "positions",
    "record_stats",
    "span_key",
]

Key = tuple[int, int, int]


def _list(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = record.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def span_key(d: dict[str, Any]) -> Key:
    return (int(d.get("doc_id") or 0), int(d.get("start") or 0), int(d.get("end") or 0))


def _item_span(item: dict[str, Any]) -> Key:
    return (item["doc_id"], item["evidence"]["start"], item["evidence"]["end"])


ClaimKey = tuple[int, int, int, float]


def claim_key(d: dict[str, Any]) -> ClaimKey:
    """A claim of the record: its sentence span and value (a sentence may hold two figures)."""
    return (*span_key(d), float(d.get("value") or 0))


def figure_claim_key(item: dict[str, Any]) -> ClaimKey:
    """The same key for a figure row, by its machine value (a reviewer may have edited it)."""
    value = (item.get("machine") or {}).get("value", item.get("value"))
    return (*_item_span(item), float(value or 0))


CONFLICT_ID = ("measure", "flow", "period", "unit", "topic")  # a conflict's id, in order


def conflict_id(c: dict[str, Any]) -> str:
    parts = [c.get(k) for k in CONFLICT_ID]
    return "|".join(str(p or "") for p in parts)


def event_refs(rows: Iterable[dict[str, Any]]) -> dict[int, str]:
    """Event row id -> the record's mention ref ("doc_id:e<i>", i its place among the
    document's events). A sentence may report several events: the span is no key."""
    seen: dict[int, int] = {}
    out = {}
    for row in sorted(rows, key=lambda r: (r["doc_id"], r["id"])):
        i = seen.get(row["doc_id"], 0)
        seen[row["doc_id"]] = i + 1
        out[int(row["id"])] = f"{row['doc_id']}:e{i}"
    return out


def cluster_summary(c: dict[str, Any]) -> dict[str, Any]:
    """What an event mention shows of its cluster (a record events entry)."""
    return {
        "id": c.get("id"),
        "source_count": c.get("source_count", 0),
        "participants": c.get("participants") or [],
        "date": c.get("date"),
        "place": c.get("place"),
        "conflicts": c.get("conflicts") or [],
    }


def cluster_index(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The ref ("doc_id:e<i>") of each event mention -> a summary of its cluster."""
    out = {}
    for c in _list(record, "events"):
        summary = cluster_summary(c)
        for m in c.get("mentions") or []:
            out[str(m.get("ref"))] = summary
    return out


def conflict_claims(record: dict[str, Any]) -> dict[ClaimKey, str]:
    """(doc_id, start, end, value) of every claim in a conflict -> the conflict's id."""
    return {
        claim_key(cl): conflict_id(c)
        for c in _list(record, "conflicts")
        for cl in c.get("claims") or []
    }


_CLAIM_EDITS = ("value", "value_max", "unit", "qualifier")


def _review_claim(claim: dict[str, Any], fig: dict[str, Any] | None) -> dict[str, Any]:
    out = dict(claim)
    out["item_id"] = fig["id"] if fig else None
    out["review"] = fig["review"] if fig else dict(UNREVIEWED)
    if fig and fig["review"]["state"] == "edited":
        out.update({k: fig[k] for k in _CLAIM_EDITS if k in fig["review"]["edits"]})
    return out


def _consistent(claims: list[dict[str, Any]]) -> bool:
    """The claims' intervals (low/high from reconciliation; None high = unbounded) share a
    point; a reviewer's edit of a value re-centres that claim on the new value."""
    lows, highs = [], []
    for cl in claims:
        low, high = cl.get("low"), cl.get("high")
        if cl["review"]["state"] == "edited" or low is None:
            low = high = float(cl["value"])
        lows.append(float(low))
        highs.append(float("inf") if high is None else float(high))
    return max(lows) <= min(highs)


def conflicts(
    record: dict[str, Any],
    figures: Iterable[dict[str, Any]],
    include_rejected: bool = False,
) -> list[dict[str, Any]]:
    """Conflicts with each claim's review. The record is reconciled from the reviewed items,
    so its conflicts are the open ones; with `include_rejected` the conflicts of the machine
    output (`machine_conflicts`, kept when reviews touch figures) are shown too: their
    rejected claims struck through, and `resolved` when reviews settled them."""
    keyed = [(figure_claim_key(f), f) for f in figures]
    by_claim = {key: f for key, f in keyed}
    by_claim.update({(*key[:3], float(f.get("value") or 0)): f for key, f in keyed})
    open_ = {conflict_id(c): c for c in _list(record, "conflicts")}
    shown_conflicts = dict(open_)
    if include_rejected:
        for c in _list(record, "machine_conflicts"):
            shown_conflicts[conflict_id(c)] = c
    out = []
    for cid, c in shown_conflicts.items():
        claims = [_review_claim(cl, by_claim.get(claim_key(cl))) for cl in c.get("claims") or []]
        live = [cl for cl in claims if cl["review"]["state"] != "rejected"]
        resolved = cid not in open_ or len(live) < 2 or _consistent(live)
        if resolved and not include_rejected:
            continue
        shown = claims if include_rejected else live
        out.append(
            {
                **c,
                "id": cid,
                "claims": shown,
                "resolved": resolved,
                "positions": positions(shown),
            }
        )
    return out


def conflict_header(c: dict[str, Any]) -> dict[str, Any]:
    """A conflict (as `conflicts` gives it) without its claims: what it is about, why, and
    each position's value and counts (`claim_count`, `docs`); `/api/conflicts/{id}` has them
    all (a large conflict repeated every claim under its position: 2 MB for 25 at 100k)."""
    out = {k: v for k, v in c.items() if k not in ("claims", "positions", "consistent_subsets")}
    out["claim_count"] = len(c.get("claims") or [])
    out["positions"] = [
        {**{k: v for k, v in p.items() if k != "claims"}, "claim_count": len(p["claims"])}
        for p in c.get("positions") or []
    ]
    return out


def positions(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims grouped by what they say (value, range, qualifier), most sources first."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for cl in claims:
        key = (cl.get("value"), cl.get("value_max"), cl.get("qualifier"), cl.get("unit"))
        groups.setdefault(key, []).append(cl)
    out = [
        {
            "value": k[0],
            "value_max": k[1],
            "qualifier": k[2],
            "unit": k[3],
            "claims": v,
            "docs": len({c.get("doc") for c in v}),
        }
        for k, v in groups.items()
    ]
    return sorted(out, key=lambda p: (-p["docs"], -(p["value"] or 0)))


def _by_quote(rows: Iterable[dict[str, Any]]) -> dict[tuple[int, str], dict[str, Any]]:
    return {(r["doc_id"], r["evidence"]["quote"]): r for r in rows}


def _reviewed_entries(
    entries: Iterable[dict[str, Any]],
    rows: dict[tuple[int, str], dict[str, Any]],
    include_rejected: bool,
) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        row = rows.get((int(e.get("doc_id") or 0), str(e.get("quote") or "")))
        review = row["review"] if row else dict(UNREVIEWED)
        if review["state"] == "rejected" and not include_rejected:
            continue
        out.append({**e, "item_id": row["id"] if row else None, "review": review})
    return out


def agreement_histories(
    record: dict[str, Any],
    rows: Iterable[dict[str, Any]],
    include_rejected: bool = False,
) -> list[dict[str, Any]]:
    """Agreement histories (oldest entry first) without rejected statements."""
    index = _by_quote(rows)
    out = []
    for h in _list(record, "agreements"):
        entries = _reviewed_entries(h.get("entries") or [], index, include_rejected)
        if entries:
            out.append({**h, "entries": entries})
    return out


def commitment_statuses(
    record: dict[str, Any],
    rows: Iterable[dict[str, Any]],
    include_rejected: bool = False,
) -> list[dict[str, Any]]:
    """Commitments judged against the figures; a reviewer's edit of the first source wins."""
    index = _by_quote(rows)
    out = []
    for c in _list(record, "commitments"):
        sources = _reviewed_entries(c.get("sources") or [], index, include_rejected)
        if not sources:
            continue
        target = dict(c.get("commitment") or {})
        first = index.get((int(sources[0].get("doc_id") or 0), str(sources[0].get("quote"))))
        if first and first["review"]["state"] == "edited":
            target.update(first["review"]["edits"])
        out.append({**c, "commitment": target, "sources": sources})
    return out


def _roles(rows: Iterable[dict[str, Any]]) -> list[str]:
    return sorted({r["role"] for r in rows if r.get("role")})


def actor_list(record: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Canonical actors (or, without a record, distinct extracted names) with their roles."""
    live = {(r["doc_id"], r["name"]) for r in rows}
    canon = _list(record, "actors")
    if canon:
        out = []
        for a in canon:
            members = [
                m for m in a.get("members") or [] if (m.get("doc_id"), m.get("name")) in live
            ]
            if members:
                out.append(actor_summary(a, members))
        return sorted(out, key=lambda a: (-a["doc_count"], str(a["name"])))
    by_name: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_name.setdefault(r["name"], []).append(r)
    return sorted(
        (
            {
                "id": n,
                "name": n,
                "type": rs[0]["type"],
                "country": rs[0].get("country"),
                "names": sorted({n, *(a for r in rs for a in r.get("aliases") or [])}),
                "doc_count": len({r["doc_id"] for r in rs}),
                "roles": _roles(rs),
            }
            for n, rs in by_name.items()
        ),
        key=lambda a: (-a["doc_count"], a["name"]),
    )


def actor_entry(record: dict[str, Any], rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """One actor of `actor_list` by id, name or alias; NotFound otherwise."""
    low = name.strip().lower()
    for actor in actor_list(record, rows):
        if low in {str(n).lower() for n in (actor["id"], actor["name"], *actor["names"])}:
            return actor
    raise NotFound(f"no actor {name!r}")


def record_stats(record: dict[str, Any] | None) -> dict[str, Any]:
    if not record:
        return {
            "built": False,
            "events": 0,
            "conflicts": 0,
            "actors": 0,
            "agreements": 0,
            "commitments": {},
        }
    statuses: dict[str, int] = {}
    for c in _list(record, "commitments"):
        s = str(c.get("status") or "pending")
        statuses[s] = statuses.get(s, 0) + 1
    return {
        "built": True,
        "events": len(_list(record, "events")),
        "conflicts": len(_list(record, "conflicts")),
        "actors": len(_list(record, "actors")),
        "agreements": len(_list(record, "agreements")),
        "commitments": statuses,
    }
