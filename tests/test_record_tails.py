"""A long agreement history's tail (bilat.store.record_tails), written with the record: a
page cut to its latest statements reads it and gets what cutting the whole history gives, on
the full write and on a patch (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from bilat.store import Store
from bilat.store.record_patch import PartPatch, RecordPatch, patch_record
from bilat.store.record_rows import write_record
from bilat.store.record_tails import TAIL, cut, history_tail


def _history(doc: int, n: int) -> dict[str, Any]:
    """An agreement history of `n` statements, the first in document `doc`."""
    entries = [
        {"doc_id": doc + i, "quote": f"statement {i} of {doc}", "date": f"2024-01-{i % 28 + 1:02d}"}
        for i in range(n)
    ]
    return {
        "id": f"agreement:{doc}:a0",
        "name": f"treaty {doc}",
        "pairs": ["CN-RU"],
        "entries": entries,
    }


def _tails(store: Store) -> list[tuple[str, str]]:
    """(history id, tail row) of every tail row, by the entry's key (positions may differ)."""
    rows = store.db.all(
        "SELECT i.item_key, s.payload FROM record_summaries s JOIN record_items i "
        "ON i.kind = s.kind AND i.pos = s.pos WHERE s.kind = 'agreements'"
    )
    return sorted((str(r["item_key"]), str(r["payload"])) for r in rows)


def _read(store: Store, tail: int | None) -> list[dict[str, Any]]:
    return store.for_pair("CN-RU").record_page("agreements", limit=50, tail=tail).items


def test_pages_read_a_long_history_as_its_tail(store: Store) -> None:
    histories = [_history(100, TAIL + 7), _history(200, 3), _history(300, TAIL)]
    write_record(store.db, {"agreements": histories}, "x")
    assert [k for k, _ in _tails(store)] == ["agreement:100:a0"]  # only the long one
    whole = _read(store, None)
    assert [h["id"] for h in whole] == [h["id"] for h in histories]
    for tail in (1, 5, TAIL, TAIL + 3):
        assert _read(store, tail) == [cut(h, tail) for h in whole]
    assert _read(store, TAIL)[0]["entries_cut"] == 7
    assert history_tail(histories[0]) == cut(histories[0], TAIL)


def test_a_patch_keeps_the_tails_of_a_full_write(store: Store) -> None:
    first = [_history(100, TAIL + 7), _history(200, 3)]
    write_record(store.db, {"agreements": first}, "x")
    longer = _history(200, TAIL + 2)
    parts = {"agreements": PartPatch(removed=first, added=[longer, _history(400, TAIL + 1)])}
    patch_record(store.db, RecordPatch(parts), "y")
    patched = (_tails(store), _read(store, TAIL), _read(store, 1))
    assert [k for k, _ in patched[0]] == ["agreement:200:a0", "agreement:400:a0"]
    write_record(store.db, {"agreements": [longer, _history(400, TAIL + 1)]}, "y")
    assert (_tails(store), _read(store, TAIL), _read(store, 1)) == patched
