"""What every extraction stage receives: one document, parsed once.

The orchestrator (`bilat.extract.pipeline`) builds a `DocContext` from a stored document:
clean text, sentences, the spaCy doc, the publication date, and — after the actor stage —
the resolved actor mentions. Later stages (events, figures, agreements, commitments) read it
and return items whose spans are offsets into the CLEAN text; the orchestrator maps them to the
original text and verifies the quotes (grounding).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DocContext", "Mention", "Sentence", "headline_end"]


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # clean-text offsets
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an actor in the clean text, resolved to the actor's canonical name."""

    start: int
    end: int
    text: str
    actor: str  # canonical actor name, as in Actor.name
    type: str  # person | state | organization | company | place | project
    country: str | None


@dataclass(slots=True)
class DocContext:
    name: str
    clean_text: str
    published: str | None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or None
    sentences: tuple[Sentence, ...]
    doc: Any = None  # the spaCy Doc over clean_text (None in unit tests that don't need it)
    mentions: list[Mention] = field(default_factory=list)  # filled by the actor stage, sorted
    pair: tuple[str, str] = ("RU", "CN")  # the bilateral pair being tracked (ISO alpha-2)
    weak_actors: dict[str, Any] = field(default_factory=dict)  # filtered out unless referenced
    pair_names: tuple[str, str] = ("Russia", "China")  # actor names of the pair's states
    ents: tuple[Any, ...] = ()  # the spaCy entities, read once (Doc.ents is rebuilt per access)
    language: str = "en"  # "ru": the Russian mention layer finds numbers, times and triggers

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end) (`mentions` is sorted by position)."""
        first = bisect_left(self.mentions, start, key=_start)
        out = []
        for m in itertools.islice(self.mentions, first, None):
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def last_mention_before(self, pos: int, type_: str | None = None) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.end > pos:
                break
            if type_ is None or m.type == type_:
                best = m
        return best


def _start(m: Mention) -> int:
    return m.start


def headline_end(ctx: DocContext) -> int:
    """Where a headline line ends: a first line of its own with no closing full stop; 0 when
    the text opens with its lead sentence."""
    text = ctx.clean_text
    pos = 0
    while nav := _NAV_LINE.match(text, pos):  # "Naval News > Naval Shipbuilding > Indian Navy"
        pos = nav.end()
    first = re.compile(r"\s*([^\n]{10,200})\n").match(text, pos)
    if first is None or first.group(1).rstrip().endswith((".", "!", "?", ":", ";", "»", '"')):
        return 0
    return first.end(1)


# a page's breadcrumb line before the headline: short parts between '>', '/', '|' or '»'
_NAV_LINE = re.compile(r"\s*[^\n>/|»›]{1,40}(?:\s[>/|»›]\s[^\n>/|»›]{1,40}){1,6}\s*\n")
