"""One event per event on the timeline of the bundled corpus plus ../shared/seeds (when
present): the must-merge and must-not-merge cases of issue 10, read from the Russia-China
record as the CLI and the pages show it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from bilat.config import load_options
from bilat.extract import run_extraction
from bilat.ingest import ingest
from bilat.record import rebuild_record
from bilat.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[dict[str, Any]]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = str(tmp_path_factory.mktemp("clusters") / "bilat.db")
    options = load_options(None, db=db)
    store = open_store(db)
    try:
        ingest(store, [str(ROOT / "examples" / "corpus"), str(SEEDS)], options)
        assert run_extraction(store, options.extract)[1] == []
        rebuild_record(store)
        yield (store.for_pair("CN-RU").load_record() or {})["events"]
    finally:
        store.close()


def _people(ev: dict[str, Any]) -> set[str]:
    return {p for p in ev["participants"] if " " in p}  # names of persons and bodies


def test_no_event_appears_twice(events: list[dict[str, Any]]) -> None:
    """Two clusters of one mode that share a person or body on the same day — or where one
    is a planned mention whose date contains the other's, at no other named place (not the
    patrol in the Pacific that follows an exercise near Vladivostok, c09) — are one event
    told twice."""
    for a, b in combinations(events, 2):
        if a["mode"] != b["mode"] or not (_people(a) & _people(b)):
            continue
        da, db = a.get("date") or "", b.get("date") or ""
        if not da or not db:
            continue
        same_day = da == db and len(da) == 10
        apart = bool(a.get("place") and b.get("place") and a["place"] != b["place"])
        planned_inside = (
            "planned" in (a["status"], b["status"])
            and (da.startswith(db) or db.startswith(da))
            and not apart
        )
        assert not (same_day or planned_inside), (a["id"], b["id"], da, db)


def _one(events: list[dict[str, Any]], mode: str, date: str, person: str) -> dict[str, Any]:
    found = [
        e
        for e in events
        if e["mode"] == mode and (e.get("date") or "").startswith(date) and person in _people(e)
    ]
    assert len(found) == 1, [(e["id"], e["date"], e["place"]) for e in found]
    return found[0]


def test_the_2025_sco_summit_is_one_event_across_planned_reports_and_cities(
    events: list[dict[str, Any]],
) -> None:
    summit = _one(events, "multilateral", "2025-08", "Shanghai Cooperation Organisation")
    assert summit["status"] == "occurred" and summit["source_count"] >= 4
    assert summit["place"] == "Tianjin"  # most sources; the one "Beijing" is listed as differing
    assert [c["detail"] for c in summit["conflicts"]] == ["place"]


def test_putins_2025_china_visit_is_one_event_whose_stops_do_not_conflict(
    events: list[dict[str, Any]],
) -> None:
    visit = _one(events, "visit", "2025-08", "Vladimir Putin")
    assert visit["status"] == "occurred" and visit["source_count"] >= 5
    assert visit["conflicts"] == []


def test_different_contacts_of_the_same_people_stay_apart(events: list[dict[str, Any]]) -> None:
    putin_xi = [
        e
        for e in events
        if e["mode"] == "meeting" and {"Vladimir Putin", "Xi Jinping"} <= _people(e)
    ]
    dates = sorted(e["date"] for e in putin_xi if e["status"] == "occurred")
    assert {"2025-05-08", "2025-09-02", "2024-10-22"} <= set(dates)
    assert len(dates) == len(set(dates))
    xi_with = {p for e in events if "Xi Jinping" in _people(e) for p in _people(e)}
    assert {"Sergei Shoigu", "Sergei Lavrov"} <= xi_with
    shoigu = _one(events, "meeting", "2025", "Sergei Shoigu")
    assert "Sergei Lavrov" not in _people(shoigu)
