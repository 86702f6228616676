"""Building and running the window: one factory used by ``main.py`` and by the tests."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import explorer.start_imports  # noqa: F401 (first: the start's Qt-free modules, before PySide's import hook)

# isort: split
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from explorer import exit_codes, ui_collector
from explorer.atomic_write import ExportError, write_atomically
from explorer.runtime_tuning import FREEZE_AFTER_MS, freeze_startup_objects, tune_gil
from explorer.settings import APPLICATION, DEFAULT_ARCHITECTURE, ORGANIZATION, AppSettings

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from explorer.sources import Sources
    from explorer.ui.main_window import MainWindow


def ensure_application() -> QApplication:
    tune_gil()
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            QGuiApplication.highDpiScaleFactorRoundingPolicy().PassThrough
        )
        app = QApplication(sys.argv[:1])
    ui_collector.install(app)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QGuiApplication.setApplicationDisplayName(APPLICATION)
    return app  # type: ignore[return-value]


def create_window(
    sources: Sources | None = None,
    settings: QSettings | None = None,
    *,
    architecture_id: str | None = None,
    select: str | None = None,
    model_locations: Sequence[Path] = (),
    note_locations: Sequence[Path] = (),
    clock: Callable[[], datetime] | None = None,
    remember: bool = True,
    paint_first: bool = False,
) -> MainWindow:
    """Build the main window on an architecture, without entering the event loop.

    ``settings`` lets tests keep their state in a temporary file; ``clock`` gives revision
    its "now" (tests fix it, so "due today" never depends on the hour they run).
    ``remember=False`` (screenshots) neither reads nor changes the saved window, zoom
    or last architecture. ``paint_first`` (the app's own start) leaves what the first
    paint does not show (the notes summary, revision) until just after it.
    """
    from explorer.prebuilt import seed_layouts
    from explorer.sources import load_sources
    from explorer.start_guard import choose_start, clear_when_drawn
    from explorer.ui.main_window import MainWindow

    ensure_application()
    app_settings = AppSettings(settings)
    if sources is None:
        sources = load_sources(model_locations, note_locations)
    wanted = architecture_id or (app_settings.last_architecture() if remember else DEFAULT_ARCHITECTURE)
    if wanted not in sources.architectures and sources.architectures:
        wanted = next(iter(sources.architectures))
    guarded = remember and bool(sources.architectures)
    start = choose_start(app_settings, sources.architectures, wanted) if guarded else wanted
    seed_layouts([start])  # a first start draws from the layout the build made; after the crash mark
    window = MainWindow(sources, app_settings, clock=clock, remember=remember, paint_first=paint_first)
    if sources.architectures:
        window.show_architecture(start, select if start == wanted else None)
        if guarded:
            clear_when_drawn(app_settings, window, after_paint=paint_first)
    for error in sources.model_errors:
        window.show_status(error.message)
    return window


def _show_error(text: str) -> None:
    """An error the log reports, in a dialog (QMessageBox is imported here: building its
    class before the first paint cost ~1 ms of enum types that no start needs)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "Architecture Explorer", text)


def run_window(args: argparse.Namespace) -> int:
    """Open the window for the command line; with ``--screenshot`` save it and exit.

    The window's modules are imported here, not with this module, and without the
    garbage collector: start-up makes 100,000 objects that all live on, and
    collecting among them only delays the first paint (by 20-30 ms).
    """
    gc.disable()
    return _run_window(args)  # from here on the UI thread collects (explorer.ui_collector)


def _run_window(args: argparse.Namespace) -> int:
    from explorer.cli_output import fail, find_architecture
    from explorer.prebuilt import probe_graphviz_early
    from explorer.sources import load_sources

    probe_graphviz_early()  # a first start's ``dot -V`` runs while the sources load and the window is made
    sources = load_sources(args.models, args.notes)
    if args.arch is not None and find_architecture(sources, args.arch) is None:
        return exit_codes.BAD_INPUT
    architecture_id = args.arch
    if args.select is not None:
        having = [a.id for a in sources.architectures.values() if a.has_element(args.select)]
        if architecture_id is None and len(having) == 1:
            architecture_id = having[0]
        elif architecture_id is None:
            where = f"it is in {', '.join(having)}" if having else "no architecture has it"
            return fail(f"--select {args.select!r} needs --arch ID ({where})")
        elif architecture_id not in having:
            return fail(f"unknown component {args.select!r} in architecture {architecture_id!r}")
    from explorer import logs

    app = ensure_application()
    logs.install(_show_error)
    screenshot = args.screenshot is not None
    window = create_window(
        sources,
        architecture_id=architecture_id,
        select=args.select,
        remember=not screenshot,
        paint_first=not screenshot,  # a screenshot shows the whole window, notes and all
    )
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_startup_objects)
    if window.start_maximized:
        window.showMaximized()  # a first run (diagrams want the room), or left maximised
    else:
        window.show()
    if args.select is not None:
        # Once the view has its final size: show the selection with its neighbours, readable.
        QTimer.singleShot(0, lambda: _show_selection(window, args.select))
    if args.screenshot is not None:
        return _screenshot_and_quit(app, window, args.screenshot)
    return app.exec()


def _show_selection(window: MainWindow, element_id: str) -> None:
    """Zoom to the selection and its neighbours, but no closer than 100 %."""
    view = window.diagram_view
    view.zoom_to_selection()
    if view.zoom() > 1.0:
        view.set_zoom(1.0)
        view.center_on_element(element_id)


def _screenshot_and_quit(app: QApplication, window: MainWindow, path: Path) -> int:
    from explorer.cli_output import fail

    status = {"code": exit_codes.OK}

    def capture() -> None:
        app.processEvents()
        try:
            _save_screenshot(window, path)
        except ExportError as error:
            status["code"] = fail(f"cannot write screenshot: {error}", exit_codes.FAILED)
        window.close()
        app.quit()

    QTimer.singleShot(300, capture)
    app.exec()
    return status["code"]


def _save_screenshot(window: MainWindow, path: Path) -> None:
    """The window as a PNG, written with the one atomic writer: a failed write keeps the old file.

    Raises:
        ExportError: the image could not be made or written.
    """
    from explorer.export.png_writer import encode_png

    image = window.grab().toImage()
    if image.isNull():
        raise ExportError("the window could not be captured")
    try:
        data = encode_png(image)
    except RuntimeError as error:
        raise ExportError(str(error)) from None
    write_atomically(path, data)
