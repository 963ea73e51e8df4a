"""`bilat eval`: ingest a folder of articles into a throw-away store, extract, and score."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.config import Options
from bilat.errors import GoldFormatError
from bilat.evaluate.gold import load_gold_dir
from bilat.evaluate.score import EvalReport, score_all
from bilat.export import to_gold
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store

__all__ = ["EvalRun", "evaluate"]


@dataclass(frozen=True, slots=True)
class EvalRun:
    """The scores, and the gold and predicted documents they were computed from (by name)."""

    report: EvalReport
    gold: Mapping[str, Any]
    predicted: Mapping[str, Any]


def evaluate(gold_dir: Path, docs_dir: Path, options: Options) -> EvalRun:
    """Score bilat's extraction of `docs_dir` against the gold files in `gold_dir`.

    Every article is extracted (deduplication off: near-identical articles are each scored).
    """
    gold = load_gold_dir(gold_dir)
    if not docs_dir.is_dir():
        problem = "not a directory of articles" if docs_dir.exists() else "no such directory"
        raise GoldFormatError(f"{docs_dir}: {problem} (--docs)")
    with tempfile.TemporaryDirectory(prefix="bilat-eval-") as tmp:
        opts = dataclasses.replace(options, db=str(Path(tmp) / "eval.db"))
        store = open_store(opts.db)
        try:
            ingest_and_extract(store, [str(docs_dir)], opts, reconcile=False, dedupe_enabled=False)
            predicted, texts = {}, {}
            for doc in store.documents():
                ext = store.load_extraction(doc.id)
                texts[doc.name] = doc.text
                if ext is not None:
                    predicted[doc.name] = to_gold(ext, doc.published)
        finally:
            store.close()
    return EvalRun(score_all(gold, predicted, texts), gold, predicted)
