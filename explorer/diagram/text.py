"""Text laid out for the diagram: centred lines, and labels fitted to their boxes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from explorer.diagram.style import COMPONENT_FONT_PX, MIN_COMPONENT_FONT_PX, DiagramStyle


class TextBlock:
    """Lines of text centred on a vertical axis, laid out once and drawn as often as needed.

    ``squeeze`` (≤ 1) narrows the glyphs of lines too wide for their box at the
    smallest allowed font, so text is never clipped or elided.
    """

    def __init__(self, lines: list[str] | tuple[str, ...], font: QFont, centre_x: float, top: float) -> None:
        self.lines = tuple(lines)
        self.font = font
        self.squeeze = 1.0
        metrics = QFontMetricsF(font)
        self.widths = [metrics.horizontalAdvance(line) for line in self.lines]
        self.height = metrics.height() + (len(self.lines) - 1) * metrics.lineSpacing() if self.lines else 0.0
        self._ascent = metrics.ascent()
        self._spacing = metrics.lineSpacing()
        self.place(centre_x, top)

    def place(self, centre_x: float, top: float, squeeze: float = 1.0) -> None:
        self.squeeze = squeeze
        self.positions = [
            QPointF(centre_x - width * squeeze / 2, top + self._ascent + index * self._spacing)
            for index, width in enumerate(self.widths)
        ]
        widest = max(self.widths, default=0.0) * squeeze
        self.rect = QRectF(centre_x - widest / 2, top, widest, self.height) if self.lines else QRectF()

    def paint(self, painter: QPainter) -> None:
        painter.setFont(self.font)
        for position, line in zip(self.positions, self.lines, strict=True):
            if self.squeeze < 1.0:
                painter.save()
                painter.translate(position)
                painter.scale(self.squeeze, 1.0)
                painter.drawText(QPointF(0.0, 0.0), line)
                painter.restore()
            else:
                painter.drawText(position, line)


def fitted_label(box: QRectF, lines: tuple[str, ...], style: DiagramStyle) -> TextBlock:
    """The label in the largest font (down to a minimum) that fits ``box``, centred in it."""
    component_font = style.component_font
    block = TextBlock(lines, component_font(), box.center().x(), box.top())
    for pixel_size in range(COMPONENT_FONT_PX - 1, MIN_COMPONENT_FONT_PX - 1, -1):
        if not lines or (max(block.widths) <= box.width() and block.height <= box.height()):
            break
        block = TextBlock(lines, component_font(pixel_size), box.center().x(), box.top())
    widest = max(block.widths, default=0.0)
    squeeze = min(1.0, box.width() / widest) if widest > 0 else 1.0
    # Below the icon, never above the box's top, even when taller than the box.
    block.place(box.center().x(), box.top() + max(0.0, (box.height() - block.height) / 2), squeeze)
    return block
