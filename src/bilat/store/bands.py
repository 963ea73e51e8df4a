"""Near-duplicate candidates from the store: the LSH band keys of every signed document.

needs : `documents.minhash` (the signature stored with each document)
adds  : `minhash_bands` rows (band key -> document), written with the document; a lookup of a
        signature's keys returns the current, non-duplicate documents sharing a band, with their
        signatures for verification (`bilat.ingest.dedupe`).

Keys depend on the band layout, which follows the near-duplicate threshold; `ensure_layout`
rebuilds them (from the stored signatures) once when the layout changes, and for a store made
before the band table existed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bilat.store.db import Database

__all__ = ["add_bands", "candidates", "ensure_layout"]

KeyFn = Callable[[bytes], list[int]]
_CHUNK = 500  # signatures read per query while rebuilding


def add_bands(db: Database, doc_id: int, keys: Sequence[int]) -> None:
    db.execute_many(
        "INSERT INTO minhash_bands (band_key, doc_id) VALUES (?, ?)", [(k, doc_id) for k in keys]
    )


def ensure_layout(db: Database, layout: str, keys_of: KeyFn) -> int:
    """Make the stored keys those of `layout`; returns how many documents were (re)keyed."""
    if db.scalar("SELECT layout FROM minhash_layout WHERE id = 1") == layout:
        return 0
    db.execute("DELETE FROM minhash_bands")
    done, last = 0, 0
    while True:
        rows = db.all(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND id > ? "
            f"ORDER BY id LIMIT {_CHUNK}",
            (last,),
        )
        for row in rows:
            add_bands(db, int(row["id"]), keys_of(bytes(row["minhash"])))
        if not rows:
            break
        done += len(rows)
        last = int(rows[-1]["id"])
    db.execute("DELETE FROM minhash_layout")
    db.execute("INSERT INTO minhash_layout (id, layout) VALUES (1, ?)", (layout,))
    return done


def candidates(db: Database, keys: Sequence[int]) -> list[tuple[int, str, bytes]]:
    """(id, name, signature) of the current documents of status 'ok' sharing a band key, by id."""
    if not keys:
        return []
    marks = ", ".join("?" for _ in keys)
    rows = db.all(
        "SELECT id, name, minhash FROM documents WHERE id IN "
        f"(SELECT doc_id FROM minhash_bands WHERE band_key IN ({marks})) "
        "AND status = 'ok' AND is_current = 1 AND minhash IS NOT NULL ORDER BY id",
        list(keys),
    )
    return [(int(r["id"]), r["name"], bytes(r["minhash"])) for r in rows]
