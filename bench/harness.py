"""Driving the real window inside a probe process: set-up, waiting for paints, the heartbeat.

Probes run offscreen in a process of their own, with the cache, data and
settings folders pointed at a temporary folder by the parent (see
:func:`bench.runner.isolated_env`), so nothing of the user's is read or written.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from explorer.app import create_window, ensure_application
from explorer.runtime_tuning import freeze_startup_objects
from explorer.sources import Sources, load_sources
from explorer.ui.main_window import MainWindow
from models.architecture import Architecture


def open_window(settings_file: Path, extra: tuple[Architecture, ...] = ()) -> tuple[QApplication, MainWindow]:
    """The explorer window, shown and painted, on the built-in set plus ``extra`` architectures."""
    app = ensure_application()
    loaded: Sources = load_sources()
    sources = loaded.with_architectures([*loaded.architectures.values(), *extra], loaded.model_errors)
    window = create_window(sources, QSettings(str(settings_file), QSettings.Format.IniFormat))
    freeze_startup_objects()  # as explorer.app.run_window does
    window.resize(1400, 900)
    window.show()
    settle(app)
    return app, window


def settle(app: QApplication, seconds: float = 0.05) -> None:
    """Runs the event loop for ``seconds`` (paints, timers, queued signals), sleeping when idle.

    Not a ``processEvents`` loop: that never sleeps, and a core spinning beside ``dot``
    slows it down as soon as anything else runs on the machine.
    """
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict[str, Any]) -> None:
    """The probe's answer: one JSON line on stdout."""
    print(json.dumps(result), flush=True)


class Heartbeat(QObject):
    """A 5 ms timer on the UI thread; the longest gap between beats is how long the UI was blocked."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.longest = 0.0
        self.started = 0.0
        self.longest_ended = 0.0
        """Seconds from :meth:`start` to the end of the longest gap (to tell what blocked)."""

    def start(self) -> None:
        self.last = self.started = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stops; returns the longest gap in milliseconds (the final one included)."""
        self._beat()
        self.timer.stop()
        return self.longest * 1000

    def _beat(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.longest:
            self.longest = now - self.last
            self.longest_ended = now - self.started
        self.last = now


class PaintWatch(QObject):
    """Notes when the diagram view has painted a scene that passes ``accept``."""

    def __init__(self, window: MainWindow, accept: Callable[[MainWindow], bool]) -> None:
        super().__init__()
        self.window = window
        self.accept = accept
        self.painted_at: float | None = None
        self.loop = QEventLoop()
        window.diagram_view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self.accept(self.window):
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()
            self.loop.quit()

    def wait(self, app: QApplication, timeout: float) -> float | None:
        """Runs the event loop until the paint (or ``timeout`` seconds); the paint's time."""
        if self.painted_at is None:
            QTimer.singleShot(round(timeout * 1000), self.loop.quit)
            self.loop.exec()
        self.window.diagram_view.viewport().removeEventFilter(self)
        return self.painted_at


def showing(architecture_id: str) -> Callable[[MainWindow], bool]:
    """True once the window shows the diagram of ``architecture_id``."""

    def check(window: MainWindow) -> bool:
        scene = window.diagram_view.scene()
        return (
            window.diagram_stack.currentWidget() is window.diagram_view
            and scene is not None
            and getattr(scene, "architecture", None) is not None
            and scene.architecture.id == architecture_id
        )

    return check


def fail(message: str) -> None:
    emit({"error": message})
    sys.exit(1)
