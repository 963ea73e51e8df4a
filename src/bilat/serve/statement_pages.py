"""The lists of two parts a page at a time, each part one keyset range per page.

    statements_page(store, kind, after=..., limit=...)   agreements or commitments: a page of
        the statements (`items`, in document and id order) and a page of the record's
        histories or statuses, as `queries.agreements` / `queries.commitments` give them
    conflicts_page(store, after=..., include_rejected=True)   the open conflicts of the pair's
        view (record order), then the ones reviews settled (`machine_conflicts`)

Statement cursor: "ENTRY.ROW" — ENTRY the record position after which (-1 at the start, x when
that part is done), ROW "doc_id.id" of the last statement listed (0.0 at the start, x when
done); a page without a cursor starts both parts. "ENTRY" alone: the entries only (ROW done).
Conflicts cursor: a position of the open conflicts, or "m" and one of the settled ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from bilat.queries import in_range, period_in_range
from bilat.reconcile._dates import deadline_period
from bilat.serve import lists, one_item, record_pages
from bilat.serve import record as rec
from bilat.serve.lists import ListPage
from bilat.serve.review import load_reviews, visible
from bilat.store import PageFilter, Store
from bilat.store import item_pages as ip
from bilat.store.record_tails import SHOWN

__all__ = [
    "CONFLICT_CURSOR",
    "STATEMENT_CURSOR",
    "Statements",
    "conflicts_page",
    "parse_statement_cursor",
    "slim_entry",
    "statements_page",
]

STATEMENT_CURSOR = r"^(-1|[0-9]{1,19}|x)(\.([0-9]{1,19}\.[0-9]{1,19}|x))?$"
CONFLICT_CURSOR = r"^(-1|m?[0-9]{1,19})$"
_MAX = 2**63 - 1  # keys are 64-bit: a larger one reads as after the last
VIEW = {"agreements": "histories", "commitments": "statuses"}
_BATCH = 200
START = (-1, (0, 0))

Cursor = tuple[int | None, tuple[int, int] | None]


@dataclass(frozen=True, slots=True)
class Statements:
    items: list[dict[str, Any]]  # the statements of this page
    entries: list[dict[str, Any]]  # the histories or statuses of this page
    next: str | None  # the cursor of the next page; None on the last one

    def body(self, kind: str) -> dict[str, Any]:
        """The API's body: `{items, histories}` or `{items, statuses}`."""
        return {"items": self.items, VIEW[kind]: self.entries}


def parse_statement_cursor(value: str | None) -> Cursor:
    """(entry position after which or None when done, (doc_id, id) after which or None)."""
    if not value:
        return START
    m = re.fullmatch(STATEMENT_CURSOR, value)
    if m is None:
        raise ValueError(f"after={value!r} is no cursor a page gave (ENTRY.DOC.ID)")
    entry = None if m.group(1) == "x" else min(int(m.group(1)), _MAX)
    row = m.group(3)
    if row is None or row == "x":
        return entry, None
    doc, ident = row.split(".")
    return entry, (min(int(doc), _MAX), min(int(ident), _MAX))


def statement_cursor(entry: int | None, row: tuple[int, int] | None) -> str | None:
    if entry is None and row is None:
        return None
    rows = "x" if row is None else f"{row[0]}.{row[1]}"
    return f"{'x' if entry is None else entry}.{rows}"


def _in_dates(kind: str, item: dict[str, Any], since: str | None, until: str | None) -> bool:
    """Whether a statement is in the date range the whole list filters by: a commitment by
    its deadline's period, an agreement by its date (else its article's)."""
    if not (since or until):
        return True
    if kind == "commitments":
        return period_in_range(deadline_period(item.get("deadline")), since, until)
    return in_range(item.get("date") or item.get("published"), since, until)


def _rows(
    store: Store,
    kind: str,
    after: tuple[int, int],
    limit: int,
    dates: tuple[str | None, str | None],
    include_rejected: bool,
) -> tuple[list[dict[str, Any]], tuple[int, int] | None]:
    """(up to `limit` reviewed statements after the key `after`, the key of the last one
    when more follow)."""
    revs = load_reviews(store)
    kept: list[dict[str, Any]] = []
    at = after
    while len(kept) <= limit:
        rows = ip.statement_rows(store.db, kind, after=at, limit=_BATCH)
        for item in visible(lists.reviewed(store, kind, rows, revs), include_rejected):
            if _in_dates(kind, item, *dates):
                kept.append(item)
        if len(rows) < _BATCH:
            break
        at = (rows[-1]["doc_id"], rows[-1]["id"])
    page = kept[:limit]
    return page, (page[-1]["doc_id"], page[-1]["id"]) if len(kept) > limit else None


