"""Writing a walkthrough's slides from the export dialog: asks before replacing, reports failures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.atomic_write import ExportError, check_target
from explorer.export.options import ExportOptions
from explorer.export.walkthrough_export import export_walkthrough, frame_names
from explorer.layout.geometry import Layout
from models.architecture import Architecture
from models.walkthroughs import Walkthrough


def slides_target(path: Path, options: ExportOptions) -> Path:
    """A PDF is the file ``path``; PNG or SVG slides go into a folder named like it, without extension."""
    return path if options.format == "pdf" else path.with_suffix("")


def write_slides(
    parent: QWidget,
    architecture: Architecture,
    layout: Layout,
    walkthrough: Walkthrough,
    options: ExportOptions,
    path: Path,
    confirm_overwrite: Callable[[list[Path]], bool],
) -> list[Path] | None:
    """Writes the slides; None when the user declined to replace files or writing failed (said why).

    ``confirm_overwrite`` asks before existing files are replaced (the dialog's question).
    """
    target = slides_target(path, options)
    try:
        if options.format == "pdf":
            check_target(target)
            existing = [target] if target.exists() else []
        else:
            existing = [
                target / n for n in frame_names(walkthrough, options.extension) if (target / n).exists()
            ]
        if not confirm_overwrite(existing):
            return None
        return export_walkthrough(architecture, layout, walkthrough, target, options)
    except ExportError as error:
        QMessageBox.warning(parent, "Cannot export", str(error))
        return None
