"""A stored actor's members as placing new members weighs them: a few of each kind.

    kinds_of(members)           the first two members of each kind, in order

At 100,000 documents the actor of China holds 94,141 members, of 14 kinds (type, name,
aliases, gazetteer id, country, role): placing a new member (`actor_growth._Old`) keeps per
actor only what the first one or two members of each kind tell. A stored actor's members
that are read when asked (`bilat._stored_members.LazyMembers`) give their kinds from the
store without making every member (`Summarized`); any other sequence gives them from its
members.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from bilat.reconcile.model import ActorMember

__all__ = ["Summarized", "first_of_kinds", "kinds_of"]


def kind(m: ActorMember) -> tuple[object, ...]:
    """What a member tells beside its ref and document: members of one kind weigh alike in
    `cluster_members` but for their place in reading order."""
    return m.type, m.name, m.aliases, m.gid, m.country, m.role


@runtime_checkable
class Summarized(Protocol):
    """Members that can tell their kinds without making every member."""

    def kinds(self) -> Sequence[ActorMember]: ...


def first_of_kinds(members: Sequence[ActorMember]) -> list[ActorMember]:
    """The first two members of each kind (`kind`), in the order of `members`. With the
    role in the kind, they hold the first two of each kind without it too (the second of
    such a kind is the first of its role or the second of the first's)."""
    seen: dict[tuple[object, ...], int] = {}
    out = []
    for m in members:
        k = kind(m)
        n = seen.get(k, 0)
        if n < 2:
            seen[k] = n + 1
            out.append(m)
    return out


def kinds_of(members: Sequence[ActorMember]) -> Sequence[ActorMember]:
    """`first_of_kinds(members)`: of a `Summarized` sequence, as it tells them."""
    if isinstance(members, Summarized):
        return members.kinds()
    return first_of_kinds(members)
