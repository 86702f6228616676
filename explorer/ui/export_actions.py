"""The window's export actions: Export…, Export PNG, Copy diagram as image, Export all.

Each takes the window (:class:`~explorer.ui.window_api.ExplorerWindow`) and exports
its current architecture (or all of them) through the same scene, layout and renderer as the window. The last
options and folder are remembered in the window's settings store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from explorer.atomic_write import ExportError, check_target
from explorer.export import batch
from explorer.export.batch import BatchResult, BatchStep, existing_targets, export_architecture
from explorer.export.options import ExportOptions, last_folder, load_options, save_options, set_last_folder
from explorer.export.render import create_scene, render_image
from explorer.layout.dot_errors import GraphvizFailedError, GraphvizNotFoundError
from explorer.ui.export_dialog import ExportDialog, confirm_overwrite
from explorer.ui.layouts_off_thread import wait_for_layouts

if TYPE_CHECKING:
    from explorer.layout.geometry import Layout
    from explorer.ui.window_api import ExplorerWindow
    from models.architecture import Architecture


def export_dialog(window: ExplorerWindow) -> ExportDialog | None:
    """File → Export…: opens the export dialog (window-modal) on the current diagram."""
    current = _current(window)
    if current is None:
        return None
    architecture, layout = current
    options = _last_options(window)
    path = _folder(window) / f"{architecture.id}.{options.extension}"
    walkthroughs = [w for w in window.sources.walkthroughs if w.architecture == architecture.id]
    dialog = ExportDialog(
        architecture,
        layout,
        options,
        path,
        window,
        layouts=window.layouts,
        walkthroughs=walkthroughs,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def remember(written: Path) -> None:
        save_options(window.settings, dialog.options())
        set_last_folder(window.settings, written.parent)
        window.show_status(f"Exported {architecture.title} to {written}")

    dialog.exported.connect(remember)
    dialog.open()
    return dialog


def quick_export_png(window: ExplorerWindow) -> Path | None:
    """Export PNG: the current diagram as ``<id>.png`` in the last folder, with the last options."""
    current = _current(window)
    if current is None:
        return None
    architecture, layout = current
    options = _last_options(window).with_changes(format="png")
    try:
        target = check_target(_folder(window) / f"{architecture.id}.png")
        if target.exists() and not confirm_overwrite(window, [target]):
            return None
        written = export_architecture(architecture, layout, target, options)
    except ExportError as error:
        QMessageBox.warning(
            window, "Cannot export", f"{error}\n\nUse File → Export… to choose another place."
        )
        return None
    set_last_folder(window.settings, written.parent)
    window.show_status(f"Exported {architecture.title} to {written}")
    return written


def copy_diagram(window: ExplorerWindow) -> bool:
    """Copy diagram as image: the current diagram, with the last options, onto the clipboard."""
    current = _current(window)
    if current is None:
        return False
    architecture, layout = current
    options = _last_options(window).with_changes(format="png")
    try:
        image = render_image(create_scene(architecture, layout, options), options)
    except ExportError as error:
        QMessageBox.warning(window, "Cannot copy", f"{error}.\n\nChange the size in File → Export….")
        return False
    QGuiApplication.clipboard().setImage(image)
    window.show_status(f"Copied {architecture.title} as a {image.width()} × {image.height()} image")
    return True


def export_all(window: ExplorerWindow, folder: Path | None = None) -> BatchResult | None:
    """Export all architectures…: one file each into a folder, with a cancellable progress dialog.

    ``folder`` skips the folder chooser (for tests and scripts).
    """
    architectures = list(window.sources.architectures.values())
    if not architectures:
        return None
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(window, "Export all architectures to", str(_folder(window)))
        if not chosen:
            return None
        folder = Path(chosen)
    options = _last_options(window).with_changes(keep_selection=False, selected=None)
    if not confirm_overwrite(window, existing_targets(folder, architectures, options)):
        return None

    progress = QProgressDialog("Exporting diagrams…", "Cancel", 0, len(architectures), window)
    progress.setObjectName("exportAllProgress")
    progress.setWindowTitle("Export all architectures")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setValue(0)

    def advance(step: BatchStep) -> None:
        progress.setValue(step.index)
        progress.setLabelText(f"Exported {step.architecture_id} ({step.index} of {step.total})")
        QApplication.processEvents()

    try:
        progress.setLabelText("Laying out the diagrams…")
        layouts = wait_for_layouts(window.layouts, architectures, progress.wasCanceled, progress.canceled)
        if layouts is None:
            return None
        result = batch.export_all(
            architectures,
            folder,
            options,
            lambda architecture: layouts[architecture.id],
            progress=advance,
            cancelled=progress.wasCanceled,
        )
    except (GraphvizNotFoundError, GraphvizFailedError) as error:
        QMessageBox.warning(window, "Cannot export", str(error))
        return None
    finally:
        progress.close()
    set_last_folder(window.settings, folder)
    _report(window, result, folder)
    return result


def _report(window: ExplorerWindow, result: BatchResult, folder: Path) -> None:
    done = f"Exported {len(result.written)} diagram{'s' if len(result.written) != 1 else ''} to {folder}"
    if result.cancelled:
        done += " (cancelled)"
    window.show_status(done)
    if result.failed:
        details = "\n".join(failure.error or failure.architecture_id for failure in result.failed)
        QMessageBox.warning(window, "Some diagrams were not exported", details)


def _current(window: ExplorerWindow) -> tuple[Architecture, Layout] | None:
    """The shown architecture and the layout its scene was built from, or None (with a message)."""
    architecture, scene = window.architecture, window.scene
    if architecture is None or scene is None:
        window.show_status("There is no diagram to export")
        return None
    return architecture, scene.layout


def _last_options(window: ExplorerWindow) -> ExportOptions:
    selected = window.scene.selected_element() if window.scene is not None else None
    return load_options(window.settings).with_changes(selected=selected)


def _folder(window: ExplorerWindow) -> Path:
    folder = last_folder(window.settings)
    if folder is not None and folder.is_dir():
        return folder
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()
