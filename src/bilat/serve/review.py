"""Overlay human review on machine items: state, author, time; edits override fields.

Every item leaving the API or reaching a page passes through `overlay`, so the reviewed state
is the same everywhere (lists, document view, charts, conflicts, the report).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bilat.store import Store
from bilat.store.judgements import ITEM_TYPES, Review, reviews

__all__ = ["UNREVIEWED", "Reviews", "load_reviews", "overlay", "visible"]

UNREVIEWED: dict[str, Any] = {
    "id": None,
    "state": "unreviewed",
    "author": None,
    "at": None,
    "edits": {},
}


class Reviews:
    """The current review of every item, by item type and id."""

    def __init__(self, by_type: dict[str, dict[int, Review]]) -> None:
        self.by_type = by_type

    def get(self, item_type: str, item_id: int) -> Review | None:
        return self.by_type.get(item_type, {}).get(item_id)

    def state(self, item_type: str, item_id: int) -> str:
        review = self.get(item_type, item_id)
        return "unreviewed" if review is None else review.state


def load_reviews(store: Store) -> Reviews:
    return Reviews({t: reviews(store.db, t) for t in ITEM_TYPES})


def overlay(item: dict[str, Any], item_type: str, revs: Reviews) -> dict[str, Any]:
    """`item` with `review` set; edited fields replace machine values (kept under `machine`)."""
    out = dict(item)
    review = revs.get(item_type, int(item["id"]))
    out["review"] = dict(UNREVIEWED) if review is None else review.to_json()
    if review is not None and review.state == "edited":
        out["machine"] = {k: item.get(k) for k in review.payload}
        out.update(review.payload)
    return out


def visible(items: Iterable[dict[str, Any]], include_rejected: bool) -> list[dict[str, Any]]:
    """Drop rejected items unless asked to keep them (the pages then strike them through)."""
    return [i for i in items if include_rejected or i["review"]["state"] != "rejected"]
