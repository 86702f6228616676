"""The overview in the diagram's corner: the whole diagram small, with the part in view outlined.

It shows only while part of the diagram is out of view. A click or a drag on it
centres the view there.

The picture is the scene rendered in bands of pixel rows, a few milliseconds'
worth per turn of the event loop: the whole of a 1,000-component scene took
40-60 ms in one go, at the moment the diagram is first shown. Each band is
clipped to whole device pixels, so the bands add up to the same picture. Edges
are drawn as hairlines (the scene's drafting look): at this size a 1.5-point
relation is a twentieth of a pixel wide and all but vanished, which is how
the overview looked whenever the view had not moved before it was drawn (on
a second start, with the layout from the cache).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from explorer.diagram.scene import DiagramScene

MAX_SIZE = QSize(180, 120)
"""The overview's largest size; it keeps the diagram's aspect ratio inside it."""
CORNER_MARGIN = 10
_FRAME = QColor("#5B6B7F")
_VIEWPORT_FILL = QColor(40, 110, 220, 40)
_VIEWPORT_PEN = QColor("#2F6FDB")
BAND_ROWS = 12
"""Device pixel rows of the first band; later bands grow or shrink to take about :data:`TURN_SECONDS`."""
TURN_SECONDS = 0.008
"""Rendering done per turn of the event loop (at least one band, which may run past it)."""


class _Sketch:
    """A picture being rendered band by band: the rows above ``next_row`` are done.

    A plain class: a dataclass would compile its methods at import, before the first paint.
    """

    __slots__ = ("scene", "image", "scale", "next_row", "rows")

    def __init__(self, scene: QGraphicsScene, image: QImage, scale: float) -> None:
        self.scene = scene
        self.image = image
        self.scale = scale
        """Picture pixels (device-independent) per scene unit."""
        self.next_row = 0
        self.rows = BAND_ROWS
        """Rows of the next band: halved after a band that took over a turn, doubled after a quick one."""

    def done(self) -> bool:
        return self.next_row >= self.image.height()

    def draw_band(self, source: QRectF) -> None:
        ratio = self.image.devicePixelRatio()
        first, last = self.next_row, min(self.next_row + self.rows, self.image.height())
        target = QRectF(0.0, first / ratio, source.width() * self.scale, (last - first) / ratio)
        band = QRectF(
            source.left(),
            source.top() + target.top() / self.scale,
            source.width(),
            target.height() / self.scale,
        )
        diagram = self.scene if isinstance(self.scene, DiagramScene) else None
        drafting = diagram.drafting if diagram is not None else False
        if diagram is not None:
            diagram.drafting = True  # hairline edges (see the module)
        started = time.perf_counter()
        painter = QPainter(self.image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.scene.render(painter, target, band, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()
        took = time.perf_counter() - started
        if diagram is not None:
            diagram.drafting = drafting
        self.next_row = last
        if took > TURN_SECONDS:
            self.rows = max(1, self.rows // 2)
        elif took < TURN_SECONDS / 4:
            self.rows = min(4 * BAND_ROWS, self.rows * 2)


class Minimap(QWidget):
    """A small picture of ``view``'s scene; it follows the view; ``pan`` centres the view on a scene point."""

    def __init__(self, view: QGraphicsView, pan: Callable[[QPointF], None]) -> None:
        super().__init__(view)
        self.setObjectName("diagramMinimap")
        self.setAccessibleName("Diagram overview")
        self.setToolTip("Overview: click or drag to move around the diagram")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._view = view
        self._pan = pan
        self._picture = QImage()
        self._sketch: _Sketch | None = None
        self._scene_rect = QRectF()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._draw_more)
        self.hide()

    def refresh(self) -> None:
        """Redraws the picture after the scene changed (a new diagram, markers, style).

        It is drawn in the next turns of the event loop (one for a small diagram), after
        the diagram's first paint; the overview shows once its picture is complete.
        """
        scene = self._view.scene()
        self._picture = QImage()
        self._sketch = None
        self._timer.stop()
        if scene is None or scene.sceneRect().isEmpty():
            self._scene_rect = QRectF()
            self.follow()
            return
        self._scene_rect = scene.sceneRect()
        size = self._scene_rect.size().scaled(
            MAX_SIZE.width(), MAX_SIZE.height(), Qt.AspectRatioMode.KeepAspectRatio
        )
        ratio = self.devicePixelRatioF()
        image = QImage(
            max(1, round(size.width() * ratio)),
            max(1, round(size.height() * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(scene.backgroundBrush().color())
        self._sketch = _Sketch(scene, image, size.width() / self._scene_rect.width())
        self.setFixedSize(round(size.width()) + 2, round(size.height()) + 2)
        self.follow()
        self._timer.start()

    def is_drawing(self) -> bool:
        """True while the picture is still being rendered (the overview is hidden until it is done)."""
        return self._sketch is not None

    def picture(self) -> QImage:
        """The overview's picture (null while it is drawn, or without a diagram)."""
        return QImage(self._picture)

    def _draw_more(self) -> None:
        sketch = self._sketch
        if sketch is None:
            return
        if sketch.scene is not self._view.scene():
            self._sketch = None  # the view moved on without a refresh: nothing to finish
            return
        deadline = time.perf_counter() + TURN_SECONDS
        sketch.draw_band(self._scene_rect)
        while not sketch.done() and time.perf_counter() < deadline:
            sketch.draw_band(self._scene_rect)
        if not sketch.done():
            self._timer.start()
            return
        self._sketch = None
        self._picture = sketch.image
        self.follow()

    def follow(self) -> None:
        """Places the overview in the view's corner, shown only while part of the diagram is hidden."""
        viewport = self._view.viewport()
        visible = self.visible_scene_rect()
        hidden_part = not self._scene_rect.isEmpty() and not visible.adjusted(-1, -1, 1, 1).contains(
            self._scene_rect
        )
        fits = self.width() + 2 * CORNER_MARGIN < viewport.width() and self.height() + 2 * CORNER_MARGIN < (
            viewport.height()
        )
        self.setVisible(hidden_part and fits and not self._picture.isNull())
        corner = viewport.geometry().bottomRight()
        self.move(
            corner.x() - self.width() - CORNER_MARGIN + 1, corner.y() - self.height() - CORNER_MARGIN + 1
        )
        self.update()

    def visible_scene_rect(self) -> QRectF:
        return self._view.mapToScene(self._view.viewport().rect()).boundingRect()

    def _scale(self) -> float:
        return (self.width() - 2) / self._scene_rect.width() if self._scene_rect.width() > 0 else 1.0

    def to_scene(self, point: QPointF) -> QPointF:
        """The scene point under ``point`` (in this widget's coordinates)."""
        scale = self._scale()
        return QPointF(
            self._scene_rect.left() + (point.x() - 1) / scale,
            self._scene_rect.top() + (point.y() - 1) / scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._picture.isNull():
            return
        painter = QPainter(self)
        painter.drawImage(QPointF(1, 1), self._picture)
        painter.setPen(QPen(_FRAME, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        scale = self._scale()
        visible = self.visible_scene_rect().intersected(self._scene_rect)
        outline = QRectF(
            1 + (visible.left() - self._scene_rect.left()) * scale,
            1 + (visible.top() - self._scene_rect.top()) * scale,
            visible.width() * scale,
            visible.height() * scale,
        )
        painter.setPen(QPen(_VIEWPORT_PEN, 1.5))
        painter.setBrush(_VIEWPORT_FILL)
        painter.drawRect(outline)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pan(self.to_scene(event.position()))
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._pan(self.to_scene(event.position()))
            event.accept()
