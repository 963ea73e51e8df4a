"""Server-rendered dashboard pages (Jinja2, autoescaped; light JS in static/app.js).

Each page view reads its query parameters, calls the functions in `queries`, and renders.
"""

from __future__ import annotations

from typing import Annotated, Any, cast
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from bilat.reconcile import pair_key
from bilat.serve import commitment_view, lists, queries, record_pages, statement_pages
from bilat.serve.actor_page import actor_detail
from bilat.serve.app import AppState, request_pair
from bilat.serve.charts import chart_key
from bilat.serve.charts.svg import points_svg
from bilat.serve.fmt import (
    amount,
    flow_label,
    human_reason,
    measure_name,
    period_key,
    period_label,
    qualifier_sign,
)
from bilat.serve.highlight import Span, segments
from bilat.serve.kept import kept_page
from bilat.serve.lists import timeline
from bilat.store import Store
from bilat.store.judgements import EDITABLE

__all__ = [
    "claims_by_chart",
    "csv_href",
    "environment",
    "pair_context",
    "render",
    "render_api_docs",
    "render_error",
    "router",
    "safe_url",
    "timeline",
]

router = APIRouter(include_in_schema=False)
TIMELINE_PAGE = 100  # event mentions per timeline page
OVERVIEW_MENTIONS = 40  # newest mentions read for the overview's latest events
RECORD_PAGE = {"conflicts": 25, "commitments": 10, "agreements": 50}  # entries per page
CLAIMS_SHOWN = 5  # claims of each position of a conflict on /conflicts (its permalink: all)
POSITIONS_SHOWN = 6  # positions of a conflict on /conflicts, most sources first (permalink: all)
HISTORY_SHOWN = 20  # latest statements of each agreement history on /agreements (the
# permalink has them all): a history repeating its title every year can cite thousands
ConflictAfter = Annotated[
    str | None, Query(pattern=statement_pages.CONFLICT_CURSOR, description="`next` of a page")
]
StatementAfter = Annotated[
    str | None, Query(pattern=statement_pages.STATEMENT_CURSOR, description="`next` of a page")
]
Cursor = Annotated[str | None, Query(pattern=lists.CURSOR, description="`next` of a page")]
_ENV: Environment | None = None
_NAV = (
    ("/", "Overview"),
    ("/timeline", "Timeline"),
    ("/figures", "Figures"),
    ("/conflicts", "Conflicts"),
    ("/commitments", "Commitments"),
    ("/agreements", "Agreements"),
    ("/actors", "Actors"),
    ("/documents", "Documents"),
    ("/review", "Review"),
    ("/brief", "Brief"),
)


def csv_href(api_path: str, request: Request, **extra: Any) -> str:
    """The API's CSV of exactly what a list page shows: the page's own query (filters, `pair`)
    with empty fields dropped, `extra` (e.g. paging) and `format=csv`; every page of it (no
    `after` cursor)."""
    params = [
        (k, v) for k, v in request.query_params.multi_items() if v and k not in ("page", "after")
    ]
    params += [(k, str(v)) for k, v in extra.items() if v is not None]
    return f"{api_path}?{urlencode([*params, ('format', 'csv')])}"


def safe_url(url: str | None) -> str | None:
    """`url` if it is an http(s) link, else None (never render javascript: or data: links)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def environment() -> Environment:
    global _ENV
    if _ENV is None:
        env = Environment(
            loader=PackageLoader("bilat.serve", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters.update(
            amount=amount,
            measure=measure_name,
            qsign=qualifier_sign,
            safe_url=safe_url,
            flow=flow_label,
            period=period_label,
            reason=human_reason,
            words=lambda v: str(v or "").replace("_", " "),
            rel=lambda r: {">=": "≥", "<=": "≤"}.get(r, r),
        )
        env.globals.update(nav=_NAV, editable=EDITABLE, pair="Russia–China", points_svg=points_svg)
        _ENV = env
    return _ENV


def pair_label(pair: tuple[str, ...]) -> str:
    """'Russia–China' for ("RU", "CN"): the tracked pair's common state names."""
    from bilat.extract.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    return "–".join(gaz.state(code).name for code in pair)


