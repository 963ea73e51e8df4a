"""Item rows a page at a time: one index range per page, newest first (keyset on date, id).

    event_rows(db, f, before=..., limit=...)   event mentions matching `f` before a cursor
    figure_rows(db, measure, also=...)         the figure claims of one measure
    named_rows(db, table, names, ...)          the newest figures said by / statements of
                                               parties with one of these names
    event_values(db, column)                   the distinct types (or modes) of current events
    documents_of(db, ids)                      the document rows of a page's items

Filters here are on the stored (machine) values and must keep a superset of what the caller
shows: a reviewer's edit can change a value, so the caller passes the ids of edited items
(`also`) and checks every row again after overlaying the reviews.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.store.db import Database
from bilat.store.queries import decode
from bilat.store.record_keys import mention_count

__all__ = [
    "EventFilter",
    "claims_of_documents",
    "current_docs",
    "current_figures",
    "current_ids",
    "distinct_values",
    "documents_of",
    "event_rows",
    "event_values",
    "figure_measures",
    "figure_rows",
    "named_rows",
    "quotes_of_documents",
    "rows_of_documents",
]

_CURRENT = "d.is_current = 1 AND d.status = 'ok'"
_RECENT = "COALESCE(e.date, '')"
_CHUNK = 500
_INDEXED = {("events", "type"), ("events", "mode"), ("figures", "measure")}  # see distinct_values


def current_docs(db: Database) -> str:
    """Rows of current documents. On SQLite `+` keeps the planner from starting at the
    documents (it has no statistics); PostgreSQL has them, and `+` would hide the column's
    (it then guesses 50 current documents of 10,000 and reads them all first)."""
    plus = "+" if db.dialect == "sqlite" else ""
    return f"{plus}d.is_current = 1 AND d.status = 'ok'"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What an event list keeps, on machine values (a superset; see the module doc)."""

    type: str | None = None
    mode: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    participants: frozenset[str] | None = None  # any of these names (raw, as stored)
    pair: str | None = None  # only mentions whose cluster is in this pair's view
    also: frozenset[int] = frozenset()  # ids kept whatever their machine values


@dataclass(slots=True)
class _Query:
    """Tables (beyond `events e` and `documents d`) and conditions of an events query, each
    condition with its parameters in order."""

    tables: list[str]
    conds: list[tuple[str, list[Any]]]


def _reviewable(f: EventFilter, day: str) -> _Query:
    """The filters on values a review may change; `day`: the date key the query orders by."""
    out = _Query([], [])
    if f.participants is not None:
        names = sorted(f.participants) or [""]
        marks = ", ".join("?" for _ in names)
        out.tables.append("event_participants ep")
        out.conds.append((f"ep.event_id = e.id AND ep.name IN ({marks})", names))
    for column in ("type", "mode", "status"):
        if value := getattr(f, column):
            out.conds.append((f"e.{column} = ?", [value]))
    # `bilat.queries.in_range` compares at the shorter precision; these bounds keep every
    # date it keeps (any date of the years from `since` on, any date up to `until`'s end)
    if f.since:
        out.conds.append((f"{day} >= ?", [f.since[:4]]))
    if f.until:
        out.conds.append((f"{day} <= ?", [f.until + "~"]))
    if f.since or f.until:
        out.conds.append(("e.date IS NOT NULL", []))
    return out


def _start(db: Database, f: EventFilter) -> str:
    """Where a query starts: at an actor's names (`ep`) or a pair's mentions in date order
    (`pm`, `record_pair_mentions`) when they are under a fifth of the mentions, else at the
    events' date index; the last two read newest first and stop after `limit` matches. A
    pair that most mentions are in (the store's own) is checked per row by its keys, as
    PostgreSQL planned a hash join of every event with the pair's mentions otherwise. SQLite
    has no statistics to choose by itself; the CROSS JOINs fix its order (PostgreSQL plans
    them as it likes)."""
    mentions = mention_count(db, None)
    if f.participants is not None:
        names = sorted(f.participants) or [""]
        marks = ", ".join("?" for _ in names)
        n = db.scalar(f"SELECT COUNT(*) FROM event_participants WHERE name IN ({marks})", names)
        if int(n or 0) * 5 < mentions:
            return "ep"
    if f.pair is not None and mention_count(db, f.pair) * 5 < mentions:
        return "pm"
    return "e"


def _in_pair(pair: str, start: str) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    """The tables and conditions keeping the mentions of `pair`'s view: its mentions in
    date order when the query starts there, else each mention's cluster key and pairs."""
    if start == "pm":
        return ["record_pair_mentions pm"], [("pm.pair = ? AND pm.item_id = e.id", [pair])]
    return ["record_item_refs r", "record_item_pairs p"], [
        ("r.kind = 'events' AND r.item_id = e.id", []),
        ("p.kind = r.kind AND p.pos = r.pos AND p.pair = ?", [pair]),
    ]


