"""Per-document exports: GOLD-format JSON per document, or JSON Lines of every item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilat.records import Actor, Document, Extraction
from bilat.store import Store

__all__ = ["SECTIONS", "export_gold", "export_jsonl", "to_gold"]

SECTIONS = ("actors", "events", "figures", "agreements", "commitments")


def _item(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in obj.__slots__:
        value = getattr(obj, name)
        if name == "evidence":
            out["quote"] = value.quote
        elif name in ("mentions", "gid", "source_data"):
            continue
        elif isinstance(value, tuple):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def _gold_actor(a: Actor) -> dict[str, Any]:
    return {
        "name": a.name,
        "type": a.type,
        "country": a.country,
        "role": a.role,
        "aliases": list(a.aliases),
    }


def _gold_figure(item: dict[str, Any]) -> dict[str, Any]:
    item.pop("flow_text", None)
    for key in ("value", "value_max"):
        v = item.get(key)
        if isinstance(v, float) and v.is_integer():
            item[key] = int(v)
    return item


def to_gold(extraction: Extraction, published: str | None) -> dict[str, Any]:
    """One document's extraction in the GOLD.md annotation format."""
    figures = [_gold_figure(_item(f)) for f in extraction.figures]
    commitments = [_gold_figure(_item(c)) for c in extraction.commitments]
    for c in commitments:
        c.pop("flow", None)
    return {
        "doc": extraction.doc_name,
        "published": published,
        "actors": [_gold_actor(a) for a in extraction.actors],
        "events": [_item(e) for e in extraction.events],
        "figures": figures,
        "agreements": [_item(a) for a in extraction.agreements],
        "commitments": commitments,
    }


def _extractions(store: Store) -> Iterator[tuple[Document, Extraction]]:
    for doc in store.documents(status="ok"):
        ext = store.load_extraction(doc.id)
        if ext is not None:
            yield doc, ext


def export_gold(store: Store, out_dir: Path) -> int:
    """Write `DIR/<name>.json` per extracted document (`name` as in `bilat docs`, so
    'a.txt' and 'a.json' never collide); returns the count. Duplicates are linked to their
    first copy and have no extraction of their own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc, ext in _extractions(store):
        path = out_dir / f"{doc.name.replace('/', '_')}.json"
        path.write_text(
            json.dumps(to_gold(ext, doc.published), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        n += 1
    return n


def _doc_meta(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "title": doc.title,
        "published": doc.published,
        "source": doc.source,
        "url": doc.url,
        "language": doc.language,
    }


def export_jsonl(store: Store, out: Path) -> int:
    """One line per document: its metadata and every extracted item with span and quote."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc, ext in _extractions(store):
            record = {**_doc_meta(doc), **{s: _rows(ext, s) for s in SECTIONS}}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _rows(ext: Extraction, section: str) -> list[dict[str, Any]]:
    out = []
    for item in getattr(ext, section):
        row = _item(item)
        ev = getattr(item, "evidence", None) or (item.mentions[0] if item.mentions else None)
        if ev is not None:
            row.update(start=ev.start, end=ev.end, quote=ev.quote)
        if section == "actors":
            row["gid"] = item.gid
        out.append(row)
    return out
