"""The JSON API under /api. Each view parses input, calls one function, returns its result.

Reads are open; writes (`POST /api/documents`, `POST /api/review`, `DELETE /api/review/{id}`)
need `Authorization: Bearer <token>`. Errors: see `bilat.serve.app.error_body`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from bilat.serve import queries
from bilat.serve.app import AppState
from bilat.serve.guard import token_problem
from bilat.serve.write import ingest_article
from bilat.store import judgements

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
WithRejected = Annotated[bool, Query(description="keep rejected items (marked)")]


def require_token(request: Request) -> None:
    """Writes need the configured bearer token; with none configured they are off (403)."""
    problem = token_problem(request.headers.get("authorization", ""), state(request).token)
    if problem is not None:
        status, message = problem
        raise HTTPException(status, message, headers=_challenge(status))


def _challenge(status: int) -> dict[str, str] | None:
    return {"WWW-Authenticate": "Bearer"} if status == 401 else None


Writer = Annotated[None, Depends(require_token)]


@router.get("/documents", summary="List or full-text search documents")
def list_documents(
    st: State,
    q: str | None = None,
    status: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with st.use() as store:
        return queries.documents(store, text=q, status=status, limit=limit, offset=offset)


@router.get("/documents/{key}", summary="One document: original text, clean text, items")
def get_document(st: State, key: str) -> dict[str, Any]:
    with st.use() as store:
        return queries.document_detail(store, key)


@router.post("/documents", status_code=201, summary="Ingest one article (token required)")
def post_document(st: State, _: Writer, body: ArticleIn) -> JSONResponse:
    with st.write() as store:
        result = ingest_article(store, st.options, body.model_dump())
    return JSONResponse({"ok": True, **result}, 201 if result["created"] else 200)


@router.get("/actors", summary="Canonical actors")
def list_actors(st: State) -> list[dict[str, Any]]:
    with st.use() as store:
        return queries.actors(store)


@router.get("/actors/{name}", summary="One actor: roles, events, figures said, agreements")
def get_actor(st: State, name: str) -> dict[str, Any]:
    with st.use() as store:
        return queries.actor_detail(store, name)


@router.get("/events", summary="Event mentions with their clusters")
def list_events(
    st: State,
    actor: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    include_rejected: WithRejected = False,
) -> list[dict[str, Any]]:
    with st.use() as store:
        return queries.events(
            store,
            actor=actor,
            type=type,
            mode=mode,
            since=since,
            until=until,
            status=status,
            include_rejected=include_rejected,
        )


@router.get("/figures", summary="Figure claims")
def list_figures(
    st: State,
    measure: str | None = None,
    period: str | None = None,
    flow: str | None = None,
    include_rejected: WithRejected = False,
) -> list[dict[str, Any]]:
    with st.use() as store:
        return queries.figures(
            store, measure=measure, period=period, flow=flow, include_rejected=include_rejected
        )


@router.get("/agreements", summary="Agreement statements and histories")
def list_agreements(st: State, include_rejected: WithRejected = False) -> dict[str, Any]:
    with st.use() as store:
        return queries.agreements(store, include_rejected=include_rejected)


@router.get("/commitments", summary="Commitments and their status against the figures")
def list_commitments(st: State, include_rejected: WithRejected = False) -> dict[str, Any]:
    with st.use() as store:
        return queries.commitments(store, include_rejected=include_rejected)


@router.get("/conflicts", summary="Figures whose sources cannot all be right")
def list_conflicts(st: State, include_rejected: WithRejected = False) -> list[dict[str, Any]]:
    with st.use() as store:
        return queries.conflicts(store, include_rejected=include_rejected)


@router.get("/search", summary="Search documents (full text) and items (quotes)")
def search(
    st: State,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 20,
) -> dict[str, Any]:
    with st.use() as store:
        return queries.search(store, q, limit)


@router.get("/stats", summary="Counts for the overview")
def stats(st: State) -> dict[str, Any]:
    with st.use() as store:
        return queries.stats(store)


@router.get("/review", summary="Review history (revoked judgements included)")
def review_history(
    st: State,
    item_type: str | None = None,
    item_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> list[dict[str, Any]]:
    with st.use() as store:
        return judgements.list_judgements(store.db, item_type, item_id)


@router.post("/review", status_code=201, summary="Accept, edit or reject an item (token)")
def post_review(st: State, _: Writer, body: ReviewIn) -> dict[str, Any]:
    with st.write() as store:
        return judgements.add_judgement(
            store.db, body.item_type, body.item_id, body.action, body.author, body.payload
        )


@router.delete("/review/{judgement_id}", summary="Revoke a review judgement (token)")
def delete_review(
    st: State, _: Writer, judgement_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> dict[str, Any]:
    with st.write() as store:
        return judgements.revoke_judgement(store.db, judgement_id)


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A local API reference built from the OpenAPI spec (no CDN assets)."""
    from bilat.serve.pages import render_api_docs

    return HTMLResponse(render_api_docs(request.app.openapi()))
