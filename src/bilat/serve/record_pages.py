"""Record lists a page at a time, and the overview's counts without reading the lists.

    conflicts_page / commitments_page / agreements_page(store, after=..., limit=..., ...)
    latest_statements(store, n, include_rejected, histories, revs)   the latest n of each
    overview_counts(store)   `queries.tally` of the store's pair, from maintained counts

A page is one keyset range of a record part (`Store.record_page`: positions after `after`),
reviewed against the item rows of the documents its entries cite (`queries` reviews them
against every row of the kind). Pages never hold rejected entries; with `include_rejected`
the statement pages pass it on, and conflicts continue with the ones reviews settled
(`statement_pages.conflicts_page`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from bilat.pairview import figure_in_pair
from bilat.queries import in_range
from bilat.serve import record as rec
from bilat.serve.lists import ListPage
from bilat.serve.review import UNREVIEWED, Reviews, load_reviews, overlay
from bilat.store import PageFilter, Store
from bilat.store import item_lists as il
from bilat.store import item_pages as ip
from bilat.store import record_keys as keys

__all__ = [
    "agreements_page",
    "cited",
    "commitments_page",
    "conflicts_page",
    "latest_statements",
    "overview_counts",
]


def cited(
    store: Store,
    kind: str,
    doc_ids: Iterable[Any],
    revs: Reviews,
    spans: set[tuple[int, int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Reviewed rows of `kind` (rejected ones too) of the documents a page's entries cite
    (figures: only those of these `spans`, (document, start, end), when given). Statements
    are matched by (document, quote) only: their id, quote and review are read, not the rows
    (an agreement history can cite thousands of articles)."""
    wanted = {int(d) for d in doc_ids if d}
    if kind == "figures":
        rows = il.claims_of_documents(store.db, kind, wanted)
        if spans is not None:  # a row of another span is no claim's
            rows = [r for r in rows if (r["doc_id"], r["start_pos"], r["end_pos"]) in spans]
        return [_claim_row(row, revs) for row in rows]
    out = []
    for row in il.quotes_of_documents(store.db, kind, wanted):
        review = revs.get(kind, int(row["id"]))
        out.append(
            {
                "id": int(row["id"]),
                "doc_id": int(row["doc_id"]),
                "evidence": {"quote": row["quote"]},
                "review": dict(UNREVIEWED) if review is None else review.to_json(),
            }
        )
    return out


def _claim_row(row: dict[str, Any], revs: Reviews) -> dict[str, Any]:
    """A figure row as `record.conflicts` matches claims to it (span, machine value) and
    reviews them (id, review, edited values): not shaped like a listed figure."""
    item = {
        "id": int(row["id"]),
        "doc_id": int(row["doc_id"]),
        "evidence": {"start": row["start_pos"], "end": row["end_pos"]},
        **{k: row[k] for k in ("value", "value_max", "unit", "qualifier")},
    }
    return overlay(item, "figures", revs)


Trim = Callable[[list[dict[str, Any]], Reviews], list[dict[str, Any]]]


