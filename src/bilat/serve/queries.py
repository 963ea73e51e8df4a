"""What the API and the pages show: documents, items and the reconciled record, reviewed.

Each function takes the store and plain filter values and returns JSON-ready data; the HTTP
views and the page views are thin wrappers over these.
"""

from __future__ import annotations

from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.extract.languages import language_warning
from bilat.queries import in_range, names_of, period_in_range
from bilat.reconcile._dates import deadline_period
from bilat.serve import lists, record_pages
from bilat.serve import record as rec
from bilat.serve.fmt import item_label
from bilat.serve.lists import shape
from bilat.serve.review import Reviews, load_reviews, overlay, visible
from bilat.store import Store
from bilat.store import item_lists as il
from bilat.store import queries as q

SEARCH_DOCS = 50  # documents a search looks at for items at a time

__all__ = [
    "actor_detail",
    "actors",
    "agreements",
    "commitments",
    "conflicts",
    "counts",
    "document_detail",
    "documents",
    "events",
    "figures",
    "items",
    "search",
    "snippet",
    "stats",
    "tally",
]


def items(
    store: Store,
    item_type: str,
    revs: Reviews | None = None,
    *,
    include_rejected: bool = False,
    doc_id: int | None = None,
) -> list[dict[str, Any]]:
    """Reviewed item rows of one type (events, figures, agreements, commitments)."""
    revs = revs or load_reviews(store)
    docs = q.document_names(store.db, doc_id)  # one document's row, not all, for one document
    rows = q.item_rows(store.db, item_type, doc_id=doc_id)
    shaped = [overlay(shape(r, item_type, docs), item_type, revs) for r in rows]
    for item in shaped:
        item["label"] = item_label(item, item_type)
    return visible(shaped, include_rejected)


