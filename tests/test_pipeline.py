"""The main job end to end: ingest -> extract (streamed to worker processes) -> record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bilat.config import load_options
from bilat.export import to_gold
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store
from conftest import CORPUS


def _run(tmp_path: Path, n_process: int) -> tuple[dict[str, object], dict[str, object]]:
    options = load_options(None, db=str(tmp_path / f"p{n_process}.db"))
    options = dataclasses.replace(
        options, extract=dataclasses.replace(options.extract, n_process=n_process)
    )
    store = open_store(options.db)
    try:
        job = ingest_and_extract(store, [str(CORPUS)], options)
        assert not job.failed and not job.ingest.rejected
        assert job.extracted == len(store.documents(status="ok"))
        extractions = {}
        for doc in store.documents(status="ok"):
            ext = store.load_extraction(doc.id)
            assert ext is not None
            extractions[doc.name] = to_gold(ext, doc.published)
        record = store.load_record()
        assert record is not None
        return extractions, record
    finally:
        store.close()


def test_worker_processes_give_the_same_record_as_one_process(tmp_path: Path) -> None:
    one, record_one = _run(tmp_path, 1)
    two, record_two = _run(tmp_path, 2)
    assert one == two
    assert record_one["conflicts"] == record_two["conflicts"]
    assert len(record_one["events"]) == len(record_two["events"])


def test_a_second_run_extracts_nothing_new(tmp_path: Path) -> None:
    options = load_options(None, db=str(tmp_path / "again.db"))
    store = open_store(options.db)
    try:
        first = ingest_and_extract(store, [str(CORPUS)], options)
        second = ingest_and_extract(store, [str(CORPUS)], options)
    finally:
        store.close()
    assert first.extracted > 0
    assert second.extracted == 0 and not second.ingest.added
