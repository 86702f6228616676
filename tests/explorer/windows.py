"""The explorer window as the window tests open it: built, 1400 × 900, shown and exposed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow


def shown_window(qtbot: Any, sources: Sources, settings: QSettings, **options: Any) -> MainWindow:
    """``create_window(sources, settings, **options)``, owned by ``qtbot``, shown and exposed."""
    window = create_window(sources, settings, **options)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window
