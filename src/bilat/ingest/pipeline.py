"""The ingest pipeline: inputs -> stored documents (+ extraction), one transaction each.

Per-document failure is a policy: with `on_error="record"` (the default) a bad input becomes a
stored reject with its reason and the batch goes on; `on_error="raise"` raises at once (tests).

Inputs stream through: `stored_documents` reads one input at a time and yields each document as
soon as it is stored, so a caller (the main job's extraction) works on it while the next inputs
are read; the report keeps only a small summary of each document, never its text.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from bilat.config import Options
from bilat.errors import FeedError, InputRejected, StoreError
from bilat.extract.languages import language_warning
from bilat.ingest import dedupe
from bilat.ingest.clean import CleanOptions, clean_article
from bilat.ingest.feeds import feed_inputs
from bilat.ingest.fetch import FetchOptions, read_url_list
from bilat.ingest.readers import decode_each, iter_inputs
from bilat.ingest.safety import printable
from bilat.records import Article, CleanDocument, Document, RawInput
from bilat.store import DocumentRow, Store

__all__ = ["IngestReport", "StoredDocument", "ingest", "stored_documents"]

log = logging.getLogger("bilat.ingest")


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What the report keeps of a stored document (its text stays in the store)."""

    id: int
    name: str
    version: int
    status: str
    duplicate_of: int | None

    @classmethod
    def of(cls, doc: Document) -> StoredDocument:
        return cls(doc.id, doc.name, doc.version, doc.status, doc.duplicate_of)


@dataclass(slots=True)
class IngestReport:
    added: list[StoredDocument] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # feed entries already stored (link, content)
    failed_feeds: list[tuple[str, str]] = field(default_factory=list)  # (feed, reason)

    @property
    def duplicates(self) -> list[StoredDocument]:
        return [d for d in self.added if d.status != "ok"]


def _fetch_options(options: Options, allow_private: bool) -> FetchOptions:
    return FetchOptions(
        allow_private=allow_private,
        timeout=options.ingest.fetch_timeout,
        max_bytes=options.ingest.fetch_max_bytes,
        max_redirects=options.ingest.fetch_max_redirects,
    )


def _raw_inputs(
    paths: Sequence[str],
    urls_file: Path | None,
    allow_private: bool,
    options: Options,
    stdin: BinaryIO | None,
    follow_links: bool,
) -> Iterator[RawInput | InputRejected]:
    yield from iter_inputs(
        paths, stdin=stdin, max_bytes=options.ingest.max_bytes, follow_links=follow_links
    )
    if urls_file is None:
        return
    try:
        urls = read_url_list(urls_file)
    except FileNotFoundError:
        yield InputRejected(str(urls_file), f"no such file: {urls_file} (--urls)")
        return
    except OSError as exc:
        yield InputRejected(str(urls_file), f"cannot read URL list: {exc.strerror or exc}")
        return
    fetch = _fetch_options(options, allow_private)
    for url in urls:
        try:
            yield fetch.page(url)
        except InputRejected as exc:
            yield exc


class _Deduper:
    """Exact and near-duplicate detection against everything already stored.

    Near duplicates are looked up in the store's band table (`bilat.store.bands`): only the
    documents sharing an LSH band with the new one are read, never the whole collection; the
    earliest candidate at or above the threshold wins, as in `dedupe.NearDuplicateIndex`."""

    def __init__(self, store: Store, enabled: bool, threshold: float) -> None:
        self.enabled = enabled
        self.store = store
        self.threshold = threshold
        self.layout = dedupe.band_layout(threshold)
        if enabled:
            keyed = store.band_layout("{} x {}".format(*self.layout), self.keys)
            if keyed:
                log.info("near duplicates: band keys built for %d stored documents", keyed)

    def keys(self, sig: bytes | None) -> list[int]:
        if sig is None or dedupe.is_empty(sig):
            return []
        return dedupe.band_keys(sig, self.layout)

    def classify(
        self, clean: CleanDocument, digest: str, sig: bytes | None
    ) -> tuple[str, int | None]:
        if not self.enabled or sig is None:
            return "ok", None
        first = self.store.find_by_hash(digest)
        if first is not None and first.name != clean.article.name:
            return "duplicate", first.id
        for doc_id, name, stored in self.store.near_candidates(self.keys(sig)):
            if dedupe.jaccard(stored, sig) >= self.threshold:  # candidates come by id: earliest
                return ("ok", None) if name == clean.article.name else ("near_duplicate", doc_id)
        return "ok", None


