"""CSV export: one file per table, one column per field, lists joined by "; "."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from bilat.export.tables import COLUMNS, flat_value, load_tables
from bilat.store import Store

__all__ = ["export_csv", "write_flat_csv"]


def write_flat_csv(fh: TextIO, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` as CSV with a header of `columns`; returns the row count."""
    writer = csv.writer(fh)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([flat_value(row.get(c)) for c in columns])
        n += 1
    return n


def export_csv(store: Store, out_dir: Path) -> dict[str, int]:
    """Write `DIR/<table>.csv` for every table; returns the row count of each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, rows in load_tables(store).items():
        with (out_dir / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            counts[table] = write_flat_csv(fh, [c for c, _ in COLUMNS[table]], rows)
    return counts
