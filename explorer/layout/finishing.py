"""Finishing a Graphviz layout: boxes for the text scale, arrows onto their targets, labels in the clear.

Graphviz draws an edge to the border of a node's box, but a node is drawn as an
icon above its label, narrower than the box: an arrow meeting the box beside the
icon would end in empty space. Edges are lengthened here, straight on, until they
meet the icon or the label text. Edge labels (``xlabel`` for orthogonal routing,
which Graphviz places after routing, with no regard to what is there) are put
back on their edge, at the first place along it where they cover no node, no
group title and no other label. Everything is plain geometry, without Qt, so the
same figures can be checked in tests (:func:`label_overlaps`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from explorer.layout.geometry import Box, EdgePath, GroupBox, Layout, NodeBox, Point
from explorer.layout.label_grid import CLEARANCE, LabelGrid
from explorer.layout.labels import (
    GROUP_FONT_SIZE,
    LINE_HEIGHT,
    NODE_FONT_SIZE,
    NodeMetrics,
    edge_label_size,
    text_ems,
)

LABEL_PAD_X = 4.0
LABEL_PAD_Y = 2.0
"""The plate around an edge label's text (as the view draws it)."""
GROUP_TITLE_INSET = 10.0
BOLD_WIDTH = 1.08
"""Bold text is about this much wider than the estimate for regular text."""
TOUCH = 1.5
"""Points within which an arrow tip counts as touching what it points at."""
_ANCHORS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85, 0.08, 0.92)
"""Where along an edge (as a fraction of its length) a label may go, most wanted first."""
_MORE_ANCHORS = tuple(step / 20 for step in range(1, 20))
"""Tried next, with places diagonally beside the edge too, when none of the first is clear."""
_SAMPLES_PER_CUBIC = 8
THOROUGH_LABELS = 400
"""Up to this many labels every place is tried; a larger model tries the first few (time grows fast)."""


def finish_layout(
    layout: Layout,
    text_scale: float = 1.0,
    *,
    compact: bool = False,
    edge_labels: bool = True,
    beside: bool = False,
) -> Layout:
    """``layout`` with node boxes for ``text_scale``, edges meeting their ends and labels in the clear.

    ``compact`` is the slide profile's (smaller icons, see :data:`~explorer.layout.labels.COMPACT_ICON`);
    without ``edge_labels`` the edges lose their labels (Graphviz left them no room); ``beside``
    puts icons left of their labels (as Graphviz was told).
    """
    nodes = {
        component_id: _scaled_node(node, text_scale, compact, beside)
        for component_id, node in layout.nodes.items()
    }
    inks = {component_id: node_ink(node, text_scale) for component_id, node in nodes.items()}
    edges = tuple(_meet_ends(edge, inks) for edge in layout.edges)
    if not edge_labels:
        edges = tuple(replace(edge, label="", label_pos=None) for edge in edges)
    edges = _place_labels(edges, nodes, layout.groups, text_scale, avoid_lines=compact)
    return replace(layout, nodes=nodes, edges=edges)


# Boxes -------------------------------------------------------------------------------


def _scaled_node(node: NodeBox, text_scale: float, compact: bool, beside: bool) -> NodeBox:
    metrics = NodeMetrics(len(node.label_lines), text_scale, compact, compact and beside)
    # Constructors, not dataclasses.replace: this and the edges' run thousands of times per layout.
    return NodeBox(
        node.component_id, node.box, metrics.icon_box(node.box), metrics.label_box(node.box), node.label_lines
    )


def node_ink(node: NodeBox, text_scale: float = 1.0) -> tuple[Box, ...]:
    """What a component paints: its icon and the (estimated) block of its label lines."""
    ink = [Box.of(node.icon_box)]
    if node.label_lines:
        width = max(text_ems(line) for line in node.label_lines) * NODE_FONT_SIZE * text_scale
        width = min(width, node.label_box.width)
        height = min(node.label_box.height, len(node.label_lines) * LINE_HEIGHT * text_scale)
        centre = node.label_box.center
        # Beside its icon a label starts at its box's left edge (as the view draws it), else centred.
        left = node.label_box.x if node.label_beside_icon else centre.x - width / 2
        ink.append(Box(left, node.label_box.y, left + width, node.label_box.y + height))
    return tuple(ink)


