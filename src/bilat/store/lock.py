"""The store-level write lock: one ingest (or extraction, or removal) at a time per store.

Two `bilat ingest` runs interleaving document by document each see a name as new and store it
twice (spurious versions, doubled figures; on PostgreSQL, UniqueViolation rejects). Holding
this lock for the whole job makes them run one after the other; the second one says it waits.

- SQLite: `flock` on `<db file>.lock` beside the database.
- PostgreSQL: a session advisory lock keyed on the schema (`current_schema()`).
Both are released by the operating system or the server when the process dies, so a killed
ingest never leaves the store locked. The lock is re-entrant within one `Database`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bilat.errors import StoreError
from bilat.store.db import Database

__all__ = ["write_lock"]

log = logging.getLogger("bilat.store")
_POLL = 0.2
_Release = Callable[[], None]
_PG_KEY = "hashtextextended('bilat.write:' || current_schema(), 0)"


@contextmanager
def write_lock(db: Database, timeout: float) -> Iterator[None]:
    """Hold the store's write lock; wait (saying so) up to `timeout` seconds, then raise
    `StoreError`."""
    if db.lock_depth:
        db.lock_depth += 1
        try:
            yield
        finally:
            db.lock_depth -= 1
        return
    release = _acquire(db, timeout)
    db.lock_depth = 1
    try:
        yield
    finally:
        db.lock_depth = 0
        release()


def _acquire(db: Database, timeout: float) -> _Release:
    attempt = _pg_try if db.dialect == "postgresql" else _file_try
    release = attempt(db)
    if release is not None:
        return release
    where = db.url if db.dialect == "sqlite" else "this PostgreSQL schema"
    log.warning("waiting for another bilat run writing to %s to finish", where)
    deadline = time.monotonic() + timeout
    while release is None:
        if time.monotonic() > deadline:
            raise StoreError(
                f"another bilat run is writing to {where}; gave up waiting after {timeout:g}s "
                "(store.lock_timeout)"
            )
        time.sleep(_POLL)
        release = attempt(db)
    log.warning("the other run finished; going on")
    return release


def _file_try(db: Database) -> _Release | None:
    if db.url == ":memory:":
        return lambda: None
    import fcntl

    path = Path(db.url).expanduser().resolve().with_name(Path(db.url).name + ".lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError as exc:
        os.close(fd)
        raise StoreError(f"cannot lock {path}: {exc.strerror or exc}") from exc
    return lambda: os.close(fd)  # closing the descriptor drops the lock


def _pg_try(db: Database) -> _Release | None:
    with db.transaction():
        got = bool(db.scalar(f"SELECT pg_try_advisory_lock({_PG_KEY})"))
    if not got:
        return None

    def release() -> None:
        with db.transaction():
            db.execute(f"SELECT pg_advisory_unlock({_PG_KEY})")

    return release
