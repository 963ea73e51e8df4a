"""Sources named as readers name them: outlets and headlines read off the article, the data
source or speaker of each number, and conflicts that say who says what.

Every text here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import load_options
from bilat.extract import run_extraction
from bilat.ingest import ingest
from bilat.ingest.outlet import article_outlet, article_title
from bilat.reconcile import reconcile
from bilat.store import open_store
from test_reconcile import doc, figure

WIRE = (
    "TASS Russian News Agency\n3 MAR 2026, 11:05\nUpdated 11:40\n\n"
    "Moscow and Beijing agree to widen rail freight links\n\n"
    "MOSCOW, March 3. /TASS/ - Russia and China agreed to widen rail freight links.\n"
)


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        (WIRE, None, "TASS"),  # a masthead line
        ("Heading here\n\nBEIJING, May 2 (Xinhua) -- Talks were held.", None, "Xinhua"),
        ("NEW DELHI, June 1 (Reuters) - Oil flows rose.", None, "Reuters"),
        ("Digest of the Week\n\nTalks were held.\n\nSource: Interfax\n", None, "Interfax"),
        ("Talks were held.", "https://www.kommersant.ru/doc/1", "Kommersant"),
        ("Talks were held.", "https://news.example.net/a/1", "news.example.net"),
        ("Talks were held, Xinhua reported later in the week.", None, None),  # not a marker
        ("Talks were held.", "http://127.0.0.1/a", None),
    ],
)
def test_the_outlet_is_read_off_the_article_or_its_site(
    text: str, url: str | None, outlet: str | None
) -> None:
    assert article_outlet(text, url) == outlet


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (WIRE, "Moscow and Beijing agree to widen rail freight links"),
        (
            "Steppe Trade Review\nAnalysis | 4 April 2026\n\nWhat the April 2026 talks changed\n\n"
            "Body text follows here.",
            "What the April 2026 talks changed",  # a publication's name over a date line
        ),
        (
            "HOME / WORLD / ASIA\n\nPipelines, ports and payments in 2026\n\nBody.",
            "Pipelines, ports and payments in 2026",
        ),
        (
            "Russia and China held their regular consultations on Asian security in Moscow "
            "on Tuesday, the foreign ministry said in a statement published afterwards.\n",
            None,  # the article opens with its body
        ),
    ],
)
def test_the_headline_is_the_first_line_that_is_not_masthead_date_or_navigation(
    text: str, title: str | None
) -> None:
    assert article_title(text) == title


def test_ingest_names_outlet_and_title_of_a_plain_text_article(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    store = open_store(db)
    try:
        ingest(store, [str(tmp_path / "wire.txt")], load_options(None, db=db))
        stored = store.documents()[0]
        assert (stored.source, stored.title) == (
            "TASS",
            "Moscow and Beijing agree to widen rail freight links",
        )
    finally:
        store.close()


CONTRAST = (
    "Customs figures differ\n\n"
    "MOSCOW, February 10 (Interfax) - According to Russia's Federal Customs Service, trade "
    "between Russia and China reached $231 billion in 2025, and not $246.5 billion, as "
    "Beijing reports.\n"
)


def test_an_as_x_reports_clause_names_the_source_of_its_own_number(tmp_path: Path) -> None:
    (tmp_path / "contrast.txt").write_text(CONTRAST, encoding="utf-8")
    db = str(tmp_path / "s.db")
    store = open_store(db)
    try:
        options = load_options(None, db=db)
        ingest(store, [str(tmp_path / "contrast.txt")], options)
        run_extraction(store, options.extract)
        ext = store.load_extraction(store.documents()[0].id)
        assert ext is not None
        speakers = {f.value: f.said_by for f in ext.figures}
        assert speakers[246.5e9] == "China"
        assert speakers[231e9] != "China"
    finally:
        store.close()


def test_a_conflict_names_its_data_sources_before_its_extremes() -> None:
    inputs = [
        doc(1, figures=[figure(244.8e9, source_data="Chinese customs")]),
        doc(2, figures=[figure(244.8e9, source_data="Chinese customs")]),
        doc(3, figures=[figure(228e9, source_data="Russian customs service")]),
        doc(4, figures=[figure(200e9, "at_most")]),  # the most distant, but from no source
    ]
    (conflict,) = reconcile(inputs).conflicts
    assert conflict.reason.startswith("Chinese customs, per 001.txt says $244.8 bn")
    assert "but Russian customs service, per 003.txt says $228 bn" in conflict.reason
    assert conflict.source_data == ("Chinese customs", "Russian customs service")
