"""`?format=csv` on every list of the API: the same rows as the JSON, as flat columns, read
back with the csv module as a spreadsheet would (the stores of test_api.py)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

import test_api
from test_api import AUTH, ApiClient

# the stores and clients of test_api.py, shared as fixtures
filled_url, client, writer = test_api.filled_url, test_api.client, test_api.writer

LISTS = {  # path -> (params, the JSON rows the CSV must have one line each for)
    "/api/documents": ({"limit": 100}, lambda d: d["items"]),
    "/api/actors": ({}, lambda d: d),
    "/api/events": ({}, lambda d: d),
    "/api/figures": ({"measure": "trade_turnover"}, lambda d: d),
    "/api/agreements": ({}, lambda d: d["items"]),
    "/api/commitments": ({}, lambda d: d["items"]),
    "/api/conflicts": ({}, lambda d: [cl for c in d for cl in range(c["claim_count"])]),
    "/api/search": ({"q": "Probe Pipeline"}, lambda d: d["items"]),
}


def _csv(client: ApiClient, path: str, **params: Any) -> list[dict[str, str]]:
    r = client.get(path, params={**params, "format": "csv"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(r.text)))


@pytest.mark.parametrize("path", sorted(LISTS))
def test_every_list_has_a_csv_with_the_same_rows(client: ApiClient, path: str) -> None:
    params, rows_of = LISTS[path]
    data = client.get(path, params=params).json()
    rows = _csv(client, path, **params)
    assert len(rows) == len(rows_of(data)) > 0
    for row in rows:
        assert not any(isinstance(v, str) and "e+" in v for k, v in row.items() if k == "value")


def test_event_rows_are_flat_with_quote_and_url(client: ApiClient) -> None:
    events = client.get("/api/events").json()
    rows = _csv(client, "/api/events")
    assert {"participants", "quote", "start", "end", "url", "doc", "cluster_id"} <= set(rows[0])
    by_id = {int(r["id"]): r for r in rows}
    for e in events:
        row = by_id[e["id"]]
        assert row["participants"] == "; ".join(e["participants"])
        assert row["quote"] == e["evidence"]["quote"]
        assert row["url"] == (e["url"] or "")
        assert row["review_state"] == e["review"]["state"]
    assert any(r["url"].startswith("https://") for r in rows)


def test_filters_apply_to_the_csv(client: ApiClient) -> None:
    rows = _csv(client, "/api/figures", measure="trade_turnover", period="2023")
    assert rows and {r["period"] for r in rows} == {"2023"}
    probes = {r["value"] for r in rows if r["doc"].startswith("probe_")}
    assert probes == {"190300000000", "240100000000"}  # whole numbers, as people read them


def test_conflict_rows_are_claims_with_their_conflict(client: ApiClient) -> None:
    rows = _csv(client, "/api/conflicts")
    mine = [r for r in rows if r["doc"] in ("probe_a.json", "probe_b.json")]
    assert len({r["conflict"] for r in mine}) == 1
    assert "Russia and China trade reached $190.3 billion in 2023" in {r["quote"] for r in mine}
    assert all(r["measure"] == "trade_turnover" and r["period"] == "2023" for r in mine)


def test_unknown_format_is_a_422(client: ApiClient) -> None:
    r = client.get("/api/events", params={"format": "xlsx"})
    assert r.status_code == 422
    assert r.json()["ok"] is False


def test_review_history_as_csv(writer: ApiClient) -> None:
    fig = writer.get("/api/figures").json()[0]
    body = {"item_type": "figures", "item_id": fig["id"], "action": "reject", "author": "ana"}
    assert writer.post("/api/review", json=body, headers=AUTH).status_code == 201
    rows = _csv(writer, "/api/review")
    assert [(r["item_type"], r["item_id"], r["action"], r["author"]) for r in rows] == [
        ("figures", str(fig["id"]), "reject", "ana")
    ]


def test_cells_a_spreadsheet_would_run_are_made_inert() -> None:
    from bilat.serve.csv_out import flat_row

    row = flat_row({"quote": "=HYPERLINK(1)", "a": "@x", "value": -2.5, "b": "-", "c": "a=b"})
    assert row == {"quote": "'=HYPERLINK(1)", "a": "'@x", "value": "-2.5", "b": "'-", "c": "a=b"}
