"""Adding actor members changes only the actors of the members tied to them.

`reconcile.delta` clusters again only the members `tied_members` reaches from the new ones
and keeps every other actor and machine merge as it was. Here members are drawn from a few
names, aliases, surnames, types, countries and gazetteer ids (so ids clash, surnames are
shared, countries and types refuse merges), with human merges and splits among them, and
that composition must equal clustering every member at once.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.reconcile.actors import cluster_members, tied_members
from bilat.reconcile.model import ActorMember, MergeJudgement

_NAMES = ("Sergei Lavrov", "Lavrov", "Wang Yi", "Wang", "Gazprom", "Gazprom Neft", "Russia", "Li")
_ALIASES = ("", "Lavrov", "Mr Wang", "the company", "Gazprom PJSC", "RU")
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
