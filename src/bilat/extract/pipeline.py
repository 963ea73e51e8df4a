"""Run the extraction stages on stored documents; ground every item in the original text.

Stages work on the clean text and return items whose evidence is in clean-text offsets.
`_ground` maps each span to the original text through the document's OffsetMap and checks
that the quote is exactly `text[start:end]`; an item that cannot be grounded is dropped
(and logged), so stored items are 100% grounded by construction.

With `n_process > 1`, whole documents are extracted in worker processes (each loads the model
once), so the rule-based stages run in parallel with spaCy, not after it.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, TypeVar

from bilat.config import ExtractOptions
from bilat.errors import ExtractionError, StoreError
from bilat.extract.actors import extract_actors
from bilat.extract.agreements import extract_agreements
from bilat.extract.commitments import extract_commitments
from bilat.extract.context import DocContext, Sentence
from bilat.extract.events import extract_events
from bilat.extract.figures import extract_figures
from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.nlp_ru import is_russian, parse_ru
from bilat.extract.pair import document_pair
from bilat.records import (
    Actor,
    Agreement,
    Commitment,
    Document,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store import Store

__all__ = [
    "EXTRACTOR_VERSION",
    "Extractor",
    "build_context",
    "extract_document",
    "run_extraction",
]

# Bump when extraction rules or data change: `bilat extract` re-runs older documents.
EXTRACTOR_VERSION = "2026.12.04-2"

log = logging.getLogger("bilat.extract")
T = TypeVar("T")


_LINE = re.compile(r"[^\n]+")


def _sentences(doc: Any) -> tuple[Sentence, ...]:
    """spaCy sentences, split again at line breaks (a paragraph never continues a sentence).
    Kept on the Doc: the limit check and the context both need them."""
    known = doc.user_data.get("bilat.sentences") if hasattr(doc, "user_data") else None
    if known is not None:
        return tuple(known)
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text
        lines = (
            [(m.start(), m.group(0)) for m in _LINE.finditer(text)] if "\n" in text else [(0, text)]
        )
        for offset, line in lines:
            piece = line.strip()
            if piece:
                start = sent.start_char + offset + len(line) - len(line.lstrip())
                out.append(Sentence(len(out), start, start + len(piece), piece))
    if hasattr(doc, "user_data"):
        doc.user_data["bilat.sentences"] = out
    return tuple(out)


def build_context(doc: Document, spacy_doc: Any, pair: tuple[str, str]) -> DocContext:
    return DocContext(
        name=doc.name,
        clean_text=doc.clean_text,
        published=doc.published,
        sentences=_sentences(spacy_doc),
        doc=spacy_doc,
        ents=tuple(spacy_doc.ents),
        pair=pair,
        language="ru" if spacy_doc.lang_ == "ru" else "en",
    )


def _referenced(
    ctx: DocContext,
    events: list[Event],
    figures: list[Figure],
    agreements: list[Agreement],
    commitments: list[Commitment],
    actors: list[Actor],
) -> list[Actor]:
    """Actors filtered out as incidental but named as a participant or party of an item."""
    have = {a.name for a in actors}
    names = {n for e in events for n in e.participants}
    names |= {f.said_by for f in figures if f.said_by}
    names |= {n for a in agreements for n in a.parties}
    names |= {n for c in commitments for n in c.parties}
    return [ctx.weak_actors[n] for n in sorted(names - have) if n in ctx.weak_actors]


def _pair_states(ctx: DocContext, gaz: Gazetteer, actors: list[Actor]) -> list[Actor]:
    """The pair's states are actors of every article about them (GOLD.md: the subject of
    the relationship), also when the text names one only by adjective ('the Sino-Russian
    Forum', 'Chinese delegations'): the adjectives are its mentions."""
    have = {a.name for a in actors}
    out = []
    for iso in ctx.pair:
        state = gaz.state(iso)
        if state.name in have or not state.adjectives:
            continue
        words = "|".join(re.escape(a) for a in state.adjectives)
        spans = [
            Evidence(m.start(), m.end(), m.group(0))
            for m in re.finditer(rf"(?<!\w)(?:{words})(?![a-z])", ctx.clean_text)
        ]
        if spans:
            out.append(Actor(state.name, "state", state.country, None, (), state.gid, tuple(spans)))
    return out


def _known_speakers(figures: list[Figure], actors: list[Actor]) -> list[Figure]:
    """`said_by` names an actor of the document (GOLD.md); otherwise it is dropped."""
    names = {a.name for a in actors}
    return [
        f if f.said_by in names or f.said_by is None else replace(f, said_by=None) for f in figures
    ]


def _ground(doc: Document, ev: Evidence) -> Evidence | None:
    start, end = doc.offsets.span_to_original(ev.start, ev.end)
    quote = doc.text[start:end]
    stripped = quote.strip()
    start += len(quote) - len(quote.lstrip())
    end = start + len(stripped)
    if not stripped or doc.text[start:end] != stripped:
        return None
    return Evidence(start, end, stripped)


def _grounded(doc: Document, items: Iterable[T]) -> tuple[T, ...]:
    out = []
    for item in items:
        ev = _ground(doc, item.evidence)  # type: ignore[attr-defined]
        if ev is None:
            log.warning("%s: dropped an item whose quote cannot be grounded", doc.name)
            continue
        out.append(replace(item, evidence=ev))  # type: ignore[type-var]
    return tuple(out)


def extract_document(
    doc: Document,
    spacy_doc: Any,
    pair: tuple[str, str] = ("RU", "CN"),
    gaz: Gazetteer | None = None,
    auto_pair: bool = False,
) -> Extraction:
    """Run every stage on one document; spans and quotes refer to `doc.text` (the original).
    `pair` is the configured pair; with `auto_pair` the document's own pair is detected."""
    gaz = gaz or default_gazetteer()
    ctx = build_context(doc, spacy_doc, pair)
    actors = extract_actors(ctx, gaz)
    ctx.pair = document_pair(ctx, auto_pair)
    ctx.pair_names = (gaz.state(ctx.pair[0]).name, gaz.state(ctx.pair[1]).name)
    events = extract_events(ctx, gaz)
    figures = extract_figures(ctx)
    agreements = extract_agreements(ctx)
    commitments = extract_commitments(ctx)
    actors += _referenced(ctx, events, figures, agreements, commitments, actors)
    actors += _pair_states(ctx, gaz, actors)
    figures = _known_speakers(figures, actors)
    grounded_actors = tuple(
        replace(a, mentions=tuple(g for m in a.mentions if (g := _ground(doc, m)))) for a in actors
    )
    return Extraction(
        doc_name=doc.name,
        published=doc.published,
        extractor_version=EXTRACTOR_VERSION,
        actors=grounded_actors,
        events=_grounded(doc, events),
        figures=_grounded(doc, figures),
        agreements=_grounded(doc, agreements),
        commitments=_grounded(doc, commitments),
        pair=ctx.pair,
    )


# worker processes ---------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(model: str) -> None:
    if _WORKER.get("model") == model:
        return  # inherited from the parent (fork)
    _WORKER["nlp"] = load_nlp(model)
    _WORKER["gaz"] = default_gazetteer()
    _WORKER["model"] = model


def _start_worker(model: str, parent: int) -> None:
    """Pool initializer: die with the parent, then load the model (or keep the forked one)."""
    _die_with_parent(parent)
    _init_worker(model)


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


def _warm(options: ExtractOptions) -> None:
    """Build every lazy cache (model, gazetteer, phrase matchers, regexes) in this process."""
    _init_worker(options.model)
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


_BatchArgs = tuple[list[Document], tuple[str, str], bool, tuple[int, int]]


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
    count = len(_sentences(spacy_doc))  # what the stages walk: spaCy's, split at line breaks
    if count > max_sentences:
        return f"{count:,} sentences, over the {max_sentences:,} limit (extract.max_sentences)"
    longest = max((len(s) for s in spacy_doc.sents), default=0)
    if longest > max_tokens:
        return (
            f"a sentence of {longest:,} tokens, over the {max_tokens:,} limit "
            "(extract.max_sentence_tokens)"
        )
    return None


def _work_batch(args: _BatchArgs) -> list[Extraction | ExtractionError]:
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
            out.append(ExtractionError(_reason(exc)))
    return out


def _reason(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, ExtractionError):
        return text
    return f"{type(exc).__name__}: {text[:500]}"


class Extractor:
    """Extract documents as they arrive, saving each in its own transaction.

    With `n_process > 1` a pool of worker processes is warmed up (model, gazetteer, matchers
    loaded once in the parent and inherited by fork) and every submitted document starts at
    once, so extraction runs while the caller is still ingesting the next inputs.
    """

    def __init__(self, store: Store, options: ExtractOptions) -> None:
        self.store, self.options = store, options
        self.pool: ProcessPoolExecutor | None = None
        self.jobs: list[
            tuple[list[Document], Future[list[Extraction | ExtractionError]] | None]
        ] = []
        self.pending: list[Document] = []
        self.batch = max(1, options.batch_size // 4)

    def __enter__(self) -> Extractor:
        if self.options.n_process > 1:
            _warm(self.options)
            gc.freeze()  # workers inherit the warm model and caches; GC need not rescan them
            self.pool = ProcessPoolExecutor(
                self.options.n_process,
                initializer=_start_worker,
                initargs=(self.options.model, os.getpid()),
            )
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, doc: Document) -> None:
        if doc.status != "ok":
            return  # duplicates are linked to their first copy, not extracted again
        self.pending.append(doc)
        if len(self.pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        job = self.pool.submit(_work_batch, self._args(batch)) if self.pool else None
        self.jobs.append((batch, job))

    def _args(self, batch: list[Document]) -> _BatchArgs:
        o = self.options
        return batch, o.pair, o.auto_pair, (o.max_sentences, o.max_sentence_tokens)

    def _results(self) -> Iterator[tuple[Document, Extraction | ExtractionError]]:
        self._flush()
        if self.pool is None and self.jobs:
            _init_worker(self.options.model)
        for batch, job in self.jobs:
            try:
                results = job.result() if job is not None else _work_batch(self._args(batch))
            except Exception as exc:  # a worker died (killed, out of memory): this batch only
                results = [ExtractionError(f"worker failed: {_reason(exc)}") for _ in batch]
            yield from zip(batch, results, strict=True)

    def finish(
        self, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
    ) -> tuple[int, list[str]]:
        """Wait for every submitted document and store its extraction."""
        done, failed = 0, []
        total = len(self.pending) + sum(len(batch) for batch, _ in self.jobs)
        results: Iterable[Any] = _Sized(self._results(), total)
        if progress is not None:
            results = progress(results)
        for doc, result in results:
            if not isinstance(result, ExtractionError):
                result = self._save(doc, result)
            if isinstance(result, ExtractionError):
                log.error("extraction failed: %s: %s", doc.name, result)
                self.store.mark_failed(doc.id, str(result))
                failed.append(f"{doc.name}: {result}")
                continue
            done += 1
        self.jobs = []
        return done, failed

    def _save(self, doc: Document, result: Extraction) -> Extraction | ExtractionError:
        try:
            with self.store.transaction():
                self.store.save_extraction(doc.id, result)
                self.store.clear_failure(doc.id)
        except StoreError:
            raise  # the store itself is gone: nothing later can be saved either
        except Exception as exc:  # this extraction cannot be stored (e.g. a value too large)
            return ExtractionError(f"cannot be stored: {_reason(exc)}")
        return result


class _Sized:
    """An iterator that knows its length, so a progress display can show done/total."""

    def __init__(self, items: Iterator[Any], size: int) -> None:
        self.items, self.size = items, size

    def __iter__(self) -> Iterator[Any]:
        return self.items

    def __len__(self) -> int:
        return self.size


def run_extraction(
    store: Store,
    options: ExtractOptions,
    docs: list[Document] | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> tuple[int, list[str]]:
    """Extract `docs` (default: every stale document) and store each in its own transaction."""
    todo = store.stale_documents(EXTRACTOR_VERSION) if docs is None else docs
    if not todo:
        return 0, []
    with Extractor(store, options) as extractor:
        for doc in todo:
            extractor.submit(doc)
        return extractor.finish(progress)
