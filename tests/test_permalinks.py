"""Permalink pages (/events/{id}, /figures/{id}, /agreements/{id}, /commitments/{id},
/conflicts/{id}) with their sources and quotes, the dashboard's links to them, and the
"Download CSV" link of every list page (the stores of test_api.py)."""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

import test_api
from bilat.serve import pages
from test_api import ApiClient

filled_url, client = test_api.filled_url, test_api.client

KINDS = ("events", "figures", "agreements", "commitments", "conflicts")
LINK = re.compile(r'href="(/(?:events|figures|agreements|commitments|conflicts)/[^"#]+)"')
CSV_LINK = re.compile(r'class="csv" href="([^"]+)"')


def _page(client: ApiClient, url: str) -> str:
    r = client.get(html.unescape(url))
    assert r.status_code == 200, (url, r.text[:300])
    return r.text


def _links(text: str, kind: str) -> list[str]:
    return sorted({u for u in LINK.findall(text) if u.startswith(f"/{kind}/")})


def _quotes(text: str) -> list[str]:
    return [html.unescape(q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", text, re.S)]


@pytest.mark.parametrize("kind", KINDS)
def test_list_items_link_to_permalinks_with_sources_and_quotes(
    client: ApiClient, kind: str
) -> None:
    links = _links(_page(client, "/timeline" if kind == "events" else f"/{kind}"), kind)
    assert links, f"/{kind} links no item to its permalink"
    texts = {
        d["name"]: d for d in client.get("/api/documents", params={"limit": 500}).json()["items"]
    }
    assert texts
    for url in links[:4]:
        text = _page(client, url)
        quotes = _quotes(text)
        assert quotes, f"{url} shows no quote"
        assert re.search(r'<a class="src" href="/documents/\d+', text), f"{url}: no source link"
        assert re.search(r"<h1>\S[^<]*</h1>", text), f"{url}: no title"
        assert all(q.strip() for q in quotes)


def test_every_quote_on_a_figure_page_is_in_its_document(client: ApiClient) -> None:
    figures = client.get("/api/figures").json()
    assert figures
    for f in figures[:10]:
        text = _page(client, f"/figures/{f['id']}")
        doc = client.get(f"/api/documents/{f['doc_id']}").json()
        assert f["evidence"]["quote"] in _quotes(text)
        assert f["evidence"]["quote"] == doc["text"][f["evidence"]["start"] : f["evidence"]["end"]]


def _conflicts(client: ApiClient, path: str = "/api/conflicts") -> list[dict[str, Any]]:
    """The conflicts of the list, each read whole from its own URL."""
    headers = client.get(path).json()
    return [client.get(f"/api/conflicts/{quote(c['id'], safe='')}").json() for c in headers]


def test_a_conflict_page_shows_every_claim_and_links_its_figures(client: ApiClient) -> None:
    conflicts = _conflicts(client)
    assert conflicts
    links = _links(_page(client, "/conflicts"), "conflicts")
    text = _page(client, links[0])
    shown = [c for c in conflicts if all(cl["quote"] in _quotes(text) for cl in c["claims"])]
    assert shown, "the page shows the quotes of one conflict's claims"
    assert len(_quotes(text)) == len(shown[0]["claims"])
    assert _links(text, "figures")
    assert not re.search(r"\de\+\d", text)


def test_the_conflicts_page_shows_the_first_claims_of_each_position(
    client: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one claim shown per position, a position of more says how many and links the
    conflict's page, which has them all."""
    monkeypatch.setattr(pages, "CLAIMS_SHOWN", 1)
    text = _page(client, "/conflicts?since=1900")  # not the page kept by other tests
    conflicts = _conflicts(client, "/api/conflicts?since=1900")
    positions = [p for c in conflicts for p in c["positions"]]
    assert len(_quotes(text)) == len(positions) < sum(len(c["claims"]) for c in conflicts)
    crowded = [c for c in conflicts if any(len(p["claims"]) > 1 for p in c["positions"])]
    assert crowded
    for c in crowded:
        for p in c["positions"]:
            assert len(p["claims"]) == 1 or f"the first 1 of {len(p['claims'])} claims" in text
        href = f'href="/conflicts/{quote(c["id"], safe="")}'
        assert text.count(href) >= 2  # its heading and "all of them"


def test_the_conflicts_page_shows_the_positions_with_most_sources(
    client: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one position shown per conflict (the most sources first), a conflict of more
    says how many and links its page, which has them all."""
    monkeypatch.setattr(pages, "POSITIONS_SHOWN", 1)
    text = _page(client, "/conflicts?since=1901")  # not the page kept by other tests
    conflicts = _conflicts(client, "/api/conflicts?since=1901")
    firsts = [c["positions"][0]["claims"][: pages.CLAIMS_SHOWN] for c in conflicts]
    assert _quotes(text) == [cl["quote"] for claims in firsts for cl in claims]
    many = [c for c in conflicts if len(c["positions"]) > 1]
    assert many
    for c in many:
        assert f"the first 1 of {len(c['positions'])} positions" in text
        assert text.count(f'href="/conflicts/{quote(c["id"], safe="")}') >= 2


def test_an_event_is_reached_by_its_cluster_or_any_mention(client: ApiClient) -> None:
    events = client.get("/api/events").json()
    clustered = next(e for e in events if e.get("cluster"))
    by_cluster = _page(client, f"/events/{clustered['cluster']['id']}")
    by_row = _page(client, f"/events/{clustered['id']}")
    assert _quotes(by_cluster) == _quotes(by_row)
    assert clustered["evidence"]["quote"] in _quotes(by_row)


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_ids_are_404(client: ApiClient, kind: str) -> None:
    r = client.get(f"/{kind}/999999")
    assert r.status_code == 404
    assert "999999" in r.text


LIST_PAGES = {
    "/timeline?actor=Xi+Jinping&type=CONSULT": "/api/events",
    "/figures?measure=trade_turnover": "/api/figures",
    "/conflicts": "/api/conflicts",
    "/commitments": "/api/commitments",
    "/agreements?include_rejected=1": "/api/agreements",
    "/actors": "/api/actors",
    "/documents?q=trade": "/api/documents",
}


@pytest.mark.parametrize("page", sorted(LIST_PAGES))
def test_download_csv_link_carries_the_page_filters(client: ApiClient, page: str) -> None:
    (href,) = CSV_LINK.findall(_page(client, page))
    href = html.unescape(href)
    path, query = urlsplit(href).path, dict(parse_qsl(urlsplit(href).query))
    assert path == LIST_PAGES[page] and query.pop("format") == "csv"
    wanted = dict(parse_qsl(urlsplit(page).query))
    if path == "/api/documents":  # the page's paging (25 a page) becomes the API's
        wanted.update(limit="25", offset="0")
    assert query == wanted
    r = client.get(href)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    json_rows: Any = client.get(path, params=query).json()
    if path == "/api/conflicts":
        json_rows = [cl for c in json_rows for cl in range(c["claim_count"])]
    elif isinstance(json_rows, dict):
        json_rows = json_rows["items"]
    assert len(rows) == len(json_rows)


def test_download_csv_keeps_the_pair(client: ApiClient) -> None:
    (href,) = CSV_LINK.findall(_page(client, "/figures?pair=all&measure=trade_turnover"))
    assert dict(parse_qsl(urlsplit(html.unescape(href)).query))["pair"] == "all"
    text = _page(client, "/figures?pair=all")
    assert all(u.endswith("?pair=all") for u in _links(text, "figures"))
