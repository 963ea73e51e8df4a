"""The stored events an update's replay reaches, read by type and dates, not all of them.

    event_shelf(db, low, high, days, earliest) -> document ids
    event_reach(db) -> years
    event_outlines_of(db, docs) -> outlines
    event_documents_of(db, ids) -> document ids

An event's first date is a string `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`_dates.date_span`), so
its first day is at or before a day `high` exactly when the string is (`<=` on the ISO day):
a year or month sorts before its days. Its last day is at or after a day `low` when its date
is `low`'s day or later, or is `low`'s month or year itself (`days`); or, for an event dated
to a span (`date_end`), when its first date is at most `event_reach` years before `low`
(read from migration 029's index). The caller keeps, of the documents given, the events
whose span and publication do reach its month (`_event_replay._months_of`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from bilat.store.db import Database
from bilat.store.items import chunks

__all__ = ["event_documents_of", "event_outlines_of", "event_reach", "event_shelf"]

_CHUNK = 500


def event_reach(db: Database) -> int:
    """The most years an event's span (`date` to `date_end`) reaches past its first date's
    year (its distinct year pairs, from the index of migration 029)."""
    sql = (
        "SELECT DISTINCT substr(date, 1, 4) AS a, substr(date_end, 1, 4) AS b FROM events "
        "WHERE date_end IS NOT NULL"
    )
    reach = 0
    for a, b in db.execute(sql).fetchall():
        if a and b and str(a).isdigit() and str(b).isdigit():
            reach = max(reach, int(b) - int(a))
    return reach


def event_shelf(
    db: Database, low: str, high: str, days: Collection[str], earliest: str
) -> set[int]:
    """The documents with an event whose first date is at or before `high` and whose last
    may be at or after `low` (ISO days): dated from `low` to `high`, or to one of `days`
    (`low`'s month and year), or to a span from `earliest` on. Of every type and mode: the
    types and modes of a month are read at once (the index on `COALESCE(date, '')`)."""
    found: set[int] = set()
    sql = (
        "SELECT DISTINCT doc_id FROM events "
        "WHERE COALESCE(date, '') >= ? AND COALESCE(date, '') <= ?"
    )
    found.update(int(r[0]) for r in db.execute(sql, (low, high)).fetchall())
    if days:
        marks = ", ".join("?" for _ in days)
        sql = f"SELECT DISTINCT doc_id FROM events WHERE COALESCE(date, '') IN ({marks})"
        found.update(int(r[0]) for r in db.execute(sql, tuple(days)).fetchall())
    sql = (
        "SELECT DISTINCT doc_id FROM events WHERE date_end IS NOT NULL AND date >= ? AND date <= ?"
    )
    found.update(int(r[0]) for r in db.execute(sql, (earliest, high)).fetchall())
    return found


def event_outlines_of(
    db: Database, docs: Collection[int]
) -> Iterator[tuple[int, int, str, str, str | None, str | None]]:
    """`items.event_outlines` of these documents' events (in document and id order)."""
    for part in chunks(sorted(docs), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = (
            "SELECT id, doc_id, type, mode, date, date_end FROM events "
            f"WHERE doc_id IN ({marks}) ORDER BY doc_id, id"
        )
        yield from db.execute(sql, part).fetchall()


def event_documents_of(db: Database, ids: Collection[int]) -> set[int]:
    """The documents of these events (by id)."""
    found: set[int] = set()
    for part in chunks(sorted(ids), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT DISTINCT doc_id FROM events WHERE id IN ({marks})"
        found.update(int(r[0]) for r in db.execute(sql, part).fetchall())
    return found
