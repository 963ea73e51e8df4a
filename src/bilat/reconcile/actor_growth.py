"""New actor members a gazetteer id places, without clustering their actor's members again.

`actors.cluster_members` runs its rules one after the other over the members in reading
order: human judgements, then each gazetteer id's group (each member joins the first of the
group whose cluster accepts it), then each name group (type family and name key: each member
joins the first anchor whose cluster accepts it), then bare surnames. A new member `n` with
gazetteer id G joins the stored actor C holding G's old members, and nothing else changes
(the old members' steps run as before and record the same merges; `n` records one merge, with
the first member of G in reading order), when:

- every old member with id G is in C, C has a member with id G that comes before `n` in
  reading order, and no human judgement names `n` or a member of C: C was made by machine
  merges only, so its members agree on id, country and type family, every old step of G's
  group joins the group's first member at once, and `n` joins it at its own step;
- `n`'s country (if any) and type family are those of G's old members: its joining changes
  no cluster's attributes, so no later join is refused or accepted differently;
- every old member sharing a name group with `n` has id G: from the gazetteer step on they
  are all in one cluster with `n`, so every step of those groups finds its candidate already
  in its own cluster and does nothing (in the old run as in the new one);
- `n` is not a one-word person (those join by surname, counting clusters store-wide), and each
  of its surname words, if a person, is one an old member with id G and `n`'s country owns
  already, first in reading order before `n`: a bare surname counts the same clusters with
  `n` as without it and joins the same first owner.

A new member sharing a name group with one that is not placed so (a new name, no gazetteer
id) is tied to it and clustered again with it (`actors.tied_members`), so members placed here
and members clustered again never meet in one group.

A new member of no gazetteer id is placed in the stored actor of its name on rules of the
same kind (`placed_members`): the actor of a person a new document names holds a member
per document naming it, and clustering it again for one more cost most of the update's
actor step.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bilat.reconcile._member_kinds import GrownMembers, documents_of, kinds_of
from bilat.reconcile._text import name_key, tokens
from bilat.reconcile._tie_search import TieLookup, tied_by_key, tied_by_rank
from bilat.reconcile.actors import (
    _build_actor,
    _family,
    _other_forms,
    _person_forms,
    _surname_tokens,
    cluster_members,
    tied_members,
)
from bilat.reconcile.model import ActorMember, CanonicalActor, MergeJudgement

__all__ = [
    "MemberOrder",
    "Placed",
    "Regrown",
    "Ties",
    "gained_members",
    "join_groups",
    "placed_members",
    "regrow",
]

_DOC = operator.attrgetter("doc_id")
_NAME = operator.attrgetter("name")
_ALIASES = operator.attrgetter("aliases")

# documents -> the refs of each one's members in reading order (the order of its actors)
MemberOrder = Callable[[Collection[int]], Mapping[int, Sequence[str]]]
# every actor, the machine merges, the refs of the members placed or clustered again, and
# the stored actors grown by placed members (their ids -> the members each gained)
# the stored actors' tie keys, and the documents whose members only they hold
Ties = tuple[TieLookup, Collection[int]]
Regrown = tuple[
    tuple[CanonicalActor, ...],
    tuple[MergeJudgement, ...],
    frozenset[str],
    dict[str, tuple[ActorMember, ...]],
]


def join_groups(member: ActorMember) -> tuple[tuple[str, str], ...]:
    """The name groups (type family, key) `cluster_members` puts `member` in."""
    return _groups(member.type, member.name, member.aliases)


@functools.lru_cache(maxsize=1 << 16)
def _groups(kind: str, name: str, aliases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """`join_groups` of a member of this type, name and aliases (members repeat them)."""
    member = ActorMember("", 0, "", name, kind, None, None, aliases, None)
    forms = _person_forms(member) if kind == "person" else _other_forms(member)
    return tuple((_family(kind), key) for key, _ in forms)


def _anchored(member: ActorMember) -> dict[tuple[str, str], bool]:
    """`join_groups` of `member`, each with whether the member anchors it there (a person
    anchors only the groups of its name's forms, `actors._link_names`)."""
    return _anchors(member.type, member.name, member.aliases)


@functools.lru_cache(maxsize=1 << 16)
def _anchors(kind: str, name: str, aliases: tuple[str, ...]) -> dict[tuple[str, str], bool]:
    member = ActorMember("", 0, "", name, kind, None, None, aliases, None)
    person = kind == "person"
    out: dict[tuple[str, str], bool] = {}
    for key, is_name in _person_forms(member) if person else _other_forms(member):
        group = (_family(kind), key)
        out[group] = out.get(group, False) or is_name or not person
    return out


def _owned(member: ActorMember) -> set[str]:
    """The surname words a multi-word person owns (none for others)."""
    if member.type != "person" or len(tokens(member.name)) < 2:
        return set()
    return _surname_tokens(member)


@dataclass(frozen=True, slots=True)
class Placed:
    """A new member placed in a stored actor by its gazetteer id or its name, and the merge
    it records."""

    member: ActorMember
    actor: str
    merge: MergeJudgement


@dataclass(slots=True)
class _Old:
    """What the old members tell about the keys of the new ones."""

    actor_of_gid: dict[str, set[str]]  # gazetteer id -> the actors holding members with it
    first: dict[str, ActorMember]  # gazetteer id -> its first member in reading order
    attrs: dict[str, set[tuple[str, str | None]]]  # id -> (family, country) of its members
    group_gids: dict[tuple[str, str], set[str | None]]  # name group -> its members' ids
    # (word, country, id) a person with an id owns -> the document of its first owner
    owners: dict[tuple[str, str | None, str], int]
    judged: set[str]  # actors with a member a human judgement names
    judged_any: bool  # a human judgement is stored (it may join members of any actor)
    # name group -> actor -> the (country, id) of its members in the group
    held: dict[tuple[str, str], dict[str, set[tuple[str | None, str | None]]]]
    # (name group, actor) -> the first two anchors of the group the actor holds
    anchors: dict[tuple[tuple[str, str], str], list[ActorMember]]
    # (name group, gazetteer id of a new member) -> its first two anchors of that id, and
    # its first member of it (all in one actor when placeable, in reading order)
    gid_anchors: dict[tuple[tuple[str, str], str], list[ActorMember]]
    gid_member: dict[tuple[tuple[str, str], str], ActorMember]
    # (word, country, actor, name group) a person of the actor in the group owns -> the
    # document of its first owner (in the cluster of the group's first anchor by its end)
    owned: dict[tuple[str, str | None, str, tuple[str, str]], int]
    country: dict[str, str | None]  # actor -> its country

    @classmethod
    def of(
        cls,
        actors: Iterable[CanonicalActor],
        new: Sequence[ActorMember],
        named: set[str],
        holding: Collection[str] | None = None,
    ) -> _Old:
        """Read from the members of the actors holding the `new` members' gazetteer ids or
        one of their names (by the actors' names: every form a member uses is one).
        `holding`: the actors holding one of those ids among others, when known (by their
        tie keys), so the members of the others need not be gone over."""
        gids = {n.gid for n in new if n.gid}
        wanted = {g for n in new for g in join_groups(n)}
        keys = {key for _, key in wanted}
        old = cls({}, {}, {}, {}, {}, set(), bool(named), {}, {}, {}, {}, {}, {})
        for actor in actors:
            meets = not keys.isdisjoint(_name_keys(actor))
            if holding is not None and not meets and actor.id not in holding:
                continue
            if meets or not gids.isdisjoint({m.gid for m in kinds_of(actor.members)}):
                old._read(actor, gids, wanted if meets else set(), named)
        return old

    def _read(
        self,
        actor: CanonicalActor,
        gids: set[str],
        wanted: set[tuple[str, str]],
        named: set[str],
    ) -> None:
        if named and any(m.ref in named for m in actor.members):
            self.judged.add(actor.id)
        self.country[actor.id] = actor.country
        seen: dict[tuple[object, ...], list[list[ActorMember]]] = {}  # kind -> its anchor lists
        # a third member of a kind changes nothing below (the lists the first of its kind
        # joined are full after the second; the rest keep the first's): the first two of
        # each kind tell all (`kinds_of`: of a stored actor, from the store, not read whole)
        for m in kinds_of(actor.members):
            alike = (m.type, m.name, m.aliases, m.gid, m.country)  # tells the same as m
            lists = seen.get(alike)
            if lists is not None:  # the second anchor of a group may be of a kind seen
                for found in lists:
                    if len(found) < 2:
                        found.append(m)
                continue
            lists = seen[alike] = []
            for group, anchor in _anchored(m).items() if wanted else ():
                if group in wanted:
                    self.group_gids.setdefault(group, set()).add(m.gid)
                    held = self.held.setdefault(group, {})
                    held.setdefault(actor.id, set()).add((m.country, m.gid))
                    tracked = [(self.anchors, actor.id)]  # its first two anchors of the actor
                    if m.gid and m.gid in gids:  # and of the id, and its first member of it
                        tracked.append((self.gid_anchors, m.gid))
                        self.gid_member.setdefault((group, m.gid), m)
                    for lists_of, key in tracked if anchor else ():
                        found = lists_of.setdefault((group, key), [])
                        if len(found) < 2:
                            found.append(m)
                            lists.append(found)
            for w in _owned(m) if wanted else ():
                for group in _anchored(m):
                    if group in wanted:
                        self.owned.setdefault((w, m.country, actor.id, group), m.doc_id)
            if m.gid and m.gid in gids:
                self.actor_of_gid.setdefault(m.gid, set()).add(actor.id)
                self.first.setdefault(m.gid, m)
                self.attrs.setdefault(m.gid, set()).add((_family(m.type), m.country))
                for w in _owned(m):
                    self.owners.setdefault((w, m.country, m.gid), m.doc_id)


def _name_keys(actor: CanonicalActor) -> set[str]:
    """The keys of every name group a member of `actor` can be in (and more)."""
    keys = set()
    for name in actor.names:
        words = tokens(name)
        keys.add(" ".join(words))
        if len(words) >= 3:
            keys.add(f"{words[0]} {words[-1]}")
    return keys


def _placeable(n: ActorMember, old: _Old, rank: Mapping[int, int]) -> str | None:
    """The stored actor `n` joins by the rules of the module docstring, or None. A name
    group whose old members are not all of `n`'s id may be one `_settled` allows."""
    gid = n.gid
    if not gid or len(old.actor_of_gid.get(gid, ())) != 1:
        return None
    (actor,) = old.actor_of_gid[gid]
    first = old.first[gid]
    if actor in old.judged or rank[first.doc_id] >= rank[n.doc_id]:
        return None
    attrs = old.attrs[gid]
    if _family(n.type) not in {f for f, _ in attrs}:
        return None
    if n.country and n.country not in {c for _, c in attrs}:
        return None
    if any(old.group_gids.get(g, {gid}) != {gid} for g in join_groups(n)) and (
        old.judged_any or not _settled(n, old, rank)
    ):
        return None
    if n.type == "person" and len(tokens(n.name)) < 2:
        return None
    for w in _owned(n):
        owner = old.owners.get((w, n.country, gid))
        if owner is None or rank[owner] >= rank[n.doc_id]:
            return None  # (one before every old owner would be a bare surname's new target)
    return actor


def _clashes(n: ActorMember, country: str | None, gid: str | None) -> bool:
    """Whether a member of this country and gazetteer id and `n` refuse each other, and so
    any two machine-made clusters holding them (each holds one country and one id at most)."""
    return bool(n.country and country and n.country != country) or bool(
        n.gid and gid and n.gid != gid
    )


def _first_anchors(
    n: ActorMember,
    old: _Old,
    rank: Mapping[int, int],
    actor: str,
    shared: Collection[tuple[str, str]],
) -> list[ActorMember] | None:
    """The first anchor of `actor` in each name group of a new member `n` of no gazetteer
    id where `actor` has anchors (`n` joins it there), when `n` in `actor` changes no other
    join of those groups (see `placed_members`); else None."""
    out = []
    for group, anchors in _anchored(n).items():
        held = old.held.get(group, {})
        if group in shared:
            return None  # (another new member anchors it)
        for other, kinds in held.items():
            if other != actor and not all(_clashes(n, c, g) for c, g in kinds):
                return None  # (a member of another actor could join n, or n it)
        mine = old.anchors.get((group, actor), [])
        if anchors and actor in held and (len(mine) < 2 or rank[mine[1].doc_id] >= rank[n.doc_id]):
            return None  # (n would be an old member's first candidate)
        out.extend(mine[:1])
    return out


def _settled(n: ActorMember, old: _Old, rank: Mapping[int, int]) -> bool:
    """Whether every name group of a new member of gazetteer id G (in G's cluster from
    that step on) that holds old members of another id or none joins nothing new with it:
    an old member of id G comes before it (it tried the group's anchors first, and stopped
    at the first of its cluster or accepting it: so does `n`, finding that cluster its
    own), and when `n` anchors the group, two old anchors of id G come before it (so every
    member that reaches `n` among the anchors tried G's cluster already: only the first
    anchor of G tries the second)."""
    gid = str(n.gid)
    for group, anchors in _anchored(n).items():
        if not old.held.get(group) or old.group_gids.get(group) == {gid}:
            continue
        first = old.gid_member.get((group, gid))
        if first is None or rank[first.doc_id] >= rank[n.doc_id]:
            return False
        mine = old.gid_anchors.get((group, gid), [])
        if anchors and (len(mine) < 2 or rank[mine[1].doc_id] >= rank[n.doc_id]):
            return False
    return True


def _owner_before(
    n: ActorMember,
    word: str,
    old: _Old,
    rank: Mapping[int, int],
    actor: str,
    groups: Collection[tuple[str, str]],
) -> bool:
    """Whether a member of `actor` of `n`'s country that owns the surname `word` comes
    before `n` in one of `groups` (the groups where `n` joins the actor's first anchor: by
    their end that member is in `n`'s cluster, so a bare surname counts the same clusters
    with `n` as without it, and tries that member before `n`)."""
    found = [old.owned.get((word, n.country, actor, g)) for g in groups]
    return any(doc is not None and rank[doc] < rank[n.doc_id] for doc in found)


def _named_into(
    n: ActorMember, old: _Old, rank: Mapping[int, int], shared: Collection[tuple[str, str]]
) -> tuple[str, MergeJudgement] | None:
    """The stored actor a new member of no gazetteer id joins by its name, and the merge it
    records, when nothing else changes (see `placed_members`); else None. `shared`: the name
    groups another new member is in and one anchors."""
    if n.gid or (n.type == "person" and len(tokens(n.name)) < 2):
        return None
    actors = {a for group in _anchored(n) for a in old.held.get(group, ())}
    for actor in sorted(actors):
        if actor in old.judged or (n.country and n.country != old.country[actor]):
            continue
        firsts = _first_anchors(n, old, rank, actor, shared)
        if not firsts or any(a is not firsts[0] for a in firsts):
            continue  # (joins nothing; or two anchors, maybe of clusters not joined yet)
        live = [g for g in _anchored(n) if (g, actor) in old.anchors]
        if not all(_owner_before(n, w, old, rank, actor, live) for w in _owned(n)):
            continue
        key = min(g[1] for g in live)
        merge = MergeJudgement("merge", n.ref, firsts[0].ref, f"shared name {key!r}", "machine")
        return actor, merge
    return None


def placed_members(
    actors: Sequence[CanonicalActor],
    new: Sequence[ActorMember],
    rank: Mapping[int, int],
    named: Collection[str],
    ties: TieLookup | None = None,
) -> list[Placed]:
    """The `new` members (of documents not among `actors`' members) a gazetteer id or their
    name places in one of the stored `actors` (made by `cluster_members` from the old
    members), with the merge each records, in the order of `new`. `rank`: every document's
    place in reading order; `named`: the members human judgements name; `ties`: the stored
    actors' tie keys, when known.

    With no human judgement stored (a forced merge may give a cluster two countries), a new
    member of no gazetteer id is placed by its name (`_named_into`) in the stored actor C
    whose members' name groups it joins (a group's "anchors" are the members it joins:
    every member of it for other types, those named by its key for a person), when: no
    other new member is in a group of it that a new member anchors; every old member of
    those groups outside C refuses it by its own country or id (so does any cluster
    holding it: a machine-made cluster holds one country, one id and one type family at
    most); where it anchors a group C holds, two anchors of C come before it (only the
    first anchor tries the second: it is no old member's first candidate); the groups where
    C has anchors have the same first anchor of C (so it joins that anchor's cluster once,
    and finds it its own in the others); C is not judged and of its country, if any; it is
    not a one-word person, and each of its surname words is owned, in its country, by a
    member of C in one of those groups before it (by their end in its cluster: a bare
    surname counts the same clusters and tries that member first). It then joins C at the
    first of those groups, adding to that cluster nothing C's later joins would refuse.

    A new member of gazetteer id G is placed as the module docstring says; a name group of
    it holding old members of another id or none may also be one where an old member of id
    G comes before it, and two anchors of id G when it anchors the group (`_settled`)."""
    by_gid = [n for n in new if n.gid and n.ref not in named]
    by_name = [n for n in new if not n.gid and n.ref not in named]
    holding = None
    if ties is not None:
        gids = {f"g {n.gid}" for n in by_gid}
        holding = {a for held in ties.holders(gids).values() for a in held}
    old = _Old.of(actors, [*by_gid, *by_name], set(named), holding)
    # the name groups of two or more new members, one anchoring it (else it joins nothing
    # new but through the old anchors, which every new member of it is tied to or joins)
    groups = Counter(g for n in new for g in _anchored(n))
    anchored = {g for n in new for g, anchor in _anchored(n).items() if anchor}
    shared = {g for g, k in groups.items() if k > 1 and g in anchored}
    out = []  # in the order of `new` (a grown actor's members are put in by it)
    for n in new:
        if n.ref in named:
            continue
        if n.gid:
            actor = _placeable(n, old, rank)
            if actor is not None:
                reason = f"same gazetteer id {n.gid}"
                first = old.first[str(n.gid)].ref
                out.append(
                    Placed(n, actor, MergeJudgement("merge", n.ref, first, reason, "machine"))
                )
        elif not named and (found := _named_into(n, old, rank, shared)) is not None:
            out.append(Placed(n, *found))
    return out


def grown_actor(
    actor: CanonicalActor, placed: Sequence[ActorMember], rank: Mapping[int, int]
) -> CanonicalActor | None:
    """`actor` with the `placed` members, built as `cluster_members` builds it (members in
    reading order); None when its id would change (then cluster it again). When its members
    come in reading order (a stored actor's do) and the placed ones change nothing the
    counts choose (`_grown_alike`), its members are its stored ones with the placed ones at
    their places (`GrownMembers`), found from its members' documents and kinds alone: the
    actor of a state holds 100,000 members, and gains a few."""
    gains = _places(actor.members, placed, rank)
    if gains is not None:
        alike = _grown_alike(actor, gains, rank)
        if alike is not None:
            return alike
    members = _in_order(actor.members, placed, rank)
    grown = _build_actor(members, set())
    return grown if grown.id == actor.id else None


def _places(
    members: Sequence[ActorMember], placed: Sequence[ActorMember], rank: Mapping[int, int]
) -> list[tuple[int, ActorMember]] | None:
    """Each `placed` member with the number of `members` before it in `_in_order`'s order
    (after every member of a rank not above its own), in that order; None when `members`
    are not in reading order (then they are sorted with the placed ones)."""
    ranks = list(map(rank.__getitem__, documents_of(members)))
    if not all(map(operator.le, ranks, itertools.islice(ranks, 1, None))):
        return None
    ahead = sorted(placed, key=lambda m: rank[m.doc_id])
    return [(bisect.bisect_right(ranks, rank[m.doc_id]), m) for m in ahead]


def _grown_alike(
    actor: CanonicalActor, gains: Sequence[tuple[int, ActorMember]], rank: Mapping[int, int]
) -> CanonicalActor | None:
    """`_build_actor` of the `actor`'s members with the placed ones (`gains`, each with the
    number of the actor's members before it, `_places`) without counting its members, when
    no placed member changes what the counts choose: each is named as the actor, of its
    type, gazetteer id and country or of none (so they only gain in count), and an old
    member of its name and aliases comes before it (so the actor's names keep their order:
    the first old member of them, `kinds_of`, is of a rank not above its own); else None."""
    if actor.id != (actor.gid or f"{actor.type}:{name_key(actor.name)}"):
        return None  # (built with a suffix: its id would change)
    first: dict[tuple[str, tuple[str, ...]], int] = {}
    for m in kinds_of(actor.members):
        first.setdefault((m.name, m.aliases), rank[m.doc_id])
    for _, p in gains:
        if p.name != actor.name or any(
            v and v != was
            for v, was in ((p.type, actor.type), (p.gid, actor.gid), (p.country, actor.country))
        ):
            return None
        was = first.get((p.name, p.aliases))
        if was is None or was > rank[p.doc_id]:
            return None
    docs = actor.doc_count + len({p.doc_id for _, p in gains})
    return replace(actor, members=GrownMembers(actor.members, gains), doc_count=docs)


def _in_order(
    members: Sequence[ActorMember], placed: Sequence[ActorMember], rank: Mapping[int, int]
) -> list[ActorMember]:
    """`sorted((*members, *placed))` by the documents' `rank` (a stable sort)."""
    return sorted((*members, *placed), key=lambda m: rank[m.doc_id])


def gained_members(
    before: Sequence[ActorMember], members: Sequence[ActorMember], most: int = 64
) -> list[tuple[int, ActorMember]] | None:
    """The `members` not among `before`, each with the number of `before`'s members ahead of
    it, when `members` is `before` (the same objects, in order) with at most `most` members
    put in (a grown actor keeps its stored members, `grown_actor`); else None (then compare
    them one by one). A grown actor's members (`GrownMembers` of `before`) tell theirs;
    otherwise each run of kept members is matched in C (`map` of `is_not`), not in Python."""
    if isinstance(members, GrownMembers) and members.base is before:
        return list(members.gains) if len(members.gains) <= most else None
    if not 0 <= len(members) - len(before) <= most:
        return None
    out: list[tuple[int, ActorMember]] = []
    i = j = 0  # the next member and the next of `before` to match
    while len(out) <= len(members) - len(before):
        apart = map(
            operator.is_not, itertools.islice(members, i, None), itertools.islice(before, j, None)
        )
        k = next(itertools.compress(itertools.count(), apart), None)
        if k is None:  # `before` matched to its end, or `members` run out
            if len(before) - j > len(members) - i:
                return None
            out += [(len(before), m) for m in members[i + len(before) - j :]]
            return out if len(out) == len(members) - len(before) else None
        i, j = i + k + 1, j + k
        out.append((j, members[i - 1]))
    return None


def _spans(members: Sequence[ActorMember]) -> dict[int, tuple[int, int]]:
    """Each document's (index of its first member, members), documents in the order they
    come; right where each document's members are together."""
    out, at = {}, 0
    for doc, n in Counter(map(_DOC, members)).items():  # in the order first seen
        out[doc] = (at, n)
        at += n
    return out


def _indexes(spans: Mapping[int, tuple[int, int]], docs: Collection[int]) -> list[int]:
    """The indexes of the members of `docs`, in order (`spans`: see `_spans`)."""
    at = sorted(spans[d] for d in docs if d in spans)
    return [i for first, n in at for i in range(first, first + n)]


def _together(members: Sequence[ActorMember], spans: Mapping[int, object]) -> bool:
    """Whether each document's members come together (one run per document)."""
    docs = list(map(_DOC, members))
    runs = 1 + sum(map(operator.ne, docs, itertools.islice(docs, 1, None)))
    return bool(runs == len(spans))


def regrow(
    actors: Sequence[CanonicalActor],
    merges: Sequence[MergeJudgement],
    members: Sequence[ActorMember],
    added: Collection[int],
    judgements: Sequence[MergeJudgement] = (),
    order: MemberOrder | None = None,
    ties: Ties | None = None,
    rank: Mapping[int, int] | None = None,
) -> Regrown:
    """`cluster_members(members, judgements)` from `actors` and `merges`, its result on the
    members of documents not `added`: the new members a gazetteer id places
    (`placed_members`) join their stored actors; the members tied to the others
    (`tied_members`) are clustered again; every other actor and merge is kept. Also returns
    the refs of the members placed or clustered again (the only ones whose merges change),
    and the actors grown by placed members, each with the members it gained (it keeps
    every stored member, the same objects).
    `order`: when given, the members of each old document may come in any order (documents
    in reading order still): only those clustered again need theirs, asked of `order` for
    the documents with two or more of them.
    `ties`: the stored actors' tie keys and the documents whose members are just those the
    `actors` hold (the others' are weighed in memory), when known: without human
    judgements, the members tied to the new ones are then found by key
    (`_tie_search.tied_by_key`), not over every member.
    `rank`: with `ties` and no human judgement, every document's place in reading order,
    when `members` are only those of the documents the `actors` do not hold (the added
    ones among them): the stored members are then read only where the search reaches (a
    stored actor's `members` may be read when asked: `_stored_members.LazyMembers`)."""
    spans = _spans(members)
    loose = rank is not None
    if rank is None:
        rank = {doc: n for n, doc in enumerate(spans)}
    usable = ties is not None and not judgements and (loose or bool(members))
    usable = usable and (not members or _together(members, spans))
    assert usable or not loose, "only the loose members come with the stored actors' ties"
    search = (ties[0], ties[1], spans, loose) if ties is not None and usable else None
    if search is not None:  # the added documents' members, by their spans
        new = [members[i] for i in _indexes(spans, added)]
    else:
        new = [m for m in members if m.doc_id in added]
    named = {ref for j in judgements for ref in (j.a, j.b)}
    refs = [m.ref for m in new]
    lookup = search[0] if search is not None else None
    placed = placed_members(actors, new, rank, named, lookup) if len(set(refs)) == len(refs) else []
    docs = (added, rank, order)
    out = _regrow(actors, merges, members, docs, judgements, placed, search)
    if out is None:  # an id would change: cluster every tied member again
        out = _regrow(actors, merges, members, docs, judgements, [], search)
    assert out is not None, "an actor grows only by placed members"
    return out


def in_reading_order(
    members: Sequence[ActorMember], added: Collection[int], order: MemberOrder
) -> list[ActorMember]:
    """`members` (each document's together, documents in reading order) with the members
    of each old document that has two or more put in its actors' order (`order`, asked of
    those documents only); the `added` documents' come in their order already."""
    many = Counter(m.doc_id for m in members if m.doc_id not in added)
    docs = {doc for doc, n in many.items() if n > 1}
    if not docs:
        return list(members)
    place = {ref: n for refs in order(docs).values() for n, ref in enumerate(refs)}
    first: dict[int, int] = {}
    for n, m in enumerate(members):
        first.setdefault(m.doc_id, n)
    return sorted(members, key=lambda m: (first[m.doc_id], place.get(m.ref, 0)))


def _regrow(
    actors: Sequence[CanonicalActor],
    merges: Sequence[MergeJudgement],
    members: Sequence[ActorMember],
    docs: tuple[Collection[int], Mapping[int, int], MemberOrder | None],
    judgements: Sequence[MergeJudgement],
    placed: Sequence[Placed],
    ties: tuple[TieLookup, Collection[int], Mapping[int, tuple[int, int]], bool] | None = None,
) -> Regrown | None:
    """`regrow` with these members `placed` (`docs`: the added documents, every document's
    place in reading order and `order`); None when a grown actor's id would change.
    `ties`: the lookup, known documents and spans of `regrow`'s search, and whether the
    `members` are the loose ones alone (`regrow`'s `rank`)."""
    added, rank, order = docs
    skip = {p.member.ref for p in placed}
    if ties is None:
        seeds = (i for i, m in enumerate(members) if m.doc_id in added and m.ref not in skip)
    else:
        seeds = (i for i in _indexes(ties[2], added) if members[i].ref not in skip)
    reached = None  # the stored actors whose members are tied, when found by key
    if ties is None:
        tied = [members[i] for i in tied_members(members, seeds, judgements)]
    elif ties[3]:
        tied, reached = tied_by_rank(members, seeds, ties[1], ties[0], actors, rank)
    else:
        lookup, known, spans, _ = ties
        found, reached = tied_by_key(members, seeds, spans, known, lookup, actors)
        tied = [members[i] for i in found]
    if order is not None:
        tied = in_reading_order(tied, added, order)
    again = {m.ref for m in tied}
    free = [p for p in placed if p.member.ref not in again]
    joining: dict[str, list[ActorMember]] = {}
    for p in free:
        joining.setdefault(p.actor, []).append(p.member)
    kept = []
    gained: dict[str, tuple[ActorMember, ...]] = {}
    for actor in actors:
        gone = actor.id in reached if reached is not None else None
        if gone or (gone is None and any(m.ref in again for m in actor.members)):
            continue
        if actor.id in joining:
            grown = grown_actor(actor, joining[actor.id], rank)
            if grown is None:
                return None
            actor = grown
            gained[actor.id] = tuple(joining[actor.id])
        kept.append(actor)
    clustered, made = cluster_members(tied, judgements)
    every = tuple(sorted((*kept, *clustered), key=lambda a: a.id))
    merged = (*(m for m in merges if m.a not in again), *made, *(p.merge for p in free))
    return every, merged, frozenset(again | {p.member.ref for p in free}), gained
