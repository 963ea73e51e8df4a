"""Extracted items: stored per document, replaced whole when the extractor re-runs."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from bilat.records import (
    Actor,
    Agreement,
    Commitment,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store.db import Database, Failed, write_each
from bilat.store.statement_words import add_title_words, statement_word_rows

__all__ = [
    "ALL_KINDS",
    "ITEM_TABLES",
    "bare_extraction",
    "chunks",
    "commitment_outlines",
    "delete_items",
    "event_documents",
    "event_names",
    "event_outlines",
    "load_commitments",
    "load_events",
    "load_extraction",
    "load_extractions",
    "load_figures",
    "load_statements",
    "load_statements_by_id",
    "save_extraction",
    "save_extractions",
    "statement_titles",
    "statements_titled",
]

T = TypeVar("T")
_CHUNK = 500  # document ids per IN (...) list, and documents read per query

ITEM_TABLES = ("events", "figures", "agreements", "commitments")
_EVIDENCE = ("start_pos", "end_pos", "quote")
ALL_KINDS = ("actors", *ITEM_TABLES)
_WITH_PARTIES = ("agreements", "commitments")  # their parties are indexed (item_parties)


def _row_evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(int(row["start_pos"]), int(row["end_pos"]), _one(row["quote"]))


def _one(value: Any) -> Any:
    """A loaded text as the one copy of it in memory: names, types, countries, dates and
    quotes repeat across documents (every Russia, every "signed"), and a full rebuild holds
    every extraction at once, so each repeat would otherwise be a string of its own."""
    return sys.intern(value) if type(value) is str else value


@functools.lru_cache(maxsize=1 << 14)
def _texts(column: str) -> tuple[Any, ...]:
    """A JSON list column (participants, parties, aliases), its texts shared as `_one`; a
    list seen lately is the tuple made for it then (lists repeat: every Russia and China),
    not decoded again."""
    return tuple(map(_one, json.loads(column)))


def delete_items(db: Database, doc_ids: Sequence[int]) -> None:
    """Remove every item of these documents (and the rows that index them)."""
    for part in chunks(doc_ids, _CHUNK):
        marks = ", ".join("?" for _ in part)
        db.execute(
            "DELETE FROM event_participants WHERE event_id IN "
            f"(SELECT id FROM events WHERE doc_id IN ({marks}))",
            part,
        )
        for table in _WITH_PARTIES:
            db.execute(
                f"DELETE FROM item_parties WHERE kind = ? AND item_id IN "
                f"(SELECT id FROM {table} WHERE doc_id IN ({marks}))",
                (table, *part),
            )
        for table in ("mentions", *ITEM_TABLES, "actors"):
            db.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", part)


def chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(values), size):
        yield list(values[i : i + size])


def _columns(cls: type, *extra: str) -> tuple[str, ...]:
    names = [n for n in cls.__slots__ if n not in ("evidence", "mentions")]  # type: ignore[attr-defined]
    return ("id", "doc_id", *names, *extra, "extractor_version")


def _values(item: Any, cols: tuple[str, ...]) -> list[Any]:
    """`item`'s fields in the order of `cols` (id, doc_id and version are added by the
    caller); tuples as JSON lists, the evidence as its three columns."""
    out = []
    for name in cols[2:-1]:
        if name in _EVIDENCE:
            ev = item.evidence
            out.append({"start_pos": ev.start, "end_pos": ev.end, "quote": ev.quote}[name])
            continue
        value = getattr(item, name)
        out.append(
            json.dumps(list(value), ensure_ascii=False) if isinstance(value, tuple) else value
        )
    return out


_COLS = {
    "actors": _columns(Actor),
    "events": _columns(Event, *_EVIDENCE),
    "figures": _columns(Figure, *_EVIDENCE),
    "agreements": _columns(Agreement, *_EVIDENCE),
    "commitments": _columns(Commitment, *_EVIDENCE),
}


def save_extractions(db: Database, batch: Sequence[tuple[int, Extraction]]) -> list[Failed | None]:
    """Replace the items of each (document id, extraction) of `batch`, all in one
    transaction with a few multi-row writes per table. A document whose items cannot be
    stored gets its `Failed` (in `batch`'s order; None: stored) and the others are stored."""
    return write_each(db, batch, _write_extractions)


def save_extraction(db: Database, doc_id: int, extraction: Extraction) -> None:
    """Replace the items of `doc_id` with `extraction`; raises if they cannot be stored."""
    with db.transaction():
        _write_extractions(db, [(doc_id, extraction)])


def _write_extractions(db: Database, batch: Sequence[tuple[int, Extraction]]) -> list[None]:
    delete_items(db, [doc_id for doc_id, _ in batch])
    kinds: dict[str, list[tuple[int, str, Any]]] = {k: [] for k in _COLS}
    for doc_id, ext in batch:
        for kind in _COLS:
            kinds[kind].extend((doc_id, ext.extractor_version, item) for item in getattr(ext, kind))
    mentions: list[tuple[Any, ...]] = []
    participants: list[tuple[Any, ...]] = []
    parties: list[tuple[Any, ...]] = []
    titles: list[tuple[int, int, str]] = []
    for kind, items in kinds.items():
        ids = db.reserve_ids(kind, len(items))
        cols = _COLS[kind]
        rows = []
        for item_id, (doc_id, version, item) in zip(ids, items, strict=True):
            rows.append([item_id, doc_id, *_values(item, cols), version])
            if isinstance(item, Actor):
                mentions.extend((doc_id, item_id, m.start, m.end, m.quote) for m in item.mentions)
            elif isinstance(item, Event):
                participants.extend((item_id, n) for n in dict.fromkeys(item.participants))
            elif isinstance(item, Agreement | Commitment):
                parties.extend((kind, n, item_id, doc_id) for n in dict.fromkeys(item.parties))
            if isinstance(item, Agreement):
                titles.append((item_id, doc_id, item.title))
        db.insert_rows(kind, cols, rows)
    db.insert_rows("mentions", ("doc_id", "actor_id", *_EVIDENCE), mentions)
    db.insert_rows("event_participants", ("event_id", "name"), participants)
    db.insert_rows("item_parties", ("kind", "name", "item_id", "doc_id"), parties)
    words = list(statement_word_rows(titles))
    db.insert_rows("statement_words", ("word", "doc_id", "item_id"), words)
    add_title_words(db, (title for _, _, title in titles))
    db.execute_many(
        "UPDATE documents SET extractor_version = ?, pair = ? WHERE id = ?",
        [
            (ext.extractor_version, "-".join(ext.pair) if ext.pair else None, doc_id)
            for doc_id, ext in batch
        ],
    )
    return [None] * len(batch)


def _actors(rows: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> tuple[Actor, ...]:
    """A document's actors (`rows`, in id order) with their `mentions` (in text order)."""
    spans: dict[int, list[Evidence]] = {}
    for m in mentions:
        spans.setdefault(int(m["actor_id"]), []).append(_row_evidence(m))
    return tuple(
        Actor(
            name=_one(r["name"]),
            type=_one(r["type"]),
            country=_one(r["country"]),
            role=_one(r["role"]),
            aliases=_texts(r["aliases"]),
            gid=_one(r["gid"]),
            mentions=tuple(spans.get(int(r["id"]), ())),
        )
        for r in rows
    )


def _fields(row: dict[str, Any], cls: type, lists: tuple[str, ...]) -> dict[str, Any]:
    """The keyword arguments of `cls` from its `row`: texts as `_one`, the `lists` as
    `_texts`, the evidence from its three columns (a loop over the columns only: an update
    makes ~100,000 items at 100,000 documents)."""
    plain, listed, evidence = _plan(cls, lists)
    intern = sys.intern
    out = {name: intern(v) if type(v := row[name]) is str else v for name in plain}
    for name in listed:
        out[name] = _texts(row[name])
    if evidence:
        out["evidence"] = _row_evidence(row)
    return out


@functools.cache
def _plan(cls: type, lists: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The fields of `cls` read as they are, those read as lists, and whether it has
    evidence."""
    names: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]
    plain = tuple(n for n in names if n != "evidence" and n not in lists)
    return plain, tuple(n for n in names if n in lists), "evidence" in names


def load_extraction(db: Database, doc_id: int, *, mentions: bool = True) -> Extraction | None:
    """The stored extraction of `doc_id` (None: never extracted); without the actors'
    `mentions` when `mentions` is False (the record does not use them)."""
    return next((ext for _, ext in load_extractions(db, [doc_id], mentions=mentions)), None)


def load_extractions(
    db: Database,
    doc_ids: Sequence[int],
    *,
    mentions: bool = True,
    kinds: Collection[str] = ALL_KINDS,
    documents: Mapping[int, Mapping[str, Any]] | None = None,
) -> Iterator[tuple[int, Extraction]]:
    """(document id, stored extraction) of each extracted document of `doc_ids`, in their
    order, as `load_extraction` gives it; read _CHUNK documents at a time (one query per
    table and chunk, not one per table and document). Only the item `kinds` named are read
    (the others are left empty: a stage of a full rebuild reads only what it weighs).
    `documents`: the documents' rows (name, published, extractor_version and pair, by id)
    when the caller has them: they are not read again."""
    for i in range(0, len(doc_ids), _CHUNK):
        yield from _load_chunk(db, list(doc_ids[i : i + _CHUNK]), mentions, kinds, documents)


def _load_chunk(
    db: Database,
    chunk: list[int],
    mentions: bool,
    kinds: Collection[str],
    documents: Mapping[int, Mapping[str, Any]] | None,
) -> Iterator[tuple[int, Extraction]]:
    marks = ", ".join("?" for _ in chunk)
    docs = documents
    if docs is None:
        sql = "SELECT id, name, published, extractor_version, pair FROM documents WHERE id IN "
        docs = {int(r["id"]): r for r in db.all(f"{sql}({marks})", chunk)}
    tables = {t: _rows_by_doc(db, t, chunk) for t in ALL_KINDS if t in kinds}
    read_spans = mentions and "actors" in kinds
    spans = _rows_by_doc(db, "mentions", chunk, "start_pos, id") if read_spans else {}
    for doc_id in chunk:
        doc = docs.get(doc_id)
        if doc is not None and doc["extractor_version"] is not None:
            of = {t: found for t, by_doc in tables.items() if (found := by_doc.get(doc_id))}
            yield doc_id, _extraction(doc, of, spans.get(doc_id, []))


def load_figures(
    db: Database, doc_ids: Collection[int], slots: Collection[tuple[str, ...]]
) -> dict[int, tuple[Figure, ...]]:
    """The figures of the documents `doc_ids` of these `slots`, (measure, unit) or
    (measure, unit, period), per document in id order (as `load_extractions` gives them):
    index reads, one per slot."""
    whole = {slot for slot in slots if len(slot) == 2}
    rows: dict[int, dict[str, Any]] = {}
    for slot in sorted(s for s in slots if s[:2] not in whole or len(s) == 2):
        sql = "SELECT * FROM figures WHERE measure = ? AND unit = ?"
        found = db.all(sql if len(slot) == 2 else f"{sql} AND period = ?", slot)
        rows.update((int(r["id"]), r) for r in found if int(r["doc_id"]) in doc_ids)
    out: dict[int, list[Figure]] = {}
    for r in sorted(rows.values(), key=lambda r: (int(r["doc_id"]), int(r["id"]))):
        out.setdefault(int(r["doc_id"]), []).append(Figure(**_fields(r, Figure, ())))
    return {doc_id: tuple(figures) for doc_id, figures in out.items()}


def load_statements(db: Database, doc_ids: Sequence[int]) -> dict[int, tuple[Agreement, ...]]:
    """The agreement statements of these documents, per document in id order (as
    `load_extractions` gives them), without the documents' rows: the documents holding
    one, _CHUNK at a time."""
    out: dict[int, tuple[Agreement, ...]] = {}
    for i in range(0, len(doc_ids), _CHUNK):
        for doc_id, rows in _rows_by_doc(db, "agreements", list(doc_ids[i : i + _CHUNK])).items():
            out[doc_id] = tuple(Agreement(**_fields(r, Agreement, ("parties",))) for r in rows)
    return out


def load_statements_by_id(db: Database, ids: Collection[int]) -> dict[int, Agreement]:
    """The stored agreement statements of these ids, by id: primary key reads, _CHUNK ids
    per query."""
    out: dict[int, Agreement] = {}
    for part in chunks(sorted(ids), _CHUNK):
        marks = ", ".join("?" for _ in part)
        for r in db.all(f"SELECT * FROM agreements WHERE id IN ({marks})", part):
            out[int(r["id"])] = Agreement(**_fields(r, Agreement, ("parties",)))
    return out


def statement_titles(db: Database, ids: Collection[int]) -> list[tuple[int, int, int, str]]:
    """(document id, place, id, title) of the stored agreement statements of these ids,
    in document and place order, the place a statement's among its document's (in id
    order, as `load_statements` numbers them): their titles and an index read of the ids
    of their documents' statements, no other column, _CHUNK at a time."""
    rows: list[dict[str, Any]] = []
    for part in chunks(sorted(ids), _CHUNK):
        marks = ", ".join("?" for _ in part)
        rows += db.all(f"SELECT id, doc_id, title FROM agreements WHERE id IN ({marks})", part)
    place: dict[int, int] = {}  # statement id -> its place in its document
    for part in chunks(sorted({int(r["doc_id"]) for r in rows}), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT id, doc_id FROM agreements WHERE doc_id IN ({marks}) ORDER BY doc_id, id"
        last, n = None, 0
        for r in db.all(sql, part):
            doc_id = int(r["doc_id"])
            n = n + 1 if doc_id == last else 0
            last = doc_id
            place[int(r["id"])] = n
    out = [(int(r["doc_id"]), place[int(r["id"])], int(r["id"]), str(r["title"])) for r in rows]
    return sorted(out)


# what `commitments.dedupe_key` and the parties' resolution read of a commitment
COMMITMENT_OUTLINE = ("measure", "flow", "unit", "value", "deadline", "measure_text", "parties")


def commitment_outlines(db: Database) -> Iterator[tuple[int, int, tuple[Any, ...]]]:
    """(id, document id, outline) of every stored commitment in document and id order (each
    document's as `load_extractions` gives them): the outline's fields are those of
    `COMMITMENT_OUTLINE`, the parties a tuple; no quote, read as they come."""
    cols = ", ".join(COMMITMENT_OUTLINE)
    cur = db.execute(f"SELECT id, doc_id, {cols} FROM commitments ORDER BY doc_id, id")
    while rows := cur.fetchmany(1000):
        for row in rows:
            yield int(row[0]), int(row[1]), (*row[2:8], _texts(row[8]))


def load_commitments(db: Database, ids: Collection[int]) -> dict[int, tuple[Commitment, ...]]:
    """The stored commitments of these ids, per document in id order (as `load_extractions`
    gives them): primary key reads, _CHUNK ids per query."""
    rows: list[dict[str, Any]] = []
    for part in chunks(sorted(ids), _CHUNK):
        marks = ", ".join("?" for _ in part)
        rows += db.all(f"SELECT * FROM commitments WHERE id IN ({marks})", part)
    out: dict[int, list[Commitment]] = {}
    for r in sorted(rows, key=lambda r: (int(r["doc_id"]), int(r["id"]))):
        made = Commitment(**_fields(r, Commitment, ("parties",)))
        out.setdefault(int(r["doc_id"]), []).append(made)
    return {doc_id: tuple(found) for doc_id, found in out.items()}


def event_outlines(db: Database) -> Iterator[tuple[int, int, str, str, str | None, str | None]]:
    """(id, document id, type, mode, date, date_end) of every stored event, in document and
    id order (each document's events as `load_extractions` gives them): narrow columns, no
    quote or participants, read as they come: the rows as both stores' drivers give them
    (ints and texts already; 237,057 rows at 100,000 documents, not converted one by one)."""
    cur = db.execute(
        "SELECT id, doc_id, type, mode, date, date_end FROM events ORDER BY doc_id, id"
    )
    while rows := cur.fetchmany(1000):
        yield from rows


def load_events(db: Database, ids: Collection[int]) -> dict[int, Event]:
    """The stored events of these ids (index reads, _CHUNK ids per query)."""
    out: dict[int, Event] = {}
    one, texts = _one, _texts
    for part in chunks(sorted(ids), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = (
            "SELECT id, type, mode, status, participants, date, date_end, place, start_pos, "
            f"end_pos, quote FROM events WHERE id IN ({marks})"
        )
        # the row's columns by place, not a dict per row made and read by name (an update
        # reads ~60,000 of them at 100,000 documents); each field as `_fields` reads it
        for i, kind, mode, status, who, date, end, place, start, stop, quote in db.execute(
            sql, part
        ).fetchall():
            evidence = Evidence(int(start), int(stop), one(quote))
            out[int(i)] = Event(
                one(kind), one(mode), one(status), texts(who), one(date), one(end), one(place),
                evidence,
            )  # fmt: skip
    return out


def event_names(db: Database) -> set[str]:
    """Every name an event's participants or place has (the participants' by index)."""
    names = {str(r["name"]) for r in db.all("SELECT DISTINCT name FROM event_participants")}
    places = db.all("SELECT DISTINCT place FROM events WHERE place IS NOT NULL")
    return names | {str(r["place"]) for r in places}


def event_documents(db: Database, names: Collection[str], any_place: bool = False) -> set[int]:
    """The documents with an event naming one of `names` as a participant (by index) or as
    its place; with `any_place`, every document with an event that has a place."""
    found: set[int] = set()
    for part in chunks(sorted(names), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = (
            "SELECT DISTINCT e.doc_id FROM event_participants p JOIN events e "
            f"ON e.id = p.event_id WHERE p.name IN ({marks})"
        )
        found.update(int(r["doc_id"]) for r in db.all(sql, part))
        sql = f"SELECT DISTINCT doc_id FROM events WHERE place IN ({marks})"
        found.update(int(r["doc_id"]) for r in db.all(sql, part))
    if any_place:
        sql = "SELECT DISTINCT doc_id FROM events WHERE place IS NOT NULL"
        found.update(int(r["doc_id"]) for r in db.all(sql))
    return found


def _rows_by_doc(
    db: Database, table: str, doc_ids: list[int], order: str = "id"
) -> dict[int, list[dict[str, Any]]]:
    """The rows of `table` of these documents, per document, in `order`."""
    out: dict[int, list[dict[str, Any]]] = {}
    marks = ", ".join("?" for _ in doc_ids)
    sql = f"SELECT * FROM {table} WHERE doc_id IN ({marks}) ORDER BY doc_id, {order}"
    for r in db.all(sql, doc_ids):
        out.setdefault(int(r["doc_id"]), []).append(r)
    return out


# each item kind's class and its JSON list columns
_ITEMS: dict[str, tuple[type, tuple[str, ...]]] = {
    "events": (Event, ("participants",)),
    "figures": (Figure, ()),
    "agreements": (Agreement, ("parties",)),
    "commitments": (Commitment, ("parties",)),
}


def _extraction(
    doc: Mapping[str, Any], rows: dict[str, list[dict[str, Any]]], mentions: list[dict[str, Any]]
) -> Extraction:
    """A document's extraction from its row and its item `rows` by kind (only the kinds it
    has rows of: an update reads every document's commitments, and most have none)."""
    items: dict[str, tuple[Any, ...]] = {}
    for kind, found in rows.items():
        if kind == "actors":
            items[kind] = _actors(found, mentions)
        else:
            cls, lists = _ITEMS[kind]
            items[kind] = tuple(cls(**_fields(r, cls, lists)) for r in found)
    return Extraction(
        doc_name=doc["name"],
        published=doc["published"],
        extractor_version=doc["extractor_version"],
        pair=_pair(doc["pair"]),
        **items,
    )


def bare_extraction(
    name: str, published: str | None, extractor_version: str, pair: str | None
) -> Extraction:
    """A document's extraction with no items, from its row's fields: what
    `load_extractions` gives with no item kinds named."""
    return Extraction(name, published, extractor_version, pair=_pair(pair))


@functools.lru_cache(maxsize=256)
def _pair(text: str | None) -> tuple[str, str] | None:
    codes = (text or "").split("-")
    return (codes[0], codes[1]) if len(codes) == 2 else None


def statements_titled(
    db: Database, titles: Collection[str]
) -> list[tuple[int, int, int, Agreement]]:
    """(document id, place, id, statement) of the stored agreement statements of these
    titles, in document and place order, the place a statement's among its document's (in
    id order, as `load_statements` numbers them: counted on the index of its document's
    statements' ids): index reads by title, _CHUNK titles per query."""
    out = []
    for part in chunks(sorted(set(titles)), _CHUNK):
        marks = ", ".join("?" for _ in part)
        sql = (
            "SELECT a.*, (SELECT COUNT(*) FROM agreements b WHERE b.doc_id = a.doc_id"
            f" AND b.id < a.id) AS place FROM agreements a WHERE a.title IN ({marks})"
        )
        for r in db.all(sql, part):
            found = Agreement(**_fields(r, Agreement, ("parties",)))
            out.append((int(r["doc_id"]), int(r["place"]), int(r["id"]), found))
    out.sort(key=lambda r: r[:3])
    return out
