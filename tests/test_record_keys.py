"""A patch keys statement rows as a full write does (bilat.store.key_patch.KeyPatch): every
agreement row of a (document, quote) to the first history citing it, on both backends.

One document states the same quote twice (rows a0 and a1, two histories citing it) and
another quote once (a2). Each case writes a record, patches it, and compares the keys with a
full write of the patched record's entries.
"""

from __future__ import annotations

from typing import Any

import pytest

from bilat.offsets import OffsetMap
from bilat.records import Agreement, Article, CleanDocument, Evidence, Extraction
from bilat.store import DocumentRow, Store
from bilat.store.entry_patch import PartPatch
from bilat.store.record_keys import Keys
from bilat.store.record_patch import RecordPatch

TEXT = "Gazprom and CNPC signed a memorandum on gas. Rosatom signed a deal."
SAME, OTHER = TEXT[:44], TEXT[45:]


def _document(store: Store) -> int:
    art = Article("d.txt", "d.txt", TEXT, "txt", "d", None, "test")
    clean = CleanDocument(art, TEXT, OffsetMap.identity(len(TEXT)), "en", "2025-01-02")
    quotes = [(0, SAME), (0, SAME), (45, OTHER)]
    ext = Extraction(
        "d.txt",
        "2025-01-02",
        "test-1",
        agreements=tuple(
            Agreement(f"deal {n}", "memorandum", "signed", None, (), "energy", ev)
            for n, ev in enumerate(Evidence(at, at + len(q), q) for at, q in quotes)
        ),
    )
    with store.transaction():
        doc = store.add_document(DocumentRow(clean, "h", "ok", None, None))
        store.save_extraction(doc.id, ext)
    return doc.id


def _history(doc: int, index: int, *quotes: str) -> dict[str, Any]:
    """The history whose first statement is the document's `index`-th, citing `quotes`."""
    entries = [
        {"doc_id": doc, "doc_name": "d.txt", "published": "2025-01-02", "quote": q} for q in quotes
    ]
    return {"id": f"agreement:{doc}:a{index}", "title": f"deal {index}", "entries": entries}


def _keys(store: Store) -> list[tuple[str, int, str]]:
    rows = store.db.all(
        "SELECT r.kind, r.item_id, i.item_key FROM record_item_refs r "
        "JOIN record_items i ON i.kind = r.kind AND i.pos = r.pos ORDER BY r.item_id"
    )
    return [(str(r["kind"]), int(r["item_id"]), str(r["item_key"])) for r in rows]


@pytest.mark.parametrize(
    ("before", "removed", "added", "first"),
    [
        # the history keyed goes; the kept one citing the same quote comes first
        (["a0", "a1"], ["a0"], ["a2+"], {SAME: "a1", OTHER: "a2"}),
        # a new history before the keyed one takes its rows
        (["a1"], [], ["a0"], {SAME: "a0"}),
        # a new history after it leaves them
        (["a0"], [], ["a1", "a2"], {SAME: "a0", OTHER: "a2"}),
        # the only history citing them goes: their keys go
        (["a0", "a2"], ["a0"], [], {OTHER: "a2"}),
    ],
    ids=["keyed-history-goes", "new-history-before", "new-history-after", "only-history-goes"],
)
def test_a_patch_keys_statements_as_a_full_write(
    store: Store, before: list[str], removed: list[str], added: list[str], first: dict[str, str]
) -> None:
    doc = _document(store)
    ids: dict[str, list[int]] = {}
    for r in store.db.all("SELECT id, quote FROM agreements ORDER BY id"):
        ids.setdefault(str(r["quote"]), []).append(int(r["id"]))
    assert [len(ids[SAME]), len(ids[OTHER])] == [2, 1]

    def history(name: str) -> dict[str, Any]:  # "a2+": a2 citing both quotes
        index = int(name[1])
        quotes = (SAME,) if index < 2 else (OTHER, SAME) if name.endswith("+") else (OTHER,)
        return _history(doc, index, *quotes)

    store.save_record({"agreements": [history(n) for n in before]})
    gone, come = [history(n) for n in removed], [history(n) for n in added]
    store.patch_record(RecordPatch({"agreements": PartPatch(gone, come)}), None)
    patched = _keys(store)
    kept = [history(n) for n in sorted({*before, *added} - set(removed))]
    store.save_record({"agreements": kept})
    assert patched == _keys(store)
    expected = {i: f"agreement:{doc}:{first[q]}" for q in first for i in ids[q]}
    assert patched == sorted(("agreements", i, key) for i, key in expected.items())


def test_statement_rows_of_some_rows_are_those_of_their_documents(store: Store) -> None:
    """A patch reads the statement rows of the documents of the rows it weighs
    (`Keys.statements(kind, of)`), not every row: the same (document, quote) keys."""
    doc = _document(store)
    a2 = int(store.db.scalar("SELECT MAX(id) FROM agreements WHERE doc_id = ?", (doc,)))
    every = Keys(store.db).statements("agreements")
    assert Keys(store.db, local=True).statements("agreements", [a2]) == every
    assert Keys(store.db, local=True).statements("agreements", []) == {}
