"""Figure rows counted per group when the record is written, so the figures page of a measure
reads its groups instead of counting every row of the measure per request.

    count(db)                       fill `record_figure_groups` (with the record's keys)
    count(db, groups)               count again only these (measure, period) groups
    grown(db, groups, docs)         those groups moved by the rows of added documents (a patch)
    held(db, positions)             the groups of the conflicts at these positions
    conflicts_at(db, added)         keep the groups of the conflicts a patch added
    drop_conflicts(db, positions)   forget those of the conflicts it removed
    kept(db, measure, pair)         the measure's groups as `item_pages.figure_groups` gives them
    COLUMNS, GROUP                  the SQL of a figure row's group (rows `f`, documents `d`)

A group is a measure, quantity (flow, unit, kind, per), period, outlet, document pair and
qualifier: how many current rows, the lowest and highest value, the first row's id, the
earliest publication date, and the pair views of the open conflicts its rows are in (the
record's keys map a figure row to its conflict). The counts hold while the record is current;
reviews are not in them (the page counts the periods of reviewed rows again). Which
conflicts each group's rows are in is kept beside them (`record_conflict_groups`, migration
024: a group and a conflict's position), so a patch reads a touched group's conflicts by
index, not every figure row of its measure and period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bilat.store.db import Database

__all__ = [
    "COLUMNS",
    "GROUP",
    "NAMES",
    "Group",
    "conflicts_at",
    "count",
    "drop_conflicts",
    "grown",
    "held",
    "kept",
]

NAMES = ("flow", "unit", "kind", "per", "period", "outlet", "doc_pair", "qualifier")
COLUMNS = (  # of NAMES, for figure rows `f` and their documents `d`
    "COALESCE(f.flow, '')",
    "f.unit",
    "f.kind",
    "COALESCE(f.per, '')",
    "COALESCE(f.period, '')",
    "COALESCE(d.source, '')",
    "COALESCE(d.pair, '')",
    "f.qualifier",
)
GROUP = ", ".join(COLUMNS)
_CURRENT = "d.id = f.doc_id AND d.is_current = 1 AND d.status = 'ok'"
_COLS = ", ".join(NAMES)
_CHUNK = 500
_GROUPS = 100  # groups per OR list
_INSERT = (
    f"INSERT INTO record_figure_groups (measure, {_COLS}, n, low, high, first_id, published, "
    "conflicted, pairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


_AGGREGATES = (  # n, low, high, first_id, published
    "COUNT(*), MIN(f.value), MAX(COALESCE(f.value_max, f.value)), MIN(f.id), "
    "MIN(COALESCE(d.published, ''))"
)

Group = tuple[str, str]  # a measure and a period ('' for none), as the table keys them


def _of(groups: Sequence[Group], figure: str = "f.") -> tuple[str, list[str]]:
    """The SQL condition (after WHERE 1 = 1) and parameters selecting the figure rows (or,
    with `figure` empty, the counted groups) of `groups`; every one when `groups` is empty."""
    if not groups:
        return "", []
    terms, params = [], []
    for measure, period in groups:
        if period or not figure:
            terms.append(f"({figure}measure = ? AND {figure}period = ?)")
            params += [measure, period]
        else:  # the rows with no period (stored NULL); each term by the measure index
            terms.append(f"({figure}measure = ? AND {figure}period IS NULL)")
            terms.append(f"({figure}measure = ? AND {figure}period = '')")
            params += [measure, measure]
    return f" AND ({' OR '.join(terms)})", params


def _conflict_pairs(db: Database, groups: Sequence[Group]) -> dict[tuple[Any, ...], set[str]]:
    """Group (measure first) -> the pair views of the conflicts its rows are in (none: the
    group is in a conflict of no view all the same), of `groups` (every one when empty), from
    the kept conflicts of each group (`record_conflict_groups`). Each conflict's views are
    read once, by position."""
    where, params = _of(groups, "")
    sql = f"SELECT measure, {_COLS}, pos FROM record_conflict_groups WHERE 1 = 1{where}"
    rows = db.execute(sql, params).fetchall()
    views = _views(db, sorted({int(row[9]) for row in rows}) if groups else None)
    out: dict[tuple[Any, ...], set[str]] = {}
    for row in rows:
        out.setdefault(tuple(row[:9]), set()).update(views.get(int(row[9]), ()))
    return out


def _conflicted(db: Database, groups: Sequence[Group]) -> list[tuple[Any, ...]]:
    """(measure, group, conflict position) of the conflicts the current rows of `groups`
    (every one when empty) are in, as the record's keys map figure rows to conflicts."""
    where, params = _of(groups)
    join = " CROSS JOIN " if groups else ", "  # a few groups: their rows first, by the
    # measure index (SQLite keeps a CROSS JOIN's order); every one: as the planner likes
    tables = join.join(("figures f", "record_item_refs r", "documents d"))
    return [
        tuple(row)
        for row in db.execute(
            f"SELECT f.measure, {GROUP}, r.pos FROM {tables} WHERE r.kind = 'conflicts' "
            f"AND f.id = r.item_id AND {_CURRENT}{where} GROUP BY f.measure, {GROUP}, r.pos",
            params,
        ).fetchall()
    ]


