"""Scale: how bilat behaves on a store of 10,000 or 100,000 documents.

    .venv/bin/python benchmarks/scale.py --docs 10000 [--db postgresql://...] [--keep DIR]
    .venv/bin/python benchmarks/scale.py --reuse DIR --steps reads     # time reads again
    .venv/bin/python benchmarks/scale.py --docs 2000 --explain         # + the query plans

1. build: real articles (examples/corpus, ../shared seeds and dev docs) are ingested and
   extracted once (spaCy), then `--docs` documents are generated from those extractions
   through the store's API (`synthetic.py`: dates, people, places and values vary, so clusters
   and conflicts form as in reality);
2. rebuild: `bilat reconcile --rebuild` in a child process: wall time and peak RSS;
3. reads: a `bilat serve` child on 127.0.0.1; p50/p95 of every read path (`scale_reads.py`);
4. ingest: `bilat ingest` of 10 real articles held out from the templates (total, peak RSS),
   the same 10 into an empty store (the part that does not grow with the store: start-up,
   model loading, extraction), and the difference.

Everything is printed as one table. Writes go through public surfaces only (Store API, CLI),
reads through HTTP, so the script works whatever the record's storage looks like.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console
from rich.table import Table
from scale_reads import explain_paths, read_paths, time_paths, wait_ready
from synthetic import Summary, extract_templates, generate

from bilat.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = (ROOT / "examples" / "corpus", SHARED / "seeds", SHARED / "eval" / "dev" / "docs")
BILAT = str(Path(sys.executable).with_name("bilat"))
HELD_OUT = 10
STEPS = ("build", "rebuild", "reads", "ingest")
Row = tuple[str, str, str, str, str]


def article_files() -> tuple[list[Path], list[Path]]:
    """(template files, the HELD_OUT files for the incremental add): the last files of the
    last source present are held out, so no template is a near-copy of them."""
    groups = [sorted(p for p in d.iterdir() if p.is_file()) for d in SOURCES if d.is_dir()]
    files = [p for g in groups for p in g]
    if len(files) <= HELD_OUT:
        sys.exit(f"need more than {HELD_OUT} articles in {', '.join(map(str, SOURCES))}")
    return files[:-HELD_OUT], files[-HELD_OUT:]


# Peak RSS of a child must be read from a small parent: on Linux a child forked from this
# (large) process reports at least this process's RSS as its own ru_maxrss.
_WRAP = (
    "import resource, subprocess, sys; rc = subprocess.call(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
    "sys.exit(rc)"
)


def run_child(args: list[str], log: Path) -> tuple[float, float, int]:
    """Run `args`; (wall seconds, peak RSS MB of the child and its waited-for children, rc)."""
    rss_file = log.with_suffix(".rss")
    with log.open("ab") as out:
        t0 = time.perf_counter()
        cmd = [sys.executable, "-S", "-c", _WRAP, str(rss_file), *args]
        rc = subprocess.call(cmd, stdout=out, stderr=subprocess.STDOUT)
        wall = time.perf_counter() - t0
    return wall, int(rss_file.read_text()) / 1024, rc


def peak_rss_mb(pid: int) -> float:
    """VmHWM of a live process (its peak RSS since exec), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pg_schema(base: str, name: str | None = None) -> str:
    """A fresh schema on the server at `base` (`name`, or a random bench_ name), as a URL
    whose search_path is that schema."""
    import psycopg

    schema = name or "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def drop_schema(url: str) -> None:
    import psycopg

    base, _, schema = url.partition("options=-csearch_path%3D")
    with psycopg.connect(base.rstrip("?&"), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def store_size_mb(url: str) -> float:
    if not url.startswith("postgres"):
        return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*")) / 1e6
    store = open_store(url, migrate=False)
    size = store.db.scalar(
        "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
    )
    store.close()
    return float(size or 0) / 1e6


def build(url: str, docs: int, work: Path, rows: list[Row]) -> dict[str, Any]:
    templates_files, _ = article_files()
    t0 = time.perf_counter()
    templates = extract_templates(templates_files, work / "templates.db")
    took = time.perf_counter() - t0
    rows.append(("templates: real ingest + extract", f"{took:.1f} s", "", "1", ""))
    store = open_store(url)
    t0 = time.perf_counter()
    summary = generate(store, templates, docs, progress=_progress(docs))
    took = time.perf_counter() - t0
    store.close()
    counts = ", ".join(f"{v:,} {k}" for k, v in summary.counts().items())
    print(f"\rgenerated {counts} from {len(templates)} templates in {took:.0f} s")
    rows.append((f"build {docs:,} docs (Store API)", f"{took:.1f} s", "", "1", ""))
    rows.append(("store size", "", "", "", f"{store_size_mb(url):,.0f} MB"))
    params = read_params(summary)
    (work / "params.json").write_text(json.dumps({"url": url, **params}, indent=1))
    return params


def _progress(total: int) -> Any:
    def show(done: int) -> None:
        print(f"\rgenerating {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    return show


def read_params(s: Summary) -> dict[str, Any]:
    """The values the read paths use: the busiest person, type, year and measure, a pair
    other than the most common, a document from the middle, a common search word pair."""
    pairs = [p for p, _ in s.pairs.most_common(2)]
    return {
        "actor": s.people.most_common(1)[0][0],
        "event_type": s.event_types.most_common(1)[0][0],
        "year": s.years.most_common(1)[0][0],
        "measure": s.measures.most_common(1)[0][0],
        "pair": pairs[-1] if pairs else "all",
        "doc_id": s.doc_ids[len(s.doc_ids) // 2],
        "query": "gas pipeline",
        "counts": s.counts(),
    }


def rebuild(url: str, work: Path, rows: list[Row]) -> None:
    wall, rss, rc = run_child([BILAT, "--db", url, "reconcile", "--rebuild"], work / "bilat.log")
    rows.append(("bilat reconcile --rebuild", f"{wall:.1f} s", "", "1", f"{rss:,.0f} MB RSS"))
    if rc:
        sys.exit(f"reconcile failed (exit {rc}); see {work / 'bilat.log'}")


def reads(url: str, params: dict[str, Any], work: Path, rows: list[Row], opts: Any) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with (work / "serve.log").open("ab") as log:
        proc = subprocess.Popen(
            [BILAT, "--db", url, "serve", "--port", str(port)], stdout=log, stderr=log
        )
    try:
        t0 = time.perf_counter()
        wait_ready(base)
        rows.append(("bilat serve: ready", f"{time.perf_counter() - t0:.1f} s", "", "1", ""))
        paths = [(label, path) for label, path in read_paths(params) if _chosen(label, opts.paths)]
        for t in time_paths(base, paths, opts.repeat, opts.budget, opts.made):
            note = f"{t.size / 1e6:,.2f} MB, first {_ms(t.samples[0])}"
            note += "" if t.status == 200 else f" HTTP {t.status}"
            rows.append((t.label, _ms(t.p50), _ms(t.p95), str(len(t.samples)), note))
            print(f"{t.label}: p50 {_ms(t.p50)}", file=sys.stderr)
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    rows.append(("bilat serve: peak RSS", "", "", "", f"{rss:,.0f} MB RSS"))


def _chosen(label: str, paths: str) -> bool:
    """Is the read path `label` among `--paths` (comma-separated texts; empty: all)?"""
    return not paths or any(p.strip() in label for p in paths.split(","))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def ingest(url: str, work: Path, rows: list[Row]) -> None:
    _, held_out = article_files()
    add = work / "add"
    shutil.rmtree(add, ignore_errors=True)
    add.mkdir()
    for p in held_out:
        shutil.copy(p, add / p.name)
    log = work / "bilat.log"
    wall, rss, rc = run_child([BILAT, "--db", url, "ingest", str(add)], log)
    rows.append(
        (f"bilat ingest {HELD_OUT} articles", f"{wall:.1f} s", "", "1", f"{rss:,.0f} MB RSS")
    )
    empty = work / "empty.db"
    for p in work.glob("empty.db*"):
        p.unlink()
    base, base_rss, _ = run_child([BILAT, "--db", str(empty), "ingest", str(add)], log)
    rows.append(
        ("  the same into an empty store", f"{base:.1f} s", "", "1", f"{base_rss:,.0f} MB RSS")
    )
    rows.append(("  the part the store's size adds", f"{wall - base:.1f} s", "", "", ""))
    if rc not in (0, 1):
        print(f"warning: bilat ingest exited {rc}; see {log}", file=sys.stderr)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents to generate")
    ap.add_argument("--db", help="postgresql://... server (a fresh schema is made); default SQLite")
    ap.add_argument(
        "--keep",
        type=Path,
        help="build in DIR and keep it (store, params, logs; with --db the schema is kept, "
        "its URL in DIR/params.json)",
    )
    ap.add_argument("--schema", help="with --db: build in this new schema (default: a random name)")
    ap.add_argument("--reuse", type=Path, help="a DIR kept by --keep: skip the build")
    ap.add_argument("--steps", default=",".join(STEPS), help=f"of {','.join(STEPS)}")
    ap.add_argument("--repeat", type=int, default=5, help="samples per read path")
    ap.add_argument(
        "--made",
        action="store_true",
        help="each request of a path with its own query parameter: kept pages made each time",
    )
    ap.add_argument(
        "--budget", type=float, default=30.0, help="seconds per read path (>= 2 samples each)"
    )
    ap.add_argument(
        "--paths", default="", help="only the read paths whose label has one of these texts (a,b)"
    )
    ap.add_argument("--explain", action="store_true", help="print the query plans of the reads")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    opts = parse_args(argv)
    steps = set(opts.steps.split(","))
    work = opts.reuse or opts.keep or Path(tempfile.mkdtemp(prefix="bilat-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    if opts.reuse:
        params = json.loads((work / "params.json").read_text())
        url = params["url"]
    else:
        url = pg_schema(opts.db, opts.schema) if opts.db else str(work / "store.db")
        params = build(url, opts.docs, work, rows)
    try:
        if "rebuild" in steps:
            rebuild(url, work, rows)
        if "reads" in steps:
            reads(url, params, work, rows, opts)
        if opts.explain:
            paths = [
                (label, path) for label, path in read_paths(params) if _chosen(label, opts.paths)
            ]
            scans = explain_paths(url, paths)
            rows.append(("query plans: full scans flagged", str(scans), "", "", ""))
        if "ingest" in steps:
            ingest(url, work, rows)
    finally:
        if not (opts.keep or opts.reuse):
            shutil.rmtree(work, ignore_errors=True)
            if url.startswith("postgres"):
                drop_schema(url)
    show(rows, params, url)


def show(rows: list[Row], params: dict[str, Any], url: str) -> None:
    counts = ", ".join(f"{v:,} {k}" for k, v in params["counts"].items())
    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    table = Table(title=f"bilat at scale — {backend}: {counts}")
    for name, justify in (("what", "left"), ("p50 / time", "right"), ("p95", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("n", justify="right")
    table.add_column("size / RSS", justify="right")
    for row in rows:
        table.add_row(*row)
    Console(width=120).print(table)
    print(f"read paths use: {json.dumps({k: v for k, v in params.items() if k != 'counts'})}")


if __name__ == "__main__":
    main()
