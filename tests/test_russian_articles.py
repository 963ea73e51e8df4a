"""Russian articles end to end (examples/corpus_ru, gold in tests/golden/gold_ru), and a
Russian and an English report of the same call joining one event cluster in the record (of
the same memorandum, one agreement: the titles of Russian agreements are English).

The articles were written for the project (they are not real reporting); the gold follows
shared/eval/GOLD.md and is checked by `python3 ../shared/eval/check_gold.py`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bilat.evaluate.score import score_document
from bilat.export import to_gold
from bilat.record import rebuild_record, record_json
from conftest import CORPUS, ROOT, extracted_store

CORPUS_RU = ROOT / "examples" / "corpus_ru"
GOLD_RU = ROOT / "tests" / "golden" / "gold_ru"
FLOOR = 0.85  # micro-F1 per article; 0.92, 1.00 and 0.97 (r01-r03) on 2026-12-04


def _build(folder: Path, tmp: Path) -> tuple[dict[str, Any], dict[str, tuple[Any, str, str]]]:
    with extracted_store(folder, tmp / "bilat.db") as store:
        rebuild_record(store)
        docs = {}
        for doc in store.documents():
            ext = store.load_extraction(doc.id)
            assert ext is not None, doc.name
            docs[doc.name] = (to_gold(ext, doc.published), doc.text, doc.language)
        return record_json(store), docs


def _folder(tmp: Path, *articles: Path) -> Path:
    """A folder of its own holding copies of `articles`."""
    folder = tmp / "articles"
    folder.mkdir()
    for article in articles:
        shutil.copy(article, folder)
    return folder


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, str, str]]:
    return _build(CORPUS_RU, tmp_path_factory.mktemp("ru"))[1]


@pytest.mark.parametrize("gold_path", sorted(GOLD_RU.glob("*.json")), ids=lambda p: p.stem)
def test_russian_article_against_its_gold(
    gold_path: Path, russian: dict[str, tuple[Any, str, str]]
) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    predicted, text, language = russian[gold["doc"]]
    assert language == "ru"
    score = score_document(gold, predicted, text)
    assert score.grounded == score.quoted, "every quote is an exact substring of the article"
    tp = sum(s.tp for s in score.sections.values())
    wrong = sum(s.fp + s.fn for s in score.sections.values())
    misses = {k: (m.unmatched_gold, m.unmatched_predicted) for k, m in score.matches.items()}
    assert 2 * tp / (2 * tp + wrong) >= FLOOR, f"{gold['doc']}: unmatched {misses}"


def test_every_russian_article_has_a_case() -> None:
    annotated = {json.loads(p.read_text("utf-8"))["doc"] for p in GOLD_RU.glob("*.json")}
    assert annotated == {p.name for p in CORPUS_RU.glob("*.txt")}


def test_russian_and_english_reports_of_one_call_join_one_cluster(
    tmp_path: Path,
) -> None:
    both = _folder(
        tmp_path, CORPUS / "c01_tass_putin_xi_call.txt", CORPUS_RU / "r01_tass_ru_putin_xi_call.txt"
    )
    record, docs = _build(both, tmp_path)
    assert {lang for _g, _t, lang in docs.values()} == {"en", "ru"}
    calls = [
        e
        for e in record["events"]
        if e["mode"] == "call" and {"Vladimir Putin", "Xi Jinping"} <= set(e["participants"])
    ]
    (call,) = calls
    assert call["date"] == "2025-02-24"
    assert {m["doc_name"][:3] for m in call["mentions"]} == {"c01", "r01"}


def test_russian_and_english_reports_of_one_memorandum_join_one_agreement(
    tmp_path: Path,
) -> None:
    russian = tmp_path / "ru_memorandum.txt"
    russian.write_text(  # written for this test
        "ПЕКИН, 2 сентября. /ТАСС/. «Газпром» и CNPC подписали юридически обязывающий "
        "меморандум о строительстве газопровода «Сила Сибири-2» и транзитного газопровода "
        "через Монголию, сообщил глава «Газпрома» Алексей Миллер.\n",
        encoding="utf-8",
    )
    english = CORPUS / "c11_feed_power_of_siberia_2_signed.json"
    record = _build(_folder(tmp_path, english, russian), tmp_path)[0]
    (memorandum,) = [a for a in record["agreements"] if a["kind"] == "memorandum"]
    assert {e["doc_name"] for e in memorandum["entries"]} == {
        "c11_feed_power_of_siberia_2_signed.json",
        "ru_memorandum.txt",
    }
    assert memorandum["parties"] == ["China National Petroleum Corporation", "Gazprom"]
