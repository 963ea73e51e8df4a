"""The reconciled record in the store: rebuilt from every current extraction.

Reconciliation is a pure function of the stored extractions and the human merge/split
judgements, so "incremental" and "from scratch" are the same computation: after each ingest
or extraction the record is rebuilt and stored as rows (`bilat.store.record_rows`: one per
entry, written part by part in one transaction), and `bilat reconcile --rebuild` gives the
identical result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bilat.reconcile import MergeJudgement, Record, SourcedExtraction, reconcile
from bilat.reconcile.figures import find_conflicts, group_figures
from bilat.reconcile.model import document_entry, to_plain
from bilat.reviewed import load_reviews_for_record
from bilat.store import Store

__all__ = ["load_sourced", "rebuild_record", "record_json", "record_parts"]


def load_sourced(store: Store) -> list[SourcedExtraction]:
    """Every current extraction, as the machine extracted it."""
    out = []
    rows = store.db.all(  # the four fields it needs, not every document's text
        "SELECT id, name, published, source FROM documents "
        "WHERE is_current = 1 AND status = 'ok' ORDER BY id"
    )
    for doc in rows:
        ext = store.load_extraction(int(doc["id"]))
        if ext is not None:
            out.append(
                SourcedExtraction(int(doc["id"]), doc["name"], doc["published"], doc["source"], ext)
            )
    return out


def _merge_judgements(store: Store) -> list[MergeJudgement]:
    rows = store.db.all(
        "SELECT action, payload, author FROM judgements WHERE item_type = 'actor' "
        "AND action IN ('merge', 'split') AND revoked_at IS NULL ORDER BY id"
    )
    out = []
    for row in rows:
        payload: dict[str, Any] = json.loads(row["payload"])
        out.append(
            MergeJudgement(
                row["action"],
                payload["a"],
                payload["b"],
                payload.get("reason", ""),
                by=row["author"],
            )
        )
    return out


def rebuild_record(store: Store) -> Record:
    """Reconcile the reviewed extractions and store the record; it is swapped in whole, with
    the fingerprint of the state it was built from, so a rebuild killed midway leaves a record
    readers know is stale. When reviews touch figures, the conflicts of the machine output are
    stored beside it (`machine_conflicts`), so the pages can show which conflicts reviews
    settled."""
    source = store.record_source()
    reviewed = load_reviews_for_record(store)
    machine = load_sourced(store)
    record = reconcile([reviewed.source(s) for s in machine], _merge_judgements(store))
    parts = record_parts(record)
    if reviewed.reviews.get("figures"):
        machine_conflicts = find_conflicts(group_figures(machine, record.options))
        parts["machine_conflicts"] = map(to_plain, machine_conflicts)
    store.save_record(parts, source)
    return record


def record_parts(record: Record) -> dict[str, Iterator[dict[str, Any]]]:
    """`record.to_json()` part by part, each entry made plain only as the store writes it."""
    names = ("actors", "judgements", "events", "conflicts", "series", "commitments", "agreements")
    parts: dict[str, Iterator[dict[str, Any]]] = {"documents": map(document_entry, record.inputs)}
    for name in names:
        parts[name] = map(to_plain, getattr(record, name))
    return parts


def record_json(store: Store) -> dict[str, Any]:
    """The stored record, rebuilt first if it was never built or the store changed since."""
    data = store.load_record()
    if data is None or not store.record_is_current():
        rebuild_record(store)
        data = store.load_record() or {}
    return data