def _store_one(
    store: Store,
    deduper: _Deduper,
    article: Article,
    report: IngestReport,
    cleaning: CleanOptions,
    max_chars: int,
    from_feed: bool = False,
) -> Document | None:
    """Store `article` (None when it is unchanged or a feed entry already stored)."""
    if len(article.text) > max_chars:
        raise InputRejected(
            article.name,
            f"text is {len(article.text):,} characters, over the {max_chars:,} limit "
            "(ingest.max_chars)",
        )
    clean = clean_article(article, cleaning)  # also settles publication date and language
    digest = dedupe.content_hash(clean.clean_text)
    current = store.current_version(article.name)
    if current is not None and current.content_hash == digest:
        report.unchanged.append(article.name)
        return None
    first = store.find_by_hash(digest) if from_feed else None
    if first is not None:  # the same story under another link
        if article.url:
            store.mark_seen(article.url, digest, first.id)
        report.seen.append(article.url or article.name)
        log.info("seen %s (its text is stored as %s)", article.url or article.name, first.name)
        return None
    sig = dedupe.signature(clean.clean_text) if deduper.enabled else None
    status, of = deduper.classify(clean, digest, sig)
    row = DocumentRow(clean, digest, status, of, sig, tuple(deduper.keys(sig)))
    with store.transaction():
        doc = store.add_document(row)
    report.added.append(StoredDocument.of(doc))
    log.info("stored %s (id %d, %s)", doc.name, doc.id, doc.status)
    warning = language_warning(doc.language)
    if warning is not None:
        log.warning("%s: %s", doc.name, warning)
    return doc


def _with_stated(art: Article, stated: dict[str, str]) -> Article:
    """The feed's title, date and outlet over what the page says."""
    return replace(
        art,
        title=stated.get("title") or art.title,
        published=stated.get("published") or art.published,
        source=stated.get("source") or art.source,
    )


def _reject(
    store: Store,
    exc: InputRejected,
    origin: str,
    report: IngestReport,
    on_rejected: Callable[[str, str], None] | None = None,
) -> None:
    """Record a reject; names and reasons are made storable first, so this cannot fail on the
    input's content (a store error still propagates: the batch cannot go on without a store)."""
    name, reason = printable(exc.name), printable(exc.reason, limit=4000)
    with store.transaction():
        store.add_reject(name, printable(origin), reason)
    report.rejected.append((name, reason))
    log.warning("rejected %s: %s", name, reason)
    if on_rejected is not None:
        on_rejected(name, reason)


def _articles(item: RawInput | InputRejected) -> Iterator[Article | InputRejected]:
    """The articles of one input; whatever escapes decoding becomes a reject of this input."""
    if isinstance(item, InputRejected):
        yield item
        return
    try:
        yield from decode_each(item)
    except Exception as exc:
        yield InputRejected(item.name, f"could not be decoded: {type(exc).__name__}: {exc}")


def _check_unique(article: Article, names: dict[str, str]) -> None:
    """Two inputs of one run must not share a document name: the second would silently
    replace the first (and each later run would add a version of each in turn)."""
    first = names.setdefault(article.name, article.origin)
    if first != article.origin:
        raise InputRejected(
            article.name,
            f"another input in this run has the same document name ({first}); a name is the "
            "path relative to the folder given (or a JSONL record's id): rename one",
        )