def snippet(text: str, words: list[str], width: int = 90) -> str:
    """Plain text around the first query word (escaped later, by whoever renders it)."""
    low = text.lower()
    hits = [i for w in words if (i := low.find(w)) >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - width // 2)
    end = min(len(text), start + 2 * width)
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def _doc_summary(row: dict[str, Any], words: list[str]) -> dict[str, Any]:
    out = {k: row[k] for k in q.DOC_FIELDS}
    out["snippet"] = snippet(row["clean_text"], words)
    return out


def documents(
    store: Store,
    *,
    text: str | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of documents (full-text search with `text`), with the total count."""
    total = q.count_documents(store.db, q=text, status=status)
    rows = q.search_documents(store.db, q=text, status=status, limit=limit, offset=offset)
    words = q.terms(text or "")
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "q": text,
        "items": [_doc_summary(r, words) for r in rows],
    }


def _actor_items(store: Store, doc_id: int, revs: Reviews) -> list[dict[str, Any]]:
    out = []
    actors = {r["id"]: r for r in q.item_rows(store.db, "actors", doc_id=doc_id)}
    for m in q.mention_rows(store.db, doc_id):
        actor = overlay(actors[int(m["actor_id"])], "actors", revs)
        out.append(
            {
                "id": actor["id"],
                "item_type": "actors",
                "ref": f"actors-{actor['id']}",
                "name": actor["name"],
                "actor_type": actor["type"],
                "role": actor.get("role"),
                "country": actor.get("country"),
                "label": item_label(actor, "actors"),
                "evidence": {"start": m["start_pos"], "end": m["end_pos"], "quote": m["quote"]},
                "review": actor["review"],
            }
        )
    return out


def document_detail(store: Store, key: int | str) -> dict[str, Any]:
    """One document: metadata, original and clean text, every item with its span and review."""
    doc = store.get_document(key)
    revs = load_reviews(store)
    found: list[dict[str, Any]] = []
    for kind in q.ITEM_KINDS:
        found.extend(items(store, kind, revs, include_rejected=True, doc_id=doc.id))
    mentions = _actor_items(store, doc.id, revs)
    meta = {k: getattr(doc, k) for k in q.DOC_FIELDS}
    return {
        **meta,
        "text": doc.text,
        "clean_text": doc.clean_text,
        "metadata": doc.metadata,
        "published_evidence": [
            {"start": e.start, "end": e.end, "quote": e.quote} for e in doc.published_evidence
        ],
        "items": found,
        "mentions": mentions,
        "language_warning": language_warning(doc.language),
    }


def _match_actor(store: Store, actor: str | None) -> set[str] | None:
    """Normalised names of the actor (as the CLI matches them), or None without a filter."""
    return names_of({"actors": store.record_part("actors")}, actor) if actor else None


def events(
    store: Store,
    *,
    actor: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    include_rejected: bool = False,
) -> list[dict[str, Any]]:
    """Event mentions (reviewed), newest first, with the cluster they belong to."""
    names = _match_actor(store, actor)
    clusters = rec.cluster_index({"events": store.record_part("events")})
    refs = rec.event_refs(q.item_ids(store.db, "events"))  # the rows come from `items`
    out = []
    for e in items(store, "events", include_rejected=include_rejected):
        if names is not None and not names & {normalize(p) for p in e.get("participants") or []}:
            continue
        if (
            (type and e["type"] != type)
            or (mode and e["mode"] != mode)
            or (status and e["status"] != status)
        ):
            continue
        if (since or until) and not in_range(e.get("date"), since, until):
            continue
        e["cluster"] = clusters.get(refs[e["id"]])
        if store.pair is not None and e["cluster"] is None:
            continue  # its event is about another pair
        out.append(e)
    return sorted(out, key=lambda e: (e.get("date") or "", e["id"]), reverse=True)


def figures(
    store: Store,
    *,
    measure: str | None = None,
    period: str | None = None,
    flow: str | None = None,
    include_rejected: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Figure claims (reviewed) of the store's pair; `since`/`until`: periods overlapping.
    With a measure only its rows are read (index), and the conflicts they are in."""
    if measure:
        found = visible(lists.figures_of(store, measure), include_rejected)
    else:
        found = items(store, "figures", include_rejected=include_rejected)
        conflicted = rec.conflict_claims({"conflicts": store.record_part("conflicts")})
    keep = lists.FigureFilters(measure, period, flow, since, until)
    out = []
    for f in found:
        if not keep.keeps(f, store.pair):
            continue
        if not measure:
            f["conflict"] = conflicted.get(rec.figure_claim_key(f))
        out.append(f)
    if measure:
        lists.mark_conflicts(store, out)
    return out


def _dated(item: dict[str, Any]) -> str | None:
    return item.get("date") or item.get("published")


def agreements(
    store: Store,
    *,
    include_rejected: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Statements and histories; with a range, the statements dated in it (their own date,
    else their article's) and the histories with such a statement."""
    rows = items(store, "agreements", include_rejected=True)
    record = {"agreements": store.record_part("agreements")}
    histories = rec.agreement_histories(record, rows, include_rejected)
    if since or until:
        rows = [r for r in rows if in_range(_dated(r), since, until)]
        histories = [
            h for h in histories if any(in_range(_dated(e), since, until) for e in h["entries"])
        ]
    return {"items": visible(rows, include_rejected), "histories": histories}


def commitments(
    store: Store,
    *,
    include_rejected: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Statements and statuses; with a range, those whose deadline period overlaps it."""
    rows = items(store, "commitments", include_rejected=True)
    record = {"commitments": store.record_part("commitments")}
    statuses = rec.commitment_statuses(record, rows, include_rejected)
    if since or until:
        rows = [
            r for r in rows if period_in_range(deadline_period(r.get("deadline")), since, until)
        ]
        statuses = [c for c in statuses if period_in_range(c.get("period"), since, until)]
    return {"items": visible(rows, include_rejected), "statuses": statuses}


def conflicts(
    store: Store,
    *,
    include_rejected: bool = False,
    since: str | None = None,
    until: str | None = None,
    measure: str | None = None,
) -> list[dict[str, Any]]:
    """Conflicts (reviewed); with a range, those whose period overlaps it; with a measure,
    that measure's (only its figures and conflicts are read)."""
    if measure:
        figs = lists.figures_of(store, measure)
        record = {"conflicts": lists.part_of_measure(store, "conflicts", measure)}
    else:
        figs = items(store, "figures", include_rejected=True)
        record = {"conflicts": store.record_part("conflicts")}
    if include_rejected:
        machine = store.record_part("machine_conflicts")
        record["machine_conflicts"] = [c for c in machine if measure in (None, c.get("measure"))]
    found = rec.conflicts(record, figs, include_rejected)
    return [c for c in found if period_in_range(c.get("period"), since, until)]


def actors(store: Store) -> list[dict[str, Any]]:
    revs = load_reviews(store)
    rows = [overlay(r, "actors", revs) for r in q.item_rows(store.db, "actors")]
    return rec.actor_list({"actors": store.record_part("actors")}, visible(rows, False))


def actor_detail(store: Store, name: str) -> dict[str, Any]:
    """One actor: names, roles, events, figures said, agreements, commitments."""
    revs = load_reviews(store)
    rows = visible([overlay(r, "actors", revs) for r in q.item_rows(store.db, "actors")], False)
    actor = rec.actor_entry({"actors": store.record_part("actors")}, rows, name)
    names = {n.lower() for n in actor["names"]}
    return {
        **actor,
        "events": [e for e in events(store) if names & {p.lower() for p in e["participants"]}],
        "figures": [f for f in figures(store) if (f.get("said_by") or "").lower() in names],
        "agreements": [
            a
            for a in items(store, "agreements", revs)
            if names & {p.lower() for p in a.get("parties") or []}
        ],
        "commitments": [
            c
            for c in items(store, "commitments", revs)
            if names & {p.lower() for p in c.get("parties") or []}
        ],
    }


def search(store: Store, text: str, limit: int = 20) -> dict[str, Any]:
    """Documents (full text) and items whose quote or label contains every query word.

    Items are looked for in the documents the full-text index finds with every word (as a
    word prefix), best match first, SEARCH_DOCS at a time, until `limit` items are found:
    `items_total` counts them all when every such document was looked at, else it is None
    and `items_more` is true."""
    words = q.terms(text)
    docs = documents(store, text=text, limit=limit)
    found: list[dict[str, Any]] = []
    revs = load_reviews(store)
    offset, more = 0, bool(words)
    while more and len(found) <= limit:
        ids = q.ranked_document_ids(store.db, words, limit=SEARCH_DOCS, offset=offset)
        offset += SEARCH_DOCS
        more = len(ids) == SEARCH_DOCS
        rank = {d: i for i, d in enumerate(ids)}
        batch = []
        for kind in q.ITEM_KINDS:
            rows = il.rows_of_documents(store.db, kind, ids)
            for item in visible(lists.reviewed(store, kind, rows, revs), False):
                hay = (item["evidence"]["quote"] + " " + item["label"]).lower()
                if all(w in hay for w in words):
                    batch.append(item)
        found += sorted(batch, key=lambda i: rank[i["doc_id"]])  # best document first
    complete = not more
    return {
        "q": text,
        "documents": docs,
        "items": found[:limit],
        "items_total": len(found) if complete else None,
        "items_more": not complete or len(found) > limit,
    }


def tally(
    mentions: list[dict[str, Any]],
    figs: list[dict[str, Any]],
    conflict_list: list[dict[str, Any]],
    statuses: list[dict[str, Any]],
    histories: list[dict[str, Any]],
) -> dict[str, Any]:
    """The counts every surface shows — dashboard, API, `bilat summary`, the report — from
    the reviewed lists of one pair (`events`, `figures`, `conflicts`, `commitments`' statuses,
    `agreements`' histories): events are real-world events (clusters) with at least one
    mention not rejected."""
    by_status: dict[str, int] = {}
    for c in statuses:
        by_status[c["status"]] = by_status.get(c["status"], 0) + 1
    return {
        "events": len({(e.get("cluster") or {}).get("id") or e["ref"] for e in mentions}),
        "mentions": len(mentions),
        "figures": len(figs),
        "conflicts": len(conflict_list),
        "commitments": len(statuses),
        "commitment_status": by_status,
        "agreements": len(histories),
    }


def counts(store: Store) -> dict[str, Any]:
    """`tally` of the store's pair (pages that list these already pass their own lists):
    the maintained counts while the record is current, else counted from the lists."""
    known = record_pages.overview_counts(store)
    if known is not None:
        return known
    return tally(
        events(store),
        figures(store),
        conflicts(store),
        commitments(store)["statuses"],
        agreements(store)["histories"],
    )


def _record_stats(store: Store) -> dict[str, Any]:
    """How many entries the stored record has per part (for the store's pair), from the
    maintained counts: no part is read."""
    if not store.record_built():
        return rec.record_stats(None)
    return {
        "built": True,
        **{k: store.record_count(k) for k in ("events", "conflicts", "actors", "agreements")},
        "commitments": store.record_status_counts("commitments"),
    }


def stats(store: Store, known_counts: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts for the overview: documents by status, items by review state, record parts;
    `known_counts` is the `tally` of lists the caller has loaded already."""
    revs = load_reviews(store)
    current = store.record_is_current()
    by_status = store.documents_by_status()
    by_kind: dict[str, Any] = record_pages.item_states(store, revs) if current else {}
    for kind in () if current else (*q.ITEM_KINDS, "actors"):
        rows = q.item_ids(store.db, kind)
        states: dict[str, int] = {}
        for r in rows:
            s = revs.state(kind, r["id"])
            states[s] = states.get(s, 0) + 1
        by_kind[kind] = {"total": len(rows) - states.get("rejected", 0), "review": states}
    return {
        "documents": {"total": sum(by_status.values()), "by_status": by_status},
        "items": by_kind,
        "rejects": int(store.db.scalar("SELECT COUNT(*) FROM rejects")),
        "record": _record_stats(store),
        "counts": known_counts if known_counts is not None else counts(store),
    }
