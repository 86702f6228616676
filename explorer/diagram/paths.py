"""Edge paths: a Bézier chain as a ``QPainterPath``, whole or only its visible stretches.

Stroking costs time in proportion to a path's length on the device, visible or
not: with 2,000 components one cubic of an edge can be 90,000 points long, and
a view zoomed in on a corner used to stroke every edge crossing it end to end
(40 ms a frame). :meth:`BezierChain.visible_path` halves such cubics (de
Casteljau, so the curve is unchanged) only where they come near the exposed
area, and strokes the short pieces there, joined into runs so the pixels are
the same.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPen

from explorer.layout.geometry import Point

_XY = tuple[float, float]
_Cubic = tuple[_XY, _XY, _XY, _XY]
_Box = tuple[float, float, float, float]


class BezierChain:
    """A Bézier chain that can hand out the part of itself crossing a rectangle."""

    MARGIN = 4.0
    """Reach of a stroke beyond its centre line (half the widest pen, with room to spare)."""
    PIECE_EXTENT = 600.0
    """Cubics are halved until their control polygons span at most this (width plus height)."""
    CULL_EXTENT = 3000.0
    """Device pixels (width plus height) from which a partly visible path is drawn in part."""

    def __init__(self, points: tuple[Point, ...]) -> None:
        self._points = points  # the layout's own tuple: no copy until a long edge is cut up
        self._cubics: list[_Cubic] | None = None
        self.path = _path(points)
        self.bounds = self.path.controlPointRect()

    def cubics(self) -> list[_Cubic]:
        """The chain's cubics as plain numbers (empty when the points are not a Bézier chain)."""
        if self._cubics is None:
            points = self._points
            self._cubics = []
            if len(points) >= 4 and (len(points) - 1) % 3 == 0:
                xy = [(point.x, point.y) for point in points]
                self._cubics = [
                    (xy[start], xy[start + 1], xy[start + 2], xy[start + 3])
                    for start in range(0, len(xy) - 3, 3)
                ]
        return self._cubics

    def visible_path(self, exposed: QRectF, scale: float, pen: QPen) -> QPainterPath:
        """The whole path, or the runs of its pieces whose strokes may reach into ``exposed``.

        ``scale`` maps the path to device pixels. Hairlines (pens at most a pixel wide on
        the device) and short paths are drawn whole: Qt clips those cheaply itself.
        """
        device_width = pen.widthF() * (1.0 if pen.isCosmetic() else scale)
        extent = (self.bounds.width() + self.bounds.height()) * scale
        if device_width <= 1.0 or extent < self.CULL_EXTENT:
            return self.path
        if not exposed.isValid() or exposed.contains(self.bounds) or not self.cubics():
            return self.path
        box = (
            exposed.left() - self.MARGIN,
            exposed.top() - self.MARGIN,
            exposed.right() + self.MARGIN,
            exposed.bottom() + self.MARGIN,
        )
        part = QPainterPath()
        pieces: list[_Cubic | None] = []
        for cubic in self.cubics():
            _visible_pieces(cubic, box, self.PIECE_EXTENT, pieces)
        drawing = False
        for piece in pieces:
            if piece is None:
                drawing = False
                continue
            start, first, second, end = piece
            if not drawing:
                part.moveTo(*start)
                drawing = True
            part.cubicTo(*first, *second, *end)
        return part


def _visible_pieces(cubic: _Cubic, box: _Box, extent: float, out: list[_Cubic | None]) -> None:
    """Appends the pieces of ``cubic`` near ``box``, and None where the stroke leaves it."""
    xs = [point[0] for point in cubic]
    ys = [point[1] for point in cubic]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    if right < box[0] or left > box[2] or bottom < box[1] or top > box[3]:
        out.append(None)
        return
    if right - left + bottom - top <= extent:
        out.append(cubic)
        return
    p0, p1, p2, p3 = cubic
    a, b, c = _mid(p0, p1), _mid(p1, p2), _mid(p2, p3)
    d, e = _mid(a, b), _mid(b, c)
    middle = _mid(d, e)
    _visible_pieces((p0, a, d, middle), box, extent, out)
    _visible_pieces((middle, e, c, p3), box, extent, out)


def _mid(first: _XY, second: _XY) -> _XY:
    return ((first[0] + second[0]) / 2, (first[1] + second[1]) / 2)


def _path(points: tuple[Point, ...]) -> QPainterPath:
    """A start point then (control, control, end) triples; stray points at the end become lines."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0].x, points[0].y)
    cubics = (len(points) - 1) // 3
    cubic_to = path.cubicTo
    for index in range(1, 3 * cubics, 3):
        first, second, end = points[index], points[index + 1], points[index + 2]
        cubic_to(first.x, first.y, second.x, second.y, end.x, end.y)
    for point in points[1 + 3 * cubics :]:
        path.lineTo(point.x, point.y)
    return path
