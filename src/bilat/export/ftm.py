"""FollowTheMoney entities (the followthemoney library), one JSON entity per line.

document            -> Article (title, publishedAt, publisher, sourceUrl)
actor (reconciled)  -> Person, Organization, Company, PublicBody (a state), Address (a place)
                       or Project, with its country code and every name as an alias
actor in a document -> Mention (name as written, document, resolved actor) for legal
                       entities; Documentation (role "mention") for places and projects
event (reconciled)  -> Event (type and mode, dates, location, involved actors, first quote)
event report        -> Documentation (document, event, role "report", quote as summary)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from bilat.record import record_json
from bilat.records import Document
from bilat.store import Store

__all__ = ["SCHEMATA", "export_ftm", "ftm_entities"]

SCHEMATA = {
    "person": "Person",
    "organization": "Organization",
    "company": "Company",
    "state": "PublicBody",
    "place": "Address",
    "project": "Project",
}


def _entity(schema: str, *key: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id("bilat", schema, *key)
    return proxy


def _article(doc: Document) -> EntityProxy:
    e = _entity("Article", doc.id)
    e.add("title", doc.title or doc.name)
    e.add("fileName", doc.name)
    e.add("publishedAt", doc.published)
    e.add("publisher", doc.source)
    e.add("sourceUrl", doc.url)
    return e


def _actor(a: dict[str, Any]) -> EntityProxy:
    schema = SCHEMATA.get(a["type"], "LegalEntity")
    e = _entity(schema, a["id"])
    e.add("name", a["name"])
    e.add("alias", [n for n in a["names"] if n != a["name"]])
    e.add("country", a.get("country"))
    if schema == "Address":
        e.add("full", a["name"])
    if schema == "Person":
        e.add("position", sorted({m["role"] for m in a["members"] if m.get("role")}))
    return e


def _event(ev: dict[str, Any], actors: dict[str, EntityProxy], docs: dict[int, Any]) -> EntityProxy:
    e = _entity("Event", ev["id"])
    e.add("name", f"{ev['type']} ({ev['mode']}): {', '.join(ev['participants'])}")
    e.add("date", ev["date"])
    e.add("startDate", ev["date"])
    e.add("endDate", ev["date_end"])
    e.add("location", ev["place"])
    e.add("keywords", [ev["type"], ev["mode"], ev["status"]])
    for actor_id in ev["participant_ids"]:
        actor = actors.get(actor_id)
        if actor is not None and actor.schema.is_a("LegalEntity"):
            e.add("involved", actor.id)
            e.add("country", actor.get("country"))
    first = ev["mentions"][0] if ev["mentions"] else None
    if first is not None:
        e.add("summary", first["quote"])
        doc = docs.get(first["doc_id"])
        e.add("sourceUrl", doc.url if doc else None)
    return e


def ftm_entities(store: Store) -> Iterator[EntityProxy]:
    """Every entity, documents first, so references point backwards."""
    docs = {d.id: d for d in store.documents(status="ok")}
    articles = {doc_id: _article(d) for doc_id, d in docs.items()}
    yield from articles.values()
    record = record_json(store.for_pair(None))  # an export holds every pair
    actors = {a["id"]: _actor(a) for a in record["actors"]}
    yield from actors.values()
    for a in record["actors"]:
        actor = actors[a["id"]]
        for m in a["members"]:
            if m["doc_id"] not in articles:
                continue
            if actor.schema.is_a("LegalEntity"):
                link = _entity("Mention", m["ref"])
                link.add("name", m["name"])
                link.add("resolved", actor.id)
                link.add("detectedSchema", actor.schema.name)
            else:
                link = _entity("Documentation", "actor", m["ref"])
                link.add("entity", actor.id)
                link.add("role", "mention")
            link.add("document", articles[m["doc_id"]].id)
            yield link
    for ev in record["events"]:
        event = _event(ev, actors, docs)
        yield event
        for m in ev["mentions"]:
            if m["doc_id"] not in articles:
                continue
            link = _entity("Documentation", "event", m["ref"])
            link.add("document", articles[m["doc_id"]].id)
            link.add("entity", event.id)
            link.add("role", "report")
            link.add("summary", m["quote"])
            link.add("date", m["published"])
            yield link


def export_ftm(store: Store, out: Path) -> int:
    """Write one FollowTheMoney entity (JSON) per line to `out`; returns the count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for entity in ftm_entities(store):
            fh.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n
