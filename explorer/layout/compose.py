"""Large models laid out in parts: each top-level group by its own Graphviz, on both cores.

``dot`` on a whole 2,000-component model spends seconds in crossing minimisation
and positioning across every cluster at once. A large model whose components
fall into several top-level groups (regions, clusters of services) is instead
split at those groups: each part is laid out by Graphviz with the same options,
two ``dot`` processes at a time, and the parts are packed in rows in the model's
order, each row centred. Relations between parts are drawn as direct curves
from border to border, with Graphviz's arrowhead and the label at the middle;
everything inside a part is Graphviz's own layout. Which models are laid out in
parts, and the version of the result in the layout cache key, are in
:mod:`explorer.layout.options` (a start whose layout is cached imports no more).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from explorer.layout.dot_errors import raise_if_cancelled
from explorer.layout.geometry import EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from explorer.layout.labels import edge_label_lines
from explorer.layout.options import top_group
from explorer.runtime_tuning import collector_paused
from models.architecture import Architecture

WORKERS = 2
GAP = 72.0
"""Points between parts: room for the relations that leave them."""
ASPECT = 1.6
"""The width : height the packing aims for (a landscape screen)."""
ARROW_LENGTH = 10.0
ARROW_HALF_WIDTH = 3.5
"""Graphviz's ``normal`` arrowhead at ``arrowsize=1``, in points."""

LayOut = Callable[[Architecture], Layout]


@dataclass(frozen=True)
class Part:
    """A top-level group's share of the model (``root`` None: the components in no group)."""

    root: str | None
    architecture: Architecture
    relation_indices: tuple[int, ...]
    """Where each of the part's relations is in the whole model."""


def split(architecture: Architecture) -> list[Part]:
    """The model's parts, by top-level group in the model's order; one part means no split."""
    roots = {group.id: top_group(architecture, group.id) for group in architecture.groups}
    part_of = {c.id: roots.get(c.group) if c.group else None for c in architecture.components}
    order: list[str | None] = []
    for component in architecture.components:
        if part_of[component.id] not in order:
            order.append(part_of[component.id])
    parts = []
    for root in order:
        indices = tuple(
            index
            for index, relation in enumerate(architecture.relations)
            if part_of.get(relation.source) == root and part_of.get(relation.target) == root
        )
        sub = replace(
            architecture,
            groups=tuple(g for g in architecture.groups if root is not None and roots[g.id] == root),
            components=tuple(c for c in architecture.components if part_of[c.id] == root),
            relations=tuple(architecture.relations[index] for index in indices),
        )
        parts.append(Part(root, sub, indices))
    return parts


def compose(
    architecture: Architecture,
    lay_out: LayOut,
    parts: list[Part] | None = None,
    *,
    meanwhile: Callable[[], None] | None = None,
    cancel: threading.Event | None = None,
) -> Layout:
    """Lays out each part with ``lay_out`` (two at a time) and packs them into one layout.

    ``parts`` is ``split(architecture)`` when the caller has made it already (10-15 ms at 2,000).

    ``meanwhile`` runs on this thread while the parts are laid out. The first error
    of a part (a cancellation, Graphviz failing) is raised once the others end; a
    set ``cancel`` stops the parts not started yet.
    """
    parts = parts if parts is not None else split(architecture)

    def one(part: Part) -> Layout:
        raise_if_cancelled(cancel)
        return lay_out(part.architecture)

    from concurrent.futures import ThreadPoolExecutor  # not imported by a cached layout's export

    with ThreadPoolExecutor(WORKERS, thread_name_prefix="layout-part") as pool:
        futures = [pool.submit(one, part) for part in parts]
        if meanwhile is not None:
            meanwhile()
        layouts = [future.result() for future in futures]
    with collector_paused():  # tens of thousands of points that live on
        return pack(architecture, parts, layouts)


