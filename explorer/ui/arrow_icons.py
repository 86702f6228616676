"""The toolbar's Back and Forward arrows, drawn here rather than asked of the style.

Asking the style (``QStyle.StandardPixmap``) made PySide build all of ``QStyle``'s
enum types before the first paint (~11 types, 3-5 ms) for two small triangles. These
are the triangles Qt's Fusion style draws, at the same place and in the same
colours (its disabled rendering included), drawn at the exact size and device
pixel ratio asked for, so they stay crisp on any screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap, QPolygonF

ARROW = QColor("#0d0d0d")
DISABLED = QColor("#666666")
"""Qt's greyed rendering of :data:`ARROW` for a disabled action."""


class _ArrowEngine(QIconEngine):
    def __init__(self, left: bool) -> None:
        super().__init__()
        self.left = left

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Fusion's triangle in a square of ``side`` pixels (fitted to its pixels at 16, 24 and
        # 32): the tip a quarter in, the sides at 45 degrees, as deep as half the base.
        side = min(rect.width(), rect.height())
        x0 = rect.x() + (rect.width() - side) / 2
        y0 = rect.y() + (rect.height() - side) / 2
        tip = round(side / 4) - 0.5
        depth = side * 0.46 + 0.5

        def at(x: float, y: float) -> QPointF:
            return QPointF(x0 + (x if self.left else side - x), y0 + side / 2 + y)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DISABLED if mode == QIcon.Mode.Disabled else ARROW)
        painter.drawPolygon(QPolygonF([at(tip, 0), at(tip + depth, -depth), at(tip + depth, depth)]))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802 (Qt's name)
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, pixmap.width(), pixmap.height()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _ArrowEngine(self.left)


ARROWS = {"back": True, "forward": False}
"""The drawn icons an action may name, and whether each is the Back arrow."""


def arrow_icon(back: bool) -> QIcon:
    """Back (left, or right in a right-to-left layout) or Forward (the other way)."""
    right_to_left = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return QIcon(_ArrowEngine(left=back != right_to_left))
