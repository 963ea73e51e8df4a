"""Compact lookups of item rows for the record's keys (`bilat.store.record_keys`).

A full write of the record keys every event mention, figure claim and agreement or
commitment statement to its item row: at 100,000 documents about 800,000 rows. Kept as
dicts keyed by tuples of ints and quotes (and a set of every (kind, id) keyed) they took
about 0.4 GB; here a row is three 8-byte ints in arrays sorted by document, and a keyed id
one bit.

    Rows          (document, id, key) rows, found by document and key
    Marks         ids marked once each
    row_keys      the (document, id, key) rows of a query's (document, id, ...) rows
    claim_key     the key of a figure claim (span and value); digest: of a quote
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = ["DENSE", "ROW_COLUMNS", "Marks", "Rows", "claim_key", "digest", "row_keys"]

ROW_COLUMNS = {  # what row_keys reads of each kind's rows
    "events": "doc_id, id",
    "figures": "doc_id, id, start_pos, end_pos, value",
    "agreements": "doc_id, id, quote",
    "commitments": "doc_id, id, quote",
}
DENSE = 1 << 31  # ids marked by a bit below this (a kind's ids are dense from 1)


class Rows:
    """The item rows of one table that entries name, by document: parallel arrays sorted by
    document, a document's rows found by bisection and each matched by an integer key (an
    event's place among its document's rows; a digest of a figure's claim or a statement's
    quote). 24 bytes a row, where dicts keyed by tuples of ints and quotes took
    hundreds (every event, figure and statement row of a full write)."""

    def __init__(self) -> None:
        self.docs, self.ids, self.keys = array("q"), array("q"), array("q")

    def put(self, rows: Iterable[tuple[int, int, int]]) -> None:
        """Add (document, row id, key) rows sorted by document (a full read, or the rows of
        one document)."""
        docs, ids, keys = array("q"), array("q"), array("q")
        for doc, item_id, key in rows:
            docs.append(doc)
            ids.append(item_id)
            keys.append(key)
        at = bisect_left(self.docs, docs[0]) if docs else 0
        self.docs[at:at] = docs
        self.ids[at:at] = ids
        self.keys[at:at] = keys

    def find(self, doc: int, key: int) -> list[int]:
        """The ids of `doc`'s rows keyed `key`, in id order."""
        lo, hi = bisect_left(self.docs, doc), bisect_right(self.docs, doc)
        return [self.ids[n] for n in range(lo, hi) if self.keys[n] == key]


class Marks:
    """Item row ids, each marked once: a bit per id (a kind's ids are dense from 1)."""

    def __init__(self) -> None:
        self.bits = bytearray()
        self.far: set[int] = set()  # ids beyond DENSE (not expected)

    def mark(self, item_id: int) -> bool:
        """Mark `item_id`; False when it was marked already."""
        if not 0 <= item_id < DENSE:
            new = item_id not in self.far
            self.far.add(item_id)
            return new
        byte, bit = divmod(item_id, 8)
        if byte >= len(self.bits):
            self.bits.extend(bytes(byte + 1 - len(self.bits) + len(self.bits) // 2))
        if self.bits[byte] >> bit & 1:
            return False
        self.bits[byte] |= 1 << bit
        return True


def digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


def claim_key(start: int, end: int, value: float) -> int:
    """The key of a figure claim (the one `bilat.serve.record.figure_claim_key` matches
    claims by: document, span and value; the document is the row's)."""
    return digest(f"{start}:{end}:{value!r}")


def row_keys(kind: str, rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, int, int]]:
    """(document, id, key) of each (document, id, ...) row of `kind`, sorted by document."""
    place: dict[int, int] = {}
    for row in rows:
        doc, item_id = int(row[0]), int(row[1])
        if kind == "events":  # the document's i-th stored event, what "doc_id:e<i>" names
            key = place.get(doc, 0)
            place[doc] = key + 1
        elif kind == "figures":
            key = claim_key(int(row[2]), int(row[3]), float(row[4] or 0))
        else:
            key = digest(str(row[2]))
        yield doc, item_id, key