def statements_page(
    store: Store,
    kind: str,
    *,
    after: str | None = None,
    limit: int = 100,
    since: str | None = None,
    until: str | None = None,
    include_rejected: bool = False,
    latest: int | None = None,
    slim: bool = False,
) -> Statements:
    """One page of each part the cursor has not finished (see the module doc); with
    `latest`, each agreement history's latest statements only (`record_pages`); `slim`:
    the histories and statuses as the API lists them (`slim_entry`)."""
    if kind not in VIEW:
        raise ValueError(f"not a statement list: {kind}")
    entry_at, row_at = parse_statement_cursor(after)
    entries: list[dict[str, Any]] = []
    next_entry: int | None = None
    if entry_at is not None:
        extra: dict[str, Any] = {} if latest is None else {"latest": latest}
        if slim:
            extra = {"latest": 1} if kind == "agreements" else {"claims": False, "latest": SHOWN}
        page = getattr(record_pages, f"{kind}_page")(
            store,
            after=entry_at,
            limit=limit,
            since=since,
            until=until,
            include_rejected=include_rejected,
            **extra,
        )
        entries = [slim_entry(kind, e) for e in page.items] if slim else page.items
        next_entry = None if page.next is None else int(page.next)
    items: list[dict[str, Any]] = []
    next_row: tuple[int, int] | None = None
    if row_at is not None:
        items, next_row = _rows(store, kind, row_at, limit, (since, until), include_rejected)
    return Statements(items, entries, statement_cursor(next_entry, next_row))


_LISTS = {"agreements": ("entries",), "commitments": ("sources", "evidence_figures", "dissent")}


def slim_entry(kind: str, entry: dict[str, Any]) -> dict[str, Any]:
    """A history or status as the API lists it: its lists replaced by how many they hold
    (`<list>_count`), a history's latest statement (`latest`), and `url`, its own endpoint
    (`/api/agreements/{id}`, `/api/commitments/{statement id}`) with every list in full.
    A history trimmed to its latest statements (`record_pages.latest_statements`) counts
    the ones before them (`earlier`)."""
    out = {k: v for k, v in entry.items() if k not in (*_LISTS[kind], "earlier", "counted")}
    for name in _LISTS[kind]:
        out[f"{name}_count"] = len(entry.get(name) or []) + int(entry.get("earlier") or 0)
    if counted := entry.get("counted"):  # a status's tail row: its lists are cut
        totals = ("source_total", "actual_total", "dissent_total")
        out.update({f"{n}_count": counted[t] for n, t in zip(_LISTS[kind], totals, strict=True)})
    if kind == "agreements":
        last = (entry.get("entries") or [None])[-1]
        out["latest"] = None if last is None else {k: v for k, v in last.items() if k != "quote"}
        out["url"] = f"/api/agreements/{quote(str(entry.get('id')), safe=':')}"
    else:
        ids = [s.get("item_id") for s in entry.get("sources") or [] if s.get("item_id")]
        out["url"] = f"/api/commitments/{ids[0]}" if ids else None
    return out


def _twins(store: Store, open_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The machine conflicts with the ids of these open ones (by measure and dates)."""
    wanted = {rec.conflict_id(c) for c in open_}
    found: list[dict[str, Any]] = []
    for measure in sorted({str(c.get("measure")) for c in open_}):
        found += [
            c
            for c in lists.part_of_measure(store, "machine_conflicts", measure)
            if rec.conflict_id(c) in wanted
        ]
    return found


def _conflict_part(
    store: Store, cursor: str, limit: int, where: PageFilter
) -> tuple[dict[str, list[dict[str, Any]]], str | None]:
    """(one page of one part, as `bilat.serve.record.conflicts` reads them, the next cursor)."""
    settled, at = cursor.startswith("m"), min(int(cursor.removeprefix("m")), _MAX)
    if not settled:
        page = store.record_page("conflicts", after=at, limit=limit, where=where)
        record = {"conflicts": page.items, "machine_conflicts": _twins(store, page.items)}
        if page.next is not None:
            return record, str(page.next)
        settled_any = store.for_pair(None).record_count("machine_conflicts")  # no pair view
        return record, "m0" if settled_any else None
    page = store.record_page("machine_conflicts", after=at, limit=limit, where=where)
    found = [c for c in page.items if not one_item.open_conflicts(store, rec.conflict_id(c))]
    return {"conflicts": [], "machine_conflicts": found}, (
        None if page.next is None else f"m{page.next}"
    )


def conflicts_page(
    store: Store,
    *,
    after: str = "-1",
    limit: int = 25,
    since: str | None = None,
    until: str | None = None,
) -> ListPage:
    """Conflicts as `queries.conflicts(..., include_rejected=True)` lists them, up to `limit`
    a page: the open ones (with their rejected claims, and the machine's claims when reviews
    touched them), then the ones only the machine found (settled by reviews)."""
    if not re.fullmatch(CONFLICT_CURSOR, after):
        raise ValueError(f"after={after!r} is no cursor a page gave")
    revs = load_reviews(store)
    out: list[dict[str, Any]] = []
    cursor: str | None = after
    while cursor is not None and len(out) < limit:
        record, cursor = _conflict_part(store, cursor, limit - len(out), PageFilter(since, until))
        claims = record["conflicts"] + record["machine_conflicts"]
        docs = (cl.get("doc_id") for c in claims for cl in c.get("claims") or [])
        figs = record_pages.cited(store, "figures", docs, revs)
        out += [
            c
            for c in rec.conflicts(record, figs, True)
            if period_in_range(c.get("period"), since, until)
        ]
    return ListPage(out, cursor)
