"""The reconciled record in the store: built from every current extraction.

    load_sourced(store, kinds)        every current extraction, with the item kinds named
    merge_judgements(store)           the human merge/split judgements of actors
    rebuild_record(store)             reconcile everything and store the record whole
    record_parts(record)              the record part by part, as the store writes it
    record_json(store)                the stored record, rebuilt first when stale

Reconciliation is a pure function of the stored extractions and the human merge/split
judgements. `rebuild_record` runs it over everything and stores the record as rows
(`bilat.store.record_rows`, one per entry, one transaction). Requires the store's current
documents, their items and the reviews; assigns the whole stored record. After an ingest or
extraction, `bilat.record_update.refresh_record` brings the record up to date, changing only
the rows new documents touch when that is the only change (otherwise it rebuilds): both give
the identical record (tests/test_incremental_record.py).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from typing import Any

from bilat.reconcile import MergeJudgement, Record, SourcedExtraction, reconcile_read
from bilat.reconcile.figures import find_conflicts, group_figures
from bilat.reconcile.model import PARTS, document_entry, ordered_inputs, to_plain
from bilat.reviewed import load_reviews_for_record
from bilat.store import Store
from bilat.store.items import ALL_KINDS, bare_extraction

__all__ = [
    "SOURCED_DOCUMENTS",
    "load_sourced",
    "merge_judgements",
    "rebuild_record",
    "record_json",
    "record_parts",
]


# the fields of every current document the record reads, once (SQLite: from the index
# `documents_sourced` alone, migration 019; in the table they come after the texts)
SOURCED_DOCUMENTS = (
    "SELECT id, name, published, source, extractor_version, pair FROM documents "
    "WHERE is_current = 1 AND status = 'ok' ORDER BY id"
)


def load_sourced(
    store: Store, kinds: Collection[str] = ALL_KINDS, without_actors: Collection[int] = ()
) -> list[SourcedExtraction]:
    """Every current extraction, as the machine extracted it (the actors without their
    mentions: nothing in the record reads them), with only the item `kinds` named; the
    documents `without_actors` without their actors (the caller has them)."""
    cur = store.db.execute(SOURCED_DOCUMENTS)
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    only = set(kinds) - {"actors"}
    # no item of theirs read (an update's old documents): each made from its row alone
    bare = () if only else without_actors
    made = {int(r[0]): _bare_source(*r) for r in rows if r[0] in bare and r[4] is not None}
    docs = {int(r[0]): dict(zip(cols, r, strict=True)) for r in rows if r[0] not in made}
    held = [i for i in docs if i in without_actors]
    loaded = dict(store.load_extractions(held, mentions=False, kinds=only, documents=docs))
    rest = [i for i in docs if i not in loaded]
    loaded.update(store.load_extractions(rest, mentions=False, kinds=kinds, documents=docs))
    for i, ext in loaded.items():
        made[i] = SourcedExtraction(
            i, docs[i]["name"], docs[i]["published"], docs[i]["source"], ext
        )
    return [made[i] for r in rows if (i := int(r[0])) in made]


def _bare_source(
    doc_id: int,
    name: str,
    published: str | None,
    source: str | None,
    version: str,
    pair: str | None,
) -> SourcedExtraction:
    """A document of no items, from its row (`SOURCED_DOCUMENTS`' columns)."""
    return SourcedExtraction(
        int(doc_id), name, published, source, bare_extraction(name, published, version, pair)
    )


def merge_judgements(store: Store) -> list[MergeJudgement]:
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
    settled. Each stage reads its own item kinds from the store (`reconcile_read`), so no
    more than one stage's extractions are held at once; the record returned keeps each
    document's name, dates and pair as its inputs, not its items."""
    version, source = store.store_version(), store.record_source()
    reviewed = load_reviews_for_record(store)
    renames = ("actors",) if reviewed.reviews.get("actors") else ()  # a rename reaches all

    def read(kinds: tuple[str, ...]) -> tuple[SourcedExtraction, ...]:
        return ordered_inputs(map(reviewed.source, load_sourced(store, {*kinds, *renames})))

    record = reconcile_read(read, merge_judgements(store))
    parts = record_parts(record)
    if reviewed.reviews.get("figures"):
        machine = load_sourced(store, ("actors", "figures"))
        machine_conflicts = find_conflicts(group_figures(machine, record.options))
        parts["machine_conflicts"] = map(to_plain, machine_conflicts)
        del machine
    store.save_record(parts, source, version)
    return record


def record_parts(record: Record) -> dict[str, Iterator[dict[str, Any]]]:
    """`record.to_json()` part by part, each entry made plain only as the store writes it."""
    parts: dict[str, Iterator[dict[str, Any]]] = {"documents": map(document_entry, record.inputs)}
    for name in PARTS:
        parts[name] = map(to_plain, getattr(record, name))
    return parts


def record_json(store: Store) -> dict[str, Any]:
    """The stored record, rebuilt first if it was never built or the store changed since."""
    data = store.load_record()
    if data is None or not store.record_is_current():
        rebuild_record(store)
        data = store.load_record() or {}
    return data
