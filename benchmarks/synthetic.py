"""A synthetic store of any size, built from the real extractions of real articles.

    templates = extract_templates(sources, workdir)      # real ingest + extraction (spaCy)
    summary = generate(store, templates, 10_000)         # Store.add_document + save_extraction

Every generated document is a copy of a real article (with a unique last line) and carries
that article's real extraction, mutated the way reports of one relationship differ: the
dates move by whole years (so an event is reported by several documents and clusters form),
some people are replaced by others of the same country and role, some events move to another
place or a day or two, some figures are restated a few percent off (so conflicts form). Every
quote still equals `text[start:end]`, because the text is the template's. No spaCy runs here,
so 100,000 documents take minutes. `benchmarks/scale.py` times the store this builds;
`tests/test_scale_store.py` builds a small one and checks it reads back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bilat.offsets import OffsetMap
from bilat.records import Actor, Article, CleanDocument, Document, Extraction
from bilat.store import DocumentRow, Failed, Store, open_store

__all__ = ["Summary", "Template", "extract_templates", "generate", "load_templates"]

T = TypeVar("T")
YEARS_BACK = 10  # dates move by -YEARS_BACK .. +1 years
BATCH = 500  # documents per transaction
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class Template:
    """One real article as stored, and what bilat extracted from it."""

    doc: Document
    extraction: Extraction
    signature: bytes | None


@dataclass(slots=True)
class Summary:
    """What was generated: counts per kind, and the values the read paths are timed with."""

    documents: int = 0
    actors: int = 0
    events: int = 0
    figures: int = 0
    agreements: int = 0
    commitments: int = 0
    people: Counter[str] = field(default_factory=Counter)  # event participants (persons)
    event_types: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)  # event years
    measures: Counter[str] = field(default_factory=Counter)
    pairs: Counter[str] = field(default_factory=Counter)
    doc_ids: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        kinds = ("documents", "actors", "events", "figures", "agreements", "commitments")
        return {k: int(getattr(self, k)) for k in kinds}


# --- templates -------------------------------------------------------------------------------


def extract_templates(sources: Iterable[Path], db: Path) -> list[Template]:
    """Ingest and extract the articles in `sources` (real bilat, spaCy) into a scratch store at
    `db`, and return them as templates."""
    from bilat.config import load_options
    from bilat.pipeline import ingest_and_extract

    options = load_options(None, db=str(db))
    store = open_store(str(db))
    try:
        paths = [str(p) for p in sources]
        ingest_and_extract(store, paths, options, reconcile=False, dedupe_enabled=False)
        return load_templates(store)
    finally:
        store.close()


def load_templates(store: Store) -> list[Template]:
    """Every extracted, current document of `store` as a template."""
    from bilat.ingest.dedupe import signature

    out = []
    for doc in store.documents(status="ok"):
        ext = store.load_extraction(doc.id)
        if ext is not None:
            out.append(Template(doc, ext, signature(doc.clean_text)))
    if not out:
        raise ValueError("no extracted documents to use as templates")
    return out


# --- mutations -------------------------------------------------------------------------------


def shift_years(value: T, years: int) -> T:
    """Every year in a date or period string moved by `years`; a 29 February that no longer
    exists becomes the 28th. Anything else is returned as it is."""
    if not isinstance(value, str) or not years:
        return value
    moved = _YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
    m = _DAY.match(moved)
    if m and m.group(2) == "02" and m.group(3) == "29":
        try:
            dt.date(int(m.group(1)), 2, 29)
        except ValueError:
            moved = f"{m.group(1)}-02-28"
    return moved  # type: ignore[return-value]


def _jitter_day(value: str | None, days: int) -> str | None:
    if not value or not _DAY.match(value):
        return value
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def _restated(value: float, factor: float) -> float:
    new = value * factor
    return round(new, 1) if abs(new) >= 10 else round(new, 3)


class Mutator:
    """Turns a template's extraction into a plausible other report (seeded, reproducible)."""

    def __init__(self, templates: list[Template], seed: int) -> None:
        self.rng = random.Random(seed)
        persons = [a for t in templates for a in t.extraction.actors if a.type == "person"]
        firsts = sorted({a.name.split()[0] for a in persons if " " in a.name})
        lasts = sorted({a.name.split()[-1] for a in persons if " " in a.name})
        self.names = [f"{f} {last}" for f in firsts for last in lasts][:400] or ["Ivan Petrov"]
        places = {e.place for t in templates for e in t.extraction.events if e.place}
        self.places = sorted(places) or ["Beijing"]

    def __call__(self, ext: Extraction, name: str) -> Extraction:
        rng = self.rng
        years = rng.randint(-YEARS_BACK, 1)
        renames = self._renames(ext.actors)
        place = rng.choice(self.places) if rng.random() < 0.3 else None
        days = rng.choice((-2, -1, 1, 2)) if rng.random() < 0.2 else 0

        def who(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(renames.get(n, n) for n in names)

        return dataclasses.replace(
            ext,
            doc_name=name,
            published=shift_years(ext.published, years),
            actors=tuple(self._actor(a, renames) for a in ext.actors),
            events=tuple(
                dataclasses.replace(
                    e,
                    participants=who(e.participants),
                    date=_jitter_day(shift_years(e.date, years), days),
                    date_end=_jitter_day(shift_years(e.date_end, years), days),
                    place=place or e.place,
                )
                for e in ext.events
            ),
            figures=tuple(self._figure(f, years, renames) for f in ext.figures),
            agreements=tuple(
                dataclasses.replace(a, date=shift_years(a.date, years), parties=who(a.parties))
                for a in ext.agreements
            ),
            commitments=tuple(
                dataclasses.replace(
                    c, deadline=shift_years(c.deadline, years), parties=who(c.parties)
                )
                for c in ext.commitments
            ),
        )

    def _renames(self, actors: tuple[Actor, ...]) -> dict[str, str]:
        people = [a.name for a in actors if a.type == "person"]
        if not people or self.rng.random() >= 0.4:
            return {}
        return {self.rng.choice(people): self.rng.choice(self.names)}

    @staticmethod
    def _actor(actor: Actor, renames: dict[str, str]) -> Actor:
        new = renames.get(actor.name)
        if new is None:
            return actor
        return dataclasses.replace(actor, name=new, aliases=(new.split()[-1],), gid=None)

    def _figure(self, fig: Any, years: int, renames: dict[str, str]) -> Any:
        factor = 1.0
        if self.rng.random() < 0.25:
            factor = 1 + self.rng.choice((-1, 1)) * self.rng.uniform(0.02, 0.2)
        return dataclasses.replace(
            fig,
            value=_restated(fig.value, factor),
            value_max=None if fig.value_max is None else _restated(fig.value_max, factor),
            period=shift_years(fig.period, years),
            said_by=renames.get(fig.said_by, fig.said_by) if fig.said_by else None,
        )


# --- the store -------------------------------------------------------------------------------


def _row(template: Template, index: int, ext: Extraction) -> DocumentRow:
    """The template's document under a new name, with one unique last line (so its content
    hash is its own); the quotes' offsets are unchanged."""
    from bilat.ingest.dedupe import content_hash

    doc = template.doc
    line = f"\n\n(Synthetic report {index}.)"
    segments = (*doc.offsets.segments, (len(doc.clean_text), len(doc.text), len(line)))
    article = Article(
        name=ext.doc_name,
        origin=f"synthetic:{doc.name}",
        text=doc.text + line,
        kind="txt",
        title=doc.title,
        url=f"{doc.url}#syn{index}" if doc.url else None,
        source=doc.source,
        published=ext.published,
        language=doc.language,
    )
    clean = CleanDocument(
        article=article,
        clean_text=doc.clean_text + line,
        offsets=OffsetMap(segments),
        language=doc.language,
        published=ext.published,
        published_basis=doc.published_basis,
        published_evidence=doc.published_evidence,
    )
    return DocumentRow(clean, content_hash(clean.clean_text), "ok", None, template.signature)


def _tally(summary: Summary, ext: Extraction, doc_id: int) -> None:
    summary.documents += 1
    summary.doc_ids.append(doc_id)
    for kind in ("actors", "events", "figures", "agreements", "commitments"):
        setattr(summary, kind, getattr(summary, kind) + len(getattr(ext, kind)))
    persons = {a.name for a in ext.actors if a.type == "person"}
    for e in ext.events:
        summary.event_types[e.type] += 1
        summary.people.update(p for p in e.participants if p in persons)
        if e.date:
            summary.years[e.date[:4]] += 1
    summary.measures.update(f.measure for f in ext.figures)
    if ext.pair:
        summary.pairs["-".join(sorted(ext.pair))] += 1


def generate(
    store: Store,
    templates: list[Template],
    n: int,
    *,
    seed: int = 13,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Add `n` documents made from `templates` to `store`, with their extractions, through
    the store's own batch API (`Store.add_documents`, `Store.save_extractions`: `BATCH`
    documents per transaction)."""
    mutate = Mutator(templates, seed)
    summary = Summary()
    for start in range(0, n, BATCH):
        made = []
        for index in range(start, min(n, start + BATCH)):
            template = templates[mutate.rng.randrange(len(templates))]
            ext = mutate(template.extraction, f"syn{index:06d}_{template.doc.name}")
            made.append((_row(template, index, ext), ext))
        with store.transaction():
            ids = store.add_documents([row for row, _ in made])
            stored = [
                (doc_id, ext)
                for doc_id, (_, ext) in zip(ids, made, strict=True)
                if not isinstance(doc_id, Failed)
            ]
            failed = store.save_extractions(stored)
        names = [row.clean.article.name for row, _ in made]
        bad = [
            f"{name}: {x.reason}"
            for name, x in zip(names, ids, strict=True)
            if isinstance(x, Failed)
        ]
        bad += [f"document {d}: {x.reason}" for (d, _), x in zip(stored, failed, strict=True) if x]
        if bad:
            raise RuntimeError(f"generated documents could not be stored: {'; '.join(bad)}")
        for doc_id, ext in stored:
            _tally(summary, ext, doc_id)
        if progress is not None:
            progress(summary.documents)
    return summary
