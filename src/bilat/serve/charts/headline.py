"""The one line that says what a chart shows: its latest year, the values and who counted them.

"2024: $244.8 bn (General Administration of Customs of the People's Republic of China) vs
$228 bn (Federal Customs Service of Russia)". When the latest year is in conflict, the values
are the conflict's positions (`serve.record.positions`) and their sources are the data sources
the record names for its claims; otherwise the claims' own data sources, else the outlets that
reported them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bilat.serve.fmt import amount, period_label, qualifier_sign
from bilat.serve.record import positions

from .scales import cadence, span_of

__all__ = ["Headline", "headline", "latest_period", "short_name"]

_MAX_VALUES = 3


@dataclass(frozen=True, slots=True)
class Headline:
    text: str
    period: str
    conflict: dict[str, Any] | None  # the open conflict of that period (`queries.conflicts`)


def latest_period(claims: list[dict[str, Any]]) -> str | None:
    """The latest calendar year reported, else the latest period of any length. A value
    counts before a bound: a year that only has bounds ('may fall below $200 bn by the end of
    the year') heads the chart only when no year has a value."""

    def dated_of(fs: list[dict[str, Any]]) -> list[tuple[Any, str]]:
        return [(s, f["period"]) for f in fs if (s := span_of(f.get("period")))]

    valued = [f for f in claims if f.get("qualifier") in ("exact", "approx")]
    dated = dated_of(valued) or dated_of(claims)
    years = [(s, p) for s, p in dated if cadence(s) == "annual"]
    pool = years or dated
    return max(pool, key=lambda sp: (sp[0][1], sp[0][0]))[1] if pool else None


@lru_cache(maxsize=4096)
def short_name(name: str) -> tuple[str, str]:
    """(key, display name) of a data source: a known organisation by its shortest alias of two
    or more words ("General Administration of Customs of the People's Republic of China" and
    "Chinese customs" are both "China Customs"), anything else as written. Remembered (the
    packaged gazetteer is loaded once): a large chart's headline names thousands of claims."""
    from bilat.extract.gazetteer import default_gazetteer

    found = [e for e in default_gazetteer().lookup(name) if e.type == "organization"]
    if len(found) != 1:
        return name.casefold(), name
    entry = found[0]
    words = [a for a in (entry.name, *entry.aliases) if " " in a and not a.isupper()]
    return entry.gid, min(words, key=lambda a: (len(a), a)) if words else entry.name


def _positions(conflict: dict[str, Any]) -> list[dict[str, Any]]:
    """A conflict's positions: as `queries.conflicts` or its tail row gave them (each with
    its claims, or with its data sources and outlets), else made from its claims."""
    given = conflict.get("positions")
    if given and all("claims" in p or "sources" in p for p in given):
        return list(given)
    return positions(conflict["claims"])


def _names(pos: dict[str, Any]) -> tuple[list[str], bool]:
    """Who a position's value comes from: the named data sources (True), most cited first,
    else the outlets that reported it (False). From its claims, or the (name, claims) and
    outlets of a conflict's tail row (`bilat.store.record_tails.conflict_tail`)."""
    claims = pos.get("claims")
    said = (
        [(str(c["source_data"]), 1) for c in claims if c.get("source_data")]
        if claims is not None
        else [(str(n), int(k)) for n, k in pos["sources"]]
    )
    cited: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for name, n in said:
        key, display = short_name(name)
        cited[key] += n
        shown[key] = display
    if cited:
        return [shown[k] for k in sorted(cited, key=lambda k: (-cited[k], shown[k]))], True
    if claims is None:
        return list(pos["outlets"]), False
    return sorted({c["outlet"] for c in claims if c.get("outlet")}), False


def _value(pos: dict[str, Any], per: str | None) -> str:
    sign = qualifier_sign(pos.get("qualifier"))
    return f"{sign}{amount(pos.get('value'), pos.get('unit'), pos.get('value_max'), per)}"


def _said(pos: dict[str, Any], per: str | None) -> str:
    names, data = _names(pos)
    if not names:
        return _value(pos, per)
    more = f" and {len(names) - 2} more" if len(names) > 2 else ""
    who = ", ".join(names[:2]) + more
    who = who if data else f"per {who}"
    return f"{_value(pos, per)} ({who})"


def headline(
    claims: list[dict[str, Any]], conflicts: dict[str, dict[str, Any]], per: str | None = None
) -> Headline | None:
    """The headline of one quantity's claims (figure items, reviewed, rejected ones left out);
    `conflicts` are the open conflicts by id (`queries.conflicts`)."""
    live = [f for f in claims if f["review"]["state"] != "rejected"]
    period = latest_period(live)
    if period is None:
        return None
    here = [f for f in live if f.get("period") == period]
    conflict = next(
        (conflicts[f["conflict"]] for f in here if f.get("conflict") in conflicts), None
    )
    shown = _positions(conflict) if conflict else positions(here)
    if conflict:
        sourced = [p for p in shown if _names(p)[1]]
        shown = sourced if len(sourced) >= 2 else shown
    text = (" vs " if conflict else ", ").join(_said(p, per) for p in shown[:_MAX_VALUES])
    return Headline(f"{period_label(period)}: {text}", period, conflict)
