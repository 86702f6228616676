"""What each item of a diagram draws, worked out without Qt for the SVG writer.

The same geometry as :mod:`explorer.diagram.items` and :mod:`explorer.diagram.edge_item`
(icon fitted to its box, label in the largest font that fits, group title elided
on its plate, edge label centred on its plate), so the SVG puts everything where
the window and the PNG export do.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from explorer.export import svg_look as look
from explorer.export.text_metrics import FontMeasure, measure
from explorer.layout.geometry import EdgePath, GroupBox, NodeBox, Point, Rect

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


class Line(NamedTuple):
    """One line of text: anchored (``middle`` or ``start``) at ``x`` on baseline ``y``, squeezed across."""

    text: str
    x: float
    y: float
    anchor: str = "middle"
    squeeze: float = 1.0


class Label(NamedTuple):
    lines: tuple[Line, ...]
    font: FontMeasure
    rect: Rect | None


class ComponentShape(NamedTuple):
    icon: Rect
    label: Label


class GroupShape(NamedTuple):
    rect: Rect
    fill: str
    title: str
    title_at: Point
    plate: Rect
    font: FontMeasure


class EdgeShape(NamedTuple):
    path: str
    """SVG path data of the Bézier chain."""
    bounds: Rect
    arrow: tuple[Point, ...]
    label: Label | None
    plate: Rect | None


def grow(rect: Rect, margin: float) -> Rect:
    return Rect(rect.x - margin, rect.y - margin, rect.width + 2 * margin, rect.height + 2 * margin)


def unite(first: Rect | None, second: Rect) -> Rect:
    if first is None:
        return second
    left, top = min(first.x, second.x), min(first.y, second.y)
    return Rect(left, top, max(first.right, second.right) - left, max(first.bottom, second.bottom) - top)


def fit_icon(box: Rect, width: int, height: int) -> Rect:
    """The largest rectangle with the image's aspect ratio, centred in ``box`` (as the window draws icons)."""
    centre = box.center
    if width <= 0 or height <= 0 or width == height:
        side = min(box.width, box.height)
        return Rect(centre.x - side / 2, centre.y - side / 2, side, side)
    scale = min(box.width / width, box.height / height)
    return Rect(centre.x - width * scale / 2, centre.y - height * scale / 2, width * scale, height * scale)


def _font(pixel_size: float, text_scale: float, *, bold: bool = False) -> FontMeasure:
    return measure(max(1, round(pixel_size * text_scale)), bold=bold)


def component_shape(node: NodeBox, icon_size: tuple[int, int], text_scale: float) -> ComponentShape:
    """The icon's rectangle and the label fitted to its box (as ``explorer.diagram.text.fitted_label``)."""
    icon = fit_icon(node.icon_box, *icon_size)
    box, lines = node.label_box, node.label_lines
    font = _font(look.COMPONENT_FONT_PX, text_scale)
    for pixel_size in range(look.COMPONENT_FONT_PX - 1, look.MIN_COMPONENT_FONT_PX - 1, -1):
        if not lines or (
            max(font.width(line) for line in lines) <= box.width and font.height * len(lines) <= box.height
        ):
            break
        font = _font(pixel_size, text_scale)
    widths = [font.width(line) for line in lines]
    widest = max(widths, default=0.0)
    squeeze = min(1.0, box.width / widest) if widest > 0 else 1.0
    top = box.y + max(0.0, (box.height - font.height * len(lines)) / 2)
    flush_left = node.label_beside_icon
    centre_x = box.x + widest * squeeze / 2 if flush_left else box.center.x
    return ComponentShape(icon, _block(lines, widths, font, centre_x, top, squeeze, flush_left=flush_left))


def _block(
    lines: tuple[str, ...],
    widths: list[float],
    font: FontMeasure,
    centre_x: float,
    top: float,
    squeeze: float = 1.0,
    *,
    flush_left: bool = False,
) -> Label:
    """Lines centred on ``centre_x`` (or flush with the block's left edge) from ``top`` down."""
    widest = max(widths, default=0.0) * squeeze
    placed = tuple(
        Line(
            text,
            centre_x - widest / 2 if flush_left else centre_x,
            top + font.ascent + index * font.spacing(),
            "start" if flush_left else "middle",
            squeeze,
        )
        for index, text in enumerate(lines)
    )
    rect = Rect(centre_x - widest / 2, top, widest, font.height * len(lines)) if lines else None
    return Label(placed, font, rect)


