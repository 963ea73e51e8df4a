"""Dates no calendar has ("2024-20-13", "31.02.2025", "30 февраля") never fail a document:
the impossible date is ignored, everything else in the article is still extracted, and no
impossible date reaches the store (where a later stage would trip over it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from tests.conftest import extracted_store

from bilat.extract.temporal_calendar import parse_published
from bilat.ingest.implied_ru import russian_dateline
from bilat.reconcile._dates import date_span, period_span
from bilat.records import Extraction
from bilat.store import Store

ENGLISH = """Moscow and Beijing sign grain deal despite a muddle of dates

Published 2024-20-13

MOSCOW, Feb 30 (Reuters) - Russian Deputy Prime Minister Alexey Overchuk met Chinese Vice
Premier Ding Xuexiang in Moscow on February 30, 2025, a ministry note dated 2025-13 said. A
memo stamped 31.02.2025, 2024-02-30 and 13/45/2024 put the talks on April 31, 2025.

The two sides agreed to raise grain exports to China to 5 million tonnes by 2025-00-10. Trade
between Russia and China reached $240 billion in 2024, the customs service said on 32 May
2025. Gas supplies rose 10% in Q5 2025 and 12% in H3 2024, and by 8% in the first 13 months
of 2025. Officials will meet again on 29.02.2025, on 31/04/2025, on 2025-02-29 and next
Monday; the pipeline is due by 99/99/9999, by 10000-01-01 and by 0000-01-15.
"""

RUSSIAN = """Россия и Китай обсудили торговлю

МОСКВА, 31 февраля. Министр экономического развития России Максим Решетников встретился с
министром коммерции КНР Ван Вэньтао 30 февраля 2025 года в Москве, а затем 32 мая 2025 года.
В понедельник товарооборот в 13-м месяце 2025 года вырос на 5%, до 20 млрд долларов,
сообщили 31.04.2025 и 2025-13-01.
"""

_IMPOSSIBLE = re.compile(r"\b\d{4}-(?:(?:1[3-9]|[2-9]\d|00)\b|02-3[01]|04-31|\d\d-(?:3[2-9]|00))")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "impossible_en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "impossible_ru.txt").write_text(RUSSIAN, encoding="utf-8")
    with extracted_store(folder, tmp_path_factory.mktemp("db") / "bilat.db") as s:
        yield s


def _dates(ext: Extraction) -> list[tuple[str, str]]:
    out = [("published", ext.published)]
    out += [("event", d) for e in ext.events for d in (e.date, e.date_end)]
    out += [("agreement", a.date) for a in ext.agreements]
    out += [("deadline", c.deadline) for c in ext.commitments]
    out += [("period", f.period) for f in ext.figures]
    return [(kind, d) for kind, d in out if d]


def test_every_document_is_extracted(store: Store) -> None:
    docs = store.documents()
    assert sorted(d.name for d in docs) == ["impossible_en.txt", "impossible_ru.txt"]
    assert all(d.status == "ok" and d.failure is None for d in docs), docs
    for doc in docs:
        ext = store.load_extraction(doc.id)
        assert ext is not None and ext.actors, doc.name  # the rest of the article was read
    en = store.load_extraction(store.get_document("impossible_en.txt").id)
    assert en is not None and any(f.value == 240e9 for f in en.figures)


def test_no_impossible_date_is_stored(store: Store) -> None:
    for doc in store.documents():
        ext = store.load_extraction(doc.id)
        assert ext is not None
        assert doc.published is None or date_span(doc.published), doc.published
        for kind, value in _dates(ext):
            assert not _IMPOSSIBLE.search(value), (doc.name, kind, value)
            parsed = date_span(value) if kind != "period" else period_span(value)
            assert parsed is not None, (doc.name, kind, value)


def test_a_russian_dateline_on_no_day_implies_no_date() -> None:
    assert russian_dateline("МОСКВА, 31 февраля. Встреча 2025 года.", "2026-01-01") is None
    found = russian_dateline("МОСКВА, 28 февраля. Встреча 2025 года.", "2026-01-01")
    assert found is not None and found.date == "2025-02-28"


@pytest.mark.parametrize("stored", ["2025-02-31", "2024-20-13", "2025-00-10"])
def test_an_impossible_stored_date_counts_from_no_day(stored: str) -> None:
    published = parse_published(stored)
    assert published is not None and published.as_date() is None
