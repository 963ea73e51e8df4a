"""The scale benchmark's store generator (benchmarks/synthetic.py), at a small size.

A store of 300 generated documents must read back as generated (documents, items, every quote
at its span), reconcile like a real one (events reported by several documents cluster, restated
figures conflict), and be reproducible from its seed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import CORPUS, ROOT, extracted_store

from bilat.store import open_store

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import Summary, Template, generate, load_templates, shift_years

N = 300
KINDS = ("actors", "events", "figures", "agreements", "commitments")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Template]]:
    db = tmp_path_factory.mktemp("templates") / "templates.db"
    with extracted_store(CORPUS, db) as store:
        yield load_templates(store)


@pytest.fixture
def built(templates: list[Template], db_url: str) -> Iterator[tuple[str, Summary]]:
    store = open_store(db_url)
    summary = generate(store, templates, N, seed=7)
    store.close()
    yield db_url, summary


def test_the_store_reads_back_what_was_generated(built: tuple[str, Summary]) -> None:
    url, summary = built
    store = open_store(url)
    docs = store.documents(status="ok")
    assert len(docs) == summary.documents == N
    assert [d.id for d in docs] == summary.doc_ids
    seen = dict.fromkeys(KINDS, 0)
    for doc in docs:
        ext = store.load_extraction(doc.id)
        assert ext is not None and ext.doc_name == doc.name
        line = f"(Synthetic report {doc.name[3:9].lstrip('0') or 0}.)"
        assert doc.text.endswith(line) and doc.clean_text.endswith(line)
        start = len(doc.clean_text) - len(line)
        assert doc.offsets.span_to_original(start, len(doc.clean_text))[1] == len(doc.text)
        for kind in KINDS:
            seen[kind] += len(getattr(ext, kind))
        quoted = [m for a in ext.actors for m in a.mentions]
        quoted += [i.evidence for kind in KINDS[1:] for i in getattr(ext, kind)]
        assert all(doc.text[e.start : e.end] == e.quote for e in quoted), doc.name
    store.close()
    assert seen == {k: summary.counts()[k] for k in KINDS}
    assert len({d.content_hash for d in docs}) == N


def test_the_record_builds_with_clusters_and_conflicts(built: tuple[str, Summary]) -> None:
    url, summary = built
    bilat = str(Path(sys.executable).with_name("bilat"))
    result = subprocess.run(
        [bilat, "--db", url, "reconcile", "--json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["documents"] == N
    assert 0 < counts["events"] < summary.events  # reports of one event became one cluster
    assert counts["conflicts"] > 0  # restated figures disagree


def test_the_same_seed_builds_the_same_store(templates: list[Template], tmp_path: Path) -> None:
    shown = []
    for name in ("a.db", "b.db"):
        store = open_store(str(tmp_path / name))
        generate(store, templates, 40, seed=3)
        shown.append([(d.name, d.published) for d in store.documents()])
        store.close()
    assert shown[0] == shown[1]
    assert len({name for name, _ in shown[0]}) == 40


@pytest.mark.parametrize(
    ("value", "years", "moved"),
    [
        ("2024-02-29", -1, "2023-02-28"),
        ("2024-02-29", 4, "2028-02-29"),
        ("2023-01..2023-09", 2, "2025-01..2025-09"),
        ("2024-H1", -10, "2014-H1"),
        (None, 3, None),
    ],
)
def test_dates_move_by_whole_years(value: str | None, years: int, moved: str | None) -> None:
    assert shift_years(value, years) == moved
