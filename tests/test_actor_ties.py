"""Adding actor members changes only the actors of the members tied to them.

`reconcile.delta` clusters again only the members `tied_members` reaches from the new ones
and keeps every other actor and machine merge as it was. Here members are drawn from a few
names, aliases, surnames, types, countries and gazetteer ids (so ids clash, surnames are
shared, countries and types refuse merges), with human merges and splits among them, and
that composition must equal clustering every member at once.
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.reconcile._actor_changes import Changes
from bilat.reconcile._delta_parts import diff
from bilat.reconcile._grown_index import grown_index
from bilat.reconcile._tie_search import actor_ties, tied_by_key
from bilat.reconcile.actor_growth import gained_members, placed_members, regrow
from bilat.reconcile.actors import ActorIndex, actor_index, cluster_members, tied_members
from bilat.reconcile.delta import _moved_members
from bilat.reconcile.model import ActorMember, CanonicalActor, MergeJudgement

_NAMES = ("Sergei Lavrov", "Lavrov", "Wang Yi", "Wang", "Gazprom", "Gazprom Neft", "Russia", "Li")
_ALIASES = ("", "Lavrov", "Mr Wang", "the company", "Gazprom PJSC", "RU", "Foreign Minister")
_TYPES = ("person", "person", "company", "organization", "state")
_COUNTRIES = (None, "RU", "CN")
_GIDS = (None, None, "RU", "CN")


@st.composite
def _members(draw: st.DrawFn) -> list[ActorMember]:
    out = []
    for doc in range(draw(st.integers(1, 12))):
        names = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=3, unique=True))
        for name in names:
            alias = draw(st.sampled_from(_ALIASES))
            out.append(
                ActorMember(
                    f"{doc}:{name}",
                    doc,
                    f"d{doc}",
                    name,
                    draw(st.sampled_from(_TYPES)),
                    draw(st.sampled_from(_COUNTRIES)),
                    None,
                    (alias,) if alias else (),
                    draw(st.sampled_from(_GIDS)),
                )
            )
    return out


@settings(max_examples=150, deadline=None)
@given(_members(), st.data())
def test_clustering_the_tied_members_again_equals_clustering_all(
    members: list[ActorMember], data: st.DataObject
) -> None:
    added = set(data.draw(st.sets(st.sampled_from(sorted({m.doc_id for m in members})))))
    refs = [m.ref for m in members]
    human = [
        MergeJudgement(kind, a, b, "reviewed", "editor")
        for kind, a, b in data.draw(
            st.lists(
                st.tuples(
                    st.sampled_from(("merge", "split")),
                    st.sampled_from(refs),
                    st.sampled_from(refs),
                ),
                max_size=3,
            )
        )
    ]
    old = [m for m in members if m.doc_id not in added]
    old_actors, old_merges = cluster_members(old, human)
    seeds = [i for i, m in enumerate(members) if m.doc_id in added]
    tied = [members[i] for i in tied_members(members, seeds, human)]
    again = {m.ref for m in tied}
    actors, merges = cluster_members(tied, human)
    kept = [a for a in old_actors if not any(m.ref in again for m in a.members)]
    want_actors, want_merges = cluster_members(members, human)
    assert sorted((*kept, *actors), key=lambda a: a.id) == list(want_actors)
    kept_merges = [j for j in old_merges if j.a not in again]
    assert sorted((*kept_merges, *merges), key=repr) == sorted(want_merges, key=repr)


# name -> (type, country, gazetteer id, aliases) as a gazetteer would give them; drawn
# members follow it most of the time and stray (another id or none, country, type) otherwise
_KNOWN = {
    "Russia": ("state", "RU", "RU", ("Russian Federation", "Moscow")),
    "China": ("state", "CN", "CN", ("PRC", "Beijing")),
    "Moscow": ("organization", "RU", None, ()),
    "Sergei Lavrov": (
        "person",
        "RU",
        "lavrov",
        ("Sergei Viktorovich Lavrov", "Lavrov", "Foreign Minister"),
    ),
    "Lavrov": ("person", "RU", None, ()),
    "Wang Yi": ("person", "CN", "wang-yi", ("Mr Wang", "Wang", "Foreign Minister")),
    # a title said of several persons (an alias), now and then a person's name
    "Foreign Minister": ("person", None, None, ()),
    "Wang": ("person", "CN", None, ()),
    "Gazprom": ("company", "RU", "gazprom", ("Gazprom PJSC",)),
    "Gazprom Neft": ("company", "RU", None, ("Gazprom PJSC",)),
}
_KNOWN_GIDS = (None, "RU", "CN", "lavrov", "wang-yi", "gazprom")


@st.composite
def _gazetteer_docs(draw: st.DrawFn) -> tuple[list[ActorMember], set[int]]:
    """Documents in reading order and the added ones: old members stray rarely (so old
    actors are clean and new members could join them), new ones often."""
    out, added = [], set()
    for doc in range(draw(st.integers(2, 14))):
        new = draw(st.integers(0, 2)) == 0
        added.update((doc,) if new else ())
        stray = st.integers(0, 2 if new else 12).map(lambda n: n == 0)
        names = draw(st.lists(st.sampled_from(sorted(_KNOWN)), min_size=1, max_size=3, unique=True))
        for name in names:
            kind, country, gid, known = _KNOWN[name]
            kind = draw(st.sampled_from(_TYPES)) if draw(stray) else kind
            country = draw(st.sampled_from(_COUNTRIES)) if draw(stray) else country
            gid = draw(st.sampled_from(_KNOWN_GIDS)) if draw(stray) else gid
            aliases = tuple(draw(st.lists(st.sampled_from(known), max_size=1))) if known else ()
            ref = f"{doc}:{name}"
            out.append(ActorMember(ref, doc, f"d{doc}", name, kind, country, None, aliases, gid))
    return out, added or {doc}


def _human(data: st.DataObject, refs: list[str]) -> list[MergeJudgement]:
    pairs = st.tuples(
        st.sampled_from(("merge", "split")), st.sampled_from(refs), st.sampled_from(refs)
    )
    drawn = data.draw(st.lists(pairs, max_size=2))
    return [MergeJudgement(kind, a, b, "reviewed", "editor") for kind, a, b in drawn]


class _Ties:
    """The tie keys of some actors, as the store keeps them (`record_actor_ties`)."""

    def __init__(self, actors: Collection[CanonicalActor]) -> None:
        self.of = {a.id: actor_ties(a.members) for a in actors}
        self.held: dict[str, set[str]] = {}
        for actor, ties in self.of.items():
            for tie in ties:
                self.held.setdefault(tie, set()).add(actor)
        self.asked = 0  # the actors whose keys were read

    def holders(self, ties: Collection[str]) -> dict[str, set[str]]:
        return {t: self.held[t] for t in ties if t in self.held}

    def ties_of(self, actors: Collection[str]) -> dict[str, set[str]]:
        self.asked += len(actors)
        return {a: self.of[a] for a in actors}


def _regrow_equals_clustering_all(
    members: list[ActorMember],
    added: set[int],
    human: list[MergeJudgement],
    loose: Collection[int] = (),
) -> None:
    old_actors, old_merges = cluster_members([m for m in members if m.doc_id not in added], human)
    actors, merges, again, gained = regrow(old_actors, old_merges, members, added, human)
    want_actors, want_merges = cluster_members(members, human)
    assert list(actors) == list(want_actors)
    assert sorted(merges, key=repr) == sorted(want_merges, key=repr)
    assert {m.a for m in merges} - {m.a for m in old_merges} <= again
    # the grown side's index, patched from the old one, is the index of every actor
    before = actor_index(old_actors)
    after = grown_index(before, old_actors, actors, gained)
    assert after == actor_index(actors)
    _kept_dicts_shared(before, after, old_actors, actors)
    # the tied members found by the stored actors' keys: the same (`loose`: old documents
    # whose members are weighed in memory, as those the stored actors are not known to hold)
    known = {m.doc_id for m in members} - added - set(loose)
    ties = (_Ties(old_actors), known)
    by_key = regrow(old_actors, old_merges, members, added, human, None, ties)
    assert by_key == (actors, merges, again, gained)


@settings(max_examples=400, deadline=None)
@given(_gazetteer_docs(), st.data())
def test_placing_by_gazetteer_id_and_clustering_the_rest_again_equals_clustering_all(
    drawn: tuple[list[ActorMember], set[int]], data: st.DataObject
) -> None:
    members, added = drawn
    human = _human(data, [m.ref for m in members]) if data.draw(st.booleans()) else []
    loose = data.draw(st.sets(st.sampled_from(sorted({m.doc_id for m in members}))))
    _regrow_equals_clustering_all(members, added, human, loose - added)


# full names several actors hold (one of a country or id, namesakes of other countries or
# none), as the generated stores have them: name -> type and the (country, id) variants,
# the first the usual one
_NAMESAKES = {
    "Alexander Novak": ("person", (("RU", "novak"), ("RU", None), ("CN", None), (None, None))),
    "Anna Petrova": ("person", (("RU", None), ("CN", None), ("IN", None), (None, None))),
    "Energy Minister": ("person", ((None, None), ("RU", None))),
    "Novak": ("person", (("RU", None), (None, None))),
    "Gazprom Neft": ("company", (("RU", None), ("RU", "gazprom-neft"), (None, None))),
    "Rosatom": ("organization", (("RU", "rosatom"), ("RU", None), ("KZ", None))),
}
_TITLES = ("", "", "Energy Minister", "Novak", "Petrova", "Rosatom State Corporation")


@st.composite
def _namesake_docs(draw: st.DrawFn) -> tuple[list[ActorMember], set[int]]:
    """Documents in reading order naming namesakes (the added ones a few, late or not): a
    new member of no id often joins the one actor of its name and country by its name."""
    out, added = [], set()
    for doc in range(draw(st.integers(2, 12))):
        new = draw(st.integers(0, 3)) == 0
        added.update((doc,) if new else ())
        names = draw(
            st.lists(st.sampled_from(sorted(_NAMESAKES)), min_size=1, max_size=2, unique=True)
        )
        for name in names:
            kind, variants = _NAMESAKES[name]
            usual = st.integers(0, 3 if new else 1).map(lambda n: n > 0)
            country, gid = variants[0] if draw(usual) else draw(st.sampled_from(variants))
            alias = draw(st.sampled_from(_TITLES))
            ref = f"{doc}:{name}"
            aliases = (alias,) if alias and alias != name else ()
            out.append(ActorMember(ref, doc, f"d{doc}", name, kind, country, None, aliases, gid))
    return out, added or {doc}


@settings(max_examples=800, deadline=None)
@given(_namesake_docs(), st.data())
def test_placing_by_name_and_by_id_among_namesakes_equals_clustering_all(
    drawn: tuple[list[ActorMember], set[int]], data: st.DataObject
) -> None:
    members, added = drawn
    human = _human(data, [m.ref for m in members]) if data.draw(st.integers(0, 4)) == 0 else []
    loose = data.draw(st.sets(st.sampled_from(sorted({m.doc_id for m in members}))))
    _regrow_equals_clustering_all(members, added, human, loose - added)


@settings(max_examples=100, deadline=None)
@given(_members(), st.data())
def test_regrow_equals_clustering_all_on_clashing_members(
    members: list[ActorMember], data: st.DataObject
) -> None:
    docs = sorted({m.doc_id for m in members})
    added = set(data.draw(st.sets(st.sampled_from(docs), min_size=1)))
    _regrow_equals_clustering_all(members, added, _human(data, [m.ref for m in members]))


def test_a_member_with_a_known_gazetteer_id_joins_its_actor_without_the_others() -> None:
    def member(doc: int, name: str) -> ActorMember:
        kind, country, gid, _ = _KNOWN[name]
        return ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, kind, country, None, (), gid)

    old = [member(0, "Russia"), member(0, "Sergei Lavrov"), member(1, "Russia")]
    old_actors, old_merges = cluster_members(old, [])
    new = [member(2, "Russia"), member(2, "Sergei Lavrov"), member(2, "Wang Yi")]
    rank = {0: 0, 1: 1, 2: 2}
    placed = placed_members(old_actors, new, rank, set())
    assert [(p.member.name, p.actor, p.merge.b) for p in placed] == [
        ("Russia", "RU", "0:Russia"),
        ("Sergei Lavrov", "lavrov", "0:Sergei Lavrov"),
    ]
    # first in reading order: the others of its id would be joined to it, so it is not placed
    assert placed_members(old_actors, new, {0: 1, 1: 2, 2: 0}, set()) == []
    actors, _, again, _ = regrow(old_actors, old_merges, [*old, *new], {2}, [])
    assert again == {"2:Russia", "2:Sergei Lavrov", "2:Wang Yi"}
    assert [(a.id, a.doc_count) for a in actors] == [("RU", 3), ("lavrov", 2), ("wang-yi", 1)]


def _person(
    doc: int, name: str, country: str | None, gid: str | None, *aliases: str
) -> ActorMember:
    return ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, "person", country, None, aliases, gid)


def _company(doc: int, name: str, gid: str | None, *aliases: str) -> ActorMember:
    return ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, "company", "RU", None, aliases, gid)


_NOT_PLACED = {  # the last member is new; placing it by its id would be wrong (see each note)
    # the old "Gazprom Neft" alone in the alias's group tries the new member at its step
    "a name group with a member of no id": [
        _company(0, "Gazprom", "gazprom"),
        _company(1, "Gazprom Neft", None, "Gazprom PJSC"),
        _company(2, "Gazprom", "gazprom", "Gazprom PJSC"),
    ],
    # a bare surname joins the one full name (of any country) holding it: "Anna Lavrov"
    "a one-word person": [
        _person(0, "Lavrov", "RU", "lavrov"),
        _person(1, "Anna Lavrov", None, None),
        _person(2, "Lavrov", None, "lavrov"),
    ],
    # the second "Lavrov" joined "Anna Lavrov", the only RU full name with it; now two are
    "a surname its actor does not own": [
        _person(0, "Lavrov", "RU", "lavrov"),
        _person(1, "Anna Lavrov", "RU", "anna"),
        _person(2, "Lavrov", "RU", None),
        _person(3, "Sergei Lavrov", "RU", "lavrov"),
    ],
    # refused by the old members' country, it stays apart
    "another country": [
        ActorMember("0:Russia", 0, "d0", "Russia", "state", "RU", None, (), "RU"),
        ActorMember("1:Russia", 1, "d1", "Russia", "state", "CN", None, (), "RU"),
    ],
}


def _by_key(
    members: list[ActorMember], added: set[int], loose: set[int]
) -> tuple[list[int], set[str], list[int], _Ties]:
    old_actors, _ = cluster_members([m for m in members if m.doc_id not in added], [])
    seeds = [i for i, m in enumerate(members) if m.doc_id in added]
    known = {m.doc_id for m in members} - added - loose
    spans: dict[int, tuple[int, int]] = {}  # each document's first member, and how many
    for i, m in enumerate(members):
        at, n = spans.get(m.doc_id, (i, 0))
        spans[m.doc_id] = (at, n + 1)
    ties = _Ties(old_actors)
    found, reached = tied_by_key(members, seeds, spans, known, ties, old_actors)
    return found, reached, tied_members(members, seeds, []), ties


@settings(max_examples=300, deadline=None)
@given(_members(), st.data())
def test_the_members_tied_by_the_stored_actors_keys_are_those_tied_over_all(
    members: list[ActorMember], data: st.DataObject
) -> None:
    docs = sorted({m.doc_id for m in members})
    added = set(data.draw(st.sets(st.sampled_from(docs), min_size=1)))
    loose = set(data.draw(st.sets(st.sampled_from(docs)))) - added
    found, reached, want, _ = _by_key(members, added, loose)
    assert found == want
    old_actors, _ = cluster_members([m for m in members if m.doc_id not in added], [])
    tied = {members[i].ref for i in want}
    assert reached == {a.id for a in old_actors if any(m.ref in tied for m in a.members)}


def test_the_tie_search_reads_the_keys_of_the_actors_it_reaches_only() -> None:
    """Fails when every stored actor is gone over: a new "Lavrov" reaches "Sergei Lavrov"
    by surname (and its actor), not the others."""
    old = [
        _person(0, "Sergei Lavrov", "RU", None),
        _person(0, "Wang Yi", "CN", "wang-yi"),
        _company(1, "Gazprom", "gazprom"),
        _person(1, "Anna Petrova", "RU", None),
    ]
    members = [*old, _person(2, "Lavrov", "RU", None)]
    found, reached, want, ties = _by_key(members, {2}, set())
    assert found == want == [0, 4]
    assert reached == {"person:sergei lavrov"}
    assert ties.asked == 1


def test_persons_sharing_an_alias_no_one_is_named_are_not_tied_by_it() -> None:
    """Fails when a person's alias ties like a name (main before delta51): "Russian Finance
    Minister" said of two ministers in turn (ids apart) ties neither to the other, as
    clustering joins an alias only to the persons named so; once a person is named so,
    both are tied to it, and through it to each other."""
    title = "Russian Finance Minister"
    old = [
        _person(0, "Anton Siluanov", "RU", "anton-siluanov", title),
        _person(1, "Alexei Kudrin", "RU", "alexei-kudrin", title),
    ]
    new = _person(2, "Anton Siluanov", "RU", None, title)
    found, reached, want, _ = _by_key([*old, new], {2}, set())
    assert found == want == [0, 2]
    assert reached == {"anton-siluanov"}
    named = _person(1, title, "RU", None)
    found, reached, want, _ = _by_key([old[0], named, old[1], new], {2}, set())
    assert found == want == [0, 1, 2, 3]


@pytest.mark.parametrize("case", sorted(_NOT_PLACED))
def test_a_member_its_id_would_misplace_is_clustered_again(case: str) -> None:
    members = _NOT_PLACED[case]
    new = members[-1]
    old_actors, _ = cluster_members(members[:-1], [])
    rank = {m.doc_id: m.doc_id for m in members}
    assert placed_members(old_actors, [new], rank, set()) == []
    _regrow_equals_clustering_all(members, {new.doc_id}, [])


def _org(doc: int, name: str, country: str | None, gid: str | None, *aliases: str) -> ActorMember:
    ref = f"{doc}:{name}"
    return ActorMember(ref, doc, f"d{doc}", name, "organization", country, None, aliases, gid)


def _placed(members: list[ActorMember], added: set[int]) -> list[tuple[str, str, str, str]]:
    """(member, actor, merged with, reason) of each member `placed_members` places; and
    `regrow` with them equals clustering every member at once."""
    old = [m for m in members if m.doc_id not in added]
    old_actors, _ = cluster_members(old, [])
    rank = {m.doc_id: m.doc_id for m in members}
    new = [m for m in members if m.doc_id in added]
    placed = placed_members(old_actors, new, rank, set())
    _regrow_equals_clustering_all(members, added, [])
    return [(p.member.ref, p.actor, p.merge.b, p.merge.reason) for p in placed]


def test_a_member_of_no_id_joins_the_one_actor_of_its_name_by_its_name() -> None:
    """Fails on main before delta51 (only a gazetteer id placed a member): a new "Anna
    Petrova" joins the one actor of her name, and a title no one is named (an alias of a
    person anchors nothing) changes nothing."""
    title = "Energy Minister"
    old = [_person(0, "Anna Petrova", "RU", None, title), _person(1, "Anna Petrova", "RU", None)]
    members = [*old, _person(2, "Anna Petrova", "RU", None, title)]
    assert _placed(members, {2}) == [
        ("2:Anna Petrova", "person:anna petrova", "0:Anna Petrova", "shared name 'anna petrova'")
    ]
    old_actors, old_merges = cluster_members(old, [])
    _, _, again, gained = regrow(old_actors, old_merges, members, {2}, [])
    assert again == {"2:Anna Petrova"}  # placed: no old member clustered again
    assert list(gained) == ["person:anna petrova"]


def test_a_member_of_an_id_joins_its_actor_among_namesakes_of_no_id() -> None:
    """Fails on main before delta51 (every old member of its name groups had to have its
    id): two old members of its id come before it in its name's group, so the namesakes
    (another country; one of no id that joined by name) try its id's cluster first."""
    members = [
        _person(0, "Alexander Novak", "CN", None),
        _person(1, "Alexander Novak", "RU", "novak"),
        _person(2, "Alexander Novak", "RU", "novak"),
        _person(3, "Alexander Novak", "RU", None),
        _person(4, "Alexander Novak", "RU", "novak"),
    ]
    assert _placed(members, {4}) == [
        ("4:Alexander Novak", "novak", "1:Alexander Novak", "same gazetteer id novak")
    ]
    # one old member of its id before it: it would be the first's first candidate
    assert _placed([*members[:2], members[3], members[4]], {4}) == []


