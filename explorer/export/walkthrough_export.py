"""A walkthrough as slides: one PDF page, or one PNG/SVG file, per step, built up step by step.

Every page is the same export of the architecture (same options: slide size,
background, scale) with the step's emphasis (earlier steps faint, as in the
window) and the step's title and narration around it. All pages share one
frame, so the diagram never moves or resizes from one slide to the next.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from explorer.atomic_write import ExportError, write_atomically
from explorer.diagram.walkthrough_emphasis import StepEmphasis, apply_step
from explorer.export.options import ExportOptions
from explorer.export.page import INCHES_PER_METRE
from explorer.export.png_writer import encode_png
from explorer.export.render import (
    Frame,
    compute_frame,
    create_scene,
    declare_opaque,
    paint_frame,
    pdf_pages,
    svg_document,
)
from explorer.layout.geometry import Layout
from models.architecture import Architecture
from models.walkthroughs import Walkthrough


def step_options(options: ExportOptions, walkthrough: Walkthrough, index: int) -> ExportOptions:
    """The page of step ``index``: its number and title above, its narration below."""
    step = walkthrough.steps[index]
    title = f"{index + 1}/{len(walkthrough.steps)} · {step.title}"
    return options.with_changes(title=title, caption=step.text, keep_selection=False, selected=None)


def slug(text: str) -> str:
    """``Stored in etcd`` → ``stored-in-etcd``: ASCII letters, digits and dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:48].rstrip("-") or "step"


def frame_names(walkthrough: Walkthrough, extension: str) -> list[str]:
    """``01-kubectl-sends-the-manifest.png``, …: one file per step, in order."""
    width = max(2, len(str(len(walkthrough.steps))))
    return [
        f"{index:0{width}d}-{slug(step.title)}.{extension}"
        for index, step in enumerate(walkthrough.steps, start=1)
    ]


class WalkthroughSlides:
    """The scene and the shared frame of one walkthrough's slides."""

    def __init__(
        self, architecture: Architecture, layout: Layout, walkthrough: Walkthrough, options: ExportOptions
    ) -> None:
        if walkthrough.architecture != architecture.id:
            raise ValueError(f"walkthrough {walkthrough.id!r} runs on {walkthrough.architecture!r}")
        self.walkthrough = walkthrough
        self.options = options
        self.scene = create_scene(architecture, layout, options.with_changes(keep_selection=False))
        self.frame = self._shared_frame()

    def _shared_frame(self) -> Frame:
        """The frame with room for the tallest title and caption, around the widest ink."""
        scene = self.scene
        for component in scene.component_items():
            component.set_selected(True)
        for group in scene.group_items():
            group.set_selected(True)
        for edge in scene.edge_items():
            edge.set_emphasised(True)
        pages = [step_options(self.options, self.walkthrough, i) for i in range(len(self.walkthrough.steps))]
        frames = [compute_frame(scene, page) for page in pages]
        title = max(zip(frames, pages, strict=True), key=lambda fp: _height(fp[0].title_rect))[1].title
        caption = max(zip(frames, pages, strict=True), key=lambda fp: _height(fp[0].caption_rect))[1].caption
        return compute_frame(scene, self.options.with_changes(title=title, caption=caption))

    def page(self, index: int) -> ExportOptions:
        """Puts step ``index`` on the scene; returns the options (title, caption) of its page."""
        apply_step(self.scene, StepEmphasis.of(self.walkthrough, index))
        return step_options(self.options, self.walkthrough, index)

    def paint(self, painter: QPainter, index: int) -> None:
        painter.save()
        try:
            paint_frame(painter, self.scene, self.frame, self.page(index))
        finally:
            painter.restore()

    def png(self, index: int) -> bytes:
        frame = self.frame
        image = QImage(frame.canvas, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        dots_per_metre = round(frame.dpi * INCHES_PER_METRE)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        try:
            self.paint(painter, index)
        finally:
            painter.end()
        declare_opaque(image, self.options)
        return encode_png(image)

    def svg(self, index: int) -> bytes:
        step = self.walkthrough.steps[index]
        return svg_document(self.frame, step.title, step.text, partial(self.paint, index=index))

    def pdf(self) -> bytes:
        """One vector page per step, all the same size."""
        pages = [partial(self.paint, index=index) for index in range(len(self.walkthrough.steps))]
        return pdf_pages(self.frame, self.walkthrough.title, pages)


def export_walkthrough(
    architecture: Architecture, layout: Layout, walkthrough: Walkthrough, output: Path, options: ExportOptions
) -> list[Path]:
    """Writes the slides: ``output`` as one PDF, or one file per step into the folder ``output``.

    Each file is rendered in memory and written atomically.

    Raises:
        ExportError: a file could not be written.
    """
    slides = WalkthroughSlides(architecture, layout, walkthrough, options)
    if options.format == "pdf":
        return [write_atomically(output, slides.pdf())]
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create the folder {output}: {error.strerror or error}") from error
    render = slides.svg if options.format == "svg" else slides.png
    names = frame_names(walkthrough, options.extension)
    return [write_atomically(output / name, render(index)) for index, name in enumerate(names)]


def _height(rect: QRectF | None) -> float:
    return rect.height() if rect is not None else 0.0
