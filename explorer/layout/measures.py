"""Measures of a finished layout's cleanliness, as plain geometry: what tests and reports check.

Each returns a description of every fault found (empty when clean): edge labels covering
something, arrowheads ending beside their target, relation lines drawn across a
component's name or icon or under another relation's label, labels off their own line.
"""

from __future__ import annotations

import math

from explorer.layout.finishing import TOUCH, edge_label_box, group_title_box, node_ink, polyline
from explorer.layout.geometry import Box, Layout, Point
from explorer.layout.label_grid import CLEARANCE

INK_INSET = 1.0
"""Points a line may graze a component's ink by (anti-aliasing, rounding) without counting as across it."""


def label_overlaps(layout: Layout, text_scale: float = 1.0) -> list[str]:
    """Every edge label that covers a node, a group title or another edge label, described."""
    found = []
    labels = [(edge, box) for edge in layout.edges if (box := edge_label_box(edge, text_scale)) is not None]
    for position, (edge, box) in enumerate(labels):
        name = f"label {edge.label!r} ({edge.source} -> {edge.target})"
        for node in layout.nodes.values():
            if box.overlaps(Box.of(node.box)):
                found.append(f"{name} covers component {node.component_id}")
        for group in layout.groups.values():
            title = group_title_box(group, text_scale)
            if title is not None and box.overlaps(title):
                found.append(f"{name} covers the title of group {group.group_id}")
        for other, other_box in labels[position + 1 :]:
            if box.overlaps(other_box):
                found.append(f"{name} covers label {other.label!r}")
    return found


def loose_arrowheads(layout: Layout, text_scale: float = 1.0) -> list[str]:
    """Every arrowhead whose tip does not touch its target's icon or label."""
    found = []
    for edge in layout.edges:
        target = layout.nodes.get(edge.target)
        if not edge.arrow_head or target is None or not edge.points:
            continue
        tip = max(edge.arrow_head, key=lambda point: _distance(point, edge.points[-1]))
        gap = min(box.distance_to(tip) for box in node_ink(target, text_scale))
        if gap > TOUCH:
            found.append(f"{edge.source} -> {edge.target}: tip {gap:.1f} pt from the target")
    return found


def lines_across_components(layout: Layout, text_scale: float = 1.0) -> list[str]:
    """Every relation line drawn across the name or icon of a component it does not join."""
    inks = {
        node_id: tuple(_inset(box) for box in node_ink(node, text_scale))
        for node_id, node in layout.nodes.items()
    }
    found = []
    for edge in layout.edges:
        line = polyline(edge.points)
        for node_id, boxes in inks.items():
            if node_id in (edge.source, edge.target):
                continue
            if any(_crosses(a, b, box) for a, b in zip(line, line[1:], strict=False) for box in boxes):
                found.append(f"{edge.source} -> {edge.target} crosses component {node_id}")
    return found


def lines_across_labels(layout: Layout, text_scale: float = 1.0) -> list[str]:
    """Every relation line drawn under another relation's label (which then reads as its own)."""
    plates = [(edge, _inset(box)) for edge in layout.edges if (box := edge_label_box(edge, text_scale))]
    found = []
    for edge in layout.edges:
        line = polyline(edge.points)
        for other, plate in plates:
            if other.index == edge.index:
                continue
            if any(_crosses(a, b, plate) for a, b in zip(line, line[1:], strict=False)):
                found.append(f"{edge.source} -> {edge.target} runs under the label {other.label!r}")
    return found


def detached_labels(layout: Layout, text_scale: float = 1.0) -> list[str]:
    """Every edge label whose plate does not touch its own relation's line (it floats off it)."""
    found = []
    for edge in layout.edges:
        plate = edge_label_box(edge, text_scale)
        if plate is None:
            continue
        reach = CLEARANCE + TOUCH  # a label set beside its line keeps the clearance from it
        near = Box(plate.left - reach, plate.top - reach, plate.right + reach, plate.bottom + reach)
        line = polyline(edge.points)
        if not any(_crosses(a, b, near) for a, b in zip(line, line[1:], strict=False)):
            found.append(f"label {edge.label!r} ({edge.source} -> {edge.target}) is off its line")
    return found


def _inset(box: Box) -> Box:
    return Box(box.left + INK_INSET, box.top + INK_INSET, box.right - INK_INSET, box.bottom - INK_INSET)


def _crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the segment ``a``–``b`` passes through ``box`` (Liang–Barsky clipping)."""
    if box.right <= box.left or box.bottom <= box.top:
        return False
    low, high = 0.0, 1.0
    dx, dy = b.x - a.x, b.y - a.y
    for p, q in ((-dx, a.x - box.left), (dx, box.right - a.x), (-dy, a.y - box.top), (dy, box.bottom - a.y)):
        if abs(p) < 1e-12:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)
