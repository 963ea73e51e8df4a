"""Item rows by key, for permalinks and statement pages: primary keys and index ranges only.

    rows_by_id(db, kind, ids)                   current rows of `kind` with these ids
    refs_at(db, kind, pos)                      ids of the rows a record entry holds
    quantity_rows(db, measure, period, also=)   figure rows of one measure and period (and
                                                quantity)
    headline_rows(db, measure, period, quantity)  the same, only what a chart's headline
                                                reads of them (no quote, no evidence)
    conflicted_rows(db, measure, period, quantity, pair)  those of them in a conflict (of
                                                `pair`'s view), in order, a batch at a time
    statement_rows(db, kind, after=, limit=)    agreement/commitment rows in list order
                                                (document, id), one keyset range
    figure_groups(db, measure, pair)            a measure's figure rows counted per
                                                quantity, period, outlet and qualifier
    rows_of_quantities(db, measure, quantities)  a measure's rows of some quantities
    periods_of(db, measure, ids)                the stored periods of some rows

Rows are of current documents (`is_current`, status ok), as the lists show them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from bilat.store import figure_groups as fg
from bilat.store.db import Database
from bilat.store.item_lists import current_docs
from bilat.store.queries import decode

__all__ = [
    "conflicted_rows",
    "figure_groups",
    "headline_rows",
    "periods_of",
    "quantity_rows",
    "refs_at",
    "rows_by_id",
    "rows_of_quantities",
    "statement_rows",
]


_KINDS = ("events", "figures", "agreements", "commitments", "actors")
_CHUNK = 500
_BATCH = 512  # rows of a quantity looked at a time for conflicted ones, at most
_QUANTITY = "COALESCE(f.flow, '') = ? AND f.unit = ? AND f.kind = ? AND COALESCE(f.per, '') = ?"


def _table(kind: str) -> str:
    if kind not in _KINDS:
        raise ValueError(f"not an item table: {kind}")
    return kind


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def rows_by_id(db: Database, kind: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    """The rows of `kind` with these ids that belong to current documents, by id."""
    wanted = sorted(set(ids))
    out: list[dict[str, Any]] = []
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        out += db.all(
            f"SELECT i.* FROM {_table(kind)} i CROSS JOIN documents d WHERE "
            f"i.id IN ({_marks(chunk)}) AND d.id = i.doc_id AND {current_docs(db)}",
            chunk,
        )
    return [decode(r) for r in sorted(out, key=lambda r: int(r["id"]))]


def refs_at(db: Database, kind: str, pos: int) -> list[int]:
    """Ids of the item rows keyed to the record entry of `kind` at `pos`."""
    rows = db.all("SELECT item_id FROM record_item_refs WHERE kind = ? AND pos = ?", (kind, pos))
    return [int(r["item_id"]) for r in rows]


def quantity_rows(
    db: Database,
    measure: str,
    period: str | None,
    *,
    also: Sequence[int] = (),
    quantity: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Figure rows of current documents whose stored measure and period are these (the
    `figures_measure` index), of one (flow, unit, kind, per) `quantity` if given ("" for
    none), plus the rows `also` names (edited ones), by document and id."""
    cond = "f.measure = ? AND " + ("f.period IS NULL" if period is None else "f.period = ?")
    params: list[Any] = [measure] + ([] if period is None else [period])
    if quantity is not None:
        cond += f" AND {_QUANTITY}"
        params += list(quantity)
    if also:
        cond = f"(({cond}) OR f.id IN ({_marks(also)}))"
        params += list(also)
    rows = db.all(
        f"SELECT f.* FROM figures f CROSS JOIN documents d WHERE {cond} AND d.id = f.doc_id "
        f"AND {current_docs(db)}",
        params,
    )  # sorted here: ORDER BY made SQLite read the whole measure by (measure, doc_id, id)
    return [decode(r) for r in sorted(rows, key=lambda r: (int(r["doc_id"]), int(r["id"])))]