_NOT_NAMED = {  # the last member is new; placing it by its name would be wrong
    # the namesake of another id, first in the group, accepts it (no country to refuse)
    "a namesake of another id anchors first": [
        _person(0, "Alexander Novak", None, "novak-2"),
        _person(1, "Alexander Novak", "RU", "novak"),
        _person(2, "Alexander Novak", "RU", "novak"),
        _person(3, "Alexander Novak", "RU", None),
    ],
    # it joins the title's cluster first, then that of its name: the clusters its actor's
    # other groups joined later (and the merge that joined them is not recorded)
    "two groups whose first anchors join later": [
        _person(0, "Zoe Petrova", None, None, "Zz Link"),
        _person(1, "Zoe Petrova", None, None),
        _person(2, "Energy Minister", None, None, "Zz Link"),
        _person(2, "Zz Link", None, None),
        _person(3, "Zoe Petrova", None, None, "Energy Minister"),
    ],
    # the actor of its name is of another country: it stays apart
    "an actor of another country": [
        _org(0, "Rosatom", "KZ", None),
        _org(1, "Rosatom", "KZ", None),
        _org(2, "Rosatom", "RU", None),
    ],
    # the first Russian "Petrova" full name: the bare "Petrova" joins it
    "a surname word its country's members do not own": [
        _person(0, "Anna Petrova", None, None),
        _person(0, "Energy Minister", "RU", None, "Anna Petrova"),
        _person(1, "Anna Petrova", None, None),
        _person(2, "Petrova", "RU", None),
        _person(3, "Anna Petrova", "RU", None),
    ],
    # a one-word person: the old bare "Petrova" of no full name joins it by that name
    "a one-word person": [
        _person(0, "Anna Petrova", None, None),
        _person(0, "Energy Minister", "RU", None, "Anna Petrova"),
        _person(1, "Petrova", "RU", None),
        _person(2, "Petrova", "RU", None, "Anna Petrova"),
    ],
    # of an id, and in a group no old member of its id is in: it joins that group's anchor
    "a name group with no old member of its id": [
        _person(0, "Alexander Novak", "RU", "novak"),
        _person(1, "Energy Minister", "RU", None),
        _person(2, "Alexander Novak", "RU", "novak", "Energy Minister"),
    ],
}


