"""`bilat report` and the dashboard's `/brief`: the record as ONE self-contained HTML page
(inline CSS and SVG, no scripts).

It opens with a one-screen summary (`serve/brief.py`: latest contacts, key figures with their
conflicts, commitments due), then timeline, key figures with their sources, conflicts,
commitments and agreements, each with the quotes and the names of the documents they come
from. Reviews apply as on the dashboard.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from bilat.serve import queries
from bilat.serve.brief import summarize
from bilat.serve.charts import figure_charts
from bilat.store import Store

__all__ = ["build_report", "router", "write_report"]

router = APIRouter(include_in_schema=False)


def _css() -> Markup:
    static = resources.files("bilat.serve").joinpath("static")
    css = "\n".join(static.joinpath(f).read_text("utf-8") for f in ("report.css", "charts.css"))
    return Markup(css.replace("</", "<\\/"))  # our own stylesheets, never article text


def build_report(
    store: Store, pair: tuple[str, str] = ("RU", "CN"), today: date | None = None
) -> str:
    """The report as an HTML string; `today` decides which commitments are due."""
    from bilat.serve.pages import pair_label, set_pair

    set_pair(pair)
    return _render(store, f"{pair_label(pair)} relations: sourced brief", today)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request) -> HTMLResponse:
    """The same page for the pair the dashboard shows (`?pair=`), with a way back."""
    from bilat.serve.pages import pair_context

    with request.app.state.bilat.use() as store:
        pair = pair_context(store)
        name = pair["pair"] if pair["pair"] == "All pairs" else f"{pair['pair']} relations"
        html = _render(store, f"{name}: sourced brief", None, pair["pair_q"])
    return HTMLResponse(html)


def _render(store: Store, title: str, today: date | None, back: str | None = None) -> str:
    from bilat.serve.pages import claims_by_chart, render, timeline

    now = datetime.now(UTC)
    figs = queries.figures(store)
    mentions = queries.events(store)
    conflicts = queries.conflicts(store)
    commitments = queries.commitments(store)["statuses"]
    agreements = queries.agreements(store)["histories"]
    docs = queries.documents(store, limit=500)
    groups = timeline(mentions)
    charts = figure_charts(figs, conflicts, links=False, min_claims=2)
    return render(
        "report.html",
        title=title,
        css=_css(),
        generated=now.strftime("%Y-%m-%d %H:%M UTC"),
        back=back,
        summary=summarize(groups, charts, commitments, today or now.date()),
        stats=queries.stats(
            store, queries.tally(mentions, figs, conflicts, commitments, agreements)
        ),
        groups=groups,
        charts=charts[:10],
        figures=figs,
        by_chart=claims_by_chart(figs),
        conflicts=conflicts,
        commitments=commitments,
        agreements=agreements,
        documents=docs["items"],
        path="",
    )


def write_report(store: Store, out: Path, pair: tuple[str, str] = ("RU", "CN")) -> int:
    """Write the report to `out`; returns its size in bytes."""
    html = build_report(store, pair)
    out.write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
