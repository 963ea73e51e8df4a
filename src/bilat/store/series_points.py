"""The record's series point by point (migration 022): a series entry's payload holds
`"points": null`, its points are `record_series_points` rows, one per period, keyed by the
series' item key (its quantity) and the period.

    split_series(item)                the entry as stored and its points (plain)
    point_rows(series, points)        the rows of some points of a series
    counted(points)                   their claims per document and per speaker
    attach_points(db, items)          put each series entry's points back (readers)
    some_points(db, wanted)           stored series with the points of some periods only
    drop_points(db, series, periods)  remove some points (all: None) of a series
    move_counts(db, series, delta)    move a series' kept counts
    names_of(db, series)              the speakers of each series' claims (kept counts)
    fill_series_points(db)            split the series written before 022 (once)

Beside its points, a series keeps what its entry needs of every point
(`record_series_counts`): its claims per document (`doc`: the pairs it is filed under) and
per speaker (`name`: the actor names it counts, `bilat.pairview.named`). The Russia-China
trade turnover in USD holds 60,599 claims (29 MB of JSON) at 100,000 documents: an update
whose figures reach a few of its periods reads and writes those points and moves those
counts, not the whole entry. A reader sees each entry as it was written whole
(`attach_points`: the points in period order). An entry whose payload still holds its
points (a record written before the migration) is read as it is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from bilat.reconcile._series_delta import QUANTITY, SomePoints, filed_by_flow
from bilat.reconcile.figures import period_order
from bilat.store.db import Database
from bilat.store.record_order import sort_key

__all__ = [
    "attach_points",
    "counted",
    "drop_points",
    "fill_series_points",
    "move_counts",
    "names_of",
    "point_rows",
    "series_key",
    "some_points",
    "split_series",
]

_CHUNK = 500
_DOC, _NAME = "doc", "name"
Count = tuple[str, str]  # (what, value): ("doc", "123") or ("name", "Mishustin")


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def series_key(item: Mapping[str, Any]) -> str:
    """A series' item key (its sort key: its quantity)."""
    return sort_key("series", {f: item.get(f) for f in QUANTITY}, -1)


