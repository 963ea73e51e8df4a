"""The store: SQLite by default, PostgreSQL for `postgresql://` URLs; one schema for both.

`open_store(url)` connects and migrates; `Store` groups the operations the stages need.
Writes happen in one transaction per document (`with store.transaction(): ...`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bilat.records import Document, Extraction
from bilat.store import documents as _docs
from bilat.store import items as _items
from bilat.store.db import Database, connect, now_iso
from bilat.store.documents import DocumentRow

__all__ = ["Database", "DocumentRow", "Store", "open_store"]


class Store:
    """Operations over one database connection."""

    def __init__(self, db: Database, pair: str | None = None) -> None:
        self.db = db
        self.pair = pair  # the pair key the record is read for (None: every pair)

    def for_pair(self, pair: str | None) -> Store:
        """The same connection, reading the record of one pair (`bilat.pairview`)."""
        return Store(self.db, pair)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self.db.transaction():
            yield self

    def close(self) -> None:
        self.db.close()

    # documents -------------------------------------------------------------------
    def add_document(self, row: DocumentRow) -> Document:
        return _docs.add_document(self.db, row)

    def current_version(self, name: str) -> Document | None:
        return _docs.current_version(self.db, name)

    def find_by_hash(self, content_hash: str) -> Document | None:
        return _docs.find_by_hash(self.db, content_hash)

    def url_seen(self, url: str) -> bool:
        return _docs.url_seen(self.db, url)

    def mark_seen(self, url: str, content_hash: str, doc_id: int) -> None:
        with self.db.transaction():
            _docs.mark_seen(self.db, url, content_hash, doc_id)

    def get_document(self, key: int | str) -> Document:
        return _docs.get_document(self.db, key)

    def documents(self, *, current_only: bool = True, status: str | None = None) -> list[Document]:
        return _docs.list_documents(self.db, current_only=current_only, status=status)

    def signatures(self) -> list[tuple[int, bytes]]:
        return _docs.signatures(self.db)

    def add_reject(self, name: str, origin: str, reason: str) -> None:
        _docs.add_reject(self.db, name, origin, reason)

    def rejects(self) -> list[dict[str, Any]]:
        return _docs.list_rejects(self.db)

    # extraction ------------------------------------------------------------------
    def save_extraction(self, doc_id: int, extraction: Extraction) -> None:
        _items.save_extraction(self.db, doc_id, extraction)

    def load_extraction(self, doc_id: int) -> Extraction | None:
        return _items.load_extraction(self.db, doc_id)

    def stale_documents(self, version: str) -> list[Document]:
        """Current, non-duplicate documents not yet extracted by `version`."""
        return [d for d in self.documents(status="ok") if d.extractor_version != version]

    # reconciled record ------------------------------------------------------------
    def save_record(self, data: dict[str, Any]) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM reconciled")
            self.db.execute(
                "INSERT INTO reconciled (id, built_at, data) VALUES (1, ?, ?)",
                (now_iso(), json.dumps(data, ensure_ascii=False)),
            )

    def load_record(self) -> dict[str, Any] | None:
        """The stored record as `self.pair` sees it (see `bilat.pairview.for_pair`)."""
        from bilat.pairview import for_pair

        raw = self.db.scalar("SELECT data FROM reconciled WHERE id = 1")
        return None if raw is None else for_pair(dict(json.loads(raw)), self.pair)


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the database at `url`; with `create=False` a
    missing SQLite file is a StoreError instead of a new, empty database."""
    return Store(connect(url, create=create))
