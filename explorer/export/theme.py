"""The export's themes: light (white or transparent) and dark.

A theme names the page background, the title and caption colours and the
:class:`~explorer.diagram.style.DiagramStyle` the export's own scene is built with;
the items' ``paint`` code does all the drawing, in whichever style they were given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor

from explorer.diagram.style import DARK, LIGHT, DiagramStyle
from explorer.layout.geometry import Layout


@dataclass(frozen=True, eq=False)
class Theme:
    name: str
    background: QColor | None
    title: QColor
    caption: QColor
    style: DiagramStyle


def _theme(style: DiagramStyle) -> Theme:
    return Theme(style.name, style.background, style.text, style.muted_text, style)


LIGHT_THEME = _theme(LIGHT)
DARK_THEME = _theme(DARK)
_THEMES = {"white": LIGHT_THEME, "transparent": replace(LIGHT_THEME, background=None), "dark": DARK_THEME}


def theme_for(background: str) -> Theme:
    return _THEMES[background]


def themed_layout(layout: Layout, theme: Theme) -> Layout:
    """``layout`` with the fills ``theme`` draws: Graphviz's light fills give way to the dark palette."""
    if theme.name != "dark":
        return layout
    groups = {group_id: replace(box, fill="") for group_id, box in layout.groups.items()}
    return replace(layout, groups=groups)
