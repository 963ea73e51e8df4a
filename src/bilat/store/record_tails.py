"""A long agreement history's latest statements, written with the record.

    history_tail(item)   the history with its latest TAIL statements and `entries_cut`
    cut(item, n)         an entry (whole, or such a tail) cut to its latest n statements

The agreements page shows each history's latest 20 statements and the API its latest one,
but a history keeps every statement (thousands at 100k documents: 62 MB for 153 histories).
The record writer stores a history longer than TAIL also as its tail (a `record_summaries`
row of kind "agreements", `record_keys.Keys.add`), so a page reads a few kilobytes per
history whatever the store's size; a shorter history is read whole (it is as small).
"""

from __future__ import annotations

from typing import Any

__all__ = ["TAIL", "cut", "history_tail"]

TAIL = 20  # statements kept in a history's tail row: the agreements page's `latest`


def cut(item: dict[str, Any], n: int) -> dict[str, Any]:
    """`item` with its latest `n` entries, and in `entries_cut` how many it had before them
    (adding to the `entries_cut` of a tail)."""
    entries = item.get("entries") or []
    gone = max(len(entries) - n, 0)
    before = int(item.get("entries_cut") or 0)
    return {**item, "entries": entries[gone:], "entries_cut": gone + before}


def history_tail(item: dict[str, Any]) -> dict[str, Any] | None:
    """The tail row of an agreement history longer than TAIL; None for a shorter one."""
    if len(item.get("entries") or []) <= TAIL:
        return None
    return cut(item, TAIL)
