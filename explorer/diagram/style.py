"""How the diagram looks: a frozen :class:`DiagramStyle` (colours, pens, fonts, text scale)
handed to the scene and its items, and the sizes and levels of detail every style shares.

A style is a value: the window and a light export draw with :data:`LIGHT`, a dark
export with :data:`DARK`, side by side, with no module state to swap (napari's theme
registry is the model). Each style has its own icon cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from explorer.diagram.icons import IconCache, icons_for

# Opacities for what a selection leaves out: strong for a component, softer for a group.
DIM_COMPONENT = 0.25
DIM_EDGE = 0.2
DIM_GROUP = 0.55
DIM_SOFT = 0.45

# Level of detail (scale from item to device) under which details are dropped: below
# 0.18 an icon is under 13 px and unrecognisable, below 0.2 a label is under 3 px
# (text thresholds are compared with the level of detail times the text scale).
LOD_SIMPLE_ICON = 0.18
LOD_NO_LABEL = 0.2
LOD_NO_EDGE_LABEL = 0.3
LOD_NO_ARROW = 0.2
"""Below this an arrowhead is a pixel or two: not drawn (emphasised ones still are)."""
LOD_ALIASED_DRAFT = 0.3
"""Below this, edges drawn while the view moves skip antialiasing (thousands are in view)."""

# The same sizes Graphviz lays the labels out with (explorer.layout.labels), in scene units.
COMPONENT_FONT_PX = 14
MIN_COMPONENT_FONT_PX = 9
GROUP_FONT_PX = 13
EDGE_FONT_PX = 12
PLATE_PAD = 3.0
"""How far an icon's backing plate reaches beyond the icon."""

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
Z_GROUP_TITLE = 150.0
"""Group titles sit above relation lines (on a plate of their group's colour), below components."""
Z_COMPONENT = 200.0


def _alpha(color: QColor, alpha: int) -> QColor:
    translucent = QColor(color)
    translucent.setAlpha(alpha)
    return translucent


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    return QPen(color, width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def _flat_pen(color: QColor, width: float) -> QPen:
    return QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)


