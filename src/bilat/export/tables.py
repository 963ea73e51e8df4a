"""The record as flat tables: one row per document, extracted item or conflicting claim.

Every item row carries its document (id, name, publication date, outlet, URL) and its
evidence (start, end, quote in the original text), so a table read on its own is sourced.
Column kinds ("int", "float", "str", "list") are declared once here; the Parquet writer maps
them to Arrow types and the CSV writer joins lists with "; ".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilat.record import record_json
from bilat.store import Store
from bilat.store import queries as q

__all__ = ["COLUMNS", "TABLES", "Tables", "flat_value", "load_tables"]

TABLES = (
    "documents",
    "actors",
    "events",
    "figures",
    "agreements",
    "commitments",
    "conflicts",
)

_DOC = [("doc_id", "int"), ("doc", "str"), ("published", "str"), ("source", "str")]
_DOC += [("url", "str")]
_EVIDENCE = [("start", "int"), ("end", "int"), ("quote", "str")]
_VALUE = [("value", "float"), ("value_max", "float"), ("unit", "str"), ("per", "str")]

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "int"),
        ("name", "str"),
        ("version", "int"),
        ("title", "str"),
        ("published", "str"),
        ("published_basis", "str"),
        ("source", "str"),
        ("url", "str"),
        ("language", "str"),
        ("status", "str"),
        ("duplicate_of", "int"),
        ("ingested_at", "str"),
        ("extractor_version", "str"),
    ],
    "actors": [
        ("id", "int"),
        *_DOC,
        ("canonical_id", "str"),
        ("name", "str"),
        ("type", "str"),
        ("country", "str"),
        ("role", "str"),
        ("aliases", "list"),
        ("gid", "str"),
        ("mention_count", "int"),
        *_EVIDENCE,  # the first mention
    ],
    "events": [
        ("id", "int"),
        *_DOC,
        ("cluster_id", "str"),
        ("type", "str"),
        ("mode", "str"),
        ("status", "str"),
        ("participants", "list"),
        ("date", "str"),
        ("date_end", "str"),
        ("place", "str"),
        *_EVIDENCE,
    ],
    "figures": [
        ("id", "int"),
        *_DOC,
        ("kind", "str"),
        ("measure", "str"),
        ("measure_text", "str"),
        ("flow", "str"),
        ("period", "str"),
        *_VALUE,
        ("qualifier", "str"),
        ("said_by", "str"),
        ("source_data", "str"),
        *_EVIDENCE,
    ],
    "agreements": [
        ("id", "int"),
        *_DOC,
        ("title", "str"),
        ("kind", "str"),
        ("status", "str"),
        ("date", "str"),
        ("parties", "list"),
        ("sector", "str"),
        *_EVIDENCE,
    ],
    "commitments": [
        ("id", "int"),
        *_DOC,
        ("measure", "str"),
        ("measure_text", "str"),
        ("flow", "str"),
        ("relation", "str"),
        *_VALUE,
        ("deadline", "str"),
        ("parties", "list"),
        ("status", "str"),
        *_EVIDENCE,
    ],
    "conflicts": [
        ("conflict", "int"),  # the conflict's number; one row per claim
        ("measure", "str"),
        ("flow", "str"),
        ("period", "str"),
        ("kind", "str"),
        ("topic", "str"),
        ("reason", "str"),
        ("data_sources", "list"),
        *_DOC,
        *_VALUE,
        ("qualifier", "str"),
        ("said_by", "str"),
        ("source_data", "str"),
        ("low", "float"),
        ("high", "float"),
        *_EVIDENCE,
    ],
}

Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class _Docs:
    """Document context of item rows, by document id."""

    rows: dict[int, dict[str, Any]]

    def of(self, doc_id: int) -> dict[str, Any]:
        d = self.rows.get(doc_id, {})
        return {
            "doc_id": doc_id,
            "doc": d.get("name"),
            "published": d.get("published"),
            "source": d.get("source"),
            "url": d.get("url"),
        }


def _documents(store: Store) -> list[dict[str, Any]]:
    cols = ", ".join(c for c, _ in COLUMNS["documents"])
    return store.db.all(f"SELECT {cols} FROM documents WHERE is_current = 1 ORDER BY id")


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"start": row["start_pos"], "end": row["end_pos"], "quote": row["quote"]}


def _actors(store: Store, docs: _Docs, canonical: dict[str, str]) -> list[dict[str, Any]]:
    first = store.db.all(
        "SELECT actor_id, COUNT(*) AS n, MIN(start_pos) AS s FROM mentions GROUP BY actor_id"
    )
    counts = {int(r["actor_id"]): (int(r["n"]), int(r["s"])) for r in first}
    quotes = {
        (int(r["actor_id"]), int(r["start_pos"])): r
        for r in store.db.all("SELECT actor_id, start_pos, end_pos, quote FROM mentions")
    }
    out = []
    for row in q.item_rows(store.db, "actors"):
        n, start = counts.get(row["id"], (0, -1))
        m = quotes.get((row["id"], start))
        out.append(
            {
                **row,
                **docs.of(row["doc_id"]),
                "canonical_id": canonical.get(f"{row['doc_id']}:{row['name']}"),
                "mention_count": n,
                **(_evidence(m) if m else {}),
            }
        )
    return out


def _items(store: Store, table: str, docs: _Docs) -> list[dict[str, Any]]:
    return [{**r, **docs.of(r["doc_id"]), **_evidence(r)} for r in q.item_rows(store.db, table)]


def _events(store: Store, docs: _Docs, clusters: dict[str, str]) -> list[dict[str, Any]]:
    rows = _items(store, "events", docs)
    index: dict[int, int] = {}
    for row in rows:  # ordered by document, then as extracted: the reconciler's mention refs
        i = index.get(row["doc_id"], 0)
        index[row["doc_id"]] = i + 1
        row["cluster_id"] = clusters.get(f"{row['doc_id']}:e{i}")
    return rows


def _conflicts(record: dict[str, Any], docs: _Docs) -> list[dict[str, Any]]:
    out = []
    for n, c in enumerate(record["conflicts"], 1):
        head = {k: c.get(k) for k in ("measure", "flow", "period", "kind", "topic", "reason")}
        head.update(conflict=n, data_sources=c.get("source_data") or [])
        for claim in c["claims"]:
            out.append({**head, **claim, **docs.of(claim["doc_id"])})
    return out


def load_tables(store: Store) -> Tables:
    """Every table of TABLES as rows with exactly the COLUMNS of that table."""
    documents = _documents(store)
    docs = _Docs({int(d["id"]): d for d in documents})
    record = record_json(store.for_pair(None))  # an export holds every pair
    canonical = {m["ref"]: a["id"] for a in record["actors"] for m in a["members"]}
    clusters = {m["ref"]: e["id"] for e in record["events"] for m in e["mentions"]}
    raw: Tables = {
        "documents": documents,
        "actors": _actors(store, docs, canonical),
        "events": _events(store, docs, clusters),
        **{t: _items(store, t, docs) for t in ("figures", "agreements", "commitments")},
        "conflicts": _conflicts(record, docs),
    }
    return {
        table: [{c: _typed(row.get(c), kind) for c, kind in COLUMNS[table]} for row in rows]
        for table, rows in raw.items()
    }


def _typed(value: Any, kind: str) -> Any:
    if value is None:
        return [] if kind == "list" else None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "list":
        return [str(v) for v in value]
    return str(value)


def flat_value(value: Any) -> str:
    """A cell as a spreadsheet shows it: lists joined by "; ", None empty, whole floats as
    integers (244800000000, not 2.448e+11)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(flat_value(v) for v in value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
