"""The QApplication an export draws with, started offscreen when there is no display to connect to."""

from __future__ import annotations

import os
import sys
from typing import Any


def ensure_qt() -> Any:
    """The running QApplication, or a new one (offscreen without a display)."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])
