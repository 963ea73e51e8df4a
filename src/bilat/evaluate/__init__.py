"""Evaluation: score bilat's extraction against hand-made gold annotations (GOLD.md).

    gold.py    load_gold_file / load_gold_dir   read and validate gold JSON (the edge)
    score.py   score_document / score_all       one-to-one matching, P/R/F1, grounding
    report.py  format_table / report_to_json    present an EvalReport
    errors.py  explain / format_errors          each missed and extra item, with failed checks

``bilat eval`` exports each extracted document in the gold format and calls
``score_all(gold, predicted, texts)``.
"""

from __future__ import annotations

from bilat.evaluate.errors import DocErrors, ItemError, errors_to_json, explain, format_errors
from bilat.evaluate.gold import load_gold_dir, load_gold_file, validate_gold
from bilat.evaluate.report import format_table, report_to_json
from bilat.evaluate.score import (
    SECTIONS,
    DocScore,
    EvalReport,
    SectionMatch,
    SectionScore,
    score_all,
    score_document,
)

__all__ = [
    "SECTIONS",
    "DocErrors",
    "DocScore",
    "EvalReport",
    "ItemError",
    "SectionMatch",
    "SectionScore",
    "errors_to_json",
    "explain",
    "format_errors",
    "format_table",
    "load_gold_dir",
    "load_gold_file",
    "report_to_json",
    "score_all",
    "score_document",
    "validate_gold",
]
