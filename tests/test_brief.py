"""The brief's one-screen summary (serve/brief.py) and its place at the top of the report."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from bilat.serve import build_report
from bilat.serve.brief import commitments_due, latest_contacts
from bilat.store import Store


def status(deadline: str | None, state: str = "pending") -> dict[str, Any]:
    return {"status": state, "commitment": {"deadline": deadline, "measure": "trade_turnover"}}


def test_commitments_due_puts_passed_and_soon_first_with_how_long() -> None:
    statuses = [
        status("2030"),
        status("2024", "met"),
        status(None),
        status("2027-06"),
        status("2026-H2"),
        status("2025", "disputed"),
    ]
    due = commitments_due(statuses, date(2026, 12, 4), n=5)
    assert [(d.status["commitment"]["deadline"], d.when, d.urgent) for d in due] == [
        ("2026-H2", "due in 1 month", True),
        ("2027-06", "due in 7 months", True),
        ("2025", "deadline passed, no verdict", True),
        ("2024", "", False),  # met: the verdict says what happened
        ("2030", "due 2030", False),
    ]


def test_latest_contacts_are_held_meetings_and_calls_newest_first() -> None:
    def group(day: str, kind: str = "CONSULT", state: str = "occurred") -> dict[str, Any]:
        return {"date": day, "type": kind, "status": state, "rejected": False}

    groups = [
        group("2025-12-01", state="planned"),
        group("2025-11-04"),
        group("2025-08-01", kind="COOPERATE"),
        group("2025-05-08"),
        group("2025-02-24"),
        group("2024-10-22"),
        group("2024-05-16"),
    ]
    assert [g["date"] for g in latest_contacts(groups)] == [
        "2025-11-04",
        "2025-05-08",
        "2025-02-24",
        "2024-10-22",
    ]


@pytest.fixture(scope="module")
def html(filled_store: Store) -> str:
    return build_report(filled_store.for_pair("CN-RU"), today=date(2026, 12, 4))


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</div>", start)]


def test_the_brief_opens_with_the_summary_then_the_details(html: str) -> None:
    body = html[html.index("<body>") :]
    order = [body.index(f'id="{a}"') for a in ("brief", "figures", "conflicts", "timeline")]
    assert order == sorted(order)
    assert body.index('id="brief"') < body.index("Generated ")


def test_the_summary_names_contacts_figures_with_conflicts_and_commitments_due(
    html: str,
) -> None:
    contacts = _section(html, "brief-contacts")
    assert re.search(r"2025-11-04</span> <b>meeting</b> [^<]*Mikhail Mishustin", contacts)
    assert contacts.count("<li>") == 4
    figures = _section(html, "brief-figures")
    assert "2024: $244.8 bn (China Customs" in figures and "vs $228 bn (Russian customs)" in figures
    assert "sources disagree" in figures and 'href="#conflicts"' in figures
    commitments = _section(html, "brief-commitments")
    assert "≥ $200 bn</b> by 2024" in commitments and "st-met" in commitments
    assert "deadline passed" not in commitments  # met: the verdict says it all
    assert "st-met" in commitments
    assert "≥ $300 bn</b> by 2030" in commitments and "due 2030" in commitments
