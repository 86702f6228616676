"""A dot travelling along each active relation of a walkthrough step, in the request's direction.

One :class:`QVariantAnimation` drives every dot: each frame only moves a few
small items (a point on a precomputed path), so a frame costs well under a
millisecond and the event loop, and input, are never held up.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QObject, QPointF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene

from explorer.diagram import style
from explorer.diagram.edge_item import EdgeItem

DURATION_MS = 1400
RADIUS = 5.0
Z_PULSE = style.Z_COMPONENT - 1.0
"""Above the edges, below the components the dot arrives at."""


class Pulse(QObject):
    """Moves a dot along each of ``edges``, over and over, until :meth:`stop`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(DURATION_MS)
        self.animation.setLoopCount(-1)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.valueChanged.connect(self._move)
        self._tracks: list[tuple[QPainterPath, QGraphicsEllipseItem]] = []
        self._reverse = False

    def start(self, scene: QGraphicsScene, edges: Sequence[EdgeItem], *, reverse: bool = False) -> None:
        """Dots on ``edges`` of ``scene``, travelling target → source when ``reverse``."""
        self.stop()
        self._reverse = reverse
        colour = getattr(scene, "diagram_style", None)
        accent = colour.accent if colour is not None else Qt.GlobalColor.blue
        for edge in edges:
            dot = QGraphicsEllipseItem(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
            dot.setBrush(QBrush(accent))
            dot.setPen(QPen(Qt.GlobalColor.white, 1.5))
            dot.setZValue(Z_PULSE)
            dot.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            dot.setData(0, "walkthrough-pulse")
            scene.addItem(dot)
            self._tracks.append((edge.path(), dot))
        if self._tracks:
            self._move(0.0)
            self.animation.start()

    def stop(self) -> None:
        self.animation.stop()
        for _path, dot in self._tracks:
            scene = dot.scene()
            if scene is not None:
                scene.removeItem(dot)
        self._tracks = []

    def running(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def dots(self) -> list[QPointF]:
        """Where each dot is now, in scene coordinates."""
        return [dot.pos() for _path, dot in self._tracks]

    def _move(self, value: object) -> None:
        progress = float(value)  # type: ignore[arg-type]
        percent = 1.0 - progress if self._reverse else progress
        for path, dot in self._tracks:
            dot.setPos(path.pointAtPercent(min(1.0, max(0.0, percent))))
