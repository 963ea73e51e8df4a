"""Detail conflicts of one event cluster: sources that give dates or places no single event has.

Each check works on the distinct values (and the documents giving each), not on every pair of
mentions, so a cluster of a thousand reports of one meeting costs its few distinct dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilat.reconcile._dates import date_span, spans_overlap
from bilat.reconcile._text import name_key
from bilat.reconcile.model import DetailConflict, ReconcileOptions, ValueSources

if TYPE_CHECKING:
    from bilat.reconcile.events import _Item

__all__ = ["detail_conflicts"]


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _docs_by_value(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, None]]:
    """The documents giving each value, in order of first mention (a dict as ordered set)."""
    docs: dict[str, dict[str, None]] = {}
    for value, doc in pairs:
        docs.setdefault(value, {})[doc] = None
    return docs


def _value_sources(pairs: Sequence[tuple[str, str]]) -> tuple[ValueSources, ...]:
    docs = _docs_by_value(pairs)
    return tuple(ValueSources(v, tuple(d)) for v, d in sorted(docs.items()))


def _dates_clash(a: str, b: str, window: int) -> bool:
    """Two dates no single event has: not one inside the other ('2025-08', '2025-08-31') and,
    for events that last (visits, summits, exercises), more than `window` days apart."""
    if _nested(a, b):
        return False
    sa, sb = date_span(a), date_span(b)
    return not (window and sa and sb and spans_overlap(sa, sb, window))


def _two_docs(a: dict[str, None], b: dict[str, None]) -> bool:
    """Some document gives one value and another document the other."""
    return len(a) > 1 or len(b) > 1 or a.keys() != b.keys()


def _date_conflict(
    detail: str, pairs: Sequence[tuple[str, str]], window: int
) -> DetailConflict | None:
    """Sources differ: two documents give dates that clash (one document's own mentions
    of an event are not 'sources')."""
    docs = _docs_by_value(pairs)
    values = sorted(docs)
    clash = any(
        _two_docs(docs[a], docs[b]) and _dates_clash(a, b, window)
        for n, a in enumerate(values)
        for b in values[n + 1 :]
    )
    return DetailConflict(detail, _value_sources(pairs)) if clash else None


def _place_conflict(items: Sequence[_Item]) -> DetailConflict | None:
    """Two documents name different places, neither a state (a city is inside its state);
    for a visit, cities of one country are its stops, not a disagreement."""
    cities = [i for i in items if i.mention.place and not i.place_is_state]
    countries = {i.place_country for i in cities}
    if items[0].mode == "visit" and len(countries) == 1 and None not in countries:
        return None
    pairs = [(i.mention.place or "", i.mention.doc_name) for i in cities]
    by_key: dict[str, str] = {}
    for place, _ in pairs:
        by_key.setdefault(name_key(place), place)
    if len(by_key) < 2 or len({d for _, d in pairs}) < 2:
        return None
    return DetailConflict("place", _value_sources([(by_key[name_key(p)], d) for p, d in pairs]))


def detail_conflicts(
    items: Sequence[_Item], options: ReconcileOptions
) -> tuple[DetailConflict, ...]:
    """The date, end date and place conflicts of a cluster's mentions (in reading order)."""
    dates = [(i.mention.date, i.mention.doc_name) for i in items if i.mention.date]
    ends = [(i.mention.date_end, i.mention.doc_name) for i in items if i.mention.date_end]
    window = options.event_window_days if any(i.wide for i in items) else 0
    found = (
        _date_conflict("date", dates, window),
        _date_conflict("date_end", ends, window),
        _place_conflict(items),
    )
    return tuple(c for c in found if c is not None)
