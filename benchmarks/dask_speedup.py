"""Speed-up of batch extraction on 2 Dask workers over 1, on this machine.

    .venv/bin/python benchmarks/dask_speedup.py [--copies 4] [--workers 1 2] [--batch-size 16]

The texts (.txt, and the `text` of .json articles): examples/corpus plus ../shared/seeds and
../shared/eval/dev/docs when present, repeated `--copies` times (each copy a document of its
own). They are ingested once without extraction into a temporary SQLite store; then, for
each worker count, a fresh LocalCluster (processes, one thread each) is started, every worker
loads the model (not timed: a worker loads it once for the whole run), and `run_extraction`
of every document is timed, the parent writing each result to the store as in
`bilat ingest --scheduler`. Prints docs/s per count and the speed-up over the first count.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "examples" / "corpus",
    ROOT.parent / "shared" / "seeds",
    ROOT.parent / "shared" / "eval" / "dev" / "docs",
)


def _texts() -> list[tuple[str, str]]:
    out = []
    for folder in SOURCES:
        if not folder.is_dir():
            print(f"(skipped {folder}: not there)")
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt":
                text = path.read_text(encoding="utf-8")
            elif path.suffix == ".json":  # an article with a `text` key
                text = json.loads(path.read_text(encoding="utf-8")).get("text", "")
            else:
                continue
            out.append((f"{folder.name}/{path.name}", text))
    return out


def _write_jsonl(path: Path, copies: int) -> int:
    texts = _texts()
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for name, text in texts:
                out.write(json.dumps({"id": f"{copy}/{name}", "text": text}) + "\n")
    return copies * len(texts)


def _timed_run(db: str, workers: int, batch_size: int) -> tuple[float, int, int]:
    import distributed

    from bilat.config import load_options
    from bilat.extract import run_extraction
    from bilat.extract.workers import init_worker
    from bilat.store import open_store

    options = load_options(None, db=db)
    extract = dataclasses.replace(
        options.extract, n_process=workers, batch_size=batch_size, executor="dask"
    )
    dist: Any = distributed
    with (
        dist.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        dist.Client(cluster) as client,
    ):
        client.run(init_worker, extract.model)  # each worker loads the model once, untimed
        extract = dataclasses.replace(extract, scheduler=cluster.scheduler_address)
        store = open_store(db)
        try:
            docs = store.documents(status="ok")
            t0 = time.perf_counter()
            done, failed = run_extraction(store, extract, docs)
            return time.perf_counter() - t0, done, len(failed)
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    from bilat.config import load_options
    from bilat.ingest import ingest
    from bilat.store import open_store

    with tempfile.TemporaryDirectory(prefix="bilat-dask-") as tmp:
        jsonl, db = Path(tmp) / "docs.jsonl", str(Path(tmp) / "bench.db")
        count = _write_jsonl(jsonl, args.copies)
        store = open_store(db)
        try:
            report = ingest(store, [str(jsonl)], load_options(None, db=db), dedupe_enabled=False)
        finally:
            store.close()
        print(f"{count} documents ({len(report.added)} stored, {len(report.rejected)} rejected)")
        base = None
        for workers in args.workers:
            seconds, done, failed = _timed_run(db, workers, args.batch_size)
            rate = done / seconds
            base = base or rate
            print(
                f"{workers} worker(s): {done} extracted, {failed} failed in {seconds:.1f}s "
                f"= {rate:.2f} docs/s, speed-up x{rate / base:.2f}"
            )


if __name__ == "__main__":
    main()
