"""What runs in an extraction worker: a batch of documents in, one result per document out.

A worker is a process of the local pool (`extract.n_process`), a Dask worker
(`extract.executor = "dask"`) or, for a small job, the current process. Each loads the spaCy
model and the gazetteer once (`init_worker`) and keeps them for every batch it runs; a batch
(`work_batch`) is parsed with `nlp.pipe`, then each document goes through `extract_document`,
its failure becoming its own `ExtractionError` result. Workers never touch the store: the
parent saves every result.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from bilat.config import ExtractOptions
from bilat.errors import ExtractionError
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.nlp_ru import is_russian, parse_ru
from bilat.extract.pipeline import doc_sentences, extract_document
from bilat.records import Document, Extraction

__all__ = [
    "BatchArgs",
    "dask_batch",
    "init_worker",
    "reason",
    "start_worker",
    "warm",
    "work_batch",
]

_WORKER: dict[str, Any] = {}


_LOADING = threading.Lock()  # a Dask worker may run two batches at once in threads


def init_worker(model: str) -> None:
    """Load the model and gazetteer into this process, once (a forked worker inherits them)."""
    with _LOADING:
        if _WORKER.get("model") == model:
            return
        _WORKER["nlp"] = load_nlp(model)
        _WORKER["gaz"] = default_gazetteer()
        _WORKER["model"] = model
        _WORKER["loads"] = _WORKER.get("loads", 0) + 1  # tests: once per worker, not per batch


def start_worker(model: str, parent: int) -> None:
    """Pool initializer: die with the parent, then load the model (or keep the forked one)."""
    _die_with_parent(parent)
    init_worker(model)


def _die_with_parent(parent: int) -> None:
    """A parent killed with -9 cannot shut its pool down, and its workers would go on (the
    audit found two alive 11 minutes later): a watchdog thread ends this worker within a
    second of the parent's death (the worker is then re-parented, so its parent id changes)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="bilat-parent-watch", daemon=True).start()


_WATCH_SECONDS = 0.5
_WARM_TEXT = (
    "MOSCOW, May 8, 2025 (Interfax) - Russian President Vladimir Putin and Chinese President "
    "Xi Jinping held talks in the Kremlin. Trade reached $245 billion in 2024."
)


def warm(options: ExtractOptions) -> None:
    """Build every lazy cache (model, gazetteer, phrase matchers, regexes) in this process."""
    init_worker(options.model)
    from bilat.offsets import OffsetMap

    doc = Document(
        0,
        "warm-up",
        1,
        "",
        _WARM_TEXT,
        _WARM_TEXT,
        OffsetMap.identity(len(_WARM_TEXT)),
        None,
        "2025-05-08",
        None,
        None,
        None,
        "ok",
        None,
        {},
        "",
    )
    extract_document(
        doc, _WORKER["nlp"](doc.clean_text), options.pair, _WORKER["gaz"], options.auto_pair
    )


BatchArgs = tuple[list[Document], tuple[str, str], bool, tuple[int, int]]


def _parse(docs: list[Document]) -> list[Any]:
    """spaCy docs for a batch with nlp.pipe (faster than one call per text); if the batch
    fails, each text alone, so one bad text yields its exception and spares the others."""
    nlp = _WORKER["nlp"]
    try:  # Russian documents go through the Russian mention layer (bilat.extract.nlp_ru)
        english = iter(nlp.pipe(d.clean_text for d in docs if not is_russian(d)))
        return [parse_ru(d.clean_text) if is_russian(d) else next(english) for d in docs]
    except Exception:
        out: list[Any] = []
        for doc in docs:
            try:
                out.append(parse_ru(doc.clean_text) if is_russian(doc) else nlp(doc.clean_text))
            except Exception as exc:
                out.append(exc)
        return out


def _over_limits(spacy_doc: Any, limits: tuple[int, int]) -> str | None:
    """Why a parsed document is beyond the extraction limits (see `ExtractOptions`), or None."""
    max_sentences, max_tokens = limits
    count = len(doc_sentences(spacy_doc))  # what the stages walk: spaCy's, split at line breaks
    if count > max_sentences:
        return f"{count:,} sentences, over the {max_sentences:,} limit (extract.max_sentences)"
    longest = max((len(s) for s in spacy_doc.sents), default=0)
    if longest > max_tokens:
        return (
            f"a sentence of {longest:,} tokens, over the {max_tokens:,} limit "
            "(extract.max_sentence_tokens)"
        )
    return None


def dask_batch(args: BatchArgs, model: str) -> list[Extraction | ExtractionError]:
    """`work_batch` on a Dask worker: the model is loaded by the first batch a worker process
    runs and kept for every later one (`bilat.extract.executors`)."""
    init_worker(model)
    return work_batch(args)


def work_batch(args: BatchArgs) -> list[Extraction | ExtractionError]:
    """Parse a batch, then run the stages; each document's failure is its own result."""
    docs, pair, auto, limits = args
    out: list[Extraction | ExtractionError] = []
    for doc, spacy_doc in zip(docs, _parse(docs), strict=True):
        try:
            if isinstance(spacy_doc, Exception):
                raise spacy_doc
            problem = _over_limits(spacy_doc, limits)
            if problem:
                raise ExtractionError(problem)
            out.append(extract_document(doc, spacy_doc, pair, _WORKER["gaz"], auto))
        except Exception as exc:  # reported per document by the parent
            out.append(ExtractionError(reason(exc)))
    return out


def reason(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, ExtractionError):
        return text
    return f"{type(exc).__name__}: {text[:500]}"