def set_pair(pair: tuple[str, str]) -> None:
    """Pages name the configured pair, not a fixed one."""
    environment().globals["pair"] = pair_label(pair)
    environment().globals["default_pair"] = pair_key(*pair)
    environment().globals["default_codes"] = pair


def pair_context(store: Store) -> dict[str, Any]:
    """The header's pair: its name, the `?pair=` to keep in links, and a switcher (every
    pair the record holds, with its item count)."""
    env = environment().globals
    current, default = request_pair(), str(env.get("default_pair") or "")
    every = store.record_pair_counts()
    counts = {p: n for p, n in every.items() if p}
    if default and default not in counts:
        counts = {default: 0, **counts}

    first = cast(tuple[str, ...], env.get("default_codes") or ())

    def label(key: str) -> str:
        if key == default:
            return str(env["pair"])
        rank = {c: i for i, c in enumerate(first)}
        return pair_label(tuple(sorted(key.split("-"), key=lambda c: rank.get(c, 2))))

    return {
        "pair": label(current) if current else "All pairs",
        "pair_q": "" if current == default else f"?pair={current or 'all'}",
        "pair_param": "" if current == default else current or "all",  # filter forms keep it
        "pair_links": [(k, label(k), n, k == current) for k, n in counts.items()],
        "unpaired": every.get("", 0),
    }


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_error(status: int, message: str) -> str:
    return render("error.html", status=status, message=message, path="")


def render_api_docs(spec: dict[str, Any]) -> str:
    ops = [
        (path, method.upper(), op)
        for path, methods in spec.get("paths", {}).items()
        for method, op in methods.items()
    ]
    return render("api_docs.html", ops=ops, spec=spec, path="/api/docs")


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    with _st(request).use() as store:
        pairs = pair_context(store)
    return HTMLResponse(render(template, path=request.url.path, **pairs, **context))


def _st(request: Request) -> AppState:
    st: AppState = request.app.state.bilat
    return st


def _opt(value: str | None) -> str | None:
    return value.strip() or None if value else None


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """Counts and the first few entries of each list: with a current record the counts are
    the maintained ones and each list is its first page (`record_pages`); kept while the
    store does not change (`bilat.serve.kept`)."""
    return kept_page(request, lambda: _overview(request))


def _overview(request: Request) -> HTMLResponse:
    with _st(request).use() as store:
        n = record_pages.overview_counts(store)
        if n is None:
            return _overview_whole(request, store)
        events = timeline(lists.events_page(store, limit=OVERVIEW_MENTIONS).items)
        shown = {
            "events": events[:8],
            "event_total": n["events"],
            "conflicts": record_pages.conflicts_page(store, limit=6, named=(0, 0)).items,
            "commitments": record_pages.commitments_page(
                store, limit=8, claims=False, latest=commitment_view.SHOWN
            ).items,
            # titles and statuses only: a current record's histories are the reviewed ones
            "agreements": store.record_page("agreements", limit=8, tail=1).items,
            "stats": queries.stats(store, n),
            "docs": queries.documents(store, limit=6),
        }
    return _page(request, "overview.html", **shown)


