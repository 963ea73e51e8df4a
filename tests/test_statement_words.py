"""The title words of agreement statements (migration 018), which an update reads the old
statements by (`bilat.record_delta`, `reconcile.delta._reached`): written with the statements,
filled alike for the statements stored before the migration, and leading to every title
that can match a reached one (`agreements.reaching_words`: whatever the word counts)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.offsets import OffsetMap
from bilat.reconcile._text import content_words
from bilat.reconcile.agreements import _Item, _projects_in, _similarity, reaching_words
from bilat.reconcile.model import ReconcileOptions
from bilat.records import Agreement, Article, CleanDocument, Evidence, Extraction
from bilat.store import DocumentRow, Store
from bilat.store.items import load_statements_by_id, statement_titles, statements_titled
from bilat.store.statement_words import (
    documents_with,
    fill_statement_words,
    fill_title_words,
    statements_with,
    title_counts,
    titles_with,
    word_counts,
)

_WORDS = ("gas", "pipelines", "oil", "trade", "power", "siberia", "2", "yuan", "the", "of")
_CHUNKS = (*_WORDS, "Power of Siberia", "power of Siberia 2")  # project names now and then
_FORMS = [("power of siberia 2", "p2"), ("power of siberia", "p1")]  # longest first


def _statement(title: str) -> Agreement:
    return Agreement(title, "agreement", "signed", None, ("Russia",), "energy", Evidence(0, 1, "x"))


def _document(store: Store, name: str) -> int:
    art = Article(name, name, f"text of {name}", "txt")
    clean = CleanDocument(art, art.text, OffsetMap.identity(len(art.text)), "en", None)
    return int(store.add_document(DocumentRow(clean, name, "ok", None, None)).id)


def _extraction(name: str, titles: list[str]) -> Extraction:
    return Extraction(name, None, "t", agreements=tuple(map(_statement, titles)))


def _rows(store: Store) -> list[tuple[Any, ...]]:
    rows = store.db.all("SELECT word, doc_id, item_id FROM statement_words")
    return sorted((r["word"], int(r["doc_id"]), int(r["item_id"])) for r in rows)


def test_words_are_written_with_the_statements_and_filled_alike(store: Store) -> None:
    titles = [["Power of Siberia 2 gas contract", "Yuan loans"], ["The oil deal", "Gas pipelines"]]
    docs = [_document(store, f"d{n}") for n in range(len(titles))]
    for doc_id, batch in zip(docs, titles, strict=True):
        store.save_extraction(doc_id, _extraction(f"d{doc_id}", batch))
    written = _rows(store)
    assert {w for w, _, _ in written} == set().union(*(content_words(t) for b in titles for t in b))
    assert word_counts(store.db, ["gas", "yuan", "none"]) == {"gas": 2, "yuan": 1}
    assert documents_with(store.db, ["pipeline"]) == {docs[1]}
    # the statements themselves, each with its place among its document's (the second)
    found = statements_with(store.db, ["pipeline", "yuan"])
    assert {d for d, _ in found} == set(docs) and len(found) == 2
    ids = sorted(i for _, i in found)
    assert statement_titles(store.db, ids) == [
        (docs[0], 1, ids[0], "Yuan loans"),
        (docs[1], 1, ids[1], "Gas pipelines"),
    ]
    assert {i: a.title for i, a in load_statements_by_id(store.db, ids).items()} == {
        ids[0]: "Yuan loans",
        ids[1]: "Gas pipelines",
    }
    # a store migrated with these statements in it: filled once by code, to the same rows
    with store.transaction():
        store.db.execute("DELETE FROM statement_words")
        store.db.execute("INSERT INTO statement_words_fill (upto) SELECT MAX(id) FROM agreements")
    assert fill_statement_words(store.db) == 4
    assert _rows(store) == written
    assert fill_statement_words(store.db) == 0
    store.save_extraction(docs[0], _extraction("d0", []))
    assert {d for _, d, _ in _rows(store)} == {docs[1]}  # replaced statements leave no words


def _title_rows(store: Store) -> list[tuple[Any, ...]]:
    rows = store.db.all("SELECT word, title FROM title_words")
    return sorted((r["word"], r["title"]) for r in rows)


def test_title_words_are_written_once_per_title_and_filled_alike(store: Store) -> None:
    """Migration 025: the words of each distinct title, written with the statements (a
    title repeated in another document adds no row), the titles per word, the titles
    holding a word, and the statements of some titles with their places; a store migrated
    with statements in it is filled once by code, to the same rows."""
    titles = [["Gas pipelines", "Power of Siberia 2 gas contract"], ["The oil deal"]]
    titles.append(["Yuan loans", "Gas pipelines"])
    docs = [_document(store, f"d{n}") for n in range(len(titles))]
    for doc_id, batch in zip(docs, titles, strict=True):
        store.save_extraction(doc_id, _extraction(f"d{doc_id}", batch))
    written = _title_rows(store)
    distinct = {t for b in titles for t in b}
    assert written == sorted({(w, t) for t in distinct for w in content_words(t)})
    counts = title_counts(store.db, ["gas", "pipeline", "yuan", "none"])
    assert counts == {"gas": 2, "pipeline": 1, "yuan": 1}  # a title repeated counts once
    assert titles_with(store.db, ["gas"]) == {"Gas pipelines", "Power of Siberia 2 gas contract"}
    found = statements_titled(store.db, ["Gas pipelines", "Yuan loans"])
    assert [(d, p, a.title) for d, p, _, a in found] == [
        (docs[0], 0, "Gas pipelines"),
        (docs[2], 0, "Yuan loans"),
        (docs[2], 1, "Gas pipelines"),
    ]
    assert {i: a for _, _, i, a in found} == load_statements_by_id(
        store.db, [i for _, _, i, _ in found]
    )
    with store.transaction():
        store.db.execute("DELETE FROM title_words")
        store.db.execute("INSERT INTO title_words_fill (n) VALUES (1)")
    assert fill_title_words(store.db) == len(distinct)
    assert _title_rows(store) == written
    assert fill_title_words(store.db) == 0


def _item(title: str) -> _Item:
    projects, rest = _projects_in(title, _FORMS)
    words = content_words(rest)
    numbers = frozenset(w for w in words if any(ch.isdigit() for ch in w))
    return _Item(title, None, "", words, numbers, projects, frozenset())


_TITLE = st.lists(st.sampled_from(_CHUNKS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    _TITLE,
    st.lists(_TITLE, max_size=8),
    st.dictionaries(st.sampled_from(_WORDS), st.integers(0, 9)),
)
def test_every_matching_title_has_a_reaching_word(
    title: str, others: list[str], freq: dict[str, int]
) -> None:
    options = ReconcileOptions()
    a = _item(title)
    words = reaching_words([a], _FORMS, lambda ws: {w: freq.get(w, 0) for w in ws}, options)
    assert words is not None
    for other in others:
        if _similarity(a, _item(other), options) > 0:
            assert words & content_words(other), (title, other)