def group_title_box(group: GroupBox, text_scale: float = 1.0) -> Box | None:
    """Where a group's title is printed (left-aligned at the top, as the view draws it)."""
    if not group.label:
        return None
    size = GROUP_FONT_SIZE * text_scale
    width = text_ems(group.label) * size * BOLD_WIDTH
    height = size * 1.3
    left = group.box.x + GROUP_TITLE_INSET
    top = group.label_pos.y - height / 2
    if not group.box.y <= group.label_pos.y <= group.box.y + 3 * height:
        top = group.box.y + GROUP_TITLE_INSET
    return Box(left, top, min(left + width, group.box.right), top + height)


def edge_label_box(edge: EdgePath, text_scale: float = 1.0, centre: Point | None = None) -> Box | None:
    """The plate of an edge's label centred on ``centre`` (its own position by default)."""
    centre = centre or edge.label_pos
    if not edge.label or centre is None:
        return None
    width, height = edge_label_size(edge.label.splitlines(), text_scale)
    return Box.around(centre, width + 2 * LABEL_PAD_X, height + 2 * LABEL_PAD_Y)


# Edges meeting their ends ----------------------------------------------------------


def _meet_ends(edge: EdgePath, inks: dict[str, tuple[Box, ...]]) -> EdgePath:
    """``edge`` lengthened (or bent at its end) to meet what its ends paint (``inks``, by node)."""
    points = edge.points
    if len(points) < 4 or edge.source not in inks or edge.target not in inks:
        return edge
    arrow = edge.arrow_head
    if arrow:
        tip = max(arrow, key=lambda point: _distance(point, points[-1]))
        ink = inks[edge.target]
        shift = _gap_along(points[-1], tip, ink)
        if shift is not None:
            arrow = tuple(Point(p.x + shift.x, p.y + shift.y) for p in arrow)
            end = Point(points[-1].x + shift.x, points[-1].y + shift.y)
            points = (*points, points[-1], end, end)
        elif min(box.distance_to(tip) for box in ink) > TOUCH:
            points, arrow = _turn_to(points, arrow, tip, ink)
    else:
        before = _last_distinct(points[::-1])
        shift = _gap_along(before, points[-1], inks[edge.target])
        if shift is not None:
            end = Point(points[-1].x + shift.x, points[-1].y + shift.y)
            points = (*points, points[-1], end, end)
    after = _last_distinct(points)
    shift = _gap_along(after, points[0], inks[edge.source])
    if shift is not None:
        start = Point(points[0].x + shift.x, points[0].y + shift.y)
        points = (start, start, points[0], *points)
    return EdgePath(edge.source, edge.target, edge.index, points, arrow, edge.label, edge.label_pos)


def _turn_to(
    points: tuple[Point, ...], arrow: tuple[Point, ...], tip: Point, ink: tuple[Box, ...]
) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """The edge bent at its end to point at the nearest bit of ``ink`` (it arrived beside it)."""
    end = points[-1]
    target = min((box.nearest(tip) for box in ink), key=lambda point: _distance(point, tip))
    length = _distance(end, tip)
    base_width = (
        max(_distance(a, b) for a in arrow for b in arrow if a != tip and b != tip) if len(arrow) > 2 else 6.0
    )
    away = _distance(end, target)
    if away < 1e-6:
        return points, arrow
    dx, dy = (target.x - end.x) / away, (target.y - end.y) / away
    base = Point(target.x - dx * length, target.y - dy * length)
    half = base_width / 2
    side_a = Point(base.x - dy * half, base.y + dx * half)
    side_b = Point(base.x + dy * half, base.y - dx * half)
    return (*points, end, base, base), (side_a, target, side_b)


