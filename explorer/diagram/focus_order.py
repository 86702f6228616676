"""Where the keyboard focus goes: reading order (Tab) and the nearest component in a direction (arrows).

Pure geometry on the components' icon centres, so the scene only asks.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF


def nearest_in_direction(centres: Mapping[str, QPointF], origin: str, dx: float, dy: float) -> str | None:
    """The component nearest ``origin`` in direction (dx, dy), or None if none lies that way."""
    start = centres[origin]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    best: tuple[float, str] | None = None
    for component_id, centre in centres.items():
        offset = centre - start
        along = offset.x() * ux + offset.y() * uy
        if along <= 1.0:
            continue
        across = abs(offset.x() * uy - offset.y() * ux)
        # Prefer components in line with the key over nearer ones off to the side.
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, component_id)
    return best[1] if best is not None else None


def reading_order(centres: Mapping[str, QPointF], extents: Sequence[float], horizontal: bool) -> list[str]:
    """Ranks along the layout's direction (within half an icon), each read across."""
    if not centres:
        return []

    def along(cid: str) -> float:
        return centres[cid].x() if horizontal else centres[cid].y()

    def across(cid: str) -> float:
        return centres[cid].y() if horizontal else centres[cid].x()

    tolerance = max(4.0, min(extents) / 2)
    order: list[str] = []
    rank: list[str] = []
    rank_start = 0.0
    for cid in sorted(centres, key=along):
        if rank and along(cid) - rank_start > tolerance:
            order.extend(sorted(rank, key=across))
            rank = []
        if not rank:
            rank_start = along(cid)
        rank.append(cid)
    order.extend(sorted(rank, key=across))
    return order