@pytest.mark.parametrize("case", sorted(_NOT_NAMED))
def test_a_member_its_name_would_misplace_is_clustered_again(case: str) -> None:
    members = _NOT_NAMED[case]
    assert _placed(members, {members[-1].doc_id}) == []


def test_a_member_whose_surname_owner_joins_its_cluster_by_surname_is_not_placed() -> None:
    """The new "Energy Minister" owns "Novak" (a one-word alias), as the old "Alexander
    Novak" of its actor does; but that one joins the cluster of its group's anchor only
    by the bare "Novak" it is the one owner of: with the new owner, in another cluster at
    that step, the bare "Novak" joins neither."""
    members = [
        _person(0, "Alexander Novak", "RU", "novak"),
        _person(1, "Energy Minister", "RU", None),
        _person(2, "Energy Minister", None, None),
        _person(3, "Energy Minister", "RU", None, "Novak"),
        _person(4, "Novak", "RU", None, "Energy Minister"),
    ]
    assert _placed(members, {3}) == []


def test_a_member_of_no_id_another_new_member_anchors_with_is_not_placed() -> None:
    """The new "Atom Corp" (placed by its id) anchors a group with the new "Rosatom" of
    that alias: it would join "Rosatom" there, and so its actor that of "Rosatom"."""
    members = [
        _org(0, "Atomcorp", "RU", "atomcorp"),
        _org(1, "Rosatom", "RU", None),
        _org(2, "Rosatom", "RU", None),
        _org(3, "Atom Corp", "RU", "atomcorp"),
        _org(4, "Rosatom", "RU", None, "Atom Corp"),
    ]
    placed = _placed(members, {3, 4})
    assert [ref for ref, *_ in placed] == ["3:Atom Corp"]