def _last_distinct(points: tuple[Point, ...]) -> Point:
    """The first point of ``points`` after the first that differs from it (a direction to come from)."""
    for point in points[1:]:
        if _distance(point, points[0]) > 0.5:
            return point
    return points[0]


def _gap_along(origin: Point, tip: Point, ink: tuple[Box, ...]) -> Point | None:
    """How far ``tip`` must move on, in the direction ``origin``→``tip``, to touch ``ink``; None if never."""
    length = _distance(origin, tip)
    if length < 1e-6 or any(box.distance_to(tip) <= TOUCH for box in ink):
        return None
    dx, dy = (tip.x - origin.x) / length, (tip.y - origin.y) / length
    hits = [t for box in ink if (t := _ray_entry(tip, dx, dy, box)) is not None]
    if not hits:
        return None
    t = min(hits)
    return Point(dx * t, dy * t)


def _ray_entry(start: Point, dx: float, dy: float, box: Box) -> float | None:
    """The distance along the ray at which it enters ``box`` (slab method), or None."""
    near, far = 0.0, math.inf
    for position, direction, low, high in (
        (start.x, dx, box.left, box.right),
        (start.y, dy, box.top, box.bottom),
    ):
        if abs(direction) < 1e-9:
            if not low <= position <= high:
                return None
            continue
        first, second = (low - position) / direction, (high - position) / direction
        near, far = max(near, min(first, second)), min(far, max(first, second))
    return near if near <= far else None


# Edge labels ---------------------------------------------------------------------------


def _place_labels(
    edges: tuple[EdgePath, ...],
    nodes: dict[str, NodeBox],
    groups: dict[str, GroupBox],
    text_scale: float,
    *,
    avoid_lines: bool = False,
) -> tuple[EdgePath, ...]:
    """Each label at its edge's first clear place; with ``avoid_lines`` (slides) clear of the other
    relations' lines too, so no line runs under a label that is not its own."""
    taken, lines = LabelGrid(), LabelGrid()
    if avoid_lines:
        for edge in edges:
            for segment in _segment_boxes(polyline(edge.points)):
                lines.add(segment, owner=edge.index)
    for node in nodes.values():
        taken.add(Box.of(node.box))
    for group in groups.values():
        title = group_title_box(group, text_scale)
        if title is not None:
            taken.add(title)
    finished = []
    thorough = sum(1 for edge in edges if edge.label) <= THOROUGH_LABELS
    for edge in edges:
        if not edge.label:
            finished.append(edge)
            continue
        width, height = edge_label_size(edge.label.splitlines(), text_scale)
        plate_w, plate_h = width + 2 * LABEL_PAD_X, height + 2 * LABEL_PAD_Y
        best: tuple[tuple[float, float, float], Point] | None = None
        for centre, detached in _candidates(edge, text_scale, thorough=thorough):
            box = Box.around(centre, plate_w, plate_h)
            # On a slide a label touches its own line first of all (off it, it reads as another's);
            # then it covers as little as can be, then has the fewest other relations' lines under it.
            first = float(detached) if avoid_lines else 0.0
            if best is not None and first > best[0][0]:
                continue  # cannot beat the best (its overlaps need not be added up)
            limit = best[0][1] if best is not None and first == best[0][0] and not avoid_lines else math.inf
            soft = lines.overlap(box, edge.index) if avoid_lines else 0.0
            cost = (first, taken.overlap(box, limit=limit), soft)
            if best is None or cost < best[0]:
                best = (cost, centre)
            if cost == (0.0, 0.0, 0.0):
                break
        if best is None:
            finished.append(edge)
            continue
        moved = replace(edge, label_pos=best[1])
        taken.add(Box.around(best[1], plate_w, plate_h))
        finished.append(moved)
    return tuple(finished)


