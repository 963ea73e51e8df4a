"""Canonical actors: one per real-world actor, built from every document's actors.

Requires: SourcedExtraction.extraction.actors. Assigns: CanonicalActor, machine MergeJudgements,
and an ActorIndex that maps (document, name-as-written) to a canonical actor id.

Members (one per document actor) are joined, in this order, by:
  1. human "merge" judgements (always), after human "split" judgements are set as cannot-links;
  2. the same gazetteer id;
  3. the same type (company and organization count as one) and a shared name key (person
     aliases count only against a name; a person's one-word name or alias never counts here);
  4. a person written as a bare surname joins the one full-name person of the same country
     whose name carries that surname; when two do, it stays apart.
A machine merge is refused when it would join different gazetteer ids, countries or types.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from bilat.reconcile._clusters import Clusters
from bilat.reconcile._text import is_name_like, name_key, tokens
from bilat.reconcile.model import ActorMember, CanonicalActor, MergeJudgement, SourcedExtraction

__all__ = [
    "ActorIndex",
    "actor_index",
    "actors_of",
    "canonical_actors",
    "cluster_members",
    "collect_members",
    "member_ref",
    "tied_members",
]

_NAME = operator.attrgetter("name")
_ALIASES = operator.attrgetter("aliases")
_TYPE = operator.attrgetter("type")
_GID = operator.attrgetter("gid")
_COUNTRY = operator.attrgetter("country")
_DOC = operator.attrgetter("doc_id")

# Types that name the same kind of thing: extractors call Gazprom a company or an organization.
_TYPE_FAMILY = {"company": "organization"}

# Countries whose people are usually written family name first in English news.
_FAMILY_FIRST = frozenset({"CN", "TW", "HK", "MO", "KP", "KR", "VN", "SG"})


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Resolve a name as one document wrote it to a canonical actor id."""

    by_doc: Mapping[int, dict[str, str]]  # document -> name key -> actor id
    by_key: dict[str, tuple[str, ...]]
    actors: dict[str, CanonicalActor]
    state_names: frozenset[str]  # name keys of states, by their names (not "Beijing" aliases)

    def resolve(self, doc_id: int, name: str) -> str:
        """The actor the document means by `name`: its own actors first, then a gazetteer id
        written as such ("RU"), then a name key that only one canonical actor uses."""
        key = name_key(name)
        found = self.by_doc.get(doc_id, {}).get(key)
        if found:
            return found
        actor = self.actors.get(name)
        if actor is not None and actor.gid == name:
            return name
        candidates = self.by_key.get(key, ())
        return candidates[0] if len(candidates) == 1 else f"?:{key}"

    def prefetch(self, docs: Iterable[int]) -> None:
        """Have the names of these documents read in one go, where `by_doc` reads each
        when asked (a stored record's: `_stored_members.DocumentNames`); else nothing."""
        read = getattr(self.by_doc, "prefetch", None)
        if read is not None:
            read(docs)

    def display(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id.removeprefix("?:")

    def type_of(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.type if actor else None

    def is_state_name(self, name: str) -> bool:
        return name_key(name) in self.state_names


@dataclass(frozen=True, slots=True)
class _Attrs:
    gids: frozenset[str]
    countries: frozenset[str]
    types: frozenset[str]

    def compatible(self, other: _Attrs) -> bool:
        return not (
            _clash(self.gids, other.gids)
            or _clash(self.countries, other.countries)
            or _clash(self.types, other.types)
        )

    def __or__(self, other: _Attrs) -> _Attrs:
        return _Attrs(
            self.gids | other.gids, self.countries | other.countries, self.types | other.types
        )


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


@functools.cache
def _member_attrs(gid: str | None, country: str | None, family: str) -> _Attrs:
    """A lone member's attributes (one shared object per combination)."""
    return _Attrs(
        frozenset({gid} if gid else ()),
        frozenset({country} if country else ()),
        frozenset({family}),
    )


def _family(actor_type: str) -> str:
    return _TYPE_FAMILY.get(actor_type, actor_type)


def member_ref(doc_id: int, name: str) -> str:
    return f"{doc_id}:{name}"


def collect_members(
    inputs: Sequence[SourcedExtraction], known: Mapping[int, Sequence[ActorMember]] | None = None
) -> list[ActorMember]:
    """Every actor of `inputs` as a member, in reading order; `known`: the members of
    some documents, as this gives them, taken instead of their actors."""
    out: list[ActorMember] = []
    for s in inputs:
        if known is not None and s.doc_id in known:
            out.extend(known[s.doc_id])
            continue
        out.extend(
            ActorMember(
                member_ref(s.doc_id, a.name),
                s.doc_id,
                s.doc_name,
                a.name,
                a.type,
                a.country,
                a.role,
                a.aliases,
                a.gid,
            )
            for a in s.extraction.actors
        )
    return out


class _Merger:
    """Clusters plus the per-cluster attributes and the judgements that explain each merge."""

    def __init__(self, members: list[ActorMember]) -> None:
        self.members = members
        self.clusters = Clusters(len(members))
        self.attrs: dict[int, _Attrs] = {}  # of clusters of two or more, by root
        self.made: list[MergeJudgement] = []

    def _attrs(self, root: int) -> _Attrs:
        found = self.attrs.get(root)
        if found is not None:
            return found
        m = self.members[root]
        return _member_attrs(m.gid, m.country, _family(m.type))

    def join(self, a: int, b: int, reason: str, *, forced: bool = False) -> bool:
        ra, rb = self.clusters.find(a), self.clusters.find(b)
        if ra == rb or not (forced or self._attrs(ra).compatible(self._attrs(rb))):
            return False
        root = self.clusters.union(a, b)
        if root is None:
            return False
        merged = self._attrs(ra) | self._attrs(rb)
        self.attrs.pop(ra, None)
        self.attrs.pop(rb, None)
        self.attrs[root] = merged
        if not forced:
            ma, mb = self.members[a], self.members[b]
            self.made.append(MergeJudgement("merge", ma.ref, mb.ref, reason, "machine"))
        return True

    def join_any(self, item: int, candidates: Iterable[int], reason: str) -> None:
        """Join `item` to the first candidate whose cluster accepts it."""
        tried: set[int] = set()
        for other in candidates:
            root = self.clusters.find(other)
            if other == item or root in tried:
                continue
            tried.add(root)
            if root == self.clusters.find(item) or self.join(item, other, reason):
                return


def _last_human_word(
    judgements: Sequence[MergeJudgement], refs: dict[str, int]
) -> list[tuple[int, int, MergeJudgement]]:
    """Human judgements on known members; for one pair only the last one counts (undo)."""
    latest: dict[frozenset[int], tuple[int, int, MergeJudgement]] = {}
    for judgement in judgements:
        a, b = refs.get(judgement.a), refs.get(judgement.b)
        if a is None or b is None or a == b or judgement.kind not in ("merge", "split"):
            continue
        latest.pop(frozenset((a, b)), None)
        latest[frozenset((a, b))] = (a, b, judgement)
    return list(latest.values())


def _apply_human(merger: _Merger, judgements: Sequence[MergeJudgement]) -> None:
    refs: dict[str, int] = {}
    for i, member in enumerate(merger.members):
        refs.setdefault(member.ref, i)
    decisions = _last_human_word(judgements, refs)
    for a, b, judgement in decisions:
        if judgement.kind == "split":
            merger.clusters.forbid(a, b)
    for a, b, judgement in decisions:
        if judgement.kind == "merge":
            merger.join(a, b, judgement.reason, forced=True)


def _link_gids(merger: _Merger) -> None:
    groups: dict[str, list[int]] = {}
    for i, member in enumerate(merger.members):
        if member.gid:
            groups.setdefault(member.gid, []).append(i)
    for gid, group in sorted(groups.items()):
        reason = f"same gazetteer id {gid}"  # one text, shared by the group's merges
        for item in group[1:]:
            merger.join_any(item, group, reason)


def _person_forms(member: ActorMember) -> list[tuple[str, bool]]:
    """(key, is_the_name) for every multi-word form of a person; 'A B C' also gives 'A C'."""
    name = tokens(member.name)
    forms: list[tuple[str, bool]] = []
    if len(name) >= 2:
        forms.append((" ".join(name), True))
    if len(name) >= 3:
        forms.append((f"{name[0]} {name[-1]}", True))
    for alias in member.aliases:
        words = tokens(alias)
        if len(words) >= 2 and is_name_like(alias):
            forms.append((" ".join(words), False))
    return forms


def _other_forms(member: ActorMember) -> list[tuple[str, bool]]:
    forms = [(name_key(member.name), True)]
    forms += [(name_key(a), False) for a in member.aliases if is_name_like(a)]
    return [(key, is_name) for key, is_name in forms if key]


def _link_names(merger: _Merger) -> None:
    groups: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    for i, member in enumerate(merger.members):
        person = member.type == "person"
        for key, is_name in _person_forms(member) if person else _other_forms(member):
            # persons: only a name anchors a group; other types: every form does
            group = groups.setdefault((_family(member.type), key), [])
            group.append((i, is_name or not person))
    for (_, key), group in sorted(groups.items()):
        anchors = [i for i, anchor in group if anchor]
        reason = f"shared name {key!r}"
        for item, _anchor in group:
            merger.join_any(item, anchors, reason)


def _surname_tokens(member: ActorMember) -> set[str]:
    words = tokens(member.name)
    found = {words[-1]}
    if member.country in _FAMILY_FIRST:
        found.add(words[0])
    found.update(name_key(a) for a in member.aliases if len(tokens(a)) == 1)
    return found


def _link_surnames(merger: _Merger) -> None:
    people = [(i, m) for i, m in enumerate(merger.members) if m.type == "person"]
    bare = [(i, m) for i, m in people if len(tokens(m.name)) == 1]
    owners: dict[tuple[str, str | None], set[int]] = {}
    for i, member in people:
        if len(tokens(member.name)) >= 2:
            for word in _surname_tokens(member):
                owners.setdefault((word, member.country), set()).add(i)
    for i, member in bare:
        word = name_key(member.name)
        if member.country:
            full = owners.get((word, member.country), set())
        else:
            full = set().union(*(v for (w, _), v in owners.items() if w == word))
        roots = {merger.clusters.find(j) for j in full}
        if len(roots) == 1:
            merger.join_any(i, sorted(full), f"surname {word!r} of the only {member.country} match")
        elif not full and member.country:
            same = [j for j, m in bare if name_key(m.name) == word and m.country == member.country]
            merger.join_any(i, same, f"same bare name {word!r} in {member.country}")


def _pick_name(members: list[ActorMember]) -> str:
    counts: Counter[str] = Counter(map(_NAME, members))
    return min(counts, key=lambda n: (-(len(tokens(n)) >= 2), -counts[n], -len(n), n))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(filter(None, values))
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _build_actor(members: list[ActorMember], taken: set[str]) -> CanonicalActor:
    """The actor of these members (in reading order). Counted with maps over the members,
    and each distinct name and aliases keyed once: the actor of a state holds a member per
    document naming it, most of them alike."""
    name = _pick_name(members)
    kind = _most_common(map(_TYPE, members)) or "organization"
    gid = _most_common(map(_GID, members))
    base = gid or f"{kind}:{name_key(name)}"
    actor_id, n = base, 1
    while actor_id in taken:
        n += 1
        actor_id = f"{base}~{n}"
    taken.add(actor_id)
    seen: dict[str, str] = {}
    for said, aliases in dict.fromkeys(
        zip(map(_NAME, members), map(_ALIASES, members), strict=True)
    ):
        for form in (said, *aliases):
            seen.setdefault(name_key(form), form)
    country = _most_common(map(_COUNTRY, members))
    docs = len(set(map(_DOC, members)))
    return CanonicalActor(
        actor_id, name, kind, country, gid, tuple(seen.values()), tuple(members), docs
    )


def actor_index(actors: Sequence[CanonicalActor]) -> ActorIndex:
    """The index of canonical actors (as `canonical_actors` returns it with them). The name
    keys of a member's forms are worked out once per name and aliases an actor's members
    share (the actor of a state holds a member per document naming it alike)."""
    by_doc: dict[int, dict[str, str]] = {}
    by_key: dict[str, set[str]] = {}
    states: set[str] = set()
    for actor in actors:
        keys_of: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        for m in actor.members:
            keys = keys_of.get((m.name, m.aliases))
            if keys is None:
                keys = keys_of[(m.name, m.aliases)] = _form_keys(m.name, m.aliases)
                for form in (m.name, *m.aliases):
                    if form == m.name or is_name_like(form):
                        by_key.setdefault(name_key(form), set()).add(actor.id)
                if actor.type == "state":
                    states.add(name_key(m.name))
            doc = by_doc.get(m.doc_id)
            if doc is None:
                doc = by_doc[m.doc_id] = {}
            for key in keys:
                doc.setdefault(key, actor.id)
    found = {k: tuple(sorted(v)) for k, v in by_key.items()}
    return ActorIndex(by_doc, found, {a.id: a for a in actors}, frozenset(states))


def _form_keys(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The name keys of a member's name and aliases, in that order."""
    return tuple(name_key(form) for form in (name, *aliases))


def canonical_actors(
    inputs: Sequence[SourcedExtraction], judgements: Sequence[MergeJudgement] = ()
) -> tuple[tuple[CanonicalActor, ...], tuple[MergeJudgement, ...], ActorIndex]:
    """Cluster every document's actors; return actors (by id), machine merges, and the index."""
    return actors_of(collect_members(inputs), judgements)


def actors_of(
    members: list[ActorMember], judgements: Sequence[MergeJudgement] = ()
) -> tuple[tuple[CanonicalActor, ...], tuple[MergeJudgement, ...], ActorIndex]:
    """`canonical_actors` of the members `collect_members` gave (the extractions they came
    from need not be held while they are clustered)."""
    actors, merges = cluster_members(members, judgements)
    return actors, merges, actor_index(actors)


def cluster_members(
    members: list[ActorMember], judgements: Sequence[MergeJudgement] = ()
) -> tuple[tuple[CanonicalActor, ...], tuple[MergeJudgement, ...]]:
    """The canonical actors (by id) and machine merges of `members` (in reading order)."""
    merger = _Merger(members)
    _apply_human(merger, judgements)
    _link_gids(merger)
    _link_names(merger)
    _link_surnames(merger)
    taken: set[str] = set()
    groups = [[merger.members[i] for i in g] for g in merger.clusters.groups()]
    groups.sort(key=lambda g: (-len(g), g[0].ref))
    actors = sorted((_build_actor(g, taken) for g in groups), key=lambda a: a.id)
    return tuple(actors), tuple(merger.made)


def _ties(member: ActorMember, bare: Collection[str]) -> list[tuple[str, str]]:
    """Every key through which `cluster_members` may join `member` to another member or give
    it an id another actor's could clash with (more than it uses: types are not told apart):
    its gazetteer id, the name key of its name and of each alias (a person's multi-word
    forms are among them, and its first-and-last-word form is added; a person's alias is
    kept apart as `a`, see `_near`), a one-word person's name, and the surname words of a
    person with a longer name that a one-word person is named (`bare`: only those count the
    clusters of their holders)."""
    keys, surnames = _tie_keys(member.type, member.name, member.aliases, member.gid, member.country)
    return [*keys, *(("s", word) for word in surnames if word in bare)]


@functools.lru_cache(maxsize=1 << 16)  # bounded: a long-lived process sees many names
def _tie_keys(
    kind: str, name: str, aliases: tuple[str, ...], gid: str | None, country: str | None
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """`_ties` of a member of these fields (members repeat them): the keys, and the surname
    words that count only where a one-word person is named them."""
    alias = "a" if kind == "person" else "k"
    keys = [("k", name_key(name)), *((alias, name_key(form)) for form in aliases)]
    if gid:
        keys.append(("g", gid))
    if kind != "person":
        return tuple(keys), ()
    words = tokens(name)
    if len(words) >= 3:
        keys.append(("k", f"{words[0]} {words[-1]}"))
    if len(words) == 1:
        keys.append(("s", words[0]))
    member = ActorMember("", 0, "", name, kind, country, None, aliases, gid)
    surnames = tuple(sorted(_surname_tokens(member))) if len(words) >= 2 else ()
    return tuple(keys), surnames


def tied_members(
    members: Sequence[ActorMember], seeds: Iterable[int], judgements: Sequence[MergeJudgement]
) -> list[int]:
    """The members (their indexes, in order) tied to the `seeds` through a chain of `_ties`
    or human judgements. Members tied to none of the others are clustered and named as they
    are among everything by `cluster_members` on them alone (it joins only members sharing a
    key, in an order it keeps, and an id clashes only with a key shared), so adding members
    changes only the actors of the members tied to them.

    Members of the same type, name, aliases, gazetteer id and country (a state's member per
    document naming it) have the same ties, the name key of their name among them, so they
    are reached together: the chain is followed between such classes, each weighed once."""
    classes: dict[tuple[object, ...], list[int]] = {}
    of: list[list[int]] = []  # member index -> the members of its class
    for i, m in enumerate(members):
        cls = classes.setdefault((m.type, m.name, m.aliases, m.gid, m.country), [])
        cls.append(i)
        of.append(cls)
    firsts = [cls[0] for cls in classes.values()]  # a class by its first member
    bare = {
        words[0]
        for i in firsts
        if members[i].type == "person" and len(words := tokens(members[i].name)) == 1
    }
    ties = {i: _ties(members[i], bare) for i in firsts}
    judged = {ref for j in judgements for ref in (j.a, j.b)}
    refs: dict[str, list[int]] = {}
    for i, m in enumerate(members) if judged else ():
        if m.ref in judged:
            refs.setdefault(m.ref, []).append(of[i][0])
    for n, judgement in enumerate(judgements):
        for ref in (judgement.a, judgement.b):
            for i in refs.get(ref, ()):
                ties[i].append(("h", str(n)))
    holders: dict[tuple[str, str], list[int]] = {}
    for i, keys in ties.items():
        for key in keys:
            holders.setdefault(key, []).append(i)
    todo = list(dict.fromkeys(of[i][0] for i in seeds))
    reached, used = set(todo), set()
    while todo:
        for key in ties[todo.pop()]:
            for near in _near(key):
                if near not in used:
                    used.add(near)
                    more = [j for j in holders.get(near, ()) if j not in reached]
                    reached.update(more)
                    todo.extend(more)
    return sorted(i for first in reached for i in of[first])


def _near(key: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """The keys whose holders a holder of `key` is tied to. A person's alias (`a`) anchors no
    name group (`_link_names`: a person joins a group's anchors, the persons whose name has
    its key), so it ties its holder to the members with that key as a name (`k`) alone, and
    those to it: two persons sharing an alias no one is named are not tied by it (a title
    such as "Russian Finance Minister", said of each holder of the office in turn)."""
    kind, value = key
    if kind == "a":
        return (("k", value),)
    if kind == "k":
        return (key, ("a", value))
    return (key,)
