"""The JSON API under /api. Each view parses input, calls one function, returns its result.

Reads are open; writes (`POST /api/documents`, `POST /api/review`, `DELETE /api/review/{id}`)
need `Authorization: Bearer <token>`. Errors: see `bilat.serve.app.error_body`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from bilat.serve import actor_page, lists, one_item, queries, record_pages, statement_pages
from bilat.serve.app import AppState
from bilat.serve.csv_out import conflict_rows, csv_response
from bilat.serve.guard import token_problem
from bilat.serve.record import conflict_header
from bilat.serve.write import ingest_article, rebuild_record
from bilat.store import PageFilter, Store, judgements
from bilat.store.queries import document_names

__all__ = ["router"]


class ErrorDetail(BaseModel):
    status: int
    message: str
    detail: Any = None


class ErrorOut(BaseModel):
    """Every API error has this shape."""

    ok: Literal[False]
    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (401, 403, 404, 413, 422, 500)
}
router = APIRouter(prefix="/api", responses=_ERRORS)
MAX_ID = 2**63 - 1  # ids are 64-bit in both stores: a larger one is a 422, never a 500
MAX_OFFSET = 1_000_000_000


class ArticleIn(BaseModel):
    """An article to ingest (the same fields as an ingested .json file)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="ISO date")
    name: str | None = Field(None, max_length=120, description="document name (file-safe)")


class ReviewIn(BaseModel):
    """One review action on one extracted item."""

    model_config = ConfigDict(extra="forbid")
    item_type: Literal["events", "figures", "agreements", "commitments", "actors"]
    item_id: int = Field(ge=1, le=MAX_ID)
    action: Literal["accept", "edit", "reject"]
    payload: dict[str, Any] | None = None
    author: str = Field(min_length=1, max_length=100)


def state(request: Request) -> AppState:
    st: AppState = request.app.state.bilat
    return st


State = Annotated[AppState, Depends(state)]
Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Day = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]


def _dates(since: Day = None, until: Day = None) -> dict[str, str | None]:
    return {"since": since, "until": until}


Dates = Annotated[dict[str, str | None], Depends(_dates)]  # entries overlapping the range
Cursor = Annotated[
    str | None, Query(pattern=lists.CURSOR, description="the `next` cursor of the previous page")
]
After = Annotated[int, Query(ge=-1, le=MAX_ID, description="`next` of the previous page")]
ConflictCursor = Annotated[
    str,
    Query(
        pattern=statement_pages.CONFLICT_CURSOR,
        description="`after` of the Link next URL (m…: the conflicts reviews settled)",
    ),
]
ListLimit = Annotated[int, Query(ge=1, le=500, description="page size (CSV: every page)")]
WithRejected = Annotated[bool, Query(description="keep rejected items (marked)")]
Format = Annotated[
    Literal["json", "csv"],
    Query(description="json, or csv: the list as flat columns (a spreadsheet opens it)"),
]
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