def _keep(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    db.execute_many(
        f"INSERT INTO record_conflict_groups (measure, {_COLS}, pos) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def held(db: Database, positions: Sequence[int]) -> dict[int, list[tuple[Any, ...]]]:
    """Conflict position -> the groups (measure first, as `record_conflict_groups` keeps
    them) its rows are in, of the conflicts at `positions`."""
    out: dict[int, list[tuple[Any, ...]]] = {}
    for i in range(0, len(positions), _CHUNK):
        chunk = list(positions[i : i + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT measure, {_COLS}, pos FROM record_conflict_groups WHERE pos IN ({marks})"
        for row in db.execute(sql, chunk).fetchall():
            out.setdefault(int(row[9]), []).append(tuple(row[:9]))
    return out


def conflicts_at(
    db: Database, added: Mapping[int, tuple[Sequence[tuple[Any, ...]], Sequence[int]]]
) -> set[Group]:
    """Keep the groups of the conflicts a patch added (position -> the groups of a removed
    conflict it holds every row of, and the figure rows it holds besides, by id: a conflict
    gaining the added documents' claims reads those alone); their measures and periods."""
    rows = {(*group, pos) for pos, (kept, _) in added.items() for group in kept}
    at = {i: pos for pos, (_, ids) in added.items() for i in ids}
    wanted = sorted(at)
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT f.id, f.measure, {GROUP} FROM figures f CROSS JOIN documents d "
            f"WHERE f.id IN ({marks}) AND {_CURRENT}"
        )
        rows.update((*row[1:], at[int(row[0])]) for row in db.execute(sql, chunk).fetchall())
    _keep(db, sorted(rows))
    return {(str(r[0]), str(r[5])) for r in rows}


def drop_conflicts(db: Database, positions: Sequence[int]) -> None:
    """Forget the groups of the conflicts at `positions` (removed by a patch)."""
    for i in range(0, len(positions), _CHUNK):
        chunk = list(positions[i : i + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM record_conflict_groups WHERE pos IN ({marks})", chunk)


def _views(db: Database, positions: Sequence[int] | None) -> dict[int, set[str]]:
    """Conflict position -> its pair views, of these positions (every conflict: None)."""
    chunks = (
        [None]
        if positions is None
        else [positions[i : i + _CHUNK] for i in range(0, len(positions), _CHUNK)]
    )
    views: dict[int, set[str]] = {}
    for chunk in chunks:
        marks = f" AND pos IN ({', '.join('?' for _ in chunk)})" if chunk is not None else ""
        sql = f"SELECT pair, pos FROM record_item_pairs WHERE kind = 'conflicts'{marks}"
        for pair, pos in db.execute(sql, chunk or []).fetchall():
            views.setdefault(int(pos), set()).add(str(pair))
    return views


def count(db: Database, groups: Iterable[Group] | None = None) -> None:
    """Count the current documents' figure rows per group (after the record's keys): every
    group (the table empty), or, given `groups` (measures and periods), those again."""
    if groups is None:
        db.execute("DELETE FROM record_conflict_groups")
        _keep(db, _conflicted(db, []))
        _count(db, [])
        return
    wanted = sorted(set(groups))
    for i in range(0, len(wanted), _GROUPS):
        chunk = wanted[i : i + _GROUPS]
        where, params = _of(chunk, "")
        db.execute(f"DELETE FROM record_figure_groups WHERE 1 = 1{where}", params)
        db.execute(f"DELETE FROM record_conflict_groups WHERE 1 = 1{where}", params)
        _keep(db, _conflicted(db, chunk))
        _count(db, chunk)


def grown(db: Database, groups: Iterable[Group], docs: Sequence[int]) -> None:
    """After documents were only added (`docs`, no row of another document gone): the kept
    counts of `groups` (measures and periods: of the rows added and of the conflicts the
    patch removed or added) moved by the added rows alone, their conflicts' views read
    again from the kept conflicts of each group (`conflicts_at` and `drop_conflicts` keep
    them right first)."""
    wanted = sorted(set(groups))
    for i in range(0, len(wanted), _GROUPS):
        chunk = wanted[i : i + _GROUPS]
        where, params = _of(chunk, "")
        sql = (
            f"SELECT measure, {_COLS}, n, low, high, first_id, published FROM record_figure_groups"
        )
        rows = {tuple(r[:9]): tuple(r[9:]) for r in db.execute(f"{sql} WHERE 1 = 1{where}", params)}
        for key, counts in _added(db, chunk, docs).items():
            rows[key] = _merged(rows[key], counts) if key in rows else counts
        conflicts = _conflict_pairs(db, chunk)
        db.execute(f"DELETE FROM record_figure_groups WHERE 1 = 1{where}", params)
        db.execute_many(
            _INSERT, [(*key, *counts, *_view(conflicts.get(key))) for key, counts in rows.items()]
        )


def _added(
    db: Database, groups: Sequence[Group], docs: Sequence[int]
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Group key -> (n, low, high, first_id, published) of the rows of `docs` in `groups`."""
    where, params = _of(groups)
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for i in range(0, len(docs), _CHUNK):
        chunk = list(docs[i : i + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(
            f"SELECT f.measure, {GROUP}, {_AGGREGATES} FROM figures f, documents d "
            f"WHERE {_CURRENT} AND f.doc_id IN ({marks}){where} GROUP BY f.measure, {GROUP}",
            [*chunk, *params],
        ).fetchall():
            key, counts = tuple(row[:9]), tuple(row[9:])
            out[key] = _merged(out[key], counts) if key in out else counts
    return out


def _merged(a: Sequence[Any], b: Sequence[Any]) -> tuple[Any, ...]:
    """The counts of a group's rows from those of two parts of them."""
    return (a[0] + b[0], min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3]), min(a[4], b[4]))


def _view(pairs: set[str] | None) -> tuple[int, str]:
    """`conflicted` and `pairs` of a group from its conflicts' views (None: in none)."""
    return int(pairs is not None), "|" + "|".join(sorted(p for p in pairs or () if p)) + "|"


def _count(db: Database, groups: Sequence[Group]) -> None:
    """Insert the counts of `groups` (every group when empty)."""
    conflicts = _conflict_pairs(db, groups)
    where, params = _of(groups)
    join = "CROSS JOIN" if groups else ","  # as in `_conflicted`
    rows = db.execute(
        f"SELECT f.measure, {GROUP}, {_AGGREGATES} FROM figures f {join} documents d "
        f"WHERE {_CURRENT}{where} GROUP BY f.measure, {GROUP}",
        params,
    ).fetchall()
    db.execute_many(_INSERT, [(*row, *_view(conflicts.get(tuple(row[:9])))) for row in rows])


def kept(db: Database, measure: str, pair: str | None) -> list[dict[str, Any]]:
    """The measure's counted groups (the measure is the key's first column): `conflicted`
    for `pair`'s view, as `item_pages.figure_groups` counts them."""
    rows = db.all(
        f"SELECT {_COLS}, n, low, high, first_id, published, conflicted, pairs "
        "FROM record_figure_groups WHERE measure = ?",
        (measure,),
    )
    for r in rows:
        r["conflicted"] = int(r["conflicted"]) if pair is None else int(f"|{pair}|" in r["pairs"])
        del r["pairs"]
    return rows
