"""The store's version (migration 014): every write to what the record is built from raises
it in the writing transaction, and the record is current while it was built from it."""

from __future__ import annotations

import pytest

from bilat.config import Options
from bilat.ingest import ingest
from bilat.pipeline import ingest_and_extract
from bilat.record import rebuild_record
from bilat.record_update import refresh_record
from bilat.store import Store
from bilat.store.judgements import add_judgement, revoke_judgement
from conftest import CORPUS


@pytest.fixture
def built(store: Store, options: Options) -> Store:
    ingest_and_extract(store, [str(CORPUS / "c01_tass_putin_xi_call.txt")], options)
    rebuild_record(store)
    return store


def _record_version(store: Store) -> int | None:
    value = store.db.scalar("SELECT version FROM record_meta WHERE id = 1")
    return None if value is None else int(value)


def test_a_new_store_has_no_current_record(store: Store) -> None:
    assert store.store_version() == 0
    assert not store.record_is_current()


def test_a_rebuild_keeps_the_version_it_was_built_from(built: Store) -> None:
    assert built.store_version() > 0, "ingesting a document wrote to documents"
    assert _record_version(built) == built.store_version()
    assert built.record_is_current()


def test_the_version_alone_decides_while_nothing_was_written(built: Store) -> None:
    with built.transaction():
        built.db.execute("UPDATE record_meta SET source = 'not the counts' WHERE id = 1")
    assert built.record_is_current(), "no count is read while the versions agree"


@pytest.mark.parametrize("write", ["document", "judgement", "revoke", "extraction"])
def test_a_write_makes_the_record_stale_and_a_rebuild_current(
    built: Store, options: Options, write: str
) -> None:
    doc = built.documents()[0]
    event = int(built.db.scalar("SELECT MIN(id) FROM events"))
    if write == "revoke":
        with built.transaction():
            judgement = add_judgement(built.db, "events", event, "reject", "t")
        rebuild_record(built)
    before = built.store_version()
    with built.transaction():
        if write == "document":
            ingest(built, [str(CORPUS / "c02_xinhua_xi_putin_call.txt")], options)
        elif write == "judgement":
            add_judgement(built.db, "events", event, "reject", "t")
        elif write == "revoke":
            revoke_judgement(built.db, int(judgement["id"]))
        else:
            built.db.execute("DELETE FROM figures WHERE doc_id = ?", (doc.id,))
    assert built.store_version() > before
    assert not built.record_is_current()
    assert refresh_record(built) in ("updated", "rebuilt")
    assert built.record_is_current()
    assert _record_version(built) == built.store_version()


def test_a_write_changing_no_count_leaves_the_record_current(built: Store) -> None:
    before = built.store_version()
    with built.transaction():
        built.db.execute("UPDATE documents SET extractor_version = extractor_version")
    assert built.store_version() > before
    assert built.record_is_current(), "the counts are the record's: the same value again"
    assert refresh_record(built) == "current"
    assert _record_version(built) == built.store_version(), "the record took the version"


def test_a_rolled_back_write_leaves_the_version(built: Store) -> None:
    before = built.store_version()
    with pytest.raises(RuntimeError), built.transaction():
        built.db.execute("DELETE FROM documents")
        raise RuntimeError("boom")
    assert built.store_version() == before
    assert built.record_is_current()


def test_a_transaction_of_many_writes_counts_at_least_once(built: Store) -> None:
    before = built.store_version()
    with built.transaction():
        built.db.execute("UPDATE documents SET failure = NULL")
        built.db.execute("UPDATE judgements SET author = author")
        built.db.execute("UPDATE figures SET doc_id = doc_id")
    assert built.store_version() > before
