"""Permalink pages: one event, figure, agreement, commitment or conflict with its sources and
quotes, at a stable URL (`/events/{id}` …).

Ids are what the record and the store already use: an event's cluster id (`event:14:e0`) or any
of its mentions' row ids (`32`, `events-32`); a figure's or commitment's row id; an agreement's
history id (`agreement:7:a0`) or a row id; a conflict's key (`measure|flow|period|unit|topic`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat.humanize import amount, flow_label, period_label, qualified, relation_sign
from bilat.serve import one_item
from bilat.serve.pages import _page, _st

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Fact = tuple[str, str]


def _value(d: dict[str, Any]) -> str:
    return qualified(d.get("qualifier"), d["value"], d["unit"], d.get("value_max"), d.get("per"))


def _measure(measure: str | None) -> str:
    return (measure or "other").replace("_", " ").capitalize()


def _source(item: dict[str, Any], ref: str | None = None, extra: str = "") -> dict[str, Any]:
    """One report of an item: document, outlet, date, quote, original URL, review."""
    evidence = item.get("evidence") or {}
    return {
        "doc_id": item.get("doc_id"),
        "doc": item.get("doc") or item.get("doc_name"),
        "published": item.get("published"),
        "outlet": item.get("outlet"),
        "url": item.get("url"),
        "quote": evidence.get("quote") or item.get("quote") or "",
        "ref": ref or item.get("ref"),
        "review": item.get("review"),
        "extra": extra,
    }


def _permalink(
    request: Request,
    kind: str,
    title: str,
    facts: list[Fact],
    sources: list[dict[str, Any]],
    links: list[tuple[str, str]] | None = None,
    subtitle: str = "",
) -> HTMLResponse:
    return _page(
        request,
        "item.html",
        kind=kind,
        title=title,
        subtitle=subtitle,
        facts=[(k, v) for k, v in facts if v],
        sources=sources,
        links=links or [],
    )


@router.get("/events/{key:path}", response_class=HTMLResponse)
def event_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        g = one_item.event_group(store, key)
    who = ", ".join(g["participants"]) or "?"
    facts = [
        ("Type", f"{g['type']} · {g['mode']}"),
        ("Status", g["status"]),
        ("Date", g["date"] or "undated"),
        ("Place", g["place"] or ""),
        ("Participants", who),
        ("Reported by", f"{g['docs']} article(s)"),
        ("Sources differ on", "; ".join(str(c.get("detail", "")) for c in g["conflicts"])),
    ]
    return _permalink(
        request,
        "events",
        f"{g['mode'].capitalize()}: {who}",
        facts,
        [_source(m) for m in g["mentions"]],
        subtitle=g["date"] or "undated",
    )


@router.get("/figures/{key}", response_class=HTMLResponse)
def figure_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        f, same = one_item.figure_claim(store, key)
    value = _value(f)
    facts = [
        ("Value", value),
        (
            "Measure",
            (f["measure"] or "").replace("_", " ")
            + (f" ({f['measure_text']})" if f.get("measure_text") else ""),
        ),
        ("Flow", flow_label(f.get("flow"))),
        ("Period", period_label(f.get("period")) if f.get("period") else "no period"),
        ("Said by", f.get("said_by") or ""),
        ("Data source", f.get("source_data") or ""),
    ]
    links = (
        [
            (
                "Sources disagree on this figure: the conflict",
                f"/conflicts/{quote(f['conflict'], safe='')}",
            )
        ]
        if f.get("conflict")
        else []
    )
    sources = [_source(f)] + [
        _source(
            o,
            extra=f"also reports {_value(o)}",
        )
        for o in same
    ]
    return _permalink(
        request,
        "figures",
        f"{(f['measure'] or '').replace('_', ' ').capitalize()}: {value}",
        facts,
        sources,
        links,
    )


@router.get("/agreements/{key:path}", response_class=HTMLResponse)
def agreement_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        h = one_item.agreement_history(store, key)
    facts = [
        ("Kind", h.get("kind") or ""),
        ("Status", h.get("status") or ""),
        ("Sector", h.get("sector") or ""),
        ("Parties", ", ".join(h.get("parties") or [])),
        ("Projects", ", ".join(h.get("projects") or [])),
    ]
    sources = [
        _source(
            e, f"agreements-{e['item_id']}" if e.get("item_id") else None, e.get("status") or ""
        )
        for e in h["entries"]
    ]
    return _permalink(request, "agreements", h["title"], facts, sources)


@router.get("/commitments/{key}", response_class=HTMLResponse)
def commitment_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        item, status = one_item.commitment(store, key)
    c = status["commitment"] if status else item
    assert c is not None
    value = amount(c["value"], c["unit"], c.get("value_max"), c.get("per"))
    target = f"{relation_sign(c['relation'])} {value}"
    facts = [
        ("Target", target),
        ("Deadline", c.get("deadline") or "none stated"),
        ("Flow", flow_label(c.get("flow"))),
        ("Parties", ", ".join(c.get("parties") or [])),
        ("Status", f"{status['status']}: {status['reason']}" if status else ""),
    ]
    links = [
        (f"{f.get('doc', 'figure')}: the figure judged against it", f"/figures/{f['item_id']}")
        for f in (status or {}).get("evidence_figures", [])
        if isinstance(f, dict) and f.get("item_id")
    ]
    if status:
        sources = [
            _source(
                x,
                f"commitments-{x['item_id']}" if x.get("item_id") else None,
                x.get("status") or "",
            )
            for x in status["sources"]
        ]
    else:
        sources = [_source(item)] if item else []
    title = f"{(c['measure'] or '').replace('_', ' ').capitalize()} {target}"
    return _permalink(request, "commitments", title, facts, sources, links)


@router.get("/conflicts/{key:path}", response_class=HTMLResponse)
def conflict_page(request: Request, key: str) -> HTMLResponse:
    with _st(request).use() as store:
        c = one_item.conflict(store, key)
    facts = [
        ("Why", c.get("reason") or ""),
        ("Flow", flow_label(c.get("flow"))),
        ("Period", period_label(c.get("period"))),
        ("Data sources", ", ".join(c.get("source_data") or [])),
        ("Review", "resolved by review" if c.get("resolved") else "open"),
    ]
    sources = [
        _source(
            cl,
            f"figures-{cl['item_id']}" if cl.get("item_id") else None,
            qualified(cl.get("qualifier"), cl["value"], cl["unit"], cl.get("value_max")),
        )
        for cl in c["claims"]
    ]
    links = [
        (f"figure #{cl['item_id']} ({cl.get('outlet') or cl['doc']})", f"/figures/{cl['item_id']}")
        for cl in c["claims"]
        if cl.get("item_id")
    ]
    title = f"{_measure(c['measure'])} {period_label(c.get('period'))}: sources disagree"
    return _permalink(request, "conflicts", title, facts, sources, links)
