"""The web app: `create_app(store_url, token)` -> FastAPI with the JSON API and the dashboard.

Every error leaves the API in one shape (`error_body`); pages get the same message as HTML.
One store connection is shared by all requests, guarded by a lock (SQLite connections and
PostgreSQL transactions are not for concurrent use).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.config import Options, load_options
from bilat.errors import BilatError, InputRejected, NotFound, ReviewError, StoreError
from bilat.pairview import resolve_pair
from bilat.serve.guard import BodyGuard
from bilat.serve.kept import Kept
from bilat.store import Store, open_store

__all__ = ["AppState", "create_app", "error_body", "request_pair"]

log = logging.getLogger("bilat.serve")

_SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


MAX_READERS = 8  # read connections per server (the machine has 2 cores; more only queue)
READ_WAIT = 30.0  # seconds a request waits for a free read connection before a 503

_PAIR: ContextVar[str | None] = ContextVar("bilat_pair", default=None)


def request_pair() -> str | None:
    """The pair key this request reads (`?pair=`, else the configured pair; None = all)."""
    return _PAIR.get()


@dataclass
class AppState:
    """What every view needs: the store, options and the write token.

    Reads borrow a connection from a pool of at most `MAX_READERS` (`use`), so readers do not
    wait for a write (SQLite in WAL mode and PostgreSQL both let readers run beside a writer)
    and only for each other past that many; writes share one connection behind a lock
    (`write`)."""

    store: Store
    options: Options
    token: str | None
    lock: threading.RLock = field(default_factory=threading.RLock)
    kept: Kept = field(default_factory=Kept)  # pages made per store state (bilat.serve.kept)
    _idle: queue.LifoQueue[Store] = field(default_factory=queue.LifoQueue)
    _readers: list[Store] = field(default_factory=list)
    _pool_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def use(self) -> Iterator[Store]:
        """A read connection for one request, reading the record of the request's pair; its
        transaction ends with it."""
        store = self._borrow()
        try:
            with _snapshot(store):
                yield store.for_pair(request_pair())
        finally:
            self._idle.put(store)

    def _borrow(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._pool_lock:
            grow = len(self._readers) < MAX_READERS
            if grow:
                store = open_store(self.store.db.url, migrate=False)
                _repeatable(store)
                self._readers.append(store)
        if grow:
            return store
        try:
            return self._idle.get(timeout=READ_WAIT)
        except queue.Empty:
            busy = f"the server is busy: no read connection free in {READ_WAIT:g}s"
            raise StoreError(busy) from None

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The write connection, one request at a time."""
        with self.lock, _ending(self.store):
            yield self.store

    def close(self) -> None:
        with self.lock, self._pool_lock:
            for store in [*self._readers, self.store]:
                store.close()
            self._readers.clear()


@contextmanager
def _ending(store: Store) -> Iterator[None]:
    """End the request's transaction (PostgreSQL opens one on the first statement)."""
    try:
        yield
    except BaseException:
        if store.db.dialect == "postgresql":
            store.db.conn.rollback()
        raise
    else:
        if store.db.dialect == "postgresql":
            store.db.conn.commit()


@contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """A read request sees one state of the store: the record parts and item rows it reads
    come from one commit even when a rebuild commits meanwhile (SQLite: a deferred read
    transaction, which takes no lock a writer waits for; PostgreSQL: the request's
    transaction, REPEATABLE READ on reader connections)."""
    if store.db.dialect != "sqlite":
        with _ending(store):
            yield
        return
    store.db.conn.execute("BEGIN")
    try:
        yield
    finally:
        if store.db.conn.in_transaction:
            store.db.conn.execute("ROLLBACK")


def _repeatable(store: Store) -> None:
    if store.db.dialect == "postgresql":
        import psycopg

        store.db.conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    """The one JSON error shape of the API."""
    return {"ok": False, "error": {"status": status, "message": message, "detail": detail}}


def _status_of(exc: BilatError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, ReviewError | InputRejected):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 500


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(
    request: Request,
    status: int,
    message: str,
    detail: Any = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(status, message, detail), status, headers=headers)
    from bilat.serve.pages import render_error

    return HTMLResponse(render_error(status, message), status, headers=headers)


_MESSAGES = {404: "not found", 405: "method not allowed", 401: "authentication required"}


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else _MESSAGES.get(exc.status_code, "")
    if exc.status_code == 404 and message == "Not Found":
        message = f"no route {request.url.path}"
    headers = dict(exc.headers) if exc.headers else None
    return _error(request, exc.status_code, message or "error", None, headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
        for e in exc.errors()
    ]
    return _error(request, 422, "invalid request", detail)


async def _bilat_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BilatError)
    status = _status_of(exc)
    if status >= 500:
        log.error("%s: %s", request.url.path, exc)
    return _error(request, status, str(exc), type(exc).__name__)


class Edge:
    """Outermost middleware: security headers on every response; any unexpected exception
    becomes a 500 in the error shape (and is logged)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.encode(), v.encode())
                    for k, v in _SECURITY_HEADERS.items()
                    if k.encode() not in names
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            response = _error(Request(scope), 500, "internal server error")
            await response(scope, receive, with_headers)


class PairOfRequest:
    """Reads `?pair=` on every request (API and pages) into `request_pair()`; a value that is
    no pair is a 422 naming it."""

    def __init__(self, app: ASGIApp, options: Options) -> None:
        self.app, self.options = app, options

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            pair = resolve_pair(request.query_params.get("pair"), self.options)
        except ValueError as exc:
            await _error(request, 422, str(exc), "pair")(scope, receive, send)
            return
        token = _PAIR.set(pair)
        try:
            await self.app(scope, receive, send)
        finally:
            _PAIR.reset(token)


def max_body(options: Options) -> int:
    """Largest request body accepted: an article of `ingest.max_chars` characters, each
    escaped as JSON at worst (6 bytes), plus room for the other fields."""
    return 6 * options.ingest.max_chars + 64_000


def _guard_response(scope: Scope, status: int, message: str) -> ASGIApp:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status == 413:
        headers = {"Connection": "close"}  # the unread body is not drained
    return _error(Request(scope), status, message, None, headers)


def create_app(store_url: str, token: str | None, options: Options | None = None) -> FastAPI:
    """The app over the store at `store_url`; writes need `token` (none: writes are off)."""
    from bilat.serve import api, figure_page, pages, permalinks, report

    opts = options or load_options(None, db=store_url)
    state = AppState(open_store(store_url), opts, token or None)
    with _ending(state.store):  # PostgreSQL: no transaction (and its locks) left open
        if not state.store.keep_record_current() and state.store.record_built():
            from bilat.record import rebuild_record

            rebuild_record(state.store)  # a rebuild was cut short, or the store changed since
    pages.set_pair(opts.extract.pair)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="bilat",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        description="A sourced, reconciled record of a bilateral relationship.",
    )
    app.state.bilat = state
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BilatError, _bilat_error)
    app.add_middleware(PairOfRequest, options=opts)
    app.add_middleware(
        BodyGuard,
        max_body=max_body(opts),
        token=lambda: state.token,
        respond=_guard_response,
    )
    app.add_middleware(Edge)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(figure_page.router)
    app.include_router(permalinks.router)
    app.include_router(report.router)
    app.mount("/static", StaticFiles(packages=[("bilat.serve", "static")]), name="static")
    return app
