"""Formatting for people: amounts with units, item labels, dates. Used by pages and the report."""

from __future__ import annotations

import re
from typing import Any

from bilat.humanize import (
    amount,
    flow_label,
    number,
    period_label,
    qualifier_sign,
    relation_sign,
)

__all__ = [
    "amount",
    "flow_label",
    "human_reason",
    "item_label",
    "measure_name",
    "period_key",
    "period_label",
    "qualifier_sign",
]

_INTERVAL = re.compile(r"\s*\((?:-?inf|[-\d.e+]+)\.\.(?:inf|[-\d.e+]+)\)")
_SCI = re.compile(r"\b\d+(?:\.\d+)?e\+\d+\b")


def human_reason(text: str | None) -> str:
    """A reconciliation reason with its raw intervals dropped and 2.4e+11 written as 240 bn:
    reasons are written readable since issue 11, this keeps records stored before readable."""
    if not text:
        return ""
    text = _INTERVAL.sub("", text)
    return _SCI.sub(lambda m: number(float(m.group(0))), text)


def measure_name(measure: str | None) -> str:
    return (measure or "other").replace("_", " ")


def period_key(period: str | None) -> tuple[int, int, int, str]:
    """Sort key for "2024", "2025-H1", "2025-Q3", "2025-03", "2025-01..2025-07"; unknown last."""
    if period and ".." in period:
        a, _, b = period.partition("..")
        start, end = period_key(a), period_key(b)
        return (start[0], start[1], -((end[0] - start[0]) * 12 + end[1] - start[1] + 1), period)
    if not period or not period[:4].isdigit():
        return (9999, 99, 99, period or "")
    year, rest = int(period[:4]), period[5:]
    month, span = 1, 12
    if rest.startswith("H") and rest[1:].isdigit():
        month, span = 6 * int(rest[1:]) - 5, 6
    elif rest.startswith("Q") and rest[1:].isdigit():
        month, span = 3 * int(rest[1:]) - 2, 3
    elif rest[:2].isdigit():
        month, span = int(rest[:2]), 1
    return (year, month, -span, period)


def item_label(item: dict[str, Any], item_type: str) -> str:
    """One line naming an item, for side panels and lists."""
    if item_type == "figures":
        sign = qualifier_sign(item.get("qualifier"))
        value = amount(item.get("value"), item.get("unit"), item.get("value_max"), item.get("per"))
        period = f" {period_label(item['period'])}" if item.get("period") else ""
        return f"{measure_name(item.get('measure'))}{period}: {sign}{value}"
    if item_type == "events":
        who = ", ".join(item.get("participants") or []) or "?"
        when = item.get("date") or "undated"
        return f"{item.get('mode', '')} · {who} · {when}"
    if item_type == "agreements":
        return f"{item.get('title', '')} ({item.get('status', '')})"
    if item_type == "commitments":
        value = amount(item.get("value"), item.get("unit"), item.get("value_max"), item.get("per"))
        by = f" by {item['deadline']}" if item.get("deadline") else ""
        rel = relation_sign(item.get("relation"))
        return f"{measure_name(item.get('measure'))} {rel} {value}{by}"
    if item_type == "actors":
        return f"{item.get('name', '')} ({item.get('type', '')})"
    return str(item.get("quote", ""))
