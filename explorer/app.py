"""Building and running the window: one factory used by ``main.py`` and by the tests."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from explorer import exit_codes
from explorer.settings import APPLICATION, ORGANIZATION, AppSettings

if TYPE_CHECKING:
    from explorer.sources import Sources
    from explorer.ui.main_window import MainWindow

REPORT_FIRST_PAINT = "ARCH_EXPLORER_REPORT_FIRST_PAINT"
"""Set (to anything but empty), the window prints its first-paint time as JSON and exits."""
LAUNCH_TIME = "ARCH_EXPLORER_LAUNCH_TIME"
"""Optional ``time.time()`` of the launch, set by a benchmark just before it starts the process."""
FIRST_PAINT_TIMEOUT_MS = 120_000
FREEZE_AFTER_MS = 300
"""The collector resumes (and start-up's objects are frozen) this long after the window shows."""
_IMPORTED_AT = time.perf_counter()


SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits (Python's default is 0.005).

While the layout thread runs Python, each of the UI thread's many short calls into
Python (painting a list, a timer) waits up to this long for the GIL: at 5 ms a
single repaint could stall for 90 ms; at 1 ms the UI never waits more than 40 ms.
"""


def ensure_application() -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            QGuiApplication.highDpiScaleFactorRoundingPolicy().PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app  # type: ignore[return-value]


def create_window(
    sources: Sources | None = None,
    settings: QSettings | None = None,
    *,
    architecture_id: str | None = None,
    select: str | None = None,
    model_locations: Sequence[Path] = (),
    note_locations: Sequence[Path] = (),
) -> MainWindow:
    """Build the main window on an architecture, without entering the event loop.

    ``settings`` lets tests keep their state in a temporary file.
    """
    from explorer.sources import load_sources
    from explorer.ui.main_window import MainWindow

    ensure_application()
    app_settings = AppSettings(settings)
    if sources is None:
        sources = load_sources(model_locations, note_locations)
    window = MainWindow(sources, app_settings)
    start = architecture_id or app_settings.last_architecture()
    if start not in sources.architectures and sources.architectures:
        start = next(iter(sources.architectures))
    if sources.architectures:
        window.show_architecture(start, select)
    for error in sources.model_errors:
        window.show_status(error.message)
    return window


def freeze_startup_objects() -> None:
    """Moves what start-up made (modules, models, notes, widgets; all kept) out of the collector's sight.

    A full collection otherwise walks those 100,000 objects again and again: 50 ms
    each time, and when it runs in the layout thread it holds the UI thread too.
    Turns the collector back on (:func:`run_window` keeps it off while starting).
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def run_window(args: argparse.Namespace) -> int:
    """Open the window for the command line; with ``--screenshot`` save it and exit.

    The window's modules are imported here, not with this module, and without the
    garbage collector: start-up makes 100,000 objects that all live on, and
    collecting among them only delays the first paint (by 20-30 ms).
    """
    gc.disable()
    try:
        return _run_window(args)
    finally:
        gc.enable()


def _run_window(args: argparse.Namespace) -> int:
    from explorer.cli import fail
    from explorer.sources import load_sources

    sources = load_sources(args.models, args.notes)
    if args.arch is not None and args.arch not in sources.architectures:
        known = ", ".join(sources.architectures) or "none"
        return fail(f"unknown architecture {args.arch!r} (known: {known})")
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
    app = ensure_application()
    window = create_window(sources, architecture_id=architecture_id, select=args.select)
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_startup_objects)
    if os.environ.get(REPORT_FIRST_PAINT):
        return _report_first_paint(app, window)
    if args.screenshot is None and window.settings.window_geometry() is None:
        window.showMaximized()  # the first run: diagrams want the room
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
    status = {"code": exit_codes.OK}

    def capture() -> None:
        app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or not image.save(str(path), "PNG"):
            print(f"arch-explorer: cannot write screenshot {path}", file=sys.stderr)
            status["code"] = exit_codes.FAILED
        window.close()
        app.quit()

    QTimer.singleShot(300, capture)
    app.exec()
    return status["code"]


class _FirstPaint(QObject):
    """Watches the diagram's viewport; once a diagram has been painted, reports and quits."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.reported or event.type() != QEvent.Type.Paint:
            return False
        window = self.window
        if window.diagram_stack.currentWidget() is window.diagram_view and window.scene is not None:
            self.reported = True
            # Queued, so it runs once this paint event has been fully handled.
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        import resource

        self.window.diagram_view.viewport().removeEventFilter(self)

        now = time.perf_counter()
        figures = {
            "first_paint_ms": round(_process_age_seconds(now) * 1000, 1),
            "since_app_import_ms": round((now - _IMPORTED_AT) * 1000, 1),
            "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "architecture": self.window.current_id,
        }
        print(json.dumps(figures), flush=True)
        self.window.close()
        self.app.quit()


def _report_first_paint(app: QApplication, window: MainWindow) -> int:
    watcher = _FirstPaint(app, window)
    window.diagram_view.viewport().installEventFilter(watcher)
    window.show()
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, app.quit)  # never hang a benchmark
    app.exec()
    if not watcher.reported:
        print(json.dumps({"error": f"no diagram painted within {FIRST_PAINT_TIMEOUT_MS} ms"}), flush=True)
    return exit_codes.OK if watcher.reported else exit_codes.FAILED


def _process_age_seconds(now: float) -> float:
    """Seconds since the process started: from the launcher's clock, the OS, or our first import."""
    launched = os.environ.get(LAUNCH_TIME)
    if launched:
        try:
            return time.time() - float(launched)
        except ValueError:
            pass
    try:
        with open("/proc/self/stat", encoding="ascii") as stat, open("/proc/uptime", encoding="ascii") as up:
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            uptime = float(up.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return now - _IMPORTED_AT
