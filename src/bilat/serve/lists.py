"""Lists a page at a time: each page reads one index range of item rows, the reviews, and
the record entries of that page's rows only (`bilat.store.item_lists`, `record_keys`).

    events_page(store, filters, after=..., limit=...)   event mentions, newest first
    Cursor: "date|id" of the last row of a page (`next`); the next page starts after it.

The rows are those `queries.events` lists (same review overlay, filters and cluster summary),
in the same order as long as no reviewer edited a date (a page is ordered by stored dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.pairview import figure_in_pair
from bilat.queries import in_range, period_in_range
from bilat.serve import record as rec
from bilat.serve.fmt import item_label
from bilat.serve.review import Reviews, load_reviews, overlay, visible
from bilat.store import PageFilter, Store, record_rows
from bilat.store import item_lists as il
from bilat.store import record_keys as keys

__all__ = [
    "CURSOR",
    "EventFilters",
    "FigureFilters",
    "ListPage",
    "actor_names",
    "cursor",
    "edited",
    "event_menus",
    "events_page",
    "figure_measures",
    "figures_of",
    "figures_page",
    "mark_conflicts",
    "parse_cursor",
    "part_of_measure",
    "reviewed",
    "shape",
    "timeline",
]

_BATCH = 200
CURSOR = r"^[0-9A-Za-z:.+-]{0,40}\|[0-9]{1,19}$"  # what `cursor` gives (query validation)


@dataclass(frozen=True, slots=True)
class EventFilters:
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class FigureFilters:
    measure: str | None = None
    period: str | None = None
    flow: str | None = None
    since: str | None = None
    until: str | None = None

    def keeps(self, f: dict[str, Any], pair: str | None) -> bool:
        """Whether a reviewed figure is in the list (`queries.figures`) of `pair`."""
        return not (
            (self.measure and f["measure"] != self.measure)
            or (self.period and f.get("period") != self.period)
            or (self.flow and f.get("flow") != self.flow)
            or not figure_in_pair(f.get("flow"), f.get("doc_pair"), pair)
            or not period_in_range(f.get("period"), self.since, self.until)
        )


@dataclass(frozen=True, slots=True)
class ListPage:
    items: list[dict[str, Any]]
    next: str | None  # the `after` of the next page; None on the last one


_EVIDENCE = ("start_pos", "end_pos", "quote")


def shape(row: dict[str, Any], item_type: str, docs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """An item row as the API gives it: with its document's fields and its evidence."""
    doc = docs.get(row["doc_id"], {})
    out = {k: v for k, v in row.items() if k not in _EVIDENCE and k != "extractor_version"}
    out.update(
        item_type=item_type,
        ref=f"{item_type}-{row['id']}",
        doc=doc.get("name"),
        published=doc.get("published"),
        source=doc.get("source"),
        outlet=doc.get("source"),
        doc_pair=doc.get("pair"),
        url=doc.get("url"),
        evidence={"start": row["start_pos"], "end": row["end_pos"], "quote": row["quote"]},
    )
    return out


def cursor(row: dict[str, Any]) -> str:
    """The cursor after a stored row: its stored date (or "") and id."""
    return f"{row.get('date') or ''}|{row['id']}"


def parse_cursor(value: str | None) -> tuple[str, int] | None:
    if not value:
        return None
    date, sep, ident = value.rpartition("|")
    if not sep or not ident.isdigit() or len(date) > 40:
        raise ValueError(f"after={value!r} is no cursor a page gave (date|id)")
    return date, int(ident)


def actor_names(store: Store, actor: str) -> tuple[set[str], set[str]]:
    """(normalised names the filter matches, as `bilat.queries.names_of`; the names as
    written to look up in the participant index): the canonical actor's when one has `actor`
    as a name, else `actor` itself."""
    pos = keys.entry_named(store.db, "actors", actor)
    if pos is None:
        return {normalize(actor)}, {actor}
    names, raw = keys.names_at(store.db, pos)
    return names, raw | {actor}


def _keep(e: dict[str, Any], f: EventFilters, names: set[str] | None, rejected: bool) -> bool:
    if not rejected and e["review"]["state"] == "rejected":
        return False
    if names is not None and not names & {normalize(p) for p in e.get("participants") or []}:
        return False
    if (f.type and e["type"] != f.type) or (f.mode and e["mode"] != f.mode):
        return False
    if f.status and e["status"] != f.status:
        return False
    return not ((f.since or f.until) and not in_range(e.get("date"), f.since, f.until))


def events_page(
    store: Store,
    f: EventFilters = EventFilters(),
    *,
    include_rejected: bool = False,
    after: str | None = None,
    limit: int = 100,
) -> ListPage:
    """Up to `limit` event mentions (reviewed, with their cluster) after the cursor."""
    revs = load_reviews(store)
    names, raw = actor_names(store, f.actor) if f.actor else (None, None)
    where = il.EventFilter(
        type=f.type,
        mode=f.mode,
        status=f.status,
        since=f.since,
        until=f.until,
        participants=frozenset(raw) if raw is not None else None,
        pair=store.pair,
        also=frozenset(edited(revs, "events")),
    )
    at = parse_cursor(after)
    kept: list[dict[str, Any]] = []
    while len(kept) <= limit:
        rows = il.event_rows(store.db, where, before=at, limit=_BATCH)
        for row in rows:
            at = (row.get("date") or "", row["id"])
            if _keep(overlay(row, "events", revs), f, names, include_rejected):
                kept.append(row)
        if len(rows) < _BATCH:
            break
    page = kept[:limit]
    next_at = cursor(page[-1]) if len(kept) > limit else None
    return ListPage(_shape(store, page, revs), next_at)


