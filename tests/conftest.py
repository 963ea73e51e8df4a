"""Shared fixtures: a store on SQLite and on live PostgreSQL, the sample corpus, the seeds.

PostgreSQL tests need BILAT_TEST_PG (set by `make test` through scripts/pg-start.sh). Without
it they skip locally, but fail under CI (CI=true), where a skipped backend would hide breakage.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from bilat.config import Options, load_options
from bilat.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEV_GOLD = SHARED / "eval" / "gold"


def extract_russian(text: str, published: str | None) -> Any:
    """The extraction of a Russian text as one document published on `published`."""
    from bilat.extract.nlp_ru import parse_ru
    from bilat.extract.pipeline import extract_document
    from bilat.offsets import OffsetMap
    from bilat.records import Document

    doc = Document(
        0, "t.txt", 1, "", text, text, OffsetMap.identity(len(text)), None, published,
        None, None, "ru", "ok", None, {}, "",
    )  # fmt: skip
    return extract_document(doc, parse_ru(text))


def extract_text(text: str, published: str | None) -> Any:
    """The extraction of an English or Russian text as one document, its pair detected."""
    from bilat.extract.nlp import load_nlp
    from bilat.extract.nlp_ru import parse_ru
    from bilat.extract.pipeline import extract_document
    from bilat.extract.wordre import mostly_cyrillic
    from bilat.offsets import OffsetMap
    from bilat.records import Document

    ru = mostly_cyrillic(text)
    doc = Document(
        0, "t.txt", 1, "", text, text, OffsetMap.identity(len(text)), None, published,
        None, None, "ru" if ru else "en", "ok", None, {}, "",
    )  # fmt: skip
    parsed = parse_ru(text) if ru else load_nlp()(text)
    return extract_document(doc, parsed, auto_pair=True)


def asgi_get(app: Any, url: str) -> httpx.Response:
    """GET `url` from the app in process (httpx's ASGI transport)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get(url)

    return asyncio.run(go())


@contextmanager
def extracted_store(folder: Path, db: Path) -> Iterator[Store]:
    """A SQLite store with every article of `folder` ingested (no dedupe) and extracted."""
    from bilat.extract import run_extraction
    from bilat.ingest import ingest

    options = load_options(None, db=str(db))
    store = open_store(str(db))
    try:
        ingest(store, [str(folder)], options, dedupe_enabled=False)
        _done, failed = run_extraction(store, options.extract)
        assert not failed, failed
        yield store
    finally:
        store.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def _pg_url() -> str:
    base = os.environ.get("BILAT_TEST_PG")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("BILAT_TEST_PG is not set under CI: PostgreSQL tests cannot run")
        pytest.skip("BILAT_TEST_PG not set (run `make test` to start PostgreSQL)")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def _drop_pg(url: str) -> None:
    import psycopg

    base, _, opts = url.partition("?options=-csearch_path%3D")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {opts} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "bilat.db")
        return
    url = _pg_url()
    yield url
    _drop_pg(url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def options(db_url: str) -> Options:
    return load_options(None, db=db_url)


@pytest.fixture
def sqlite_options(tmp_path: Path) -> Options:
    return load_options(None, db=str(tmp_path / "bilat.db"))


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A SQLite store with the sample corpus and test_api's probes, extracted and reconciled."""
    from test_api import fill_store

    tmp = tmp_path_factory.mktemp("filled")
    db = str(tmp / "bilat.db")
    store = open_store(db)
    try:
        fill_store(store, load_options(None, db=db), tmp)
        yield store
    finally:
        store.close()