_HEADLINE = (
    "f.id, f.doc_id, f.measure, f.flow, f.unit, f.kind, f.per, f.period, f.value, f.value_max, "
    "f.qualifier, f.source_data, d.name AS doc, d.source AS outlet, d.pair AS doc_pair"
)


def headline_rows(
    db: Database, measure: str, period: str, quantity: Sequence[str]
) -> list[dict[str, Any]]:
    """The rows `quantity_rows(db, measure, period, quantity=quantity)` gives, by document
    and id, with only the columns a chart's headline reads and their document's name,
    outlet (`source`) and pair: the latest period of a large chart holds thousands."""
    rows = db.all(
        f"SELECT {_HEADLINE} FROM figures f CROSS JOIN documents d WHERE f.measure = ? AND "
        f"f.period = ? AND {_QUANTITY} AND d.id = f.doc_id AND {current_docs(db)}",
        [measure, period, *quantity],
    )
    return sorted(rows, key=lambda r: (int(r["doc_id"]), int(r["id"])))


def _conflicted(
    db: Database, cols: str, measure: str, period: str, quantity: Sequence[str], pair: str | None
) -> tuple[str, list[Any]]:
    """The query of `cols` over the rows `headline_rows` reads that the record keys to a
    conflict (`r.pos`; of `pair`'s view when given), and its parameters."""
    view, params = "", [measure, period, *quantity]
    if pair is not None:
        plus = "+" if db.dialect == "sqlite" else ""  # on the rows' keys, not the whole view
        view = (
            f" AND {plus}r.pos IN (SELECT p.pos FROM record_item_pairs p "
            "WHERE p.kind = 'conflicts' AND p.pair = ?)"
        )
        params.append(pair)
    sql = (
        f"SELECT {cols} FROM figures f CROSS JOIN documents d CROSS JOIN record_item_refs r "
        f"WHERE f.measure = ? AND f.period = ? AND {_QUANTITY} AND d.id = f.doc_id AND "
        f"{current_docs(db)} AND r.kind = 'conflicts' AND r.item_id = f.id{view}"
    )
    return sql, params


def conflicted_rows(
    db: Database, measure: str, period: str, quantity: Sequence[str], pair: str | None
) -> Iterator[dict[str, Any]]:
    """The rows `headline_rows` gives that the record keys to a conflict (of `pair`'s view
    when given), with the conflict's position (`pos`), by document and id, read a batch at a
    time as they are consumed (the first few cost a few rows): the next keys of the
    quantity's rows in that order (on SQLite one walk of `figures_measure_doc`), then the
    conflicted ones among them. Two statements, as PostgreSQL planned one as the period's
    whole range joined and sorted (it expects one row of the quantity filters)."""
    after: tuple[int, int] = (-1, -1)
    sql, params = _conflicted(db, f"{_HEADLINE}, r.pos", measure, period, quantity, pair)
    batch = 1  # most often the first is the one wanted
    while True:
        keys = db.all(
            f"SELECT f.doc_id, f.id FROM figures f WHERE f.measure = ? AND f.period = ? AND "
            f"{_QUANTITY} AND (f.doc_id, f.id) > (?, ?) ORDER BY f.doc_id, f.id LIMIT {batch}",
            [measure, period, *quantity, *after],
        )
        if keys:
            ids = [int(k["id"]) for k in keys]
            rows = db.all(f"{sql} AND f.id IN ({_marks(ids)})", [*params, *ids])
            yield from sorted(rows, key=lambda r: (int(r["doc_id"]), int(r["id"])))
        if len(keys) < batch:
            return
        after = (int(keys[-1]["doc_id"]), int(keys[-1]["id"]))
        batch = min(batch * 8, _BATCH)


