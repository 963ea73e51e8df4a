"""Event mentions made only when weighed: what an update's replay reads of the rest.

    Mentions(inputs, actors) -> Mapping[ref, _Item]    (an item made when first asked for)

Making a mention (`events._item`) resolves each of its participants and place under the actor
index; an update weighs only the mentions of the months its replay reaches and of the
clusters it changes (`_event_replay`), a small part of a large store. What orders, dates and
blocks every mention (its reading key, its span and publication, its type and mode) is read
from the extraction alone, without the actors (`Sketch`), so the replay can rank every
mention and list it by month while making only those it reads. `sketches` gives the same
of items already made (`mention_items`), so both kinds of mapping can be replayed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from bilat.reconcile._dates import Span, date_span, precision
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.events import _Item, _item, _reading, _Seen, _span
from bilat.reconcile.model import SourcedExtraction
from bilat.records import Event

__all__ = ["Before", "Mentions", "Sketch", "of_kinds", "sketches"]

# a mention's reading key (`events._reading`), span, publication span, type and mode
Sketch = tuple[tuple[int, str, str, str], Span | None, Span | None, str, str]


class Mentions(Mapping[str, _Item]):
    """Every event mention of `inputs` by ref (as `mention_items` gives them), each made
    under `actors` only when first asked for and kept; `sketch` of each read at once."""

    def __init__(self, inputs: Sequence[SourcedExtraction], actors: ActorIndex) -> None:
        self.actors = actors
        self.seen = _Seen()
        self.raw: dict[str, tuple[SourcedExtraction, int, Event]] = {}
        self.made: dict[str, _Item] = {}
        self.sketch: dict[str, Sketch] = {}
        spans: dict[tuple[str | None, str | None], Span | None] = {}
        published: dict[str | None, Span | None] = {}
        for source in inputs:
            if source.published not in published:
                published[source.published] = date_span(source.published)
            pub = published[source.published]
            for index, event in zip(source.event_index(), source.extraction.events, strict=True):
                ref = f"{source.doc_id}:e{index}"
                self.raw[ref] = (source, index, event)
                when = event.date, event.date_end
                if when not in spans:
                    spans[when] = self.seen(_span(event))
                reading = (-precision(event.date), source.published or "", source.doc_name, ref)
                self.sketch[ref] = (reading, spans[when], pub, event.type, event.mode)

    def __getitem__(self, ref: str) -> _Item:
        found = self.made.get(ref)
        if found is None:
            source, index, event = self.raw[ref]
            found = self.made[ref] = _item(source, index, event, self.actors, self.seen)
        return found

    def __contains__(self, ref: object) -> bool:
        return ref in self.raw

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def timeless(self) -> list[str]:
        """The refs of the mentions with neither a date nor a publication date."""
        return [r for r, s in self.sketch.items() if s[1] is None and s[2] is None]


def sketches(items: Mapping[str, _Item]) -> Mapping[str, Sketch]:
    """The `Sketch` of each of `items` (read, not made, from a `Mentions`)."""
    if isinstance(items, Mentions):
        return items.sketch
    return {r: (_reading(i), i.span, i.published, i.type, i.mode) for r, i in items.items()}


class Before(Mapping[str, _Item]):
    """`mention_items(old.inputs, old.index)`, made as asked: the mentions of the documents
    that read differently (`again`, under the old index), the others' as `after` reads them
    (the same items), the `added` documents' left out."""

    def __init__(self, after: Mentions, again: Mentions, added: Collection[str]) -> None:
        self.after, self.again, self.added = after, again, added

    def __getitem__(self, ref: str) -> _Item:
        if ref in self.again:
            return self.again[ref]
        if ref in self.added:
            raise KeyError(ref)
        return self.after[ref]

    def __contains__(self, ref: object) -> bool:
        return ref in self.after and ref not in self.added

    def __iter__(self) -> Iterator[str]:
        return (r for r in self.after if r not in self.added)

    def __len__(self) -> int:
        return len(self.after) - len(self.added)


def of_kinds(
    before: Before,
    kinds: set[tuple[str, str, frozenset[str]]],
    kinds_of: Callable[[str], set[tuple[str, str, frozenset[str]]]],
) -> set[str]:
    """The old mentions of one of `kinds` (type, mode, participants): only those of a type
    and mode of one are made (read from their sketches)."""
    modes = {(t, m) for t, m, _ in kinds}
    if not modes:
        return set()
    sketch = before.after.sketch
    return {r for r in before if (sketch[r][3], sketch[r][4]) in modes and kinds_of(r) & kinds}
