"""Where edge labels may go: the boxes already taken, bucketed by the grid cells they touch.

Part of the finishing pass (:mod:`explorer.layout.finishing`), whose cache fingerprint covers
this file too.
"""

from __future__ import annotations

import math

from explorer.layout.geometry import Box

CLEARANCE = 2.0
"""Points kept free between a label and anything else."""


class LabelGrid:
    """Boxes bucketed by the grid cells they touch, so a look-up only meets its neighbours."""

    CELL = 160.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[Box, int]]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        reach, cell = CLEARANCE, self.CELL
        rows = range(int((box.top - reach) // cell), int((box.bottom + reach) // cell) + 1)
        return [
            (column, row)
            for column in range(int((box.left - reach) // cell), int((box.right + reach) // cell) + 1)
            for row in rows
        ]

    def add(self, box: Box, owner: int = -1) -> None:
        """``box``, belonging to relation ``owner`` (-1: to none)."""
        for key in self._keys(box):
            self._cells.setdefault(key, []).append((box, owner))

    def overlap(self, box: Box, owner: int = -1, *, limit: float = math.inf) -> float:
        """How much of ``box`` (with the clearance) the boxes here cover, added up; 0 when clear.

        Boxes of ``owner`` (a relation's own line) do not count. The sum stops once it
        reaches ``limit`` (it only grows): the answer is then some figure at least ``limit``."""
        keys = self._keys(box)
        seen: set[int] | None = set() if len(keys) > 1 else None  # one cell holds each box once
        cost = 0.0
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        for key in keys:
            for other, other_owner in self._cells.get(key, ()):
                if (
                    (owner >= 0 and other_owner == owner)
                    or not (  # Box.overlaps with the clearance, written out: this is the hot loop
                        left < other.right + CLEARANCE
                        and other.left < right + CLEARANCE
                        and top < other.bottom + CLEARANCE
                        and other.top < bottom + CLEARANCE
                    )
                    or (seen is not None and id(other) in seen)
                ):
                    continue
                if seen is not None:
                    seen.add(id(other))
                width = min(right, other.right) - max(left, other.left) + CLEARANCE
                height = min(bottom, other.bottom) - max(top, other.top) + CLEARANCE
                cost += max(width, 0.1) * max(height, 0.1)
                if cost >= limit:
                    return cost
        return cost
