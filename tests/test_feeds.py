"""`bilat ingest --feed`: RSS and Atom feeds from a real local HTTP server, each entry's page
fetched by the safe fetcher, the feed's title, date and outlet kept, seen entries skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.ingest.feeds import parse_feed
from bilat.store import Store, open_store
from feedserver import FeedServer, atom, page, rss
from test_cli import bilat, bilat_json

ITEMS = [
    ("/news/ferry-line", "Amur ferry opens (feed title)", "Tue, 03 Mar 2026 08:00:00 GMT"),
    ("/news/grain-corridor", "Grain corridor talks", "Wed, 04 Mar 2026 09:30:00 GMT"),
    ("/mirror/ferry-line", "Amur ferry opens (mirror)", "Wed, 04 Mar 2026 10:00:00 GMT"),
]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_pages({"/mirror/ferry-line": page("/news/ferry-line")})
        srv.routes["/feed.xml"] = (200, "application/rss+xml", rss(srv.base, ITEMS))
        srv.routes["/broken.xml"] = (200, "application/rss+xml", b"<html><p>oops</p>")
        srv.routes["/down.xml"] = (503, "text/plain", b"maintenance")
        yield srv


def _docs(db: str) -> dict[str, dict[str, object]]:
    return {d["url"]: d for d in bilat_json(db, "docs")}


def test_feed_entries_are_stored_with_the_feeds_title_date_and_outlet(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "b.db")
    proc = bilat(db, "ingest", "--feed", f"{server.base}/feed.xml", "--allow-private")
    assert proc.returncode == 0, proc.stderr
    assert "2 new" in proc.stderr and "1 seen" in proc.stderr, proc.stderr
    docs = _docs(db)
    ferry = docs[f"{server.base}/news/ferry-line"]
    assert ferry["title"] == "Amur ferry opens (feed title)"
    assert ferry["published"] == "2026-03-03"
    assert ferry["source"] == "Test Wire"
    assert ferry["status"] == "ok"
    assert f"{server.base}/mirror/ferry-line" not in docs  # same text under another link
    assert set(docs) == {f"{server.base}/news/ferry-line", f"{server.base}/news/grain-corridor"}
    store = open_store(db)
    try:
        stored = store.get_document(str(ferry["name"]))
        assert "Blagoveshchensk and Heihe" in stored.clean_text
        assert stored.extractor_version is not None
    finally:
        store.close()


def test_a_second_read_skips_seen_links_without_fetching_them(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "b.db")
    url = f"{server.base}/feed.xml"
    assert bilat(db, "ingest", "--feed", url, "--allow-private").returncode == 0
    assert server.hits["/news/ferry-line"] == 1
    proc = bilat(db, "ingest", "--feed", url, "--allow-private")
    assert proc.returncode == 0, proc.stderr
    assert "0 new" in proc.stderr and "3 seen" in proc.stderr, proc.stderr
    assert server.hits["/news/ferry-line"] == 1  # known link: not fetched again
    assert server.hits["/news/grain-corridor"] == 1
    assert server.hits["/mirror/ferry-line"] == 1  # its text repeats a stored one: remembered
    assert len(_docs(db)) == 2


def test_atom_feed_from_a_file(server: FeedServer, tmp_path: Path) -> None:
    feed = tmp_path / "desk.atom"
    feed.write_bytes(
        atom(server.base, [("/news/science-forum", "Universities sign", "2026-03-05T06:00:00Z")])
    )
    db = str(tmp_path / "b.db")
    proc = bilat(db, "ingest", "--feed", str(feed), "--allow-private")
    assert proc.returncode == 0, proc.stderr
    (doc,) = _docs(db).values()
    assert (doc["title"], doc["published"], doc["source"]) == (
        "Universities sign",
        "2026-03-05",
        "Atom Desk",
    )


def test_loopback_feeds_are_refused_unless_allowed(server: FeedServer, tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    proc = bilat(db, "ingest", "--feed", f"{server.base}/feed.xml")
    assert proc.returncode == 1
    assert "loopback" in proc.stderr and "refused" in proc.stderr, proc.stderr
    assert server.hits["/feed.xml"] == 0


def test_bad_feeds_are_rejected_with_their_reason_and_the_batch_goes_on(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "b.db")
    args = ["--allow-private", "--feed", f"{server.base}/broken.xml"]
    args += ["--feed", f"{server.base}/down.xml", "--feed", str(tmp_path / "missing.xml")]
    args += ["--feed", f"{server.base}/feed.xml"]
    proc = bilat(db, "ingest", *args)
    assert proc.returncode == 1
    assert f"rejected {server.base}/broken.xml: not an RSS or Atom feed" in proc.stderr
    assert f"rejected {server.base}/down.xml: HTTP 503" in proc.stderr
    assert "missing.xml: cannot read feed: no such file" in proc.stderr
    assert len(_docs(db)) == 2  # the good feed still ingested


def test_entries_without_a_link_are_reported() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>no link</title><description>text only</description></item>"
        b"</channel></rss>"
    )
    entries, skipped = parse_feed("x.xml", data)
    assert not entries
    assert skipped == ["entry 1 (no link) has no link"]


def test_seen_links_are_remembered_in_the_store(store: Store) -> None:
    assert not store.url_seen("https://example.org/a")
    with store.db.transaction():
        store.db.execute(
            "INSERT INTO documents (name, version, content_hash, origin, kind, text, clean_text, "
            "offsets, url, status, ingested_at) VALUES (?, 1, 'h', 'o', 'url', 't', 't', '[]', "
            "?, 'ok', 'now')",
            ("a.html", "https://example.org/a"),
        )
    doc_id = int(store.db.scalar("SELECT id FROM documents"))
    assert store.url_seen("https://example.org/a")
    store.mark_seen("https://example.org/b", "h", doc_id)
    store.mark_seen("https://example.org/b", "h", doc_id)  # twice is fine
    assert store.url_seen("https://example.org/b")
    assert not store.url_seen("https://example.org/c")


def test_relative_links_resolve_against_the_feed_url(server: FeedServer, tmp_path: Path) -> None:
    feed = rss("", [("/news/science-forum", "Accord", "Thu, 05 Mar 2026 07:00:00 GMT")])
    server.routes["/relative.xml"] = (200, "application/rss+xml", feed)
    db = str(tmp_path / "b.db")
    proc = bilat(db, "ingest", "--feed", f"{server.base}/relative.xml", "--allow-private")
    assert proc.returncode == 0, proc.stderr
    assert set(_docs(db)) == {f"{server.base}/news/science-forum"}
