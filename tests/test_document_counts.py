"""Current documents by status, kept by triggers on documents (migration 017), equal a
recount after every kind of write: ingest, a duplicate, a failure and its clearing, a new
version, a removal that promotes a copy, and a rolled-back write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilat.config import Options
from bilat.ingest import ingest
from bilat.store import Store
from conftest import CORPUS

_FILES = ("c01_tass_putin_xi_call.txt", "c02_xinhua_xi_putin_call.txt")


def _recount(store: Store) -> dict[str, int]:
    rows = store.db.all(
        "SELECT status, COUNT(*) AS n FROM documents WHERE is_current = 1 GROUP BY status"
    )
    return {r["status"]: int(r["n"]) for r in sorted(rows, key=lambda r: str(r["status"]))}


def _agree(store: Store) -> dict[str, int]:
    kept = store.documents_by_status()
    assert kept == _recount(store)
    return kept


@pytest.fixture
def ingested(store: Store, options: Options, tmp_path: Path) -> Store:
    copy = tmp_path / "copy_of_c01.txt"
    shutil.copy(CORPUS / _FILES[0], copy)
    with store.transaction():
        ingest(store, [*(str(CORPUS / f) for f in _FILES), str(copy)], options)
    return store


def test_a_new_store_counts_nothing(store: Store) -> None:
    assert _agree(store) == {}


def test_ingest_and_a_duplicate_are_counted(ingested: Store) -> None:
    counts = _agree(ingested)
    assert counts.get("ok") == 2 and counts.get("duplicate") == 1, counts


def test_a_failure_and_its_clearing_move_a_document(ingested: Store) -> None:
    doc = ingested.documents(status="ok")[0]
    ingested.mark_failed(doc.id, "boom")
    assert _agree(ingested).get("failed") == 1
    with ingested.transaction():
        ingested.clear_failure(doc.id)
    assert "failed" not in _agree(ingested)


def test_a_new_version_and_a_removal_keep_the_counts(ingested: Store) -> None:
    with ingested.transaction():
        ingested.db.execute("UPDATE documents SET is_current = 0 WHERE status = 'duplicate'")
    assert _agree(ingested) == {"ok": 2}
    with ingested.transaction():
        ingested.db.execute("UPDATE documents SET is_current = 1, status = 'near_duplicate'")
    assert _agree(ingested) == {"near_duplicate": 3}
    ingested.remove_document(ingested.documents()[0].name)
    _agree(ingested)


def test_a_rolled_back_write_leaves_the_counts(ingested: Store) -> None:
    before = _agree(ingested)
    with pytest.raises(RuntimeError), ingested.transaction():
        ingested.db.execute("DELETE FROM documents WHERE status = 'duplicate'")
        raise RuntimeError("boom")
    assert _agree(ingested) == before
