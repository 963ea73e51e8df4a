"""Batch writes (`Store.add_documents`, `Store.save_extractions`) on both backends: the same
rows as one document at a time, and one bad document fails alone with its reason."""

from __future__ import annotations

import dataclasses

import pytest

from bilat.ingest import dedupe
from bilat.offsets import OffsetMap
from bilat.records import Article, CleanDocument, Evidence, Extraction
from bilat.store import DocumentRow, Failed, Store
from test_store import _extraction

_TEXTS = (
    "Vladimir Putin spoke with Xi Jinping by telephone about the gas pipeline on Monday.",
    "Putin and the Chinese leader agreed to raise trade, the Kremlin said after the call.",
    "Officials said Putin would travel to Tianjin for the summit of the regional bloc.",
)
_TABLES = ("actors", "mentions", "events", "event_participants", "figures", "agreements")


def _row(name: str, text: str, digest: str | None = None) -> DocumentRow:
    article = Article(name=name, origin=name, text=text, kind="txt", title=f"About {name}")
    clean = CleanDocument(article, text, OffsetMap.identity(len(text)), "en", "2025-02-24")
    sig = dedupe.signature(text)
    return DocumentRow(clean, digest or dedupe.content_hash(text), "ok", None, sig, (11, 12))


def _add(store: Store, rows: list[DocumentRow]) -> list[int]:
    with store.transaction():
        ids = store.add_documents(rows)
    assert not any(isinstance(i, Failed) for i in ids)
    return [i for i in ids if isinstance(i, int)]


def _counts(store: Store) -> dict[str, int]:
    extra = ("item_parties", "commitments")
    return {t: int(store.db.scalar(f"SELECT COUNT(*) FROM {t}")) for t in (*_TABLES, *extra)}


def test_add_documents_versions_and_search(store: Store) -> None:
    first = _add(store, [_row("a.txt", _TEXTS[0]), _row("b.txt", _TEXTS[1])])
    again = _add(store, [_row("a.txt", _TEXTS[2]), _row("c.txt", _TEXTS[2] + " Again.")])
    assert len(set(first + again)) == 4
    a = store.current_version("a.txt")
    assert a is not None and (a.id, a.version, a.text) == (again[0], 2, _TEXTS[2])
    assert store.get_document(first[0]).version == 1
    assert [d.name for d in store.documents()] == ["b.txt", "a.txt", "c.txt"]
    assert store.near_candidates([12]) == [
        (d.id, d.name, bytes(dedupe.signature(d.clean_text) or b""))
        for d in store.documents()
        if d.id in first + again
    ]
    # the next single add continues the ids and versions
    with store.transaction():
        doc = store.add_document(_row("a.txt", _TEXTS[1] + " Later."))
    assert (doc.id, doc.version) == (max(again) + 1, 3)


def test_one_name_twice_in_a_batch_is_two_versions(store: Store) -> None:
    ids = _add(store, [_row("a.txt", _TEXTS[0]), _row("a.txt", _TEXTS[1])])
    rows = store.db.all("SELECT id, version, is_current FROM documents ORDER BY id")
    assert [(r["id"], r["version"], r["is_current"]) for r in rows] == [
        (ids[0], 1, 0),
        (ids[1], 2, 1),
    ]


def test_a_bad_document_fails_alone(store: Store) -> None:
    rows = [_row("a.txt", _TEXTS[0]), _row("bad.txt", _TEXTS[1]), _row("c.txt", _TEXTS[2])]
    rows[1] = dataclasses.replace(rows[1], content_hash=None)  # type: ignore[arg-type]
    with store.transaction():
        out = store.add_documents(rows)
    assert isinstance(out[1], Failed) and "content_hash" in out[1].reason
    assert [d.name for d in store.documents()] == ["a.txt", "c.txt"]
    assert [d.id for d in store.documents()] == [out[0], out[2]]


def _extractions(store: Store, ids: list[int]) -> list[tuple[int, Extraction]]:
    return [(i, _extraction(store.get_document(i).name, store.get_document(i).text)) for i in ids]


def test_save_extractions_equals_one_at_a_time(store: Store) -> None:
    ids = _add(store, [_row(f"d{i}.txt", t) for i, t in enumerate(_TEXTS)])
    batch = _extractions(store, ids)
    assert store.save_extractions(batch) == [None, None, None]
    for doc_id, ext in batch:
        assert store.load_extraction(doc_id) == ext
    batched = _counts(store)
    assert batched["event_participants"] == 2 * len(ids)  # written with the items
    assert batched["item_parties"] == 4 * len(ids)  # 2 agreement + 2 commitment parties
    for doc_id, ext in batch:  # one at a time replaces them with the same rows
        with store.transaction():
            store.save_extraction(doc_id, ext)
    assert _counts(store) == batched
    assert store.save_extractions(batch) == [None, None, None]  # a batch replaces too
    assert _counts(store) == batched
    assert store.stale_ids("test-1") == []


