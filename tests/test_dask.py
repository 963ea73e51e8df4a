"""Batch extraction on Dask workers (`extract.executor = "dask"`), on a real LocalCluster of two
worker processes: the same extractions as one process, the model loaded once per worker, bad
input still a per-document reject or failure, and a worker killed mid-run loses and duplicates
nothing (the parent writes every result; Dask runs the lost batch again)."""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bad_inputs import CASES, GOOD
from bilat.config import Options, load_options
from bilat.errors import WorkersUnavailable
from bilat.export import to_gold
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store
from conftest import CORPUS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight reports of the sample corpus: enough batches for both workers, quick to extract."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.glob("*.txt"))[:8]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _options(db: Path, scheduler: str | None, **extract: Any) -> Options:
    options = load_options(None, db=str(db))
    settings: dict[str, Any] = {"n_process": 1, **extract}
    if scheduler is not None:
        settings.update(executor="dask", scheduler=scheduler)
    return dataclasses.replace(options, extract=dataclasses.replace(options.extract, **settings))


def _extractions(db: Path, options: Options, folder: Path) -> dict[str, object]:
    store = open_store(str(db))
    try:
        job = ingest_and_extract(store, [str(folder)], options)
        assert not job.failed and not job.ingest.rejected
        out = {}
        for doc in store.documents(status="ok"):
            ext = store.load_extraction(doc.id)
            assert ext is not None, doc.name
            out[doc.name] = to_gold(ext, doc.published)
        return out
    finally:
        store.close()


def _loads(client: Any) -> list[int | None]:
    """How many times each worker process loaded the model."""
    got = client.run(lambda: importlib.import_module("bilat.extract.workers")._WORKER.get("loads"))
    return list(got.values())


def test_dask_workers_extract_as_one_process_loading_the_model_once(
    cluster: Any, corpus: Path, tmp_path: Path
) -> None:
    address = cluster.scheduler.address
    local = _extractions(tmp_path / "one.db", _options(tmp_path / "one.db", None), corpus)
    on_dask = _options(tmp_path / "dask.db", address, batch_size=4)  # 8 batches of one
    assert _extractions(tmp_path / "dask.db", on_dask, corpus) == local
    loads = _loads(cluster)
    assert len(loads) == 2 and all(n == 1 for n in loads), loads  # both worked, loaded once


def test_bad_input_is_still_a_per_document_reject_or_failure(cluster: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    options = _options(tmp_path / "bad.db", cluster.scheduler.address)
    store = open_store(options.db)
    try:
        job = ingest_and_extract(store, [str(folder)], options, dedupe_enabled=False)
        docs = {d.name: d for d in store.documents()}
        rejected = {name.split(":")[0] for name, _ in job.ingest.rejected}
        for case in CASES:
            if case.failed is not None:
                assert docs[case.name].status == "failed", case.name
                assert case.failed in (docs[case.name].failure or "")
            elif case.stored is not None:
                assert docs[case.name].extractor_version, case.name
            elif case.rejects:
                assert case.name in rejected and case.name not in docs, case.name
        assert all(docs[name].extractor_version for name in GOOD)
    finally:
        store.close()


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    cluster: Any, corpus: Path, tmp_path: Path
) -> None:
    options = _options(tmp_path / "kill.db", cluster.scheduler.address, batch_size=4)
    victim = next(iter(cluster.run(os.getpid).values()))
    killed = threading.Event()

    def kill_after_the_first_result() -> None:
        watcher = open_store(options.db, migrate=False)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with watcher.transaction():
                    done = watcher.db.scalar(
                        "SELECT COUNT(*) FROM documents WHERE extractor_version IS NOT NULL"
                    )
                if done:
                    os.kill(victim, signal.SIGKILL)
                    killed.set()
                    return
                time.sleep(0.02)
        finally:
            watcher.close()

    store = open_store(options.db)  # created and migrated before the watcher connects
    watcher = threading.Thread(target=kill_after_the_first_result)
    watcher.start()
    try:
        job = ingest_and_extract(store, [str(corpus)], options)
        watcher.join()
        assert killed.is_set(), "the worker was there to be killed"
        docs = store.documents(current_only=False)
        assert len(docs) == 8 and {d.version for d in docs} == {1}
        assert not job.failed, job.failed  # Dask ran the lost batch again on a live worker
        assert all(d.extractor_version for d in docs if d.status == "ok")
        counts = store.db.all("SELECT doc_id, COUNT(*) AS n FROM actors GROUP BY doc_id")
        once = store.db.all("SELECT doc_id, COUNT(DISTINCT name) AS n FROM actors GROUP BY doc_id")
        assert counts == once, "no document's items stored twice"
    finally:
        store.close()


def test_an_unreachable_scheduler_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    options = _options(tmp_path / "none.db", "tcp://127.0.0.1:9")
    store = open_store(options.db)
    try:
        with pytest.raises(WorkersUnavailable, match=re.escape("tcp://127.0.0.1:9")):
            ingest_and_extract(store, [str(corpus)], options)
        assert len(store.documents()) > 0, "what was read is stored; `bilat extract` goes on"
    finally:
        store.close()
