"""Pages kept between requests while the store does not change.

    return kept_page(request, lambda: overview_now(request))   in a page view

A page is kept under its URL (path and query: its filters, cursor and pair) and the state it
was made in: the store's version (`Store.store_version`: every write to documents, items or
judgements raises it, in its transaction), the version the record was built from and when (a
rebuild or a patch sets both) and the newest reject (the overview counts them), read in one
query of one-row tables and a primary key. A write or a rebuild therefore makes the next
request make the page again: nothing is served from an earlier state. The page is made after
the state is read, so what is kept is never older than its key. At most `SIZE` pages are
kept per app, the least recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from bilat.store import Store

__all__ = ["SIZE", "Kept", "kept_page", "state_of"]

SIZE = 64


def state_of(store: Store) -> tuple[Any, ...]:
    """(store version, the version the record was built from and when: None without one,
    the newest reject's id or None). The record's own version tells two builds in the same
    second apart (built_at is to the second); two builds from one version are alike."""
    row = store.db.execute(
        "SELECT v.n, m.version, m.built_at, (SELECT MAX(id) FROM rejects) FROM store_version v "
        "LEFT JOIN record_meta m ON m.id = 1 WHERE v.id = 1"
    ).fetchone()
    return tuple(row) if row is not None else (None, None, None, None)


class Kept:
    """Page bodies made in one state of the store, by key (see the module doc)."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The body kept under `key`, made (and kept) when there is none."""
        with self._lock:
            if key in self._bodies:
                self._bodies.move_to_end(key)
                return self._bodies[key]
        body = make()
        with self._lock:
            self._bodies[key] = body
            while len(self._bodies) > self.size:
                self._bodies.popitem(last=False)
        return body


def kept_page(request: Request, make: Callable[[], HTMLResponse]) -> HTMLResponse:
    """The page `make` gives for this request's URL, kept for the store's current state."""
    st = request.app.state.bilat
    with st.use() as store:
        state = state_of(store)
        pair = store.pair
    query = tuple(sorted(request.query_params.multi_items()))
    key = (request.url.path, query, pair, state)
    return HTMLResponse(st.kept.get(key, lambda: bytes(make().body)))
