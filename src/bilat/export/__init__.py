"""Exports of the record: GOLD-format JSON per document, JSON Lines, flat CSV and Parquet
tables, PLOVER-style event records and FollowTheMoney entities.

Each format is one module; the heavy libraries (pyarrow, followthemoney) load only when their
format is asked for.
"""

from __future__ import annotations

from bilat.export.per_document import SECTIONS, export_gold, export_jsonl, to_gold
from bilat.export.tables import COLUMNS, TABLES, flat_value, load_tables

__all__ = [
    "COLUMNS",
    "SECTIONS",
    "TABLES",
    "export_gold",
    "export_jsonl",
    "flat_value",
    "load_tables",
    "to_gold",
]
