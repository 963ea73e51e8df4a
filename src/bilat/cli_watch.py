"""`bilat watch`: poll feeds until stopped (registered on `bilat.cli.main`)."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import click

from bilat.cli import Ctx, _run, main, pass_ctx


class _Interval(click.ParamType):  # type: ignore[type-arg]
    name = "INTERVAL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        from bilat.watch import parse_interval

        if isinstance(value, float):
            return value
        try:
            return parse_interval(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _log(line: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    click.echo(f"{stamp} {line}", err=True)


@main.command()
@click.argument("feeds_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--every", type=_Interval(), default="15m", show_default=True, help="Time between cycles."
)
@click.option("--allow-private", is_flag=True, help="Allow fetching loopback/private addresses.")
@click.option("--cycles", type=click.IntRange(min=1), default=None, help="Stop after N cycles.")
@pass_ctx
def watch(c: Ctx, feeds_file: Path, every: float, allow_private: bool, cycles: int | None) -> None:
    """Poll the feeds in FEEDS_FILE (one URL or file per line) and ingest what is new.

    One log line per cycle on stderr. Ctrl-C or SIGTERM stops after the document being stored;
    what the cycle stored is extracted first.
    """
    from bilat.ingest.fetch import read_url_list
    from bilat.watch import Watcher

    try:
        feeds = read_url_list(feeds_file)
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else str(exc)
        raise click.UsageError(f"{feeds_file}: {reason}") from None
    if not feeds:
        raise click.UsageError(f"{feeds_file}: no feeds listed")
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if not stop.is_set():
            _log(f"{signal.Signals(signum).name}: stopping after the current document")
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    watcher = Watcher(c.store, feeds, c.options, allow_private=allow_private, stop=stop)
    _log(f"watching {len(feeds)} feed(s) every {every:g}s")
    done = _run(lambda: watcher.run(every, _log, max_cycles=cycles))
    _log(f"stopped after {done} cycle(s)")
    c.store.close()
    sys.exit(0)
