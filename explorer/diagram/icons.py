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

from explorer.diagram import icon_store
from models.icons import diagrams_resources_dir

SVG_SOURCE_SIZE = 512
"""Vector icons are rasterised once at this size (their longer side)."""
PLATE_CONTRAST = 3.6
"""Icons under this contrast ratio with a backdrop get a light plate (WCAG asks 3:1 of graphics)."""
NAME_BAND = (0.72, 0.95)
"""Where, as fractions of the height, the Kubernetes icons print their name under the glyph."""
_TEXT_ICON_FOLDERS = ("k8s",)
"""Folders of ``diagrams`` icons that print the object's name (etcd, api, sched, svc…) in the icon."""


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of ``color`` (its alpha ignored)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def carries_text(path: Path) -> bool:
    """True for icons that print their object's name (the Kubernetes ones ``diagrams`` ships)."""
    resources = diagrams_resources_dir()
    if resources is None:
        return False
    try:
        relative = path.resolve().relative_to(resources)
    except ValueError:
        return False
    return bool(relative.parts) and relative.parts[0] in _TEXT_ICON_FOLDERS


def without_name_band(image: QImage) -> QImage:
    """``image`` with the name under its glyph painted over in the icon's own fill colour.

    Row by row through the band, everything between the first and last pixel of
    the fill colour (the heptagon's blue, sampled just above the band) takes that
    colour: the white letters go, the white rim outside stays.
    """
    result = image.convertToFormat(QImage.Format.Format_ARGB32)
    height, width = result.height(), result.width()
    top, bottom = (round(height * fraction) for fraction in NAME_BAND)
    fill = _fill_colour(result, top)
    if fill is None:
        return result
    for y in range(top, min(bottom, height)):
        inside = [x for x in range(width) if _close(result.pixelColor(x, y), fill)]
        if len(inside) >= 2:
            for x in range(inside[0], inside[-1] + 1):
                result.setPixelColor(x, y, fill)
    return result


def _scan_lines(size: int) -> list[list[tuple[int, int]]]:
    """A dozen lines across a ``size`` square, from each side inwards."""
    lines = []
    for step in range(1, 12):
        middle = size * step // 12
        row = [(x, middle) for x in range(size)]
        column = [(middle, y) for y in range(size)]
        lines += [row, row[::-1], column, column[::-1]]
    return lines


def _first_opaque(image: QImage, line: list[tuple[int, int]]) -> QColor | None:
    for x, y in line:
        pixel = image.pixelColor(x, y)
        if pixel.alphaF() > 0.5:
            return pixel
    return None


def _fill_colour(image: QImage, above: int) -> QColor | None:
    """The most saturated opaque colour at the left of the row just above the name band."""
    y = max(0, above - 2)
    best = None
    for x in range(image.width() // 2):
        pixel = image.pixelColor(x, y)
        if pixel.alpha() > 240 and (best is None or pixel.hsvSaturationF() > best.hsvSaturationF()):
            best = pixel
    return best if best is not None and best.hsvSaturationF() > 0.3 else None


def _close(first: QColor, second: QColor) -> bool:
    return (
        first.alpha() > 200
        and abs(first.red() - second.red())
        + abs(first.green() - second.green())
        + abs(first.blue() - second.blue())
        < 60
    )


class IconCache:
    """Pixmaps per icon file, with pre-shrunk copies for small sizes."""

    LEVELS = (32, 64, 128, 256)

    def __init__(self) -> None:
        self._sources: dict[Path, QPixmap] = {}
        self._levels: dict[tuple[Path, int], QPixmap] = {}
        self._icons: dict[Path, QIcon] = {}
        self._colors: dict[Path, QColor | None] = {}
        self._edges: dict[Path, QColor | None] = {}
        self._plates: dict[tuple[Path, tuple[int, ...]], bool] = {}
        self._variants: dict[int, QPixmap] = {}

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

    def draw(
        self, painter: QPainter, path: Path, rect: QRectF, lod: float, *, unlabelled: bool = False
    ) -> bool:
        """Draws the icon into ``rect`` from a copy sharp enough for the device; False if unreadable.

        ``unlabelled`` draws an icon that carries its name (see :func:`carries_text`) without it.
        """
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = self.pixmap(path, max(rect.width(), rect.height()) * lod * ratio)
        if pixmap.isNull():
            return False
        if unlabelled and carries_text(path):
            pixmap = self._unlabelled(pixmap)
        painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
        return True

    def edge_color(self, path: Path) -> QColor | None:
        """The mean colour where the icon begins, seen from each side: what meets its backdrop.

        A plate is needed when this rim (an outline, a tile's edge) fades into the page,
        whatever the inside looks like. None if the icon cannot be read or is empty.
        """
        if path not in self._edges:
            image = self.source(path).toImage()
            color = None
            if not image.isNull():
                sample = image.scaled(48, 48).convertToFormat(QImage.Format.Format_ARGB32)
                found = [
                    pixel for line in _scan_lines(48) if (pixel := _first_opaque(sample, line)) is not None
                ]
                if found:
                    parts = [
                        sum(getattr(c, part)() for c in found) / len(found)
                        for part in ("redF", "greenF", "blueF")
                    ]
                    color = QColor.fromRgbF(*parts)
            self._edges[path] = color
        return self._edges[path]

    def needs_plate(self, path: Path, backdrops: tuple[QColor, ...]) -> bool:
        """True when the icon is under :data:`PLATE_CONTRAST` against any of ``backdrops``."""
        key = (path, tuple(color.rgba() for color in backdrops))
        if key not in self._plates:
            ink = self.edge_color(path)
            self._plates[key] = ink is not None and any(
                contrast_ratio(ink, backdrop) < PLATE_CONTRAST for backdrop in backdrops
            )
        return self._plates[key]

    def _unlabelled(self, pixmap: QPixmap) -> QPixmap:
        variant = self._variants.get(pixmap.cacheKey())
        if variant is None:
            variant = self._variants[pixmap.cacheKey()] = QPixmap.fromImage(
                without_name_band(pixmap.toImage())
            )
        return variant

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
        self._edges.clear()
        self._plates.clear()
        self._variants.clear()


def _read(path: Path) -> QPixmap:
    stored = icon_store.load(path)
    if stored is not None:
        return QPixmap.fromImage(stored)
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
    if image.isNull():
        return QPixmap()
    icon_store.remember(path, image)
    return QPixmap.fromImage(image)


def fit_icon_rect(box: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle with the image's aspect ratio, centred in ``box``."""
    if width <= 0 or height <= 0 or width == height:
        side = min(box.width(), box.height())
        return QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    scale = min(box.width() / width, box.height() / height)
    fitted = QRectF(0, 0, width * scale, height * scale)
    fitted.moveCenter(box.center())
    return fitted


@cache
def icon_cache() -> IconCache:
    """The cache shared by every diagram (created on first use, once a QGuiApplication exists)."""
    return IconCache()


@cache
def icons_for(*, plates: bool) -> IconCache:
    """The icon cache of a style: the shared one, or one of its own for a style with backing plates.

    Kept apart so each style's plate decisions and variants are cached on their own.
    """
    return IconCache() if plates else icon_cache()