@settings(max_examples=150, deadline=None)
@given(_members(), st.data())
def test_old_members_in_another_order_are_clustered_again_in_their_documents_order(
    members: list[ActorMember], data: st.DataObject
) -> None:
    """Given each old document's members in another order (as the stored actors hold them)
    and `order` (the refs in their document's order, asked only for old documents), `regrow`
    equals clustering every member in reading order."""
    docs = sorted({m.doc_id for m in members})
    added = set(data.draw(st.sets(st.sampled_from(docs), min_size=1)))
    human = _human(data, [m.ref for m in members])
    old_actors, old_merges = cluster_members([m for m in members if m.doc_id not in added], human)
    of: dict[int, list[ActorMember]] = {}
    for m in members:
        of.setdefault(m.doc_id, []).append(m)
    stored = [  # each old document's members shuffled
        m
        for doc in docs
        for m in (of[doc] if doc in added else data.draw(st.permutations(of[doc])))
    ]
    asked: list[int] = []

    def order(wanted: Collection[int]) -> dict[int, list[str]]:
        asked.extend(wanted)
        return {doc: [m.ref for m in of[doc]] for doc in wanted}

    actors, merges, _, _ = regrow(old_actors, old_merges, stored, added, human, order)
    want_actors, want_merges = cluster_members(members, human)
    assert list(actors) == list(want_actors)
    assert sorted(merges, key=repr) == sorted(want_merges, key=repr)
    assert not added & set(asked)


