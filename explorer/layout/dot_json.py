"""Reads Graphviz's ``-Tjson`` output back into a pure :class:`Layout`.

Graphviz puts the origin at the bottom left with y up; the layout has it at the
top left with y down, so every y is flipped against the graph's bounding box.
Names in the JSON are the ones :mod:`explorer.layout.graphviz_layout` wrote:
component ids for nodes, ``cluster_<group id>`` for groups, and a ``relation``
attribute holding each edge's index in ``architecture.relations``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from explorer.layout.geometry import EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from explorer.layout.labels import (
    POINTS_PER_INCH,
    NodeMetrics,
    clean_text,
    edge_label_lines,
    node_label_lines,
)
from models import Architecture

CLUSTER_PREFIX = "cluster_"
RELATION_ATTR = "relation"

_BEZIER_OPS = ("b", "B")
_POLYGON_OPS = ("p", "P")


class DotJsonError(ValueError):
    """JSON that is not the layout Graphviz should have printed."""


class _Flip:
    """Converts Graphviz points (y up) to layout points (origin top left, y down)."""

    def __init__(self, left: float, top: float) -> None:
        self.left = left
        self.top = top

    def point(self, x: float, y: float) -> Point:
        return Point(x - self.left, self.top - y)

    def rect(self, left: float, bottom: float, right: float, top: float) -> Rect:
        return Rect(left - self.left, self.top - top, right - left, top - bottom)


def parse_layout(data: Mapping[str, Any], architecture: Architecture, *, splines: str) -> Layout:
    """The layout described by ``data``, the parsed output of ``dot -Tjson``.

    Raises:
        DotJsonError: ``data`` lacks what every Graphviz layout has.
    """
    try:
        left, bottom, right, top = _numbers(data["bb"], 4)
        flip = _Flip(left, top)
        nodes, groups = _read_objects(data.get("objects", ()), architecture, flip)
        edges = _read_edges(data.get("edges", ()), architecture, flip, nodes)
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise DotJsonError(f"unexpected Graphviz JSON: {error!r}") from None
    return Layout(
        architecture_id=architecture.id,
        bounds=Rect(0.0, 0.0, right - left, top - bottom),
        nodes=nodes,
        groups=groups,
        edges=edges,
        splines=splines,
    )


def group_depth(architecture: Architecture, group_id: str) -> int:
    """How many groups enclose ``group_id`` (a parent that is not a group counts as none)."""
    depth = 0
    parent = architecture.groups_by_id[group_id].parent
    while parent in architecture.groups_by_id and depth < len(architecture.groups):
        depth += 1
        parent = architecture.groups_by_id[parent].parent
    return depth


def _read_objects(
    objects: Iterable[Mapping[str, Any]], architecture: Architecture, flip: _Flip
) -> tuple[dict[str, NodeBox], dict[str, GroupBox]]:
    nodes: dict[str, NodeBox] = {}
    groups: dict[str, GroupBox] = {}
    for obj in objects:
        name = obj["name"]
        if "bb" in obj and name.startswith(CLUSTER_PREFIX):
            group_id = name[len(CLUSTER_PREFIX) :]
            if group_id in architecture.groups_by_id:
                groups[group_id] = _group_box(obj, group_id, architecture, flip)
        elif name in architecture.components_by_id and "pos" in obj:
            nodes[name] = _node_box(obj, name, architecture, flip)
    return nodes, groups


def _group_box(obj: Mapping[str, Any], group_id: str, architecture: Architecture, flip: _Flip) -> GroupBox:
    box = flip.rect(*_numbers(obj["bb"], 4))
    label_pos = flip.point(*_numbers(obj["lp"], 2)) if "lp" in obj else Point(box.x, box.y)
    return GroupBox(
        group_id=group_id,
        box=box,
        label_pos=label_pos,
        depth=group_depth(architecture, group_id),
        label=clean_text(architecture.groups_by_id[group_id].label),
        fill=obj.get("bgcolor", ""),
    )


def _node_box(obj: Mapping[str, Any], component_id: str, architecture: Architecture, flip: _Flip) -> NodeBox:
    center = flip.point(*_numbers(obj["pos"], 2))
    width = float(obj["width"]) * POINTS_PER_INCH
    height = float(obj["height"]) * POINTS_PER_INCH
    box = Rect(center.x - width / 2, center.y - height / 2, width, height)
    lines = node_label_lines(architecture.components_by_id[component_id].label)
    metrics = NodeMetrics(len(lines))
    return NodeBox(
        component_id=component_id,
        box=box,
        icon_box=metrics.icon_box(box),
        label_box=metrics.label_box(box),
        label_lines=lines,
    )


def _read_edges(
    edges: Iterable[Mapping[str, Any]], architecture: Architecture, flip: _Flip, nodes: dict[str, NodeBox]
) -> tuple[EdgePath, ...]:
    paths = [
        _edge_path(edge, int(edge[RELATION_ATTR]), architecture, flip, nodes)
        for edge in edges
        if RELATION_ATTR in edge
    ]
    return tuple(sorted(paths, key=lambda path: path.index))


def _edge_path(
    edge: Mapping[str, Any], index: int, architecture: Architecture, flip: _Flip, nodes: dict[str, NodeBox]
) -> EdgePath:
    if not 0 <= index < len(architecture.relations):
        raise ValueError(f"edge names relation {index}, which does not exist")
    relation = architecture.relations[index]
    points = _bezier_chain(edge.get("_draw_", ()), flip)
    if not points:
        # Graphviz leaves an edge unrouted when ortho gives up on it; draw it straight.
        points = _straight(nodes[relation.source].box.center, nodes[relation.target].box.center)
    label_pos = edge.get("lp") or edge.get("xlp")
    return EdgePath(
        source=relation.source,
        target=relation.target,
        index=index,
        points=points,
        arrow_head=_polygon(edge.get("_hdraw_", ()), flip),
        label="\n".join(edge_label_lines(relation.label)),
        label_pos=flip.point(*_numbers(label_pos, 2)) if label_pos else None,
    )


def _bezier_chain(ops: Iterable[Mapping[str, Any]], flip: _Flip) -> tuple[Point, ...]:
    """One Bézier chain from every curve op, joined with straight segments if they are apart."""
    chain: list[Point] = []
    for op in ops:
        if op.get("op") not in _BEZIER_OPS:
            continue
        points = [flip.point(x, y) for x, y in op["points"]]
        if chain and chain[-1] != points[0]:
            chain.extend(_straight(chain[-1], points[0])[1:])
        chain.extend(points[1:] if chain else points)
    return tuple(chain)


def _polygon(ops: Iterable[Mapping[str, Any]], flip: _Flip) -> tuple[Point, ...]:
    for op in ops:
        if op.get("op") in _POLYGON_OPS:
            return tuple(flip.point(x, y) for x, y in op["points"])
    return ()


def _straight(start: Point, end: Point) -> tuple[Point, ...]:
    """A straight line as a cubic Bézier: control points on the line."""
    return (start, start, end, end)


def _numbers(text: str, count: int) -> tuple[float, ...]:
    values = tuple(float(part) for part in text.split(","))
    if len(values) != count:
        raise ValueError(f"expected {count} numbers, got {text!r}")
    return values
