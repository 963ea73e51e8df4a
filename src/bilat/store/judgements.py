"""Human review of extracted items, kept beside the machine output in `judgements`.

A judgement is `accept`, `edit` (payload: field overrides) or `reject` of one item row
(`item_type` is the item table: events, figures, agreements, commitments, actors). The latest
judgement that is not revoked decides an item's review state; revoking keeps the row (who and
when) so the history of every item stays readable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bilat.errors import NotFound, ReviewError
from bilat.store.db import Database, now_iso

__all__ = [
    "ACTIONS",
    "EDITABLE",
    "ITEM_TYPES",
    "Review",
    "add_judgement",
    "list_judgements",
    "reviews",
    "revoke_judgement",
]

ITEM_TYPES = ("events", "figures", "agreements", "commitments", "actors")
ACTIONS = ("accept", "edit", "reject")
STATES = {"accept": "accepted", "edit": "edited", "reject": "rejected"}

# Fields a reviewer may override, per item type (the machine value stays in the item row).
EDITABLE: dict[str, tuple[str, ...]] = {
    "events": ("type", "mode", "status", "participants", "date", "date_end", "place"),
    "figures": (
        "kind",
        "value",
        "value_max",
        "unit",
        "per",
        "qualifier",
        "measure",
        "flow",
        "period",
        "said_by",
        "source_data",
    ),
    "agreements": ("title", "kind", "status", "date", "parties", "sector"),
    "commitments": (
        "measure",
        "relation",
        "value",
        "value_max",
        "unit",
        "deadline",
        "parties",
        "status",
        "flow",
    ),
    "actors": ("name", "type", "country", "role"),
}
_NUMERIC = {"value", "value_max"}
_LISTS = {"participants", "parties"}


@dataclass(frozen=True, slots=True)
class Review:
    """The review state of one item: what the latest live judgement says."""

    judgement_id: int
    state: str  # accepted | edited | rejected
    author: str
    at: str
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.judgement_id,
            "state": self.state,
            "author": self.author,
            "at": self.at,
            "edits": self.payload,
        }


def _check_payload(item_type: str, action: str, payload: dict[str, Any]) -> dict[str, Any]:
    if action != "edit":
        if payload:
            raise ReviewError(f"action {action!r} takes no payload")
        return {}
    if not payload:
        raise ReviewError("an edit needs a payload of field overrides")
    unknown = sorted(set(payload) - set(EDITABLE[item_type]))
    if unknown:
        allowed = ", ".join(EDITABLE[item_type])
        raise ReviewError(f"cannot edit {', '.join(unknown)} of {item_type} (editable: {allowed})")
    for key, value in payload.items():
        _check_value(key, value)
    return dict(payload)


def _check_value(key: str, value: Any) -> None:
    if key in _NUMERIC:
        ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    elif key in _LISTS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = value is None or isinstance(value, str)
    if not ok:
        raise ReviewError(f"invalid value for {key}: {value!r}")


def add_judgement(
    db: Database,
    item_type: str,
    item_id: int,
    action: str,
    author: str,
    payload: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Record one review action on an existing item; returns the stored judgement."""
    if item_type not in ITEM_TYPES:
        raise ReviewError(f"unknown item type {item_type!r} (one of {', '.join(ITEM_TYPES)})")
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    if not author.strip():
        raise ReviewError("author is required")
    clean = _check_payload(item_type, action, payload or {})
    if db.scalar(f"SELECT id FROM {item_type} WHERE id = ?", (item_id,)) is None:
        raise NotFound(f"no {item_type} item {item_id}")
    with db.transaction():
        jid = db.insert(
            "judgements",
            {
                "item_type": item_type,
                "item_id": item_id,
                "action": action,
                "payload": json.dumps(clean, ensure_ascii=False),
                "author": author.strip(),
                "created_at": now_iso(),
            },
        )
    return _get(db, jid)


def revoke_judgement(db: Database, judgement_id: int) -> dict[str, Any]:
    """Mark a judgement revoked (the row stays); revoking twice is an error."""
    row = _get(db, judgement_id)
    if row["revoked_at"] is not None:
        raise ReviewError(f"judgement {judgement_id} was already revoked at {row['revoked_at']}")
    with db.transaction():
        db.execute("UPDATE judgements SET revoked_at = ? WHERE id = ?", (now_iso(), judgement_id))
    return _get(db, judgement_id)


def _get(db: Database, judgement_id: int) -> dict[str, Any]:
    row = db.one("SELECT * FROM judgements WHERE id = ?", (judgement_id,))
    if row is None or row["item_type"] not in ITEM_TYPES:
        raise NotFound(f"no review judgement {judgement_id}")
    return _plain(row)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": int(row["id"]),
        "item_type": row["item_type"],
        "item_id": int(row["item_id"]),
        "action": row["action"],
        "payload": json.loads(row["payload"] or "{}"),
        "author": row["author"],
        "created_at": row["created_at"],
        "revoked_at": row["revoked_at"],
    }


def list_judgements(
    db: Database,
    item_type: str | None = None,
    item_id: int | None = None,
) -> list[dict[str, Any]]:
    """Every review judgement (revoked ones too), oldest first."""
    where = ["item_type IN (" + ", ".join("?" for _ in ITEM_TYPES) + ")"]
    params: list[Any] = list(ITEM_TYPES)
    if item_type is not None:
        where.append("item_type = ?")
        params.append(item_type)
    if item_id is not None:
        where.append("item_id = ?")
        params.append(item_id)
    sql = f"SELECT * FROM judgements WHERE {' AND '.join(where)} ORDER BY id"
    return [_plain(r) for r in db.all(sql, params)]


def reviews(db: Database, item_type: str) -> dict[int, Review]:
    """The current review of every reviewed item of `item_type`, by item id."""
    rows = db.all(
        "SELECT * FROM judgements WHERE item_type = ? AND revoked_at IS NULL ORDER BY id",
        (item_type,),
    )
    out: dict[int, Review] = {}
    for r in rows:
        out[int(r["item_id"])] = Review(
            int(r["id"]),
            STATES.get(r["action"], r["action"]),
            r["author"],
            r["created_at"],
            json.loads(r["payload"] or "{}"),
        )
    return out