def test_a_new_earlier_full_name_takes_over_as_the_bare_surnames_target() -> None:
    """Found by the property test above: 'Lavrov' (doc 0) joined the only Russian 'Sergei
    Lavrov' stored (doc 6); an added document 4 names him first, so clustering everything
    joins 'Lavrov' to doc 4's. Doc 4's member is then clustered again, not placed."""

    def m(doc: int, name: str, kind: str, country: str | None, gid: str | None) -> ActorMember:
        return ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, kind, country, None, (), gid)

    members = [
        m(0, "Sergei Lavrov", "person", None, "lavrov"),
        m(0, "China", "person", None, "CN"),
        m(0, "Lavrov", "person", "RU", None),
        m(1, "China", "person", None, None),
        m(2, "China", "person", "CN", "CN"),
        m(3, "China", "person", None, "CN"),
        m(4, "China", "state", "CN", "CN"),
        m(4, "Sergei Lavrov", "person", "RU", "lavrov"),
        m(4, "Gazprom", "person", None, None),
        m(5, "Moscow", "person", "RU", None),
        m(6, "Sergei Lavrov", "person", "RU", "lavrov"),
    ]
    _regrow_equals_clustering_all(members, {1, 2, 3, 4, 5}, [])


def test_the_patched_index_drops_a_state_name_no_state_holds_any_more() -> None:
    """A state forced together with organizations of its name (a human merge) becomes an
    organization when a new one joins them: its name is no state's after."""

    def member(doc: int, kind: str) -> ActorMember:
        return ActorMember(f"{doc}:Kremlin", doc, f"d{doc}", "Kremlin", kind, "RU", None, (), None)

    old = [member(0, "state"), member(1, "state"), member(2, "organization")]
    human = [MergeJudgement("merge", "0:Kremlin", "2:Kremlin", "reviewed", "editor")]
    old_actors, old_merges = cluster_members(old, human)
    before = actor_index(old_actors)
    assert before.state_names == {"kremlin"}
    members = [*old, member(3, "organization"), member(4, "organization")]
    actors, _, _, gained = regrow(old_actors, old_merges, members, {3, 4}, human)
    after = grown_index(before, old_actors, actors, gained)
    assert after == actor_index(actors)
    assert after.state_names == frozenset()


