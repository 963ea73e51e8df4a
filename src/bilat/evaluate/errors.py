"""Why a document scored as it did: every missed gold item and every extra prediction.

For each unmatched item the report names its *nearest* counterpart on the other side - the
unmatched item of the same section that fails the fewest of the section's match checks
(:data:`bilat.evaluate.score.CHECKS`), ties going to the one whose quote overlaps most - and
the checks that pair fails ("period", "value", "participants", ...). A counterpart is only
named when it fails fewer than all checks or quotes overlapping text, so unrelated items are
not paired up. Actors are listed without a counterpart (their only check is the name).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.evaluate.score import (
    CHECKS,
    QUOTED_SECTIONS,
    SECTIONS,
    EvalReport,
    failed_checks,
    match_context,
)

__all__ = ["DocErrors", "ItemError", "errors_to_json", "explain", "format_errors"]

Item = Mapping[str, Any]
Doc = Mapping[str, Any]

# The fields shown for an item of each section, in this order.
_SHOWN = {
    "actors": ("name", "type", "country", "role"),
    "events": ("type", "mode", "status", "participants", "date", "date_end", "place"),
    "figures": ("kind", "value", "value_max", "unit", "per", "qualifier", "measure", "flow",
                "period", "said_by"),
    "agreements": ("title", "kind", "status", "date", "parties"),
    "commitments": ("measure", "relation", "value", "value_max", "unit", "per", "deadline",
                    "parties", "status"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ItemError:
    """One unmatched item: `missed` (gold, not predicted) or `extra` (predicted, not in gold)."""

    section: str
    side: str
    item: Item
    nearest: Item | None
    failed: tuple[str, ...]  # checks the pair (item, nearest) fails; empty without nearest


@dataclass(frozen=True, slots=True)
class DocErrors:
    doc: str
    errors: tuple[ItemError, ...]


def _overlap(a: object, b: object) -> int:
    """The length of the shorter quote when one contains the other, else 0."""
    if not (isinstance(a, str) and isinstance(b, str) and a and b):
        return 0
    if a in b or b in a:
        return min(len(a), len(b))
    return 0


def _nearest(
    section: str, item: Item, others: Sequence[Item], gold_side: bool, ctx: Any
) -> tuple[Item | None, tuple[str, ...]]:
    best: tuple[tuple[int, int], Item, tuple[str, ...]] | None = None
    for other in others:
        g, p = (item, other) if gold_side else (other, item)
        failed = failed_checks(section, g, p, ctx)
        overlap = _overlap(item.get("quote"), other.get("quote"))
        if len(failed) == len(CHECKS[section]) and not overlap:
            continue
        key = (len(failed), -overlap)
        if best is None or key < best[0]:
            best = (key, other, failed)
    return (None, ()) if best is None else (best[1], best[2])


def _section_errors(section: str, gold: Doc, predicted: Doc, report_doc: Any) -> list[ItemError]:
    match = report_doc.matches[section]
    g_items, p_items = list(gold.get(section) or []), list(predicted.get(section) or [])
    missed = [g_items[i] for i in match.unmatched_gold]
    extra = [p_items[j] for j in match.unmatched_predicted]
    ctx = match_context(gold, predicted)
    out = []
    for side, items, others in (("missed", missed, extra), ("extra", extra, missed)):
        for item in items:
            if section == "actors":
                out.append(ItemError(section, side, item, None, ()))
                continue
            near, failed = _nearest(section, item, others, side == "missed", ctx)
            out.append(ItemError(section, side, item, near, failed))
    return out


def explain(
    report: EvalReport, gold: Mapping[str, Doc], predicted: Mapping[str, Doc]
) -> tuple[DocErrors, ...]:
    """The unmatched items of every scored document, in the report's document order."""
    out = []
    for doc_score in report.docs:
        g = gold[doc_score.doc]
        p = predicted.get(doc_score.doc, {"doc": doc_score.doc})
        errors = [e for s in SECTIONS for e in _section_errors(s, g, p, doc_score)]
        out.append(DocErrors(doc_score.doc, tuple(errors)))
    return tuple(out)


# ---------------------------------------------------------------- presentation


def _show(value: object) -> str:
    if isinstance(value, list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _summary(section: str, item: Item) -> str:
    return " ".join(
        f"{k}={_show(item.get(k))}" for k in _SHOWN[section] if item.get(k) not in (None, [])
    )


def _diff(section: str, error: ItemError) -> str:
    """`field: ours -> theirs` for each failed check, reading the check's field names."""
    assert error.nearest is not None
    parts = []
    for name in error.failed:
        mine, theirs = error.item.get(name), error.nearest.get(name)
        parts.append(f"{name} {_show(mine)} vs {_show(theirs)}")
    return "; ".join(parts) if parts else "(all checks pass: taken by another pair)"


def format_errors(docs: Sequence[DocErrors]) -> str:
    """Plain text, one block per document that has errors."""
    lines: list[str] = []
    for doc in docs:
        if not doc.errors:
            continue
        lines.append(f"== {doc.doc}")
        for e in doc.errors:
            lines.append(f"  {e.section:<11} {e.side.upper():<6} {_summary(e.section, e.item)}")
            if e.section in QUOTED_SECTIONS and e.item.get("quote"):
                lines.append(f"{'':20}“{e.item.get('quote')}”")
            if e.nearest is not None:
                other = "prediction" if e.side == "missed" else "gold"
                lines.append(f"{'':20}nearest {other}: {_diff(e.section, e)}")
    n = sum(len(d.errors) for d in docs)
    lines.append(f"{n} unmatched items in {sum(1 for d in docs if d.errors)} documents")
    return "\n".join(lines) + "\n"


def errors_to_json(docs: Sequence[DocErrors]) -> list[dict[str, Any]]:
    return [
        {
            "doc": d.doc,
            "errors": [
                {
                    "section": e.section,
                    "side": e.side,
                    "item": dict(e.item),
                    "nearest": None if e.nearest is None else dict(e.nearest),
                    "failed": list(e.failed),
                }
                for e in d.errors
            ],
        }
        for d in docs
    ]
