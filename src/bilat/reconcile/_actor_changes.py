"""What the new actor index resolves or shows differently from the old one (`Changes`),
and so which documents' event mentions may read differently after adding documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bilat.reconcile._event_mentions import StoredEvents
from bilat.reconcile._grown_index import Patched
from bilat.reconcile._text import name_key
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.model import SourcedExtraction

__all__ = ["Changes"]


@dataclass(frozen=True, slots=True)
class Changes:
    """What the new actor index resolves or shows differently from the old one: a name a
    document wrote resolves through the document's own actors, a gazetteer id written as such,
    or a name key (`ActorIndex.resolve`); an actor is shown by its name, type and country."""

    docs: frozenset[int]  # documents whose own names map to other actors
    keys: frozenset[str]  # name keys of another set of actors
    ids: frozenset[str]  # actors that came, went, or whose name, type, country or gid differ
    states: bool  # the state names differ (a place read as a state)

    @classmethod
    def of(cls, old: ActorIndex, new: ActorIndex) -> Changes:
        def shown(index: ActorIndex, actor_id: str) -> tuple[str | None, ...] | None:
            a = index.actors.get(actor_id)
            return (a.name, a.type, a.country, a.gid) if a else None

        return cls(
            _documents(old.by_doc, new.by_doc),
            frozenset(
                k
                for k in old.by_key.keys() | new.by_key.keys()
                if old.by_key.get(k) != new.by_key.get(k)
            ),
            frozenset(
                i for i in old.actors.keys() | new.actors.keys() if shown(old, i) != shown(new, i)
            ),
            old.state_names != new.state_names,
        )

    def resolves_alike(self, doc_id: int, names: Iterable[str], new: ActorIndex) -> bool:
        """Each of the `names` document `doc_id` wrote resolves to the same actor in both
        indexes, shown alike."""
        if doc_id in self.docs:
            return False
        return not any(
            name in self.ids or name_key(name) in self.keys or new.resolve(doc_id, name) in self.ids
            for name in names
        )

    def unlike(self, old: ActorIndex, new: ActorIndex, stored: StoredEvents) -> set[int]:
        """The documents whose events may not read alike (`events_alike` holds for every
        other): those of `docs`, those with a member of an actor of `ids` (their own names
        map to it), and those naming, as participant or place, a name of `ids`, of a key
        of `keys` or of a key naming an actor of `ids` (by name, from the store); with
        `states`, every one with a place."""
        found = set(self.docs)
        for index in (old, new):
            for actor in filter(None, map(index.actors.get, self.ids)):
                found.update(m.doc_id for m in actor.members)

        def differs(name: str) -> bool:
            key = name_key(name)
            named = new.by_key.get(key, ())
            return name in self.ids or key in self.keys or any(i in self.ids for i in named)

        found.update(stored.documents([n for n in stored.names() if differs(n)], self.states))
        return found

    def events_alike(self, source: SourcedExtraction, new: ActorIndex) -> bool:
        """Every event mention of `source` reads the same under both indexes."""
        events = source.extraction.events
        if self.states and any(e.place for e in events):
            return False
        names = (n for e in events for n in (*e.participants, *((e.place,) if e.place else ())))
        return self.resolves_alike(source.doc_id, names, new)


def _documents(
    was: Mapping[int, dict[str, str]], now: Mapping[int, dict[str, str]]
) -> frozenset[int]:
    """The documents whose own names map to other actors: of a grown index (`Patched` on
    the old one's), among those made again only; else compared one by one (a grown index
    made whole shares the old one's kept dicts)."""
    if now is was:  # (an index unchanged: a stored one's is read by document, when asked)
        return frozenset()
    if isinstance(now, Patched) and now.base is was:
        read = getattr(was, "prefetch", None)  # (a stored index's, read when asked)
        if read is not None:
            read(now.made)
        return frozenset(d for d, v in now.made.items() if was.get(d) != v)
    return frozenset(
        (
            *(d for d, v in now.items() if (w := was.get(d)) is not v and w != v),
            *(was.keys() - now.keys()),
        )
    )
