"""CPU per request of the slowest read paths, each page made (what the first request after a
write costs), in process: the app through `httpx.ASGITransport`, nothing kept between
requests (`Kept(0)`), `time.process_time` around each request (steadier than the wall clock
on a shared machine; the wall time is printed too). Optionally a cProfile of one path.

    .venv/bin/python benchmarks/page_cpu.py /tmp/s100k                # a dir kept by scale.py
    .venv/bin/python benchmarks/page_cpu.py /tmp/s100k --paths figures,conflicts --n 9
    .venv/bin/python benchmarks/page_cpu.py /tmp/s100k --profile figures   # + its profile
    PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/page_cpu.py ...    # another version

The store is the one `scale.py --keep DIR` built (`DIR/params.json` names it and the measure).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import statistics
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from bilat.serve.app import create_app
from bilat.serve.kept import Kept


def paths(measure: str) -> list[tuple[str, str]]:
    m = urlencode({"measure": measure})
    return [
        ("overview", "/"),
        ("figures", f"/figures?{m}"),
        ("api-figures", f"/api/figures?{m}"),
        ("conflicts", "/conflicts"),
        ("api-conflicts", "/api/conflicts"),
        ("commitments", "/commitments"),
        ("api-commitments", "/api/commitments"),
        ("agreements", "/agreements"),
        ("api-agreements", "/api/agreements"),
    ]


class Profiled(Kept):
    """Keeps nothing; makes a page under `profile` when one is set."""

    profile: cProfile.Profile | None = None

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        if self.profile is None:
            return make()
        self.profile.enable()
        try:
            return make()
        finally:
            self.profile.disable()


async def run(app: Any, chosen: list[tuple[str, str]], n: int, profile: str) -> None:
    kept: Profiled = app.state.bilat.kept
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for label, path in chosen:
            r = await client.get(path)  # warm: caches, imports
            cpu, wall = [], []
            for _ in range(n):
                c0, w0 = time.process_time(), time.perf_counter()
                r = await client.get(path)
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            print(
                f"{label:16s} {statistics.median(cpu) * 1000:6.0f} ms CPU (median of {n}), "
                f"wall {statistics.median(wall) * 1000:.0f} / max {max(wall) * 1000:.0f} ms, "
                f"{len(r.content) / 1e6:.2f} MB, {r.status_code}",
                flush=True,
            )
            if label == profile:
                kept.profile = cProfile.Profile()
                await client.get(path)
                out = io.StringIO()
                stats = pstats.Stats(kept.profile, stream=out)
                stats.sort_stats("cumulative").print_stats(50)
                stats.sort_stats("tottime").print_stats(25)
                kept.profile = None
                print(out.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("work", help="a directory kept by scale.py --keep")
    ap.add_argument("--n", type=int, default=5, help="requests per path (the median is shown)")
    ap.add_argument("--paths", default="", help="only these labels (a,b)")
    ap.add_argument("--profile", default="", help="profile one request of this label")
    opts = ap.parse_args()
    params = json.loads((Path(opts.work) / "params.json").read_text())
    url = params["url"]
    if not url.startswith("postgres") and not Path(url).exists():
        url = str(Path(opts.work) / "store.db")  # the directory was moved
    chosen = [
        p for p in paths(params["measure"]) if not opts.paths or p[0] in opts.paths.split(",")
    ]
    app = create_app(url, None)
    app.state.bilat.kept = Profiled(0)
    try:
        asyncio.run(run(app, chosen, opts.n, opts.profile))
    finally:
        app.state.bilat.close()


if __name__ == "__main__":
    main()