def _page(
    store: Store,
    kind: str,
    cites: str,
    after: int,
    limit: int,
    since: str | None,
    until: str | None,
    trim: Trim | None = None,
    claims: bool = True,
    tail: int | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """(entries of one page of a record part, cut by `trim` if given, the reviewed rows of
    the documents they cite in their `cites` lists, the next cursor); `claims`, `tail`: see
    `Store.record_page` (`tail` is dropped when a statement of the part is rejected: it
    may be among the last ones)."""
    where = PageFilter(since, until)
    revs = load_reviews(store)
    if any(r.state == "rejected" for r in revs.by_type.get(kind, {}).values()):
        tail = None
    page = store.record_page(kind, after=after, limit=limit, where=where, claims=claims, tail=tail)
    found = page.items if trim is None else trim(page.items, revs)
    docs = (c.get("doc_id") for e in found for c in e.get(cites) or [])
    spans = None
    if kind == "conflicts":  # a claim is matched by its span and value
        spans = {rec.span_key(c) for e in found for c in e.get(cites) or []}
    rows = cited(store, "figures" if kind == "conflicts" else kind, docs, revs, spans)
    return found, rows, None if page.next is None else str(page.next)


def conflicts_page(
    store: Store,
    *,
    after: int = -1,
    limit: int = 50,
    since: str | None = None,
    until: str | None = None,
    named: tuple[int, int] | None = None,
) -> ListPage:
    """Open conflicts (as `queries.conflicts` lists them), one page of the record's. With
    `named` = (positions, claims), only the first `claims` claims of each of a conflict's
    first `positions` positions name their figure row (`item_id`: what the conflicts page
    links to; (0, 0): none, for the overview and the API's headers): the claims are
    reviewed by the reviewed rows alone (every other row is unreviewed), so the rows of the
    thousands of claims of a page of large conflicts are not read."""
    if named is None:
        found, figs, after_this = _page(store, "conflicts", "claims", after, limit, since, until)
        return ListPage(rec.conflicts({"conflicts": found}, figs), after_this)
    revs = load_reviews(store)
    page = store.record_page("conflicts", after=after, limit=limit, where=PageFilter(since, until))
    spans = {rec.span_key(c) for e in page.items for c in e.get("claims") or []}
    judged = ip.rows_by_id(store.db, "figures", revs.by_type.get("figures", {}))
    rows = [
        _claim_row(r, revs) for r in judged if (r["doc_id"], r["start_pos"], r["end_pos"]) in spans
    ]
    out = rec.conflicts({"conflicts": page.items}, rows)
    _name_claims(store, out, *named)
    return ListPage(out, None if page.next is None else str(page.next))


def _name_claims(
    store: Store, conflicts: list[dict[str, Any]], positions: int, claims: int
) -> None:
    """Set `item_id` of the first `claims` claims of the first `positions` positions of each
    conflict that no reviewed row named, from the rows of their spans (read by document)."""
    wanted = [
        cl
        for c in conflicts
        for p in c["positions"][:positions]
        for cl in p["claims"][:claims]
        if cl.get("item_id") is None
    ]
    spans = {rec.span_key(cl) for cl in wanted}
    rows = il.claims_of_documents(store.db, "figures", {s[0] for s in spans})
    ids = {
        (r["doc_id"], r["start_pos"], r["end_pos"], float(r["value"] or 0)): int(r["id"])
        for r in rows
        if (r["doc_id"], r["start_pos"], r["end_pos"]) in spans
    }
    for cl in wanted:
        cl["item_id"] = ids.get(rec.claim_key(cl))


def commitments_page(
    store: Store,
    *,
    after: int = -1,
    limit: int = 50,
    since: str | None = None,
    until: str | None = None,
    include_rejected: bool = False,
    claims: bool = True,
    latest: int | None = None,
) -> ListPage:
    """Commitment statuses (as `queries.commitments` gives them), one page of the record's;
    without `claims`, their evidence and dissent are the claims' keys (the overview); with
    `latest` (at most `record_tails.SHOWN`), a long status is its tail row: the first SHOWN
    of each list and `counted` over them all (see `_page`)."""
    found, rows, after_this = _page(
        store, "commitments", "sources", after, limit, since, until, claims=claims, tail=latest
    )
    statuses = rec.commitment_statuses({"commitments": found}, rows, include_rejected)
    return ListPage(statuses, after_this)


def _dated(entry: dict[str, Any]) -> str | None:
    return entry.get("date") or entry.get("published")


def _rejected(store: Store, kind: str, revs: Reviews) -> set[tuple[int, str]]:
    """(document, quote) of the statements of `kind` a reviewer rejected."""
    ids = [i for i, r in revs.by_type.get(kind, {}).items() if r.state == "rejected"]
    return {(int(r["doc_id"]), str(r["quote"])) for r in ip.rows_by_id(store.db, kind, ids)}


def latest_statements(
    store: Store, n: int, include_rejected: bool, histories: list[dict[str, Any]], revs: Reviews
) -> list[dict[str, Any]]:
    """Each history with its latest `n` statements a reviewer did not reject (the rejected
    ones among them kept: the review drops them), and `earlier`: how many it has before."""
    rejected = set() if include_rejected else _rejected(store, "agreements", revs)
    out = []
    for h in histories:
        entries = h.get("entries") or []
        start, kept = len(entries), 0
        while start > 0 and kept < n:  # from the end: a history can have thousands
            start -= 1
            kept += _statement_key(entries[start]) not in rejected
        gone = sum(_statement_key(e) in rejected for e in entries[:start]) if rejected else 0
        earlier = start - gone + int(h.get("entries_cut") or 0)  # read cut: none rejected
        rest = {k: v for k, v in h.items() if k != "entries_cut"}
        out.append({**rest, "entries": entries[start:], "earlier": earlier})
    return out


def _statement_key(entry: dict[str, Any]) -> tuple[int, str]:
    return int(entry.get("doc_id") or 0), str(entry.get("quote") or "")


def agreements_page(
    store: Store,
    *,
    after: int = -1,
    limit: int = 50,
    since: str | None = None,
    until: str | None = None,
    include_rejected: bool = False,
    latest: int | None = None,
) -> ListPage:
    """Agreement histories (as `queries.agreements` gives them), one page of the record's;
    with a range, those with a statement dated in it (the index keeps those whose first to
    last statement overlaps it, a superset). With `latest` (and no range), each history's
    latest statements only, that many not rejected, and how many it has before (`earlier`)."""
    trim, tail = None, None
    if latest is not None and not (since or until):
        trim = partial(latest_statements, store, latest, include_rejected)
        tail = latest  # the histories read cut to as many (see `_page`)
    found, rows, after_this = _page(
        store, "agreements", "entries", after, limit, since, until, trim, tail=tail
    )
    histories = rec.agreement_histories({"agreements": found}, rows, include_rejected)
    if since or until:
        histories = [
            h for h in histories if any(in_range(_dated(e), since, until) for e in h["entries"])
        ]
    return ListPage(histories, after_this)


def _live(store: Store, kind: str, revs: Reviews) -> tuple[int, dict[str, int]]:
    """(current rows a reviewer rejected, current rows by review state) of one kind."""
    reviewed = revs.by_type.get(kind, {})
    current = il.current_ids(store.db, kind, reviewed)
    states: dict[str, int] = {}
    for i in current:
        states[reviewed[i].state] = states.get(reviewed[i].state, 0) + 1
    return states.get("rejected", 0), states


def item_states(store: Store, revs: Reviews) -> dict[str, Any]:
    """`queries.stats`' items: per kind the rows not rejected and the rows by review state,
    from the counts kept with the record and the reviewed rows only."""
    out: dict[str, Any] = {}
    for kind in ("events", "figures", "agreements", "commitments", "actors"):
        total = sum(n for _, _, n in keys.item_counts(store.db, kind))
        rejected, states = _live(store, kind, revs)
        states = {"unreviewed": total - sum(states.values()), **states}
        out[kind] = {"total": total - rejected, "review": {k: v for k, v in states.items() if v}}
    return out


def _figure_count(store: Store, revs: Reviews) -> int:
    """Figure claims the figures list shows for the store's pair: the kept counts per flow
    and document pair in the pair's view, less the rejected rows, with edited flows moved."""
    pair = store.pair
    total = sum(
        n
        for flow, doc_pair, n in keys.item_counts(store.db, "figures")
        if figure_in_pair(flow, doc_pair, pair)
    )
    reviewed = revs.by_type.get("figures", {})
    for row in il.current_figures(store.db, reviewed):
        review = reviewed[int(row["id"])]
        was = figure_in_pair(row["flow"], row["pair"], pair)
        flow = review.payload.get("flow", row["flow"]) if review.state == "edited" else row["flow"]
        now = review.state != "rejected" and figure_in_pair(flow, row["pair"], pair)
        total += int(now) - int(was)
    return total


def overview_counts(store: Store) -> dict[str, Any] | None:
    """`queries.tally` of the store's pair from maintained counts, or None when the record
    is not current (its counts would then be another state's): events (record clusters in
    the pair's view), their mentions (the mention keys of those clusters), figures (kept
    counts less reviews), conflicts, commitment statuses and agreement histories (the
    record is reconciled from the reviewed items, so its entries are the listed ones)."""
    if not store.record_is_current():
        return None
    revs = load_reviews(store)
    statuses = store.record_status_counts("commitments")
    return {
        "events": store.record_count("events"),
        "mentions": keys.mention_count(store.db, store.pair),
        "figures": _figure_count(store, revs),
        "conflicts": store.record_count("conflicts"),
        "commitments": sum(statuses.values()),
        "commitment_status": statuses,
        "agreements": store.record_count("agreements"),
    }
