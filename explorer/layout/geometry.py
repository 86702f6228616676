"""The pure result of laying out an architecture: boxes, paths and label positions.

Coordinates are in points (1/72 inch, as Graphviz reports them) with the origin
at the top left and y growing downwards, which is what Qt's scene expects.
Nothing here knows about Qt or Graphviz, so a layout can be cached, compared and
rebuilt into a scene, an export or a test without either.
"""

from __future__ import annotations

import math
from dataclasses import field

from models.records import frozen_record, set_field

MAX_COORDINATE = 1e7
"""Points (1/72 inch) from the origin: 3.5 km. Graphviz never places anything that far; a
number beyond it is a damaged answer, never a drawing (the layout cache checks it too)."""


@frozen_record
class Point:
    """A point (points, y down)."""

    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        set_field(self, "x", x)
        set_field(self, "y", y)


@frozen_record
class Rect:
    """A box by its top left corner and size (points, y down)."""

    x: float
    y: float
    width: float
    height: float

    def __init__(self, x: float, y: float, width: float, height: float) -> None:
        set_field(self, "x", x)
        set_field(self, "y", y)
        set_field(self, "width", width)
        set_field(self, "height", height)

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@frozen_record
class NodeBox:
    """A component: the whole node box, the icon square inside it and its label.

    ``label_lines`` are the label as wrapped for layout; ``label_box`` is where
    they go (below the icon, or beside it on some slides; never over it).
    """

    component_id: str
    box: Rect
    icon_box: Rect
    label_box: Rect
    label_lines: tuple[str, ...]

    def __init__(
        self, component_id: str, box: Rect, icon_box: Rect, label_box: Rect, label_lines: tuple[str, ...]
    ) -> None:
        set_field(self, "component_id", component_id)
        set_field(self, "box", box)
        set_field(self, "icon_box", icon_box)
        set_field(self, "label_box", label_box)
        set_field(self, "label_lines", label_lines)

    @property
    def label_beside_icon(self) -> bool:
        """Whether the label sits right of the icon (drawn from its box's left edge, not centred)."""
        return self.icon_box.right <= self.label_box.x


@frozen_record
class GroupBox:
    """A group (Graphviz cluster) with its title position and nesting depth.

    ``label_pos`` is the centre of the title as Graphviz placed it (titles are
    left-justified at the top); ``fill`` is the background colour (``#RRGGBB``)
    Graphviz was given, so the view and ``dot`` renderings agree.
    """

    group_id: str
    box: Rect
    label_pos: Point
    depth: int
    label: str = ""
    fill: str = ""

    def __init__(
        self, group_id: str, box: Rect, label_pos: Point, depth: int, label: str = "", fill: str = ""
    ) -> None:
        set_field(self, "group_id", group_id)
        set_field(self, "box", box)
        set_field(self, "label_pos", label_pos)
        set_field(self, "depth", depth)
        set_field(self, "label", label)
        set_field(self, "fill", fill)


@frozen_record
class EdgePath:
    """A relation routed by Graphviz.

    ``points`` is a cubic Bézier chain: a start point followed by groups of
    three (two control points and an end point). ``arrow_head`` is the polygon
    of the arrowhead at the target end, if any.
    """

    source: str
    target: str
    index: int
    points: tuple[Point, ...]
    arrow_head: tuple[Point, ...] = ()
    label: str = ""
    label_pos: Point | None = None

    def __init__(
        self,
        source: str,
        target: str,
        index: int,
        points: tuple[Point, ...],
        arrow_head: tuple[Point, ...] = (),
        label: str = "",
        label_pos: Point | None = None,
    ) -> None:
        set_field(self, "source", source)
        set_field(self, "target", target)
        set_field(self, "index", index)
        set_field(self, "points", points)
        set_field(self, "arrow_head", arrow_head)
        set_field(self, "label", label)
        set_field(self, "label_pos", label_pos)


@frozen_record
class Layout:
    """Everything the view and the exporters need to draw one architecture."""

    architecture_id: str
    bounds: Rect
    nodes: dict[str, NodeBox] = field(default_factory=dict)
    groups: dict[str, GroupBox] = field(default_factory=dict)
    edges: tuple[EdgePath, ...] = ()
    splines: str = "ortho"

    def __init__(
        self,
        architecture_id: str,
        bounds: Rect,
        nodes: dict[str, NodeBox] | None = None,
        groups: dict[str, GroupBox] | None = None,
        edges: tuple[EdgePath, ...] = (),
        splines: str = "ortho",
    ) -> None:
        set_field(self, "architecture_id", architecture_id)
        set_field(self, "bounds", bounds)
        set_field(self, "nodes", {} if nodes is None else nodes)
        set_field(self, "groups", {} if groups is None else groups)
        set_field(self, "edges", edges)
        set_field(self, "splines", splines)


@frozen_record
class Box:
    """An axis-aligned box by its edges (points, y down)."""

    left: float
    top: float
    right: float
    bottom: float

    def __init__(self, left: float, top: float, right: float, bottom: float) -> None:
        set_field(self, "left", left)
        set_field(self, "top", top)
        set_field(self, "right", right)
        set_field(self, "bottom", bottom)

    @classmethod
    def around(cls, centre: Point, width: float, height: float) -> Box:
        return cls(centre.x - width / 2, centre.y - height / 2, centre.x + width / 2, centre.y + height / 2)

    @classmethod
    def of(cls, rect: Rect) -> Box:
        return cls(rect.x, rect.y, rect.right, rect.bottom)

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (
            self.left < other.right + gap
            and other.left < self.right + gap
            and self.top < other.bottom + gap
            and other.top < self.bottom + gap
        )

    def nearest(self, point: Point) -> Point:
        return Point(min(max(point.x, self.left), self.right), min(max(point.y, self.top), self.bottom))

    def distance_to(self, point: Point) -> float:
        dx = max(self.left - point.x, 0.0, point.x - self.right)
        dy = max(self.top - point.y, 0.0, point.y - self.bottom)
        return math.hypot(dx, dy)
