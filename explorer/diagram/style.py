"""Colours, pens, fonts, sizes and text layout of the diagram, kept in one place."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

BACKGROUND = QColor("#FFFFFF")
ACCENT = QColor("#1F6FEB")
TEXT = QColor("#1F2328")
MUTED_TEXT = QColor("#4A5560")
EDGE = QColor("#7B8894")
GROUP_BORDER = QColor("#AEB6BE")
GROUP_TITLE = QColor("#33414E")
GROUP_FILLS = (QColor("#E5F5FD"), QColor("#EBF3E7"), QColor("#ECE8F6"), QColor("#FDF7E3"))
MARKER = QColor("#D9822B")
FOCUS_RING = QColor("#2B3137")
PLACEHOLDER_FILL = QColor("#DDE3E8")
PLACEHOLDER_BORDER = QColor("#B8C2CB")


def _alpha(color: QColor, alpha: int) -> QColor:
    translucent = QColor(color)
    translucent.setAlpha(alpha)
    return translucent


HALO_FILL = _alpha(ACCENT, 34)
HOVER_FILL = _alpha(ACCENT, 18)
EDGE_LABEL_BACKGROUND = _alpha(BACKGROUND, 215)

# Opacities for what a selection leaves out: strong for a component, softer for a group.
DIM_COMPONENT = 0.25
DIM_EDGE = 0.2
DIM_GROUP = 0.55
DIM_SOFT = 0.45

# Level of detail (scale from item to device) under which details are dropped: below
# 0.18 an icon is under 13 px and unrecognisable, below 0.2 a label is under 2.5 px.
LOD_SIMPLE_ICON = 0.18
LOD_NO_LABEL = 0.2
LOD_NO_EDGE_LABEL = 0.3
LOD_NO_ARROW = 0.2
"""Below this an arrowhead is a pixel or two: not drawn (emphasised ones still are)."""
LOD_ALIASED_DRAFT = 0.3
"""Below this, edges drawn while the view moves skip antialiasing (thousands are in view)."""

COMPONENT_FONT_PX = 11
MIN_COMPONENT_FONT_PX = 8
GROUP_FONT_PX = 11
EDGE_FONT_PX = 10

HALO_MARGIN = 5.0
FOCUS_MARGIN = 9.0
ITEM_MARGIN = 12.0
"""How far a component's painting may reach beyond its icon and label."""
HIGHLIGHT_RADIUS = 8.0
GROUP_RADIUS = 8.0
GROUP_TITLE_INSET = 10.0
MARKER_RADIUS = 5.5
EDGE_HIT_WIDTH = 8.0

Z_GROUP = 0.0
Z_EDGE = 100.0
Z_EDGE_EMPHASISED = 110.0
Z_COMPONENT = 200.0


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    return QPen(color, width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


TEXT_PEN = _pen(TEXT, 1.0)
MUTED_TEXT_PEN = _pen(MUTED_TEXT, 1.0)
GROUP_TITLE_PEN = _pen(GROUP_TITLE, 1.0)
GROUP_BORDER_PEN = _pen(GROUP_BORDER, 1.0)
GROUP_SELECTED_PEN = _pen(ACCENT, 2.5)
EDGE_PEN = _pen(EDGE, 1.3)
EDGE_DRAFT_PEN = _pen(EDGE, 1.0)
EDGE_DRAFT_PEN.setCosmetic(True)
EDGE_EMPHASISED_PEN = _pen(ACCENT, 2.2)
ARROW_PEN = QPen(EDGE, 1.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)
ARROW_EMPHASISED_PEN = QPen(
    ACCENT, 1.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin
)
HALO_PEN = _pen(ACCENT, 2.0)
FOCUS_PEN = QPen(FOCUS_RING, 1.3, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
MARKER_PEN = _pen(MARKER, 2.0)
PLACEHOLDER_PEN = _pen(PLACEHOLDER_BORDER, 1.0)
PLACEHOLDER_BRUSH = QBrush(PLACEHOLDER_FILL)


def group_fill(depth: int, fill: str = "") -> QColor:
    """The group's own ``fill`` when it is a valid colour, else the palette colour for its depth."""
    if fill:
        color = QColor(fill)
        if color.isValid():
            return color
    return GROUP_FILLS[max(depth, 0) % len(GROUP_FILLS)]


@cache
def component_font(pixel_size: int = COMPONENT_FONT_PX) -> QFont:
    """Label font; sized in pixels so one scene unit is one point on every device."""
    font = QFont()
    font.setPixelSize(pixel_size)
    return font


@cache
def group_font() -> QFont:
    font = QFont()
    font.setPixelSize(GROUP_FONT_PX)
    font.setBold(True)
    return font


@cache
def edge_font() -> QFont:
    font = QFont()
    font.setPixelSize(EDGE_FONT_PX)
    return font


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


def fitted_label(box: QRectF, lines: tuple[str, ...]) -> TextBlock:
    """The label in the largest font (down to a minimum) that fits ``box``, centred in it."""
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