def _kept_dicts_shared(
    before: ActorIndex,
    after: ActorIndex,
    old_actors: Collection[CanonicalActor],
    actors: Collection[CanonicalActor],
) -> None:
    """A document none of whose actors changed (each after equal to one before: kept, or
    clustered again as it was) keeps its dict of the old index, the same object; and
    `Changes.of` finds the documents whose dicts differ, shared or not."""
    changed = {
        m.doc_id
        for a in (*old_actors, *actors)
        if a not in old_actors or a not in actors
        for m in a.members
    }
    for doc, names in before.by_doc.items():
        if doc not in changed:
            assert after.by_doc[doc] is names
    docs = before.by_doc.keys() | after.by_doc.keys()
    want = {d for d in docs if before.by_doc.get(d) != after.by_doc.get(d)}
    assert Changes.of(before, after).docs == want
    assert Changes.of(after, before).docs == want  # documents only the first one holds


def test_an_actor_clustered_again_as_it_was_keeps_its_documents_dicts() -> None:
    """An added member tied to a stored actor that comes back equal (another object) leaves
    that actor's documents' dicts as they were: shared, not made again."""

    def member(doc: int, name: str, kind: str = "person") -> ActorMember:
        return ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, kind, "RU", None, (), None)

    old = [member(0, "Sergei Lavrov"), member(1, "Sergei Lavrov"), member(1, "Gazprom", "company")]
    old_actors, old_merges = cluster_members(old, [])
    members = [*old, member(2, "Gazprom Neft", "company")]
    actors, _, _, gained = regrow(old_actors, old_merges, members, {2}, [])
    lavrov = next(a for a in old_actors if a.name == "Sergei Lavrov")
    again = [replace(a, members=tuple(a.members)) if a == lavrov else a for a in actors]
    assert lavrov in again and all(a is not lavrov for a in again)  # equal, not the same
    before = actor_index(old_actors)
    after = grown_index(before, old_actors, again, gained)
    assert after == actor_index(again)
    assert after.by_doc[0] is before.by_doc[0]
    assert Changes.of(before, after).docs == {2}
    _kept_dicts_shared(before, after, old_actors, again)


