"""Rendering the diagram scene to a PNG image, SVG or PDF for slides.

Every format paints the same :class:`DiagramScene` as the window (built from the
same model and layout) through ``QGraphicsScene.render`` onto a page: title
above, diagram, caption below, all inside the margin, optionally centred on a
16:9 slide. Raster output is drawn at the target resolution through a scaled
painter (icons come from their full-resolution pixmaps), never upscaled.

The dark background is drawn by the same items, built with the dark
:class:`~explorer.diagram.style.DiagramStyle` (:mod:`explorer.export.theme`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem

from explorer.diagram.qt_values import qrect
from explorer.diagram.scene import DiagramScene
from explorer.export.limits import check_pixels
from explorer.export.options import ExportOptions
from explorer.export.page import INCHES_PER_METRE, page_for
from explorer.export.png_writer import encode_png
from explorer.export.svg_look import CAPTION_PX, TITLE_PX
from explorer.export.theme import theme_for, themed_layout
from explorer.layout.geometry import Layout, Point, Rect
from models.architecture import Architecture

PDF_RESOLUTION = 1200
"""Device units per inch of the PDF writer; only rounding depends on it, the output is vector."""
_TEXT_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)


# Scene -------------------------------------------------------------------------


def create_scene(architecture: Architecture, layout: Layout, options: ExportOptions) -> DiagramScene:
    """A fresh scene for ``architecture`` in the theme the options' background asks for.

    Fresh, so the window's hover, focus ring and item caches stay out of the export.
    """
    theme = theme_for(options.background)
    scale = options.text_scale or 1.0
    diagram_style = theme.style if scale == theme.style.text_scale else theme.style.with_text_scale(scale)
    scene = DiagramScene(architecture, themed_layout(layout, theme), diagram_style=diagram_style)
    scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
    scene.set_edge_labels_visible(options.edge_labels is not False)
    for item in scene.items():
        # A cached item reaches SVG and PDF as a bitmap; uncached it stays vector.
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    apply_selection(scene, options)
    return scene


def apply_selection(scene: DiagramScene, options: ExportOptions) -> None:
    """Shows ``options.highlighted`` selected (or nothing), without emitting signals."""
    scene.select_element(options.highlighted, emit=False)
    scene.set_selection_highlight_visible(True)


def ink_rect(scene: DiagramScene) -> QRectF:
    """What the diagram paints, tightly: the union of what each item says it inks."""
    rect = QRectF()
    for inked in (scene.group_items(), scene.component_items(), scene.edge_items()):
        for item in inked:
            rect = rect.united(item.ink_rect())
    return rect if not rect.isEmpty() else scene.diagram_rect()


# Page geometry -----------------------------------------------------------------


def text_font(*, title: bool, scale: float = 1.0) -> QFont:
    """The title's or caption's font; ``scale`` is the diagram's text scale, so a slide laid out
    with larger labels gets a title to match."""
    font = QFont()
    font.setPixelSize(max(1, round((TITLE_PX if title else CAPTION_PX) * scale)))
    font.setBold(title)
    # Unhinted, so text measured at 1× wraps the same way at 4× and in vector output.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass(frozen=True)
class Frame:
    """Where everything goes: a page in diagram units, mapped onto a canvas of pixels.

    ``transform`` maps page coordinates to canvas pixels; ``source`` (scene
    coordinates) is drawn into ``diagram`` (page coordinates).
    """

    canvas: QSize
    dpi: float
    transform: QTransform
    page: QSizeF
    source: QRectF
    diagram: QRectF
    title_rect: QRectF | None = None
    caption_rect: QRectF | None = None
    text_scale: float = 1.0

    def to_canvas(self, scene_point: QPointF) -> QPointF:
        """Where a scene point lands on the canvas, in pixels."""
        page_point = scene_point - self.source.topLeft() + self.diagram.topLeft()
        return self.transform.map(page_point)

    def fitted(self, width: int, height: int) -> Frame:
        """The same frame shrunk (never grown) to fit ``width`` × ``height`` pixels."""
        factor = min(1.0, width / self.canvas.width(), height / self.canvas.height())
        canvas = QSize(
            max(1, round(self.canvas.width() * factor)), max(1, round(self.canvas.height() * factor))
        )
        return replace(
            self,
            canvas=canvas,
            dpi=self.dpi * factor,
            transform=self.transform * QTransform.fromScale(factor, factor),
        )


def compute_frame(scene: DiagramScene, options: ExportOptions) -> Frame:
    """Lays out the page for ``scene`` (:func:`explorer.export.page.page_for`) and maps it onto the canvas."""
    scale = scene.diagram_style.text_scale
    page = page_for(_rect(ink_rect(scene)), options, _QtText(scale))
    if page.shift == Point(0.0, 0.0):
        transform = QTransform.fromScale(page.factor, page.factor)
    else:
        transform = QTransform.fromTranslate(page.shift.x, page.shift.y).scale(page.factor, page.factor)
    return Frame(
        QSize(*page.canvas),
        page.dpi,
        transform,
        QSizeF(*page.size),
        qrect(page.source),
        qrect(page.diagram),
        qrect(page.title) if page.title is not None else None,
        qrect(page.caption) if page.caption is not None else None,
        scale,
    )


def _rect(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


class _QtText:
    """The title and caption measured as Qt prints them (see :class:`explorer.export.page.TextMeasure`)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def natural_width(self, text: str, *, title: bool) -> float:
        metrics = QFontMetricsF(text_font(title=title, scale=self.scale))
        return max(metrics.horizontalAdvance(line) for line in text.splitlines())

    def wrapped_height(self, text: str, width: float, *, title: bool) -> float:
        metrics = QFontMetricsF(text_font(title=title, scale=self.scale))
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), _TEXT_FLAGS, text).height()

    def title_blank(self) -> float:
        metrics = QFontMetricsF(text_font(title=True, scale=self.scale))
        return max(0.0, metrics.ascent() - metrics.capHeight())


