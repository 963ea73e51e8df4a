"""Which two states a document is about (its pair), from the states its actors belong to.

requires: DocContext.mentions (the actor stage), the configured pair
assigns : nothing; the pipeline sets `DocContext.pair` from `document_pair`

With a configured pair (`[extract] pair = ["RU", "CN"]`) a document naming both sides keeps
it; one naming only one side is read with the state most often named with it (a Russia-India
report in a Russia-China corpus is Russia-India). With `pair = "auto"` every document gets the
two states it names together most (in one sentence, the headline counting double; a
mention of a person or body of a state counts for that state), unless the configured pair
scores at least half as much; a document naming no two states together twice takes the
two its sentences tell together twice by name or adjective ("Thai Navy signs engine
amendment for Chinese submarine"), else its two most named states (so does one whose only
shared sentence lists many), else the configured pair.
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext, in_dateline
from bilat.extract.gazetteer import default_gazetteer

__all__ = ["document_pair", "section_pair"]

_COUNTED = ("state", "person", "organization", "company")


def document_pair(ctx: DocContext, auto: bool = False) -> tuple[str, str]:
    """The pair of this document (see the module docstring)."""
    counts = _counts(ctx)
    if auto:
        return _auto(ctx, counts)
    present = [c for c in ctx.pair if c in counts]
    if len(present) != 1:
        return ctx.pair
    others = sorted((n, c) for c, (n, _first) in counts.items() if c not in ctx.pair)
    if not others or others[-1][0] < 2:
        return ctx.pair
    return present[0], others[-1][1]


def _auto(ctx: DocContext, counts: dict[str, tuple[float, int]]) -> tuple[str, str]:
    """The pair named together most; the configured pair while it scores at least half as
    much (an envoy 'for Ukraine' visiting Moscow is still a China-Russia story)."""
    scores = _pair_scores(ctx)
    best, top = max(
        scores.items(),
        # ties: the states named first ("Erdogan and Putin ... in Astana": Turkey-Russia)
        key=lambda kv: (
            kv[1],
            sum(counts[c][0] for c in kv[0]),
            -sum(counts[c][1] for c in kv[0]),
        ),
        default=(ctx.pair, 0.0),
    )
    if top < 2:  # told by the states' adjectives: "Thai Navy signs ... for Chinese submarine"
        told = _pair_scores(ctx, adjectives=True)
        found = max(told.items(), key=lambda kv: kv[1], default=None)
        if (
            found is not None
            and found[1] >= 2
            and list(told.values()).count(found[1]) == 1
            and all(c in counts for c in found[0])  # (each named by a name somewhere too)
        ):
            return _ordered(ctx, found[0], counts)
    if top < 2:  # no pair named together twice (one list of participants): the most named
        ranked = sorted(counts, key=lambda c: (-counts[c][0], counts[c][1]))
        if len(ranked) < 2 or set(ranked[:2]) == set(ctx.pair):
            return ctx.pair
        return _ordered(ctx, (ranked[0], ranked[1]), counts)
    if scores.get(_key(*ctx.pair), 0.0) * 2 >= top:
        return ctx.pair
    return _ordered(ctx, best, counts)


def section_pair(
    ctx: DocContext,
    start: int,
    end: int,
    seen: dict[tuple[int, int], tuple[str, str] | None] | None = None,
) -> tuple[str, str] | None:
    """The pair a section of a page that tells several pairs is about: the paragraph holding
    `start..end` (with its heading line) names two states together and never the document's
    pair ("О переговорах Лаврова с Аракчи" in a briefing on Russia-India, a digest's item on
    Iran-Turkey). None when the section is the document's pair's, or names no pair. `seen`
    keeps the answer per section for the sentences after."""
    bounds = _section(ctx.clean_text, start, end)
    if seen is not None and bounds in seen:
        return seen[bounds]
    pair = _section_pair(ctx, *bounds)
    if seen is not None:
        seen[bounds] = pair
    return pair


def _section(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around start..end, with the heading line above it; a page whose
    paragraphs are lines (no blank line anywhere: a ministry's release as its site gives
    it) is read line by line."""
    sep = "\n\n" if "\n\n" in text else "\n"
    first = text.rfind(sep, 0, start)
    first = 0 if first < 0 else first + len(sep)
    heading = text.rfind(sep, 0, max(0, first - len(sep)))
    above = text[heading + len(sep) if heading >= 0 else 0 : max(0, first - len(sep))]
    if above and "\n" not in above.strip() and not above.rstrip().endswith((".", "!", "?")):
        first = heading + len(sep) if heading >= 0 else 0
    last = text.find(sep, end)
    return first, len(text) if last < 0 else last


