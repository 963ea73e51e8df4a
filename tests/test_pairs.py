"""Many pairs in one store: each record item is filed under the pair(s) it is about, and the
CLI (`--pair`), the API and the pages (`?pair=`) show one pair at a time.

The corpus store is examples/corpus as `bilat ingest` builds it: mostly Russia-China, plus a
Russia-India report (c18, Modi in Moscow) whose meetings, figures and $100bn target must stay
out of the Russia-China record and make up the Russia-India one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.config import load_options
from bilat.extract import run_extraction
from bilat.ingest import ingest
from bilat.pairview import figure_in_pair, for_pair, pair_counts, resolve_pair
from bilat.reconcile import parse_pair
from bilat.reconcile.pairs import item_pairs
from bilat.record import rebuild_record
from bilat.serve import create_app
from bilat.store import open_store
from conftest import asgi_get

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
RU_CN, RU_IN = "CN-RU", "IN-RU"


def test_pairs_are_read_in_any_order_and_spelling() -> None:
    assert parse_pair("RU-CN") == parse_pair("cn/ru") == parse_pair(" CN – RU ") == RU_CN
    for bad in ("RU", "RU-RU", "Russia-China", "RU-CN-IN", ""):
        with pytest.raises(ValueError, match="not a pair"):
            parse_pair(bad)
    options = load_options(None, db=":memory:")
    assert resolve_pair(None, options) == RU_CN  # the configured pair
    assert resolve_pair("all", options) is None


@pytest.mark.parametrize(
    ("states", "doc_pairs", "expected"),
    [
        (["RU", "IN"], [RU_CN], (RU_IN,)),  # its own states win over the article's pair
        (["RU", "CN", "IN"], [], ("CN-IN", RU_CN, RU_IN)),  # a summit: every two of them
        (["IN"], [RU_CN, RU_IN], (RU_IN,)),  # one state: its article's pair that has it
        (["IN"], [RU_CN], ()),  # ... and none when no article's pair has it
        ([None, "SCO"], [RU_CN, None], (RU_CN,)),  # no state: the articles' pairs
    ],
)
def test_an_item_is_filed_under_its_own_states_else_its_articles_pair(
    states: list[str | None], doc_pairs: list[str | None], expected: tuple[str, ...]
) -> None:
    assert item_pairs(states, doc_pairs) == expected


def test_a_figure_row_follows_its_flow_else_its_documents_pair() -> None:
    assert figure_in_pair("RU->IN", "RU-CN", RU_IN)
    assert not figure_in_pair("RU->IN", "RU-CN", RU_CN)
    assert figure_in_pair(None, "RU-IN", RU_IN)
    assert figure_in_pair(None, "RU-IN", None)  # None: every pair


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("pairs") / "bilat.db")
    store = open_store(path)
    try:
        options = load_options(None, db=path)
        ingest(store, [str(CORPUS)], options)
        assert run_extraction(store, options.extract)[1] == []
        rebuild_record(store)
    finally:
        store.close()
    yield path


@pytest.fixture(scope="module")
def record(db: str) -> dict[str, Any]:
    store = open_store(db)
    try:
        return store.load_record() or {}
    finally:
        store.close()


def _people(events: list[dict[str, Any]]) -> set[str]:
    return {p for e in events for p in e["participants"]}


def test_every_item_of_the_record_names_its_pairs(record: dict[str, Any]) -> None:
    events = record["events"]
    assert events and all(isinstance(e["pairs"], list) for e in events)
    assert {d["pair"] for d in record["documents"]} >= {RU_CN, RU_IN}


def test_the_russia_china_view_holds_no_russia_india_item(record: dict[str, Any]) -> None:
    view = for_pair(record, RU_CN)
    assert "Narendra Modi" in _people(record["events"])
    assert "Narendra Modi" not in _people(view["events"])
    assert "Vladimir Putin" in _people(view["events"])
    assert all(RU_CN in item["pairs"] for s in ("events", "commitments") for item in view[s])
    targets = {c["commitment"]["value"] for c in view["commitments"]}
    assert 100e9 not in targets and 200e9 in targets
    assert pair_counts(record)[RU_IN] > 0 and view["pair"] == RU_CN


def test_the_russia_india_view_holds_the_modi_visit_and_its_target(
    record: dict[str, Any],
) -> None:
    view = for_pair(record, RU_IN)
    assert "Narendra Modi" in _people(view["events"])
    assert "Xi Jinping" not in _people(view["events"])
    assert [c["commitment"]["value"] for c in view["commitments"]] == [100e9]
    assert "Narendra Modi" in {a["name"] for a in view["actors"]}
    assert "Xi Jinping" not in {a["name"] for a in view["actors"]}


def _cli(db: str, *args: str) -> Any:
    result = CliRunner().invoke(main, ["--db", db, *args])
    return result


def test_cli_shows_the_configured_pair_and_any_other_on_request(db: str) -> None:
    default = _cli(db, "timeline", "--json")
    india = _cli(db, "--pair", "RU-IN", "timeline", "--json")
    every = _cli(db, "--pair", "all", "timeline", "--json")
    assert default.exit_code == india.exit_code == every.exit_code == 0
    people = [_people(json.loads(r.output)) for r in (default, india, every)]
    assert "Narendra Modi" not in people[0] and "Narendra Modi" in people[1]
    assert people[2] >= people[0] | people[1]
    figures = json.loads(_cli(db, "--pair", "IN-RU", "figures", "--json").output)
    assert figures and {f["doc"] for f in figures} == {"c18_interfax_russia_india_modi.txt"}
    summary = _cli(db, "summary")
    assert "Record of CN-RU" in summary.output and "IN-RU" in summary.output
    bad = _cli(db, "--pair", "Russia", "timeline")
    assert bad.exit_code == 2 and "not a pair" in bad.output


def test_api_and_pages_read_the_pair_from_the_url(db: str) -> None:
    app = create_app(db, None)
    default = asgi_get(app, "/api/events").json()
    india = asgi_get(app, "/api/events?pair=ru-in").json()
    assert "Narendra Modi" not in _people(default) and "Narendra Modi" in _people(india)
    bad = asgi_get(app, "/api/events?pair=XX")
    assert bad.status_code == 422 and "not a pair" in bad.json()["error"]["message"]
    page = asgi_get(app, "/timeline?pair=RU-IN").text
    assert "Russia–India record" in page and "Modi" in page
    assert 'href="/figures?pair=IN-RU"' in page  # the pair stays in the links
    assert 'href="/timeline?pair=CN-RU"' in page  # the switcher
    assert "Modi" not in asgi_get(app, "/timeline").text


def _kpi(page: str, label: str) -> int:
    m = re.search(rf"<b>(\d+)</b><span>{label}</span>", page)
    assert m is not None, label
    return int(m.group(1))


@pytest.mark.parametrize("pair", ["RU-CN", "RU-IN"])
def test_dashboard_api_and_cli_summary_report_the_same_counts(db: str, pair: str) -> None:
    cli = json.loads(_cli(db, "--pair", pair, "summary", "--json").output)
    app = create_app(db, None)
    api = asgi_get(app, f"/api/stats?pair={pair}").json()["counts"]
    page = asgi_get(app, f"/?pair={pair}").text
    for key in ("events", "figures", "agreements"):
        assert cli[key] == api[key] == _kpi(page, key), key
    assert len(cli["conflicts"]) == api["conflicts"] == _kpi(page, "open conflicts")
    assert sum(cli["commitments"].values()) == api["commitments"] == _kpi(page, "commitments")
    timeline = json.loads(_cli(db, "--pair", pair, "timeline", "--json").output)
    assert cli["events"] == len(timeline) > 0
