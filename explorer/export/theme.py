"""The export's themes: light (white or transparent) and dark.

The diagram scene has no theme of its own, so the dark theme swaps the diagram
palette in :mod:`explorer.diagram.style` (and the icon cache the items use)
for adapted copies while an export scene is built and painted. The items' own
``paint`` code still does all the drawing: there is no second drawing path.
Painting is synchronous on the GUI thread, so the window never paints mid-swap.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap

from explorer.diagram import items, style
from explorer.diagram.icons import IconCache, icon_cache
from explorer.layout.geometry import Layout


def dark_variant(color: QColor) -> QColor:
    """``color`` for a dark background: light fills go dark, dark ink goes light, hue and alpha stay."""
    hue, saturation, lightness, alpha = color.getHslF()
    if 0.4 <= lightness <= 0.6:
        lightness = min(1.0, lightness + 0.12)  # accent and edges: a little brighter
    else:
        if lightness > 0.85:
            saturation *= 0.45  # pastel fills would turn into loud dark colours
        lightness = 0.93 - 0.8 * lightness
    return QColor.fromHslF(max(hue, 0.0), saturation, lightness, alpha)


@dataclass(frozen=True)
class Theme:
    name: str
    background: QColor | None
    title: QColor
    caption: QColor


LIGHT = Theme("light", QColor(style.BACKGROUND), QColor(style.TEXT), QColor(style.MUTED_TEXT))
DARK = Theme("dark", *(dark_variant(c) for c in (style.BACKGROUND, style.TEXT, style.MUTED_TEXT)))
_THEMES = {"white": LIGHT, "transparent": replace(LIGHT, background=None), "dark": DARK}
_active_palette = ["light"]


def theme_for(background: str) -> Theme:
    return _THEMES[background]


class _DarkIcons(IconCache):
    """The shared icon cache, but dark grey line art (a server rack, containerd) comes out light."""

    def __init__(self, shared: IconCache) -> None:
        super().__init__()
        self._shared = shared
        self._dark: dict[Path, bool] = {}
        self._inverted: dict[int, QPixmap] = {}

    def source(self, path: Path) -> QPixmap:
        return self._shared.source(path)

    def pixmap(self, path: Path, device_size: float) -> QPixmap:
        pixmap = self._shared.pixmap(path, device_size)
        if not self._is_dark_line_art(path):
            return pixmap
        inverted = self._inverted.get(pixmap.cacheKey())
        if inverted is None:
            image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
            image.invertPixels(QImage.InvertMode.InvertRgb)
            inverted = self._inverted[pixmap.cacheKey()] = QPixmap.fromImage(image)
        return inverted

    def _is_dark_line_art(self, path: Path) -> bool:
        if path not in self._dark:
            sample = self.source(path).toImage().scaled(32, 32)
            colors = [sample.pixelColor(x, y) for x in range(32) for y in range(32)]
            opaque = [color for color in colors if color.alphaF() > 0.5]
            self._dark[path] = bool(opaque) and all(
                sum(getattr(c, part)() for c in opaque) / len(opaque) < limit
                for part, limit in (("lightnessF", 0.25), ("hslSaturationF", 0.3))
            )
        return self._dark[path]


_dark_icons: list[_DarkIcons] = []


@contextmanager
def palette(theme: Theme) -> Iterator[None]:
    """Within the block, the diagram style's colours and pens (and dark icons) suit ``theme``."""
    if theme.name == "light" or _active_palette[-1] == theme.name:
        yield
        return
    saved: dict[str, object] = {}
    for name, value in vars(style).items():
        swapped = _swap(value) if name.isupper() else None
        if swapped is not None:
            saved[name] = value
            setattr(style, name, swapped)
    if not _dark_icons:
        _dark_icons.append(_DarkIcons(icon_cache()))
    saved_icons = items.icon_cache
    items.icon_cache = lambda: _dark_icons[0]  # type: ignore[assignment]
    _active_palette.append(theme.name)
    try:
        yield
    finally:
        _active_palette.pop()
        items.icon_cache = saved_icons
        for name, value in saved.items():
            setattr(style, name, value)


def _swap(value: object) -> object | None:
    if isinstance(value, QColor):
        return dark_variant(value)
    if isinstance(value, QPen | QBrush):
        copy = type(value)(value)
        copy.setColor(dark_variant(value.color()))
        return copy
    if isinstance(value, tuple) and value and all(isinstance(item, QColor) for item in value):
        return tuple(dark_variant(item) for item in value)
    return None


def themed_layout(layout: Layout, theme: Theme) -> Layout:
    """``layout`` with its group fills adapted to ``theme`` (the fills come from Graphviz)."""
    if theme.name != "dark":
        return layout
    groups = {
        group_id: replace(box, fill=dark_variant(QColor(box.fill)).name())
        if QColor(box.fill).isValid()
        else box
        for group_id, box in layout.groups.items()
    }
    return replace(layout, groups=groups)
