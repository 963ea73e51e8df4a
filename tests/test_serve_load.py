"""50 concurrent readers against a real `bilat serve` while `bilat ingest` writes to the same
store (SQLite and PostgreSQL): every read must succeed. Bounded: loopback only, at most
`PER_READER` requests per reader, stopping when the ingest ends. Prints the p95 latency.
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import httpx

from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store
from test_browser import serving
from test_concurrency import _bilat, _corpus

READERS = 50
PER_READER = 30
PATHS = ["/api/documents?limit=20", "/api/figures", "/api/stats", "/api/events", "/documents"]


def _reader(base: str, stop: threading.Event, out: list[float], errors: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        for i in range(PER_READER):
            if stop.is_set() and i >= 3:
                return
            t0 = time.perf_counter()
            try:
                r = client.get(PATHS[i % len(PATHS)])
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            out.append(time.perf_counter() - t0)


def test_fifty_readers_during_an_ingest_see_no_errors(db_url: str, tmp_path: Path) -> None:
    _corpus(tmp_path / "first", 10)
    store = open_store(db_url)
    ingest_and_extract(store, [str(tmp_path / "first")], load_options(None, db=db_url))
    store.close()
    _corpus(tmp_path / "second", 25, prefix="b")
    with serving(db_url, tmp_path / "serve.log") as base:
        writer = _bilat(db_url, "ingest", str(tmp_path / "second"), quiet=True)
        stop, latencies, errors = threading.Event(), [], []
        threads = [
            threading.Thread(target=_reader, args=(base, stop, latencies, errors))
            for _ in range(READERS)
        ]
        for t in threads:
            t.start()
        writer.wait(timeout=300)
        stop.set()
        for t in threads:
            t.join(timeout=120)
    assert writer.returncode == 1, "the ingest ran (exit 1: the corpus's two rejects)"
    assert errors == [], errors[:5]
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(
        f"\n{len(latencies)} reads by {READERS} readers during an ingest: 0 errors, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )
    assert len(latencies) >= READERS * 3  # (no latency bound: the machine is shared)