def _list(
    path: str, summary: str, model: Any = list[dict[str, Any]], **kw: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A GET route for a list that also answers `?format=csv`."""
    return router.get(path, summary=summary, response_model=model, responses=_CSV, **kw)


def _out(data: Any, fmt: str, name: str, rows: Callable[[Any], list[Any]] | None = None) -> Any:
    """`data` as JSON, or its list (`rows(data)`, default `data` itself) as a CSV download."""
    if fmt != "csv":
        return data
    return csv_response(rows(data) if rows else data, name)


def _items(data: dict[str, Any]) -> list[Any]:
    items: list[Any] = data["items"]
    return items


def require_token(request: Request) -> None:
    """Writes need the configured bearer token; with none configured they are off (403)."""
    problem = token_problem(request.headers.get("authorization", ""), state(request).token)
    if problem is not None:
        status, message = problem
        raise HTTPException(status, message, headers=_challenge(status))


def _challenge(status: int) -> dict[str, str] | None:
    return {"WWW-Authenticate": "Bearer"} if status == 401 else None


Writer = Annotated[None, Depends(require_token)]


@_list("/documents", "List or full-text search documents", dict[str, Any])
def list_documents(
    st: State,
    q: str | None = None,
    status: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    with st.use() as store:
        data = queries.documents(store, text=q, status=status, limit=limit, offset=offset)
    return _out(data, format, "documents", _items)


@router.get("/documents/{key}", summary="One document: original text, clean text, items")
def get_document(st: State, key: str) -> dict[str, Any]:
    with st.use() as store:
        return queries.document_detail(store, key)


@router.post("/documents", status_code=201, summary="Ingest one article (token required)")
def post_document(st: State, _: Writer, body: ArticleIn) -> JSONResponse:
    with st.write() as store:
        result = ingest_article(store, st.options, body.model_dump())
    return JSONResponse({"ok": True, **result}, 201 if result["created"] else 200)


@_list("/actors", "Canonical actors")
def list_actors(st: State, format: Format = "json") -> Any:
    with st.use() as store:
        return _out(queries.actors(store), format, "actors")


@router.get(
    "/actors/{name}",
    summary="One actor: roles; its newest events, figures said, agreements (`more`: older ones)",
)
def get_actor(st: State, name: str) -> dict[str, Any]:
    with st.use() as store:
        return actor_page.actor_detail(store, name)


def _link_next(request: Request, response: Response, after: str | None) -> None:
    """A page's next page, as a `Link: <url>; rel="next"` header (the body stays a list)."""
    if after is not None:
        url = request.url.include_query_params(after=after)
        response.headers["Link"] = f'<{url}>; rel="next"'


def _paged(
    st: AppState,
    http: tuple[Request, Response],
    kind: str,
    f: Any,
    include_rejected: bool,
    after: str | None,
    limit: int,
    format: str,
) -> Any:
    """One page of `lists.<kind>_page` (its next page in the Link header), or as CSV every
    page (`queries.<kind>`, the whole list)."""
    with st.use() as store:
        if format == "csv":
            whole = getattr(queries, kind)
            return _out(whole(store, **asdict(f), include_rejected=include_rejected), format, kind)
        page_of = getattr(lists, f"{kind}_page")
        page = page_of(store, f, include_rejected=include_rejected, after=after, limit=limit)
    _link_next(*http, page.next)
    return page.items


@_list("/events", "Event mentions with their clusters, newest first, paged (header Link next)")
def list_events(
    st: State,
    request: Request,
    response: Response,
    actor: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    include_rejected: WithRejected = False,
    after: Cursor = None,
    limit: ListLimit = 100,
    format: Format = "json",
) -> Any:
    f = lists.EventFilters(actor, type, mode, since, until, status)
    return _paged(st, (request, response), "events", f, include_rejected, after, limit, format)


@_list("/figures", "Figure claims, paged (header Link next; CSV: every page)")
def list_figures(
    st: State,
    request: Request,
    response: Response,
    dates: Dates,
    measure: str | None = None,
    period: str | None = None,
    flow: str | None = None,
    include_rejected: WithRejected = False,
    after: Cursor = None,
    limit: ListLimit = 100,
    format: Format = "json",
) -> Any:
    f = lists.FigureFilters(measure, period, flow, dates["since"], dates["until"])
    return _paged(st, (request, response), "figures", f, include_rejected, after, limit, format)


StatementCursor = Annotated[
    str | None,
    Query(pattern=statement_pages.STATEMENT_CURSOR, description="`after` of the Link next URL"),
]


def _statements(kind: str, summary: str) -> None:
    """`GET /api/agreements` and `/api/commitments`: `{items, <per-thing view>}`, a page of
    each (their cursor in the Link next header), the histories and statuses slim
    (`statement_pages.slim_entry`: counts for their lists, `url` for the whole); the CSV has
    every statement (items), each with its quote."""
    fetch = getattr(queries, kind)

    @_list(f"/{kind}", summary, dict[str, Any], name=f"list_{kind}")
    def view(
        st: State,
        request: Request,
        response: Response,
        dates: Dates,
        include_rejected: WithRejected = False,
        after: StatementCursor = None,
        limit: ListLimit = 25,
        format: Format = "json",
    ) -> Any:
        with st.use() as store:
            if format == "csv":
                data = fetch(store, include_rejected=include_rejected, **dates)
                return _out(data, format, kind, _items)
            page = statement_pages.statements_page(
                store,
                kind,
                after=after,
                limit=limit,
                include_rejected=include_rejected,
                since=dates.get("since"),
                until=dates.get("until"),
                slim=True,
            )
        _link_next(request, response, page.next)
        return page.body(kind)


_statements(
    "agreements",
    "Agreement statements and histories, a page of each (header Link next; CSV: every statement)",
)
_statements(
    "commitments",
    "Commitment statements and their statuses against the figures, a page of each (header "
    "Link next; CSV: every statement)",
)


def _by_key(name: str, path: str, summary: str, read: Callable[[Store, str], Any]) -> None:
    """GET `path` (ending in `{key:path}`): `read(store, key)`."""

    def get(st: State, key: str) -> Any:
        with st.use() as store:
            return read(store, key)

    get.__name__ = name
    router.get(path, summary=summary)(get)


_by_key(
    "get_agreement",
    "/agreements/{key:path}",
    "One agreement history (by its id or a statement's) with every statement, reviewed",
    one_item.agreement_history,
)


@router.get(
    "/commitments/{key}",
    summary="One commitment statement (by its id) and the status citing it, with every "
    "source, dissenting and reported figure",
)
def get_commitment(st: State, key: str) -> dict[str, Any]:
    with st.use() as store:
        statement, status = one_item.commitment(store, key)
    return {"statement": statement, "status": status}


_by_key(
    "get_conflict",
    "/conflicts/{key:path}",
    "One conflict (by its id, measure|flow|period|unit|topic) with every claim, reviewed",
    one_item.conflict,
)


@_list(
    "/conflicts",
    "Figures whose sources cannot all be right, paged, without their claims "
    "(`/api/conflicts/{id}` has them; header Link next; CSV: every page, one row per claim)",
)
def list_conflicts(
    st: State,
    request: Request,
    response: Response,
    dates: Dates,
    include_rejected: WithRejected = False,
    after: ConflictCursor = "-1",
    limit: ListLimit = 25,
    format: Format = "json",
) -> Any:
    """Open conflicts in record order, a page at a time; with `include_rejected` then the
    conflicts reviews settled (cursor `m<position>`)."""
    with st.use() as store:
        if format != "csv":
            if include_rejected:
                page = statement_pages.conflicts_page(store, after=after, limit=limit, **dates)
            else:
                at = MAX_ID if after.startswith("m") else min(int(after), MAX_ID)
                page = record_pages.conflicts_page(
                    store, after=at, limit=limit, named=(0, 0), **dates
                )  # headers: no claim's row
            _link_next(request, response, page.next)
            return [conflict_header(c) for c in page.items]
        data = queries.conflicts(store, include_rejected=include_rejected, **dates)
        urls = {i: d.get("url") for i, d in document_names(store.db).items()}
    return _out(data, format, "conflicts", lambda d: conflict_rows(d, urls))


RecordPart = Literal[
    "events", "conflicts", "series", "commitments", "agreements", "actors", "documents"
]


@_list(
    "/record/{part}", "One part of the reconciled record, paged (`after` = `next`)", dict[str, Any]
)
def record_part(
    st: State,
    request: Request,
    part: RecordPart,
    after: After = -1,
    limit: Limit = 50,
    since: Day = None,
    until: Day = None,
    measure: str | None = None,
    status: str | None = None,
    format: Format = "json",
) -> Any:
    """Entries in record order, each page one index range from the last one; the CSV holds
    every page."""
    where = PageFilter(since, until, measure, status)
    with st.use() as store:
        page = store.record_page(part, after=after, limit=limit, where=where)
        if format == "csv":
            items = list(page.items)
            while page.next is not None:
                page = store.record_page(part, after=page.next, limit=500, where=where)
                items += page.items
            return csv_response(items, part)
    link = str(request.url.include_query_params(after=page.next)) if page.next else None
    return {"items": page.items, "next": page.next, "next_url": link}


@_list(
    "/search", "Search documents (full text) and items (quotes) (CSV: the items)", dict[str, Any]
)
def search(
    st: State,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 20,
    format: Format = "json",
) -> Any:
    with st.use() as store:
        data = queries.search(store, q, limit)
    return _out(data, format, "search", _items)


@router.get("/stats", summary="Counts for the overview")
def stats(st: State) -> dict[str, Any]:
    with st.use() as store:
        return queries.stats(store)


@_list("/review", "Review history (revoked judgements included)")
def review_history(
    st: State,
    item_type: str | None = None,
    item_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    format: Format = "json",
) -> Any:
    with st.use() as store:
        data = judgements.list_judgements(store.db, item_type, item_id)
    return _out(data, format, "review")


@router.get("/review/queue", summary="Unreviewed items, the ones conclusions rest on first")
def review_queue(st: State, limit: Limit = 50) -> dict[str, Any]:
    from bilat.review_queue import review_queue as queue

    with st.use() as store:
        return queue(store, limit)


@router.post("/review", status_code=201, summary="Accept, edit or reject an item (token)")
def post_review(st: State, _: Writer, body: ReviewIn) -> dict[str, Any]:
    with st.write() as store:
        made = judgements.add_judgement(
            store.db, body.item_type, body.item_id, body.action, body.author, body.payload
        )
        rebuild_record(store)  # every conclusion drawn from the item follows the review
        return made


@router.delete("/review/{judgement_id}", summary="Revoke a review judgement (token)")
def delete_review(
    st: State, _: Writer, judgement_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> dict[str, Any]:
    with st.write() as store:
        revoked = judgements.revoke_judgement(store.db, judgement_id)
        rebuild_record(store)
        return revoked


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A local API reference built from the OpenAPI spec (no CDN assets)."""
    from bilat.serve.pages import render_api_docs

    return HTMLResponse(render_api_docs(request.app.openapi()))