def _one_by_one(
    before: list[ActorMember], members: list[ActorMember]
) -> list[tuple[int, ActorMember]] | None:
    """What `record_update._actor_rows` found comparing each member in turn (by identity)."""
    gained, j = [], 0
    for m in members:
        if j < len(before) and m is before[j]:
            j += 1
        else:
            gained.append((j, m))
    return gained if j == len(before) else None


@settings(max_examples=300, deadline=None)
@given(_members(), st.data())
def test_the_members_an_actor_gained_are_found_in_order_with_their_places(
    stored: list[ActorMember], data: st.DataObject
) -> None:
    """`gained_members` finds the members put in among the stored ones (the same objects)
    with the number of stored ones ahead of each, as comparing them one by one does; and
    None when a stored member is left out, moved or replaced by an equal copy (it fails
    when a place is miscounted or a run's end taken for a gain)."""
    before = data.draw(st.lists(st.sampled_from(stored), unique_by=id), label="before")
    members = list(before)
    for doc in data.draw(st.lists(st.integers(100, 103), max_size=5), label="gained"):
        at = data.draw(st.integers(0, len(members)), label="at")
        members.insert(
            at, ActorMember(f"{doc}:{at}", doc, "", "Li", "person", None, None, (), None)
        )
    change = data.draw(st.sampled_from(("none", "drop", "swap", "copy")), label="change")
    if change == "drop" and before:
        members.remove(data.draw(st.sampled_from(before)))
    elif change == "swap" and len(before) > 1:
        i, j = (members.index(m) for m in before[:2])
        members[i], members[j] = members[j], members[i]
    elif change == "copy" and before:
        i = members.index(data.draw(st.sampled_from(before)))
        members[i] = ActorMember(*(getattr(members[i], f) for f in members[i].__slots__))
    expected = _one_by_one(before, members)
    assert gained_members(before, members) == expected
    assert (expected is None) == (change != "none" and bool(before[1 if change == "swap" else 0 :]))
    if expected is not None:
        kept = [m for m in members if not any(m is g for _, g in expected)]
        assert all(map(operator.is_, kept, before))


