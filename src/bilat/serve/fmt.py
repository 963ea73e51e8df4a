"""Formatting for people: amounts with units, item labels, dates. Used by pages and the report."""

from __future__ import annotations

import re
from typing import Any

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

_CURRENCY = {"USD": "$", "EUR": "€", "CNY": "¥", "RUB": "₽"}
_UNIT_NAMES = {"m3": "m³", "m2": "m²", "t": "t"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))
_QUALIFIER = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}


def _number(value: float) -> str:
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {suffix}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(
    value: float | None,
    unit: str | None = None,
    value_max: float | None = None,
    per: str | None = None,
) -> str:
    """ "$244.8 bn", "12.5%", "38–44 bcm/year"."""
    if value is None:
        return "–"
    unit = unit or ""
    text = _number(value) if value_max is None else f"{_number(value)}–{_number(value_max)}"
    if unit in _CURRENCY:
        text = _CURRENCY[unit] + text
    elif unit in ("%", "percent"):
        text += "%"
    elif unit in ("pp", "percentage_points"):
        text += " pp"
    elif unit and unit != "count":
        text += " " + _UNIT_NAMES.get(unit, unit)
    return f"{text}/{per}" if per else text


_INTERVAL = re.compile(r"\s*\((?:-?inf|[-\d.e+]+)\.\.(?:inf|[-\d.e+]+)\)")
_SCI = re.compile(r"\b\d+(?:\.\d+)?e\+\d+\b")


def human_reason(text: str | None) -> str:
    """A reconciliation reason with its raw intervals dropped and 2.4e+11 written as 240 bn."""
    if not text:
        return ""
    text = _INTERVAL.sub("", text)
    return _SCI.sub(lambda m: _number(float(m.group(0))), text)


def qualifier_sign(qualifier: str | None) -> str:
    return _QUALIFIER.get(qualifier or "exact", "")


def measure_name(measure: str | None) -> str:
    return (measure or "other").replace("_", " ")


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(part: str) -> str | None:
    if len(part) >= 7 and part[5:7].isdigit() and 1 <= int(part[5:7]) <= 12:
        return _MONTHS[int(part[5:7]) - 1]
    return None


def period_label(period: str | None) -> str:
    """ "2025-01..2025-07" -> "Jan–Jul 2025", "2024-12..2024-12" -> "Dec 2024"."""
    if not period:
        return "no period"
    if ".." not in period:
        month = _month(period)
        return f"{month} {period[:4]}" if month and len(period) == 7 else period
    a, _, b = period.partition("..")
    ma, mb = _month(a), _month(b)
    if ma and mb:
        if a[:7] == b[:7]:
            return f"{ma} {a[:4]}"
        return f"{ma}–{mb} {a[:4]}" if a[:4] == b[:4] else f"{ma} {a[:4]}–{mb} {b[:4]}"
    return f"{a[:4]}–{b[2:4]}" if a[:2] == b[:2] else f"{a}–{b}"


def flow_label(flow: str | None) -> str:
    return (flow or "").replace("<->", "↔").replace("->", "→")


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
        rel = {">=": "≥", "<=": "≤"}.get(item.get("relation") or "", item.get("relation") or "")
        return f"{measure_name(item.get('measure'))} {rel} {value}{by}"
    if item_type == "actors":
        return f"{item.get('name', '')} ({item.get('type', '')})"
    return str(item.get("quote", ""))
