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
    NODE_LABEL_EMS,
    POINTS_PER_INCH,
    NodeMetrics,
    clean_text,
    edge_label_lines,
    node_label_lines,
)
from models import Architecture

CLUSTER_PREFIX = "cluster_"
RELATION_ATTR = "relation"

MAX_COORDINATE = 1e7
"""Points (1/72 inch) from the origin: 3.5 km. Graphviz never places anything that far; a
number beyond it is a damaged answer, never a drawing."""

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


def parse_layout(
    data: Mapping[str, Any], architecture: Architecture, *, splines: str, label_ems: float = NODE_LABEL_EMS
) -> Layout:
    """The layout described by ``data``, the parsed output of ``dot -Tjson``.

    ``label_ems`` is the width component labels were wrapped to for Graphviz (see
    :func:`~explorer.layout.labels.label_ems`), so the nodes read back carry the same lines.

    Every value is checked (types, finite numbers within :data:`MAX_COORDINATE`) and every
    component and group must be placed: a damaged answer never becomes a (cached) layout.

    Raises:
        DotJsonError: ``data`` is not a whole Graphviz layout of ``architecture``.
    """
    try:
        if not isinstance(data, Mapping):
            raise TypeError("the layout is not a JSON object")
        left, bottom, right, top = _numbers(data["bb"], 4)
        if right < left or top < bottom:
            raise ValueError("the bounding box is upside down")
        flip = _Flip(left, top)
        nodes, groups = _read_objects(_list(data.get("objects", [])), architecture, flip, label_ems)
        edges = _read_edges(_list(data.get("edges", [])), architecture, flip, nodes)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise DotJsonError(f"unexpected Graphviz JSON: {_short(error)}") from None
    _check_complete(architecture, nodes, groups)
    return Layout(
        architecture_id=architecture.id,
        bounds=Rect(0.0, 0.0, right - left, top - bottom),
        nodes=nodes,
        groups=groups,
        edges=edges,
        splines=splines,
    )


def _check_complete(architecture: Architecture, nodes: Mapping[str, Any], groups: Mapping[str, Any]) -> None:
    missing = [c.id for c in architecture.components if c.id not in nodes]
    missing += [g.id for g in architecture.groups if g.id not in groups]
    if missing:
        more = f" and {len(missing) - 3:,} more" if len(missing) > 3 else ""
        raise DotJsonError(f"Graphviz's answer does not place {', '.join(missing[:3])}{more}")


def _short(error: Exception) -> str:
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 200 else text[:199] + "…"


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _mapping(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _number(value: Any) -> float:
    """A finite coordinate within :data:`MAX_COORDINATE`, from a JSON number or numeric text."""
    if type(value) is float:  # noqa: E721 (JSON's numbers: the common case, tried first)
        number = value
    elif isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    else:
        number = float(value)
    if not -MAX_COORDINATE <= number <= MAX_COORDINATE:  # NaN and infinities fail it too
        raise ValueError(f"number out of range: {str(value)[:40]!r}")
    return number


def group_depth(architecture: Architecture, group_id: str) -> int:
    """How many groups enclose ``group_id`` (a parent that is not a group counts as none)."""
    depth = 0
    parent = architecture.groups_by_id[group_id].parent
    while parent in architecture.groups_by_id and depth < len(architecture.groups):
        depth += 1
        parent = architecture.groups_by_id[parent].parent
    return depth


def _read_objects(
    objects: Iterable[Mapping[str, Any]], architecture: Architecture, flip: _Flip, label_ems: float
) -> tuple[dict[str, NodeBox], dict[str, GroupBox]]:
    nodes: dict[str, NodeBox] = {}
    groups: dict[str, GroupBox] = {}
    for item in objects:
        obj = _mapping(item)
        name = _text(obj["name"])
        if "bb" in obj and name.startswith(CLUSTER_PREFIX):
            group_id = name[len(CLUSTER_PREFIX) :]
            if group_id in architecture.groups_by_id:
                groups[group_id] = _group_box(obj, group_id, architecture, flip)
        elif name in architecture.components_by_id and "pos" in obj:
            nodes[name] = _node_box(obj, name, architecture, flip, label_ems)
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
        fill=_text(obj.get("bgcolor", "")),
    )


def _node_box(
    obj: Mapping[str, Any], component_id: str, architecture: Architecture, flip: _Flip, label_ems: float
) -> NodeBox:
    center = flip.point(*_numbers(obj["pos"], 2))
    width = _number(obj["width"]) * POINTS_PER_INCH
    height = _number(obj["height"]) * POINTS_PER_INCH
    if width < 0 or height < 0:
        raise ValueError("a node with a negative size")
    box = Rect(center.x - width / 2, center.y - height / 2, width, height)
    lines = node_label_lines(architecture.components_by_id[component_id].label, label_ems)
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
        _edge_path(edge, int(_text(edge[RELATION_ATTR])), architecture, flip, nodes)
        for edge in map(_mapping, edges)
        if RELATION_ATTR in edge
    ]
    return tuple(sorted(paths, key=lambda path: path.index))


def _edge_path(
    edge: Mapping[str, Any], index: int, architecture: Architecture, flip: _Flip, nodes: dict[str, NodeBox]
) -> EdgePath:
    if not 0 <= index < len(architecture.relations):
        raise ValueError(f"edge names relation {index}, which does not exist")
    relation = architecture.relations[index]
    points = _bezier_chain(_list(edge.get("_draw_", [])), flip)
    if not points:
        # Graphviz leaves an edge unrouted when ortho gives up on it; draw it straight.
        points = _straight(nodes[relation.source].box.center, nodes[relation.target].box.center)
    label_pos = edge.get("lp") or edge.get("xlp")
    return EdgePath(
        source=relation.source,
        target=relation.target,
        index=index,
        points=points,
        arrow_head=_polygon(_list(edge.get("_hdraw_", [])), flip),
        label="\n".join(edge_label_lines(relation.label)),
        label_pos=flip.point(*_numbers(label_pos, 2)) if label_pos else None,
    )


def _bezier_chain(ops: Iterable[Mapping[str, Any]], flip: _Flip) -> tuple[Point, ...]:
    """One Bézier chain from every curve op, joined with straight segments if they are apart."""
    chain: list[Point] = []
    for op in map(_mapping, ops):
        if op.get("op") not in _BEZIER_OPS:
            continue
        points = _points(op["points"], flip)
        if not points:
            raise ValueError("a curve without points")
        if chain and chain[-1] != points[0]:
            chain.extend(_straight(chain[-1], points[0])[1:])
        chain.extend(points[1:] if chain else points)
    return tuple(chain)


def _polygon(ops: Iterable[Mapping[str, Any]], flip: _Flip) -> tuple[Point, ...]:
    for op in map(_mapping, ops):
        if op.get("op") in _POLYGON_OPS:
            return tuple(_points(op["points"], flip))
    return ()


def _points(values: Any, flip: _Flip) -> list[Point]:
    points = []
    left, top = flip.left, flip.top
    for pair in _list(values):
        x, y = _list(pair)
        points.append(Point(_number(x) - left, top - _number(y)))  # flip.point, inlined: the hot loop
    return points


def _straight(start: Point, end: Point) -> tuple[Point, ...]:
    """A straight line as a cubic Bézier: control points on the line."""
    return (start, start, end, end)


def _numbers(text: Any, count: int) -> tuple[float, ...]:
    values = tuple(_number(part) for part in _text(text).split(","))
    if len(values) != count:
        raise ValueError(f"expected {count} numbers, got {text!r}")
    return values
