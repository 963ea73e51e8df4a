"""The store on both backends: migrations, transactions, extraction round trip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bilat.config import Options
from bilat.errors import NotFound
from bilat.ingest import ingest
from bilat.records import (
    Actor,
    Agreement,
    Commitment,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store import Store, open_store
from bilat.store.items import load_events
from conftest import CORPUS


def test_migrations_are_recorded_once(db_url: str) -> None:
    first = open_store(db_url)
    first.close()
    again = open_store(db_url)
    names = [r["name"] for r in again.db.all("SELECT name FROM schema_migrations")]
    again.close()
    assert len(names) == len(set(names)) >= 2
    assert names[0] == "001_initial.sql"


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_reject("x.txt", "/tmp/x.txt", "empty file")
        raise RuntimeError("boom")
    assert store.rejects() == []


def test_get_document_unknown_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.get_document("nope.txt")


def _extraction(name: str, text: str) -> Extraction:
    i = text.index("Putin")
    ev = Evidence(i, i + 5, "Putin")
    whole = Evidence(0, len(text), text)
    return Extraction(
        doc_name=name,
        published="2025-02-24",
        extractor_version="test-1",
        actors=(
            Actor(
                "Vladimir Putin", "person", "RU", "President", ("Putin",), "vladimir-putin", (ev,)
            ),
        ),
        events=(
            Event(
                "CONSULT",
                "call",
                "occurred",
                ("Vladimir Putin", "Xi Jinping"),
                "2025-02-24",
                None,
                None,
                whole,
            ),
        ),
        figures=(
            Figure(
                "amount",
                244.8e9,
                None,
                "USD",
                None,
                "approx",
                "trade_turnover",
                "trade",
                "RU<->CN",
                "2024",
                None,
                whole,
                "Chinese customs",
            ),
        ),
        agreements=(
            Agreement(
                "memorandum on gas",
                "memorandum",
                "signed",
                "2025-09-02",
                ("Gazprom", "CNPC"),
                "energy",
                whole,
            ),
        ),
        commitments=(
            Commitment(
                "trade_turnover",
                "trade",
                ">=",
                200e9,
                None,
                "USD",
                None,
                "2024",
                ("Russia", "China"),
                "agreed",
                whole,
                "RU<->CN",
            ),
        ),
    )


def test_extraction_round_trip(store: Store, options: Options) -> None:
    ingest(store, [str(CORPUS / "c01_tass_putin_xi_call.txt")], options)
    doc = store.documents()[0]
    ext = _extraction(doc.name, doc.text)
    with store.transaction():
        store.save_extraction(doc.id, ext)
    assert store.load_extraction(doc.id) == ext
    with store.transaction():  # re-extraction replaces, never duplicates
        store.save_extraction(doc.id, ext)
    assert store.load_extraction(doc.id) == ext
    assert store.stale_documents("test-1") == []
    assert [d.id for d in store.stale_documents("test-2")] == [doc.id]


def test_events_read_by_id_are_those_saved(store: Store, options: Options) -> None:
    """`load_events` (the update's read of the events its replay reaches, by id) gives each
    stored event field for field as saved: every text, date, place and span distinct, so a
    column read into another field shows."""
    ingest(store, [str(CORPUS / "c01_tass_putin_xi_call.txt")], options)
    doc = store.documents()[0]
    events = (
        Event(
            "CONSULT", "visit", "planned", ("Vladimir Putin", "Xi Jinping"), "2025-05-07",
            "2025-05-10", "Moscow", Evidence(3, 41, "Xi will visit Moscow on 7-10 May"),
        ),
        Event(
            "COOPERATE", "military", "occurred", ("Russia",), None, None, None,
            Evidence(50, 60, "joint drill"),
        ),
    )  # fmt: skip
    ext = replace(_extraction(doc.name, doc.text), events=events)
    with store.transaction():
        store.save_extraction(doc.id, ext)
    ids = [int(r["id"]) for r in store.db.all("SELECT id FROM events ORDER BY id")]
    assert len(ids) == 2
    assert load_events(store.db, ids) == dict(zip(ids, events, strict=True))
    assert load_events(store.db, ids[1:]) == {ids[1]: events[1]}


def test_record_round_trip(store: Store) -> None:
    store.save_record({"conflicts": [{"measure": "trade_turnover"}]})
    store.save_record({"conflicts": []})
    assert store.load_record() == {"conflicts": []}


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    s = open_store(str(tmp_path / "w.db"))
    assert s.db.scalar("PRAGMA journal_mode") == "wal"
    s.close()


def test_opening_a_store_another_process_is_switching_to_wal_waits(tmp_path: Path) -> None:
    """Two ingests opening a new SQLite store at once: while one holds a write lock, the
    other's 'PRAGMA journal_mode = WAL' fails at once with 'database is locked' (SQLite does
    not wait there: it would deadlock); it waits and tries again."""
    import sqlite3
    import threading

    from bilat.store.db import connect

    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    timer = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        db = connect(str(path))
        assert db.scalar("PRAGMA journal_mode") == "wal"
    finally:
        timer.join()
        holder.close()


def test_documents_are_found_by_name_through_the_name_index(store: Store, options: Options) -> None:
    """Storing a document looks up its name's current version, and so does reading one by
    name: each reads the (name, version) index, not every current row through an
    `is_current` index (SQLite has no statistics to weigh them: at 100,000 documents that
    was 94 ms per document stored)."""
    if store.db.dialect != "sqlite":
        pytest.skip("PostgreSQL weighs the indexes by its statistics")
    captured: list[str] = []
    real = store.db.execute

    def spy(sql: str, params: object = ()) -> object:
        if "FROM documents WHERE" in sql and "name" in sql.split("WHERE", 1)[1]:
            captured.append(sql)
        return real(sql, params)  # type: ignore[arg-type]

    store.db.execute = spy  # type: ignore[method-assign]
    try:
        with store.transaction():
            ingest(store, [str(CORPUS / "c01_tass_putin_xi_call.txt")], options)
        name = store.documents()[0].name
        assert store.current_version(name) is not None
        assert store.get_document(name).name == name
    finally:
        store.db.execute = real  # type: ignore[method-assign]
    assert len(captured) >= 3, captured
    for sql in captured:
        marks = sql.count("?")
        plan = " ".join(
            str(r[3]) for r in real(f"EXPLAIN QUERY PLAN {sql}", ["x"] * marks).fetchall()
        )
        assert "sqlite_autoindex_documents_1 (name=?)" in plan, (sql, plan)
