"""Text laid out for the diagram: centred lines, and labels fitted to their boxes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from explorer.diagram.style import COMPONENT_FONT_PX, MIN_COMPONENT_FONT_PX, DiagramStyle

_MEASURES: dict[int, _Measure] = {}
"""By the font object's id: it is kept in its measure, so the id is never reused (``key()`` took 3 µs)."""
_MAX_WIDTHS = 20_000
"""Line widths remembered per font (edge labels repeat: "calls", "reads from"…)."""


class _Measure:
    """One font's metrics, and the widths of the lines measured in it so far.

    Labels are measured in a few fonts only (the style caches them), so
    thousands of items share a handful of these instead of a QFontMetricsF each.
    A font is changed by no one once made, so its metrics stay true.
    """

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.ascent = self.metrics.ascent()
        self.line_height = self.metrics.height()
        self.spacing = self.metrics.lineSpacing()
        self._widths: dict[str, float] = {}

    @classmethod
    def of(cls, font: QFont) -> _Measure:
        """The measure of ``font``, an object the style keeps (one per font a diagram uses)."""
        measure = _MEASURES.get(id(font))
        if measure is None:
            measure = _MEASURES[id(font)] = cls(font)
        return measure

    def width(self, line: str) -> float:
        width = self._widths.get(line)
        if width is None:
            width = self.metrics.horizontalAdvance(line)
            if len(self._widths) >= _MAX_WIDTHS:
                self._widths.clear()
            self._widths[line] = width
        return width

    def height(self, lines: int) -> float:
        return self.line_height + (lines - 1) * self.spacing if lines else 0.0


class TextBlock:
    """Lines of text centred on a vertical axis, laid out once and drawn as often as needed.

    ``squeeze`` (≤ 1) narrows the glyphs of lines too wide for their box at the
    smallest allowed font, so text is never clipped or elided. With ``flush_left``
    every line starts at the block's left edge (a label beside its icon).
    """

    def __init__(
        self,
        lines: list[str] | tuple[str, ...],
        font: QFont,
        centre_x: float,
        top: float,
        squeeze: float = 1.0,
        *,
        flush_left: bool = False,
    ) -> None:
        self.lines = tuple(lines)
        self.flush_left = flush_left
        self.font = font
        measure = _Measure.of(font)
        self.widths = [measure.width(line) for line in self.lines]
        self.height = measure.height(len(self.lines))
        self._ascent = measure.ascent
        self._spacing = measure.spacing
        self.place(centre_x, top, squeeze)

    def place(self, centre_x: float, top: float, squeeze: float = 1.0) -> None:
        self.squeeze = squeeze
        widest = max(self.widths, default=0.0) * squeeze
        self.positions = [
            QPointF(
                centre_x - (widest if self.flush_left else width * squeeze) / 2,
                top + self._ascent + index * self._spacing,
            )
            for index, width in enumerate(self.widths)
        ]
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


def fitted_label(
    box: QRectF, lines: tuple[str, ...], style: DiagramStyle, *, flush_left: bool = False
) -> TextBlock:
    """The label in the largest font (down to a minimum) that fits ``box``: centred in it, or
    with ``flush_left`` starting at its left edge (beside an icon, where a centred label
    would leave a gap after the icon)."""
    font = style.component_font()
    for pixel_size in range(COMPONENT_FONT_PX - 1, MIN_COMPONENT_FONT_PX - 1, -1):
        measure = _Measure.of(font)
        if not lines or (
            max(measure.width(line) for line in lines) <= box.width()
            and measure.height(len(lines)) <= box.height()
        ):
            break
        font = style.component_font(pixel_size)
    measure = _Measure.of(font)
    widest = max((measure.width(line) for line in lines), default=0.0)
    squeeze = min(1.0, box.width() / widest) if widest > 0 else 1.0
    # Below the icon, never above the box's top, even when taller than the box.
    top = box.top() + max(0.0, (box.height() - measure.height(len(lines))) / 2)
    centre_x = box.left() + widest * squeeze / 2 if flush_left else box.center().x()
    return TextBlock(lines, font, centre_x, top, squeeze, flush_left=flush_left)
