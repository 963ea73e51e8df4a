"""A document in a language bilat does not extract is stored with a warning, never silently."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bilat.config import load_options
from bilat.extract.languages import language_warning
from bilat.ingest import ingest
from bilat.serve.queries import document_detail
from bilat.store import open_store

# written for this test: a short Chinese report and its English twin
_ZH = "俄罗斯和中国领导人周一举行电话会谈，双方讨论了双边贸易和能源合作，并同意继续加强伙伴关系。"
_EN = (
    "The leaders of Russia and China held a phone call on Monday, discussed bilateral trade "
    "and energy cooperation and agreed to keep strengthening their partnership."
)


def test_only_other_languages_carry_a_warning() -> None:
    assert language_warning("en") is None
    assert language_warning("ru") is None
    assert language_warning(None) is None
    warning = language_warning("zh")
    assert warning is not None and "'zh'" in warning and "en, ru" in warning


def test_ingest_warns_and_the_document_page_shows_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh_call.txt").write_text(_ZH, encoding="utf-8")
    (folder / "en_call.txt").write_text(_EN, encoding="utf-8")
    db = str(tmp_path / "bilat.db")
    store = open_store(db)
    try:
        with caplog.at_level(logging.WARNING, logger="bilat"):
            ingest(store, [str(folder)], load_options(None, db=db), dedupe_enabled=False)
        warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any(m.startswith("zh_call.txt: language 'zh'") for m in warned), warned
        assert not any(m.startswith("en_call.txt") for m in warned)
        by_name = {d.name: d for d in store.documents()}
        assert document_detail(store, by_name["zh_call.txt"].id)["language_warning"]
        assert document_detail(store, by_name["en_call.txt"].id)["language_warning"] is None
    finally:
        store.close()
