"""Write actions behind the API: ingest one article given as JSON, and rebuild the record.

`ingest_article` goes through the same pipeline as `bilat ingest`: the article is written as
`<name>.json` in a temporary directory, ingested, extracted, and the reconciled record rebuilt.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
from hashlib import sha256
from pathlib import Path
from typing import Any

from bilat.config import Options
from bilat.errors import BilatError, InputRejected
from bilat.store import Store

__all__ = ["ingest_article", "rebuild_record", "safe_name"]

log = logging.getLogger("bilat.serve")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str | None, text: str) -> str:
    """A file-name-safe document name; without one, a stable name from the text."""
    base = _UNSAFE.sub("_", (name or "").strip()).strip("._")[:80]
    base = base.removesuffix(".json")
    return base or "api_" + sha256(text.encode("utf-8")).hexdigest()[:16]


def rebuild_record(store: Store) -> None:
    """Rebuild the reconciled record from every current extraction (`bilat.record`)."""
    from bilat.record import rebuild_record as rebuild

    rebuild(store)


def ingest_article(store: Store, options: Options, article: dict[str, Any]) -> dict[str, Any]:
    """Store, extract and reconcile one article; raise InputRejected if it is refused."""
    with store.write_lock(options.lock_timeout):  # a CLI ingest may be running
        return _ingest_article(store, options, article)


def _ingest_article(store: Store, options: Options, article: dict[str, Any]) -> dict[str, Any]:
    from bilat.extract import run_extraction
    from bilat.ingest import ingest

    body = {k: v for k, v in article.items() if v is not None and k != "name"}
    name = safe_name(article.get("name"), article["text"])
    with tempfile.TemporaryDirectory(prefix="bilat-api-") as tmp:
        path = Path(tmp) / f"{name}.json"
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        report = ingest(store, [str(path)], options)
    if report.rejected:
        raise InputRejected(*report.rejected[0])
    docs = [store.get_document(d.id) for d in report.added if d.status == "ok"]
    failed: list[str] = []
    extracted = 0
    try:
        extracted, failed = run_extraction(store, options.extract, docs)
        rebuild_record(store)
    except BilatError as exc:  # extraction policy: the document stays stored, marked failed
        log.error("extraction after API ingest failed: %s", exc)
        failed.append(str(exc))
    doc = report.added[0] if report.added else store.get_document(f"{name}.json")
    return {
        "document": {
            "id": doc.id,
            "name": doc.name,
            "status": doc.status,
            "duplicate_of": doc.duplicate_of,
            "version": doc.version,
        },
        "created": bool(report.added),
        "extraction": {"extracted": extracted, "failed": failed},
    }
