"""A long agreement history's or commitment status's tail (bilat.store.record_tails), written
with the record: a page cut to its latest statements reads it and gets what cutting the whole
history gives, a status page shows what the whole status shows, on the full write and on a
patch (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from bilat.serve.commitment_view import shown
from bilat.store import Store
from bilat.store.entry_patch import PartPatch
from bilat.store.record_patch import RecordPatch, patch_record
from bilat.store.record_tails import SHOWN, TAIL, cut, history_tail
from bilat.store.record_writer import write_record


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


def _status(doc: int, sources: int, actuals: int, dissent: int) -> dict[str, Any]:
    """A commitment status with lists of these lengths (figures of a few values)."""

    def claim(i: int, value: float) -> dict[str, Any]:
        return {"doc_id": doc + i, "doc": f"d{doc + i}", "start": i, "end": i + 5, "value": value}

    return {
        "commitment": {"measure": "trade_turnover", "value": 200.0, "unit": "USD bn"},
        "status": "missed",
        "pairs": ["CN-RU"],
        "sources": [{"doc_id": doc + i, "quote": f"we aim {i}"} for i in range(sources)],
        "evidence_figures": [claim(i, 100.0 + i % 4) for i in range(actuals)],
        "dissent": [claim(i, 300.0 + i % 3) for i in range(dissent)],
    }


def _statuses(store: Store, latest: int | None) -> list[dict[str, Any]]:
    page = store.for_pair("CN-RU").record_page("commitments", limit=50, tail=latest)
    return [shown(c) for c in page.items]


def _tails(store: Store) -> list[tuple[str, str]]:
    """(history id, tail row) of every tail row, by the entry's key (positions may differ)."""
    rows = store.db.all(
        "SELECT i.item_key, s.payload FROM record_summaries s JOIN record_items i "
        "ON i.kind = s.kind AND i.pos = s.pos WHERE s.kind IN ('agreements', 'commitments')"
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


def test_a_status_page_reads_a_long_status_as_its_tail(store: Store) -> None:
    statuses = [
        _status(10, SHOWN + 5, 3, 0),
        _status(20, 2, SHOWN * 3, SHOWN + 1),
        _status(30, 1, 2, 1),
    ]
    write_record(store.db, {"commitments": statuses}, "x")
    assert len(_tails(store)) == 2  # the short one is read whole
    cut_ = _statuses(store, SHOWN)
    assert cut_ == _statuses(store, None)
    assert [c["source_total"] for c in cut_] == [SHOWN + 5, 2, 1]
    assert [len(c["reported"]) for c in cut_] == [3, 4, 2]
    slim = store.for_pair("CN-RU").record_page("commitments", tail=SHOWN, claims=False).items
    assert len(slim[1]["evidence_figures"]) == SHOWN
    assert slim[1]["counted"]["actual_total"] == SHOWN * 3


def test_a_patch_keeps_the_status_tails_of_a_full_write(store: Store) -> None:
    write_record(store.db, {"commitments": [_status(10, SHOWN + 5, 3, 0)]}, "x")
    now = [_status(20, 2, SHOWN * 3, SHOWN + 1), _status(30, SHOWN + 1, 2, 1)]
    patch_record(store.db, RecordPatch({}, whole={"commitments": now}), "y")
    patched = (_tails(store), _statuses(store, SHOWN))
    write_record(store.db, {"commitments": now}, "y")
    assert (_tails(store), _statuses(store, SHOWN)) == patched
    assert patched[1] == _statuses(store, None)
