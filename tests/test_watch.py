"""`bilat watch`: a real subprocess polling feeds on a real local HTTP server, a few short
cycles, a feed that is down and one that is malformed, then SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.store import open_store
from bilat.watch import MAX_BACKOFF, FeedHealth, parse_interval
from feedserver import FeedServer, rss
from test_cli import BILAT

DATE = "Tue, 03 Mar 2026 08:00:00 GMT"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_pages()
        srv.routes["/feed.xml"] = (
            200,
            "application/rss+xml",
            rss(srv.base, [("/news/ferry-line", "Ferry", DATE)]),
        )
        srv.routes["/down.xml"] = (500, "text/plain", b"down")
        yield srv


class Watch:
    """`bilat watch` running in the background, its stderr collected line by line."""

    def __init__(self, db: str, feeds: Path, every: str) -> None:
        self.log = feeds.with_suffix(".log")
        self.fh = self.log.open("w")
        cmd = [str(BILAT), "--db", db, "watch", str(feeds), "--every", every, "--allow-private"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self.fh)

    def lines(self, word: str = "cycle ") -> list[str]:
        return [ln for ln in self.log.read_text().splitlines() if word in ln]

    def wait_for(self, test: object, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(test) and test():
                return
            assert self.proc.poll() is None, self.log.read_text()
            time.sleep(0.1)
        raise AssertionError(f"timed out; log so far:\n{self.log.read_text()}")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=60)
        finally:
            self.fh.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.fh.close()


def test_watch_ingests_new_entries_survives_bad_feeds_and_stops_on_sigterm(
    server: FeedServer, tmp_path: Path
) -> None:
    (tmp_path / "bad.xml").write_text("this is not a feed <<<", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(
        f"# polled by the test\n{server.base}/feed.xml\n{server.base}/down.xml\n"
        f"{tmp_path / 'bad.xml'}\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.db")
    watch = Watch(db, feeds, "0.3s")
    try:
        watch.wait_for(lambda: len(watch.lines()) >= 1)
        first = watch.lines()[0]
        assert "cycle 1: 1 feed(s) read, 1 new" in first, first
        assert f"FAILED {server.base}/down.xml: HTTP 500" in first
        assert "retry in 1 cycle(s)" in first
        assert "bad.xml: not an RSS or Atom feed" in first
        # a new story is published between cycles
        items = [("/news/ferry-line", "Ferry", DATE), ("/news/grain-corridor", "Grain", DATE)]
        server.routes["/feed.xml"] = (200, "application/rss+xml", rss(server.base, items))
        watch.wait_for(lambda: any(" 1 new" in ln for ln in watch.lines()[1:]))
        watch.wait_for(lambda: len(watch.lines()) >= 4)
        assert watch.stop() == 0
    finally:
        watch.kill()
    cycles = watch.lines()
    new = [i for i, ln in enumerate(cycles) if " 0 new" not in ln]
    assert len(new) == 2 and new[0] == 0, cycles  # the first story, then the second, once
    assert "retry in 2 cycle(s)" in cycles[1]  # the down feed backs off
    assert server.hits["/news/ferry-line"] == 1  # a seen link is never fetched again
    assert server.hits["/down.xml"] < len(cycles)
    assert watch.lines("stopped after")
    store = open_store(db)
    try:
        docs = store.documents()
        assert len(docs) == 2
        assert all(d.extractor_version is not None for d in docs)  # every one extracted
    finally:
        store.close()


def test_sigterm_mid_cycle_finishes_the_current_document_and_stops(
    server: FeedServer, tmp_path: Path
) -> None:
    paths = ["/news/ferry-line", "/news/grain-corridor", "/news/science-forum"]
    server.routes["/slow.xml"] = (
        200,
        "application/rss+xml",
        rss(server.base, [(p, p, DATE) for p in paths]),
    )
    for p in paths:
        server.delays[p] = 1.0
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server.base}/slow.xml\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    watch = Watch(db, feeds, "1h")
    try:
        watch.wait_for(lambda: server.hits["/news/ferry-line"] == 1)
        t0 = time.monotonic()
        assert watch.stop() == 0
        assert time.monotonic() - t0 < 45
    finally:
        watch.kill()
    assert server.hits["/news/science-forum"] == 0  # stopped before the last entry
    (line,) = watch.lines()
    assert line.endswith("(stopped)"), line
    store = open_store(db)
    try:
        docs = store.documents()
        assert 1 <= len(docs) <= 2
        for d in docs:  # each stored document is whole: text, clean text, extraction
            assert d.clean_text and d.extractor_version is not None
            assert store.load_extraction(d.id) is not None
        assert store.db.scalar("PRAGMA integrity_check") == "ok"
    finally:
        store.close()


def test_intervals() -> None:
    assert parse_interval("15m") == 900
    assert parse_interval("30s") == 30
    assert parse_interval("1h") == 3600
    assert parse_interval("250ms") == 0.25
    assert parse_interval("2") == 2
    for bad in ("", "0s", "5 minutes", "-1m", "m"):
        with pytest.raises(ValueError, match="not an interval"):
            parse_interval(bad)


def test_backoff_doubles_up_to_the_cap_and_resets_on_recovery() -> None:
    health = FeedHealth()
    waits = []
    cycle = 1
    for _ in range(7):
        health.failed(cycle, "HTTP 500")
        waits.append(health.next_cycle - cycle)
        cycle = health.next_cycle
    assert waits == [1, 2, 4, 8, 16, MAX_BACKOFF, MAX_BACKOFF]
    health.recovered(cycle)
    assert (health.failures, health.next_cycle, health.last_error) == (0, cycle + 1, None)
