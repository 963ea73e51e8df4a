"""Every API error has one JSON shape: {"ok": false, "error": {"status", "message", "detail"}}.

Each kind of error the API can produce is provoked here: 401, 403, 404 (route, document,
actor, judgement), 405, 422 (query, body, review rules, rejected input), 500 (an unexpected
exception). Pages answer the same errors with HTML.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bilat.config import load_options
from bilat.serve import create_app
from bilat.store import open_store
from test_api import TOKEN, ApiClient, fill_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REVIEW = {"item_type": "figures", "item_id": 1, "action": "accept", "author": "ana"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("errors")
    path = str(tmp / "bilat.db")
    store = open_store(path)
    fill_store(store, load_options(None, db=path), tmp, corpus=False)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db_path: str) -> Iterator[ApiClient]:
    with ApiClient(create_app(db_path, TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def readonly(db_path: str) -> Iterator[ApiClient]:
    with ApiClient(create_app(db_path, None)) as c:
        yield c


def assert_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error"} and body["ok"] is False
    assert set(body["error"]) == {"status", "message", "detail"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return dict(body["error"])


CASES = [
    ("GET", "/api/no-such-route", {}, 404),
    ("GET", "/api/documents/999999", {}, 404),
    ("GET", "/api/documents/no-such-name.txt", {}, 404),
    ("GET", "/api/actors/Nobody%20At%20All", {}, 404),
    ("DELETE", "/api/review/999999", {"headers": AUTH}, 404),
    ("POST", "/api/review", {"headers": AUTH, "json": {**REVIEW, "item_id": 999999}}, 404),
    ("PUT", "/api/documents", {}, 405),
    ("GET", "/api/documents?limit=0", {}, 422),
    ("GET", "/api/documents?limit=abc", {}, 422),
    ("GET", "/api/documents?offset=-1", {}, 422),
    ("GET", "/api/search", {}, 422),
    ("GET", "/api/events?include_rejected=maybe", {}, 422),
    ("POST", "/api/review", {"headers": AUTH, "json": {**REVIEW, "action": "delete"}}, 422),
    ("POST", "/api/review", {"headers": AUTH, "json": {**REVIEW, "extra": 1}}, 422),
    (
        "POST",
        "/api/review",
        {
            "headers": AUTH,
            "content": b"{not json",
            "headers_extra": {"content-type": "application/json"},
        },
        422,
    ),
    ("POST", "/api/review", {"headers": AUTH, "json": {**REVIEW, "payload": {"value": 1}}}, 422),
    ("POST", "/api/documents", {"headers": AUTH, "json": {"title": "no text"}}, 422),
    ("POST", "/api/documents", {"headers": AUTH, "json": {"text": "x", "published": "soon"}}, 422),
    ("POST", "/api/review", {"json": REVIEW}, 401),
    ("POST", "/api/review", {"json": REVIEW, "headers": {"Authorization": "Bearer nope"}}, 401),
    ("POST", "/api/review", {"json": REVIEW, "headers": {"Authorization": "Basic abc"}}, 401),
    ("DELETE", "/api/review/1", {}, 401),
    ("POST", "/api/documents", {"json": {"text": "hello"}}, 401),
]


@pytest.mark.parametrize(
    ("method", "url", "kw", "status"), CASES, ids=[f"{c[3]}-{c[0]}-{c[1]}" for c in CASES]
)
def test_error_shape(
    client: ApiClient, method: str, url: str, kw: dict[str, Any], status: int
) -> None:
    kw = dict(kw)
    extra = kw.pop("headers_extra", {})
    if extra:
        kw["headers"] = {**kw.get("headers", {}), **extra}
    assert_shape(client.request(method, url, **kw), status)


def test_401_says_how_to_authenticate(client: ApiClient) -> None:
    r = client.post("/api/review", json=REVIEW)
    assert_shape(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_validation_detail_lists_the_fields(client: ApiClient) -> None:
    error = assert_shape(client.get("/api/documents", params={"limit": 0}), 422)
    assert error["detail"][0]["loc"] == ["query", "limit"]


def test_writes_are_off_without_a_token(readonly: ApiClient) -> None:
    for method, url in (
        ("POST", "/api/review"),
        ("POST", "/api/documents"),
        ("DELETE", "/api/review/1"),
    ):
        error = assert_shape(readonly.request(method, url, json=REVIEW, headers=AUTH), 403)
        assert "--token" in error["message"]


def test_unexpected_exception_is_a_500_in_the_shape(
    client: ApiClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bilat.serve import queries

    def boom(*_: Any, **__: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "stats", boom)
    error = assert_shape(client.get("/api/stats"), 500)
    assert "secret" not in error["message"]


def test_the_server_still_works_after_a_500(client: ApiClient) -> None:
    assert client.get("/api/stats").status_code == 200


def test_pages_answer_errors_in_html(client: ApiClient) -> None:
    for url in ("/no-such-page", "/documents/999999", "/actors/Nobody"):
        r = client.get(url)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("text/html")
        assert "<h1>404</h1>" in r.text


def test_error_shape_is_in_the_openapi_spec(client: ApiClient) -> None:
    spec = client.get("/api/openapi.json").json()
    responses = spec["paths"]["/api/review"]["post"]["responses"]
    assert {"401", "403", "404", "422"} <= set(responses)
