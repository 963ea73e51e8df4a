"""Numbers and quotes as people read them: "$244.8 bn", "80–85%", "≥ 90%", a quote cut at a
word. One formatter for every text bilat produces: the reconciled record's reasons, the CLI,
the dashboard and the report."""

from __future__ import annotations

__all__ = ["amount", "clip", "flow_label", "number", "qualified", "qualifier_sign", "relation_sign"]

_CURRENCY = {"USD": "$", "EUR": "€", "CNY": "¥", "RUB": "₽"}
_UNIT_NAMES = {"m3": "m³", "m2": "m²", "t": "t"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))
_QUALIFIER = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}
_RELATION = {">=": "≥", "<=": "≤", "=": "="}


def number(value: float) -> str:
    """244800000000 -> "244.8 bn", 1500 -> "1.5 k", 12.5 -> "12.5"; at most two decimals."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {suffix}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _range(low: float, high: float) -> str:
    """ "80–85", "38–44 bn" (one scale word when both ends share it), "900 m–1.2 bn"."""
    a, b = number(low), number(high)
    a_num, _, a_scale = a.partition(" ")
    b_scale = b.partition(" ")[2]
    return f"{a_num}–{b}" if a_scale == b_scale else f"{a}–{b}"


def amount(
    value: float | None,
    unit: str | None = None,
    value_max: float | None = None,
    per: str | None = None,
) -> str:
    """ "$244.8 bn", "12.5%", "80–85%", "38–44 bcm/year"; "–" when there is no value."""
    if value is None:
        return "–"
    unit = unit or ""
    text = number(value) if value_max is None else _range(value, value_max)
    if unit in _CURRENCY:
        text = _CURRENCY[unit] + text
    elif unit in ("%", "percent"):
        text += "%"
    elif unit in ("pp", "percentage_points"):
        text += " pp"
    elif unit and unit != "count":
        text += " " + _UNIT_NAMES.get(unit, unit)
    return f"{text}/{per}" if per else text


def qualified(
    qualifier: str | None,
    value: float | None,
    unit: str | None = None,
    value_max: float | None = None,
    per: str | None = None,
) -> str:
    """An amount with its qualifier as a sign: "≥ $240 bn", "≈ 80–85%", "$244.8 bn"."""
    sign = qualifier_sign(qualifier)
    text = amount(value, unit, value_max, per)
    return f"{sign} {text}" if sign else text


def qualifier_sign(qualifier: str | None) -> str:
    """ "at_least" -> "≥", "approx" -> "≈", "exact" -> ""."""
    return _QUALIFIER.get(qualifier or "exact", "")


def flow_label(flow: str | None) -> str:
    """ "CN->RU" -> "CN→RU", "CN<->RU" -> "CN↔RU"."""
    return (flow or "").replace("<->", "↔").replace("->", "→")


def relation_sign(relation: str | None) -> str:
    """ ">=" -> "≥", "<=" -> "≤"."""
    return _RELATION.get(relation or "", relation or "")


def clip(text: str | None, limit: int) -> str:
    """`text` on one line, at most `limit` characters, cut at the last word boundary that fits
    and marked with "…"; never in the middle of a word unless one word is longer than that."""
    line = " ".join((text or "").split())
    if len(line) <= limit:
        return line
    head = line[: limit - 1]
    cut = head.rfind(" ")
    if cut > limit // 2:
        head = head[:cut]
    return head.rstrip(" ,;:—–-") + "…"


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