def _section_pair(ctx: DocContext, first: int, last: int) -> tuple[str, str] | None:
    scores = _pair_scores(ctx, first, last)
    if not scores or _key(*ctx.pair) in scores:
        return None
    best, top = max(scores.items(), key=lambda kv: kv[1])
    if top < 1 or list(scores.values()).count(top) > 1:
        return None  # no pair, or two named as much: the section is not one pair's
    if not any(m.type == "person" and m.country in best for m in ctx.mentions_in(first, last)):
        return None  # states named alone ("the anniversary of Russia's invasion of Ukraine")
        # tell no contact of theirs: "the two leaders" there are still the document's
    return _ordered(ctx, best, _counts(ctx))


def _ordered(
    ctx: DocContext, pair: tuple[str, str], counts: dict[str, tuple[float, int]]
) -> tuple[str, str]:
    """The configured side first, else the more named ('RU-IN', 'CN-KZ')."""
    a, b = pair
    if b in ctx.pair or (a not in ctx.pair and counts[b][0] > counts[a][0]):
        return b, a
    return a, b


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _pair_scores(
    ctx: DocContext, start: int = 0, end: int | None = None, adjectives: bool = False
) -> dict[tuple[str, str], float]:
    """Per unordered pair of states: how often both are named in one sentence (weighted),
    in the sentences within `start..end` (the whole document by default)."""
    headline_end = ctx.sentences[0].end if ctx.sentences else 0
    scores: dict[tuple[str, str], float] = {}
    for sent in ctx.sentences:
        if sent.start < start or (end is not None and sent.end > end):
            continue
        found = {
            m.country
            for m in ctx.mentions_in(sent.start, sent.end)
            if m.country
            and len(m.country) == 2
            and m.type in _COUNTED
            and not in_dateline(ctx.clean_text, m.start, m.end)  # "SEOUL - "
        }
        if adjectives:
            found |= _adjective_states(sent.text)
        weight = 2.0 if sent.start < headline_end else 1.0
        for a in sorted(found):  # in a fixed order: ties below go to the pair told first
            for b in sorted(found):
                if a < b:
                    scores[(a, b)] = scores.get((a, b), 0.0) + weight
    return scores


_ADJECTIVE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?=[\s-])")


def _adjective_states(text: str) -> set[str]:
    """The states a sentence tells by their adjective ("Thai Navy signs engine amendment for
    Chinese submarine", "Chinese and Thai air forces"): a contact of two states is often told
    so, their names nowhere in the sentence."""
    gaz = default_gazetteer()
    found = set()
    for word in _ADJECTIVE.findall(text):
        entry = gaz.state_for_adjective(word)
        if entry is not None and entry.type == "state" and entry.country:
            found.add(entry.country)
    return found


def _counts(ctx: DocContext) -> dict[str, tuple[float, int]]:
    """Per state: (weighted mentions, position of the first), persons and bodies included."""
    headline_end = ctx.sentences[0].end if ctx.sentences else 0
    gaz = default_gazetteer()
    counts: dict[str, tuple[float, int]] = {}
    for m in ctx.mentions:
        if not (m.country and len(m.country) == 2 and m.type in _COUNTED):
            continue
        weight = 2.0 if m.start < headline_end else 1.0
        union = gaz.union(m.country)
        if m.type in ("organization", "company") and (union is None or m.actor != union.name):
            weight /= 2  # a body of a state's (the union that is a side counts as a state)
        n, first = counts.get(m.country, (0.0, m.start))
        counts[m.country] = (n + weight, first)
    return counts