def _rows(
    db: Database, f: EventFilter, before: tuple[str, int] | None, limit: int, ids: Sequence[int]
) -> list[dict[str, Any]]:
    """One ordered range of events (see `_start`; with `ids`, only those rows, whatever
    their reviewable values: read by key); see `current_docs`."""
    start = "e" if ids else _start(db, f)
    day, last = ("pm.day", "pm.item_id") if start == "pm" else (_RECENT, "e.id")
    q = _Query([], [(f"e.id IN ({', '.join('?' for _ in ids)})", list(ids))]) if ids else None
    q = q or _reviewable(f, day)
    tables = ["events e", "documents d", *q.tables]
    conds = [(f"d.id = e.doc_id AND {current_docs(db)}", []), *q.conds]
    if f.pair is not None:
        more_tables, more_conds = _in_pair(f.pair, start)
        tables, conds = [*tables, *more_tables], [*conds, *more_conds]
    first = {"e": "events e", "ep": "event_participants ep", "pm": "record_pair_mentions pm"}
    tables = [first[start], *[t for t in tables if t != first[start]]]
    if before is not None:
        conds.append((f"({day}, {last}) < (?, ?)", [before[0], before[1]]))
    sql = (
        f"SELECT e.* FROM {' CROSS JOIN '.join(tables)} "
        f"WHERE {' AND '.join(c for c, _ in conds)} "
        f"ORDER BY {day} DESC, {last} DESC LIMIT ?"
    )
    params = [p for _, ps in conds for p in ps]
    return db.all(sql, [*params, limit])


