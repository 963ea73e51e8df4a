"""Questions analysts ask of the reconciled record; used by the CLI (and usable by the API).

All functions take the record JSON (`bilat.record.record_json`) or the store, and return plain
JSON-ready data.
"""

from __future__ import annotations

from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.pairview import figure_in_pair
from bilat.reconcile._dates import period_span
from bilat.store import Store

__all__ = [
    "actor_profile",
    "find_actor",
    "flat_figures",
    "in_range",
    "names_of",
    "period_in_range",
    "summary",
    "timeline",
]


def find_actor(record: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The canonical actor whose id, name or any alias is `name` (case/dash-insensitive)."""
    key = normalize(name)
    for actor in record.get("actors", []):
        if not isinstance(actor, dict):
            continue
        names = (actor.get("id"), actor.get("name"), *(actor.get("names") or []))
        if key in {normalize(str(n)) for n in names if n}:
            return actor
    return None


def names_of(record: dict[str, Any], name: str) -> set[str]:
    actor = find_actor(record, name)
    if actor is None:
        return {normalize(name)}
    return {normalize(n) for n in (actor["name"], *actor.get("names", []))}


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """`date` (any precision) overlaps [since, until] (any precision); undated only if open."""
    if date is None:
        return since is None and until is None
    if since and date[: len(since)] < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until[: len(date)])


def period_in_range(period: str | None, since: str | None, until: str | None) -> bool:
    """A figure or commitment period ("2024", "2024-Q1", "2023..2024") overlaps [since,
    until] (dates of any precision); periods that name no days only without a range."""
    if not since and not until:
        return True
    span = period_span(period)
    if span is None:
        return False
    return in_range(span[1].isoformat(), since, None) and in_range(span[0].isoformat(), None, until)


def timeline(
    record: dict[str, Any],
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type_: str | None = None,
) -> list[dict[str, Any]]:
    """Event clusters in date order, filtered by participant, date range and type or mode."""
    names = names_of(record, actor) if actor else None
    out = []
    for ev in record.get("events", []):
        if names and not names & {normalize(p) for p in ev["participants"]}:
            continue
        if type_ and type_.lower() not in (ev["type"].lower(), ev["mode"].lower()):
            continue
        if in_range(ev.get("date"), since, until):
            out.append(ev)
    return sorted(out, key=lambda e: (e.get("date") or "9999", e["id"]))


def flat_figures(
    store: Store, *, measure: str | None = None, period: str | None = None
) -> list[dict[str, Any]]:
    """Every stored figure of current documents about the store's pair, with its document
    and quote."""
    where, params = ["d.is_current = 1", "d.status = 'ok'"], []
    if measure:
        where.append("f.measure = ?")
        params.append(measure)
    if period:
        where.append("f.period = ?")
        params.append(period)
    rows = store.db.all(
        "SELECT d.name AS doc, d.published, f.kind, f.value, f.value_max, f.unit, f.per, "
        "f.qualifier, f.measure, f.measure_text, f.flow, f.period, f.said_by, f.source_data, "
        "f.start_pos AS start, f.end_pos AS end, f.quote, d.pair AS doc_pair "
        f"FROM figures f JOIN documents d ON d.id = f.doc_id WHERE {' AND '.join(where)} "
        "ORDER BY f.measure, f.period, d.published, d.name",
        params,
    )
    return [r for r in rows if figure_in_pair(r["flow"], r["doc_pair"], store.pair)]


def actor_profile(record: dict[str, Any], name: str) -> dict[str, Any] | None:
    """Roles, events, figures said and agreements of one canonical actor."""
    actor = find_actor(record, name)
    if actor is None:
        return None
    names = names_of(record, name)
    roles = sorted({m["role"] for m in actor.get("members", []) if m.get("role")})
    figures = [
        {**claim, "measure": c["measure"], "period": c["period"]}
        for c in record.get("conflicts", [])
        for claim in c["claims"]
        if claim.get("said_by") and normalize(claim["said_by"]) in names
    ]
    for series in record.get("series", []):
        for point in series["points"]:
            figures += [
                {**claim, "measure": series["measure"], "period": point["period"]}
                for claim in point["claims"]
                if claim.get("said_by") and normalize(claim["said_by"]) in names
            ]
    agreements = [
        a
        for a in record.get("agreements", [])
        if names & {normalize(p) for p in a.get("parties", [])}
    ]
    return {
        "name": actor["name"],
        "type": actor["type"],
        "country": actor.get("country"),
        "names": actor.get("names", []),
        "roles": roles,
        "documents": actor.get("doc_count"),
        "events": timeline(record, actor=name),
        "figures": list({(f["doc"], f["quote"], f["value"]): f for f in figures}.values()),
        "agreements": agreements,
    }


def summary(store: Store, record: dict[str, Any]) -> dict[str, Any]:
    """What `bilat summary` prints: the dashboard's counts (`bilat.serve.queries.tally`,
    reviewed, for the store's pair), the latest events, conflicts and commitment status."""
    from bilat.serve import queries as reviewed

    docs = store.documents()
    conflicts = reviewed.conflicts(store)
    n = reviewed.tally(
        reviewed.events(store),
        reviewed.figures(store),
        conflicts,
        reviewed.commitments(store)["statuses"],
        reviewed.agreements(store)["histories"],
    )
    events = [e for e in record.get("events", []) if e.get("date")]
    every = store.record_pair_counts()
    return {
        "documents": len(docs),
        "duplicates": sum(d.status != "ok" for d in docs),
        "rejects": len(store.rejects()),
        "actors": len(record.get("actors", [])),
        "events": n["events"],
        "figures": n["figures"],
        "pair": record.get("pair"),
        "other_pairs": {p: k for p, k in every.items() if p and p != record.get("pair")},
        "unpaired": every.get("", 0),
        "agreements": n["agreements"],
        "conflicts": conflicts,
        "commitments": n["commitment_status"],
        "latest_events": sorted(events, key=lambda e: e["date"], reverse=True)[:8],
    }
