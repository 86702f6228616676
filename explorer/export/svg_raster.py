"""A PNG painted from the Qt-free SVG: the command line's raster export, without the diagram's scene.

Drawing through the scene (:mod:`explorer.export.render`) first makes the window's items, their
styles and the ``Qt`` namespace's enum types: about 50 ms of a command-line export before its
first pixel. The SVG writer's document (:mod:`explorer.export.svg_writer`), painted by Qt's own
SVG renderer onto the same kind of image with the same render hints, needs none of it; its page
and canvas are the scene export's, and its pixels equal the scene's to within anti-aliasing
(``tests/explorer/test_svg_raster.py`` compares every built-in at 1× and 2×). Text is DejaVu Sans
for both: the document names it first, and its layout was measured in it.

A rendered resvg (``resvg-py``) was measured too and not used: for ``containers-vs-vms`` at 1×
it took 124 ms to draw and encode against Qt's 34 ms to draw (its encoder alone ~30 ns a pixel).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from explorer.export.limits import check_pixels
from explorer.export.options import ExportOptions
from explorer.export.page import INCHES_PER_METRE
from explorer.export.png_writer import encode_png
from explorer.export.svg_writer import SvgDrawing, UnsupportedError, supports, svg_drawing
from explorer.layout.geometry import Layout
from models.architecture import Architecture


def svg_png(architecture: Architecture, layout: Layout, options: ExportOptions) -> bytes | None:
    """The PNG file painted from the SVG writer's document, or None for an export the scene draws.

    A Qt application must be running (the fonts are Qt's); a ``QGuiApplication`` will do.

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    drawing = raster_drawing(architecture, layout, options)
    return None if drawing is None else png_of(drawing, options)


def raster_drawing(architecture: Architecture, layout: Layout, options: ExportOptions) -> SvgDrawing | None:
    """The SVG writer's drawing for a PNG export, or None for an export the scene draws (no Qt needed)."""
    if options.format != "png" or not supports(options):
        return None
    try:
        return svg_drawing(architecture, layout, options)
    except UnsupportedError:
        return None


def png_of(drawing: SvgDrawing, options: ExportOptions) -> bytes:
    """The PNG file of :func:`raster_drawing`'s drawing (a Qt application must be running).

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    return encode_png(paint_svg(drawing, opaque=options.background == "white"))


def paint_svg(drawing: SvgDrawing, *, opaque: bool) -> QImage:
    """The drawing's page as an image (no alpha channel when ``opaque``: the page is filled first).

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    width, height = drawing.page.canvas
    check_pixels(width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    _clear(image)
    dots_per_metre = round(drawing.page.dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    renderer = QSvgRenderer(QByteArray(drawing.document))
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
