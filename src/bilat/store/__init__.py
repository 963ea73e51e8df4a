"""The store: SQLite by default, PostgreSQL for `postgresql://` URLs; one schema for both.

`open_store(url)` connects and migrates; `Store` groups the operations the stages need.
Writes happen in one transaction per document (`with store.transaction(): ...`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from bilat.records import Document, Extraction, Figure
from bilat.store import bands as _bands
from bilat.store import documents as _docs
from bilat.store import items as _items
from bilat.store import record_rows as _rows
from bilat.store import record_writer as _writer
from bilat.store.db import Database, Failed, connect
from bilat.store.documents import DocumentRow
from bilat.store.lock import write_lock
from bilat.store.part_pages import Page, PageFilter, page_part
from bilat.store.record_patch import RecordPatch, patch_record

__all__ = ["Database", "DocumentRow", "Failed", "Page", "PageFilter", "Store", "open_store"]


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

    def write_lock(self, timeout: float) -> AbstractContextManager[None]:
        """The store-level lock every writing job holds (see `bilat.store.lock`)."""
        return write_lock(self.db, timeout)

    # documents -------------------------------------------------------------------
    def add_document(self, row: DocumentRow) -> Document:
        return _docs.add_document(self.db, row)

    def add_documents(self, rows: Sequence[DocumentRow]) -> list[int | Failed]:
        """Many documents in one transaction (multi-row writes); the ids in order, or the
        `Failed` of a row that cannot be stored (the others are)."""
        return _docs.add_documents(self.db, rows)

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

    def documents_by_status(self) -> dict[str, int]:
        """Current documents per status, from the maintained counts."""
        return _docs.current_by_status(self.db)

    def documents(self, *, current_only: bool = True, status: str | None = None) -> list[Document]:
        return _docs.list_documents(self.db, current_only=current_only, status=status)

    def mark_failed(self, doc_id: int, reason: str) -> None:
        with self.db.transaction():
            _docs.mark_failed(self.db, doc_id, reason)

    def clear_failure(self, doc_id: int) -> None:
        _docs.clear_failure(self.db, doc_id)

    def remove_document(self, key: int | str) -> list[int]:
        with self.db.transaction():
            return _docs.remove_document(self.db, key)

    def band_layout(self, layout: str, keys_of: _bands.KeyFn) -> int:
        """Key every signature with `layout` unless it already is (see `bilat.store.bands`)."""
        with self.db.transaction():
            return _bands.ensure_layout(self.db, layout, keys_of)

    def near_candidates(self, keys: list[int]) -> list[tuple[int, str, bytes]]:
        return _bands.candidates(self.db, keys)

    def add_reject(self, name: str, origin: str, reason: str) -> None:
        _docs.add_reject(self.db, name, origin, reason)

    def rejects(self) -> list[dict[str, Any]]:
        return _docs.list_rejects(self.db)

    # extraction ------------------------------------------------------------------
    def save_extraction(self, doc_id: int, extraction: Extraction) -> None:
        _items.save_extraction(self.db, doc_id, extraction)

    def save_extractions(self, batch: Sequence[tuple[int, Extraction]]) -> list[Failed | None]:
        """Many documents' extractions in one transaction with a few multi-row writes per
        table; a document that cannot be stored gets its `Failed` (in order; None: stored)
        and the rest are stored."""
        return _items.save_extractions(self.db, batch)

    def load_extraction(self, doc_id: int, *, mentions: bool = True) -> Extraction | None:
        """The stored extraction (None: never extracted); `mentions=False` leaves out the
        actors' mentions (their evidence spans), which reconciliation does not read."""
        return _items.load_extraction(self.db, doc_id, mentions=mentions)

    def load_extractions(
        self,
        doc_ids: Sequence[int],
        *,
        mentions: bool = True,
        kinds: Collection[str] = _items.ALL_KINDS,
        documents: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> Iterator[tuple[int, Extraction]]:
        """(id, extraction) of each extracted document of `doc_ids`, in order, as
        `load_extraction` gives it, read a chunk of documents per query; only the item
        `kinds` named ("actors", "events", ...) are read, the others left empty;
        `documents`: their rows (name, published, extractor_version, pair), if read."""
        return _items.load_extractions(
            self.db, doc_ids, mentions=mentions, kinds=kinds, documents=documents
        )

    def load_figures(
        self, doc_ids: Collection[int], slots: Collection[tuple[str, ...]]
    ) -> dict[int, tuple[Figure, ...]]:
        """The figures of `doc_ids` of these `slots`, (measure, unit) or (measure, unit,
        period), per document in the order `load_extractions` gives them."""
        return _items.load_figures(self.db, doc_ids, slots)

    def stale_documents(self, version: str) -> list[Document]:
        """Current, non-duplicate documents not yet extracted by `version`."""
        return [self.get_document(i) for i in self.stale_ids(version)]

    def stale_ids(self, version: str) -> list[int]:
        """The ids of `stale_documents(version)`, without reading the documents."""
        rows = self.db.all(
            "SELECT id FROM documents WHERE is_current = 1 AND status = 'ok' AND "
            "(extractor_version IS NULL OR extractor_version <> ?) ORDER BY id",
            (version,),
        )
        return [int(r["id"]) for r in rows]

    # reconciled record (rows: bilat.store.record_rows) ---------------------------------
    def save_record(
        self,
        data: Mapping[str, Iterable[dict[str, Any]]],
        source: str | None = None,
        version: int | None = None,
    ) -> None:
        """Replace the record in one transaction; `data` maps each part to its entries (read
        once, so iterators stream); `source` and `version` are `record_source()` and
        `store_version()` as they were when the record's inputs were read (version first)."""
        _writer.write_record(self.db, data, source, version)

    def patch_record(
        self, patch: RecordPatch, source: str | None, version: int | None = None
    ) -> None:
        """Remove and add record entries in place (`bilat.store.record_patch`); NoRoom when
        the positions between two entries ran out (nothing is changed then)."""
        patch_record(self.db, patch, source, version)

    def store_version(self) -> int:
        """A number every write to documents, extracted items or judgements raises, in the
        writing transaction (triggers, migration 014): the record is current while the
        version it was built from is this one."""
        return int(self.db.scalar("SELECT n FROM store_version WHERE id = 1"))

    def record_source(self) -> str:
        """A fingerprint of what the record is built from: documents, items, judgements
        (counts and highest ids, so additions, removals and re-extractions all change it)."""
        parts = [
            f"(SELECT COUNT(*) FROM {t}), (SELECT COALESCE(MAX(id), 0) FROM {t})"
            for t in ("documents", "actors", "events", "figures", "agreements", "commitments")
        ]
        parts.append("(SELECT COUNT(*) FROM documents WHERE status = 'ok' AND is_current = 1)")
        parts.append("(SELECT COUNT(*) FROM judgements)")
        parts.append("(SELECT COUNT(*) FROM judgements WHERE revoked_at IS NOT NULL)")
        row = self.db.execute(f"SELECT {', '.join(parts)}").fetchone()
        return ":".join(str(v) for v in row)

    def record_is_current(self) -> bool:
        """False when there is no record or the store changed since it was built: one read
        of two one-row tables while nothing was written since; after a write, the counts
        (`record_source`) decide, so writes that change none of them (a value written again)
        leave the record current, as they did before the version existed."""
        return self._current_version() is not None

    def keep_record_current(self) -> bool:
        """`record_is_current()`, and when it is, the record takes the store's version, so
        the next check is the one-row read again (a write; for jobs that just wrote)."""
        version = self._current_version()
        if version is None:
            return False
        with self.db.transaction():
            self.db.execute(
                "UPDATE record_meta SET version = ? WHERE id = 1 AND "
                "(version IS NULL OR version <> ?)",
                (version, version),
            )
        return True

    def _current_version(self) -> int | None:
        """The store's version when the record is current, else None."""
        row = self.db.execute(
            "SELECT m.version, v.n FROM record_meta m CROSS JOIN store_version v "
            "WHERE m.id = 1 AND v.id = 1"
        ).fetchone()
        if row is None:
            return None
        if row[0] is not None and int(row[0]) == int(row[1]):
            return int(row[1])
        built = _rows.record_source(self.db)
        return int(row[1]) if built is not None and built == self.record_source() else None

    def load_record(self) -> dict[str, Any] | None:
        """The stored record as `self.pair` sees it (see `bilat.pairview.for_pair`)."""
        return _rows.read_record(self.db, self.pair)

    def record_part(self, kind: str) -> list[dict[str, Any]]:
        """One part of the stored record ("events", "actors", ...) as `self.pair` sees it;
        empty when there is no record."""
        return _rows.read_part(self.db, kind, self.pair)

    def record_page(
        self,
        kind: str,
        *,
        after: int = -1,
        limit: int = 50,
        where: PageFilter | None = None,
        claims: bool = True,
        tail: int | None = None,
    ) -> Page:
        """One page of a part of the record (see `bilat.store.record_rows.page_part`)."""
        where = where or PageFilter()
        return page_part(
            self.db,
            kind,
            self.pair,
            after=after,
            limit=limit,
            where=where,
            claims=claims,
            tail=tail,
        )

    def record_built(self) -> bool:
        """Whether a record was ever stored (current or not)."""
        return bool(self.db.scalar("SELECT COUNT(*) FROM record_meta WHERE id = 1"))

    def record_pair_counts(self) -> dict[str, int]:
        """Entries per pair over the paired parts ("" = about no pair), most first."""
        return _rows.pair_counts(self.db)

    def record_count(self, kind: str) -> int:
        return _rows.part_count(self.db, kind, self.pair)

    def record_status_counts(self, kind: str) -> dict[str, int]:
        return _rows.status_counts(self.db, kind, self.pair)


def open_store(url: str, *, migrate: bool = True, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the database at `url`; `migrate=False` for a
    further connection to a store already opened (and migrated) by this process; with
    `create=False` a missing SQLite file is a StoreError instead of a new, empty database."""
    return Store(connect(url, migrate=migrate, create=create))
