"""Near duplicates looked up in the store's band table (bilat.store.bands) decide exactly as the
in-memory `NearDuplicateIndex` over every stored signature did, on real SQLite/PostgreSQL."""

from __future__ import annotations

import random

import pytest

from bilat.ingest import dedupe
from bilat.ingest.pipeline import _Deduper
from bilat.offsets import OffsetMap
from bilat.records import Article, CleanDocument
from bilat.store import DocumentRow, Store

THRESHOLD = 0.5


def _texts(count: int, seed: int = 13) -> list[str]:
    """`count` texts of made-up words: mostly new ones, and copies of earlier ones with more or
    fewer words replaced, so that their similarity to the original spans the threshold."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(3000)]
    out: list[str] = []
    for i in range(count):
        if i > 10 and rng.random() < 0.25:
            words = rng.choice(out).split()
            for _ in range(rng.randint(1, 40)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
        else:
            words = rng.choices(vocabulary, k=rng.randint(60, 160))
        out.append(" ".join(words))
    return out


def _clean(name: str, text: str) -> CleanDocument:
    article = Article(name=name, origin=name, text=text, kind="txt")
    return CleanDocument(article, text, OffsetMap.identity(len(text)), "en", None)


def _store(
    store: Store, deduper: _Deduper, name: str, text: str, sig: bytes | None = None
) -> tuple[str, int | None, int]:
    clean = _clean(name, text)
    digest, sig = dedupe.content_hash(text), sig or dedupe.signature(text)
    status, of = deduper.classify(clean, digest, sig)
    row = DocumentRow(clean, digest, status, of, sig, tuple(deduper.keys(sig)))
    with store.transaction():
        doc = store.add_document(row)
    return status, of, doc.id


@pytest.mark.parametrize("count", [400, pytest.param(3000, marks=pytest.mark.slow)])
def test_band_lookup_decides_as_the_full_index(store: Store, count: int) -> None:
    texts = _texts(count)
    deduper = _Deduper(store, True, THRESHOLD)
    reference = dedupe.NearDuplicateIndex(threshold=THRESHOLD)
    decided, expected = [], []
    for i, text in enumerate(texts):
        sig = dedupe.signature(text)
        near = reference.query(sig)
        status, of, doc_id = _store(store, deduper, f"doc{i}", text, sig)
        expected.append(("ok", None) if near is None else ("near_duplicate", near))
        decided.append((status, of))
        if status == "ok":
            reference.add(doc_id, sig)
    assert decided == expected
    near = sum(1 for status, _ in decided if status == "near_duplicate")
    assert count // 20 < near < count // 4, near  # copies span the threshold: both decisions


def test_a_lookup_reads_only_documents_sharing_a_band(store: Store) -> None:
    texts = _texts(400, seed=5)
    deduper = _Deduper(store, True, THRESHOLD)
    for i, text in enumerate(texts):
        _store(store, deduper, f"doc{i}", text)
    new = " ".join(f"fresh{n}" for n in range(120))
    assert store.near_candidates(deduper.keys(dedupe.signature(new))) == []
    copy = texts[7].replace(texts[7].split()[3], "changed", 1)
    found = store.near_candidates(deduper.keys(dedupe.signature(copy)))
    assert found and len(found) < 10 and found[0][1] == "doc7"


def test_a_new_threshold_or_an_older_store_rebuilds_the_keys(store: Store) -> None:
    texts = _texts(60, seed=3)
    deduper = _Deduper(store, True, THRESHOLD)
    for i, text in enumerate(texts):
        _store(store, deduper, f"doc{i}", text)
    stored = store.db.scalar("SELECT COUNT(*) FROM minhash_bands")
    bands, _rows = deduper.layout
    assert stored == bands * len(texts)
    strict = _Deduper(store, True, 0.9)  # another layout: every key cut again
    assert strict.layout != deduper.layout
    assert store.db.scalar("SELECT COUNT(*) FROM minhash_bands") == strict.layout[0] * len(texts)
    with store.transaction():  # as a store made before the band table
        store.db.execute("DELETE FROM minhash_bands")
        store.db.execute("DELETE FROM minhash_layout")
    again = _Deduper(store, True, THRESHOLD)
    assert store.db.scalar("SELECT COUNT(*) FROM minhash_bands") == stored
    copy = texts[20].replace(texts[20].split()[0], "edited", 1)
    assert again.classify(_clean("copy", copy), "x", dedupe.signature(copy)) == (
        "near_duplicate",
        store.get_document("doc20").id,
    )


def test_removed_and_replaced_documents_are_no_longer_candidates(store: Store) -> None:
    texts = _texts(30, seed=8)
    deduper = _Deduper(store, True, THRESHOLD)
    for i, text in enumerate(texts):
        _store(store, deduper, f"doc{i}", text)
    copy = texts[4] + " one more sentence"
    sig = dedupe.signature(copy)
    assert deduper.classify(_clean("copy", copy), "x", sig)[0] == "near_duplicate"
    assert deduper.classify(_clean("doc4", copy), "x", sig) == ("ok", None)  # its own new version
    store.remove_document("doc4")
    assert deduper.classify(_clean("copy", copy), "x", sig) == ("ok", None)
