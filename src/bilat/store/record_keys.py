"""Keys into the record rows, written with the record, so a page reads only its own entries.

    Keys(db)                          collects the keys of entries as the writer stores them
    clusters_of(db, kind, ids, pair)  item row id -> position of the record entry holding it
    entry_named(db, kind, name, pair) the position of the canonical actor with that name
    names_at(db, pos)                 an actor's names, normalised and as its members wrote
    labels(db, kind, pair)            the entries' own names, in record order
    item_counts(db, kind)             current item rows per kind (figures: per flow, pair)
    mention_count(db, pair)           event mentions in the clusters of a pair's view
    summary_at(db, kind, pos)         an actor entry without its members (names, roles, ...)
    (kept right entry by entry as a patch goes: `bilat.store.key_patch.KeyPatch`)

`record_item_refs` maps each event mention (an `events` row) to its cluster's position in the
events part, each figure row to the conflict its claim is in, and each agreement or
commitment row to the history or status citing it: a timeline page of 50 mentions reads 50
keys and their clusters, not the whole part; a permalink reads one. `record_names` holds every
normalised name of a canonical actor (its id, name and aliases, as
`bilat.queries.find_actor` compares them) and the names as its members wrote them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from bilat.extract.gazetteer import normalize
from bilat.store import figure_groups
from bilat.store.db import Database
from bilat.store.pair_mentions import pair_mentions
from bilat.store.row_lookup import ROW_COLUMNS, Marks, Rows, claim_key, digest, row_keys

__all__ = [
    "EVERY",
    "RAW",
    "STATEMENTS",
    "TABLES",
    "Keys",
    "actor_summary",
    "chunks",
    "clusters_of",
    "count_sql",
    "entry_named",
    "item_counts",
    "labels",
    "mention_count",
    "names_at",
    "summary_at",
    "summary_of",
]

TABLES = (
    "record_item_refs",
    "record_names",
    "record_item_counts",
    "record_summaries",
    "record_figure_groups",
    "record_pair_mentions",
    "record_conflict_groups",
)
_ITEMS = ("events", "figures", "agreements", "commitments", "actors")
EVERY = "*"  # the mention count of every pair's clusters together
RAW = "actors:raw"  # record_names rows of the names as written (participants are stored so)
_CHUNK = 500
STATEMENTS = {"agreements": "entries", "commitments": "sources"}  # the list citing the rows


def _documents(kind: str, item: dict[str, Any]) -> tuple[str, set[int]]:
    """The item table whose rows an entry's keys name, and the documents of those rows."""
    if kind == "events":
        refs = (str(m.get("ref") or "").partition(":e")[0] for m in item.get("mentions") or [])
        return kind, {int(d) for d in refs if d.isdigit()}
    if kind in STATEMENTS:
        return kind, {int(e.get("doc_id") or 0) for e in item.get(STATEMENTS[kind]) or []}
    return kind, set()  # a conflict's figure rows are read by span (`Keys._local_figures`)


