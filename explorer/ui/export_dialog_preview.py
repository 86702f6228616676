"""Drawing the export dialog's preview, and asking before replacing files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.diagram.scene import DiagramScene
from explorer.export.options import ExportOptions
from explorer.export.render import compute_frame, render_image

PREVIEW_DETAIL = 0.6
"""The least scale the preview is drawn at before shrinking (the items simplify below it)."""


def preview_image(scene: DiagramScene, options: ExportOptions, fit: QSize) -> tuple[QImage, QSize]:
    """The export drawn to fit ``fit`` (device pixels), and the size of the real export."""
    frame = compute_frame(scene, options)
    detail = frame.fitted(fit.width(), fit.height()).transform.m11()
    if detail >= PREVIEW_DETAIL:
        image = render_image(scene, options, fit=fit)
    else:
        # Drawn that small the items drop icons and labels; draw larger and shrink instead.
        grow = PREVIEW_DETAIL / detail
        large = render_image(scene, options, fit=fit * grow)
        image = large.scaled(
            fit, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image, frame.canvas


def describe_size(canvas: QSize, options: ExportOptions) -> str:
    if options.format == "png":
        return f"{canvas.width()} × {canvas.height()} pixels"
    return f"{options.format.upper()}, vector, {canvas.width()} × {canvas.height()} at 96 dpi"


def on_checkerboard(image: QImage) -> QImage:
    """The image over a grey checkerboard, so that transparency shows in the preview."""
    tile = QImage(16, 16, QImage.Format.Format_RGB32)
    tile.fill(QColor("#FFFFFF"))
    tile_painter = QPainter(tile)
    tile_painter.fillRect(0, 0, 8, 8, QColor("#E3E3E3"))
    tile_painter.fillRect(8, 8, 8, 8, QColor("#E3E3E3"))
    tile_painter.end()
    board = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(board)
    painter.fillRect(board.rect(), QBrush(tile))
    painter.drawImage(0, 0, image)
    painter.end()
    return board


def confirm_overwrite(parent: QWidget, paths: list[Path]) -> bool:
    """Asks before replacing existing files; True to go ahead."""
    if not paths:
        return True
    if len(paths) == 1:
        text = f"{paths[0].name} already exists in {paths[0].parent}.\nDo you want to replace it?"
    else:
        names = "\n".join(f"  {path.name}" for path in paths[:8])
        more = f"\n  … and {len(paths) - 8} more" if len(paths) > 8 else ""
        text = f"These files already exist in {paths[0].parent}:\n{names}{more}\nDo you want to replace them?"
    answer = QMessageBox.question(
        parent,
        "Replace existing files?",
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
