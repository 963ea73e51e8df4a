"""Union-find with cannot-link constraints: the clustering under actor merging.

`forbid(a, b)` (a human "split") keeps a and b in different clusters for good: any later union
that would bring them together is refused, so machine merges can never undo a human split.
"""

from __future__ import annotations

__all__ = ["Clusters"]


class Clusters:
    """Disjoint sets over the integers 0..n-1."""

    __slots__ = ("_forbid", "_members", "_parent")

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._members: dict[int, set[int]] = {}  # roots of two or more; others hold themselves
        self._forbid: dict[int, set[int]] = {}

    def _of(self, root: int) -> set[int]:
        return self._members.get(root) or {root}

    def find(self, item: int) -> int:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def forbid(self, a: int, b: int) -> None:
        """Never let a and b share a cluster (call before any union)."""
        self._forbid.setdefault(self.find(a), set()).add(b)
        self._forbid.setdefault(self.find(b), set()).add(a)

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        banned_a, banned_b = self._forbid.get(ra), self._forbid.get(rb)
        if banned_a and not banned_a.isdisjoint(self._of(rb)):
            return False
        return not (banned_b and not banned_b.isdisjoint(self._of(ra)))

    def union(self, a: int, b: int) -> int | None:
        """Join the clusters of a and b; return the new root, or None if refused/already joined."""
        if not self.can_join(a, b):
            return None
        ra, rb = self.find(a), self.find(b)
        if len(self._of(ra)) < len(self._of(rb)):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members.setdefault(ra, {ra}).update(self._of(rb))
        self._members.pop(rb, None)
        banned = self._forbid.pop(rb, None)
        if banned:
            self._forbid.setdefault(ra, set()).update(banned)
        return ra

    def groups(self) -> list[list[int]]:
        """Every cluster as a sorted list, clusters ordered by their smallest item."""
        roots = (i for i, parent in enumerate(self._parent) if parent == i)
        return sorted(sorted(self._members.get(root) or (root,)) for root in roots)
