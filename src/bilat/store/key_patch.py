"""The record's page keys kept right entry by entry as a patch removes and adds entries.

    KeyPatch(db)                      drop a removed entry's keys, write an added one's, move
                                      the counts by the difference; `finish` writes them

Requires the keys a full write made (`bilat.store.record_keys`: `record_item_refs`,
`record_names`, `record_summaries`, `record_item_counts`) and the item rows of the added
documents; assigns those same rows for the entries the patch touched, each statement row
keyed to the first entry citing it as a full write keys it, and the figures page's groups
(`bilat.store.figure_groups`: with the groups of the conflicts removed and added) and pair
mentions of what changed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from bilat.store import agreement_entries, figure_groups
from bilat.store.db import Database
from bilat.store.pair_mentions import pair_mentions
from bilat.store.record_keys import EVERY, RAW, STATEMENTS, Keys, chunks, count_sql

__all__ = ["KeyPatch"]


class KeyPatch:
    """The keys kept right entry by entry as a patch (`bilat.store.record_patch`) removes and
    adds entries: a removed entry's keys go, an added one's are written (its item rows looked
    up in its own documents), and the counts move by the difference (mentions per pair by the
    removed and added clusters' keys, item rows by the added documents')."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.keys = Keys(db, local=True)
        self.mentions: Counter[str] = Counter()  # mention keys per pair, added - removed
        self.dropped: dict[str, set[int]] = {}  # statement rows whose keyed entry went
        self.groups: set[figure_groups.Group] = set()  # of the figures of conflicts removed
        self.clusters: dict[int, Sequence[str]] = {}  # event clusters added: pos -> pairs
        # conflicts removed, by key: their figure rows and groups (None: two had the key)
        self.conflicts: dict[str, tuple[set[int], list[tuple[Any, ...]]] | None] = {}

    def remove(self, kind: str, pairs_at: Mapping[int, Sequence[str]]) -> None:
        """Drop the keys of the `kind` entries at these positions (-> the pairs they are
        filed under: read before the pairs go)."""
        positions = sorted(pairs_at)
        for chunk in chunks(positions):
            marks = ", ".join("?" for _ in chunk)
            if kind == "events":
                rows = self.db.all(
                    "SELECT pos, COUNT(*) AS n FROM record_item_refs WHERE kind = ? "
                    f"AND pos IN ({marks}) GROUP BY pos",
                    [kind, *chunk],
                )
                for r in rows:
                    self._count(pairs_at[int(r["pos"])], -int(r["n"]))
            if kind in STATEMENTS:
                self.dropped.setdefault(kind, set()).update(
                    int(r["item_id"])
                    for r in self.db.all(
                        f"SELECT item_id FROM record_item_refs WHERE kind = ? AND pos IN ({marks})",
                        [kind, *chunk],
                    )
                )
            if kind == "conflicts":
                self._conflicts_gone(chunk)
            if kind == "events":
                self.db.execute(
                    f"DELETE FROM record_pair_mentions WHERE pos IN ({marks})", list(chunk)
                )
            if kind in ("events", "conflicts", *STATEMENTS):
                self.db.execute(
                    f"DELETE FROM record_item_refs WHERE kind = ? AND pos IN ({marks})",
                    [kind, *chunk],
                )
            elif kind == "actors":
                self.db.execute(
                    f"DELETE FROM record_names WHERE kind IN (?, ?) AND pos IN ({marks})",
                    [kind, RAW, *chunk],
                )
            if kind in ("actors", "agreements", "commitments", "conflicts"):  # summary, tail
                self.db.execute(
                    f"DELETE FROM record_summaries WHERE kind = ? AND pos IN ({marks})",
                    [kind, *chunk],
                )

    def _conflicts_gone(self, positions: Sequence[int]) -> None:
        """Keep what the conflicts removed at `positions` held (their figure rows and the
        figures page's groups of them, by the conflict's key: one added again holding those
        rows is in those groups) and forget their groups."""
        marks = ", ".join("?" for _ in positions)
        keys = {
            int(r[0]): str(r[1])
            for r in self.db.execute(
                f"SELECT pos, item_key FROM record_items WHERE kind = 'conflicts' "
                f"AND pos IN ({marks})",
                list(positions),
            ).fetchall()
        }
        ids: dict[int, set[int]] = {}
        for item_id, pos in self.db.execute(
            f"SELECT item_id, pos FROM record_item_refs WHERE kind = 'conflicts' "
            f"AND pos IN ({marks})",
            list(positions),
        ).fetchall():
            ids.setdefault(int(pos), set()).add(int(item_id))
        held = figure_groups.held(self.db, positions)
        for pos, key in keys.items():
            once = key not in self.conflicts
            self.conflicts[key] = (ids.get(pos, set()), held.get(pos, [])) if once else None
        self.groups.update((str(g[0]), str(g[5])) for rows in held.values() for g in rows)
        figure_groups.drop_conflicts(self.db, positions)

    def _conflicts_added(self) -> set[figure_groups.Group]:
        """Keep the groups of the conflicts added (their keys not flushed yet): of one
        holding every figure row of the conflict removed with its key, those of that one
        and of the rows it gained; of another, those of its rows. Their measures and periods."""
        ids: dict[int, set[int]] = {}
        for kind, item_id, pos in self.keys.refs:
            if kind == "conflicts":
                ids.setdefault(pos, set()).add(item_id)
        added: dict[int, tuple[Sequence[tuple[Any, ...]], Sequence[int]]] = {}
        for chunk in chunks(sorted(ids)):
            marks = ", ".join("?" for _ in chunk)
            for pos, key in self.db.execute(
                f"SELECT pos, item_key FROM record_items WHERE kind = 'conflicts' "
                f"AND pos IN ({marks})",
                list(chunk),
            ).fetchall():
                now, gone = ids[int(pos)], self.conflicts.get(str(key))
                if gone is not None and gone[0] <= now:
                    added[int(pos)] = (gone[1], sorted(now - gone[0]))
                else:
                    added[int(pos)] = ((), sorted(now))
        self.conflicts = {}
        return figure_groups.conflicts_at(self.db, added)

    def cleared(self, kind: str) -> None:
        """Every `kind` entry was removed: no kept entry cites a statement row."""
        self.dropped.pop(kind, None)

    def actor(self, pos: int, item: dict[str, Any], summary: dict[str, Any], raw: set[str]) -> None:
        """The keys of an actor entry (see `Keys.actor`)."""
        self.keys.actor(pos, item, summary, raw)

    def add(self, kind: str, pos: int, item: dict[str, Any], pairs: Sequence[str]) -> None:
        """The keys of the entry `item` (as stored) at `pos`, filed under `pairs`."""
        before = self.keys.refs_at[pos]
        self.keys.add(kind, pos, item)
        if kind == "events":
            self.clusters[pos] = pairs
        self._count(pairs, self.keys.refs_at[pos] - before)

    def _settle(self, kind: str) -> None:
        """Key the statement rows the patch touched as a full write does (`Keys._ref`): every
        row of a (document, quote) to the first entry citing it. The rows of the added
        entries and of the removed ones are weighed: the lowest of an added entry citing
        them, a kept one still keyed (the first of the kept), and, when the keyed entry went
        and another row shares its quote (so a kept entry may cite it unkeyed: each agreement
        statement is in one history; commitments are written whole), the entries found by
        `_citing`."""
        new = [r for r in self.keys.refs if r[0] == kind]
        dropped = self.dropped.pop(kind, set())
        if not new and not dropped:
            return
        # the rows of the documents of the rows weighed (a key is a document and a quote)
        rows = self.keys.statements(kind, {i for _, i, _ in new} | dropped)
        group = {i: key for key, ids in rows.items() for i in ids}
        first: dict[tuple[int, str], int] = {}
        for _, item_id, pos in new:
            first[group[item_id]] = min(pos, first.get(group[item_id], pos))
        touched = sorted(set(first) | {group[i] for i in dropped if i in group})
        ids = [i for key in touched for i in rows[key]]
        stored = self._stored(kind, ids)
        search = []
        for key in touched:
            kept = [stored[i] for i in rows[key] if i in stored]
            if kept:
                first[key] = min(first.get(key, kept[0]), *kept)
            elif len(rows[key]) > 1 and dropped.intersection(rows[key]):
                search.append(key)
        for key, pos in self._citing(kind, search).items():
            first[key] = min(pos, first.get(key, pos))
        for chunk in chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            sql = f"DELETE FROM record_item_refs WHERE kind = ? AND item_id IN ({marks})"
            self.db.execute(sql, [kind, *chunk])
        self.keys.refs = [r for r in self.keys.refs if r[0] != kind] + [
            (kind, i, first[key]) for key in touched if key in first for i in rows[key]
        ]

    def _stored(self, kind: str, ids: Sequence[int]) -> dict[int, int]:
        """Item row id -> the position its stored key names."""
        out: dict[int, int] = {}
        for chunk in chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            sql = (
                f"SELECT item_id, pos FROM record_item_refs WHERE kind = ? AND item_id IN ({marks})"
            )
            out.update((int(r[0]), int(r[1])) for r in self.db.execute(sql, [kind, *chunk]))
        return out

    def _citing(self, kind: str, wanted: Sequence[tuple[int, str]]) -> dict[tuple[int, str], int]:
        """(document, quote) -> the position of the first entry of `kind` citing it, read
        from the payloads of the entries naming the document (`wanted` is rare: a quote
        stated twice in one document, in two entries)."""
        out: dict[tuple[int, str], int] = {}
        keys = set(wanted)
        # one scan of the entries per chunk of documents, not one per document: a store
        # whose reports repeat a quote in two entries (a communique and the batch signed
        # with it) searches many documents, and each scan reads every payload of the kind
        docs = sorted({d for d, _ in keys})
        for pos, e in self._statements_of(kind, docs):
            key = (int(e.get("doc_id") or 0), str(e.get("quote") or ""))
            if key in keys and pos < out.get(key, pos + 1):
                out[key] = pos
        return out

    def _statements_of(self, kind: str, docs: Sequence[int]) -> Iterator[tuple[int, Any]]:
        """(position, statement) of the `kind` entries' statements that may name `docs`: an
        agreement history's are rows of their own (`agreement_entries.citing`, by index),
        a commitment's are in its payload (`_naming`)."""
        if kind == "agreements":
            yield from agreement_entries.citing(self.db, docs)
            return
        for rows in self._naming(kind, docs):
            for r in rows:
                for e in json.loads(r["payload"]).get(STATEMENTS[kind]) or []:
                    yield int(r["pos"]), e

    def _naming(self, kind: str, docs: Sequence[int]) -> Iterator[list[Any]]:
        """The `kind` entries whose payload names one of `docs`, in pages: a LIKE scan for a
        few documents; for many, one pass over every payload in pages of positions, each
        page's document ids read by a regular expression (a scan per document read every
        payload again)."""
        if len(docs) <= _LIKE_CHUNK:
            likes = " OR ".join("payload LIKE ?" for _ in docs)
            if docs:
                yield self.db.all(
                    f"SELECT pos, payload FROM record_items WHERE kind = ? AND ({likes})",
                    [kind, *(f'%"doc_id": {doc}%' for doc in docs)],
                )
            return
        wanted, last = {str(d) for d in docs}, -1
        while True:
            page = self.db.all(
                "SELECT pos, payload FROM record_items WHERE kind = ? AND pos > ? "
                "ORDER BY pos LIMIT ?",
                (kind, last, _PAGE),
            )
            if not page:
                return
            last = int(page[-1]["pos"])
            yield [r for r in page if wanted.intersection(_DOC_ID.findall(r["payload"]))]

    def _count(self, pairs: Sequence[str], n: int) -> None:
        if n:
            self.mentions[EVERY] += n
            for p in pairs:
                self.mentions[p] += n

    def finish(self, added: Sequence[int]) -> None:
        """Write the keys and move the counts; `added`: the documents the patch added (their
        item rows are counted in)."""
        for kind in STATEMENTS:
            self._settle(kind)
        conflicted = self._conflicts_added()  # the groups of the conflicts added
        self.keys.flush()
        pair_mentions(self.db, self.clusters)
        self.clusters = {}
        docs = sorted(set(added))
        for chunk in chunks(docs):
            marks = ", ".join("?" for _ in chunk)
            for kind, sql in count_sql(f" AND i.doc_id IN ({marks})"):
                for r in self.db.all(sql, chunk):
                    self._adjust((kind, str(r["flow"]), str(r["doc_pair"])), int(r["n"]))
        for pair, n in sorted(self.mentions.items()):
            self._adjust(("mentions", pair, ""), n, keep=pair == EVERY)
        self.mentions.clear()
        # the figures page's groups of the rows added and of the conflicts removed or added
        groups, self.groups = self.groups | conflicted, set()
        for chunk in chunks(docs):
            marks = ", ".join("?" for _ in chunk)
            groups.update(_groups(self.db, f"figures f WHERE f.doc_id IN ({marks})", chunk))
        figure_groups.grown(self.db, groups, docs)

    def _adjust(self, key: tuple[str, str, str], n: int, *, keep: bool = True) -> None:
        """Move the count of `key` by `n`; a row at 0 goes unless `keep` (as a full write
        leaves it)."""
        if not n:
            return
        where = "kind = ? AND flow = ? AND doc_pair = ?"
        now = self.db.scalar(f"SELECT n FROM record_item_counts WHERE {where}", key)
        after = int(now or 0) + n
        if now is None:
            self.db.execute(
                "INSERT INTO record_item_counts (kind, flow, doc_pair, n) VALUES (?, ?, ?, ?)",
                (*key, after),
            )
        elif after or keep:
            self.db.execute(f"UPDATE record_item_counts SET n = ? WHERE {where}", (after, *key))
        else:
            self.db.execute(f"DELETE FROM record_item_counts WHERE {where}", key)


def _groups(db: Database, rows: str, params: Sequence[Any]) -> set[figure_groups.Group]:
    """The (measure, period) groups of the figure rows `f` of `rows` (FROM ... WHERE ...)."""
    sql = f"SELECT DISTINCT f.measure, COALESCE(f.period, '') FROM {rows}"
    return {(str(m), str(p)) for m, p in db.execute(sql, params).fetchall()}


_LIKE_CHUNK = 50  # at most this many documents searched with LIKEs, else one paged pass
_PAGE = 2000  # entries read per page of that pass
_DOC_ID = re.compile(r'"doc_id": (\d+)')
