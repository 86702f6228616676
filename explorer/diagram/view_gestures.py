"""The diagram view's wheel, pinch and touchpad zoom (apart from :mod:`explorer.diagram.view` for size)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture

if TYPE_CHECKING:
    from explorer.diagram.scene import DiagramScene


class ZoomGestures(QGraphicsView):
    """Wheel and gestures for :class:`~explorer.diagram.view.DiagramView`: zoom towards the pointer."""

    _diagram: DiagramScene | None
    _auto: str | None
    WHEEL_BASE = 1.2 ** (1 / 120)
    """Zoom per eighth of a degree of wheel turn: one notch (120) zooms by 1.2."""
    PIXEL_BASE = 1.0025
    """Zoom per pixel of touchpad scrolling."""

    def zoom(self) -> float:
        raise NotImplementedError

    def _scale_view(self, factor: float, viewport_anchor: QPointF | None = None) -> None:
        raise NotImplementedError

    def _scroll_by(self, dx: float, dy: float) -> None:
        raise NotImplementedError

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._diagram is None:
            super().wheelEvent(event)
            return
        pixels, angle = event.pixelDelta(), event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Shift turns the wheel into horizontal scrolling, as in most canvases.
            self._scroll_by(-(pixels.y() or angle.y() or angle.x()), 0)
            event.accept()
            return
        if pixels.y():
            factor = self.PIXEL_BASE ** pixels.y()
        elif angle.y():
            factor = self.WHEEL_BASE ** angle.y()
        else:
            super().wheelEvent(event)
            return
        self._auto = None
        self._scale_view(self.zoom() * factor, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self._auto = None
            self._scale_view(self.zoom() * (1.0 + event.value()), event.position())
            event.accept()
            return True
        if event.type() == QEvent.Type.Gesture and self._pinch(cast(QGestureEvent, event)):
            return True
        return super().viewportEvent(event)

    def _pinch(self, event: QGestureEvent) -> bool:
        pinch = event.gesture(Qt.GestureType.PinchGesture)
        if not isinstance(pinch, QPinchGesture):
            return False
        if pinch.changeFlags() & QPinchGesture.ChangeFlag.ScaleFactorChanged:
            anchor = QPointF(self.viewport().mapFromGlobal(pinch.centerPoint().toPoint()))
            self._auto = None
            self._scale_view(self.zoom() * pinch.scaleFactor(), anchor)
        event.accept(pinch)
        return True