# Output ------------------------------------------------------------------------


def render_image(scene: DiagramScene, options: ExportOptions, fit: QSize | None = None) -> QImage:
    """The export as an image (alpha only on a transparent page); ``fit`` shrinks it into a box (previews)."""
    frame = compute_frame(scene, options)
    if fit is not None:
        frame = frame.fitted(fit.width(), fit.height())
    check_pixels(frame.canvas.width(), frame.canvas.height())
    image = QImage(frame.canvas, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    dots_per_metre = round(frame.dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        _paint(painter, scene, frame, options)
    finally:
        painter.end()
    declare_opaque(image, options)
    return image


def declare_opaque(image: QImage, options: ExportOptions) -> None:
    """Marks a page painted on an opaque background as having no alpha channel (no copy is made).

    The background is filled first, so every pixel is opaque; the PNG is then written as RGB.
    """
    if theme_for(options.background).background is not None:
        image.reinterpretAsFormat(QImage.Format.Format_RGB32)


def render_svg(scene: DiagramScene, options: ExportOptions) -> bytes:
    """A self-contained SVG document of the scene: from the Qt-free writer where it draws the
    options (:mod:`explorer.export.svg_writer`), else painted (see :func:`svg_document`)."""
    from explorer.export.svg_writer import qt_free_svg

    svg = qt_free_svg(scene.architecture, scene.layout, options.with_changes(format="svg"))
    if svg is not None:
        return svg
    frame = compute_frame(scene, options)
    return svg_document(
        frame,
        options.title.strip() or scene.architecture.title,
        options.caption.strip() or scene.architecture.summary,
        lambda painter: _paint(painter, scene, frame, options),
    )


def svg_document(frame: Frame, title: str, description: str, paint: Callable[[QPainter], None]) -> bytes:
    """What ``paint`` draws as a self-contained SVG the size of ``frame``'s canvas.

    Qt embeds icons as ``data:`` URIs; a reference to anything outside the file is an error.
    """
    from PySide6.QtSvg import QSvgGenerator  # only the dark, selected and walkthrough SVGs need it

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(frame.canvas)
    generator.setViewBox(QRectF(0, 0, frame.canvas.width(), frame.canvas.height()))
    generator.setResolution(round(frame.dpi))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    try:
        paint(painter)
    finally:
        painter.end()
    buffer.close()
    svg = bytes(data.data())
    outside = external_references(svg)
    if outside:
        raise RuntimeError(f"the SVG refers to files outside itself: {', '.join(sorted(outside)[:3])}")
    return svg


_REFERENCE = re.compile(rb"""(?:href\s*=\s*["']([^"']*)["'])|(?:url\(\s*["']?([^)"']*))""")


def external_references(svg: bytes) -> set[str]:
    """Every ``href``/``url(…)`` target that is neither a ``data:`` URI nor a ``#`` fragment."""
    found = set()
    for match in _REFERENCE.finditer(svg):
        target = (match.group(1) or match.group(2) or b"").strip()
        if not (target.startswith(b"data:") or target.startswith(b"#")):
            found.add(target.decode("utf-8", "replace"))
    return found


def render_pdf(scene: DiagramScene, options: ExportOptions) -> bytes:
    """A one-page vector PDF; the page is the canvas at the PNG's resolution."""
    frame = compute_frame(scene, options)
    title = options.title.strip() or scene.architecture.title
    return pdf_pages(frame, title, [lambda painter: _paint(painter, scene, frame, options)])


def pdf_pages(frame: Frame, title: str, pages: Sequence[Callable[[QPainter], None]]) -> bytes:
    """A vector PDF of ``pages`` (each paints one page), every page the size of ``frame``'s canvas."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Architecture Explorer")
    points = QSizeF(frame.canvas.width() * 72 / frame.dpi, frame.canvas.height() * 72 / frame.dpi)
    page_size = QPageSize(points, QPageSize.Unit.Point, "Diagram", QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(
        QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(), QPageLayout.Unit.Point)
    )
    painter = QPainter(writer)
    try:
        painter.scale(PDF_RESOLUTION / frame.dpi, PDF_RESOLUTION / frame.dpi)
        for index, paint_page in enumerate(pages):
            if index:
                writer.newPage()
            paint_page(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_bytes(scene: DiagramScene, options: ExportOptions) -> bytes:
    """The file contents for ``options.format``."""
    if options.format == "svg":
        return render_svg(scene, options)
    if options.format == "pdf":
        return render_pdf(scene, options)
    return encode_png(render_image(scene, options))


def render_architecture(architecture: Architecture, layout: Layout, options: ExportOptions) -> bytes:
    """Model and layout to file contents, through a scene made for this export (an SVG without one,
    where the Qt-free writer draws it)."""
    if options.format == "svg":
        from explorer.export.svg_writer import qt_free_svg

        svg = qt_free_svg(architecture, layout, options)
        if svg is not None:
            return svg
    return render_bytes(create_scene(architecture, layout, options), options)


def _paint(painter: QPainter, scene: DiagramScene, frame: Frame, options: ExportOptions) -> None:
    theme = theme_for(options.background)
    if scene.diagram_style.name != theme.style.name:
        raise ValueError(f"the scene was made for the {scene.diagram_style.name} theme, not {theme.name}")
    painter.setRenderHints(_HINTS)
    if theme.background is not None:
        painter.fillRect(QRectF(0, 0, frame.canvas.width(), frame.canvas.height()), theme.background)
    painter.setTransform(frame.transform, True)
    for rect, text, is_title in (
        (frame.title_rect, options.title, True),
        (frame.caption_rect, options.caption, False),
    ):
        if rect is not None:
            painter.setFont(text_font(title=is_title, scale=frame.text_scale))
            painter.setPen(theme.title if is_title else theme.caption)
            painter.drawText(rect, _TEXT_FLAGS, text.strip())
    scene.render(painter, frame.diagram, frame.source, Qt.AspectRatioMode.IgnoreAspectRatio)


def paint_frame(painter: QPainter, scene: DiagramScene, frame: Frame, options: ExportOptions) -> None:
    """Paints one page laid out by ``frame``: several pages can share one frame (walkthrough slides)."""
    _paint(painter, scene, frame, options)
