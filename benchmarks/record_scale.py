"""The reconciled record at scale: rebuild time, record size, add-10 time and read latency.

    .venv/bin/python benchmarks/record_scale.py make  --db /tmp/rec10k.db --docs 10000
    .venv/bin/python benchmarks/record_scale.py rebuild --db /tmp/rec10k.db
    .venv/bin/python benchmarks/record_scale.py add10 --db /tmp/rec10k.db
    .venv/bin/python benchmarks/record_scale.py add10 --db DIR/store.db --from DIR/templates.db
    .venv/bin/python benchmarks/record_scale.py read --db /tmp/rec10k.db [--repeat 5]

`make` ingests examples/corpus (and ../shared/seeds when present) once, then stores copies of
those documents and their extractions through the store API, copy i with every year in its
dates, periods and deadlines moved i years on (so events, figures and commitments spread over
time instead of piling onto the same dates). `add10` stores ten more copies and brings the
record up to date as an ingest of ten documents does (`refresh_record`: incremental when the
record was current before); `read` times the dashboard's and the API's
heaviest reads in process (FastAPI test client). Each prints what it measured.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.record import rebuild_record
from bilat.record_update import refresh_record
from bilat.records import Article, CleanDocument, Document, Extraction
from bilat.store import DocumentRow, Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "seeds")
PATHS = ("/", "/api/events", "/figures", "/conflicts", "/api/commitments")
_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def _shift(text: str | None, years: int) -> str | None:
    if text is None:
        return None
    return _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


def _shifted(ext: Extraction, years: int, name: str) -> Extraction:
    def dated(item: Any, *names: str) -> Any:
        return dataclasses.replace(item, **{n: _shift(getattr(item, n), years) for n in names})

    return dataclasses.replace(
        ext,
        doc_name=name,
        published=_shift(ext.published, years),
        events=tuple(dated(e, "date", "date_end") for e in ext.events),
        figures=tuple(dated(f, "period") for f in ext.figures),
        agreements=tuple(dated(a, "date") for a in ext.agreements),
        commitments=tuple(dated(c, "deadline") for c in ext.commitments),
    )


def _copy(store: Store, doc: Document, ext: Extraction, i: int) -> None:
    name = f"copy{i:06d}_{doc.name}"
    art = Article(name, name, doc.text, "txt", doc.title, None, doc.source)
    clean = CleanDocument(art, doc.clean_text, doc.offsets, doc.language, _shift(doc.published, i))
    with store.transaction():
        new = store.add_document(DocumentRow(clean, f"{doc.content_hash}-{i}", "ok", None, None))
        store.save_extraction(new.id, _shifted(ext, i, name))
        store.db.execute(
            "UPDATE documents SET extractor_version = ? WHERE id = ?",
            (ext.extractor_version, new.id),
        )


def _bases(store: Store) -> list[tuple[Document, Extraction]]:
    out = []
    for doc in store.documents(status="ok"):
        ext = store.load_extraction(doc.id)
        if ext is not None and not doc.name.startswith("copy"):
            out.append((doc, ext))
    return out


def make(db: str, docs: int) -> None:
    store = open_store(db)
    options = load_options(None)
    paths = [str(p) for p in SOURCES if p.is_dir()]
    t = time.perf_counter()
    ingest_and_extract(store, paths, options, reconcile=False)
    bases = _bases(store)
    print(f"ingested {len(bases)} base documents in {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    for i in range(1, docs // len(bases) + 1):
        for doc, ext in bases:
            _copy(store, doc, ext, i)
    n = store.db.scalar("SELECT COUNT(*) FROM documents")
    print(f"stored copies: {n} documents in {time.perf_counter() - t:.1f}s")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _record_mb(store: Store) -> float:
    tables = [
        t
        for t in ("reconciled", "record_items")
        if store.db.scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (t,)
        )
    ]
    total = 0
    for t in tables:
        col = "data" if t == "reconciled" else "payload"
        total += int(store.db.scalar(f"SELECT COALESCE(SUM(LENGTH({col})), 0) FROM {t}"))
    return total / 1e6


def rebuild(db: str) -> None:
    store = open_store(db)
    t, cpu = time.perf_counter(), time.process_time()
    rebuild_record(store)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(
        f"rebuild: {secs:.1f}s wall, {cpu:.1f}s CPU, peak RSS {_rss_mb():.0f} MB, "
        f"record {_record_mb(store):.1f} MB"
    )


def add10(db: str, source: str | None = None) -> None:
    """`source`: a store to take the ten from (e.g. `benchmarks/scale.py`'s templates.db),
    every fifth of its documents, one year on; by default copies of this store's bases."""
    store = open_store(db)
    if source is None:
        bases = _bases(store)
        # the next copies after the last one `make` stored (a larger shift would move years
        # past 9999, which no date parser reads: the ten would be undated)
        start = int(store.db.scalar("SELECT COUNT(*) FROM documents")) // len(bases) + 1
        picks = [(*bases[k % len(bases)], start + k) for k in range(10)]
    else:
        bases = _bases(open_store(source))
        picks = [(*bases[(5 * k) % len(bases)], 1) for k in range(10)]
    t = time.perf_counter()
    for doc, ext, years in picks:
        _copy(store, doc, ext, years)
    stored, cpu = time.perf_counter() - t, time.process_time()
    how = refresh_record(store)  # "updated": only what the ten touch; "rebuilt": everything
    secs, cpu = time.perf_counter() - t - stored, time.process_time() - cpu
    print(
        f"add 10: stored {stored:.2f}s, record {how} in {secs:.1f}s wall, {cpu:.1f}s CPU, "
        f"peak RSS {_rss_mb():.0f} MB"
    )


def read(db: str, repeat: int, paths: list[str]) -> None:
    from fastapi.testclient import TestClient

    from bilat.serve.app import create_app

    client = TestClient(create_app(db, None))
    client.get("/api/events")  # builds the record if stale, warms caches
    for path in paths:
        times, cpus = [], []
        for _ in range(repeat):
            t, cpu = time.perf_counter(), time.process_time()
            r = client.get(path)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - cpu)
            if r.status_code != 200:
                sys.exit(f"{path}: HTTP {r.status_code}")
        wall, cpu = statistics.median(times) * 1000, statistics.median(cpus) * 1000
        print(
            f"{path:24} median {wall:8.0f} ms wall {cpu:8.0f} ms CPU {len(r.content) / 1e6:6.2f} MB"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("make", "rebuild", "add10", "read"))
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bilat-rec.db"))
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--from", dest="source", help="add10: a store to take the ten from")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--paths", nargs="*", default=list(PATHS))
    args = ap.parse_args()
    if args.what == "make":
        make(args.db, args.docs)
    elif args.what == "rebuild":
        rebuild(args.db)
    elif args.what == "add10":
        add10(args.db, args.source)
    else:
        read(args.db, args.repeat, args.paths)


if __name__ == "__main__":
    main()