@dataclass(frozen=True, eq=False)
class DiagramStyle:
    """The look of one diagram; pens, brushes and fonts are derived once, on first use.

    ``text_scale`` multiplies every font size (slides want larger text; the layout
    must have been made with the same scale). ``icon_plate``, when set, is drawn
    behind every icon with too little contrast against the group fills and the
    background (dark outline icons on a dark page).
    """

    name: str
    background: QColor
    accent: QColor
    text: QColor
    muted_text: QColor
    edge: QColor
    group_border: QColor
    group_title: QColor
    group_fills: tuple[QColor, ...]
    marker: QColor
    focus_ring: QColor
    placeholder_fill: QColor
    placeholder_border: QColor
    text_scale: float = 1.0
    icon_plate: QColor | None = None
    _fonts: dict[tuple[str, int], QFont] = field(default_factory=dict, repr=False, compare=False)

    def with_text_scale(self, text_scale: float) -> DiagramStyle:
        return replace(self, text_scale=text_scale, _fonts={})

    @cached_property
    def icons(self) -> IconCache:
        """The icon cache this style draws with."""
        return icons_for(plates=self.icon_plate is not None)

    @cached_property
    def plate_backdrops(self) -> tuple[QColor, ...]:
        """What an icon may stand on: the page and every group fill."""
        return (self.background, *self.group_fills)

    def needs_plate(self, icon_path: Path) -> bool:
        return self.icon_plate is not None and self.icons.needs_plate(icon_path, self.plate_backdrops)

    # Colours and pens made from the palette.

    @cached_property
    def halo_fill(self) -> QColor:
        return _alpha(self.accent, 34)

    @cached_property
    def hover_fill(self) -> QColor:
        return _alpha(self.accent, 18)

    @cached_property
    def edge_label_background(self) -> QColor:
        return _alpha(self.background, 215)

    @cached_property
    def text_pen(self) -> QPen:
        return _pen(self.text, 1.0)

    @cached_property
    def muted_text_pen(self) -> QPen:
        return _pen(self.muted_text, 1.0)

    @cached_property
    def group_title_pen(self) -> QPen:
        return _pen(self.group_title, 1.0)

    @cached_property
    def group_border_pen(self) -> QPen:
        return _pen(self.group_border, 1.0)

    @cached_property
    def group_logical_pen(self) -> QPen:
        """A logical grouping (membership, not a place): dashed, in the title colour."""
        return _pen(self.group_title, 1.0, Qt.PenStyle.DashLine)

    @cached_property
    def group_selected_pen(self) -> QPen:
        return _pen(self.accent, 2.5)

    @cached_property
    def edge_pen(self) -> QPen:
        return _pen(self.edge, 1.3)

    @cached_property
    def edge_draft_pen(self) -> QPen:
        pen = _pen(self.edge, 1.0)
        pen.setCosmetic(True)
        return pen

    @cached_property
    def edge_emphasised_pen(self) -> QPen:
        return _pen(self.accent, 2.2)

    @cached_property
    def arrow_pen(self) -> QPen:
        return _flat_pen(self.edge, 1.0)

    @cached_property
    def arrow_emphasised_pen(self) -> QPen:
        return _flat_pen(self.accent, 1.0)

    @cached_property
    def halo_pen(self) -> QPen:
        return _pen(self.accent, 2.0)

    @cached_property
    def focus_pen(self) -> QPen:
        return QPen(
            self.focus_ring, 1.3, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin
        )

    @cached_property
    def marker_pen(self) -> QPen:
        return _pen(self.marker, 2.0)

    @cached_property
    def placeholder_pen(self) -> QPen:
        return _pen(self.placeholder_border, 1.0)

    @cached_property
    def placeholder_brush(self) -> QBrush:
        return QBrush(self.placeholder_fill, Qt.BrushStyle.SolidPattern)

    def group_fill(self, depth: int, fill: str = "") -> QColor:
        """The group's own ``fill`` when it is a valid colour, else the palette colour for its depth."""
        if fill:
            color = QColor(fill)
            if color.isValid():
                return color
        return self.group_fills[max(depth, 0) % len(self.group_fills)]

    # Fonts, sized in pixels so one scene unit is one point on every device.

    def component_font(self, pixel_size: int = COMPONENT_FONT_PX) -> QFont:
        return self._font("component", pixel_size)

    def group_font(self) -> QFont:
        return self._font("group", GROUP_FONT_PX)

    def edge_font(self) -> QFont:
        return self._font("edge", EDGE_FONT_PX)

    def _font(self, kind: str, pixel_size: int) -> QFont:
        font = self._fonts.get((kind, pixel_size))
        if font is None:
            font = QFont()
            font.setPixelSize(max(1, round(pixel_size * self.text_scale)))
            font.setBold(kind == "group")
            self._fonts[(kind, pixel_size)] = font
        return font


LIGHT = DiagramStyle(
    name="light",
    background=QColor("#FFFFFF"),
    accent=QColor("#1F6FEB"),
    text=QColor("#1F2328"),
    muted_text=QColor("#4A5560"),
    edge=QColor("#7B8894"),
    group_border=QColor("#AEB6BE"),
    group_title=QColor("#33414E"),
    group_fills=(QColor("#E5F5FD"), QColor("#EBF3E7"), QColor("#ECE8F6"), QColor("#FDF7E3")),
    marker=QColor("#D9822B"),
    focus_ring=QColor("#2B3137"),
    placeholder_fill=QColor("#DDE3E8"),
    placeholder_border=QColor("#B8C2CB"),
)
"""The window's style, and that of white and transparent exports."""


DARK = DiagramStyle(
    name="dark",
    background=QColor("#161B22"),
    accent=QColor("#58A6FF"),
    text=QColor("#E6EDF3"),
    muted_text=QColor("#C9D1D9"),
    edge=QColor("#A3B1BF"),
    group_border=QColor("#7D8B99"),
    group_title=QColor("#D8DEE4"),
    # Dark tints of the light fills' hues, kept apart from each other and far from the lines.
    group_fills=(QColor("#1C2A38"), QColor("#1E2B22"), QColor("#272338"), QColor("#2D2A1C")),
    marker=QColor("#F0883E"),
    focus_ring=QColor("#E6EDF3"),
    placeholder_fill=QColor("#3A444E"),
    placeholder_border=QColor("#7D8B99"),
    icon_plate=QColor("#E9EEF3"),
)
"""Dark exports: lines and text at 3:1 or more against every fill, low-contrast icons on light plates."""
