"""A PNG painted from the Qt-free SVG: the command line's raster export, without the diagram's scene.

Drawing through the scene (:mod:`explorer.export.render`) first makes the window's items, their
styles and the ``Qt`` namespace's enum types: about 50 ms of a command-line export before its
first pixel. The SVG writer's document (:mod:`explorer.export.svg_writer`), painted by Qt's own
SVG renderer onto the same kind of image with the same render hints
(:mod:`explorer.export.svg_paint`), needs none of it; its page and canvas are the scene export's,
and its pixels equal the scene's to within anti-aliasing (``tests/explorer/test_svg_raster.py``
compares every built-in at 1× and 2×). Text is DejaVu Sans for both: the document names it first,
and its layout was measured in it. This module imports no Qt: the drawing is made before Qt is
started (or, on Linux, while a helper process starts it: :mod:`explorer.export.png_fork`).

A rendered resvg (``resvg-py``) was measured too and not used: for ``containers-vs-vms`` at 1×
it took 124 ms to draw and encode against Qt's 34 ms to draw (its encoder alone ~30 ns a pixel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.export.options import ExportOptions
from explorer.export.page import INCHES_PER_METRE
from explorer.export.svg_writer import SvgDrawing, UnsupportedError, supports, svg_drawing
from explorer.layout.geometry import Layout
from models.architecture import Architecture

if TYPE_CHECKING:
    from PySide6.QtGui import QImage


def svg_png(architecture: Architecture, layout: Layout, options: ExportOptions) -> bytes | None:
    """The PNG file painted from the SVG writer's document, or None for an export the scene draws.

    A Qt application must be running (the fonts are Qt's); a ``QGuiApplication`` will do.

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    drawing = raster_drawing(architecture, layout, options)
    return None if drawing is None else png_of(drawing, options)


def raster_drawing(architecture: Architecture, layout: Layout, options: ExportOptions) -> SvgDrawing | None:
    """The SVG writer's drawing for a PNG export, or None for an export the scene draws (no Qt needed).

    Its PNG icons are named by their paths (Qt reads them when it paints the drawing: the same
    pixels as embedded ones, without their base64).
    """
    if options.format != "png" or not supports(options):
        return None
    try:
        return svg_drawing(architecture, layout, options, linked_icons=True)
    except UnsupportedError:
        return None


def canvas_of(drawing: SvgDrawing) -> tuple[int, int, int]:
    """The image a drawing is painted on: its width, height and dots per metre (no Qt needed)."""
    width, height = drawing.page.canvas
    return width, height, round(drawing.page.dpi * INCHES_PER_METRE)


def png_of(drawing: SvgDrawing, options: ExportOptions) -> bytes:
    """The PNG file of :func:`raster_drawing`'s drawing (a Qt application must be running).

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    from explorer.export.png_writer import encode_png

    return encode_png(paint_svg(drawing, opaque=options.background == "white"))


def paint_svg(drawing: SvgDrawing, *, opaque: bool) -> QImage:
    """The drawing's page as an image (no alpha channel when ``opaque``: the page is filled first).

    Raises:
        ExportTooLargeError: the image would exceed :data:`explorer.export.limits.MAX_PIXELS`.
    """
    from explorer.export.svg_paint import paint_document

    return paint_document(drawing.document, *canvas_of(drawing), opaque=opaque)
