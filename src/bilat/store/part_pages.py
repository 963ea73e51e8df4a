"""A page of one record part: a keyset range of its positions, for a pair, filtered.

    page_part(db, kind, pair, after=..., limit=..., where=PageFilter(...))   -> Page

Each page is one index range from the last position seen (`after`), so the next page costs
what the first does, whatever the part's size. Long agreement histories and commitment
statuses can be read as their tail rows (`bilat.store.record_tails`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bilat.pairview import PAIRED
from bilat.store.actor_members import attach_members
from bilat.store.agreement_entries import attach_entries
from bilat.store.db import Database
from bilat.store.record_rows import EVERY, attach_claims
from bilat.store.record_tails import SHOWN, TAIL, cut
from bilat.store.series_points import attach_points

__all__ = ["Page", "PageFilter", "page_part"]


@dataclass(frozen=True, slots=True)
class PageFilter:
    """What a page of one part keeps: dates overlapping [since, until] (any precision, as
    `bilat.queries.in_range`; undated entries only without a range), a measure, a status."""

    since: str | None = None
    until: str | None = None
    measure: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next: int | None  # the `after` of the next page; None on the last page


def _page_where(f: PageFilter) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if f.since:  # the entry ends on or after `since`, compared at the shorter precision
        where.append("substr(i.date_to, 1, length(?)) >= substr(?, 1, length(i.date_to))")
        params += [f.since, f.since]
    if f.until:
        where.append("substr(i.date_from, 1, length(?)) <= substr(?, 1, length(i.date_from))")
        params += [f.until, f.until]
    for column in ("measure", "status"):
        if value := getattr(f, column):
            where.append(f"i.{column} = ?")
            params.append(value)
    return where, params


def _view_of(kind: str, pair: str) -> tuple[list[str], list[Any]]:
    """The condition keeping the actors (of its states, or named by its entries) or the
    documents (of the pair, or of none) of `pair`'s view."""
    inner = "i.pos IN (SELECT pos FROM record_item_pairs WHERE kind = ? AND pair IN (?, ?))"
    if kind == "documents":
        return [inner], [kind, pair, EVERY]
    states = pair.split("-")
    return [f"(i.country IN (?, ?) OR {inner})"], [states[0], states[-1], kind, pair, pair]


def page_part(
    db: Database,
    kind: str,
    pair: str | None,
    *,
    after: int = -1,
    limit: int = 50,
    where: PageFilter = PageFilter(),
    claims: bool = True,
    tail: int | None = None,
) -> Page:
    """Up to `limit` entries of one part after position `after` (keyset: each page is one
    index range from the last position seen), for `pair` when given, filtered by `where`;
    without `claims`, commitments keep their claims' keys (the claims are not read); with
    `tail`, agreement histories keep their last `tail` entries and say how many they had
    before them (`entries_cut`), and commitment statuses are their tail rows when they have
    one (up to `TAIL` and `SHOWN`: `bilat.store.record_tails`; the rest is never read)."""
    conds, params = _page_where(where)
    short = tail is not None and 0 < tail <= {"agreements": TAIL, "commitments": SHOWN}.get(kind, 0)
    payload, tails = "i.payload", ""
    if short:
        payload = "COALESCE(s.payload, i.payload)"
        tails = " LEFT JOIN record_summaries s ON s.kind = i.kind AND s.pos = i.pos"
    if pair is None or kind not in PAIRED:
        sql = f"SELECT i.pos, {payload} FROM record_items i{tails} WHERE i.kind = ? AND i.pos > ?"
        args: list[Any] = [kind, after]
        if pair is not None and kind in ("actors", "documents"):
            conds, params = [*_view_of(kind, pair)[0], *conds], [*_view_of(kind, pair)[1], *params]
    else:
        sql = (
            f"SELECT i.pos, {payload} FROM record_item_pairs p JOIN record_items i "
            f"ON i.kind = p.kind AND i.pos = p.pos{tails} WHERE p.kind = ? AND p.pair = ? "
            "AND p.pos > ?"
        )
        args = [kind, pair, after]
    order = "i.pos" if pair is None or kind not in PAIRED else "p.pos"
    sql += "".join(f" AND {c}" for c in conds) + f" ORDER BY {order} LIMIT ?"
    rows = db.execute(sql, [*args, *params, limit + 1]).fetchall()
    items = [json.loads(row[1]) for row in rows[:limit]]
    if kind == "agreements":  # a tail row holds its statements: the others are read
        attach_entries(db, items)
    if tail is not None and kind == "agreements":
        items = [cut(item, tail) for item in items]
    if kind == "commitments" and claims:
        attach_claims(db, items)
    elif kind == "actors":
        attach_members(db, items)
    elif kind == "series":
        attach_points(db, items)
    return Page(items, int(rows[limit - 1][0]) if len(rows) > limit else None)