def reviewed(
    store: Store, kind: str, rows: list[dict[str, Any]], revs: Reviews
) -> list[dict[str, Any]]:
    """Item rows as `queries.items` gives them (document fields, evidence, review, label),
    reading the documents of these rows only."""
    docs = il.documents_of(store.db, (r["doc_id"] for r in rows))
    out = []
    for row in rows:
        item = overlay(shape(row, kind, docs), kind, revs)
        item["label"] = item_label(item, kind)
        out.append(item)
    return out


def edited(revs: Reviews, kind: str) -> list[int]:
    """Ids of the items of `kind` a reviewer edited (their stored values may not match)."""
    return sorted(i for i, r in revs.by_type.get(kind, {}).items() if r.state == "edited")


def _shape(store: Store, rows: list[dict[str, Any]], revs: Reviews) -> list[dict[str, Any]]:
    """The page's rows as `queries.items` shapes them, each with its cluster's summary."""
    at = keys.clusters_of(store.db, "events", (r["id"] for r in rows))
    clusters = record_rows.entries(store.db, "events", at.values())
    out = reviewed(store, "events", rows, revs)
    for item in out:
        pos = at.get(item["id"])
        item["cluster"] = rec.cluster_summary(clusters[pos]) if pos in clusters else None
    return out


def event_menus(store: Store) -> dict[str, Any]:
    """The timeline form's choices: event types and modes (of current documents' events, as
    stored), the canonical actors' names (record order)."""
    return {
        "types": il.event_values(store.db, "type"),
        "modes": il.event_values(store.db, "mode"),
        "actors": [{"name": n} for n in keys.labels(store.db, "actors", store.pair)],
    }


def mark_conflicts(store: Store, figures: list[dict[str, Any]]) -> None:
    """Set each figure's `conflict` (the id of the open conflict its claim is in, as
    `queries.figures` does): the key kept with the record maps a figure row to the conflict
    its claim is in, and only the fields of the id are read of those conflicts."""
    at = keys.clusters_of(store.db, "conflicts", (f["id"] for f in figures), store.pair)
    found = record_rows.entry_fields(store.db, "conflicts", at.values(), rec.CONFLICT_ID)
    for f in figures:
        pos = at.get(f["id"])
        f["conflict"] = None if pos not in found else rec.conflict_id(found[pos])


def part_of_measure(store: Store, kind: str, measure: str) -> list[dict[str, Any]]:
    """The entries of one record part with this measure (the measure index), in order."""
    where = PageFilter(measure=measure)
    page = store.record_page(kind, limit=1000, where=where)
    found = list(page.items)
    while page.next is not None:
        page = store.record_page(kind, after=page.next, limit=1000, where=where)
        found += page.items
    return found


def figure_measures(store: Store) -> list[str]:
    """The measures of current documents' figures (stored or as a reviewer edited them)."""
    revs = load_reviews(store)
    edits = {
        str(r.payload["measure"])
        for r in revs.by_type.get("figures", {}).values()
        if r.state == "edited" and r.payload.get("measure")
    }
    return sorted(set(il.figure_measures(store.db)) | edits)


def figures_of(store: Store, measure: str) -> list[dict[str, Any]]:
    """The figure rows (reviewed, rejected ones too) whose stored measure is `measure`, and
    the edited ones (a reviewer may have set it): read by the measure index."""
    revs = load_reviews(store)
    rows = il.figure_rows(store.db, measure, also=edited(revs, "figures"))
    return reviewed(store, "figures", rows, revs)


def timeline(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event mentions grouped into real-world events (record clusters), newest first."""
    groups: dict[str, dict[str, Any]] = {}
    for e in events:
        cluster = e.get("cluster") or {}
        key = str(cluster.get("id") or e["ref"])
        g = groups.setdefault(
            key,
            {
                "id": key,
                "date": cluster.get("date") or e.get("date"),
                "mode": e["mode"],
                "type": e["type"],
                "status": e["status"],
                "place": cluster.get("place") or e.get("place"),
                "participants": cluster.get("participants") or e.get("participants") or [],
                "conflicts": cluster.get("conflicts") or [],
                "mentions": [],
            },
        )
        g["mentions"].append(e)
    for g in groups.values():
        g["rejected"] = all(m["review"]["state"] == "rejected" for m in g["mentions"])
        g["quotes"] = list(
            {(m["doc_id"], m["evidence"]["quote"]): m for m in reversed(g["mentions"])}.values()
        )[::-1]
        g["docs"] = len({m["doc_id"] for m in g["mentions"]})
    return sorted(groups.values(), key=lambda g: (g["date"] or "", g["id"]), reverse=True)


def figures_page(
    store: Store,
    f: FigureFilters = FigureFilters(),
    *,
    include_rejected: bool = False,
    after: str | None = None,
    limit: int = 100,
) -> ListPage:
    """Up to `limit` figure claims (reviewed, with their conflict) after the cursor
    ("doc_id|id"), in the order of `queries.figures`."""
    revs = load_reviews(store)
    at = parse_cursor(after)
    key = (int(at[0] or 0), at[1]) if at else None
    also = edited(revs, "figures")
    kept: list[dict[str, Any]] = []
    while len(kept) <= limit:
        rows = il.figure_rows(store.db, f.measure, also=also, after=key, limit=_BATCH)
        for item in visible(reviewed(store, "figures", rows, revs), include_rejected):
            if f.keeps(item, store.pair):
                kept.append(item)
        if len(rows) < _BATCH:
            break
        key = (rows[-1]["doc_id"], rows[-1]["id"])
    page = kept[:limit]
    mark_conflicts(store, page)
    more = len(kept) > limit
    return ListPage(page, f"{page[-1]['doc_id']}|{page[-1]['id']}" if more else None)
