"""The JSON API, in process, on a store filled from examples/corpus (SQLite and PostgreSQL).

The store is built once per backend: ingest the corpus, run the extractor (or, while the
extractor cannot run, a small hand-built extraction so these tests never depend on its
quality), add the probe articles below with exact items, and rebuild the record.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI

from bilat.config import Options, load_options
from bilat.records import (
    Actor,
    Agreement,
    Commitment,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.serve import create_app
from bilat.serve.record import conflict_header
from bilat.serve.write import rebuild_record
from bilat.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
TOKEN = "test-token-0123456789"
XSS = (
    "Probe: <script>alert(1)</script> and <img src=x onerror=alert(1)> and "
    '<a href="javascript:alert(1)">x</a>.'
)
PROBE_A = (
    "Russia and China trade reached $190.3 billion in 2023, said Vladimir Putin.\n\n"
    "Putin and Xi Jinping held talks in Moscow on 21 March 2023.\n\n"
    "The sides signed a memorandum on the Probe Pipeline.\n\n"
    "They agreed to raise trade to $300 billion by 2030.\n\n" + XSS + "\n"
)
PROBE_B = (
    "According to customs data, Russia-China trade reached $240.1 billion in 2023.\n\n"
    "Xi Jinping and Vladimir Putin met in Moscow on 21 March 2023.\n"
)


def _ev(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(start, start + len(quote), quote)


def _fig(text: str, quote: str, value: float, said_by: str | None = None) -> Figure:
    return Figure(
        "amount",
        value,
        None,
        "USD",
        None,
        "exact",
        "trade_turnover",
        None,
        "RU<->CN",
        "2023",
        said_by,
        _ev(text, quote),
    )


def _actors(text: str) -> tuple[Actor, ...]:
    out = []
    for name, alias, kind, country in (
        ("Vladimir Putin", "Putin", "person", "RU"),
        ("Xi Jinping", "Xi", "person", "CN"),
        ("Russia", "Russian", "state", "RU"),
        ("China", "Chinese", "state", "CN"),
    ):
        spans = [
            Evidence(m.start(), m.end(), m.group(0))
            for m in re.finditer(rf"\b(?:{name}|{alias})\b", text)
        ]
        if spans:
            out.append(Actor(name, kind, country, None, (alias,), None, tuple(spans)))
    return tuple(out)


def probe_extractions(text_a: str, text_b: str) -> tuple[Extraction, Extraction]:
    """Exact items for the two probe articles (a conflict, an event, an agreement, ...)."""
    event_a = Event(
        "CONSULT",
        "meeting",
        "occurred",
        ("Vladimir Putin", "Xi Jinping"),
        "2023-03-21",
        None,
        "Moscow",
        _ev(text_a, "Putin and Xi Jinping held talks in Moscow on 21 March 2023."),
    )
    a = Extraction(
        "probe_a.json",
        "2024-01-10",
        "test",
        _actors(text_a),
        (event_a,),
        (
            _fig(
                text_a,
                "Russia and China trade reached $190.3 billion in 2023",
                190.3e9,
                "Vladimir Putin",
            ),
        ),
        (
            Agreement(
                "memorandum on the Probe Pipeline",
                "memorandum",
                "signed",
                "2024-01-10",
                ("Russia", "China"),
                "energy",
                _ev(text_a, "The sides signed a memorandum on the Probe Pipeline."),
            ),
        ),
        (
            Commitment(
                "trade_turnover",
                None,
                ">=",
                300e9,
                None,
                "USD",
                None,
                "2030",
                ("Russia", "China"),
                "agreed",
                _ev(text_a, "They agreed to raise trade to $300 billion by 2030."),
                "RU<->CN",
            ),
        ),
    )
    event_b = Event(
        "CONSULT",
        "meeting",
        "occurred",
        ("Xi Jinping", "Vladimir Putin"),
        "2023-03-21",
        None,
        "Moscow",
        _ev(text_b, "Xi Jinping and Vladimir Putin met in Moscow on 21 March 2023."),
    )
    b = Extraction(
        "probe_b.json",
        "2024-01-12",
        "test",
        _actors(text_b),
        (event_b,),
        (_fig(text_b, "Russia-China trade reached $240.1 billion in 2023", 240.1e9),),
    )
    return a, b


_MONEY = re.compile(r"\$(\d+(?:\.\d+)?) (billion|bln)")
_SENTENCE = re.compile(r"[^.\n]+\.")


def hand_extraction(name: str, published: str | None, text: str) -> Extraction:
    """A rough stand-in for the extractor: money figures, leader talks, actors."""
    figures, events = [], []
    year = (published or "2024")[:4]
    for m in _SENTENCE.finditer(text):
        sent = m.group(0).strip()
        ev = _ev(text, sent)
        money = _MONEY.search(sent)
        if money and "trade" in sent.lower():
            figures.append(
                Figure(
                    "amount",
                    float(money.group(1)) * 1e9,
                    None,
                    "USD",
                    None,
                    "exact",
                    "trade_turnover",
                    "trade",
                    "RU<->CN",
                    year,
                    None,
                    ev,
                )
            )
        if "Putin" in sent and "Xi" in sent and re.search(r"talks|met|call", sent):
            mode = "call" if "call" in sent else "meeting"
            events.append(
                Event(
                    "CONSULT",
                    mode,
                    "occurred",
                    ("Vladimir Putin", "Xi Jinping"),
                    published,
                    None,
                    None,
                    ev,
                )
            )
    return Extraction(name, published, "hand", _actors(text), tuple(events), tuple(figures))


class ApiClient:
    """A synchronous client over httpx's ASGI transport (the app runs in process)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.runner = asyncio.Runner()
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.runner.run(self.http.aclose())
        self.runner.close()
        self.app.state.bilat.close()  # what the lifespan does on shutdown

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        return self.runner.run(self.http.request(method, url, **kw))

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)

    def delete(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("DELETE", url, **kw)


def _write_probe(tmp: Path, name: str, text: str, published: str, title: str) -> Path:
    path = tmp / name
    path.write_text(
        json.dumps(
            {
                "text": text,
                "title": title,
                "source": "Probe Wire",
                "published": published,
                "url": "javascript:alert(1)",
            }
        ),
        encoding="utf-8",
    )
    return path


def fill_store(store: Store, options: Options, tmp: Path, *, corpus: bool = True) -> None:
    """Ingest the corpus (optionally) and the probes; extract; rebuild the record."""
    from bilat.ingest import ingest

    paths = [str(CORPUS)] if corpus else []
    paths += [
        str(_write_probe(tmp, "probe_a.json", PROBE_A, "2024-01-10", "Probe A <b>bold</b>")),
        str(_write_probe(tmp, "probe_b.json", PROBE_B, "2024-01-12", "Probe B")),
    ]
    ingest(store, paths, options)
    try:
        from bilat.extract import run_extraction

        done, _ = run_extraction(store, options.extract)
    except Exception:  # the extractor is still being built: fall back to hand-made items
        done = 0
    docs = store.documents(status="ok")
    if not done:
        for d in docs:
            with store.transaction():
                store.save_extraction(d.id, hand_extraction(d.name, d.published, d.text))
    a, b = probe_extractions(PROBE_A, PROBE_B)
    with store.transaction():
        store.save_extraction(store.get_document("probe_a.json").id, a)
        store.save_extraction(store.get_document("probe_b.json").id, b)
    rebuild_record(store)


def _pg_or_skip() -> str:
    from conftest import _pg_url  # the shared helper (skips without BILAT_TEST_PG)

    return _pg_url()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def filled_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("api")
    url = str(tmp / "bilat.db") if request.param == "sqlite" else _pg_or_skip()
    store = open_store(url)
    fill_store(store, load_options(None, db=url), tmp)
    store.close()
    yield url
    if request.param == "postgresql":
        from conftest import _drop_pg

        _drop_pg(url)


@pytest.fixture(scope="module")
def client(filled_url: str) -> Iterator[ApiClient]:
    with ApiClient(create_app(filled_url, None)) as c:
        yield c


@pytest.fixture
def writer(store: Store, options: Options, tmp_path: Path) -> Iterator[ApiClient]:
    """A client with writes on, over a fresh store holding only the probe articles."""
    fill_store(store, options, tmp_path, corpus=False)
    with ApiClient(create_app(options.db, TOKEN, options)) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _get(client: ApiClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


# ---------------------------------------------------------------- documents


def test_documents_lists_the_corpus_with_total(client: ApiClient) -> None:
    page = _get(client, "/api/documents", limit=5)
    assert page["total"] >= 20
    assert len(page["items"]) == 5
    assert {"id", "name", "title", "published", "source", "status"} <= set(page["items"][0])


def test_documents_pagination_is_disjoint(client: ApiClient) -> None:
    first = _get(client, "/api/documents", limit=4, offset=0)["items"]
    second = _get(client, "/api/documents", limit=4, offset=4)["items"]
    assert not {d["id"] for d in first} & {d["id"] for d in second}


def test_full_text_search_finds_words_and_tolerates_syntax(client: ApiClient) -> None:
    page = _get(client, "/api/documents", q="customs")
    assert page["total"] >= 1
    assert any("customs" in d["snippet"].lower() for d in page["items"])
    assert _get(client, "/api/documents", q='"unbalanced AND (')["total"] >= 0
    assert _get(client, "/api/documents", q="zzzznotaword")["total"] == 0


def test_status_filter(client: ApiClient) -> None:
    page = _get(client, "/api/documents", status="ok")
    assert page["items"] and all(d["status"] == "ok" for d in page["items"])


def test_document_detail_has_text_and_grounded_items(client: ApiClient) -> None:
    doc = _get(client, "/api/documents/probe_a.json")
    assert doc["text"] == PROBE_A
    kinds = {i["item_type"] for i in doc["items"]}
    assert kinds == {"events", "figures", "agreements", "commitments"}
    for item in doc["items"] + doc["mentions"]:
        ev = item["evidence"]
        assert doc["text"][ev["start"] : ev["end"]] == ev["quote"]
        assert item["review"]["state"] == "unreviewed"


def test_document_detail_says_where_its_date_comes_from(client: ApiClient) -> None:
    implied = _get(client, "/api/documents/c12_feed_interfax_kremlin_talks_may2025.json")
    assert (implied["published"], implied["published_basis"]) == ("2025-05-08", "implied")
    assert implied["published_evidence"]
    for ev in implied["published_evidence"]:
        assert implied["text"][ev["start"] : ev["end"]] == ev["quote"]
    stated = _get(client, "/api/documents/c01_tass_putin_xi_call.txt")
    assert (stated["published_basis"], stated["published_evidence"]) == ("stated", [])


# ---------------------------------------------------------------- items


def test_events_filters(client: ApiClient) -> None:
    events = _get(client, "/api/events", actor="Xi Jinping", since="2023-03-01", until="2023-03-31")
    assert events and all("Xi Jinping" in e["participants"] for e in events)
    assert all("2023-03-01" <= e["date"] <= "2023-03-31" for e in events)
    assert _get(client, "/api/events", mode="no-such-mode") == []
    consult = _get(client, "/api/events", type="CONSULT")
    assert consult and all(e["type"] == "CONSULT" for e in consult)
    meetings = _get(client, "/api/events", mode="meeting", status="occurred")
    assert meetings and all(e["mode"] == "meeting" for e in meetings)


def test_events_of_one_real_event_share_a_cluster(client: ApiClient) -> None:
    probe = [
        e
        for e in _get(client, "/api/events", since="2023-03-21", until="2023-03-21")
        if e["doc"] in ("probe_a.json", "probe_b.json")
    ]
    assert len(probe) == 2
    assert probe[0]["cluster"] and probe[0]["cluster"]["id"] == probe[1]["cluster"]["id"]


def test_figures_filter_and_conflict_flag(client: ApiClient) -> None:
    figs = _get(client, "/api/figures", measure="trade_turnover", period="2023")
    probes = [f for f in figs if f["doc"].startswith("probe_")]
    assert {f["value"] for f in probes} == {190.3e9, 240.1e9}
    assert all(f["conflict"] for f in probes)


def test_conflicts_carry_competing_quotes(client: ApiClient) -> None:
    """The list gives each conflict without its claims (counted per position); the
    conflict's own URL gives every claim, as the whole list (`queries.conflicts`) has it."""
    headers = _get(client, "/api/conflicts")
    assert headers and all("claims" not in c for c in headers)
    full = [_get(client, f"/api/conflicts/{quote(c['id'], safe='')}") for c in headers]
    assert [conflict_header(c) for c in full] == headers
    assert all(
        h["claim_count"] == len(c["claims"]) >= 2 for h, c in zip(headers, full, strict=True)
    )
    mine = [c for c in full if any(cl["doc"] == "probe_a.json" for cl in c["claims"])]
    assert len(mine) == 1
    quotes = {cl["quote"] for cl in mine[0]["claims"]}
    assert "Russia and China trade reached $190.3 billion in 2023" in quotes
    assert client.get("/api/conflicts/trade_turnover%7Cnone").status_code == 404


def test_agreements_and_commitments(client: ApiClient) -> None:
    agreements = _get(client, "/api/agreements")
    assert any(a["title"] == "memorandum on the Probe Pipeline" for a in agreements["items"])
    assert any(h["title"] for h in agreements["histories"])
    commitments = _get(client, "/api/commitments")
    assert any(c["value"] == 300e9 for c in commitments["items"])
    assert all(
        s["status"] in ("met", "missed", "disputed", "pending") for s in commitments["statuses"]
    )


def test_histories_and_statuses_are_listed_slim_and_whole_at_their_url(
    client: ApiClient,
) -> None:
    """The lists count a history's statements and a status's sources and figures; the
    item's own endpoint (`url`) has them all, as many as counted."""
    histories = _get(client, "/api/agreements")["histories"]
    assert histories and all("entries" not in h for h in histories)
    for h in histories:
        whole = _get(client, h["url"])
        assert whole["id"] == h["id"] and len(whole["entries"]) == h["entries_count"]
        assert {**h["latest"], "quote": whole["entries"][-1]["quote"]} == whole["entries"][-1]
    statuses = _get(client, "/api/commitments")["statuses"]
    assert statuses and all("sources" not in s for s in statuses)
    for s in statuses:
        whole = _get(client, s["url"])["status"]
        assert whole["commitment"] == s["commitment"] and whole["status"] == s["status"]
        for name in ("sources", "evidence_figures", "dissent"):
            assert len(whole[name]) == s[f"{name}_count"], name
    assert client.get("/api/agreements/agreement:999:a9").status_code == 404
    assert client.get("/api/commitments/999999").status_code == 404


def test_actors_and_actor_detail(client: ApiClient) -> None:
    actors = _get(client, "/api/actors")
    assert any(a["name"] == "Xi Jinping" for a in actors)
    xi = _get(client, "/api/actors/Xi Jinping")
    assert xi["events"]
    putin = _get(client, "/api/actors/vladimir putin")
    assert any(f["doc"] == "probe_a.json" for f in putin["figures"])
    assert any(
        a["title"] == "memorandum on the Probe Pipeline"
        for a in _get(client, "/api/actors/Russia")["agreements"]
    )


def test_search_finds_documents_and_items(client: ApiClient) -> None:
    found = _get(client, "/api/search", q="Probe Pipeline")
    assert found["documents"]["total"] >= 1
    assert any(i["item_type"] == "agreements" for i in found["items"])


def test_stats(client: ApiClient) -> None:
    stats = _get(client, "/api/stats")
    assert stats["documents"]["total"] >= 22
    assert stats["items"]["figures"]["total"] >= 2
    assert stats["record"]["built"] is True
    assert stats["record"]["conflicts"] >= 1


def test_openapi_and_local_docs(client: ApiClient) -> None:
    spec = _get(client, "/api/openapi.json")
    assert "/api/documents" in spec["paths"] and "/api/review" in spec["paths"]
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "/api/events" in page.text


def test_reads_are_open_but_writes_are_off_without_a_token(client: ApiClient) -> None:
    r = client.post(
        "/api/review",
        json={"item_type": "figures", "item_id": 1, "action": "accept", "author": "a"},
    )
    assert r.status_code == 403


# ---------------------------------------------------------------- writes (both backends)


def _probe_figure(client: ApiClient) -> dict[str, Any]:
    doc = _get(client, "/api/documents/probe_a.json")
    return next(i for i in doc["items"] if i["item_type"] == "figures")


def test_review_needs_the_token(writer: ApiClient) -> None:
    body = {"item_type": "figures", "item_id": 1, "action": "accept", "author": "ana"}
    assert writer.post("/api/review", json=body).status_code == 401
    bad = {"Authorization": "Bearer wrong-token-xyz"}
    assert writer.post("/api/review", json=body, headers=bad).status_code == 401


def test_reject_hides_everywhere_and_revoke_restores(writer: ApiClient) -> None:
    fig = _probe_figure(writer)
    r = writer.post(
        "/api/review",
        headers=AUTH,
        json={"item_type": "figures", "item_id": fig["id"], "action": "reject", "author": "ana"},
    )
    assert r.status_code == 201, r.text
    judgement = r.json()
    assert fig["id"] not in {f["id"] for f in _get(writer, "/api/figures")}
    kept = {f["id"]: f for f in _get(writer, "/api/figures", include_rejected=1)}
    assert kept[fig["id"]]["review"]["state"] == "rejected"
    assert kept[fig["id"]]["review"]["author"] == "ana"
    assert _get(writer, "/api/conflicts") == []  # one claim left: no longer a conflict
    assert _get(writer, "/api/conflicts", include_rejected=1)[0]["resolved"] is True
    r = writer.delete(f"/api/review/{judgement['id']}", headers=AUTH)
    assert r.status_code == 200 and r.json()["revoked_at"]
    assert fig["id"] in {f["id"] for f in _get(writer, "/api/figures")}
    history = _get(writer, "/api/review", item_type="figures", item_id=fig["id"])
    assert [h["action"] for h in history] == ["reject"] and history[0]["revoked_at"]
    assert writer.delete(f"/api/review/{judgement['id']}", headers=AUTH).status_code == 422


def test_edit_overrides_machine_values(writer: ApiClient) -> None:
    fig = _probe_figure(writer)
    r = writer.post(
        "/api/review",
        headers=AUTH,
        json={
            "item_type": "figures",
            "item_id": fig["id"],
            "action": "edit",
            "author": "bo",
            "payload": {"value": 240.1e9, "said_by": None},
        },
    )
    assert r.status_code == 201, r.text
    edited = next(f for f in _get(writer, "/api/figures") if f["id"] == fig["id"])
    assert edited["value"] == 240.1e9 and edited["machine"]["value"] == 190.3e9
    assert edited["review"] == {**edited["review"], "state": "edited", "author": "bo"}
    assert _get(writer, "/api/conflicts") == []  # both sources now agree


def test_edit_of_an_unknown_field_is_refused(writer: ApiClient) -> None:
    fig = _probe_figure(writer)
    r = writer.post(
        "/api/review",
        headers=AUTH,
        json={
            "item_type": "figures",
            "item_id": fig["id"],
            "action": "edit",
            "author": "bo",
            "payload": {"quote": "something else"},
        },
    )
    assert r.status_code == 422 and "cannot edit quote" in r.json()["error"]["message"]


def test_review_of_a_missing_item_is_404(writer: ApiClient) -> None:
    r = writer.post(
        "/api/review",
        headers=AUTH,
        json={"item_type": "events", "item_id": 999999, "action": "accept", "author": "bo"},
    )
    assert r.status_code == 404


def test_post_document_ingests_and_reports(writer: ApiClient) -> None:
    body = {
        "text": "MOSCOW, May 8 - Vladimir Putin met Xi Jinping in Moscow on Thursday.\n",
        "title": "Talks",
        "published": "2025-05-08",
        "source": "Test",
        "name": "api talks",
    }
    r = writer.post("/api/documents", headers=AUTH, json=body)
    assert r.status_code == 201, r.text
    data = r.json()
    assert data["ok"] is True and data["document"]["name"] == "api_talks.json"
    doc = _get(writer, f"/api/documents/{data['document']['id']}")
    assert doc["text"] == body["text"] and doc["published"] == "2025-05-08"
    again = writer.post("/api/documents", headers=AUTH, json=body)
    assert again.status_code == 200 and again.json()["created"] is False


def test_post_document_rejects_bad_input(writer: ApiClient) -> None:
    r = writer.post("/api/documents", headers=AUTH, json={"text": "x", "colour": "red"})
    assert r.status_code == 422
    r = writer.post("/api/documents", headers=AUTH, json={"text": "   "})
    assert r.status_code == 422


def test_the_server_leaves_no_transaction_open(writer: ApiClient) -> None:
    """The start-up check of the record ends its transaction: on PostgreSQL an open one would
    hold locks that block other processes (a migration, DROP SCHEMA) while the server idles."""
    db = writer.app.state.bilat.store.db
    assert writer.get("/api/stats").status_code == 200
    if db.dialect == "postgresql":
        from psycopg.pq import TransactionStatus

        assert db.conn.info.transaction_status == TransactionStatus.IDLE
    else:
        assert not db.conn.in_transaction