def _overview_whole(request: Request, store: Store) -> HTMLResponse:
    """The overview from the whole lists (a record not built, or stale)."""
    mentions = queries.events(store)
    conflicts = queries.conflicts(store)
    commitments = queries.commitments(store)["statuses"]
    agreements = queries.agreements(store)["histories"]
    n = queries.tally(mentions, queries.figures(store), conflicts, commitments, agreements)
    events = timeline(mentions)
    return _page(
        request,
        "overview.html",
        stats=queries.stats(store, n),
        events=events[:8],
        event_total=len(events),
        conflicts=conflicts,
        commitments=commitments,
        agreements=agreements,
        docs=queries.documents(store, limit=6),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    actor: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_rejected: bool = False,
    after: Cursor = None,
) -> HTMLResponse:
    """One page of TIMELINE_PAGE mentions (grouped into events), newest first; "Next page"
    keeps the filters."""
    f = {
        "actor": _opt(actor),
        "type": _opt(type),
        "mode": _opt(mode),
        "since": _opt(since),
        "until": _opt(until),
    }
    with _st(request).use() as store:
        page = lists.events_page(
            store,
            lists.EventFilters(**f),
            include_rejected=include_rejected,
            after=after,
            limit=TIMELINE_PAGE,
        )
        menus = lists.event_menus(store)
    return _page(
        request,
        "timeline.html",
        csv=csv_href("/api/events", request),
        groups=timeline(page.items),
        filters=f,
        include_rejected=include_rejected,
        next_href=_next(request, page.next),
        paged=after is not None,
        **menus,
    )


def _next(request: Request, after: str | None) -> str | None:
    """The same page's URL (path, filters, pair) from the cursor `after` on."""
    if after is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if v and k != "after"]
    return f"{request.url.path}?{urlencode([*params, ('after', after)])}"


def _range(since: str | None = None, until: str | None = None) -> dict[str, str | None]:
    """A list page's date range (`since`, `until`), as its form and CSV link keep it."""
    return {"since": _opt(since), "until": _opt(until)}


Dates = Annotated[dict[str, str | None], Depends(_range)]


def claims_by_chart(figs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in figs:
        out.setdefault(chart_key(f), []).append(f)
    for claims in out.values():
        claims.sort(key=lambda f: (period_key(f.get("period")), f.get("published") or ""))
    return out


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, dates: Dates, include_rejected: bool = False, after: ConflictAfter = None
) -> HTMLResponse:
    """25 open conflicts a page ("Next page" keeps the filters); with rejected claims, then
    the conflicts reviews settled; kept while the store does not change."""
    return kept_page(request, lambda: _conflicts(request, dates, include_rejected, after))


def _conflicts(
    request: Request, dates: dict[str, str | None], include_rejected: bool, after: str | None
) -> HTMLResponse:
    with _st(request).use() as store:
        if include_rejected:
            page = statement_pages.conflicts_page(
                store, after=after or "-1", limit=RECORD_PAGE["conflicts"], **dates
            )
        else:
            at = -1 if after is None else 2**63 - 1 if after.startswith("m") else int(after)
            page = record_pages.conflicts_page(
                store,
                after=at,
                limit=RECORD_PAGE["conflicts"],
                named=(POSITIONS_SHOWN, CLAIMS_SHOWN),
                **dates,
            )
    shown = {"conflicts": page.items, "include_rejected": include_rejected, "dates": dates}
    return _page(
        request,
        "conflicts.html",
        csv=csv_href("/api/conflicts", request),
        CLAIMS_SHOWN=CLAIMS_SHOWN,
        POSITIONS_SHOWN=POSITIONS_SHOWN,
        next_href=_next(request, page.next),
        **shown,
    )


