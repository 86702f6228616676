"""The light diagram style as plain values, for the SVG writer (which must not import Qt).

Every value mirrors :data:`explorer.diagram.style.LIGHT` and the item code that
paints with it; ``tests/explorer/test_export_svg_writer.py`` checks each one
against the Qt style, so a change there fails until it is made here too.
"""

from __future__ import annotations

from typing import NamedTuple

# Sizes shared with explorer.diagram.style (scene units).
COMPONENT_FONT_PX = 14
MIN_COMPONENT_FONT_PX = 9
GROUP_FONT_PX = 13
EDGE_FONT_PX = 12
TITLE_PX = 22
CAPTION_PX = 13
HIGHLIGHT_RADIUS = 8.0
GROUP_RADIUS = 8.0
GROUP_TITLE_INSET = 10.0
TITLE_PLATE_PAD = 3.0
TITLE_PLATE_RADIUS = 2.0
EDGE_LABEL_PAD_X = 4.0
EDGE_LABEL_PAD_Y = 2.0
EDGE_LABEL_RADIUS = 3.0
# Levels of detail (device pixels per scene unit) under which a part is left out.
LOD_SIMPLE_ICON = 0.18
LOD_NO_LABEL = 0.2
LOD_NO_EDGE_LABEL = 0.3
LOD_NO_ARROW = 0.2


class SvgLook(NamedTuple):
    """Colours (``#rrggbb``, alpha 0–255 where translucent) and pen widths of one style."""

    background: str
    text: str
    muted_text: str
    edge: str
    group_border: str
    group_title: str
    group_fills: tuple[str, ...]
    placeholder_fill: str
    placeholder_border: str
    edge_label_alpha: int = 215
    group_pen: float = 1.0
    edge_pen: float = 1.3
    arrow_pen: float = 1.0
    dash: tuple[float, float] = (4.0, 2.0)
    """Qt's dashed line, in pen widths."""

    def group_fill(self, depth: int, fill: str = "") -> str:
        """The group's own ``#rrggbb`` fill when it has one, else the palette's for its depth."""
        if _is_hex_colour(fill):
            return fill.lower()
        return self.group_fills[max(depth, 0) % len(self.group_fills)]


def _is_hex_colour(value: str) -> bool:
    digits = value[1:]
    return (
        value.startswith("#") and len(digits) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in digits)
    )


LIGHT_LOOK = SvgLook(
    background="#ffffff",
    text="#1f2328",
    muted_text="#4a5560",
    edge="#7b8894",
    group_border="#aeb6be",
    group_title="#33414e",
    group_fills=("#e5f5fd", "#ebf3e7", "#ece8f6", "#fdf7e3"),
    placeholder_fill="#dde3e8",
    placeholder_border="#b8c2cb",
)
