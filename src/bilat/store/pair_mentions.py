"""Each event mention of a pair's view, in the timeline's order, so a pair's timeline is one
index range read newest first (`bilat.store.item_lists`), not a walk of every mention.

    pair_mentions(db, positions)   write the rows of the event clusters at these positions

`record_pair_mentions` (migration 015) keys each mention of a cluster filed under a pair by
(pair, day, mention id), where day is the mention's stored date or '' (`COALESCE(date, '')`,
the order event lists use), with its cluster's position: the record's keys
(`bilat.store.record_keys`) write them with the clusters and drop them by position.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bilat.store.db import Database

__all__ = ["pair_mentions"]

_CHUNK = 500
# every cluster's mentions: from the pairs (SQLite: no index on a pair row's position alone)
_EVERY = (
    "SELECT p.pair, COALESCE(e.date, ''), e.id, r.pos FROM record_item_pairs p "
    "CROSS JOIN record_item_refs r CROSS JOIN events e WHERE p.kind = 'events' "
    "AND r.kind = p.kind AND r.pos = p.pos AND e.id = r.item_id"
)


def pair_mentions(db: Database, pairs_at: Mapping[int, Sequence[str]] | None) -> None:
    """Write the `record_pair_mentions` rows of the event clusters at these positions (->
    the pairs each is filed under; None: every cluster, from `record_item_pairs`), read
    from their keys (`record_item_refs`, written before)."""
    if pairs_at is None:
        db.execute(f"INSERT INTO record_pair_mentions (pair, day, item_id, pos) {_EVERY}")
        return
    rows: list[tuple[str, str, int, int]] = []
    positions = sorted(p for p, pairs in pairs_at.items() if pairs)
    for i in range(0, len(positions), _CHUNK):
        chunk = positions[i : i + _CHUNK]
        sql = (
            "SELECT r.pos, COALESCE(e.date, '') AS day, e.id FROM record_item_refs r "
            "CROSS JOIN events e WHERE r.kind = 'events' AND e.id = r.item_id "
            f"AND r.pos IN ({', '.join('?' for _ in chunk)})"
        )
        for pos, day, item_id in db.execute(sql, chunk).fetchall():
            rows += [(pair, str(day), int(item_id), int(pos)) for pair in pairs_at[int(pos)]]
    db.execute_many(
        "INSERT INTO record_pair_mentions (pair, day, item_id, pos) VALUES (?, ?, ?, ?)", rows
    )
