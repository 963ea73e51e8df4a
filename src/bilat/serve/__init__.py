"""Serve: the JSON API, the dashboard and the self-contained HTML report.

app.py        create_app(store_url, token) -> FastAPI; the one JSON error shape
api.py        /api/... views (thin: parse, call, return)
pages.py      server-rendered pages (Jinja2, autoescaped) + templates/, static/
queries.py    what the views show: documents, items, record, each with reviews applied
record.py     reading the reconciled record defensively, reviews matched by span/quote
review.py     overlay of human judgements (store/judgements.py) on machine items
charts/       figure charts as geometry for an inline-SVG template: time axis, panels, headline
highlight.py  original text cut into segments at item spans
write.py      ingest one article from JSON; rebuild the record
report.py     `bilat report` and /brief: one HTML page, no scripts, no network
brief.py      the brief's one-screen summary: contacts, key figures, commitments due
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.serve.app import create_app
    from bilat.serve.report import build_report

__all__ = ["build_report", "create_app"]


def __getattr__(name: str) -> Any:
    """FastAPI and Jinja2 load when the app or the report is asked for, not when a command
    only reads the record as the pages show it (`bilat.serve.queries`)."""
    if name == "create_app":
        from bilat.serve.app import create_app

        return create_app
    if name == "build_report":
        from bilat.serve.report import build_report

        return build_report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