def ingest(
    store: Store,
    paths: Sequence[str],
    options: Options,
    **ingest_options: Any,
) -> IngestReport:
    """Store every input (see `stored_documents` for the options) and report what happened."""
    report = IngestReport()
    for _doc in stored_documents(store, paths, options, report, **ingest_options):
        pass
    return report


def stored_documents(
    store: Store,
    paths: Sequence[str],
    options: Options,
    report: IngestReport,
    *,
    urls_file: Path | None = None,
    allow_private: bool = False,
    dedupe_enabled: bool | None = None,
    stdin: BinaryIO | None = None,
    follow_links: bool = False,
    on_error: str = "record",
    feeds: Sequence[str] = (),
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[Iterable[RawInput | InputRejected]], Iterable[RawInput | InputRejected]]
    | None = None,
    on_rejected: Callable[[str, str], None] | None = None,
) -> Iterator[Document]:
    """Store every input under `paths` (and `urls_file`, and the new entries of `feeds`),
    yielding each new document once it is stored (the main job hands it to extraction at once;
    see `bilat.pipeline`) and recording the outcome in `report`; `on_rejected` sees each
    rejected input's name and reason (a progress display counts them). `should_stop` is asked
    between inputs: when it says so, the batch ends there, every document stored so far
    complete. Links out of a given folder are rejected unless `follow_links`. One writer at a
    time: a second run waits for the lock, held until the generator is exhausted or closed."""
    with store.write_lock(options.lock_timeout):  # one writer at a time: no double versions
        stop = should_stop or (lambda: False)
        inputs: Iterable[RawInput | InputRejected] = itertools.chain(
            _raw_inputs(paths, urls_file, allow_private, options, stdin, follow_links),
            feed_inputs(
                list(feeds),
                _fetch_options(options, allow_private),
                is_seen=store.url_seen,
                on_seen=report.seen.append,
                should_stop=stop,
            ),
        )
        yield from _ingest(
            store,
            inputs,
            options,
            report,
            dedupe_enabled=dedupe_enabled,
            on_error=on_error,
            progress=progress,
            stop=stop,
            on_rejected=on_rejected,
        )


def _ingest(
    store: Store,
    inputs: Iterable[RawInput | InputRejected],
    options: Options,
    report: IngestReport,
    *,
    dedupe_enabled: bool | None,
    on_error: str,
    progress: Callable[[Iterable[RawInput | InputRejected]], Iterable[RawInput | InputRejected]]
    | None,
    stop: Callable[[], bool],
    on_rejected: Callable[[str, str], None] | None = None,
) -> Iterator[Document]:
    enabled = options.ingest.dedupe if dedupe_enabled is None else dedupe_enabled
    deduper = _Deduper(store, enabled, options.ingest.near_duplicate_threshold)
    cleaning = CleanOptions(imply_published=options.ingest.imply_published)
    if progress is not None:
        inputs = progress(inputs)
    names: dict[str, str] = {}  # document name -> the input that gave it in this run
    for item in inputs:
        if isinstance(item, FeedError):
            report.failed_feeds.append((item.name, item.reason))
        for art in _articles(item):
            origin = getattr(art, "origin", None) or getattr(item, "origin", None)
            try:
                if isinstance(art, InputRejected):
                    raise art
                _check_unique(art, names)
                stated = item.stated if isinstance(item, RawInput) else None
                if stated is not None:
                    art = _with_stated(art, stated)
                doc = _store_one(
                    store,
                    deduper,
                    art,
                    report,
                    cleaning,
                    options.ingest.max_chars,
                    from_feed=stated is not None,
                )
            except StoreError:
                raise  # the store itself failed: no later document could be saved either
            except Exception as exc:  # per-document policy: record and go on
                if on_error == "raise":
                    raise
                rejected = (
                    exc
                    if isinstance(exc, InputRejected)
                    else InputRejected(
                        art.name, f"could not be processed: {type(exc).__name__}: {exc}"
                    )
                )
                _reject(store, rejected, origin or rejected.name, report, on_rejected)
                continue
            if doc is not None:
                yield doc
        if stop():  # after the input in hand is stored whole
            break