def _entries(
    store: Store, kind: str, dates: dict[str, str | None], include_rejected: bool, after: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """(a page of commitment statuses or agreement histories, a page of the statements to
    list, the next cursor): the statements only when the record has none of these entries."""

    def page_at(cursor: str) -> statement_pages.Statements:
        return statement_pages.statements_page(
            store,
            kind,
            after=cursor,
            limit=RECORD_PAGE[kind],
            include_rejected=include_rejected,
            since=dates.get("since"),
            until=dates.get("until"),
            latest=HISTORY_SHOWN if kind == "agreements" else commitment_view.SHOWN,
        )

    page = page_at(after or "-1.x")  # the entries only, unless there are none (filtered)
    if after is None and not page.entries and page.next is None:
        page = page_at("x.0.0")  # then the statements only
    return page.entries, page.items, page.next


@router.get("/commitments", response_class=HTMLResponse)
def commitments_page(
    request: Request, dates: Dates, include_rejected: bool = False, after: StatementAfter = None
) -> HTMLResponse:
    """10 commitment statuses a page ("Next page" keeps the filters); kept while the store
    does not change."""
    return kept_page(request, lambda: _commitments(request, dates, include_rejected, after))


def _commitments(
    request: Request, dates: dict[str, str | None], include_rejected: bool, after: str | None
) -> HTMLResponse:
    with _st(request).use() as store:
        statuses, items, next_at = _entries(store, "commitments", dates, include_rejected, after)
    return _page(
        request,
        "commitments.html",
        csv=csv_href("/api/commitments", request),
        statuses=[commitment_view.shown(c) for c in statuses],
        SHOWN=commitment_view.SHOWN,
        items=items,
        dates=dates,
        include_rejected=include_rejected,
        next_href=_next(request, next_at),
    )


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(
    request: Request, dates: Dates, include_rejected: bool = False, after: StatementAfter = None
) -> HTMLResponse:
    """50 agreement histories a page ("Next page" keeps the filters); kept while the store
    does not change."""
    return kept_page(request, lambda: _agreements(request, dates, include_rejected, after))


def _agreements(
    request: Request, dates: dict[str, str | None], include_rejected: bool, after: str | None
) -> HTMLResponse:
    with _st(request).use() as store:
        histories, items, next_at = _entries(store, "agreements", dates, include_rejected, after)
    return _page(
        request,
        "agreements.html",
        csv=csv_href("/api/agreements", request),
        histories=histories,
        HISTORY_SHOWN=HISTORY_SHOWN,
        items=items,
        dates=dates,
        include_rejected=include_rejected,
        next_href=_next(request, next_at),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    with _st(request).use() as store:
        actors = queries.actors(store)
    return _page(request, "actors.html", actors=actors, csv=csv_href("/api/actors", request))


@router.get("/actors/{name}", response_class=HTMLResponse)
def actor_page(request: Request, name: str) -> HTMLResponse:
    with _st(request).use() as store:
        actor = actor_detail(store, name)
    return _page(request, "actor.html", actor=actor, groups=timeline(actor["events"]))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    q: str | None = None,
    status: str | None = None,
    page: Annotated[int, Query(ge=1, le=10_000_000)] = 1,
) -> HTMLResponse:
    limit = 25
    page = max(1, page)
    with _st(request).use() as store:
        docs = queries.documents(
            store, text=_opt(q), status=_opt(status), limit=limit, offset=(page - 1) * limit
        )
    pages = max(1, -(-docs["total"] // limit))
    return _page(
        request,
        "documents.html",
        csv=csv_href("/api/documents", request, limit=limit, offset=(page - 1) * limit),
        docs=docs,
        q=_opt(q) or "",
        status=_opt(status),
        page=page,
        pages=pages,
    )


@router.get("/documents/{key}", response_class=HTMLResponse)
def document_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        doc = queries.document_detail(store, key)
    spans = [
        Span(i["evidence"]["start"], i["evidence"]["end"], i["ref"], i["item_type"])
        for i in doc["items"]
        if i["review"]["state"] != "rejected"
    ]
    spans += [
        Span(m["evidence"]["start"], m["evidence"]["end"], m["ref"], "actors")
        for m in doc["mentions"]
        if m["review"]["state"] != "rejected"
    ]
    actors: dict[str, dict[str, Any]] = {}
    for m in doc["mentions"]:
        actors.setdefault(m["ref"], {**m, "count": 0})["count"] += 1
    groups = [
        (kind, [i for i in doc["items"] if i["item_type"] == kind])
        for kind in ("events", "figures", "agreements", "commitments")
    ]
    return _page(
        request,
        "document.html",
        doc=doc,
        segs=segments(doc["text"], spans),
        groups=groups,
        actors=list(actors.values()),
        url=safe_url(doc.get("url")),
    )


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, limit: int = 50) -> HTMLResponse:
    """The review queue: unreviewed items ranked by what rests on them (`bilat.review_queue`)."""
    from bilat.review_queue import review_queue

    with _st(request).use() as store:
        queue = review_queue(store, max(1, min(limit, 500)))
    return _page(request, "review.html", queue=queue)
