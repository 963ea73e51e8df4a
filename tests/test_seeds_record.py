"""Issue 4's acceptance criteria, end to end on the five seed articles (../shared/seeds).

The store is built once per module the way `bilat ingest` builds it (ingest, extract, rebuild
the record), and each criterion reads what the CLI prints: `record_json` for `conflicts` and
`commitments`, `queries.timeline` for `timeline --actor`. The seeds carry no publication date
for 000 and 002, so their relative dates stay unresolved (bilat never guesses one).

Criteria that fail because of per-document extraction are marked xfail(strict=True), so they
turn into failures, and the marks come off, once extraction is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bilat import queries
from bilat.config import load_options
from bilat.extract import run_extraction
from bilat.ingest import ingest
from bilat.record import rebuild_record, record_json
from bilat.store import open_store

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BN = 1e9

DOC_000 = "000_048ca02208212077.txt"
DOC_001 = "001_9cf5062af831eb83.txt"
DOC_002 = "002_15c593b4f1c7bb37.txt"
DOC_003 = "003_7bad26cddec866be.txt"
DOC_004 = "004_b6d02cbe4d3cd247.txt"


@dataclass(frozen=True, slots=True)
class Built:
    record: dict[str, Any]  # what `bilat conflicts/timeline/commitments --json` read
    figures: list[dict[str, Any]]  # what `bilat figures --json` prints


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = str(tmp_path_factory.mktemp("seeds") / "bilat.db")
    options = load_options(None, db=db)
    store = open_store(db)
    try:
        ingest(store, [str(SEEDS)], options)
        _, failed = run_extraction(store, options.extract)
        assert failed == []
        rebuild_record(store)
        yield Built(record_json(store), queries.flat_figures(store))
    finally:
        store.close()


@pytest.fixture(scope="module")
def record(built: Built) -> dict[str, Any]:
    return built.record


def _docs(claims: list[dict[str, Any]]) -> set[str]:
    return {c["doc"] for c in claims}


def _turnover_2024(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        c
        for c in record["conflicts"]
        if (c["measure"], c["flow"], c["period"], c["unit"], c["kind"])
        == ("trade_turnover", "RU<->CN", "2024", "USD", "amount")
    ]


def test_all_five_seeds_are_in_the_record(record: dict[str, Any]) -> None:
    assert {d["doc"] for d in record["documents"]} == {DOC_000, DOC_001, DOC_002, DOC_003, DOC_004}


def test_2024_turnover_conflict_is_flagged(record: dict[str, Any]) -> None:
    """Criterion 1, the part that holds: 001 "almost $245bn" and 003 "approached $200bn"."""
    (conflict,) = _turnover_2024(record)
    values = {(c["doc"], c["value"], c["qualifier"]) for c in conflict["claims"]}
    assert (DOC_001, 245 * BN, "at_most") in values
    assert (DOC_003, 200 * BN, "at_most") in values


def test_2024_turnover_conflict_has_the_three_seed_claims(record: dict[str, Any]) -> None:
    """Criterion 1: 001 (almost $245bn), 002 (surpassing $240bn), 003 (approached $200bn)."""
    (conflict,) = _turnover_2024(record)
    values = {(c["doc"], c["value"], c["qualifier"]) for c in conflict["claims"]}
    assert {
        (DOC_001, 245 * BN, "at_most"),
        (DOC_002, 240 * BN, "at_least"),
        (DOC_003, 200 * BN, "at_most"),
    } <= values


def test_settlement_currency_shares_are_not_a_conflict(built: Built) -> None:
    """Criterion 2: ">70%" for 2024 (003) and "99.1%" (002) are both kept, never in conflict."""
    shares = {
        (f["doc"], f["value"]): f
        for f in built.figures
        if f["measure"] == "settlement_currency_share" and f["kind"] == "share"
    }
    assert shares[(DOC_003, 70.0)]["period"] == "2024"
    assert shares[(DOC_003, 70.0)]["qualifier"] == "at_least"
    assert (DOC_002, 99.1) in shares
    in_conflict = {
        c["doc"]
        for conflict in built.record["conflicts"]
        if conflict["measure"] == "settlement_currency_share"
        for c in conflict["claims"]
    }
    assert not in_conflict & {DOC_002, DOC_003}


def test_mishustin_visit_is_one_event_with_two_sources(record: dict[str, Any]) -> None:
    """Criterion 3: `bilat timeline --actor "Mikhail Mishustin"`: one visit, source_count 2."""
    events = queries.timeline(record, actor="Mikhail Mishustin")
    visits = [e for e in events if (e["type"], e["mode"]) == ("CONSULT", "visit")]
    (visit,) = visits
    assert visit["source_count"] == 2
    assert {m["doc_name"] for m in visit["mentions"]} == {DOC_000, DOC_002}


def test_200bn_by_2024_target_is_judged_on_the_2024_figures(record: dict[str, Any]) -> None:
    """Criterion 4: the target of 004 shows met/missed/disputed against the 2024 claims."""
    (target,) = [
        c
        for c in record["commitments"]
        if c["commitment"]["value"] == 200 * BN and DOC_004 in {s["doc_name"] for s in c["sources"]}
    ]
    assert target["commitment"]["measure"] == "trade_turnover"
    assert target["period"] == "2024"
    assert target["status"] in ("met", "missed", "disputed"), target["reason"]
    assert _docs(target["evidence_figures"]) >= {DOC_001, DOC_003}
