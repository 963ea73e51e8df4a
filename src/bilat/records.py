"""The typed records that flow between bilat's stages.

ingest  : RawInput -> Article -> CleanDocument
store   : CleanDocument -> Document (with id, version, dedupe status)
extract : Document -> Extraction (actors, events, figures, agreements, commitments)

Records are frozen, slotted dataclasses. Validation happens at the edges (CLI, API, ingested
JSON), never here. Every extracted item carries `Evidence`: a span of the ORIGINAL text and the
exact quote found there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilat.offsets import OffsetMap

__all__ = [
    "Actor",
    "Agreement",
    "Article",
    "CleanDocument",
    "Commitment",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "Figure",
    "RawInput",
]


@dataclass(frozen=True, slots=True)
class RawInput:
    """Bytes read from one input before decoding. `name` is what users see (file name)."""

    name: str
    origin: str  # path, URL, "<stdin>", or "path#line" for a JSONL record
    data: bytes
    kind: str  # txt | md | html | json | jsonl | url
    # article fields its source states (a feed's title, date, outlet), over what the page says
    stated: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One decoded article. For HTML, `text` is the main text extracted from the page."""

    name: str
    origin: str
    text: str
    kind: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD | YYYY-MM | YYYY, or None if unknown
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    raw: str | None = None  # the raw HTML, when the input was a page


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """An article with boilerplate removed; `offsets` maps clean_text back to article.text."""

    article: Article
    clean_text: str
    offsets: OffsetMap
    language: str | None
    published: str | None
    removed: tuple[tuple[int, int, str], ...] = ()  # (orig_start, orig_end, reason)
    published_basis: str | None = None  # stated | implied (by the text; see published_evidence)
    published_evidence: tuple[
        Evidence, ...
    ] = ()  # the original-text spans an implied date rests on


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document version."""

    id: int
    name: str
    version: int
    content_hash: str
    text: str
    clean_text: str
    offsets: OffsetMap
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    status: str  # ok | duplicate | near_duplicate | failed (extraction failed: see `failure`)
    duplicate_of: int | None
    metadata: dict[str, Any]
    ingested_at: str
    extractor_version: str | None = None
    published_basis: str | None = None  # stated | implied
    published_evidence: tuple[Evidence, ...] = ()
    failure: str | None = None  # why extraction failed (status "failed")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an item was found: `text[start:end] == quote` in the ORIGINAL document text."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str  # person | state | organization | company | place | project
    country: str | None
    role: str | None
    aliases: tuple[str, ...]
    gid: str | None  # gazetteer id, when the actor is known
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # CONSULT | COOPERATE
    mode: str  # meeting | visit | call | video | multilateral | military
    status: str  # occurred | planned
    participants: tuple[str, ...]
    date: str | None
    date_end: str | None
    place: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # amount | change | share
    value: float
    value_max: float | None
    unit: str
    per: str | None
    qualifier: str  # exact | approx | at_least | at_most
    measure: str
    measure_text: str | None
    flow: str | None
    period: str | None
    said_by: str | None
    evidence: Evidence
    source_data: str | None = None  # e.g. "Chinese customs", when the text names the data source


@dataclass(frozen=True, slots=True)
class Agreement:
    title: str
    kind: str
    status: str
    date: str | None
    parties: tuple[str, ...]
    sector: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Commitment:
    measure: str
    measure_text: str | None
    relation: str  # >= | <= | =
    value: float
    value_max: float | None
    unit: str
    per: str | None
    deadline: str | None
    parties: tuple[str, ...]
    status: str  # agreed | aspiration | proposed
    evidence: Evidence
    flow: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document by one extractor version."""

    doc_name: str
    published: str | None
    extractor_version: str
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    pair: tuple[str, str] | None = None  # the two states (ISO2) the document is about
