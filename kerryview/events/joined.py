"""Groups joined pair by pair (disjoint sets), each named by its smallest member.

The merge joins clusters in several passes (components of strong links, clusters told as one,
one happening at two precisions, the incremental merge's components); naming a group by its
smallest member keeps the result the same whatever order the pairs come in."""
from __future__ import annotations

from typing import Generic, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)


class Joined(Generic[K]):
    """Disjoint sets over any ordered keys; a key never joined is a group of its own."""

    def __init__(self) -> None:
        self._parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        """The smallest key of x's group (path halving keeps later finds short)."""
        parent = self._parent
        p = parent.setdefault(x, x)
        while p != x:
            grand = parent[p]
            parent[x] = grand
            x, p = p, parent[p]
        return x

    def join(self, a: K, b: K) -> K | None:
        """Join the groups of a and b; the name of the joined group, or None when they were
        one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        low, high = (ra, rb) if ra < rb else (rb, ra)
        self._parent[high] = low
        return low
