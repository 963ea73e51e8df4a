"""`bilat export` in the analysts' formats, read back by each format's own consumer library
(pyarrow for Parquet, the csv module as a spreadsheet would, followthemoney's model for FtM)
with the counts checked against the store itself (SQL counts and the reconciled record)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from followthemoney import model

from bilat.export import TABLES
from bilat.record import record_json
from bilat.store import Store, open_store
from conftest import CORPUS
from test_cli import bilat

ITEMS = ("actors", "events", "figures", "agreements", "commitments")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "bilat.db")
    proc = bilat(path, "ingest", str(CORPUS))
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture(scope="module")
def store(db: str) -> Any:
    s = open_store(db)
    yield s
    s.close()


def _export(db: str, fmt: str, out: Path) -> Path:
    proc = bilat(db, "export", "--format", fmt, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def _sql_counts(store: Store) -> dict[str, int]:
    """What the store holds, counted in SQL (not through the exporter's own reading)."""
    ok = "JOIN documents d ON d.id = i.doc_id WHERE d.is_current = 1 AND d.status = 'ok'"
    counts = {t: int(store.db.scalar(f"SELECT COUNT(*) FROM {t} i {ok}")) for t in ITEMS}
    counts["documents"] = int(
        store.db.scalar("SELECT COUNT(*) FROM documents WHERE is_current = 1")
    )
    counts["conflicts"] = sum(len(c["claims"]) for c in record_json(store)["conflicts"])
    return counts


@pytest.fixture(scope="module")
def parquet_dir(db: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(db, "parquet", tmp_path_factory.mktemp("pq") / "tables")


def test_parquet_has_one_file_per_table_with_the_store_counts(
    parquet_dir: Path, store: Store
) -> None:
    counts = _sql_counts(store)
    assert sorted(p.stem for p in parquet_dir.glob("*.parquet")) == sorted(TABLES)
    read = {t: pq.read_table(parquet_dir / f"{t}.parquet").num_rows for t in TABLES}
    assert read == counts
    assert all(read[t] > 0 for t in TABLES)


def test_parquet_columns_are_typed(parquet_dir: Path) -> None:
    figures = pq.read_table(parquet_dir / "figures.parquet").schema
    assert figures.field("value").type == pa.float64()
    assert figures.field("start").type == pa.int64()
    assert figures.field("quote").type == pa.string()
    events = pq.read_table(parquet_dir / "events.parquet")
    assert events.schema.field("participants").type == pa.list_(pa.string())
    assert any(len(p) >= 2 for p in events.column("participants").to_pylist())


def test_parquet_quotes_are_spans_of_the_stored_text(parquet_dir: Path, store: Store) -> None:
    texts: dict[int, str] = {}
    checked = 0
    for table in ("events", "figures", "agreements", "commitments", "conflicts"):
        for row in pq.read_table(parquet_dir / f"{table}.parquet").to_pylist():
            if row["doc_id"] not in texts:
                texts[row["doc_id"]] = store.get_document(row["doc_id"]).text
            assert texts[row["doc_id"]][row["start"] : row["end"]] == row["quote"], row
            checked += 1
    assert checked > 100


def test_parquet_links_items_to_the_reconciled_record(parquet_dir: Path, store: Store) -> None:
    record = record_json(store)
    actors = pq.read_table(parquet_dir / "actors.parquet").to_pylist()
    assert {a["canonical_id"] for a in actors} == {a["id"] for a in record["actors"]}
    events = pq.read_table(parquet_dir / "events.parquet").to_pylist()
    assert {e["cluster_id"] for e in events} == {e["id"] for e in record["events"]}
    with_url = [e for e in events if e["url"]]
    assert with_url and all(e["url"].startswith("https://") for e in with_url)


def test_csv_is_flat_and_matches_parquet(db: str, parquet_dir: Path, tmp_path: Path) -> None:
    out = _export(db, "csv", tmp_path / "csv")
    for table in TABLES:
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        typed = pq.read_table(parquet_dir / f"{table}.parquet").to_pylist()
        assert len(rows) == len(typed), table
        for flat, row in zip(rows, typed, strict=True):
            assert flat.keys() == row.keys()
            for key, value in row.items():
                if isinstance(value, list):
                    assert flat[key] == "; ".join(value)
                elif isinstance(value, float):
                    assert "e+" not in flat[key] and float(flat[key]) == value
                else:
                    assert flat[key] == ("" if value is None else str(value))


def test_plover_records_one_per_reconciled_event(db: str, store: Store, tmp_path: Path) -> None:
    out = _export(db, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = record_json(store)["events"]
    assert len(records) == len(events) > 0
    assert {r["event_id"] for r in records} == {e["id"] for e in events}
    docs = {d.name: d for d in store.documents(status="ok")}
    for r in records:
        assert r["event_type"] in ("CONSULT", "COOPERATE")
        assert r["event_mode"]
        assert r["sources"] and r["source_quote"] == r["sources"][0]["quote"]
        for s in r["sources"]:
            assert s["quote"] in docs[s["doc"]].text
            assert s["url"] == docs[s["doc"]].url
    putin_xi = [r for r in records if {r["source_country"], r["target_country"]} == {"RU", "CN"}]
    assert putin_xi, "the corpus has Russian-Chinese contacts with both country codes"
    assert any(r["source_url"] for r in records)
    assert any(r["location"] and r["location"]["placename"] for r in records)


def test_ftm_entities_validate_and_round_trip(db: str, store: Store, tmp_path: Path) -> None:
    out = _export(db, "ftm", tmp_path / "entities.jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    proxies = [model.get_proxy(data) for data in lines]
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies), "entity ids are unique"
    for data, proxy in zip(lines, proxies, strict=True):
        assert proxy.schema.validate(data) is None
        for name in proxy.schema.required:
            assert proxy.get(name), (proxy.schema.name, name, data)
        for prop in proxy.schema.properties.values():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (proxy.schema.name, prop.name)
    record = record_json(store)
    by_schema = Counter(p.schema.name for p in proxies)
    assert by_schema["Article"] == len(store.documents(status="ok"))
    assert by_schema["Event"] == len(record["events"])
    reports = [p for p in proxies if p.schema.name == "Documentation" and "report" in p.get("role")]
    assert len(reports) == sum(len(e["mentions"]) for e in record["events"])
    links = by_schema["Mention"] + sum(
        1 for p in proxies if p.schema.name == "Documentation" and "mention" in p.get("role")
    )
    assert links == sum(len(a["members"]) for a in record["actors"])
    kinds = ("Person", "Organization", "Company", "PublicBody", "Address", "Project")
    assert sum(by_schema[k] for k in kinds) == len(record["actors"])
    assert by_schema["Person"] and by_schema["PublicBody"]
    china = [p for p in proxies if p.schema.name == "PublicBody" and "China" in p.get("name")]
    assert china and china[0].get("country") == ["cn"]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "ftm", "plover"])
def test_an_unwritable_out_path_is_a_clear_error(db: str, tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a directory", encoding="utf-8")
    out = blocker if fmt in ("parquet", "csv") else blocker / "out.jsonl"
    proc = bilat(db, "export", "--format", fmt, "--out", str(out))
    assert proc.returncode == 1
    assert f"error: cannot write {blocker}" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
