"""Where each record entry sits in its part, as a key that does not change when others come.

    sort_key(kind, item, index)   the entry's place in its part, as text (compared as strings)
    item_key(kind, item, index)   what names the entry (an id, or its sort key)
    GAP                           the distance between neighbouring positions of a new part

The record's parts are ordered by content, not by the order they were built in (events by
date, type, mode and id; agreements by the reading order of their first statement; ...), so
an entry's sort key is a function of the entry alone. A full write numbers the entries
GAP, 2*GAP, ...; adding documents puts each new entry between the positions of its
neighbours by sort key (`bilat.store.entry_patch`), so no other row moves. The commitments,
in the order they were built, are keyed by their index (a patch writes those that differ);
their claims are keyed by content and named by key, so a patch keeps a stored claim where
it is and writes a new one after the others.
Fields are joined by \\x01, below every printable character, so comparing two keys compares
their fields in turn (as Python compares the tuples the reconciliation sorts by).
"""

from __future__ import annotations

from typing import Any

__all__ = ["GAP", "SEP", "item_key", "key_fields", "sort_key"]

GAP = 2**32
SEP = "\x01"  # between the fields of a key
_FIGURE_KEY = ("measure", "flow", "period", "unit", "kind", "per", "topic")
_QUANTITY = ("measure", "flow", "unit", "kind", "per", "topic")
_MERGE = ("a", "b", "reason", "kind", "by")


def _num(n: Any) -> str:
    return f"{int(n):020d}"


def _join(item: dict[str, Any], names: tuple[str, ...]) -> str:
    return SEP.join(str(item.get(n) or "") for n in names)


def _first_statement(item: dict[str, Any]) -> str:
    """An agreement history's first statement in reading order: its document's publication
    date, name and id, and the statement's index in the document (`agreement:<doc>:a<i>`)."""
    doc, _, index = str(item.get("id", "")).removeprefix("agreement:").partition(":a")
    entries: list[dict[str, Any]] = item.get("entries") or []
    entry = next((e for e in entries if str(e.get("doc_id")) == doc), {})
    return SEP.join(
        (entry.get("published") or "", entry.get("doc_name") or "", _num(doc), _num(index))
    )


def sort_key(kind: str, item: dict[str, Any], index: int) -> str:
    """The place of `item` (the `index`-th entry of part `kind`) in its part."""
    if kind == "events":
        return _join(item, ("date", "type", "mode", "id"))
    if kind == "conflicts":
        return _join(item, _FIGURE_KEY)
    if kind == "series":
        return _join(item, _QUANTITY)
    if kind == "actors":
        return str(item.get("id"))
    if kind == "documents":
        return SEP.join((item.get("published") or "", item.get("doc") or "", _num(item["doc_id"])))
    if kind == "agreements":
        return _first_statement(item)
    if kind == "judgements":  # the human ones first, in the order given; then the machine's
        human = item.get("by") != "machine"
        return f"0{SEP}{_num(index)}" if human else f"1{SEP}{_join(item, _MERGE)}"
    return _num(index)


def item_key(kind: str, item: dict[str, Any], index: int, sort: str) -> str:
    """The key the entry is found by (`record_items.item_key`): an event's, agreement's or
    actor's id, a document's id, else its sort key (`sort`)."""
    if kind == "documents":
        return str(item.get("doc_id"))
    if kind in ("events", "agreements", "actors") and item.get("id"):
        return str(item["id"])
    return sort


def key_fields(kind: str, key: str) -> dict[str, str] | None:
    """The fields an entry's item key is made of, as text ("" for none): a conflict's (its
    sort key); None for another kind, or a key that does not split into them."""
    names = _FIGURE_KEY if kind == "conflicts" else ()
    parts = key.split(SEP)
    return dict(zip(names, parts, strict=True)) if names and len(parts) == len(names) else None
