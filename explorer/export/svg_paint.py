"""An SVG document painted by Qt's own SVG renderer onto an image: the command-line PNG's pixels.

Kept apart from the code that builds the document (:mod:`explorer.export.svg_raster`) so that the
PNG helper process (:mod:`explorer.export.png_fork`) paints with exactly this function, importing
only Qt and it, and so writes the same bytes as a PNG painted in this process.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from explorer.export.limits import check_pixels


def paint_document(document: bytes, width: int, height: int, dots_per_metre: int, *, opaque: bool) -> QImage:
    """``document`` painted onto a ``width`` × ``height`` image of that resolution (no alpha channel
    when ``opaque``: the page is filled first). A Qt application must be running (the fonts are Qt's).

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    check_pixels(width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    _clear(image)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    renderer = QSvgRenderer(QByteArray(document))
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        renderer.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    if opaque:
        image.reinterpretAsFormat(QImage.Format.Format_RGB32)
    return image


def set_up_fonts() -> None:
    """Makes Qt set up its fonts as the first text painted would (fontconfig, the font database,
    the document's font): ~5 ms of a first paint, spent earlier where that time would go idle."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from explorer.export.text_metrics import FAMILY

    QFontMetricsF(QFont(FAMILY)).height()


def _clear(image: QImage) -> None:
    """Every byte of ``image`` zero (transparent), as ``image.fill(0)`` makes it.

    Not ``fill`` itself: the first call of it makes PySide build the ``Qt`` namespace's enum
    types to choose between its overloads (~15 ms), which nothing else of this export needs.
    """
    pixels = memoryview(image.bits())
    if pixels.readonly:  # a copy, not the image's own bytes (no PySide6 6.x hands one)
        image.fill(0)
        return
    zeros = memoryview(bytes(min(len(pixels), 1 << 20)))
    for start in range(0, len(pixels), len(zeros)):
        end = min(start + len(zeros), len(pixels))
        pixels[start:end] = zeros[: end - start]