def group_shape(box: GroupBox, fallback_title: str, fill: str, text_scale: float) -> GroupShape:
    """The box, and its title elided to fit, on a plate, where ``GroupItem`` puts them."""
    font = _font(look.GROUP_FONT_PX, text_scale, bold=True)
    rect, inset = box.box, look.GROUP_TITLE_INSET
    title = elide(box.label or fallback_title, font, rect.width - 2 * inset)
    centre_y = box.label_pos.y
    if not rect.y <= centre_y <= rect.y + 3 * font.height:
        centre_y = rect.y + inset + font.height / 2
    baseline = centre_y + (font.ascent - font.descent) / 2
    at = Point(rect.x + inset, baseline)
    pad = look.TITLE_PLATE_PAD
    plate = Rect(at.x - pad, baseline - font.ascent, font.width(title) + 2 * pad, font.height)
    return GroupShape(rect, fill, title, at, plate, font)


def elide(text: str, font: FontMeasure, width: float) -> str:
    """``text``, or as much of it as fits ``width`` followed by an ellipsis (Qt's ``ElideRight``)."""
    if font.width(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if font.width(text[:middle] + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + ELLIPSIS if low or font.width(ELLIPSIS) <= width else ""


def edge_shape(edge: EdgePath, text_scale: float, *, labelled: bool) -> EdgeShape:
    """The routed path, its exact bounds, the arrowhead and the label on its plate."""
    label = plate = None
    if labelled and edge.label and edge.label_pos is not None:
        font = _font(look.EDGE_FONT_PX, text_scale)
        lines = tuple(edge.label.splitlines())
        centre = edge.label_pos
        label = _block(
            lines,
            [font.width(line) for line in lines],
            font,
            centre.x,
            centre.y - font.height * len(lines) / 2,
        )
        if label.rect is not None:
            plate = Rect(
                label.rect.x - look.EDGE_LABEL_PAD_X,
                label.rect.y - look.EDGE_LABEL_PAD_Y,
                label.rect.width + 2 * look.EDGE_LABEL_PAD_X,
                label.rect.height + 2 * look.EDGE_LABEL_PAD_Y,
            )
    return EdgeShape(path_data(edge.points), curve_bounds(edge.points), edge.arrow_head, label, plate)


def path_data(points: tuple[Point, ...]) -> str:
    """A start point then (control, control, end) triples; stray points at the end become lines."""
    if not points:
        return ""
    parts = [f"M{_n(points[0].x)},{_n(points[0].y)}"]
    cubics = (len(points) - 1) // 3
    for index in range(1, 3 * cubics, 3):
        first, second, end = points[index : index + 3]
        parts.append(f"C{_n(first.x)},{_n(first.y)} {_n(second.x)},{_n(second.y)} {_n(end.x)},{_n(end.y)}")
    parts.extend(f"L{_n(point.x)},{_n(point.y)}" for point in points[1 + 3 * cubics :])
    return "".join(parts)


def curve_bounds(points: tuple[Point, ...]) -> Rect:
    """The chain's tight bounds (its curves' extremes, not control points), as Qt's ``boundingRect``."""
    if not points:
        return Rect(0.0, 0.0, 0.0, 0.0)
    xs, ys = [points[0].x], [points[0].y]
    cubics = (len(points) - 1) // 3
    for index in range(0, 3 * cubics, 3):
        p0, p1, p2, p3 = points[index : index + 4]
        xs += _extremes(p0.x, p1.x, p2.x, p3.x)
        ys += _extremes(p0.y, p1.y, p2.y, p3.y)
    for point in points[1 + 3 * cubics :]:
        xs.append(point.x)
        ys.append(point.y)
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _extremes(a: float, b: float, c: float, d: float) -> list[float]:
    """The end value and the inner extremes of one coordinate of a cubic Bézier."""
    values = [d]
    # The derivative, divided by 3: qa t² + qb t + qc.
    qa, qb, qc = -a + 3 * b - 3 * c + d, 2 * (a - 2 * b + c), b - a
    if abs(qa) < 1e-12:
        roots = [-qc / qb] if abs(qb) > 1e-12 else []
    else:
        disc = qb * qb - 4 * qa * qc
        roots = [(-qb + s * math.sqrt(disc)) / (2 * qa) for s in (1, -1)] if disc >= 0 else []
    for t in roots:
        if 0 < t < 1:
            u = 1 - t
            values.append(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d)
    return values


def polygon_bounds(points: tuple[Point, ...]) -> Rect | None:
    if not points:
        return None
    xs, ys = [p.x for p in points], [p.y for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _n(value: float) -> str:
    """A coordinate, short: up to three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
