"""One item of a list by its key, for the permalink pages: the row and the record entry it
belongs to, read by primary key and `record_item_refs` (never the whole kind).

    event_group(store, key)        an event cluster (timeline group) by cluster id or mention row
    figure_claim(store, key)       a figure claim and the other claims of its quantity and period
    agreement_history(store, key)  an agreement history by its id or one of its statements
    commitment(store, key)         a commitment statement and the status citing it
    conflict(store, key)           a conflict (open, or settled by reviews) by its key

Each gives what the page showed when it searched the whole list (`queries.events(...,
include_rejected=True)` and so on): the same review overlay, the same pair view, rejected
rows included; NotFound when the list would not hold it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bilat.errors import NotFound
from bilat.serve import lists
from bilat.serve import record as rec
from bilat.serve.lists import timeline
from bilat.serve.record_pages import cited
from bilat.serve.review import Reviews, load_reviews
from bilat.store import Store, record_rows
from bilat.store import item_pages as ip
from bilat.store import record_keys as keys
from bilat.store.record_order import SEP, key_fields

__all__ = ["agreement_history", "commitment", "conflict", "event_group", "figure_claim", "row_id"]

_ROW = re.compile(r"(?:[a-z]+-)?(\d+)")
_BIG = 2**63 - 1


def row_id(key: str) -> int | None:
    """The item row id a permalink key names ("32", "events-32"), if any."""
    m = _ROW.fullmatch(key)
    return int(m.group(1)) if m and int(m.group(1)) <= _BIG else None


def _keyed(store: Store, kind: str, key: str) -> int | None:
    """The position of the entry of `kind` whose item key is `key`."""
    pos = store.db.scalar(
        "SELECT pos FROM record_items WHERE kind = ? AND item_key = ?", (kind, key)
    )
    return None if pos is None else int(pos)


def _in_view(store: Store, kind: str, pos: int | None) -> int | None:
    """`pos` when its entry is in the store's pair view (every entry without a pair)."""
    if pos is None or store.pair is None:
        return pos
    hit = store.db.scalar(
        "SELECT pos FROM record_item_pairs WHERE kind = ? AND pair = ? AND pos = ?",
        (kind, store.pair, pos),
    )
    return None if hit is None else pos


def _entry(store: Store, kind: str, pos: int | None) -> dict[str, Any] | None:
    if pos is None:
        return None
    return record_rows.entries(store.db, kind, [pos]).get(pos)


def _rows(store: Store, kind: str, ids: list[int], revs: Reviews) -> list[dict[str, Any]]:
    """The current rows of `kind` with these ids, reviewed (rejected ones too)."""
    found = lists.reviewed(store, kind, ip.rows_by_id(store.db, kind, ids), revs)
    return sorted(found, key=lambda i: (i.get("date") or "", i["id"]), reverse=True)


def event_group(store: Store, key: str) -> dict[str, Any]:
    """The timeline group of a cluster id ("event:14:e0") or of a mention's row id."""
    row = row_id(key)
    pos = _keyed(store, "events", key)
    if pos is None and row is not None:
        pos = keys.clusters_of(store.db, "events", [row]).get(row)
    pos = _in_view(store, "events", pos)
    entry = _entry(store, "events", pos)
    revs = load_reviews(store)
    if entry is None or pos is None:  # a mention of no event (rejected): alone, no pair
        mentions = (
            [] if row is None or store.pair is not None else _rows(store, "events", [row], revs)
        )
        for m in mentions:
            m["cluster"] = None
    else:
        mentions = _rows(store, "events", ip.refs_at(store.db, "events", pos), revs)
        summary = rec.cluster_summary(entry)
        for m in mentions:
            m["cluster"] = summary
    if not mentions:
        raise NotFound(f"no event {key!r}")
    return timeline(mentions)[0]


def figure_claim(store: Store, key: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the figure row `key` names, the other claims of its measure, flow, period and unit),
    as the figures list of the store's pair shows them."""
    row = row_id(key)
    revs = load_reviews(store)
    found = _rows(store, "figures", [] if row is None else [row], revs)
    keep = lists.FigureFilters()
    if not found or not keep.keeps(found[0], store.pair):
        raise NotFound(f"no figure {key!r}")
    f = found[0]
    also = lists.edited(revs, "figures")
    near = ip.quantity_rows(store.db, f["measure"], f.get("period"), also=also)
    same = [
        o
        for o in lists.reviewed(store, "figures", near, revs)
        if o["id"] != f["id"]
        and keep.keeps(o, store.pair)
        and (o["measure"], o.get("flow"), o.get("period"), o["unit"])
        == (f["measure"], f.get("flow"), f.get("period"), f["unit"])
    ]
    lists.mark_conflicts(store, [f, *same])
    return f, same


def _by_statement(store: Store, kind: str, key: str) -> dict[str, Any] | None:
    """The entry of `kind` (agreements, commitments) with item key `key`, else the one citing
    the statement row `key` names; None when neither is in the pair's view."""
    pos = _keyed(store, kind, key) if kind == "agreements" else None
    row = row_id(key)
    if pos is None and row is not None:
        pos = keys.clusters_of(store.db, kind, [row]).get(row)
    return _entry(store, kind, _in_view(store, kind, pos))


