"""Run the extraction stages on stored documents; ground every item in the original text.

Stages work on the clean text and return items whose evidence is in clean-text offsets.
`_ground` maps each span to the original text through the document's OffsetMap and checks
that the quote is exactly `text[start:end]`; an item that cannot be grounded is dropped
(and logged), so stored items are 100% grounded by construction.

Where documents are extracted (this process, a local pool, Dask workers) and how results are
saved is `bilat.extract.runner`'s business; what a worker runs, `bilat.extract.workers`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

from bilat.extract.actors import extract_actors
from bilat.extract.agreements import DECREE, extract_agreements
from bilat.extract.commitments import extract_commitments
from bilat.extract.context import DocContext, Sentence
from bilat.extract.events import extract_events
from bilat.extract.figures import extract_figures, without_title_targets
from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.home_side import home_side
from bilat.extract.instruments import extract_instruments
from bilat.extract.pair import document_pair
from bilat.extract.visa_regimes import extract_visa_regimes
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

__all__ = [
    "EXTRACTOR_VERSION",
    "build_context",
    "doc_sentences",
    "extract_document",
]

# Bump when extraction rules or data change: `bilat extract` re-runs older documents.
EXTRACTOR_VERSION = "2026.12.14-366"

log = logging.getLogger("bilat.extract")
T = TypeVar("T")


_LINE = re.compile(r"[^\n]+")


def doc_sentences(doc: Any) -> tuple[Sentence, ...]:
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
    out = _rejoined(doc.text, _at_citations(out))
    if hasattr(doc, "user_data"):
        doc.user_data["bilat.sentences"] = out
    return tuple(out)


# a sentence ends in its punctuation, a closing quote or bracket after it, a note's number
# ("on 9 July.[8]"), or a bracketed credit: spaCy also ends some after "national security
# adviser (NSA)"
_ENDS = re.compile(r"(?:[.!?…:;]|[.!?…][\"”»'’)\]]+|[.!?…]\[\d{1,3}\]|\(\w+\))\s*$")
# a sentence's end before a note's number, as reference pages write it: "... on 9 July.[8] He
# was back in Russia ..." (spaCy reads on through it), or after a number
_CITED_END = re.compile(
    r"[.!?…][\"”'’)]?\[\d{1,3}\](?=\s+[A-ZА-ЯЁ\"“«(])"
    # ... and after a number that ends one: "took place in Bishkek on July 3-4. Uzbekistan
    # will host ..." (spaCy reads on through "4. Uzbekistan" as through a list's "4.")
    r"|(?:(?<=[\s–-]\d)|(?<=[\s–-]\d\d)|(?<=[\s–-]\d{4}))\.(?=\s+[A-ZА-ЯЁ][a-zа-яё]+\s)"
)


def _at_citations(found: list[Sentence]) -> list[Sentence]:
    """`found` with each sentence that runs on past a note's number split there (offsets
    kept, pieces stripped, renumbered)."""
    out: list[Sentence] = []
    for s in found:
        at = 0
        for m in _CITED_END.finditer(s.text):
            piece = s.text[at : m.end()].strip()
            lead = len(s.text[at : m.end()]) - len(s.text[at : m.end()].lstrip())
            out.append(Sentence(len(out), s.start + at + lead, s.start + m.end(), piece))
            at = m.end()
        rest = s.text[at:]
        lead = len(rest) - len(rest.lstrip())
        if rest.strip():
            out.append(Sentence(len(out), s.start + at + lead, s.end, rest.strip()))
    return out


def _rejoined(text: str, found: list[Sentence]) -> list[Sentence]:
    """Sentences spaCy split on one line where the first does not end as a sentence does
    ('... adviser (NSA)' + 'Ajit Doval on Tuesday.') are one."""
    out: list[Sentence] = []
    for s in found:
        prev = out[-1] if out else None
        if prev is not None and "\n" not in text[prev.end : s.start] and _open(prev.text):
            out[-1] = Sentence(prev.index, prev.start, s.end, text[prev.start : s.end])
        else:
            out.append(Sentence(len(out), s.start, s.end, s.text))
    return out


# an honorific or rank before a name, not a sentence's end: "called on Rashtrapati Smt." +
# "Droupadi Murmu at Rashtrapati Bhavan."
_HONORIFIC_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Smt|Shri|Gen|Lt|Col|Adm|Capt|Prof|H\.E)\.$")


def _open(sentence: str) -> bool:
    if _HONORIFIC_END.search(sentence):
        return True
    if sentence.endswith(")") and re.search(r"\s\([A-Z][A-Za-z.]{1,10}\)$", sentence):
        return bool(re.search(r"[a-z,]\s+\([A-Z][A-Za-z.]{1,10}\)$", sentence))  # "adviser (NSA)"
    return not _ENDS.search(sentence)


def build_context(doc: Document, spacy_doc: Any, pair: tuple[str, str]) -> DocContext:
    return DocContext(
        name=doc.name,
        clean_text=doc.clean_text,
        published=doc.published,
        sentences=doc_sentences(spacy_doc),
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


def _without_regime_decrees(
    agreements: list[Agreement], regimes: list[Agreement]
) -> list[Agreement]:
    """The visa regimes (titled apart: no kind noun names them), each once: a decree told in
    the sentence that tells a regime ("signed a decree on visa-free entry for Chinese
    citizens") is that regime's instrument, recorded as the regime."""
    told = {r.evidence.start for r in regimes}
    return [
        a
        for a in agreements
        if not (a.kind == "other" and DECREE.search(a.title) and a.evidence.start in told)
    ] + regimes


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
    actors = home_side(ctx, actors)
    events = extract_events(ctx, gaz)
    figures = extract_figures(ctx)
    agreements = extract_agreements(ctx)
    agreements = _without_regime_decrees(agreements, extract_visa_regimes(ctx, gaz))
    agreements += extract_instruments(ctx, gaz)  # executive orders, sanctions packages, duties
    commitments = extract_commitments(ctx)
    figures = without_title_targets(ctx, figures, commitments)
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