def _segment_boxes(line: list[Point]) -> Iterator[Box]:
    """Boxes around ``line``: one per horizontal or vertical run (right angles), else one per step."""
    if not line:
        return
    start = previous = line[0]
    for point in line[1:]:
        run_on = (abs(point.x - start.x) < 0.01 and abs(previous.x - start.x) < 0.01) or (
            abs(point.y - start.y) < 0.01 and abs(previous.y - start.y) < 0.01
        )
        if not run_on:
            yield Box(
                min(start.x, previous.x),
                min(start.y, previous.y),
                max(start.x, previous.x),
                max(start.y, previous.y),
            )
            start = previous
        previous = point
    yield Box(
        min(start.x, previous.x), min(start.y, previous.y), max(start.x, previous.x), max(start.y, previous.y)
    )


def _candidates(edge: EdgePath, text_scale: float, *, thorough: bool = True) -> Iterator[tuple[Point, bool]]:
    """Label centres on the edge and beside it, from its middle outwards; Graphviz's own place last.

    Each comes with whether it is detached: a label's width or two away from the edge, or
    where Graphviz put it (a slide takes those only when every place on the line is taken)."""
    line = _Line(polyline(edge.points))
    width, height = edge_label_size(edge.label.splitlines(), text_scale)
    half_w, half_h = width / 2 + LABEL_PAD_X + CLEARANCE, height / 2 + LABEL_PAD_Y + CLEARANCE
    beside = ((0.0, 0.0), (half_w, 0.0), (-half_w, 0.0), (0.0, -half_h), (0.0, half_h))
    further = ((half_w, -half_h), (-half_w, -half_h), (half_w, half_h), (-half_w, half_h))
    around = tuple((dx * reach, dy * reach) for reach in (2.0, 3.0) for dx, dy in beside[1:] + further)
    tiers: list[tuple[tuple[tuple[float, float], ...], tuple[float, ...]]] = [(beside, _ANCHORS)]
    if thorough:
        tiers += [(beside + further, _MORE_ANCHORS)]
    for offsets, anchors in tiers:
        for fraction in anchors:
            anchor = line.along(fraction)
            for dx, dy in offsets:
                yield Point(anchor.x + dx, anchor.y + dy), False
    if thorough:
        for fraction in _ANCHORS:
            anchor = line.along(fraction)
            for dx, dy in around:
                yield Point(anchor.x + dx, anchor.y + dy), True
    if edge.label_pos is not None:
        yield edge.label_pos, True


def polyline(points: tuple[Point, ...]) -> list[Point]:
    """The Bézier chain ``points`` as a line of samples."""
    if len(points) < 4:
        return list(points)
    line = [points[0]]
    append = line.append
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start : start + 4]
        x0, x1, x2, x3, y0, y1, y2, y3 = p0.x, p1.x, p2.x, p3.x, p0.y, p1.y, p2.y, p3.y
        for b0, b1, b2, b3 in _BERNSTEIN:
            append(Point(b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3, b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3))
    return line


def _bernstein(step: int) -> tuple[float, float, float, float]:
    t = step / _SAMPLES_PER_CUBIC
    u = 1 - t
    return u**3, 3 * u * u * t, 3 * u * t * t, t**3


_BERNSTEIN = tuple(_bernstein(step) for step in range(1, _SAMPLES_PER_CUBIC + 1))
"""The cubic's weights at each sample, worked out once (a 2,000-component layout samples 60,000 points)."""


class _Line:
    """A line of samples with its segment lengths, measured once for the many places asked along it."""

    def __init__(self, points: list[Point]) -> None:
        self.points = points
        self.lengths = [_distance(a, b) for a, b in zip(points, points[1:], strict=False)]
        self.total = sum(self.lengths)

    def along(self, fraction: float) -> Point:
        """The point ``fraction`` of the way along the line."""
        line = self.points
        remaining = self.total * fraction
        for (a, b), length in zip(zip(line, line[1:], strict=False), self.lengths, strict=True):
            if remaining <= length and length > 0:
                t = remaining / length
                return Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
            remaining -= length
        return line[-1]


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)