def statement_rows(
    db: Database, kind: str, *, after: tuple[int, int] | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Up to `limit` agreement or commitment rows of current documents after the key
    `after` ((doc_id, id) of the last row of the previous page), in the order the whole list
    has them (document, id): one range of the `(doc_id, id)` index."""
    if kind not in ("agreements", "commitments"):
        raise ValueError(f"not a statement table: {kind}")
    cond, params = "", []
    if after is not None:
        cond = " AND (i.doc_id, i.id) > (?, ?)"
        params = [after[0], after[1]]
    rows = db.all(
        f"SELECT i.* FROM {kind} i CROSS JOIN documents d WHERE d.id = i.doc_id AND "
        f"{current_docs(db)}{cond} ORDER BY i.doc_id, i.id LIMIT ?",
        [*params, limit],
    )
    return [decode(r) for r in rows]


def figure_groups(
    db: Database,
    measure: str,
    pair: str | None,
    *,
    leave_out: Sequence[int] = (),
    periods: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """The figure rows of current documents with this stored measure (the measure index),
    counted per quantity (flow, unit, kind, per), period, outlet, document pair and
    qualifier: how many, the lowest value, the highest value (or value_max), the first row's
    id, the earliest publication date, and whether any is in an open conflict of `pair`'s
    view (`record_item_refs`). Rows of `leave_out` (reviewed ones) are not counted; with
    `periods`, only the rows of those periods ("" for none; the measure and period index).
    `figure_groups.kept` reads the same groups as counted with the record."""
    params: list[Any] = [] if pair is None else [pair]
    view = ""
    if pair is not None:
        view = (
            " AND r.pos IN (SELECT pos FROM record_item_pairs WHERE kind = 'conflicts' "
            "AND pair = ?)"
        )
    params.append(measure)
    skip = ""
    if periods is not None:
        named = sorted(p for p in periods if p)
        alone = ["f.period IS NULL"] if "" in periods else []
        some = [f"f.period IN ({_marks(named)})"] if named else []
        skip = f" AND ({' OR '.join([*alone, *some]) or 'FALSE'})"
        params += named
    if leave_out:
        skip += f" AND f.id NOT IN ({_marks(leave_out)})"
        params += list(leave_out)
    return db.all(
        f"SELECT {', '.join(f'{e} AS {n}' for e, n in zip(fg.COLUMNS, fg.NAMES, strict=True))}, "
        "COUNT(*) AS n, MIN(f.value) AS low, "
        "MAX(COALESCE(f.value_max, f.value)) AS high, MIN(f.id) AS first_id, "
        "MIN(COALESCE(d.published, '')) AS published, "
        "MAX(CASE WHEN r.pos IS NULL THEN 0 ELSE 1 END) AS conflicted "
        "FROM figures f CROSS JOIN documents d LEFT JOIN record_item_refs r "
        f"ON r.kind = 'conflicts' AND r.item_id = f.id{view} "
        f"WHERE f.measure = ? AND d.id = f.doc_id AND {current_docs(db)}{skip} "
        f"GROUP BY {fg.GROUP}",
        params,
    )


def periods_of(db: Database, measure: str, ids: Sequence[int]) -> set[str]:
    """The stored periods ("" for none) of the rows with these ids and stored measure."""
    found: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        rows = db.all(
            f"SELECT DISTINCT COALESCE(period, '') AS period FROM figures WHERE id IN "
            f"({_marks(chunk)}) AND measure = ?",
            [*chunk, measure],
        )
        found |= {str(r["period"]) for r in rows}
    return found


def rows_of_quantities(
    db: Database, measure: str, quantities: Iterable[tuple[str, str, str, str]]
) -> list[dict[str, Any]]:
    """Figure rows of current documents with this stored measure (the measure index) and
    one of these (flow, unit, kind, per) quantities ("" for none), by document and id."""
    wanted = sorted(set(quantities))
    if not wanted:
        return []
    one = f"({_QUANTITY})"
    rows = db.all(
        f"SELECT f.* FROM figures f CROSS JOIN documents d WHERE f.measure = ? AND "
        f"({' OR '.join(one for _ in wanted)}) AND d.id = f.doc_id AND {current_docs(db)} "
        "ORDER BY f.doc_id, f.id",
        [measure, *(v for q in wanted for v in q)],
    )
    return [decode(r) for r in rows]
