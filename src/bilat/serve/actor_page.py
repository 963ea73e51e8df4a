"""One actor: its record entry and its newest events, figures and statements, by index.

The entry is found by name in `record_names` and read by its position; events come from
`lists.events_page` (the actor filter), figures by who said them, agreements and commitments
by their parties (`item_parties`). Each list holds at most `limit` items, newest first, and
says whether there are more. Without a stored record the whole-list reading of
`queries.actor_detail` is used.
"""

from __future__ import annotations

from typing import Any

from bilat.errors import NotFound
from bilat.pairview import figure_in_pair
from bilat.serve import lists, queries
from bilat.serve import record as rec
from bilat.serve.review import Reviews, load_reviews, visible
from bilat.store import Store, record_rows
from bilat.store import item_lists as il
from bilat.store import record_keys as keys

__all__ = ["SECTION", "actor_detail"]

SECTION = 50  # items per list on an actor's page


def _entry(store: Store, name: str, revs: Reviews) -> tuple[int, dict[str, Any]]:
    """(position, `rec.actor_list` shape) of the canonical actor named `name`: its summary
    kept with the record, or, when a reviewer rejected actor rows, counted from its members
    without those."""
    pos = keys.entry_named(store.db, "actors", name, store.pair)
    if pos is None:
        raise NotFound(f"no actor {name!r}")
    rejected = [i for i, r in revs.by_type.get("actors", {}).items() if r.state == "rejected"]
    summary = keys.summary_at(store.db, "actors", pos)
    if summary is not None and not rejected:
        return pos, summary
    entry = record_rows.entries(store.db, "actors", [pos]).get(pos)
    if entry is None:
        raise NotFound(f"no actor {name!r}")
    marks = ", ".join("?" for _ in rejected) or "NULL"
    dropped = {
        (int(r["doc_id"]), r["name"])
        for r in store.db.all(f"SELECT doc_id, name FROM actors WHERE id IN ({marks})", rejected)
    }
    members = entry.get("members") or []
    live = [
        {"doc_id": m.get("doc_id"), "name": m.get("name")}
        for m in members
        if (m.get("doc_id"), m.get("name")) not in dropped
    ]
    listed = rec.actor_list({"actors": [entry]}, live)
    if not listed:
        raise NotFound(f"no actor {name!r}")
    return pos, listed[0]


def _named(
    store: Store, kind: str, raw: set[str], revs: Reviews, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    rows = il.named_rows(store.db, kind, raw, also=lists.edited(revs, kind), limit=limit + 1)
    items = visible(lists.reviewed(store, kind, rows, revs), False)
    return items[:limit][::-1], len(rows) > limit  # oldest first, as the whole list was


def actor_detail(store: Store, name: str, limit: int = SECTION) -> dict[str, Any]:
    """One actor: names, roles, the newest `limit` events, figures said, agreements and
    commitments (each filtered as `queries.actor_detail` filters them), and `more`: which
    lists have older items."""
    if not store.record_built():
        return queries.actor_detail(store, name)
    revs = load_reviews(store)
    pos, actor = _entry(store, name, revs)
    names = {n.lower() for n in actor["names"]}
    raw = keys.names_at(store.db, pos)[1] | set(actor["names"]) | {name}
    events = lists.events_page(store, lists.EventFilters(actor=name), limit=limit)
    figures, more_figures = _named(store, "figures", raw, revs, limit)
    figures = [
        f
        for f in figures
        if (f.get("said_by") or "").lower() in names
        and figure_in_pair(f.get("flow"), f.get("doc_pair"), store.pair)
    ]
    lists.mark_conflicts(store, figures)
    statements = {}
    more = {"events": events.next is not None, "figures": more_figures}
    for kind in ("agreements", "commitments"):
        found, more[kind] = _named(store, kind, raw, revs, limit)
        statements[kind] = [s for s in found if names & {p.lower() for p in s.get("parties") or []}]
    return {**actor, "events": events.items, "figures": figures, **statements, "more": more}
