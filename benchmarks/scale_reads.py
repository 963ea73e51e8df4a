"""The read paths `benchmarks/scale.py` times over a live `bilat serve`, and their query plans.

`read_paths(params)` names every path (overview, timeline by actor/type/dates/pair as page and
`/api/events`, figures of a measure, conflicts, commitments, an actor, a document, search);
`time_paths` requests each over HTTP until it has `repeat` samples or spent `budget` seconds;
`explain_paths` runs the same requests in process with every SQL statement the store executes
recorded, and prints each statement's plan (SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN`)
with full scans flagged.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import httpx

__all__ = ["Timing", "explain_paths", "read_paths", "time_paths"]


@dataclass(frozen=True, slots=True)
class Timing:
    label: str
    path: str
    samples: list[float]
    size: int  # bytes of the last response
    status: int

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=20, method="inclusive")[-1]


def read_paths(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, path) of every read path timed, filled with values the store holds."""
    actor, year = params["actor"], params["year"]
    dates = {"since": f"{year}-01-01", "until": f"{year}-12-31"}
    filters = {
        "actor": {"actor": actor},
        "type": {"type": params["event_type"]},
        "dates": dates,
        "pair": {"pair": params["pair"]},
    }
    out = [("overview /", "/")]
    for name, query in filters.items():
        out.append((f"timeline by {name}", f"/timeline?{urlencode(query)}"))
        out.append((f"/api/events by {name}", f"/api/events?{urlencode(query)}"))
    measure = urlencode({"measure": params["measure"]})
    doc = params["doc_id"]
    out += [
        ("figures of a measure", f"/figures?{measure}"),
        ("/api/figures of a measure", f"/api/figures?{measure}"),
        ("conflicts", "/conflicts"),
        ("/api/conflicts", "/api/conflicts"),
        ("commitments", "/commitments"),
        ("/api/commitments", "/api/commitments"),
        ("agreements", "/agreements"),
        ("/api/agreements", "/api/agreements"),
        ("actor page", f"/actors/{quote(actor)}"),
        ("/api/actors/{name}", f"/api/actors/{quote(actor)}"),
        ("document page", f"/documents/{doc}"),
        ("/api/documents/{id}", f"/api/documents/{doc}"),
        ("search page /documents?q=", f"/documents?{urlencode({'q': params['query']})}"),
        ("/api/search", f"/api/search?{urlencode({'q': params['query']})}"),
    ]
    return out


def time_paths(
    base: str, paths: list[tuple[str, str]], repeat: int, budget: float, made: bool = False
) -> Iterator[Timing]:
    """Request each path until `repeat` samples or `budget` seconds (at least 2 samples);
    `made`: each request with a query parameter of its own (`made=<n>`), so a page kept
    under its URL (`bilat.serve.kept`) is made each time, as after a write."""
    with httpx.Client(base_url=base, timeout=900) as client:
        for label, path in paths:
            samples: list[float] = []
            started = time.perf_counter()
            while len(samples) < repeat:
                sep = "&" if "?" in path else "?"
                url = f"{path}{sep}made={len(samples)}" if made else path
                t0 = time.perf_counter()
                response = client.get(url)
                samples.append(time.perf_counter() - t0)
                if len(samples) >= 2 and time.perf_counter() - started > budget:
                    break
            yield Timing(label, path, samples, len(response.content), response.status_code)


def wait_ready(base: str, timeout: float = 600) -> None:
    """Until the server answers (it may rebuild a stale record first)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(f"{base}/api/openapi.json", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


# --- query plans -----------------------------------------------------------------------------


@contextmanager
def _recorded() -> Iterator[list[tuple[str, tuple[Any, ...], float]]]:
    """Every statement `bilat.store.db.Database.execute` runs meanwhile, with its parameters
    and the seconds it took to execute (rows are fetched later, not counted)."""
    from bilat.store.db import Database

    seen: list[tuple[str, tuple[Any, ...], float]] = []
    original = Database.execute

    def execute(self: Database, sql: str, params: Any = ()) -> Any:
        t0 = time.perf_counter()
        cur = original(self, sql, params)
        seen.append((sql, tuple(params), time.perf_counter() - t0))
        return cur

    Database.execute = execute  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        Database.execute = original  # type: ignore[method-assign]


def _plan(db: Any, sql: str, params: tuple[Any, ...]) -> list[str]:
    if db.dialect == "postgresql":
        rows = db.execute("EXPLAIN " + sql, params).fetchall()
        db.conn.rollback()
        return [str(r[0]) for r in rows]
    rows = db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return [str(r[-1]) for r in rows]


def _full_scan(line: str) -> bool:
    """A plan line that reads a whole table, or runs a subquery once per row."""
    text = line.strip()
    if "Seq Scan" in text or "CORRELATED" in text or "SubPlan" in text:
        return True
    return text.startswith("SCAN ") and "USING" not in text and "VIRTUAL TABLE" not in text


def explain_paths(url: str, paths: list[tuple[str, str]]) -> int:
    """Print the plan of every distinct statement each path runs; return the full scans."""
    from fastapi.testclient import TestClient

    from bilat.serve.app import create_app
    from bilat.serve.kept import Kept
    from bilat.store import open_store

    store = open_store(url, migrate=False)
    app = create_app(url, None)
    app.state.bilat.kept = Kept(0)  # every page made, so its statements run each time
    with TestClient(app) as client:  # the lifespan closes the app's store
        scans = _explain_each(client, store, paths)
    store.close()
    return scans


def _explain_each(client: Any, store: Any, paths: list[tuple[str, str]]) -> int:
    scans = 0
    slowest: tuple[float, str, str, tuple[Any, ...]] = (0.0, "", "", ())
    for label, path in paths:
        client.get(path)  # warm, as the timed requests are
        with _recorded() as seen:
            client.get(path)
        reads = [(s, p) for s, p, _ in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        for sql, params, took in seen:
            slowest = max(slowest, (took, label, sql, params))
        runs = Counter(" ".join(s.split()) for s, _ in reads)
        print(f"\n== {label}  {path}  ({len(seen)} statements, {len(runs)} distinct)")
        first = {" ".join(s.split()): (s, p) for s, p in reversed(reads)}
        for text, times in runs.items():
            plan = _plan(store.db, *first[text])
            flagged = [ln for ln in plan if _full_scan(ln)]
            scans += len(flagged)
            mark = "FULL SCAN / PER ROW " if flagged else ""
            print(f"  {mark}x{times} {text[:150]}")
            for ln in plan:
                print(f"      {'!! ' if _full_scan(ln) else '   '}{ln}")
    took, label, sql, params = slowest
    print(f"\n== slowest statement: {took * 1000:.1f} ms [{label}]\n  {' '.join(sql.split())}")
    print(f"  params: {params[:12]}")
    for ln in _plan(store.db, sql, params):
        print(f"      {ln}")
    return scans
