"""Two writers on one store (SQLite and PostgreSQL), a lock held by another process, and
worker processes that must die with their parent. Everything runs as real `bilat` processes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from bilat.store import open_store
from test_cli import BILAT

COUNTRIES = ["Moscow", "Beijing", "Harbin", "Kazan", "Vladivostok", "Shanghai"]


def _corpus(folder: Path, n: int, prefix: str = "r") -> None:
    """`n` short reports named `{prefix}NNN.txt` (each with a trade figure), and two rejects."""
    folder.mkdir()
    for i in range(n):
        city = COUNTRIES[i % len(COUNTRIES)]
        (folder / f"{prefix}{i:03d}.txt").write_text(
            f"Russia and China signed agreement {prefix}-{i} in {city} on {i % 27 + 1} May 2025, "
            f"officials said. Trade between them reached {100 + i} billion dollars in 2024.\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.json").write_text('{"text": ', encoding="utf-8")


def _bilat(
    db: str, *args: str, config: Path | None = None, quiet: bool = False
) -> subprocess.Popen[str]:
    extra = ["--config", str(config)] if config else []
    out = subprocess.DEVNULL if quiet else subprocess.PIPE
    return subprocess.Popen(
        [str(BILAT), "--db", db, *extra, *args], stdout=out, stderr=out, text=True
    )


def test_two_ingests_on_one_store_give_exact_counts(db_url: str, tmp_path: Path) -> None:
    n = 12
    _corpus(tmp_path / "in", n)
    runs = [_bilat(db_url, "ingest", str(tmp_path / "in")) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [1, 1], outs  # 1: the two rejects
    assert all("Traceback" not in err for _, err in outs), outs
    store = open_store(db_url)
    try:
        docs = store.documents(current_only=False)
        assert len(docs) == n and {d.version for d in docs} == {1}, "no spurious versions"
        assert len(store.rejects()) == 2, store.rejects()
        per_doc = store.db.all(
            "SELECT doc_id, start_pos, end_pos, COUNT(*) AS n FROM figures "
            "GROUP BY doc_id, start_pos, end_pos HAVING COUNT(*) > 1"
        )
        assert per_doc == [], "no doubled figures"
        with_figures = store.db.scalar("SELECT COUNT(DISTINCT doc_id) FROM figures")
        assert with_figures == n, "every report's trade figure was extracted once"
    finally:
        store.close()


def test_a_writer_waits_for_a_held_lock_then_exits_3(db_url: str, tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 2)
    config = tmp_path / "bilat.toml"
    config.write_text("[store]\nlock_timeout = 1.5\n", encoding="utf-8")
    holder = open_store(db_url)
    try:
        with holder.write_lock(5):
            proc = _bilat(db_url, "ingest", "--no-extract", str(tmp_path / "in"), config=config)
            _, err = proc.communicate(timeout=120)
        assert proc.returncode == 3, err
        assert "waiting for another bilat run" in err and "gave up waiting" in err, err
        assert "Traceback" not in err
        assert holder.documents() == [], "nothing was written while the lock was held"
        after = _bilat(db_url, "ingest", "--no-extract", str(tmp_path / "in"), config=config)
        _, err = after.communicate(timeout=120)
        assert after.returncode == 1 and "ingested 2 new" in err, err
    finally:
        holder.close()


def test_a_database_locked_by_another_process_is_exit_3(tmp_path: Path) -> None:
    db = str(tmp_path / "bilat.db")
    open_store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holding SQLite's write lock
    try:
        proc = _bilat(db, "rm", "anything")
        _, err = proc.communicate(timeout=120)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert proc.returncode == 3, err
    assert "locked by another process" in err and "Traceback" not in err, err


_POOL_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from bilat.config import load_options
    from bilat.extract import Extractor
    from bilat.store import open_store

    options = load_options(Path(sys.argv[1]), db=sys.argv[2])
    with Extractor(open_store(options.db), options.extract) as extractor:
        pool = extractor.start().pool
        pool.submit(int, 1).result()
        print(json.dumps(sorted(pool._processes)), flush=True)
        time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_worker_processes_die_with_their_parent(tmp_path: Path) -> None:
    config = tmp_path / "bilat.toml"
    config.write_text("[extract]\nn_process = 2\n", encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, "-c", _POOL_SCRIPT, str(config), str(tmp_path / "bilat.db")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    workers = json.loads(parent.stdout.readline())
    parent.stdout.close()
    assert len(workers) == 2 and all(_alive(w) for w in workers)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=10)
    assert _outliving(workers) == [], "workers outlived their parent"


_KILL_POINTS = (
    "SELECT COUNT(*) FROM documents",  # some documents stored
    "SELECT COUNT(*) FROM documents WHERE extractor_version IS NOT NULL",  # some extracted
)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


def _children_soon(proc: subprocess.Popen[str], workers: bool, seconds: float = 5) -> list[int]:
    """The run's child processes; with worker processes expected, waits (briefly, while the
    run lasts) for the pool a streamed ingest starts after its first batch is read."""
    deadline = time.monotonic() + seconds
    found = _children(proc.pid)
    while workers and not found and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        found = _children(proc.pid)
    return found


def _outliving(pids: list[int], seconds: float = 10) -> list[int]:
    """Those of `pids` still alive after `seconds` (killed then, so none is left behind)."""
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if _alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def _wait_for(store: Any, count_sql: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        with store.transaction():
            if store.db.scalar(count_sql):
                return
        time.sleep(0.02)


@pytest.mark.parametrize("n_process", [1, 2])
def test_ingest_killed_midway_loses_and_duplicates_nothing(
    db_url: str, tmp_path: Path, n_process: int
) -> None:
    n = 30  # enough that extraction is still running at each kill point, also on 2 workers
    _corpus(tmp_path / "in", n)
    config = tmp_path / "bilat.toml"
    config.write_text(f"[extract]\nn_process = {n_process}\n", encoding="utf-8")
    store, orphans, watched = open_store(db_url), [], 0
    try:
        for point in _KILL_POINTS:  # kill -9 once the run has reached each point
            proc = _bilat(db_url, "ingest", str(tmp_path / "in"), config=config, quiet=True)
            _wait_for(store, point, proc)
            children = _children_soon(proc, n_process > 1)
            watched += len(children)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            orphans.extend(_outliving(children))
    finally:
        store.close()
    assert orphans == [], "worker processes outlived the killed ingest"
    assert watched >= (2 if n_process > 1 else 0), "the workers were there to be killed"
    done = _bilat(db_url, "ingest", str(tmp_path / "in"), config=config)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 1, err  # the two rejects
    store = open_store(db_url)
    try:
        docs = store.documents(current_only=False)
        assert len(docs) == n and {d.version for d in docs} == {1}, "0 lost, 0 duplicated"
        assert all(d.extractor_version for d in docs), "every document extracted in the end"
        assert store.load_record() is not None
    finally:
        store.close()


def test_a_record_left_stale_by_a_cut_rebuild_is_rebuilt_by_the_next_reader(
    db_url: str, tmp_path: Path
) -> None:
    from bilat.config import load_options
    from bilat.pipeline import ingest_and_extract

    _corpus(tmp_path / "first", 2)
    _corpus(tmp_path / "second", 2, prefix="s")
    options = load_options(None, db=db_url)
    store = open_store(db_url)
    try:
        ingest_and_extract(store, [str(tmp_path / "first")], options)
        assert store.record_is_current(), "a finished job leaves a current record"
        # the next job stores and extracts, then dies before its rebuild
        second = [str(tmp_path / "second")]  # near copies of the first: dedupe off
        ingest_and_extract(store, second, options, reconcile=False, dedupe_enabled=False)
        assert not store.record_is_current()
    finally:
        store.close()
    proc = _bilat(db_url, "summary", "--json")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert json.loads(out)["documents"] == 4
    store = open_store(db_url)
    try:
        assert store.record_is_current(), "the reader rebuilt and stored it"
        record = json.dumps(store.load_record())
        assert "s000.txt" in record and "s001.txt" in record, "the new reports are in it"
    finally:
        store.close()
