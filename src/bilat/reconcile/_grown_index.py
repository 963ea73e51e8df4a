"""The actor index of a grown reconciliation, patched from the old one (`grown_index`).

An update keeps most actors as they were (the same objects) and replaces a few: the grown
ones (a stored actor with the members a gazetteer id placed: `actor_growth.regrow` tells
which, with the members each gained) and those clustered again. `actor_index` of every
actor indexes every member (a million at 100,000 documents), though what it gives differs
from the old index only where a replaced actor is:

- `by_doc[d]` (name key -> the first actor, in id order, holding a member of document `d`
  with that key) depends only on which actors hold `d`'s members: it can differ only for a
  document one of whose members is held by another actor, or by none, after. A grown
  actor keeps its members under its id, so only the documents of the members it gained
  and of every member of the actors clustered again (before and after) are made again,
  each from every actor's members of it (one pass, a set look-up per member); the others
  keep the old dict (the same object: the two sides share them). An actor clustered again
  as it was (another object, equal: its id, names and members) holds the same members
  of the same documents under the same keys: its documents keep theirs too;
- `by_key[k]` (the ids of the actors with a member of a form of key `k`) loses the ids of
  the actors clustered again and gains those made, and the grown ones' ids under the keys
  of the members they gained;
- `state_names` (the name keys of the states' members) loses a state's key only when no
  state after has it (counted again over the states, then).

Given the stored actors' members of given documents (`Held`), the documents made again
are made from those (less the actors that changed, plus the changed ones' members), not
from every actor's members; and `by_doc` is the old one with those documents put in
(`Patched`), not a copy of it.

Both sides' actors come in id order (`cluster_members` sorts them; a stored record holds
them so; checked, else the index is made whole): the first actor holding a key in a
document is then the same in both.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

from bilat.reconcile._text import is_name_like, name_key
from bilat.reconcile.actors import ActorIndex, actor_index
from bilat.reconcile.model import ActorMember, CanonicalActor

__all__ = ["Held", "Patched", "grown_index"]

# documents -> the stored actors' members of each, with their actors' ids, in the actors' order
Held = Callable[[Collection[int]], Mapping[int, Sequence[tuple[str, ActorMember]]]]

_NAME = operator.attrgetter("name")
_ALIASES = operator.attrgetter("aliases")


def grown_index(
    old: ActorIndex,
    before: Sequence[CanonicalActor],
    after: Sequence[CanonicalActor],
    grown: Mapping[str, Sequence[ActorMember]],
    held: Held | None = None,
) -> ActorIndex:
    """`actor_index(after)`, given `old = actor_index(before)`: `after` holds `before`'s
    actors that did not change as the same objects, and the `grown` ones (by id: the
    members each gained; it keeps every member it had) in place of theirs (see the module
    docstring). `held`: the members `before`'s actors hold of given documents."""
    if not (_by_id(before) and _by_id(after)):
        return actor_index(after)
    was = {id(a) for a in before}
    now = {id(a) for a in after}
    removed = {a.id: a for a in before if id(a) not in now}
    added = {a.id: a for a in after if id(a) not in was}
    gained = {i: grown[i] for i in grown if _grew(removed.get(i), added.get(i))}
    # an actor clustered again as it was (its id, members and names equal) changes nothing
    # the index holds: its documents keep their dicts (a tied actor mostly comes back so)
    same = {i for i in removed.keys() & added.keys() if i not in gained and removed[i] == added[i]}
    gone = [a for a in removed.values() if a.id not in gained and a.id not in same]
    came = [a for a in added.values() if a.id not in gained and a.id not in same]
    if not (gone or came or gained):
        return (
            old
            if not same
            else ActorIndex(old.by_doc, old.by_key, {a.id: a for a in after}, old.state_names)
        )
    docs = {m.doc_id for a in (*gone, *came) for m in a.members}
    docs.update(m.doc_id for members in gained.values() for m in members)
    by_doc: Mapping[int, dict[str, str]]
    if held is None:
        by_doc = dict(old.by_doc)
        for doc in docs:
            by_doc.pop(doc, None)
        by_doc.update(_documents(after, docs))
    else:
        made = _held_documents(held, docs, gone, came, gained)
        by_doc = Patched(old.by_doc, {doc: made.get(doc) for doc in docs})
    return ActorIndex(
        by_doc,
        _keys(old, gone, came, gained),
        {a.id: a for a in after},
        _states(old, gone, came, after, gained, added),
    )


def _by_id(actors: Sequence[CanonicalActor]) -> bool:
    return all(a.id < b.id for a, b in itertools.pairwise(actors))


def _grew(before: CanonicalActor | None, after: CanonicalActor | None) -> bool:
    """An actor grown in place: of one id and type both sides (a state stays one)."""
    return before is not None and after is not None and before.type == after.type