def pack(architecture: Architecture, parts: list[Part], layouts: list[Layout]) -> Layout:
    """The parts' layouts in rows (model order, each row centred) and the relations between them."""
    area = sum((lay.bounds.width + GAP) * (lay.bounds.height + GAP) for lay in layouts)
    row_width = max(max(lay.bounds.width for lay in layouts), math.sqrt(area * ASPECT))
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, lay in enumerate(layouts):
        if rows[-1] and used + lay.bounds.width > row_width:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += lay.bounds.width + GAP
    widths = [sum(layouts[i].bounds.width for i in row) + GAP * (len(row) - 1) for row in rows]
    total_width = max(widths)
    nodes: dict[str, NodeBox] = {}
    groups: dict[str, GroupBox] = {}
    edges: list[EdgePath] = []
    top = 0.0
    for row, width in zip(rows, widths, strict=True):
        height = max(layouts[i].bounds.height for i in row)
        left = (total_width - width) / 2
        for index in row:
            lay = layouts[index]
            dx, dy = left, top + (height - lay.bounds.height) / 2
            nodes.update({key: _node(box, dx, dy) for key, box in lay.nodes.items()})
            groups.update({key: _group(box, dx, dy) for key, box in lay.groups.items()})
            edges += [_edge(edge, dx, dy, parts[index].relation_indices[edge.index]) for edge in lay.edges]
            left += lay.bounds.width + GAP
        top += height + GAP
    inside = {index for part in parts for index in part.relation_indices}
    for index, relation in enumerate(architecture.relations):
        if index not in inside and relation.source in nodes and relation.target in nodes:
            edges.append(_between(index, relation.source, relation.target, relation.label, nodes))
    return Layout(
        architecture_id=architecture.id,
        bounds=Rect(0.0, 0.0, total_width, top - GAP),
        nodes=nodes,
        groups=groups,
        edges=tuple(sorted(edges, key=lambda edge: edge.index)),
        splines=layouts[0].splines,
    )


def _between(index: int, source: str, target: str, label: str, nodes: dict[str, NodeBox]) -> EdgePath:
    """A relation between parts: a straight cubic from border to border, ending in an arrowhead."""
    start_box, end_box = nodes[source].box, nodes[target].box
    start = _border(start_box, end_box.center)
    tip = _border(end_box, start_box.center)
    dx, dy = tip.x - start.x, tip.y - start.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = Point(tip.x - ux * ARROW_LENGTH, tip.y - uy * ARROW_LENGTH)
    head = (
        Point(base.x - uy * ARROW_HALF_WIDTH, base.y + ux * ARROW_HALF_WIDTH),
        tip,
        Point(base.x + uy * ARROW_HALF_WIDTH, base.y - ux * ARROW_HALF_WIDTH),
    )
    third = Point(start.x + (base.x - start.x) / 3, start.y + (base.y - start.y) / 3)
    two_thirds = Point(start.x + (base.x - start.x) * 2 / 3, start.y + (base.y - start.y) * 2 / 3)
    middle = Point((start.x + base.x) / 2, (start.y + base.y) / 2)
    return EdgePath(
        source=source,
        target=target,
        index=index,
        points=(start, third, two_thirds, base),
        arrow_head=head,
        label="\n".join(edge_label_lines(label)),
        label_pos=middle if label else None,
    )


def _border(box: Rect, toward: Point) -> Point:
    """Where the line from ``box``'s centre to ``toward`` leaves the box."""
    center = box.center
    dx, dy = toward.x - center.x, toward.y - center.y
    if dx == 0 and dy == 0:
        return center
    scale = min(
        (box.width / 2) / abs(dx) if dx else math.inf,
        (box.height / 2) / abs(dy) if dy else math.inf,
    )
    return Point(center.x + dx * scale, center.y + dy * scale)


def _moved(point: Point, dx: float, dy: float) -> Point:
    return Point(point.x + dx, point.y + dy)


def _rect(rect: Rect, dx: float, dy: float) -> Rect:
    return Rect(rect.x + dx, rect.y + dy, rect.width, rect.height)


# Built with their constructors rather than ``dataclasses.replace`` (which looks every field up by
# name): packing 2,000 components makes 14,000 of these, on the way to the first paint.


def _node(node: NodeBox, dx: float, dy: float) -> NodeBox:
    return NodeBox(
        node.component_id,
        _rect(node.box, dx, dy),
        _rect(node.icon_box, dx, dy),
        _rect(node.label_box, dx, dy),
        node.label_lines,
    )


def _group(group: GroupBox, dx: float, dy: float) -> GroupBox:
    return GroupBox(
        group.group_id,
        _rect(group.box, dx, dy),
        _moved(group.label_pos, dx, dy),
        group.depth,
        group.label,
        group.fill,
    )


def _edge(edge: EdgePath, dx: float, dy: float, index: int) -> EdgePath:
    return EdgePath(
        edge.source,
        edge.target,
        index,
        tuple([Point(p.x + dx, p.y + dy) for p in edge.points]),
        tuple([Point(p.x + dx, p.y + dy) for p in edge.arrow_head]),
        edge.label,
        _moved(edge.label_pos, dx, dy) if edge.label_pos is not None else None,
    )
