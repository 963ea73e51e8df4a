"""Progress of `bilat ingest` / `bilat extract` for people.

On a terminal: a rich display with one line per stage (reading, extracting) showing documents
done/total, rate, time left and the inputs rejected so far; log messages print above it. Not on
a terminal (CI, a pipe, a log file): one plain log line per stage every few seconds and when the
stage ends, so a log shows the same numbers without control characters.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

__all__ = ["JobProgress"]

T = TypeVar("T")
log = logging.getLogger("bilat.progress")


class _Rate(ProgressColumn):
    """ "12.3 docs/s" once a rate is known."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} docs/s", style="cyan")


class JobProgress:
    """Counts documents per stage and rejects for one job; `track` wraps a stage's iterable."""

    def __init__(
        self, stream: IO[str] | None = None, *, live: bool | None = None, every: float = 5.0
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.every = every
        self.rejects = 0
        self._progress: Progress | None = None
        self._tasks: list[TaskID] = []
        self._handlers: list[tuple[logging.StreamHandler[Any], IO[str]]] = []

    def __enter__(self) -> JobProgress:
        if self.live:
            console = Console(file=self.stream, stderr=self.stream is sys.stderr)
            self._progress = Progress(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("docs"),
                _Rate(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                TextColumn("[red]{task.fields[rejects]} rejected"),
                console=console,
                transient=False,
            )
            self._progress.start()
            self._log_through(console)
        return self

    def _log_through(self, console: Console) -> None:
        """Log lines go to the console, above the display, instead of through it."""
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and handler.stream is self.stream:
                old = handler.setStream(console.file)
                if old is not None:
                    self._handlers.append((handler, old))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
        for handler, stream in self._handlers:
            handler.setStream(stream)
        self._handlers.clear()

    def reject(self, _name: str = "", _reason: str = "") -> None:
        """Count one rejected input (the ingest's `on_rejected` hook)."""
        self.rejects += 1
        if self._progress is not None:
            for task in self._tasks:
                self._progress.update(task, rejects=self.rejects)

    def track(self, label: str, total: int | None = None) -> Callable[[Iterable[T]], Iterable[T]]:
        """A wrapper counting the items of one stage; `total` defaults to len(items)."""

        def wrap(items: Iterable[T]) -> Iterable[T]:
            size = total
            if size is None and hasattr(items, "__len__"):
                size = len(items)  # type: ignore[arg-type]
            if self._progress is not None:
                return self._live(items, label, size)
            return self._plain(items, label, size)

        return wrap

    def _live(self, items: Iterable[T], label: str, total: int | None) -> Iterator[T]:
        assert self._progress is not None
        task = self._progress.add_task(label, total=total, rejects=self.rejects)
        self._tasks.append(task)
        done = 0
        for item in items:
            yield item
            done += 1
            self._progress.advance(task)
        if total != done:  # a streamed stage learns its total at the end
            shown = next(t for t in self._progress.tasks if t.id == task)
            speed = shown.finished_speed or shown.speed
            self._progress.update(task, total=done, completed=done)  # (resets the speed)
            shown.finished_speed = speed

    def _plain(self, items: Iterable[T], label: str, total: int | None) -> Iterator[T]:
        start = last = time.monotonic()
        done = 0
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last >= self.every:
                last = now
                log.info("%s", self._line(label, done, total, now - start))
        elapsed = time.monotonic() - start  # a streamed stage (no total) knows it now: done
        log.info("%s", self._line(label, done, done if total is None else total, elapsed, end=True))

    def _line(
        self, label: str, done: int, total: int | None, elapsed: float, end: bool = False
    ) -> str:
        rate = done / elapsed if elapsed > 0 else 0.0
        count = f"{done}/{total}" if total is not None else str(done)
        parts = [f"{label}: {count} documents", f"{rate:.1f} docs/s"]
        if end:
            parts.append(f"done in {elapsed:.1f}s")
        elif total is not None and rate > 0:
            parts.append(f"ETA {max(0.0, (total - done) / rate):.0f}s")
        parts.append(f"{self.rejects} rejected")
        return ", ".join(parts)