def _documents(actors: Sequence[CanonicalActor], docs: set[int]) -> dict[int, dict[str, str]]:
    """`actor_index(actors).by_doc` of the documents `docs` alone."""
    out: dict[int, dict[str, str]] = {}
    for actor in actors:
        for m in actor.members:
            if m.doc_id in docs:
                found = out.setdefault(m.doc_id, {})
                for form in (m.name, *m.aliases):
                    found.setdefault(name_key(form), actor.id)
    return out


def _held_documents(
    held: Held,
    docs: set[int],
    gone: Sequence[CanonicalActor],
    came: Sequence[CanonicalActor],
    gained: Mapping[str, Sequence[ActorMember]],
) -> dict[int, dict[str, str]]:
    """`_documents` of `after` from the stored members of `docs` (`held`): those of the
    actors `gone` left out, those of the actors that `came` and the members the grown ones
    `gained` put in, each document's in actor id order (as `after`'s actors come)."""
    dropped = {a.id for a in gone}
    found: dict[int, list[tuple[str, ActorMember]]] = {}
    for doc, rows in held(docs).items():
        found.setdefault(doc, []).extend((a, m) for a, m in rows if a not in dropped)
    new = (*((a.id, a.members) for a in came), *gained.items())
    for actor_id, members in new:
        for m in members:
            if m.doc_id in docs:
                found.setdefault(m.doc_id, []).append((actor_id, m))
    out: dict[int, dict[str, str]] = {}
    for doc, rows in found.items():
        for actor_id, m in sorted(rows, key=operator.itemgetter(0)):
            keys = out.setdefault(doc, {})
            for form in (m.name, *m.aliases):
                keys.setdefault(name_key(form), actor_id)
    return out


class Patched(Mapping[int, dict[str, str]]):
    """`by_doc` of a grown index: the old one's, but for the documents made again (`made`:
    None for one no actor holds a member of now)."""

    def __init__(
        self, base: Mapping[int, dict[str, str]], made: Mapping[int, dict[str, str] | None]
    ) -> None:
        self.base = base
        self.made = made

    def __getitem__(self, doc: int) -> dict[str, str]:
        found = self.made[doc] if doc in self.made else self.base[doc]
        if found is None:
            raise KeyError(doc)
        return found

    def prefetch(self, docs: Iterable[int]) -> None:
        """`ActorIndex.prefetch` of the old index, of those of `docs` not made again."""
        read = getattr(self.base, "prefetch", None)
        if read is not None:
            read([d for d in docs if d not in self.made])

    def __iter__(self) -> Iterator[int]:
        yield from (d for d in self.base if d not in self.made)
        yield from (d for d, v in self.made.items() if v is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _forms(members: Sequence[ActorMember]) -> set[str]:
    """The name keys `actor_index` files an actor of these `members` under in `by_key`."""
    seen = set(zip(map(_NAME, members), map(_ALIASES, members), strict=True))
    return {
        name_key(form)
        for name, aliases in seen
        for form in (name, *aliases)
        if form == name or is_name_like(form)
    }


def _keys(
    old: ActorIndex,
    gone: Sequence[CanonicalActor],
    came: Sequence[CanonicalActor],
    gained: Mapping[str, Sequence[ActorMember]],
) -> dict[str, tuple[str, ...]]:
    """`by_key` without the actors `gone`, with those that `came`, and the grown ones'
    gained members' forms (their kept members' are filed under their id already)."""
    dropped = {a.id for a in gone}
    more: dict[str, set[str]] = {}
    for actor_id, members in (*((a.id, a.members) for a in came), *gained.items()):
        for key in _forms(members):
            more.setdefault(key, set()).add(actor_id)
    touched = {key for a in gone for key in _forms(a.members)} | more.keys()
    out = dict(old.by_key)
    for key in touched:
        ids = {i for i in old.by_key.get(key, ()) if i not in dropped} | more.get(key, set())
        if ids:
            out[key] = tuple(sorted(ids))
        else:
            out.pop(key, None)
    return out


def _states(
    old: ActorIndex,
    gone: Sequence[CanonicalActor],
    came: Sequence[CanonicalActor],
    after: Sequence[CanonicalActor],
    gained: Mapping[str, Sequence[ActorMember]],
    added: dict[str, CanonicalActor],
) -> frozenset[str]:
    """`state_names`: a state that went takes its names' keys away only when no state
    after has them (counted again over every state, then)."""

    def names(actors: Iterable[CanonicalActor]) -> set[str]:
        return {
            name_key(n) for a in actors if a.type == "state" for n in set(map(_NAME, a.members))
        }

    lost = names(gone)
    more = names(came) | {
        name_key(m.name)
        for i, members in gained.items()
        if added[i].type == "state"
        for m in members
    }
    if lost <= more:
        return old.state_names | more
    return frozenset(names(after))
