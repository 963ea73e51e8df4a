"""The ingest -> extract stream is bounded, and `extract.n_process` defaults to the cores.

Real store, real extraction; the documents are counted as the runner pulls them, to check that
it never holds more than a few batches whatever the input size."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.config import Options, load_options, machine_cores
from bilat.extract import Extractor
from bilat.ingest import IngestReport, stored_documents
from bilat.pipeline import ingest_and_extract
from bilat.records import Document
from bilat.store import open_store

REPORT = (
    "Russian and Chinese officials met in {city} on {day} May 2025 to discuss rail freight; "
    "report {key} says trade reached ${n} billion in 2024."
)
CITIES = ("Moscow", "Beijing", "Harbin", "Kazan", "Shanghai", "Vladivostok")


def _jsonl(path: Path, count: int) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"{path.stem}{n}",
                "text": REPORT.format(
                    city=CITIES[n % 6], day=n % 28 + 1, n=n, key=f"{path.stem}{n}"
                ),
            }
        )
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _options(tmp_path: Path, **extract: object) -> Options:
    options = load_options(None, db=str(tmp_path / "s.db"))
    return dataclasses.replace(options, extract=dataclasses.replace(options.extract, **extract))


def test_n_process_defaults_to_the_cores_and_is_documented() -> None:
    assert load_options().extract.n_process == machine_cores() >= 1
    doc = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text("utf-8")
    assert '| `extract.n_process` | `"auto"` |' in doc and "cores" in doc


@pytest.mark.parametrize("n_process", [1, 2])
def test_the_runner_holds_a_bounded_number_of_documents(tmp_path: Path, n_process: int) -> None:
    options = _options(tmp_path, n_process=n_process, batch_size=8)  # batches of 2
    store = open_store(options.db)
    report = IngestReport()
    pulled, most = [0], [0]

    def counted(docs: Iterator[Document]) -> Iterator[Document]:
        for doc in docs:
            pulled[0] += 1
            yield doc

    try:
        stored = stored_documents(store, [str(_jsonl(tmp_path / "in.jsonl", 40))], options, report)
        with Extractor(store, options.extract) as extractor:
            saved = 0
            for _doc, result in extractor.results(counted(stored)):
                saved += 1
                most[0] = max(most[0], pulled[0] - saved)
                assert not isinstance(result, Exception), result
            started = extractor.workers is not None
    finally:
        store.close()
    assert saved == 40 and len(report.added) == 40
    window = 2 * n_process if n_process > 1 else 1  # batches in flight, plus the one read
    assert most[0] <= (window + 1) * 2, most[0]
    assert started == (n_process > 1)


def test_one_small_input_is_extracted_without_starting_workers(tmp_path: Path) -> None:
    options = _options(tmp_path, n_process=2, batch_size=16)  # batches of 4
    store = open_store(options.db)
    try:
        with Extractor(store, options.extract) as extractor:
            stored = stored_documents(
                store, [str(_jsonl(tmp_path / "in.jsonl", 3))], options, IngestReport()
            )
            done, failed = extractor.run(stored)
            assert extractor.workers is None, "one batch: no worker pool started"
        assert (done, failed) == (3, [])
        more = [str(_jsonl(tmp_path / "more.jsonl", 9))]
        job = ingest_and_extract(store, more, options, dedupe_enabled=False)  # near-alike texts
        assert job.extracted == 9 and not job.failed
    finally:
        store.close()
