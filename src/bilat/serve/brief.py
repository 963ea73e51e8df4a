"""The brief's one-screen summary: latest contacts, key figures with their conflicts, and the
commitments whose deadline is near or past, each in a line or two, above the details.

It takes what the report already loaded (timeline groups, charts, commitment statuses), so the
summary and the sections below it always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bilat.reconcile._dates import period_span
from bilat.serve.charts import Chart
from bilat.serve.charts.scales import cadence

__all__ = ["Due", "Summary", "commitments_due", "latest_contacts", "summarize"]

CONTACTS, FIGURES, COMMITMENTS = 4, 3, 4
_SOON_DAYS = 548  # a deadline within about 18 months is "due soon"


@dataclass(frozen=True, slots=True)
class Due:
    status: dict[str, Any]  # a `queries.commitments` status
    deadline: date  # the last day of the deadline period
    when: str  # "deadline passed, no verdict", "due in 7 months", "" (met or missed)
    urgent: bool  # passed or due soon


@dataclass(frozen=True, slots=True)
class Summary:
    contacts: list[dict[str, Any]]  # timeline groups, newest first
    figures: list[Chart]  # charts with a headline, those in conflict first, then yearly ones
    commitments: list[Due]


def latest_contacts(groups: list[dict[str, Any]], n: int = CONTACTS) -> list[dict[str, Any]]:
    """The last meetings, calls, visits that took place (timeline groups are newest first)."""
    held = [
        g
        for g in groups
        if g["type"] == "CONSULT" and g["status"] != "planned" and g["date"] and not g["rejected"]
    ]
    return held[:n]


_SETTLED = ("met", "missed")


def _when(deadline: str, last: date, today: date, state: str) -> tuple[str, bool]:
    days = (last - today).days
    if days < 0 and state in _SETTLED:
        return "", False  # the verdict ("met", "missed") says what happened
    if days < 0:
        return "deadline passed, no verdict", True
    if days <= _SOON_DAYS:
        months = max(1, round(days / 30.4))
        return f"due in {months} month{'s' if months != 1 else ''}", True
    return f"due {deadline}", False


def commitments_due(statuses: list[dict[str, Any]], today: date, n: int = COMMITMENTS) -> list[Due]:
    """Commitments with a deadline: the passed and soon-due ones first (nearest first), then
    the later ones."""
    out = []
    for s in statuses:
        deadline = s["commitment"].get("deadline")
        span = period_span(deadline) if deadline else None
        if span is not None:
            when, urgent = _when(str(deadline), span[1], today, str(s.get("status")))
            out.append(Due(s, span[1], when, urgent))
    out.sort(key=lambda d: (not d.urgent, abs((d.deadline - today).days)))
    return out[:n]


def _importance(chart: Chart) -> tuple[bool, bool]:
    """Charts whose latest year is in conflict first, then those with a yearly figure (a
    month's or a quarter's value says less about the relationship), most claims first
    within each (the order `figure_charts` gives)."""
    head = chart.headline
    assert head is not None
    span = period_span(head.period)
    return head.conflict is None, span is None or cadence(span) != "annual"


def summarize(
    groups: list[dict[str, Any]],
    charts: list[Chart],
    statuses: list[dict[str, Any]],
    today: date,
) -> Summary:
    with_headline = [c for c in charts if c.headline]
    with_headline.sort(key=_importance)
    return Summary(
        latest_contacts(groups), with_headline[:FIGURES], commitments_due(statuses, today)
    )
