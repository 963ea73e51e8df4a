"""Extract a stream of documents and save each result as it comes, in input order.

`Extractor.run(docs)` pulls documents from any iterable (the ingest's stored documents, or the
stale ones), cuts them into batches and keeps at most `2 x slots` batches in flight: the parent
never holds more than that many pending documents or results, whatever the input size.

Where batches run: one batch alone (a single file, a few documents) runs in this process;
from the second batch on, in the workers of `extract.executor` (`bilat.extract.executors`):
a local pool of `extract.n_process` processes, or Dask workers. Workers only extract; this
process writes the results, one transaction per batch (multi-row writes; a result that
cannot be stored fails its document only), so a worker that dies loses its
batch's results (the documents are marked failed, with the reason) and stores nothing twice.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bilat.config import ExtractOptions
from bilat.errors import ExtractionError
from bilat.extract.executors import BatchFuture, Workers, start_workers
from bilat.extract.pipeline import EXTRACTOR_VERSION
from bilat.extract.workers import BatchArgs, init_worker, reason, work_batch
from bilat.records import Document, Extraction
from bilat.store import Store

__all__ = ["Extractor", "run_extraction"]

log = logging.getLogger("bilat.extract")

Result = tuple[Document, Extraction | ExtractionError]


class Extractor:
    """Extract documents and save their results a batch at a time (see the module doc)."""

    def __init__(self, store: Store, options: ExtractOptions) -> None:
        self.store, self.options = store, options
        self.workers: Workers | None = None
        self.batch = max(1, options.batch_size // 4)
        self.parallel = options.n_process > 1 or options.executor == "dask"

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.workers is not None:
            self.workers.close()
            self.workers = None

    def start(self) -> Workers:
        """The workers, started on first use."""
        if self.workers is None:
            self.workers = start_workers(self.options)
        return self.workers

    def run(
        self,
        docs: Iterable[Document],
        progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    ) -> tuple[int, list[str]]:
        """Extract and save `docs` (those of status 'ok'); `progress` wraps the results."""
        results: Iterable[Result] = self.results(docs)
        if progress is not None:
            results = progress(results)
        done, failed = 0, list[str]()
        pending: list[tuple[Document, Extraction]] = []
        for doc, result in results:
            if isinstance(result, ExtractionError):
                self._failed(doc, result, failed)
                continue
            pending.append((doc, result))
            if len(pending) >= self.options.batch_size:  # results saved per transaction
                done += self._save(pending, failed)
                pending = []
        done += self._save(pending, failed)
        return done, failed

    def _failed(self, doc: Document, error: ExtractionError, failed: list[str]) -> None:
        log.error("extraction failed: %s: %s", doc.name, error)
        self.store.mark_failed(doc.id, str(error))
        failed.append(f"{doc.name}: {error}")

    def results(self, docs: Iterable[Document]) -> Iterator[Result]:
        """(document, extraction or error) for each of `docs` of status 'ok', in their order."""
        batches = self._batches(docs)
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        if first is None:
            return
        if second is None or not self.parallel:  # one batch is not worth starting workers
            rest = itertools.chain([first], [second] if second else [], batches)
            for batch in rest:
                yield from self._collect(batch, None)
            return
        workers = self.start()
        window = 2 * workers.slots  # a batch running and the next one waiting, per slot
        flight: deque[tuple[list[Document], BatchFuture]] = deque()
        for batch in itertools.chain([first, second], batches):
            flight.append((batch, workers.submit(self._args(batch))))
            while len(flight) >= window:
                yield from self._collect(*flight.popleft())
        while flight:
            yield from self._collect(*flight.popleft())

    def _batches(self, docs: Iterable[Document]) -> Iterator[list[Document]]:
        batch: list[Document] = []
        for doc in docs:
            if doc.status != "ok":
                continue  # duplicates are linked to their first copy, not extracted again
            batch.append(doc)
            if len(batch) >= self.batch:
                yield batch
                batch = []
        if batch:
            yield batch

    def _args(self, batch: list[Document]) -> BatchArgs:
        o = self.options
        return batch, o.pair, o.auto_pair, (o.max_sentences, o.max_sentence_tokens)

    def _collect(self, batch: list[Document], job: BatchFuture | None) -> Iterator[Result]:
        try:
            if job is None:
                init_worker(self.options.model)
                results: list[Any] = work_batch(self._args(batch))
            else:
                results = job.result()
        except Exception as exc:  # a worker died (killed, out of memory): this batch only
            results = [ExtractionError(f"worker failed: {reason(exc)}") for _ in batch]
        for doc, result in zip(batch, results, strict=True):
            yield doc, _checked(result)

    def _save(self, pending: list[tuple[Document, Extraction]], failed: list[str]) -> int:
        """Store the extractions of a batch in one transaction (multi-row writes); one that
        cannot be stored (e.g. a value too large) fails its document only. Returns how many
        were stored. A StoreError (the store itself is gone) is raised."""
        if not pending:
            return 0
        with self.store.transaction():
            outcome = self.store.save_extractions([(doc.id, ext) for doc, ext in pending])
            for (doc, _), out in zip(pending, outcome, strict=True):
                if out is None:
                    self.store.clear_failure(doc.id)
        for (doc, _), out in zip(pending, outcome, strict=True):
            if out is not None:
                self._failed(doc, ExtractionError(f"cannot be stored: {out.reason}"), failed)
        return sum(out is None for out in outcome)


def _checked(result: Extraction | ExtractionError) -> Extraction | ExtractionError:
    """A remote worker running another bilat would store items of another extractor."""
    if isinstance(result, Extraction) and result.extractor_version != EXTRACTOR_VERSION:
        return ExtractionError(
            f"the worker runs extractor {result.extractor_version}, this run "
            f"{EXTRACTOR_VERSION}: install the same bilat on every worker"
        )
    return result


class _Sized:
    """An iterator that knows its length, so a progress display can show done/total."""

    def __init__(self, items: Iterator[Any], size: int) -> None:
        self.items, self.size = items, size

    def __iter__(self) -> Iterator[Any]:
        return self.items

    def __len__(self) -> int:
        return self.size


def run_extraction(
    store: Store,
    options: ExtractOptions,
    docs: list[Document] | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> tuple[int, list[str]]:
    """Extract `docs` (default: every stale document, read from the store one at a time as the
    workers need them) and store them a batch per transaction."""
    if docs is None:
        ids = store.stale_ids(EXTRACTOR_VERSION)
        todo: Iterable[Document] = (store.get_document(i) for i in ids)
        count = len(ids)
    else:
        todo, count = docs, len(docs)
    if not count:
        return 0, []
    with Extractor(store, options) as extractor:
        sized = None if progress is None else lambda items: progress(_Sized(iter(items), count))
        return extractor.run(todo, sized)
