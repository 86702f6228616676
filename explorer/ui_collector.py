"""Garbage collection on the UI thread only (see :func:`explorer.runtime_tuning.collect_on_ui_thread`)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from explorer import runtime_tuning

INTERVAL_MS = 100
"""How often the UI thread looks at the collector's counts: Python's own trigger (700 new
objects) comes many times a second, so garbage waits a tenth of a second at most."""


class UiThreadCollector(QObject):
    """Runs the collections Python would have run, from a timer on the UI thread.

    The generation collected is the oldest whose count is over its threshold, as Python
    chooses it; nothing is collected while a :func:`~explorer.runtime_tuning.collector_paused`
    block runs (a load making tens of thousands of lasting objects).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        runtime_tuning.collect_on_ui_thread()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        # Start-up's objects all live on: they are collected once and frozen (runtime_tuning).
        QTimer.singleShot(runtime_tuning.FREEZE_AFTER_MS, self._timer.start)

    def collect_if_due(self) -> int | None:
        """The generation collected, or None when none was due (or a pause runs)."""
        if runtime_tuning.paused():
            return None
        due = [
            generation
            for generation, (count, threshold) in enumerate(
                zip(gc.get_count(), gc.get_threshold(), strict=True)
            )
            if threshold and count > threshold
        ]
        if not due:
            return None
        gc.collect(due[-1])
        return due[-1]


def install(app: QObject) -> UiThreadCollector:
    """The application's collector, made on first call (it lives as long as ``app``).

    Kept in a property of ``app``, not looked up with ``findChild``: that wraps each of
    the application's children in Python, its style among them, which built QStyle's
    ~11 enum types (3-5 ms) before the first paint.
    """
    existing = app.property(_PROPERTY)
    if isinstance(existing, UiThreadCollector):
        return existing
    collector = UiThreadCollector(app)
    app.setProperty(_PROPERTY, collector)
    return collector


_PROPERTY = "explorer_ui_collector"
