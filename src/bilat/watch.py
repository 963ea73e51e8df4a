"""`bilat watch`: poll feeds, ingest what is new, one log line per cycle.

A feed that is down or malformed is logged in the cycle's line and retried with backoff: the
next cycle after its first failure, then after 2, 4, ... cycles (at most `MAX_BACKOFF`), and
at once again after it recovers. Stopping (`stop` set, e.g. by SIGINT/SIGTERM) is checked
between documents: the document being stored is finished, the ones stored in the cycle are
extracted and the record rebuilt, and then `run` returns — no document is left half-stored.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bilat.config import Options
from bilat.pipeline import ingest_and_extract
from bilat.store import Store

__all__ = ["MAX_BACKOFF", "CycleReport", "FeedHealth", "Watcher", "parse_interval"]

MAX_BACKOFF = 16  # cycles
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


def parse_interval(text: str) -> float:
    """Seconds in "15m", "30s", "1h", "500ms" or a plain number of seconds; ValueError else."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 15m, 1h)")
    return float(m.group(1)) * _UNIT[m.group(2)]


@dataclass(slots=True)
class FeedHealth:
    failures: int = 0  # consecutive
    next_cycle: int = 1  # the first cycle that reads the feed again
    last_error: str | None = None

    def failed(self, cycle: int, reason: str) -> None:
        self.failures += 1
        self.last_error = reason
        self.next_cycle = cycle + min(2 ** (self.failures - 1), MAX_BACKOFF)

    def recovered(self, cycle: int) -> None:
        self.failures, self.last_error, self.next_cycle = 0, None, cycle + 1


@dataclass(slots=True)
class CycleReport:
    cycle: int
    feeds_read: int
    new: int = 0
    seen: int = 0
    rejected: int = 0
    extracted: int = 0
    failing: list[tuple[str, str, int]] = field(default_factory=list)  # feed, reason, retry in
    waiting: int = 0  # feeds skipped this cycle (backing off)
    seconds: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        parts = [
            f"cycle {self.cycle}: {self.feeds_read} feed(s) read",
            f"{self.new} new",
            f"{self.seen} seen",
            f"{self.rejected} rejected",
            f"extracted {self.extracted}",
        ]
        if self.waiting:
            parts.append(f"{self.waiting} backing off")
        for feed, reason, wait in self.failing:
            parts.append(f"FAILED {feed}: {reason} (retry in {wait} cycle(s))")
        text = ", ".join(parts) + f" in {self.seconds:.1f}s"
        return text + (" (stopped)" if self.stopped else "")


class Watcher:
    """Polls `feeds` into `store`, one `cycle` at a time."""

    def __init__(
        self,
        store: Store,
        feeds: list[str],
        options: Options,
        *,
        allow_private: bool = False,
        stop: threading.Event | None = None,
    ) -> None:
        self.store, self.feeds = store, feeds
        # one process: a Ctrl-C reaches the whole process group, worker pools included
        self.options = replace(
            options, extract=replace(options.extract, n_process=1, executor="processes")
        )
        self.allow_private = allow_private
        self.stop = stop or threading.Event()
        self.health = {feed: FeedHealth() for feed in feeds}
        self.cycles = 0

    def cycle(self) -> CycleReport:
        self.cycles += 1
        n = self.cycles
        due = [f for f in self.feeds if self.health[f].next_cycle <= n]
        t0 = time.perf_counter()
        job = ingest_and_extract(
            self.store,
            [],
            self.options,
            feeds=due,
            allow_private=self.allow_private,
            should_stop=self.stop.is_set,
        )
        report = job.ingest
        failed = dict(report.failed_feeds)
        out = CycleReport(n, len(due) - len(failed), waiting=len(self.feeds) - len(due))
        for feed in due:
            health = self.health[feed]
            if feed in failed:
                health.failed(n, failed[feed])
                out.failing.append((feed, failed[feed], health.next_cycle - n))
            else:
                health.recovered(n)
        out.new = len(report.added) - len(report.duplicates)
        out.seen = len(report.seen) + len(report.unchanged)
        out.rejected = len(report.rejected) - len(failed)
        out.extracted = job.extracted
        out.seconds = time.perf_counter() - t0
        out.stopped = self.stop.is_set()
        return out

    def run(
        self,
        every: float,
        log: Callable[[str], None],
        max_cycles: int | None = None,
    ) -> int:
        """Cycle every `every` seconds until `stop` is set (or `max_cycles`); returns cycles."""
        while not self.stop.is_set():
            log(self.cycle().line())
            if max_cycles is not None and self.cycles >= max_cycles:
                break
            self.stop.wait(every)
        return self.cycles
