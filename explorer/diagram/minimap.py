"""The overview in the diagram's corner: the whole diagram small, with the part in view outlined.

It shows only while part of the diagram is out of view. A click or a drag on it
centres the view there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsView, QWidget

MAX_SIZE = QSize(180, 120)
"""The overview's largest size; it keeps the diagram's aspect ratio inside it."""
CORNER_MARGIN = 10
_FRAME = QColor("#5B6B7F")
_VIEWPORT_FILL = QColor(40, 110, 220, 40)
_VIEWPORT_PEN = QColor("#2F6FDB")


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
        self._picture = QPixmap()
        self._scene_rect = QRectF()
        self.hide()

    def refresh(self) -> None:
        """Redraws the picture after the scene changed (a new diagram, markers, style)."""
        scene = self._view.scene()
        self._picture = QPixmap()
        if scene is None or scene.sceneRect().isEmpty():
            self._scene_rect = QRectF()
            self.follow()
            return
        self._scene_rect = scene.sceneRect()
        size = self._scene_rect.size().scaled(
            MAX_SIZE.width(), MAX_SIZE.height(), Qt.AspectRatioMode.KeepAspectRatio
        )
        ratio = self.devicePixelRatioF()
        self._picture = QPixmap(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        self._picture.setDevicePixelRatio(ratio)
        self._picture.fill(scene.backgroundBrush().color())
        painter = QPainter(self._picture)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), self._scene_rect)
        painter.end()
        self.setFixedSize(round(size.width()) + 2, round(size.height()) + 2)
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
        painter.drawPixmap(1, 1, self._picture)
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
