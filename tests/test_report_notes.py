"""A report read from a PDF: the note numbers glued to its sentences' ends and its list of
notes are no text of the report (no figure, no date), and every quote still maps back."""

from __future__ import annotations

from typing import Any

from bilat.extract.nlp import load_nlp
from bilat.extract.pipeline import extract_document
from bilat.ingest.clean import CleanOptions, clean_article
from bilat.records import Article, Document

REPORT = (
    "Mongolia-China Trade in 2024\n\n"
    "Mongolian coal exports to China rose to 83.7 million tonnes in 2024.3 Revenue from them "
    "reached $7.4 billion, according to customs data.4\n\n"
    "The Erlian crossing handled 21.2 million tonnes in 2023–24.5 Officials expect more "
    "in 2025 (Ulaanbaatar Railway).6\n\n"
    "Notes\n"
    "3 Mongolian Customs, “Foreign Trade Statistics,” January 15, 2025, p. 12.\n"
    "4 Ibid.\n"
    "5 Montsame, March 3, 2025.\n"
    "6 Ulaanbaatar Railway, annual report 2024, p. 41.\n"
)


def _clean(text: str, disabled: frozenset[str] = frozenset()) -> str:
    article = Article(name="r.txt", origin="r.txt", kind="txt", text=text)
    return clean_article(article, CleanOptions(disabled=disabled)).clean_text


def _extract(text: str, published: str) -> Any:
    """The extraction of `text` cleaned as ingest cleans it."""
    clean = clean_article(Article(name="r.txt", origin="r.txt", kind="txt", text=text))
    doc = Document(
        0, "r.txt", 1, "", text, clean.clean_text, clean.offsets, None, published,
        None, None, "en", "ok", None, {}, "",
    )  # fmt: skip
    return extract_document(doc, load_nlp()(clean.clean_text), auto_pair=True)


def test_note_numbers_and_the_notes_list_are_cut() -> None:
    clean = _clean(REPORT)
    assert "in 2024. Revenue" in clean
    assert "customs data.\n" in clean
    assert "in 2023–24. Officials" in clean
    assert "(Ulaanbaatar Railway)." in clean
    assert "Ibid" not in clean and "Notes" not in clean


def test_a_report_keeps_its_figures_and_gains_no_note_numbers() -> None:
    figures = _extract(REPORT, "2025-04-01").figures
    assert sorted(f.value for f in figures) == [21.2e6, 83.7e6, 7.4e9]
    assert {f.period for f in figures if f.value == 83.7e6} == {"2024"}
    assert all(f.evidence.quote in REPORT for f in figures)


def test_what_only_looks_like_a_note_stays() -> None:
    text = (
        "Priority No.1 Chinese investors name is the railway.\n"
        "Growth was 2.5 Analysts said in March.\n\n"
        "Sources\n"
        "Officials at both ministries, interviewed in March.\n"
    )
    assert _clean(text) == text


def test_the_steps_can_be_switched_off() -> None:
    clean = _clean(REPORT, frozenset({"footnotes", "notes"}))
    assert "in 2024.3 Revenue" in clean and "4 Ibid." in clean
