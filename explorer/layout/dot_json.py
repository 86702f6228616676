"""Reads Graphviz's ``-Tjson0`` output back into a pure :class:`Layout`.

Graphviz puts the origin at the bottom left with y up; the layout has it at the
top left with y down, so every y is flipped against the graph's bounding box.
Names in the JSON are the ones :mod:`explorer.layout.graphviz_layout` wrote:
component ids for nodes, ``cluster_<group id>`` for groups, and a ``relation``
attribute holding each edge's index in ``architecture.relations``.

``json0`` is ``json`` without the drawing instructions (``_draw_``, ``_ldraw_``…): a third
of the text, less work for ``dot`` and far less for the reader. An edge's route is read
from its ``pos`` (the same Bézier points, to 5 significant digits like the node positions)
and its arrowhead is worked out as Graphviz draws it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from explorer.layout.geometry import MAX_COORDINATE, EdgePath, GroupBox, Layout, NodeBox, Point, Rect
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
OUTPUT_FORMAT = "json0"
"""What ``dot`` is asked to print (``-T``); here, so the layout cache's fingerprint covers it."""


ARROW_LENGTH = 10.0
ARROW_WIDTH = 0.35
"""Graphviz's ``normal`` arrowhead (``arrowsize`` and ``penwidth`` 1, as the DOT text leaves
them): 10 points long, 0.35 of that to each side (``arrow_gen``, ``arrow_type_normal``)."""
_EPSILON = 0.0001


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
    points, arrow_head = _route(_text(edge["pos"]), flip) if "pos" in edge else ((), ())
    if not points:
        # Graphviz leaves an edge unrouted when ortho gives up on it; draw it straight.
        points = _straight(nodes[relation.source].box.center, nodes[relation.target].box.center)
    label_pos = edge.get("lp") or edge.get("xlp")
    return EdgePath(
        source=relation.source,
        target=relation.target,
        index=index,
        points=points,
        arrow_head=arrow_head,
        label="\n".join(edge_label_lines(relation.label)),
        label_pos=flip.point(*_numbers(label_pos, 2)) if label_pos else None,
    )


def _route(pos: str, flip: _Flip) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """An edge's ``pos`` (splines ``[s,x,y] [e,x,y] x,y x,y …`` apart by ``;``): one Bézier chain,
    joined with straight segments where the splines are apart, and the first arrowhead."""
    chain: list[Point] = []
    head: tuple[Point, ...] = ()
    left, top = flip.left, flip.top
    for spline in pos.split(";"):
        tokens = spline.split()
        end: list[float] = []
        while tokens and tokens[0][:2] in ("e,", "s,"):
            token = tokens.pop(0)
            if token[0] == "e":
                end = _coordinates(token[2:])
        numbers = _coordinates(",".join(tokens))
        if len(numbers) % 2 or len(end) not in (0, 2):
            raise ValueError(f"an odd count of coordinates in {spline[:40]!r}")
        pairs = iter(numbers)
        points = [Point(x - left, top - y) for x, y in zip(pairs, pairs, strict=True)]  # flip.point, inlined
        if not points:
            raise ValueError("a spline without points")
        if end and not head:
            head = _arrowhead(end[0], end[1], points[-1], flip)
        if chain and chain[-1] != points[0]:
            chain.extend(_straight(chain[-1], points[0])[1:])
        chain.extend(points[1:] if chain else points)
    return tuple(chain), head


def _coordinates(text: str) -> list[float]:
    """``x,y,x,y…`` as numbers, each finite and within :data:`MAX_COORDINATE` (ValueError if not)."""
    numbers = [float(part) for part in text.split(",")] if text else []
    # A NaN or an infinity makes the sum NaN or infinite; max() alone would skip a NaN.
    if numbers and (not math.isfinite(sum(numbers)) or max(map(abs, numbers)) > MAX_COORDINATE):
        raise ValueError(f"number out of range in {text[:40]!r}")
    return numbers


def _arrowhead(tip_x: float, tip_y: float, last: Point, flip: _Flip) -> tuple[Point, ...]:
    """The triangle Graphviz draws from the spline's end (``last``, flipped) to its ``e`` point."""
    ux, uy = (last.x + flip.left) - tip_x, (flip.top - last.y) - tip_y
    scale = ARROW_LENGTH / (math.hypot(ux, uy) + _EPSILON)
    ux = (ux + (_EPSILON if ux >= 0 else -_EPSILON)) * scale
    uy = (uy + (_EPSILON if uy >= 0 else -_EPSILON)) * scale
    vx, vy = -uy * ARROW_WIDTH, ux * ARROW_WIDTH
    base_x, base_y = tip_x + ux, tip_y + uy
    return (
        flip.point(base_x - vx, base_y - vy),
        flip.point(tip_x, tip_y),
        flip.point(base_x + vx, base_y + vy),
    )


def _straight(start: Point, end: Point) -> tuple[Point, ...]:
    """A straight line as a cubic Bézier: control points on the line."""
    return (start, start, end, end)


def _numbers(text: Any, count: int) -> tuple[float, ...]:
    values = tuple(_number(part) for part in _text(text).split(","))
    if len(values) != count:
        raise ValueError(f"expected {count} numbers, got {text!r}")
    return values
