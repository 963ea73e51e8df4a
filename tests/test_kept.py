"""Pages kept between requests (`bilat.serve.kept`): the same page while the store is
unchanged, made again after any write or rebuild, as a fresh app makes it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from bilat.config import Options
from bilat.ingest import ingest
from bilat.pipeline import ingest_and_extract
from bilat.record import rebuild_record
from bilat.serve import create_app
from bilat.store import Store
from bilat.store import queries as q
from bilat.store.judgements import add_judgement
from conftest import CORPUS, asgi_get

PAGES = [
    "/",
    "/commitments",
    "/agreements?include_rejected=1",
    "/figures?measure=trade_turnover",
    "/conflicts",
]


@pytest.fixture
def built(store: Store, options: Options) -> Store:
    names = ["c01_tass_putin_xi_call.txt", "c02_xinhua_xi_putin_call.txt"]
    ingest_and_extract(store, [str(CORPUS / n) for n in names], options)
    return store


def _bodies(app: Any) -> list[str]:
    out = []
    for page in PAGES:
        r = asgi_get(app, page)
        assert r.status_code == 200, (page, r.text[:300])
        out.append(r.text)
    return out


def _kept(app: Any) -> int:
    return len(app.state.bilat.kept._bodies)


@contextmanager
def _app(db_url: str, options: Options) -> Iterator[Any]:
    app = create_app(db_url, None, options)
    try:
        yield app
    finally:
        app.state.bilat.close()


def _fresh(db_url: str, options: Options) -> list[str]:
    """The pages as an app that kept nothing makes them."""
    with _app(db_url, options) as app:
        return _bodies(app)


def test_a_page_is_kept_per_url_until_the_store_changes(
    built: Store, options: Options, db_url: str
) -> None:
    when = built.db.scalar("SELECT built_at FROM record_meta WHERE id = 1")
    with _app(db_url, options) as app:
        first = _bodies(app)
        assert _kept(app) == len(PAGES)
        assert _bodies(app) == first and _kept(app) == len(PAGES), "nothing changed: kept"
        with built.transaction():
            ingest(built, [str(CORPUS / "c03_globaltimes_call_analysis.txt")], options)
        stale = _bodies(app)
        assert _kept(app) == 2 * len(PAGES), "a write: every page made again"
        assert stale[0] != first[0], "the overview lists the new article"
        rebuild_record(built)  # as a new app would on start
        with built.transaction():  # in the second of the first build (built_at is to the second)
            built.db.execute("UPDATE record_meta SET built_at = ? WHERE id = 1", (when,))
        assert _bodies(app) == _fresh(db_url, options)
        assert _kept(app) == 3 * len(PAGES)


def test_a_review_and_a_rebuild_make_the_pages_again(
    built: Store, options: Options, db_url: str
) -> None:
    with _app(db_url, options) as app:
        _bodies(app)
        event = q.item_rows(built.db, "events")[0]
        with built.transaction():
            add_judgement(built.db, "events", int(event["id"]), "reject", "t")
        rebuild_record(built)
        reviewed = _bodies(app)
        assert _kept(app) == 2 * len(PAGES)
        assert reviewed == _fresh(db_url, options)