def test_a_bad_extraction_fails_alone(store: Store) -> None:
    ids = _add(store, [_row(f"d{i}.txt", t) for i, t in enumerate(_TEXTS)])
    batch = _extractions(store, ids)
    store.save_extractions(batch[1:2])  # what the bad one had before
    bad_figure = dataclasses.replace(batch[1][1].figures[0], evidence=Evidence(2**70, 2**70, "x"))
    bad = dataclasses.replace(batch[1][1], figures=(bad_figure,), extractor_version="test-2")
    out = store.save_extractions([batch[0], (ids[1], bad), batch[2]])
    assert out[0] is None and out[2] is None
    assert isinstance(out[1], Failed)
    assert "int" in out[1].reason.lower() or "range" in out[1].reason.lower()
    assert store.load_extraction(ids[0]) == batch[0][1]
    assert store.load_extraction(ids[2]) == batch[2][1]
    assert store.load_extraction(ids[1]) == batch[1][1]  # unchanged, not half-written


def test_menus_leave_out_the_values_of_old_versions(store: Store) -> None:
    from bilat.store.item_lists import distinct_values

    (old,) = _add(store, [_row("a.txt", _TEXTS[0])])
    ((_, ext),) = _extractions(store, [old])
    threat = dataclasses.replace(ext.events[0], type="THREATEN", mode="video")
    store.save_extractions([(old, dataclasses.replace(ext, events=(threat,)))])
    assert distinct_values(store.db, "events", "type") == ["THREATEN"]
    (new,) = _add(store, [_row("a.txt", _TEXTS[1])])  # the next version: CONSULT, call
    ((_, ext),) = _extractions(store, [new])
    store.save_extractions([(new, ext)])
    assert distinct_values(store.db, "events", "type") == ["CONSULT"]
    assert distinct_values(store.db, "events", "mode") == ["call"]
    assert distinct_values(store.db, "figures", "measure") == ["trade_turnover"]


def test_search_ranks_the_newest_window_then_the_older_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of a search, walked by offset, give every match once: the newest WINDOW
    matches best first, then the older ones newest first; the count is every match."""
    from bilat.store import queries, search

    texts = [f"Report {i}. " + "gas pipeline talks. " * (1 + i % 4) for i in range(11)]
    texts += ["Nothing about the subject here.", "A pipeline without the other word."]
    ids = _add(store, [_row(f"s{i:02d}.txt", t) for i, t in enumerate(texts)])
    with store.transaction():  # an older version and a copy match but are not listed
        store.add_document(_row("s00.txt", texts[0] + " Updated."))
        copy = dataclasses.replace(_row("copy.txt", texts[3]), status="duplicate")
        store.add_document(copy)
    listed = [d.id for d in store.documents() if "gas" in d.text]  # current, any status
    matching = [d.id for d in store.documents(current_only=False) if "gas" in d.text]
    assert (len(listed), len(matching)) == (12, 13) and ids[0] not in listed

    def walk(size: int) -> list[int]:
        out: list[int] = []
        while page := queries.search_documents(
            store.db, q="gas pipeline", limit=size, offset=len(out)
        ):
            out += [int(r["id"]) for r in page]
        return out

    everything = walk(4)  # the window holds every match: one ranking
    assert sorted(everything) == sorted(listed)
    assert queries.count_documents(store.db, q="gas pipeline") == 12
    monkeypatch.setattr(search, "WINDOW", 5)
    windowed = walk(3)
    assert sorted(windowed) == sorted(listed)  # every match once, whatever the page size
    assert windowed == walk(2) == walk(50)
    newest = set(sorted(matching, reverse=True)[:5])
    in_window = [i for i in everything if i in newest]
    older = windowed[len(in_window) :]
    assert windowed[: len(in_window)] == in_window and older == sorted(older, reverse=True)
    assert queries.count_documents(store.db, q="gas pipeline") == 12
    assert queries.count_documents(store.db, q="gas pipeline", status="ok") == 11
    assert queries.count_documents(store.db, q="gas pipeline", current_only=False) == 13
    found = queries.ranked_document_ids(store.db, ["pipe"], limit=50)  # prefix, ok only
    ok = [d.id for d in store.documents(status="ok") if "pipeline" in d.text]
    assert len(found) == len(set(found)) and sorted(found) == sorted(ok)
