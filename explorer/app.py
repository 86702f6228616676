"""Building and running the window: one factory used by ``main.py`` and by the tests."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from explorer import exit_codes
from explorer.settings import APPLICATION, ORGANIZATION, AppSettings
from explorer.sources import Sources, load_sources
from explorer.ui.main_window import MainWindow


def ensure_application() -> QApplication:
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


def run_window(args: argparse.Namespace) -> int:
    """Open the window for the command line; with ``--screenshot`` save it and exit."""
    from explorer.cli import fail

    sources = load_sources(args.models, args.notes)
    if args.arch is not None and args.arch not in sources.architectures:
        known = ", ".join(sources.architectures) or "none"
        return fail(f"unknown architecture {args.arch!r} (known: {known})")
    if args.select is not None:
        architecture = sources.architectures[args.arch or AppSettings().last_architecture()]
        if not architecture.has_element(args.select):
            return fail(f"unknown component {args.select!r} in architecture {architecture.id!r}")
    app = ensure_application()
    window = create_window(sources, architecture_id=args.arch, select=args.select)
    window.show()
    if args.screenshot is not None:
        return _screenshot_and_quit(app, window, args.screenshot)
    return app.exec()


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
