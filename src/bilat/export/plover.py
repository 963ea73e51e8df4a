"""PLOVER/POLECAT-style event records: one JSON object per reconciled event, per line.

bilat's event types (CONSULT, COOPERATE) are PLOVER categories and its modes (meeting, visit,
call, video, multilateral, military) fill PLOVER's `event_mode`. Like POLECAT, each record has a
source and a target actor with country codes (the first two participants, in the order the
first report names them) and the full list under `actors`; every report of the event is listed
under `sources` with its quote and URL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bilat.record import record_json
from bilat.store import Store

__all__ = ["export_plover", "plover_records"]


def _actor(actors: dict[str, dict[str, Any]], actor_id: str, name: str) -> dict[str, Any]:
    a = actors.get(actor_id, {})
    return {"id": actor_id, "name": name, "type": a.get("type"), "country": a.get("country")}


def _location(places: dict[str, dict[str, Any]], place: str | None) -> dict[str, Any] | None:
    if not place:
        return None
    known = places.get(place.lower())
    return {"placename": place, "country": known.get("country") if known else None}


def plover_records(store: Store) -> list[dict[str, Any]]:
    record = record_json(store.for_pair(None))  # an export holds every pair
    actors = {a["id"]: a for a in record["actors"]}
    places = {
        n.lower(): a
        for a in record["actors"]
        if a["type"] in ("place", "state")
        for n in a["names"]
    }
    docs = {d.id: d for d in store.documents()}
    out = []
    for ev in record["events"]:
        people = [
            _actor(actors, i, n)
            for i, n in zip(ev["participant_ids"], ev["participants"], strict=True)
        ]
        sources = []
        for m in ev["mentions"]:
            doc = docs.get(m["doc_id"])
            sources.append(
                {
                    "doc": m["doc_name"],
                    "url": doc.url if doc else None,
                    "outlet": doc.source if doc else None,
                    "published": m["published"],
                    "quote": m["quote"],
                    "start": m["start"],
                    "end": m["end"],
                }
            )
        source = people[0] if people else None
        target = people[1] if len(people) > 1 else None
        out.append(
            {
                "event_id": ev["id"],
                "event_date": ev["date"],
                "event_date_end": ev["date_end"],
                "event_type": ev["type"],
                "event_mode": ev["mode"],
                "status": ev["status"],
                "source_actor": source and source["name"],
                "source_country": source and source["country"],
                "target_actor": target and target["name"],
                "target_country": target and target["country"],
                "actors": people,
                "location": _location(places, ev["place"]),
                "source_quote": sources[0]["quote"] if sources else None,
                "source_url": sources[0]["url"] if sources else None,
                "source_count": ev["source_count"],
                "sources": sources,
            }
        )
    return out


def export_plover(store: Store, out: Path) -> int:
    """Write one PLOVER-style JSON record per line to `out`; returns the count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    records = plover_records(store)
    with out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(records)
