"""Parquet export: one file per table, typed columns (pyarrow)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bilat.export.tables import COLUMNS, load_tables
from bilat.store import Store

__all__ = ["arrow_schema", "export_parquet"]

_TYPES = {
    "int": pa.int64(),
    "float": pa.float64(),
    "str": pa.string(),
    "list": pa.list_(pa.string()),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(name, _TYPES[kind]) for name, kind in COLUMNS[table]])


def export_parquet(store: Store, out_dir: Path) -> dict[str, int]:
    """Write `DIR/<table>.parquet` for every table; returns the row count of each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, rows in load_tables(store).items():
        pq.write_table(
            pa.Table.from_pylist(rows, schema=arrow_schema(table)), out_dir / f"{table}.parquet"
        )
        counts[table] = len(rows)
    return counts
