"""One pair at a time: the reconciled record (JSON) as the CLI, API and pages show it.

The record files every item under the pair(s) of states it is about (`bilat.reconcile.pairs`).
`for_pair` keeps the items of one pair; every surface calls it on the same record, so the
dashboard, the API, `bilat summary` and the brief count the same things. Items of other pairs
and items about no pair are kept in the store, counted by `pair_counts` (the header's switcher,
`bilat summary`), and shown with `pair = None` ("all", `--pair all`, `?pair=all`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bilat.config import Options
from bilat.reconcile import pair_key, parse_pair
from bilat.reconcile.pairs import flow_states, item_pairs

__all__ = [
    "PAIRED",
    "default_pair",
    "figure_in_pair",
    "for_pair",
    "named",
    "pair_counts",
    "resolve_pair",
]

PAIRED = ("events", "conflicts", "series", "commitments", "agreements")
ALL = "all"


def default_pair(options: Options) -> str:
    """The configured pair ([extract] pair, or its default_pair under "auto") as a key."""
    return pair_key(*options.extract.pair)


def resolve_pair(text: str | None, options: Options) -> str | None:
    """A pair key from user input; None for 'all'; the configured pair when not given.
    ValueError naming the input when it is not a pair."""
    if text is None or not text.strip():
        return default_pair(options)
    if text.strip().lower() == ALL:
        return None
    return parse_pair(text)


def _pairs(item: dict[str, Any]) -> list[str]:
    value = item.get("pairs")
    return [str(p) for p in value] if isinstance(value, list) else []


def pair_counts(record: dict[str, Any]) -> dict[str, int]:
    """Items per pair key over the paired sections; "" counts the items about no pair."""
    counts: dict[str, int] = {}
    for section in PAIRED:
        for item in record.get(section) or []:
            for p in _pairs(item) or [""]:
                counts[p] = counts.get(p, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def named(items: list[dict[str, Any]]) -> set[str]:
    """Actor names the kept items refer to (participants, parties, speakers)."""
    names: set[str] = set()
    for item in items:
        names.update(item.get("participants") or [])
        names.update(item.get("parties") or [])
        for claim in item.get("claims") or []:
            names.add(claim.get("said_by") or "")
        for point in item.get("points") or []:
            names.update(c.get("said_by") or "" for c in point.get("claims") or [])
    return names


def for_pair(record: dict[str, Any], pair: str | None) -> dict[str, Any]:
    """The record restricted to `pair` (a key, "CN-RU"), with `pair` set; the whole record, as
    stored, for None. (Counts per pair, for a switcher: `pair_counts` of the whole record.)"""
    if pair is None:
        return record
    view = dict(record)
    view["pair"] = pair
    kept: list[dict[str, Any]] = []
    for section in PAIRED:
        items = [i for i in record.get(section) or [] if pair in _pairs(i)]
        view[section] = items
        kept += items
    states = set(pair.split("-"))
    names = named(kept)
    view["actors"] = [
        a
        for a in record.get("actors") or []
        if a.get("country") in states or a.get("name") in names
    ]
    view["documents"] = [d for d in record.get("documents") or [] if d.get("pair") in (pair, None)]
    return view


@lru_cache(maxsize=4096)
def figure_in_pair(flow: str | None, doc_pair: str | None, pair: str | None) -> bool:
    """Whether a stored figure row (its flow, its document's pair "RU-CN") is about `pair`
    (remembered: a figures page asks it of thousands of rows with a few flows and pairs)."""
    if pair is None:
        return True
    doc_key = pair_key(*doc_pair.split("-")) if doc_pair and doc_pair.count("-") == 1 else None
    return pair in item_pairs(flow_states(flow), [doc_key])
