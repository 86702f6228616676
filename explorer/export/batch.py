"""Writing exports to disk: one architecture to a file, or every architecture to a folder.

Each file is rendered completely in memory and then written atomically, so a
failed or cancelled export never leaves a partial file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.atomic_write import ExportError, write_atomically
from explorer.export.limits import check_pixels
from explorer.export.options import ExportOptions
from explorer.layout.geometry import Layout
from models.architecture import Architecture
from models.records import frozen_record

if TYPE_CHECKING:
    from explorer.export.png_fork import PngHelper

LayoutFor = Callable[[Architecture], Layout]


@frozen_record
class BatchStep:
    """One file of a batch has been handled: written to ``path``, or failed with ``error``."""

    index: int
    """1-based position of this file in the batch."""
    total: int
    architecture_id: str
    path: Path
    error: str | None = None

    def __init__(
        self, index: int, total: int, architecture_id: str, path: Path, error: str | None = None
    ) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "architecture_id", architecture_id)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "error", error)


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[BatchStep] = field(default_factory=list)
    cancelled: bool = False


def target_path(folder: Path, architecture: Architecture, options: ExportOptions) -> Path:
    """``<folder>/<id>.<ext>``: the file an architecture is exported to in a batch."""
    return folder / f"{architecture.id}.{options.extension}"


def existing_targets(
    folder: Path, architectures: Sequence[Architecture], options: ExportOptions
) -> list[Path]:
    """The files a batch would replace (the window asks before overwriting them)."""
    return [path for a in architectures if (path := target_path(folder, a, options)).exists()]


def export_architecture(
    architecture: Architecture,
    layout: Layout,
    path: Path,
    options: ExportOptions,
    *,
    durable: bool = True,
    scene: bool = True,
    widgets: bool = True,
    helper: PngHelper | None = None,
) -> Path:
    """Render and write one export; returns the absolute path written.

    ``durable=False`` leaves out the flushes to disk (the command line's choice, as ``dot -o``
    makes it): the file is still whole or absent, only a power cut could take it back.
    ``scene=False`` paints a PNG from the Qt-free SVG where that writer draws the options
    (:mod:`explorer.export.svg_raster`, the command line's choice), else through the scene;
    ``widgets=False`` says nothing else in the process will draw with Qt, and a ``helper`` process
    may paint that PNG (see :func:`render_file`).

    Raises:
        ExportError: the file could not be written (nothing is left behind).
    """
    rendered = render_file(architecture, layout, options, scene=scene, widgets=widgets, helper=helper)
    return write_atomically(path, rendered, durable=durable)


def render_file(
    architecture: Architecture,
    layout: Layout,
    options: ExportOptions,
    *,
    scene: bool = True,
    widgets: bool = True,
    helper: PngHelper | None = None,
) -> bytes:
    """The file's contents: an SVG from the Qt-free writer where it draws the options, else through Qt
    (with ``scene=False``, a PNG painted from that writer's SVG where it draws the options).

    Each writer is imported when it is needed: a PNG export through the scene loads no SVG code,
    an SVG export no Qt, a PNG from the SVG neither the scene nor its items. With ``widgets=False``
    (nothing else in this process draws with Qt) a PNG painted from the SVG starts Qt without
    its widgets (:func:`explorer.export.qt_app.ensure_qt`); one the scene draws starts them. A PNG
    painted from the SVG is painted by ``helper`` (:mod:`explorer.export.png_fork`), when there is
    one and it does not fail, and Qt is then not started here at all.
    """
    if options.format == "svg":
        from explorer.export.svg_writer import qt_free_svg

        svg = qt_free_svg(architecture, layout, options)
        if svg is not None:
            return svg
    from explorer.export.qt_app import ensure_qt

    if not scene:
        from explorer.export.svg_raster import canvas_of, png_of, raster_drawing

        drawing = raster_drawing(architecture, layout, options)  # Qt-free: Qt is not started yet
        if drawing is not None:
            painted = None
            if helper is not None:
                width, height, dots_per_metre = canvas_of(drawing)
                check_pixels(width, height)
                opaque = options.background == "white"
                painted = helper.paint(drawing.document, width, height, dots_per_metre, opaque=opaque)
            if painted is None:
                ensure_qt(widgets=widgets)
                painted = png_of(drawing, options)
            return painted
    if helper is not None:  # the scene draws these options: the helper's Qt is of no use
        helper.close()
    ensure_qt()
    from explorer.export.render import render_architecture

    return render_architecture(architecture, layout, options)


def export_all(
    architectures: Sequence[Architecture],
    folder: Path,
    options: ExportOptions,
    layout_for: LayoutFor,
    *,
    progress: Callable[[BatchStep], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    options_for: Callable[[Architecture], ExportOptions] | None = None,
    durable: bool = True,
    scene: bool = True,
) -> BatchResult:
    """Export each architecture to ``<folder>/<id>.<ext>``, reporting after every file.

    ``cancelled`` is asked before each file; a cancelled batch keeps the files
    already completed and starts no other. A file that cannot be written is
    reported and the batch goes on; Graphviz errors (``layout_for``) stop it.
    ``options_for`` gives each architecture its own options (a text scale fitted to a slide);
    ``durable`` and ``scene`` as for :func:`export_architecture`.
    """
    result = BatchResult()
    total = len(architectures)
    for index, architecture in enumerate(architectures, start=1):
        if cancelled():
            result.cancelled = True
            break
        path = target_path(folder, architecture, options)
        try:
            own = options_for(architecture) if options_for is not None else options
            written = export_architecture(
                architecture, layout_for(architecture), path, own, durable=durable, scene=scene
            )
        except ExportError as error:
            report = BatchStep(index, total, architecture.id, path, str(error))
            result.failed.append(report)
        else:
            report = BatchStep(index, total, architecture.id, written)
            result.written.append(written)
        if progress is not None:
            progress(report)
    return result
