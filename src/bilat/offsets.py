"""Map offsets in cleaned text back to the original text.

Cleaning in bilat only ever *deletes* stretches of the original (menus, captions, repeated
paragraphs, footers). The clean text is therefore a concatenation of slices of the original,
and an `OffsetMap` records those slices as `(clean_start, orig_start, length)` triples. Every
character of the clean text maps to an identical character of the original; a span that
crosses a deleted stretch maps to the original span that covers both sides.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["OffsetMap", "build_clean_text"]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Slices `(clean_start, orig_start, length)` in increasing order, non-overlapping."""

    segments: tuple[tuple[int, int, int], ...]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),) if length else ())

    def to_original(self, clean_pos: int) -> int:
        """Original offset of the clean character at `clean_pos` (or of the end, if at the end)."""
        if not self.segments:
            return 0
        starts = [s[0] for s in self.segments]
        i = max(bisect_right(starts, clean_pos) - 1, 0)
        c0, o0, n = self.segments[i]
        if clean_pos - c0 <= n:
            return o0 + (clean_pos - c0)
        return o0 + n

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original `(start, end)` of the clean span `[start, end)`."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: Iterable[Sequence[int]]) -> OffsetMap:
        return cls(tuple((int(a), int(b), int(c)) for a, b, c in data))


def build_clean_text(original: str, keep: Iterable[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Concatenate the kept original ranges `[start, end)` (sorted, disjoint) into clean text."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for start, end in keep:
        if end <= start:
            continue
        if segments and segments[-1][1] + segments[-1][2] == start:
            c0, o0, n = segments[-1]
            segments[-1] = (c0, o0, n + end - start)
        else:
            segments.append((pos, start, end - start))
        parts.append(original[start:end])
        pos += end - start
    return "".join(parts), OffsetMap(tuple(segments))
