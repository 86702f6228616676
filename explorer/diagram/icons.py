"""Component icons as pixmaps and QIcons, each file read once and shared.

Icons are drawn through the painter's transform so they stay crisp at every
zoom. Shrinking a 256-pixel image to 40 pixels in one bilinear step aliases,
so each icon also keeps a few smaller copies, made once with a proper
(area-averaging) filter; painting picks the smallest copy at least as large as
the icon will be on the device.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPixmap

SVG_SOURCE_SIZE = 512
"""Vector icons are rasterised once at this size (their longer side)."""


class IconCache:
    """Pixmaps per icon file, with pre-shrunk copies for small sizes."""

    LEVELS = (32, 64, 128, 256)

    def __init__(self) -> None:
        self._sources: dict[Path, QPixmap] = {}
        self._levels: dict[tuple[Path, int], QPixmap] = {}
        self._icons: dict[Path, QIcon] = {}
        self._colors: dict[Path, QColor | None] = {}

    def source(self, path: Path) -> QPixmap:
        """The full-resolution pixmap for ``path``; null if the file cannot be read."""
        pixmap = self._sources.get(path)
        if pixmap is None:
            pixmap = _read(path)
            self._sources[path] = pixmap
        return pixmap

    def pixmap(self, path: Path, device_size: float) -> QPixmap:
        """The smallest copy of ``path`` whose longer side is at least ``device_size`` pixels."""
        source = self.source(path)
        longest = max(source.width(), source.height())
        for level in self.LEVELS:
            if level >= device_size and level < longest:
                key = (path, level)
                scaled = self._levels.get(key)
                if scaled is None:
                    scaled = source.scaled(
                        level,
                        level,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                    self._levels[key] = scaled
                return scaled
        return source

    def draw(self, painter: QPainter, path: Path, rect: QRectF, lod: float) -> bool:
        """Draws the icon into ``rect`` from a copy sharp enough for the device; False if unreadable."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = self.pixmap(path, max(rect.width(), rect.height()) * lod * ratio)
        if pixmap.isNull():
            return False
        painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
        return True

    def average_color(self, path: Path) -> QColor | None:
        """The icon's mean colour (weighted by opacity), for drawing it as a plain shape when tiny."""
        if path not in self._colors:
            source = self.source(path)
            color = None
            if not source.isNull():
                color = (
                    source.toImage()
                    .scaled(
                        1, 1, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                    .pixelColor(0, 0)
                )
                color.setAlpha(170)
            self._colors[path] = color
        return self._colors[path]

    def icon(self, path: Path) -> QIcon:
        """A QIcon for lists, menus and tool buttons."""
        icon = self._icons.get(path)
        if icon is None:
            icon = QIcon(self.source(path))
            self._icons[path] = icon
        return icon

    def clear(self) -> None:
        self._sources.clear()
        self._levels.clear()
        self._icons.clear()
        self._colors.clear()


def _read(path: Path) -> QPixmap:
    reader = QImageReader(str(path))
    if path.suffix.lower() == ".svg":
        size = reader.size()
        if size.isValid() and not size.isEmpty():
            reader.setScaledSize(
                size.scaled(SVG_SOURCE_SIZE, SVG_SOURCE_SIZE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        else:
            reader.setScaledSize(QSize(SVG_SOURCE_SIZE, SVG_SOURCE_SIZE))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def fit_icon_rect(box: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle with the image's aspect ratio, centred in ``box``."""
    if width <= 0 or height <= 0 or width == height:
        side = min(box.width(), box.height())
        return QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    scale = min(box.width() / width, box.height() / height)
    fitted = QRectF(0, 0, width * scale, height * scale)
    fitted.moveCenter(box.center())
    return fitted


class LightLineArtIcons(IconCache):
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


@cache
def icon_cache() -> IconCache:
    """The cache shared by every diagram (created on first use, once a QGuiApplication exists)."""
    return IconCache()


@cache
def icons_for(*, light_line_art: bool) -> IconCache:
    """The icon cache of a style: the shared one, or a view of it with dark line art made light."""
    return LightLineArtIcons(icon_cache()) if light_line_art else icon_cache()
