"""The members tied to new ones, found through the stored actors' tie keys.

    member_ties(kind, name, aliases, gid, country)          a member's tie keys, as stored
    actor_ties(actor, members)                               the tie keys of an actor's members
    tied_by_key(members, seeds, loose, ties, actors)         `actors.tied_members`, by key
    tied_by_rank(loose, seeds, known, ties, actors, rank)    the same, only the loose laid out

`actors.tied_members` follows ties (`actors._ties`: gazetteer id, name keys, a one-word
person's name, the surname words of a person a one-word person is named) from the new members
over every member: at 100,000 documents it weighs a million members to reach a few thousand.
Every member of a stored actor is tied to the others through a chain of those keys (clustering
joins only members sharing one) and adding members only adds ties, so the members tied to new
ones are whole stored actors and new members: the chain can be followed from actor to actor
by their keys, each actor's keys read from the store (`TieLookup`, the `record_actor_ties`
rows written with the actors' members), without going over the members of the others.

A tie key is a string: its kind and value (`k` a name key, `a` the name key of a person's
alias, which ties only to the holders of `k` of the same key, `g` a gazetteer id, `s` a one-word
person's name, `w` a surname word of a longer person's name, which ties only where a one-word
person is named it: `s` of the same word).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol

from bilat.reconcile.actors import _tie_keys
from bilat.reconcile.model import ActorMember, CanonicalActor

__all__ = ["TieLookup", "actor_ties", "member_ties", "tied_by_key", "tied_by_rank"]


class TieLookup(Protocol):
    """The stored actors' tie keys, read by key or by actor."""

    def holders(self, ties: Collection[str]) -> Mapping[str, Collection[str]]:
        """Each of `ties` held by some stored actor -> the ids of those actors."""
        ...

    def ties_of(self, actors: Collection[str]) -> Mapping[str, Collection[str]]:
        """Each of `actors` -> its tie keys."""
        ...


def member_ties(
    kind: str, name: str, aliases: tuple[str, ...], gid: str | None, country: str | None
) -> tuple[str, ...]:
    """The tie keys of a member of these fields (`actors._tie_keys`; a surname word as `w`)."""
    keys, surnames = _tie_keys(kind, name, aliases, gid, country)
    return (*(f"{k} {v}" for k, v in keys), *(f"w {word}" for word in surnames))


def actor_ties(members: Iterable[ActorMember]) -> set[str]:
    """The tie keys of these members (each distinct kind of member weighed once)."""
    classes = {(m.type, m.name, m.aliases, m.gid, m.country) for m in members}
    return {tie for c in classes for tie in member_ties(*c)}


class _Search:
    """The chain of ties from some members, over stored actors (by key) and `loose` members
    (in memory: the new ones, and any old one no stored actor is known to hold)."""

    def __init__(self, members: Sequence[ActorMember], loose: Iterable[int], ties: TieLookup):
        self.lookup = ties
        self.of: dict[int, tuple[str, ...]] = {}
        self.held: dict[str, list[int]] = {}  # tie -> the loose members holding it
        for i in loose:
            m = members[i]
            self.of[i] = member_ties(m.type, m.name, m.aliases, m.gid, m.country)
            for tie in self.of[i]:
                self.held.setdefault(tie, []).append(i)
        self.bare: dict[str, bool] = {}  # word -> a one-word person is named it
        self.used: set[str] = set()
        self.actors: set[str] = set()
        self.members: set[int] = set()

    def _named(self, words: Iterable[str]) -> None:
        """Learn which of `words` a one-word person (loose or stored) is named."""
        ask = {w for w in words if w not in self.bare}
        for w in ask:
            self.bare[w] = f"s {w}" in self.held
        stored = self.lookup.holders([f"s {w}" for w in ask if not self.bare[w]])
        for tie in stored:
            self.bare[tie[2:]] = True

    def _keys(self, raw: Iterable[str]) -> set[str]:
        """The ties followed from these keys: a surname word's only where it is bare, as
        `s` of the word (through which both one-word persons and owners of it are held)."""
        raw = set(raw)
        self._named(t[2:] for t in raw if t[0] == "w")
        out = {t for t in raw if t[0] != "w"}
        out.update(f"s {t[2:]}" for t in raw if t[0] == "w" and self.bare[t[2:]])
        return out - self.used

    def run(self, seeds: Iterable[int]) -> None:
        members = set(seeds) - self.members
        actors: set[str] = set()
        while members or actors:
            self.members |= members
            self.actors |= actors
            raw = [t for i in members for t in self.of[i]]
            raw += [t for ties in self.lookup.ties_of(actors).values() for t in ties]
            keys = self._keys(raw)
            self.used |= keys
            asked = {near for k in keys for near in _near(k)}
            found = self.lookup.holders(asked)
            actors = {a for held in found.values() for a in held} - self.actors
            members = {i for k in asked for i in self.held.get(k, ())} - self.members


