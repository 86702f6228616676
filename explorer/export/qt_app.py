"""The QApplication an export draws with, started offscreen when there is no display to connect to."""

from __future__ import annotations

import os
import sys
from typing import Any


def ensure_qt(*, widgets: bool = True) -> Any:
    """The running QApplication, or a new one (offscreen without a display).

    ``widgets=False`` starts a ``QGuiApplication`` instead when none is running: enough to
    paint an image with its text, without importing QtWidgets (~5 ms), for a process that
    draws nothing else with Qt (a widgets application cannot be started after it).
    """
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not widgets:
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    if running is not None and not isinstance(running, QApplication):
        raise RuntimeError("a QGuiApplication is running: widgets cannot be drawn in this process")
    return running or QApplication(sys.argv[:1])
