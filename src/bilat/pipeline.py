"""The main job: ingest inputs, extract every stored document, rebuild the reconciled record.

Extraction starts on each document as soon as it is stored (worker processes when
`extract.n_process > 1`, Dask workers with `extract.executor = "dask"`), so reading and cleaning
the next inputs overlaps with it. The stream is bounded: ingest reads the next input only when
fewer than a few batches are waiting for extraction, so memory does not grow with the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bilat.config import Options
from bilat.extract import Extractor, run_extraction
from bilat.ingest import IngestReport, ingest, stored_documents
from bilat.record_update import refresh_record
from bilat.store import Store

__all__ = ["JobReport", "ingest_and_extract"]


@dataclass(slots=True)
class JobReport:
    ingest: IngestReport
    extracted: int = 0
    failed: list[str] = field(default_factory=list)


def ingest_and_extract(
    store: Store,
    paths: list[str],
    options: Options,
    *,
    extract: bool = True,
    reconcile: bool = True,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    **ingest_options: Any,
) -> JobReport:
    """Ingest `paths` (see `bilat.ingest.ingest` for the options, among them `progress` for
    the inputs read, passed here as `read_progress`) and extract what is new, `progress`
    wrapping the extraction results.

    The whole job holds the store's write lock: a concurrent run waits for it to finish."""
    if "read_progress" in ingest_options:
        ingest_options["progress"] = ingest_options.pop("read_progress")
    with store.write_lock(options.lock_timeout):
        if not extract:
            return JobReport(ingest(store, paths, options, **ingest_options))
        report = IngestReport()
        with Extractor(store, options.extract) as extractor:
            stored = stored_documents(store, paths, options, report, **ingest_options)
            done, failed = extractor.run(stored, progress)
        more, more_failed = run_extraction(store, options.extract, progress=progress)  # stale
        if reconcile:
            refresh_record(store)  # only what the new documents touch, when that is all
        return JobReport(report, done + more, failed + more_failed)