def split_series(item: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The entry as its payload holds it (`"points": None`, in its place) and its points."""
    return {**item, "points": None}, list(item.get("points") or [])


def point_rows(series: str, points: Iterable[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(series, str(p["period"]), _dumps(p)) for p in points]


def counted(points: Iterable[dict[str, Any]]) -> Counter[Count]:
    """The claims of `points` per document and per speaker (as `named` reads them)."""
    out: Counter[Count] = Counter()
    for p in points:
        for c in p.get("claims") or []:
            out[(_DOC, str(c["doc_id"]))] += 1
            out[(_NAME, c.get("said_by") or "")] += 1
    return out


def count_rows(series: str, counts: Counter[Count]) -> list[tuple[str, str, str, int]]:
    return [(series, what, value, n) for (what, value), n in sorted(counts.items()) if n]


def _points(db: Database, series: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Series key -> its stored points, in period order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for chunk in _chunks(sorted(set(series))):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT series, payload FROM record_series_points WHERE series IN ({marks})"
        cur = db.execute(sql, list(chunk))
        while rows := cur.fetchmany(200):
            for key, payload in rows:
                out.setdefault(str(key), []).append(json.loads(payload))
    for points in out.values():
        points.sort(key=lambda p: period_order(p["period"]))
    return out


def attach_points(db: Database, items: Sequence[dict[str, Any]]) -> None:
    """Give each series entry of `items` read with `"points": None` its points."""
    bare = {series_key(item): item for item in items if item.get("points", ()) is None}
    found = _points(db, list(bare))
    for key, item in bare.items():
        item["points"] = found.get(key, [])


def some_points(db: Database, wanted: Mapping[str, Collection[str]]) -> list[SomePoints]:
    """The stored series of these keys (those the record has, in record order), each with
    its points of the given periods only and its claims per document (`SomePoints`; not
    read for a series filed by its flow)."""
    keys = sorted(wanted)
    rows: list[tuple[int, dict[str, Any]]] = []
    for chunk in _chunks(keys):
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT pos, payload FROM record_items WHERE kind = 'series' AND item_key IN ({marks})"
        )
        rows += [(int(pos), json.loads(text)) for pos, text in db.execute(sql, list(chunk))]
    out = []
    for _, item in sorted(rows, key=lambda r: r[0]):
        key, periods = series_key(item), set(wanted[series_key(item)])
        if item.get("points") is not None:  # written before migration 022: whole
            docs = _docs(counted(item["points"]))
            item["points"] = [p for p in item["points"] if p["period"] in periods]
        else:
            by_flow = filed_by_flow(item.get("flow"))
            docs = Counter[int]() if by_flow else _docs(_counts(db, key, _DOC))
            item["points"] = _periods(db, key, sorted(periods))
        out.append(SomePoints(item, docs))
    return out


def _docs(counts: Mapping[Count, int]) -> Counter[int]:
    return Counter({int(v): n for (w, v), n in counts.items() if w == _DOC and n > 0})


def _counts(db: Database, series: str, what: str) -> Counter[Count]:
    sql = "SELECT value, n FROM record_series_counts WHERE series = ? AND what = ?"
    return Counter({(what, str(v)): int(n) for v, n in db.execute(sql, (series, what))})


def _periods(db: Database, series: str, periods: Sequence[str]) -> list[dict[str, Any]]:
    """A series' stored points of these periods, in period order."""
    points = []
    for chunk in _chunks(periods):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT payload FROM record_series_points WHERE series = ? AND period IN ({marks})"
        points += [json.loads(r[0]) for r in db.execute(sql, [series, *chunk]).fetchall()]
    return sorted(points, key=lambda p: period_order(p["period"]))


def names_of(db: Database, series: Collection[str]) -> dict[str, set[str]]:
    """Series key -> the speakers of its claims (as `named` reads them: "" for none)."""
    out: dict[str, set[str]] = {key: set() for key in series}
    for chunk in _chunks(sorted(out)):
        marks = ", ".join("?" for _ in chunk)
        sql = (
            "SELECT series, value FROM record_series_counts WHERE what = ? AND n > 0 "
            f"AND series IN ({marks})"
        )
        for key, value in db.execute(sql, [_NAME, *chunk]).fetchall():
            out[str(key)].add(str(value))
    return out


def drop_points(db: Database, series: str, periods: Collection[str] | None) -> None:
    """Remove the points of these `periods` of a series; None: every point and count."""
    if periods is None:
        db.execute("DELETE FROM record_series_points WHERE series = ?", (series,))
        db.execute("DELETE FROM record_series_counts WHERE series = ?", (series,))
        return
    for chunk in _chunks(sorted(set(periods))):
        marks = ", ".join("?" for _ in chunk)
        sql = f"DELETE FROM record_series_points WHERE series = ? AND period IN ({marks})"
        db.execute(sql, [series, *chunk])


def move_counts(db: Database, series: str, delta: Counter[Count]) -> None:
    """Move a series' kept counts by `delta` (a count at 0 is deleted, as a full write has
    none)."""
    wanted = sorted(k for k, n in delta.items() if n)
    now: dict[Count, int] = {}
    for what in sorted({w for w, _ in wanted}):
        values = [v for w, v in wanted if w == what]
        for chunk in _chunks(values):
            marks = ", ".join("?" for _ in chunk)
            sql = (
                "SELECT value, n FROM record_series_counts WHERE series = ? AND what = ? "
                f"AND value IN ({marks})"
            )
            for v, n in db.execute(sql, [series, what, *chunk]).fetchall():
                now[(what, str(v))] = int(n)
    added, moved, gone = [], [], []
    for key in wanted:
        after = now.get(key, 0) + delta[key]
        if key not in now:
            added.append((series, *key, after))
        elif after:
            moved.append((after, series, *key))
        else:
            gone.append((series, *key))
    where = "series = ? AND what = ? AND value = ?"
    db.insert_rows("record_series_counts", ("series", "what", "value", "n"), added)
    db.execute_many(f"UPDATE record_series_counts SET n = ? WHERE {where}", moved)
    db.execute_many(f"DELETE FROM record_series_counts WHERE {where}", gone)


def insert_points(
    db: Database, points: Sequence[tuple[str, str, str]], counts: Sequence[tuple[Any, ...]]
) -> None:
    db.insert_rows("record_series_points", ("series", "period", "payload"), points)
    db.insert_rows("record_series_counts", ("series", "what", "value", "n"), counts)


def fill_series_points(db: Database) -> int:
    """Split the series entries written before migration 022 (their points in their
    payloads) into an entry, point rows and counts, in one transaction; the entries split
    (0: none left). A record written since has none such: the mark is gone with it."""
    if db.scalar("SELECT COUNT(*) FROM series_points_fill") == 0:
        return 0
    done = 0
    with db.transaction():
        sql = "SELECT pos FROM record_items WHERE kind = 'series' ORDER BY pos"
        positions = [int(r[0]) for r in db.execute(sql).fetchall()]
        for pos in positions:  # a series holds up to ~29 MB of points
            text = db.scalar(
                "SELECT payload FROM record_items WHERE kind = 'series' AND pos = ?", (pos,)
            )
            item = json.loads(str(text))
            if item.get("points") is None:
                continue
            entry, points = split_series(item)
            key = series_key(entry)
            drop_points(db, key, None)
            insert_points(db, point_rows(key, points), count_rows(key, counted(points)))
            db.execute(
                "UPDATE record_items SET payload = ? WHERE kind = 'series' AND pos = ?",
                (_dumps(entry), pos),
            )
            done += 1
        db.execute("DELETE FROM series_points_fill")
    return done
