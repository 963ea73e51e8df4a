"""Where batches of documents are extracted: a local process pool or Dask workers.

Both take a batch (`bilat.extract.workers.BatchArgs`) and return a future of its results;
`slots` is how many batches can run at once, which bounds how many the runner keeps in flight.

- `PoolWorkers` (`extract.executor = "processes"`): `extract.n_process` forked processes; the
  parent warms the model and caches first, so every worker inherits them.
- `DaskWorkers` (`extract.executor = "dask"`): the workers of a Dask scheduler
  (`extract.scheduler`, e.g. `tcp://10.0.0.5:8786`), or a local cluster of `n_process`
  worker processes when no scheduler is given. A worker needs the same bilat installed; it
  loads the model with its first batch and keeps it (see docs/scaling.md).
"""

from __future__ import annotations

import gc
import logging
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from bilat.config import ExtractOptions
from bilat.errors import WorkersUnavailable
from bilat.extract.workers import BatchArgs, dask_batch, start_worker, warm, work_batch
from bilat.records import Extraction

__all__ = ["DaskWorkers", "PoolWorkers", "Workers", "start_workers"]

log = logging.getLogger("bilat.extract")

_CONNECT_SECONDS = 10


class BatchFuture(Protocol):
    def result(self) -> list[Any]: ...


class Workers(Protocol):
    slots: int

    def submit(self, args: BatchArgs) -> BatchFuture: ...

    def close(self) -> None: ...


def start_workers(options: ExtractOptions) -> Workers:
    if options.executor == "dask":
        return DaskWorkers(options)
    return PoolWorkers(options)


class PoolWorkers:
    """A pool of forked worker processes that die with their parent."""

    def __init__(self, options: ExtractOptions) -> None:
        warm(options)
        gc.freeze()  # workers inherit the warm model and caches; GC need not rescan them
        self.slots = options.n_process
        self.pool = ProcessPoolExecutor(
            options.n_process, initializer=start_worker, initargs=(options.model, os.getpid())
        )

    def submit(self, args: BatchArgs) -> BatchFuture:
        try:
            return self.pool.submit(work_batch, args)
        except BrokenProcessPool as exc:  # a worker died earlier: this batch fails with it
            failed: Future[list[Extraction]] = Future()
            failed.set_exception(exc)
            return failed

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskWorkers:
    """The workers of a Dask scheduler (or of a local cluster started for this run)."""

    def __init__(self, options: ExtractOptions) -> None:
        import distributed

        dist: Any = distributed  # untyped
        self.model = options.model
        self.cluster: Any = None
        self.client: Any = None
        where = options.scheduler or "a local Dask cluster"
        try:
            if options.scheduler:
                self.client = dist.Client(options.scheduler, timeout=_CONNECT_SECONDS)
            else:
                self.cluster = dist.LocalCluster(
                    n_workers=options.n_process,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = dist.Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise WorkersUnavailable(f"cannot reach {where}: {exc}") from exc
        threads = sum(self.client.nthreads().values())
        self.slots = max(1, threads)
        log.info("extracting on %s: %d worker thread(s)", where, threads)

    def submit(self, args: BatchArgs) -> BatchFuture:
        future: BatchFuture = self.client.submit(dask_batch, args, self.model, pure=False)
        return future

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
