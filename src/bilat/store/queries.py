"""Read queries for the API and the dashboard: documents with full-text search, item rows.

Full-text search uses SQLite FTS5 (`documents_fts`) or PostgreSQL's `documents.search` tsvector;
the user's words are passed as terms (never as query syntax), so any input is a valid query.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bilat.store import search
from bilat.store.db import Database

__all__ = [
    "DOC_FIELDS",
    "ITEM_KINDS",
    "count_documents",
    "decode",
    "document_names",
    "item_ids",
    "item_rows",
    "mention_rows",
    "ranked_document_ids",
    "search_documents",
    "terms",
]

DOC_FIELDS = (
    "id",
    "name",
    "version",
    "title",
    "published",
    "published_basis",
    "source",
    "url",
    "language",
    "status",
    "duplicate_of",
    "ingested_at",
    "extractor_version",
)
ITEM_KINDS = ("events", "figures", "agreements", "commitments")
_LIST_COLUMNS = {"participants", "parties", "aliases"}
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(q: str) -> list[str]:
    """The words of a search query (at most 12), lower-cased."""
    return [w.lower() for w in _WORD.findall(q)][:12]


def _filters(
    db: Database,
    q: str | None,
    status: str | None,
    current_only: bool,
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if current_only:  # `+`: SQLite reads newest first by documents_recent, not by this
        where.append("+d.is_current = 1")
    if status:
        where.append("d.status = ?")
        params.append(status)
    if q and q.strip() and not terms(q):
        where.append("1 = 0")  # punctuation only: nothing can match (words: bilat.store.search)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def count_documents(
    db: Database,
    *,
    q: str | None = None,
    status: str | None = None,
    current_only: bool = True,
) -> int:
    words = terms(q or "")
    if words:
        return search.match_count(db, words, status=status, current_only=current_only)
    clause, params = _filters(db, q, status, current_only)
    return int(db.scalar(f"SELECT COUNT(*) FROM documents d{clause}", params) or 0)


def search_documents(
    db: Database,
    *,
    q: str | None = None,
    status: str | None = None,
    current_only: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Document rows (metadata + clean_text), newest publication first unless searching."""
    cols = ", ".join(f"d.{c}" for c in DOC_FIELDS)
    words = terms(q or "")
    if words:
        ids = search.ranked_ids(
            db, words, status=status, current_only=current_only, limit=limit, offset=offset
        )
        marks = ", ".join("?" for _ in ids) or "NULL"
        rows = db.all(f"SELECT {cols}, d.clean_text FROM documents d WHERE d.id IN ({marks})", ids)
        at = {int(r["id"]): r for r in rows}
        return [at[i] for i in ids if i in at]
    clause, params = _filters(db, q, status, current_only)
    order = "COALESCE(d.published, '') DESC, d.id DESC"
    sql = f"SELECT {cols}, d.clean_text FROM documents d{clause} ORDER BY {order} LIMIT ? OFFSET ?"
    return db.all(sql, [*params, limit, offset])


def ranked_document_ids(
    db: Database, words: list[str], *, limit: int, offset: int = 0
) -> list[int]:
    """Current documents with every word (as a word prefix), in search order
    (`bilat.store.search`): the documents whose items a search looks at (an item quote is a
    passage of its document)."""
    return search.ranked_ids(db, words, status="ok", prefix=True, limit=limit, offset=offset)


def document_names(db: Database, doc_id: int | None = None) -> dict[int, dict[str, Any]]:
    """id -> {name, title, published, source, url, status, is_current, pair} per document
    (of one document, by its primary key, when `doc_id` is given)."""
    sql = "SELECT id, name, title, published, source, url, status, is_current, pair FROM documents"
    rows = db.all(sql) if doc_id is None else db.all(f"{sql} WHERE id = ?", (doc_id,))
    return {int(r["id"]): r for r in rows}


def decode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in _LIST_COLUMNS & set(out):
        out[key] = json.loads(out[key] or "[]")
    out["id"] = int(out["id"])
    out["doc_id"] = int(out["doc_id"])
    return out


def item_rows(
    db: Database,
    table: str,
    *,
    doc_id: int | None = None,
    current_only: bool = True,
) -> list[dict[str, Any]]:
    """Rows of one item table (of current, non-duplicate documents unless `doc_id` is given)."""
    if table not in (*ITEM_KINDS, "actors"):
        raise ValueError(f"not an item table: {table}")
    where, params = [], []
    if doc_id is not None:
        where.append("i.doc_id = ?")
        params.append(doc_id)
    elif current_only:
        where.append("d.is_current = 1 AND d.status = 'ok'")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    sql = (
        f"SELECT i.* FROM {table} i JOIN documents d ON d.id = i.doc_id{clause} "
        "ORDER BY i.doc_id, i.id"
    )
    return [decode(r) for r in db.all(sql, params)]


def item_ids(db: Database, table: str) -> list[dict[str, Any]]:
    """`id` and `doc_id` of the rows `item_rows` gives (current, non-duplicate documents),
    for counting and numbering without decoding the rows."""
    if table not in (*ITEM_KINDS, "actors"):
        raise ValueError(f"not an item table: {table}")
    return db.all(
        f"SELECT i.id, i.doc_id FROM {table} i JOIN documents d ON d.id = i.doc_id "
        "WHERE d.is_current = 1 AND d.status = 'ok' ORDER BY i.doc_id, i.id"
    )


def mention_rows(db: Database, doc_id: int) -> list[dict[str, Any]]:
    """Actor mentions of one document with the actor's name and type."""
    return db.all(
        "SELECT m.actor_id, m.start_pos, m.end_pos, m.quote, a.name, a.type "
        "FROM mentions m JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? "
        "ORDER BY m.start_pos",
        (doc_id,),
    )
