"""Documents, their versions, and rejects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bilat.errors import NotFound
from bilat.offsets import OffsetMap
from bilat.records import CleanDocument, Document, Evidence
from bilat.store.db import Database, Failed, now_iso, write_each

__all__ = [
    "DocumentRow",
    "add_document",
    "add_documents",
    "add_reject",
    "clear_failure",
    "current_by_status",
    "current_version",
    "find_by_hash",
    "get_document",
    "list_documents",
    "list_rejects",
    "mark_failed",
    "remove_document",
    "set_extractor_version",
]

_COLUMNS = (
    "id, name, version, content_hash, text, clean_text, offsets, title, published, source, "
    "url, language, status, duplicate_of, metadata, ingested_at, extractor_version, "
    "published_basis, published_evidence, failure"
)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """What the caller decided about a new document before storing it."""

    clean: CleanDocument
    content_hash: str
    status: str  # ok | duplicate | near_duplicate
    duplicate_of: int | None
    minhash: bytes | None
    bands: tuple[int, ...] = ()  # LSH band keys of `minhash` (see bilat.store.bands)


def _to_document(row: dict[str, Any]) -> Document:
    return Document(
        id=int(row["id"]),
        name=row["name"],
        version=int(row["version"]),
        content_hash=row["content_hash"],
        text=row["text"],
        clean_text=row["clean_text"],
        offsets=OffsetMap.from_json(json.loads(row["offsets"])),
        title=row["title"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
        language=row["language"],
        status=row["status"],
        duplicate_of=row["duplicate_of"],
        metadata=json.loads(row["metadata"]),
        ingested_at=row["ingested_at"],
        extractor_version=row["extractor_version"],
        published_basis=row["published_basis"],
        published_evidence=tuple(Evidence(*e) for e in json.loads(row["published_evidence"])),
        failure=row["failure"],
    )


# a document's current version, found by name: `+is_current` keeps SQLite off the
# `is_current` indexes (without statistics it reads every current row there, 94 ms at
# 100,000 documents, per document an ingest stores) and on the (name, version) one
_BY_NAME = f"SELECT {_COLUMNS} FROM documents WHERE name = ? AND +is_current = 1"


def current_version(db: Database, name: str) -> Document | None:
    row = db.one(_BY_NAME, (name,))
    return _to_document(row) if row else None


def find_by_hash(db: Database, content_hash: str) -> Document | None:
    """The first stored document (not itself a duplicate) with this content hash."""
    row = db.one(
        f"SELECT {_COLUMNS} FROM documents WHERE content_hash = ? AND status = 'ok' "
        "ORDER BY id LIMIT 1",
        (content_hash,),
    )
    return _to_document(row) if row else None


def url_seen(db: Database, url: str) -> bool:
    """Is any stored document (any version or status) from this URL, or was the URL's page
    found to repeat a stored document (`mark_seen`)?"""
    if db.scalar("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)) is not None:
        return True
    return db.scalar("SELECT 1 FROM feed_seen WHERE link = ?", (url,)) is not None


def mark_seen(db: Database, url: str, content_hash: str, doc_id: int) -> None:
    """Remember that the page at `url` repeats document `doc_id`, so it is not fetched again."""
    if db.scalar("SELECT 1 FROM feed_seen WHERE link = ?", (url,)) is None:
        db.execute(
            "INSERT INTO feed_seen (link, content_hash, doc_id, seen_at) VALUES (?, ?, ?, ?)",
            (url, content_hash, doc_id, now_iso()),
        )


def add_document(db: Database, new: DocumentRow) -> Document:
    """Store `new` as the next version of its name; the caller holds the transaction."""
    with db.transaction():
        (doc_id,) = _write_documents(db, [new])
    return get_document(db, doc_id)


def add_documents(db: Database, rows: Sequence[DocumentRow]) -> list[int | Failed]:
    """Store each of `rows` as the next version of its name, in one transaction with
    multi-row writes; the new ids in order, or the `Failed` of a row that cannot be stored
    (the others are)."""
    return write_each(db, rows, _write_documents)


def _write_documents(db: Database, rows: Sequence[DocumentRow]) -> list[int]:
    names = list(dict.fromkeys(r.clean.article.name for r in rows))
    latest: dict[str, int] = {}
    for i in range(0, len(names), 500):
        part = names[i : i + 500]
        marks = ", ".join("?" for _ in part)
        for r in db.all(
            f"SELECT name, version FROM documents WHERE +is_current = 1 AND name IN ({marks})", part
        ):
            latest[r["name"]] = int(r["version"])
    db.execute_many("UPDATE documents SET is_current = 0 WHERE name = ?", [(n,) for n in latest])
    last = {r.clean.article.name: i for i, r in enumerate(rows)}  # a name's last row is current
    ids = db.reserve_ids("documents", len(rows))
    values: list[list[Any]] = []
    bands: list[tuple[int, int]] = []
    texts: list[tuple[int, str, str]] = []
    for i, (doc_id, new) in enumerate(zip(ids, rows, strict=True)):
        name = new.clean.article.name
        latest[name] = latest.get(name, 0) + 1
        values.append([doc_id, latest[name], int(last[name] == i), *_document_values(new)])
        bands.extend((k, doc_id) for k in new.bands)
        texts.append((doc_id, new.clean.article.title or "", new.clean.clean_text))
    db.insert_rows("documents", ("id", "version", "is_current", *_DOCUMENT_COLS), values)
    db.insert_rows("minhash_bands", ("band_key", "doc_id"), bands)
    if db.dialect == "sqlite":
        db.execute_many(
            "INSERT INTO documents_fts (rowid, title, clean_text) VALUES (?, ?, ?)", texts
        )
    return ids


_DOCUMENT_COLS = (
    "name", "content_hash", "origin", "kind", "text", "clean_text", "offsets", "removed",
    "raw", "title", "published", "published_basis", "published_evidence", "source", "url",
    "language", "status", "duplicate_of", "metadata", "minhash", "ingested_at",
)  # fmt: skip


def _document_values(new: DocumentRow) -> list[Any]:
    """The columns `_DOCUMENT_COLS` of a new document, in that order."""
    art, clean = new.clean.article, new.clean
    evidence = [[e.start, e.end, e.quote] for e in clean.published_evidence]
    return [
        art.name,
        new.content_hash,
        art.origin,
        art.kind,
        art.text,
        clean.clean_text,
        json.dumps(clean.offsets.to_json()),
        json.dumps([list(r) for r in clean.removed]),
        art.raw,
        art.title,
        clean.published,
        clean.published_basis,
        json.dumps(evidence, ensure_ascii=False),
        art.source,
        art.url,
        clean.language,
        new.status,
        new.duplicate_of,
        json.dumps(art.metadata, ensure_ascii=False, default=str),
        new.minhash,
        now_iso(),
    ]


def get_document(db: Database, key: int | str) -> Document:
    """By id, or by name (current version). Raises NotFound."""
    row = None
    doc_id = _as_id(key)
    if doc_id is not None:
        row = db.one(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
    if row is None:
        row = db.one(_BY_NAME, (str(key),))
    if row is None:
        raise NotFound(f"no document {key!r}")
    return _to_document(row)


def _as_id(key: int | str) -> int | None:
    """`key` as a document id, if it can be one (a 64-bit integer); else None (a name)."""
    if isinstance(key, str):
        if not (key.isascii() and key.isdigit() and len(key) <= 19):
            return None
        key = int(key)
    return key if 0 < key < 2**63 else None


def list_documents(
    db: Database, *, current_only: bool = True, status: str | None = None
) -> list[Document]:
    where, params = [], []
    if current_only:
        where.append("is_current = 1")
    if status:
        where.append("status = ?")
        params.append(status)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.all(f"SELECT {_COLUMNS} FROM documents{clause} ORDER BY id", params)
    return [_to_document(r) for r in rows]


def mark_failed(db: Database, doc_id: int, reason: str) -> None:
    """Quarantine a document whose extraction failed: status 'failed' with the reason."""
    db.execute("UPDATE documents SET status = 'failed', failure = ? WHERE id = ?", (reason, doc_id))


def clear_failure(db: Database, doc_id: int) -> None:
    db.execute(
        "UPDATE documents SET status = 'ok', failure = NULL WHERE id = ? AND status = 'failed'",
        (doc_id,),
    )


def remove_document(db: Database, key: int | str) -> list[int]:
    """Delete a document (by id: that version; by name: every version) and what was extracted
    from it; its first copy (if any) takes its place. Returns the ids."""
    doc_id = _as_id(key)
    ids = []
    if doc_id is not None:
        ids = [int(r["id"]) for r in db.all("SELECT id FROM documents WHERE id = ?", (doc_id,))]
    if not ids:
        rows = db.all("SELECT id FROM documents WHERE name = ? ORDER BY id", (str(key),))
        ids = [int(r["id"]) for r in rows]
    if not ids:
        raise NotFound(f"no document {key!r}")
    marks = ", ".join("?" for _ in ids)
    _promote_copies(db, ids, marks)
    if db.dialect == "sqlite":
        db.execute(f"DELETE FROM documents_fts WHERE rowid IN ({marks})", ids)
    db.execute(f"DELETE FROM documents WHERE id IN ({marks})", ids)
    _promote_latest(db)
    return ids


def _promote_copies(db: Database, ids: list[int], marks: str) -> None:
    """The first copy of each removed document becomes the document (status 'ok', to be
    extracted); the other copies now point to it."""
    rows = db.all(
        f"SELECT id, duplicate_of FROM documents WHERE duplicate_of IN ({marks}) ORDER BY id",
        ids,
    )
    firsts: dict[int, int] = {}
    for row in rows:
        doc_id, of = int(row["id"]), int(row["duplicate_of"])
        if of not in firsts:
            firsts[of] = doc_id
            db.execute(
                "UPDATE documents SET status = 'ok', duplicate_of = NULL WHERE id = ?", (doc_id,)
            )
        else:
            db.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (firsts[of], doc_id))


def _promote_latest(db: Database) -> None:
    """After a removal, the latest remaining version of each name is its current one."""
    db.execute(
        "UPDATE documents SET is_current = 1 WHERE is_current = 0 AND id IN "
        "(SELECT MAX(id) FROM documents GROUP BY name) AND name NOT IN "
        "(SELECT name FROM documents WHERE is_current = 1)"
    )


def set_extractor_version(db: Database, doc_id: int, version: str) -> None:
    db.execute("UPDATE documents SET extractor_version = ? WHERE id = ?", (version, doc_id))


def add_reject(db: Database, name: str, origin: str, reason: str) -> None:
    """Record a reject; the same input rejected again for the same reason is one row."""
    now = now_iso()
    seen = db.one("SELECT id FROM rejects WHERE origin = ? AND reason = ?", (origin, reason))
    if seen:
        db.execute("UPDATE rejects SET last_seen = ? WHERE id = ?", (now, seen["id"]))
        return
    db.insert(
        "rejects",
        {
            "name": name,
            "origin": origin,
            "reason": reason,
            "first_seen": now,
            "last_seen": now,
        },
    )


def list_rejects(db: Database) -> list[dict[str, Any]]:
    return db.all("SELECT name, origin, reason, first_seen, last_seen FROM rejects ORDER BY id")


def current_by_status(db: Database) -> dict[str, int]:
    """Current documents per status, from the counts the documents' triggers keep
    (migrations/017_document_counts.sql): a few rows, whatever the store's size."""
    rows = db.all("SELECT status, n FROM document_counts WHERE n > 0 ORDER BY status")
    return {r["status"]: int(r["n"]) for r in rows}
