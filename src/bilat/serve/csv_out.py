"""`?format=csv` for the API's lists: the rows a view returns, as flat columns.

One column per field; nested objects become prefixed columns (`review_state`,
`cluster_id`), except `evidence`, whose `start`, `end` and `quote` are columns of their own;
lists of values are joined by "; "; a list of objects (rare) is written as JSON. A conflict is
one row per claim, its own fields repeated on each (its named data sources as `data_sources`).

Article text is untrusted: a cell that a spreadsheet would run as a formula (starting with
=, +, -, @, a tab or a carriage return, and not a number) gets a leading apostrophe.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

from bilat.export.csvfile import write_flat_csv
from bilat.export.tables import flat_value

__all__ = ["conflict_rows", "csv_response", "flat_row"]


def flat_row(row: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}

    def put(name: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                put(key if name == "evidence" else f"{name}_{key}", inner)
        elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = _inert(flat_value(value))

    for key, value in row.items():
        put(key, value)
    return out


def _inert(cell: str) -> str:
    if not cell or cell[0] not in "=+-@\t\r":
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell


def conflict_rows(
    conflicts: list[dict[str, Any]], urls: dict[int, str | None]
) -> list[dict[str, Any]]:
    """One row per claim: the conflict's number and fields, then the claim's, with the URL of
    the claim's document."""
    rows = []
    for n, c in enumerate(conflicts, 1):
        head = {k: v for k, v in c.items() if k not in ("claims", "consistent_subsets")}
        head["data_sources"] = head.pop("source_data", None)  # a claim has its own source_data
        for claim in c.get("claims", []):
            rows.append({"conflict": n, **head, **claim, "url": urls.get(claim.get("doc_id", 0))})
    return rows


def csv_response(rows: Iterable[dict[str, Any]], name: str) -> Response:
    flat = [flat_row(r) for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    buf = io.StringIO()
    write_flat_csv(buf, columns, flat)
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