class Keys:
    """The key rows of the entries written (`add`), inserted by `flush`. `local`: look the
    item rows up per document as entries name them (a patch adds a few entries), instead of
    reading every event, figure and statement row once (a full write names them all)."""

    def __init__(self, db: Database, *, local: bool = False) -> None:
        self.db = db
        self.local = local
        self.refs: list[tuple[str, int, int]] = []
        self.names: list[tuple[str, str, int, str]] = []
        self.summaries: list[tuple[str, int, str]] = []
        self._rows: dict[str, Rows] = {}
        self._by_doc: dict[str, dict[int, list[tuple[int, int]]]] = {}  # local: (id, key)s
        self._read: dict[str, set[int | None]] = {}  # documents read (None: every one)
        self._statement_ids: dict[str, dict[tuple[int, str], list[int]]] = {}
        self._by_span: dict[tuple[int, int], list[tuple[int, int, str]]] = {}  # id, end, value
        self._spans: set[tuple[int, int]] = set()  # (document, start) read (local)
        self._seen: dict[str, Marks] = {}
        self.mentions = 0  # event mention keys written
        self.refs_at: Counter[int] = Counter()  # event mention keys written per position

    def _find(self, kind: str, doc: int, key: int) -> list[int]:
        """The `kind` rows of `doc` keyed `key`; the rows of `doc` (of every document when
        not `local`) are read once."""
        if self.local:
            if doc not in self._read.get(kind, ()):  # mostly read with its entry's documents
                self._local_rows(kind, (doc,))
            return [i for i, k in self._by_doc[kind].get(doc, ()) if k == key]
        read = self._read.setdefault(kind, set())
        rows = self._rows.setdefault(kind, Rows())
        if None not in read:
            read.add(None)
            sql = f"SELECT {ROW_COLUMNS[kind]} FROM {kind} ORDER BY doc_id, id"
            rows.put(row_keys(kind, self.db.execute(sql)))
        return rows.find(doc, key)

    def _local_rows(self, kind: str, docs: Iterable[int]) -> None:
        """Read the `kind` rows of those of `docs` not read yet, 500 documents a query (an
        agreement history repeated every year names a document per statement)."""
        read = self._read.setdefault(kind, set())
        wanted = sorted({d for d in docs if d not in read})
        by_doc = self._by_doc.setdefault(kind, {})
        for chunk in chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {ROW_COLUMNS[kind]} FROM {kind} WHERE doc_id IN ({marks}) "
            rows = self.db.execute(f"{sql}ORDER BY doc_id, id", chunk)
            for doc, item_id, key in row_keys(kind, rows):
                by_doc.setdefault(doc, []).append((item_id, key))
            read.update(chunk)

    def statements(
        self, kind: str, of: Collection[int] | None = None
    ) -> dict[tuple[int, str], list[int]]:
        """(doc_id, quote) -> ids of the agreement or commitment rows stating it (the key
        `bilat.serve.record` matches a history's entries and a status's sources by): of
        every row, or (`of`: row ids) of every row of the documents of those rows."""
        if of is not None:
            docs: set[int] = set()
            for chunk in chunks(sorted(set(of))):
                marks = ", ".join("?" for _ in chunk)
                sql = f"SELECT DISTINCT doc_id FROM {kind} WHERE id IN ({marks})"
                docs.update(int(r[0]) for r in self.db.execute(sql, chunk))
            found: dict[tuple[int, str], list[int]] = {}
            for chunk in chunks(sorted(docs)):
                marks = ", ".join("?" for _ in chunk)
                sql = f"SELECT id, doc_id, quote FROM {kind} WHERE doc_id IN ({marks}) ORDER BY id"
                for row in self.db.execute(sql, chunk):
                    found.setdefault((int(row[1]), str(row[2])), []).append(int(row[0]))
            return found
        if kind not in self._statement_ids:
            found = {}
            for row in self.db.execute(f"SELECT id, doc_id, quote FROM {kind}"):
                found.setdefault((int(row[1]), str(row[2])), []).append(int(row[0]))
            self._statement_ids[kind] = found
        return self._statement_ids[kind]

    def _ref(self, kind: str, item_id: int, pos: int) -> None:
        """Key the row `item_id` to the entry at `pos`: the first entry added citing it (a
        full write adds them in order). A patch keys every citing entry of a statement
        row, in any order: `KeyPatch._settle` keeps the lowest."""
        if self.local and kind in STATEMENTS:
            self.refs.append((kind, item_id, pos))
        elif self._seen.setdefault(kind, Marks()).mark(item_id):
            self.refs.append((kind, item_id, pos))
            if kind == "events":
                self.refs_at[pos] += 1

    def _figures(self, doc: int, start: int, end: int, value: float) -> list[int]:
        """The figure rows of `doc` with this span and value (a claim's `claim_key`), in id
        order; `local`: of the (document, start) spans read (`_local_figures`), matched by
        end and value as `claim_key` writes them, unhashed; else `_find`'s."""
        if not self.local:
            return self._find("figures", doc, claim_key(start, end, value))
        if (doc, start) not in self._spans:
            self._local_figures([(doc, start)])
        text = repr(value)
        return [i for i, e, v in self._by_span.get((doc, start), ()) if e == end and v == text]

    def _local_figures(self, spans: Iterable[tuple[int, int]]) -> None:
        """Read the figure rows starting where the claims `spans` (document, start) not read
        yet start, 500 spans a query: a conflict touched by a patch names every claim of
        its measure and period, and its documents hold several times as many figure rows
        as it cites, each of which `_local_rows` read and keyed."""
        wanted = sorted(set(spans) - self._spans)
        for chunk in chunks(wanted):
            docs = sorted({d for d, _ in chunk})
            starts = sorted({s for _, s in chunk})
            asked = set(chunk)
            sql = (
                f"SELECT doc_id, id, start_pos, end_pos, value FROM figures WHERE doc_id IN "
                f"({', '.join('?' for _ in docs)}) AND start_pos IN "
                f"({', '.join('?' for _ in starts)}) ORDER BY doc_id, id"
            )
            for row in self.db.execute(sql, [*docs, *starts]):
                span = (int(row[0]), int(row[2]))
                if span in asked:  # the query asks the product of documents and starts
                    at = (int(row[1]), int(row[3]), repr(float(row[4] or 0)))
                    self._by_span.setdefault(span, []).append(at)
            self._spans.update(chunk)

    def add(self, kind: str, pos: int, item: dict[str, Any]) -> None:
        if self.local and kind == "conflicts":
            self._local_figures(
                (int(c.get("doc_id") or 0), int(c.get("start") or 0))
                for c in item.get("claims") or []
            )
        elif self.local:
            self._local_rows(*_documents(kind, item))
        if kind == "events":
            for m in item.get("mentions") or []:
                doc, _, i = str(m.get("ref") or "").partition(":e")
                if doc.isdigit() and i.isdigit():
                    for hit in self._find(kind, int(doc), int(i)):
                        self._ref(kind, hit, pos)
        elif kind in STATEMENTS:
            for e in item.get(STATEMENTS[kind]) or []:
                doc_id = int(e.get("doc_id") or 0)
                for row_id in self._find(kind, doc_id, digest(str(e.get("quote") or ""))):
                    self._ref(kind, row_id, pos)
        elif kind == "conflicts":
            for cl in item.get("claims") or []:
                value = float(cl.get("value") or 0)
                if value != value:  # NaN: equal to no stored value
                    continue
                doc_id, start, end = (int(cl.get(f) or 0) for f in ("doc_id", "start", "end"))
                for figure_id in self._figures(doc_id, start, end, value):
                    self._ref(kind, figure_id, pos)
        elif kind == "actors":
            members = item.get("members") or []
            raw = {str(m["name"]) for m in members if m.get("name")}
            self.actor(pos, item, actor_summary(item, members), raw)

    def actor(self, pos: int, item: dict[str, Any], summary: dict[str, Any], raw: set[str]) -> None:
        """The keys of the actor entry `item` at `pos` whose members give this `summary`
        (`actor_summary`) and use these `raw` names (a patch has them without making every
        member of a grown actor plain)."""
        names = (item.get("id"), item.get("name"), *(item.get("names") or []))
        label = str(item.get("name") or item.get("id"))
        for name in sorted({normalize(str(n)) for n in names if n}):
            self.names.append(("actors", name, pos, label))
        self.summaries.append(("actors", pos, json.dumps(summary, ensure_ascii=False)))
        raw = raw | {str(n) for n in names[1:] if n}
        self.names += [(RAW, name, pos, label) for name in sorted(raw)]

    def finish(self) -> None:
        """Count the current documents' item rows (figures per flow and document pair, and per
        `figure_groups` group)."""
        self.flush()
        pair_mentions(self.db, None)
        for kind, sql in count_sql():
            rows = [(kind, r["flow"], r["doc_pair"], int(r["n"])) for r in self.db.all(sql)]
            self._counts(rows)
        mentions = self.db.all(
            "SELECT p.pair, COUNT(*) AS n FROM record_item_pairs p JOIN record_item_refs r "
            "ON r.kind = p.kind AND r.pos = p.pos WHERE p.kind = 'events' GROUP BY p.pair"
        )
        self._counts(
            [("mentions", str(r["pair"]), "", int(r["n"])) for r in mentions]
            + [("mentions", EVERY, "", self.mentions)]
        )
        figure_groups.count(self.db)  # the figures page's groups (after the conflict refs)

    def _counts(self, rows: list[tuple[str, str, str, int]]) -> None:
        self.db.execute_many(
            "INSERT INTO record_item_counts (kind, flow, doc_pair, n) VALUES (?, ?, ?, ?)", rows
        )

    def flush(self) -> None:
        self.mentions += sum(1 for kind, _, _ in self.refs if kind == "events")
        if self.refs:
            sql = "INSERT INTO record_item_refs (kind, item_id, pos) VALUES (?, ?, ?)"
            self.db.execute_many(sql, self.refs)
        if self.summaries:
            sql = "INSERT INTO record_summaries (kind, pos, payload) VALUES (?, ?, ?)"
            self.db.execute_many(sql, self.summaries)
        if self.names:
            sql = "INSERT INTO record_names (kind, name, pos, label) VALUES (?, ?, ?, ?)"
            self.db.execute_many(sql, self.names)
        self.refs, self.names, self.summaries = [], [], []