def event_rows(
    db: Database,
    f: EventFilter,
    *,
    before: tuple[str, int] | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Up to `limit` event rows of current documents matching `f`, newest first ((date or
    "", id) descending), all strictly before the cursor `before` (that key of the last row
    of the previous page). Rows of `f.also` come whatever their reviewable values."""
    rows = _rows(db, f, before, limit, ())
    if f.also:
        rows += _rows(db, f, before, limit, sorted(f.also))
    unique = {int(r["id"]): r for r in rows}  # a mention naming two of the names: one row
    ordered = sorted(unique.values(), key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return [decode(r) for r in ordered[:limit]]


def event_values(db: Database, column: str) -> list[str]:
    """The distinct values of `type` or `mode` over the current documents' events."""
    if column not in ("type", "mode"):
        raise ValueError(f"not an event list column: {column}")
    return distinct_values(db, "events", column)


def distinct_values(db: Database, table: str, column: str) -> list[str]:
    """The distinct values of an indexed column over the current documents' rows, sorted:
    one index seek per value (a skip scan), and for each a look for one current row, not a
    read of every row (`events.type`, `events.mode`, `figures.measure`)."""
    if (table, column) not in _INDEXED:
        raise ValueError(f"no index to list {table}.{column} by")
    has_current = (
        f"SELECT 1 FROM {table} i CROSS JOIN documents d WHERE i.{column} = ? "
        f"AND d.id = i.doc_id AND {current_docs(db)} LIMIT 1"
    )
    out = []
    value = db.scalar(f"SELECT MIN({column}) FROM {table}")
    while value is not None:
        if db.scalar(has_current, (value,)) is not None:
            out.append(str(value))
        value = db.scalar(f"SELECT MIN({column}) FROM {table} WHERE {column} > ?", (value,))
    return sorted(out)  # in Python's order, whatever the database's collation


def figure_rows(
    db: Database,
    measure: str | None,
    *,
    also: Sequence[int] = (),
    after: tuple[int, int] | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Figure rows of current documents (with this stored measure, plus `also`), in the
    order `bilat.store.queries.item_rows` gives (document, id); with `after` (that key of
    the last row of the previous page) and `limit`, one page of them."""
    conds: list[str] = []
    params: list[Any] = []
    if measure is not None:
        cond = "f.measure = ?"
        params.append(measure)
        if also:
            cond = f"({cond} OR f.id IN ({', '.join('?' for _ in also)}))"
            params += list(also)
        conds.append(cond)
    if after is not None:
        conds.append("(f.doc_id, f.id) > (?, ?)")
        params += [after[0], after[1]]
    where = "".join(f" AND {c}" for c in conds)
    sql = (
        f"SELECT f.* FROM figures f JOIN documents d ON d.id = f.doc_id "
        f"WHERE {current_docs(db)}{where} ORDER BY f.doc_id, f.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [decode(r) for r in db.all(sql, params)]


def figure_measures(db: Database) -> list[str]:
    """The distinct measures of current documents' figures (the measure index)."""
    return distinct_values(db, "figures", "measure")


def named_rows(
    db: Database,
    table: str,
    names: Iterable[str],
    *,
    also: Sequence[int] = (),
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Up to `limit` rows of current documents, newest document first, naming one of `names`
    (as written): figures by who said them, agreements and commitments by their parties
    (`item_parties`); rows of `also` whatever they name. Each name is one index range read
    newest first (migration 016) and stops after `limit` current rows; the ranges are merged
    here (every row naming an actor, sorted, was 130 ms for 3,555 commitments at 100k)."""
    current = f"d.id = i.doc_id AND {current_docs(db)}"
    if table == "figures":
        sql = (
            f"SELECT i.* FROM figures i CROSS JOIN documents d WHERE i.said_by = ? AND {current} "
            "ORDER BY i.doc_id DESC, i.id DESC LIMIT ?"
        )
        params: list[list[Any]] = [[name, limit] for name in sorted(set(names))]
    elif table in ("agreements", "commitments"):
        sql = (
            f"SELECT i.* FROM item_parties p CROSS JOIN {table} i CROSS JOIN documents d "
            f"WHERE p.kind = ? AND p.name = ? AND i.id = p.item_id AND {current} "
            "ORDER BY p.doc_id DESC, p.item_id DESC LIMIT ?"
        )
        params = [[table, name, limit] for name in sorted(set(names))]
    else:
        raise ValueError(f"no names index for {table}")
    rows = [r for ps in params for r in db.all(sql, ps)]
    if also:
        marks = ", ".join("?" for _ in also)
        rows += db.all(
            f"SELECT i.* FROM {table} i CROSS JOIN documents d WHERE i.id IN ({marks}) "
            f"AND {current}",
            list(also),
        )
    unique = {int(r["id"]): r for r in rows}  # a row naming two of the names: once
    ordered = sorted(unique.values(), key=lambda r: (r["doc_id"], r["id"]), reverse=True)
    return [decode(r) for r in ordered[:limit]]


_KINDS = ("events", "figures", "agreements", "commitments", "actors")


def _chunked(db: Database, sql: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    """`sql` (with `{marks}` for an IN list, once or more) run over `ids` in chunks. Rows
    joined to their documents name the ids for both tables (`d.id IN` too): PostgreSQL
    otherwise hashed every current document (a Seq Scan) for a few hundred."""
    wanted = sorted(set(ids))
    out: list[dict[str, Any]] = []
    times = sql.count("{marks}")
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        out += db.all(sql.format(marks=", ".join("?" for _ in chunk)), chunk * times)
    return out


def _table(kind: str) -> str:
    if kind not in _KINDS:
        raise ValueError(f"not an item table: {kind}")
    return kind


def rows_of_documents(db: Database, kind: str, doc_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The rows of `kind` of these documents (current ones only), by document and id."""
    sql = (
        f"SELECT i.* FROM {_table(kind)} i JOIN documents d ON d.id = i.doc_id "
        f"WHERE i.doc_id IN ({{marks}}) AND d.id IN ({{marks}}) AND {_CURRENT}"
    )
    rows = _chunked(db, sql, doc_ids)
    return [decode(r) for r in sorted(rows, key=lambda r: (r["doc_id"], r["id"]))]


def claims_of_documents(db: Database, kind: str, doc_ids: Iterable[int]) -> list[dict[str, Any]]:
    """What a record claim is matched by (id, doc_id, span, value) and what a review may
    change of it (value_max, unit, qualifier), of the figure rows of these documents."""
    if kind != "figures":
        raise ValueError(f"not a table of claims: {kind}")
    sql = (
        "SELECT i.id, i.doc_id, i.start_pos, i.end_pos, i.value, i.value_max, i.unit, "
        "i.qualifier FROM figures i JOIN documents d ON d.id = i.doc_id "
        f"WHERE i.doc_id IN ({{marks}}) AND d.id IN ({{marks}}) AND {_CURRENT}"
    )
    return _chunked(db, sql, doc_ids)


def quotes_of_documents(db: Database, kind: str, doc_ids: Iterable[int]) -> list[dict[str, Any]]:
    """id, doc_id and quote of the rows of `kind` of these (current) documents."""
    sql = (
        f"SELECT i.id, i.doc_id, i.quote FROM {_table(kind)} i JOIN documents d "
        f"ON d.id = i.doc_id WHERE i.doc_id IN ({{marks}}) AND d.id IN ({{marks}}) AND {_CURRENT}"
    )
    return _chunked(db, sql, doc_ids)


def _current(db: Database, kind: str, cols: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    sql = (
        f"SELECT {cols} FROM {_table(kind)} i JOIN documents d ON d.id = i.doc_id "
        f"WHERE i.id IN ({{marks}}) AND {_CURRENT}"
    )
    return _chunked(db, sql, ids)


def current_ids(db: Database, kind: str, ids: Iterable[int]) -> list[int]:
    """Those of `ids` that are rows of current documents (by primary key)."""
    return [int(r["id"]) for r in _current(db, kind, "i.id", ids)]


def current_figures(db: Database, ids: Iterable[int]) -> list[dict[str, Any]]:
    """id, flow and document pair of those of `ids` that are current figure rows."""
    return _current(db, "figures", "i.id, i.flow, d.pair", ids)


def documents_of(db: Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """id -> the document fields items are shown with, for these documents only."""
    cols = "id, name, title, published, source, url, status, is_current, pair"
    rows = _chunked(db, f"SELECT {cols} FROM documents WHERE id IN ({{marks}})", ids)
    return {int(r["id"]): r for r in rows}