def test_more_members_gained_than_looked_for_are_left_to_be_compared() -> None:
    """An actor that gained more than `most` members is not matched by runs (None: the
    caller compares them one by one), nor is one with fewer members than stored."""
    before = [ActorMember(f"{n}:Li", n, "", "Li", "person", None, None, (), None) for n in range(3)]
    more = [
        *before,
        *(
            ActorMember(f"9{n}:Li", 90 + n, "", "Li", "person", None, None, (), None)
            for n in range(5)
        ),
    ]
    assert gained_members(before, more, most=4) is None
    assert gained_members(before, more, most=5) == [(3, m) for m in more[3:]]
    assert gained_members(before, before[:2]) is None


def _moved_over_all(old: Collection[CanonicalActor], new: Collection[CanonicalActor]) -> int:
    after = {m.ref: a.id for a in new for m in a.members}
    return sum(1 for a in old for m in a.members if after.get(m.ref) != a.id)


@settings(max_examples=300, deadline=None)
@given(_gazetteer_docs())
def test_a_grown_actor_s_gains_are_found_and_its_members_counted_as_staying(
    drawn: tuple[list[ActorMember], set[int]],
) -> None:
    """Each actor `regrow` grows keeps its stored members, the same objects in order, so
    `gained_members` finds just the members it gained; and `_moved_members`, which takes a
    grown actor's stored members as staying, counts what comparing every member's actor
    before and after counts (it fails when a grown actor's stored members are looked up
    among its gains alone, or when an actor of a removed one's id is taken as keeping it
    unchecked)."""
    members, added = drawn
    old, merges = cluster_members([m for m in members if m.doc_id not in added], [])
    actors, _, _, gained = regrow(old, merges, members, added, [])
    before, after = {a.id: a for a in old}, {a.id: a for a in actors}
    for actor, got in gained.items():
        found = gained_members(before[actor].members, after[actor].members)
        assert found is not None
        assert sorted(id(m) for _, m in found) == sorted(map(id, got))
    assert _moved_members(diff(old, actors, lambda a: a.id)) == _moved_over_all(old, actors)


def test_a_state_that_gains_a_member_moves_none_of_its_own() -> None:
    """The hand case of the test above: Russia gains the added document's member."""

    def russia(doc: int) -> ActorMember:
        return ActorMember(f"{doc}:Russia", doc, f"d{doc}", "Russia", "state", "RU", None, (), "RU")

    old, merges = cluster_members([russia(0), russia(1)], [])
    actors, _, _, gained = regrow(old, merges, [russia(0), russia(1), russia(2)], {2}, [])
    assert list(gained) == ["RU"]
    assert gained_members(old[0].members, actors[0].members) == [(2, actors[0].members[2])]
    assert _moved_members(diff(old, actors, lambda a: a.id)) == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # "RF" outnumbers "Russia" once placed: the grown actor is named "RF"
        ([("Russia", "state"), ("RF", "state")], [("RF", "state"), ("RF", "state")]),
        # the placed companies outnumber the organization: the grown actor is a company
        ([("Gazprom", "organization")], [("Gazprom", "company"), ("Gazprom", "company")]),
    ],
)
def test_placed_members_that_outnumber_the_actor_s_name_or_type_change_it(
    old: list[tuple[str, str]], new: list[tuple[str, str]]
) -> None:
    """A grown actor is taken as it was, with its members, only when no placed member can
    change what its counts choose (`actor_growth._grown_alike`); here they do (the test
    fails when the placed members' names or types are not looked at)."""
    gid = "RU" if old[0][0] == "Russia" else "gazprom"
    members = [
        ActorMember(f"{doc}:{name}", doc, f"d{doc}", name, kind, "RU", None, (), gid)
        for doc, (name, kind) in enumerate((*old, *new))
    ]
    added = set(range(len(old), len(members)))
    old_actors, merges = cluster_members(members[: len(old)], [])
    actors, _, _, gained = regrow(old_actors, merges, members, added, [])
    assert list(gained) == [gid]
    assert list(actors) == list(cluster_members(members, [])[0])
    assert (actors[0].name, actors[0].type) != (old_actors[0].name, old_actors[0].type)
