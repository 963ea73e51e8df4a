"""The title words of agreement statements, so an update reads only the statements the new
ones can match (migration 018; `bilat.record_delta` reads them).

    statement_word_rows(items)     the rows of some stored statements (written with them)
    fill_statement_words(db)       index the statements stored before the migration (once)
    word_counts(db, words)         statements per word
    documents_with(db, words)      the documents holding a statement with one of the words
    statements_with(db, words)     (document id, statement id) of each statement with one
    title_word_rows(titles)        the rows of some titles' words (migration 025)
    add_title_words(db, titles)    index those not indexed yet (written with the statements)
    fill_title_words(db)           index the titles stored before migration 025 (once)
    title_counts(db, words)        distinct titles per word
    titles_with(db, words)         the distinct titles with one of the words

A statement's words are `content_words` of its title: the words a title match (Dice of
content words, once project names are cut out) compares are among them. `title_words` holds
the same words by distinct title (a title repeated every year once), so following the chain
of title matches reads titles, not statements; a title whose statements are gone keeps its
rows (it leads to no statement).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from bilat.reconcile._text import content_words
from bilat.store.db import Database

__all__ = [
    "add_title_words",
    "documents_with",
    "fill_statement_words",
    "fill_title_words",
    "statement_word_rows",
    "statements_with",
    "title_counts",
    "title_word_rows",
    "titles_with",
    "word_counts",
]

_CHUNK = 500
_COLS = ("word", "doc_id", "item_id")


def statement_word_rows(items: Iterable[tuple[int, int, str]]) -> Iterator[tuple[str, int, int]]:
    """(word, document id, statement id) of each (statement id, document id, title)."""
    for item_id, doc_id, title in items:
        for word in sorted(content_words(title)):
            yield word, doc_id, item_id


def fill_statement_words(db: Database) -> int:
    """Index the words of the statements stored before migration 018 (up to the id it
    noted), in one transaction; the number of statements read (0: nothing left to fill)."""
    upto = db.scalar("SELECT MAX(upto) FROM statement_words_fill")
    if upto is None:
        return 0
    with db.transaction():
        rows = db.all("SELECT id, doc_id, title FROM agreements WHERE id <= ?", (upto,))
        db.execute("DELETE FROM statement_words WHERE item_id <= ?", (upto,))
        found = ((int(r["id"]), int(r["doc_id"]), str(r["title"] or "")) for r in rows)
        db.insert_rows("statement_words", _COLS, list(statement_word_rows(found)))
        db.execute("DELETE FROM statement_words_fill")
    return len(rows)


def _chunks(words: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(set(words))
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


def _counts(db: Database, table: str, words: Collection[str]) -> dict[str, int]:
    """Word -> its rows in `table` (statement_words or title_words), by the index alone."""
    out: dict[str, int] = {}
    for chunk in _chunks(words):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT word, COUNT(*) AS n FROM {table} WHERE word IN ({marks}) GROUP BY word"
        out.update((str(r["word"]), int(r["n"])) for r in db.all(sql, chunk))
    return out


def _having(db: Database, column: str, table: str, words: Collection[str]) -> list[Any]:
    """The distinct `column` values of the rows of `table` that have one of `words`."""
    out: list[Any] = []
    for chunk in _chunks(words):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT DISTINCT {column} AS v FROM {table} WHERE word IN ({marks})"
        out.extend(r["v"] for r in db.all(sql, chunk))
    return out


def word_counts(db: Database, words: Collection[str]) -> dict[str, int]:
    """Word -> the number of stored statements whose title has it (index range counts)."""
    return _counts(db, "statement_words", words)


def documents_with(db: Database, words: Collection[str]) -> set[int]:
    """The documents holding a stored statement whose title has one of `words`."""
    return {int(v) for v in _having(db, "doc_id", "statement_words", words)}


def statements_with(db: Database, words: Collection[str]) -> set[tuple[int, int]]:
    """(document id, statement id) of each stored statement whose title has one of `words`
    (the index alone: no statement row is read)."""
    out: set[tuple[int, int]] = set()
    for chunk in _chunks(words):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT DISTINCT doc_id, item_id FROM statement_words WHERE word IN ({marks})"
        out.update((int(r["doc_id"]), int(r["item_id"])) for r in db.all(sql, chunk))
    return out


def title_word_rows(titles: Iterable[str]) -> list[tuple[str, str]]:
    """(word, title) of each distinct title of `titles`, in word and title order."""
    return sorted({(word, title) for title in set(titles) for word in content_words(title)})


def add_title_words(db: Database, titles: Iterable[str]) -> None:
    """Index the words of these titles, those not indexed yet (one statement per row)."""
    db.execute_many(
        "INSERT INTO title_words (word, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
        title_word_rows(titles),
    )


def fill_title_words(db: Database) -> int:
    """Index the titles of the statements stored before migration 025 (marked by a row of
    `title_words_fill`), in one transaction; the number of distinct titles read (0: nothing
    left to fill)."""
    if db.scalar("SELECT COUNT(*) FROM title_words_fill") == 0:
        return 0
    with db.transaction():
        titles = [str(r["title"]) for r in db.all("SELECT DISTINCT title FROM agreements")]
        add_title_words(db, titles)
        db.execute("DELETE FROM title_words_fill")
    return len(titles)


def title_counts(db: Database, words: Collection[str]) -> dict[str, int]:
    """Word -> the number of distinct stored titles that have it."""
    return _counts(db, "title_words", words)


def titles_with(db: Database, words: Collection[str]) -> set[str]:
    """The distinct stored titles that have one of `words` (the index alone)."""
    return {str(v) for v in _having(db, "title", "title_words", words)}
