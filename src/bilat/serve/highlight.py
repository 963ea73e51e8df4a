"""Split an original text into segments at item spans, for server-side highlighting.

The template renders each segment's text through Jinja's autoescape, wrapping covered segments
in `<mark data-items="...">`; article text is never marked safe.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Segment", "Span", "segments"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    ref: str  # "figures-12"
    kind: str  # item type, for the colour


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    refs: tuple[str, ...]  # items covering this segment, innermost (shortest) first
    kinds: tuple[str, ...]  # their item types, each once

    @property
    def data_items(self) -> str:
        return " ".join(self.refs)

    @property
    def css(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """`text` cut at every span boundary; each piece knows which spans cover it."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for a, b in itertools.pairwise(cuts):
        cover = sorted(
            (s for s in valid if s.start <= a and b <= s.end),
            key=lambda s: (s.end - s.start, s.ref),
        )
        out.append(
            Segment(
                text[a:b], tuple(s.ref for s in cover), tuple(dict.fromkeys(s.kind for s in cover))
            )
        )
    return out
