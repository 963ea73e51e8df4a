"""The real `bilat serve` against oversized and unauthenticated writes and out-of-range integers.

A write is refused before its body is read (the test sends only the headers and gets the answer
while the body is still owed), and no integer in a query, path or body turns into a 500.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bilat.config import load_options
from bilat.ingest import ingest
from bilat.serve.app import max_body
from bilat.store import open_store
from test_api import AUTH, TOKEN
from test_browser import serving

BIG = [str(2**63), str(2**64), str(10**100)]  # past every 64-bit id; the last: 101 digits


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("serve")
    db = str(tmp / "bilat.db")
    (tmp / "one.txt").write_text("Russia and China met in Moscow on Monday.", encoding="utf-8")
    store = open_store(db)
    ingest(store, [str(tmp / "one.txt")], load_options(None, db=db))
    store.close()
    with serving(db, tmp / "serve.log") as base:
        yield base


def _headers_only(base: str, head: str) -> tuple[int, str]:
    """Send a request's headers, none of its body, and read the answer (status, raw text)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode("latin-1") + b"\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]), data.decode("latin-1")


def _post_head(length: int, auth: str | None) -> str:
    lines = [
        "POST /api/documents HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        f"Content-Length: {length}",
    ]
    if auth is not None:
        lines.append(f"Authorization: {auth}")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    ("auth", "status"), [(None, 401), ("Bearer wrong-token-123", 401), ("Basic eA==", 401)]
)
def test_an_unauthenticated_write_is_refused_before_its_body_is_read(
    server: str, auth: str | None, status: int
) -> None:
    got, raw = _headers_only(server, _post_head(100_000_000, auth))
    assert got == status, raw
    assert "www-authenticate: bearer" in raw.lower()


def test_a_declared_oversized_body_is_refused_before_it_is_read(server: str) -> None:
    got, raw = _headers_only(server, _post_head(100_000_000, f"Bearer {TOKEN}"))
    assert got == 413, raw


def test_an_oversized_chunked_body_is_cut_off(server: str) -> None:
    limit = max_body(load_options(None))

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(limit // 65536 + 2):
            yield b"a" * 65536

    r = httpx.post(server + "/api/documents", content=chunks(), headers=AUTH, timeout=30)
    assert r.status_code == 413
    assert r.json()["error"]["message"].startswith("request body too large")


def test_a_text_over_the_character_limit_is_rejected_with_the_reason(server: str) -> None:
    body = {"text": "Go now. " * 12_600, "name": "too-long"}
    r = httpx.post(server + "/api/documents", json=body, headers=AUTH, timeout=30)
    assert r.status_code == 422
    assert "ingest.max_chars" in r.json()["error"]["message"]


def test_the_server_still_answers_after_the_refusals(server: str) -> None:
    r = httpx.get(server + "/api/documents", timeout=10)
    assert r.status_code == 200 and r.json()["total"] == 1


@pytest.mark.parametrize("value", BIG, ids=["2^63", "2^64", "1e100"])
@pytest.mark.parametrize(
    "url",
    ["/api/documents?offset={v}", "/documents?page={v}", "/api/review?item_id={v}"],
    ids=["offset", "page", "review-item"],
)
def test_huge_integers_in_queries_are_422(server: str, url: str, value: str) -> None:
    r = httpx.get(server + url.format(v=value), timeout=10)
    assert r.status_code == 422, r.text


@pytest.mark.parametrize("value", [*BIG, "9" * 5000], ids=["2^63", "2^64", "1e100", "5000"])
@pytest.mark.parametrize("path", ["/api/documents/{v}", "/documents/{v}"], ids=["api", "page"])
def test_huge_document_ids_are_404(server: str, path: str, value: str) -> None:
    r = httpx.get(server + path.format(v=value), timeout=10)
    assert r.status_code == 404, r.text


@pytest.mark.parametrize("value", BIG, ids=["2^63", "2^64", "1e100"])
def test_huge_ids_in_review_writes_are_422(server: str, value: str) -> None:
    review = f'{{"item_type": "events", "item_id": {value}, "action": "accept", "author": "t"}}'
    headers = {**AUTH, "Content-Type": "application/json"}
    r = httpx.post(server + "/api/review", content=review, headers=headers, timeout=10)
    assert r.status_code == 422, r.text
    r = httpx.delete(f"{server}/api/review/{value}", headers=AUTH, timeout=10)
    assert r.status_code == 422, r.text


def test_the_limits_are_documented() -> None:
    api_md = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text("utf-8")
    assert "413" in api_md and "before the body is read" in api_md