def _cited_by(store: Store, kind: str, entry: dict[str, Any], field: str) -> list[dict[str, Any]]:
    docs = (e.get("doc_id") for e in entry.get(field) or [])
    return cited(store, kind, docs, load_reviews(store))


def agreement_history(store: Store, key: str) -> dict[str, Any]:
    """An agreement history by its id ("agreement:7:a0") or one of its statements' row ids,
    with every statement's review (rejected ones too)."""
    entry = _by_statement(store, "agreements", key)
    row = row_id(key)
    if entry is not None:
        rows = _cited_by(store, "agreements", entry, "entries")
        for h in rec.agreement_histories({"agreements": [entry]}, rows, True):
            if h["id"] == key or any(e.get("item_id") == row for e in h["entries"]):
                return h
    raise NotFound(f"no agreement {key!r}")


def commitment(store: Store, key: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(the commitment statement row `key` names, the status citing it); NotFound when
    neither exists."""
    row = row_id(key)
    revs = load_reviews(store)
    found = _rows(store, "commitments", [] if row is None else [row], revs)
    item = found[0] if found else None
    entry = _by_statement(store, "commitments", key)
    status = None
    if entry is not None:
        rows = _cited_by(store, "commitments", entry, "sources")
        statuses = rec.commitment_statuses({"commitments": [entry]}, rows, True)
        status = next(
            (s for s in statuses if any(x.get("item_id") == row for x in s["sources"])), None
        )
    if item is None and status is None:
        raise NotFound(f"no commitment {key!r}")
    return item, status


def open_conflicts(store: Store, key: str) -> list[dict[str, Any]]:
    """The open conflicts of the pair's view with this key (the record's conflicts: a range
    of their sort keys, which begin with measure, flow, period and unit)."""
    parts = key.split("|")
    if len(parts) != 5:
        return []
    found = conflicts_of_quantity(store, *parts[:4])
    return [c for c in found if rec.conflict_id(c) == key]


def conflicts_of_quantity(
    store: Store, measure: str, flow: str, period: str, unit: str
) -> list[dict[str, Any]]:
    """The open conflicts of the pair's view about this measure, flow ("" for none), period
    and unit (any topic, kind and per), in record order: one range of their sort keys."""
    prefix = SEP.join((measure, flow, period, unit)) + SEP
    rows = store.db.all(
        "SELECT pos FROM record_items WHERE kind = 'conflicts' AND sort_key >= ? AND sort_key < ?",
        (prefix, prefix[:-1] + chr(ord(SEP) + 1)),
    )
    found = (_entry(store, "conflicts", _in_view(store, "conflicts", int(r["pos"]))) for r in rows)
    return [c for c in found if c is not None]


def conflict_heads(
    store: Store, measure: str, flow: str, period: str, unit: str
) -> list[dict[str, Any]] | None:
    """The conflicts `conflicts_of_quantity` finds, as their tail rows tell them
    (`record_tails.conflict_tail`, written with the record): id fields, `open` (with no claim
    reviewed) and `positions` (with data sources and outlets, not claims), in record order;
    None when one has no such row (a record written before them): read the conflicts."""
    prefix = SEP.join((measure, flow, period, unit)) + SEP
    rows = store.db.all(
        "SELECT i.pos, i.item_key, s.payload FROM record_items i LEFT JOIN record_summaries s "
        "ON s.kind = i.kind AND s.pos = i.pos "
        "WHERE i.kind = 'conflicts' AND i.sort_key >= ? AND i.sort_key < ? "
        "ORDER BY i.sort_key, i.pos",
        (prefix, prefix[:-1] + chr(ord(SEP) + 1)),
    )
    out = []
    for r in rows:
        if _in_view(store, "conflicts", int(r["pos"])) is None:
            continue
        fields = key_fields("conflicts", str(r["item_key"]))
        tail = None if r["payload"] is None else json.loads(r["payload"])
        if fields is None or tail is None or tail.get("consistent") is None:
            return None
        agree = tail["claim_count"] < 2 or tail["consistent"]
        out.append({**fields, "id": rec.conflict_id(fields), "open": not agree, **tail})
    return out


def conflict(store: Store, key: str) -> dict[str, Any]:
    """The conflict with this key ("measure|flow|period|unit|topic"): the open one of the
    pair's view (the record's conflicts: a range of their sort keys), or one reviews settled
    (the machine's conflicts of that measure)."""
    parts = key.split("|")
    if len(parts) != 5:
        raise NotFound(f"no conflict {key!r}")
    open_ = open_conflicts(store, key)
    machine = [
        c
        for c in lists.part_of_measure(store, "machine_conflicts", parts[0])
        if rec.conflict_id(c) == key
    ]
    record = {"conflicts": open_, "machine_conflicts": machine}
    docs = (cl.get("doc_id") for c in record["conflicts"] + machine for cl in c.get("claims") or [])
    figs = cited(store, "figures", docs, load_reviews(store))
    found = [c for c in rec.conflicts(record, figs, True) if c["id"] == key]
    if not found:
        raise NotFound(f"no conflict {key!r}")
    return found[0]