def chunks(values: Sequence[Any], size: int = 0) -> Iterable[Sequence[Any]]:
    size = size or _CHUNK
    for i in range(0, len(values), size):
        yield values[i : i + size]


def count_sql(where: str = "") -> list[tuple[str, str]]:
    """(kind, query) counting the current documents' item rows (figures per flow and
    document pair), narrowed by `where`."""
    current = (
        "JOIN documents d ON d.id = i.doc_id WHERE d.is_current = 1 AND d.status = 'ok'" + where
    )
    out = []
    for kind in _ITEMS:
        if kind == "figures":
            sql = (
                "SELECT COALESCE(i.flow, '') AS flow, COALESCE(d.pair, '') AS doc_pair, "
                f"COUNT(*) AS n FROM figures i {current} "
                "GROUP BY COALESCE(i.flow, ''), COALESCE(d.pair, '')"
            )
        else:
            sql = f"SELECT '' AS flow, '' AS doc_pair, COUNT(*) AS n FROM {kind} i {current}"
        out.append((kind, sql))
    return out


def actor_summary(actor: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """An actor entry without its members, counted over `members` (the live ones): what
    the actor lists and pages show."""
    roles = {str(m["role"]) for m in members if m.get("role")}
    return summary_of(actor, len({m.get("doc_id") for m in members}), roles)


def summary_of(actor: dict[str, Any], doc_count: int, roles: Iterable[str]) -> dict[str, Any]:
    """`actor_summary` of an actor whose members name `doc_count` documents and `roles`."""
    return {
        "id": actor.get("id"),
        "name": actor.get("name"),
        "type": actor.get("type"),
        "country": actor.get("country"),
        "names": actor.get("names") or [],
        "doc_count": doc_count,
        "roles": sorted(set(roles)),
    }


def summary_at(db: Database, kind: str, pos: int) -> dict[str, Any] | None:
    """The summary of the entry at `pos` (see `actor_summary`), None when none was written."""
    raw = db.scalar("SELECT payload FROM record_summaries WHERE kind = ? AND pos = ?", (kind, pos))
    return None if raw is None else dict(json.loads(raw))


def clusters_of(
    db: Database, kind: str, ids: Iterable[int], pair: str | None = None
) -> dict[int, int]:
    """Item row id -> position of its record entry (of `pair`'s view when given); rows of no
    entry are left out. On SQLite `+pos` keeps the planner on the ids (the key) instead of
    every position of the pair's view (12 -> 3 ms for 100 figures of a 10k store's CN-RU
    conflicts; the view grows with the store, the ids with the page)."""
    wanted = sorted(set(ids))
    plus = "+" if db.dialect == "sqlite" else ""
    view = (
        ""
        if pair is None
        else f" AND {plus}pos IN (SELECT pos FROM record_item_pairs WHERE kind = ? AND pair = ?)"
    )
    out: dict[int, int] = {}
    for chunk in chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT item_id, pos FROM record_item_refs WHERE kind = ? AND item_id IN ({marks})"
        params = [kind, *chunk] + ([] if pair is None else [kind, pair])
        for row in db.execute(sql + view, params).fetchall():
            out[int(row[0])] = int(row[1])
    return out


def _in_view(kind: str, pair: str | None) -> tuple[str, list[Any]]:
    """The condition keeping the actor entries (`record_names n`) of `pair`'s view: actors of
    its states or named by its entries (as `bilat.pairview.for_pair` keeps them). The
    subqueries are uncorrelated: each runs once, by index."""
    if pair is None:
        return "", []
    states = pair.split("-")
    return (
        " AND n.pos IN (SELECT i.pos FROM record_items i WHERE i.kind = ? AND i.country IN (?, ?) "
        "UNION SELECT p.pos FROM record_item_pairs p WHERE p.kind = ? AND p.pair = ?)",
        [kind, states[0], states[-1], kind, pair],
    )


def entry_named(db: Database, kind: str, name: str, pair: str | None = None) -> int | None:
    """The first entry (in record order; of `pair`'s view) one of whose names normalises like
    `name`."""
    view, params = _in_view(kind, pair)
    pos = db.scalar(
        f"SELECT MIN(n.pos) FROM record_names n WHERE n.kind = ? AND n.name = ?{view}",
        [kind, normalize(name), *params],
    )
    return None if pos is None else int(pos)


def names_at(db: Database, pos: int) -> tuple[set[str], set[str]]:
    """(normalised names, names as written by its members) of the actor entry at `pos`."""
    rows = db.all(
        "SELECT kind, name FROM record_names WHERE kind IN ('actors', ?) AND pos = ?", (RAW, pos)
    )
    return (
        {str(r["name"]) for r in rows if r["kind"] == "actors"},
        {str(r["name"]) for r in rows if r["kind"] == RAW},
    )


def mention_count(db: Database, pair: str | None) -> int:
    """Event mentions in clusters of `pair`'s view (every cluster without a pair), as
    counted when the record was written."""
    n = db.scalar(
        "SELECT n FROM record_item_counts WHERE kind = 'mentions' AND flow = ?",
        (pair or EVERY,),
    )
    return int(n or 0)


def item_counts(db: Database, kind: str) -> list[tuple[str | None, str | None, int]]:
    """(flow, document pair, rows) of one item kind's current rows, as counted when the
    record was written (one row, without flow and pair, for kinds other than figures)."""
    rows = db.all("SELECT flow, doc_pair, n FROM record_item_counts WHERE kind = ?", (kind,))
    return [(r["flow"] or None, r["doc_pair"] or None, int(r["n"])) for r in rows]


def labels(db: Database, kind: str, pair: str | None = None) -> list[str]:
    """The own name of every actor entry (of `pair`'s view), in record order."""
    view, params = _in_view(kind, pair)
    rows = db.all(
        f"SELECT n.pos, MIN(n.label) AS label FROM record_names n WHERE n.kind = ?{view} "
        "GROUP BY n.pos ORDER BY n.pos",
        [kind, *params],
    )
    return [str(r["label"]) for r in rows]
