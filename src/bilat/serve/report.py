"""`bilat report`: the record as ONE self-contained HTML file (inline CSS and SVG, no scripts).

Timeline, key figures with their sources, conflicts, commitments and agreements, each with the
quotes and the names of the documents they come from. Reviews apply as on the dashboard.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from bilat.serve import queries
from bilat.serve.charts import figure_charts
from bilat.store import Store

__all__ = ["build_report", "write_report"]


def _css() -> Markup:
    css = resources.files("bilat.serve").joinpath("static", "report.css").read_text("utf-8")
    return Markup(css.replace("</", "<\\/"))  # our own stylesheet, never article text


def build_report(store: Store, pair: tuple[str, str] = ("RU", "CN")) -> str:
    """The report as an HTML string."""
    from bilat.serve.pages import claims_by_chart, pair_label, render, set_pair, timeline

    set_pair(pair)
    title = f"{pair_label(pair)} relations: sourced brief"
    figs = queries.figures(store)
    mentions = queries.events(store)
    conflicts = queries.conflicts(store)
    commitments = queries.commitments(store)["statuses"]
    agreements = queries.agreements(store)["histories"]
    docs = queries.documents(store, limit=500)
    return render(
        "report.html",
        title=title,
        css=_css(),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        stats=queries.stats(
            store, queries.tally(mentions, figs, conflicts, commitments, agreements)
        ),
        groups=timeline(mentions),
        charts=figure_charts(figs, links=False, min_claims=2)[:10],
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
