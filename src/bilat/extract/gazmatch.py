"""Find gazetteer names in a spaCy doc with hash-based phrase matching.

Short or all-caps forms ("US", "UN", "PRC") match case-sensitively; longer forms match on
lower-cased tokens. The matchers are built once per (gazetteer, vocab) and cached.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bilat.extract.gazetteer import Entry, Gazetteer

__all__ = ["GazMatch", "find_gazetteer_mentions"]

_MATCHERS: dict[tuple[int, int], tuple[Any, Any, dict[str, list[Entry]]]] = {}


@dataclass(frozen=True, slots=True)
class GazMatch:
    start: int  # character offsets in the doc text
    end: int
    text: str
    entries: tuple[Entry, ...]


def _case_sensitive(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(form) <= 4 or (bool(letters) and all(c.isupper() for c in letters))


def _build(
    gaz: Gazetteer, nlp_vocab: Any, make_doc: Any
) -> tuple[Any, Any, dict[str, list[Entry]]]:
    from spacy.matcher import PhraseMatcher

    exact = PhraseMatcher(nlp_vocab, attr="ORTH")
    lower = PhraseMatcher(nlp_vocab, attr="LOWER")
    by_key: dict[str, list[Entry]] = {}
    for form, entry in gaz.surface_forms():
        form = form.strip()
        if len(form) < 2:
            continue
        cased = _case_sensitive(form)
        key = form if cased else form.lower()
        bucket = by_key.setdefault(("=" if cased else "~") + key, [])
        if entry not in bucket:
            if not bucket:
                (exact if cased else lower).add(("=" if cased else "~") + key, [make_doc(form)])
            bucket.append(entry)
    return exact, lower, by_key


def _matchers(gaz: Gazetteer, doc: Any) -> tuple[Any, Any, dict[str, list[Entry]]]:
    key = (id(gaz), id(doc.vocab))
    if key not in _MATCHERS:
        import spacy

        blank = spacy.blank("en", vocab=doc.vocab)  # same tokenizer rules, same vocab
        _MATCHERS[key] = _build(gaz, doc.vocab, blank.make_doc)
    return _MATCHERS[key]


def _longest(spans: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Keep the longest non-overlapping matches (token offsets)."""
    taken: set[int] = set()
    for start, end, key in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        yield start, end, key


def find_gazetteer_mentions(gaz: Gazetteer, doc: Any) -> list[GazMatch]:
    exact, lower, by_key = _matchers(gaz, doc)
    strings = doc.vocab.strings
    spans = [(s, e, strings[m]) for m, s, e in (*exact(doc), *lower(doc))]
    out = []
    for start, end, key in _longest(spans):
        span = doc[start:end]
        out.append(GazMatch(span.start_char, span.end_char, span.text, tuple(by_key[key])))
    return sorted(out, key=lambda g: g.start)