def _near(tie: str) -> tuple[str, ...]:
    """The keys whose holders a holder of `tie` (followed) is tied to (`actors._near`): a
    one-word person's name both its holders and the owners of the surname word (`w`), a
    person's alias (`a`) the holders of its key as a name (`k`), and those the aliases."""
    kind, value = tie[0], tie[2:]
    if kind == "s":
        return (tie, f"w {value}")
    if kind == "a":
        return (f"k {value}",)
    if kind == "k":
        return (tie, f"a {value}")
    return (tie,)


def tied_by_key(
    members: Sequence[ActorMember],
    seeds: Iterable[int],
    spans: Mapping[int, tuple[int, int]],
    known: Collection[int],
    ties: TieLookup,
    actors: Sequence[CanonicalActor],
) -> tuple[list[int], set[str]]:
    """`actors.tied_members(members, seeds, ())` (no human judgement) when the members of
    the `known` documents are those the stored `actors` hold (made by `cluster_members` from
    them, their ties in `ties`); the others' are weighed in memory (the seeds among them).
    `spans`: each document's members, (the index of its first, how many), together. Also
    returns the ids of the stored actors whose members it holds (every member of those)."""
    loose = [i for doc, (at, n) in spans.items() if doc not in known for i in range(at, at + n)]
    search = _Search(members, loose, ties)
    search.run(seeds)
    reached = [a for a in actors if a.id in search.actors]
    refs = {m.ref for a in reached for m in a.members}
    docs = {m.doc_id for a in reached for m in a.members} | {
        members[i].doc_id for i in search.members
    }
    out: list[int] = []
    for doc in sorted(docs, key=lambda d: spans[d][0]):
        at, n = spans[doc]
        if doc in known:
            out.extend(i for i in range(at, at + n) if members[i].ref in refs)
        else:
            out.extend(i for i in range(at, at + n) if i in search.members)
    return out, search.actors


def tied_by_rank(
    loose: Sequence[ActorMember],
    seeds: Iterable[int],
    known: Collection[int],
    ties: TieLookup,
    actors: Sequence[CanonicalActor],
    rank: Mapping[int, int],
) -> tuple[list[ActorMember], set[str]]:
    """`tied_by_key` when only the `loose` members are laid out (`seeds` their indexes),
    the `known` documents' being those the stored `actors` hold: the
    tied members themselves, in reading order (by each document's `rank`; a document's as
    its actors hold them, or as laid out), and the ids of the stored actors reached. Only
    the reached actors' members are gone over (read, when they are read when asked)."""
    search = _Search(loose, range(len(loose)), ties)
    search.run(seeds)
    reached = (a for a in actors if a.id in search.actors)
    found = [(rank[m.doc_id], m) for a in reached for m in a.members if m.doc_id in known]
    found += [(rank[loose[i].doc_id], loose[i]) for i in sorted(search.members)]
    found.sort(key=lambda x: x[0])  # stable: a document's members keep their order
    return [m for _, m in found], search.actors
