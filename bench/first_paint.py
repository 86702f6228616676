"""Process start to the first painted diagram, for the benchmark: ``python -m bench.first_paint``.

Opens the window as ``main.py`` does and in the same order (it mirrors
``explorer.app.run_window``: the same imports first, a first start's ``dot -V``
started, the sources loaded before the application is made, the same collector
and GIL tuning; only the log file, which would go to the user's own folder, is
left out). Once a diagram has been painted it takes its figures (milliseconds
since the launch, peak memory); once the window has built what its first frame
left out (``MainWindow.fully_built``) it adds that time, prints one JSON line and
exits. The launcher may stamp its own clock in ``ARCH_EXPLORER_LAUNCH_TIME``;
otherwise the process's start time comes from ``/proc``.
"""

from __future__ import annotations

import time

_IMPORTED_AT = time.perf_counter()

import gc  # noqa: E402 (the clock starts before anything else is imported)
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

# As main.py: explorer.app (with the start's Qt-free modules) before PySide.
from explorer.app import create_window, ensure_application  # noqa: E402

# isort: split
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer import exit_codes  # noqa: E402
from explorer.runtime_tuning import FREEZE_AFTER_MS, freeze_startup_objects  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402

LAUNCH_TIME = "ARCH_EXPLORER_LAUNCH_TIME"
"""Optional ``time.time()`` of the launch, set by a benchmark just before it starts the process."""
FIRST_PAINT_TIMEOUT_MS = 120_000
HEARTBEAT_MS = 5


class _FirstPaint(QObject):
    """Watches the diagram's viewport; once a diagram has been painted and the window is
    fully built, reports and quits."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.reported = False
        self.figures: dict[str, object] = {}
        self.built_ms: float | None = None
        window.fully_built.connect(self.built)
        # A 5 ms heartbeat from the first paint to fully built: its longest gap is the
        # longest the UI thread was held while the rest of the window was built.
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self.last_beat = 0.0
        self.longest_gap = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.reported or event.type() != QEvent.Type.Paint:
            return False
        window = self.window
        if window.diagram_stack.currentWidget() is window.diagram_view and window.scene is not None:
            self.reported = True
            # Queued, so it runs once this paint event has been fully handled.
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        import resource

        self.window.diagram_view.viewport().removeEventFilter(self)
        now = time.perf_counter()
        self.figures = {
            "first_paint_ms": round(process_age_seconds(now) * 1000, 1),
            "since_app_import_ms": round((now - _IMPORTED_AT) * 1000, 1),
            "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "cpu_ms": round(sum(os.times()[:2]) * 1000, 1),  # user + system, this process
            "architecture": self.window.current_id,
        }
        self.last_beat = time.perf_counter()
        self.heartbeat.start()
        self.report()

    def beat(self) -> None:
        now = time.perf_counter()
        self.longest_gap = max(self.longest_gap, now - self.last_beat)
        self.last_beat = now

    def built(self) -> None:
        now = time.perf_counter()
        self.built_ms = round(process_age_seconds(now) * 1000, 1)
        if self.heartbeat.isActive():
            self.beat()
            self.heartbeat.stop()
        self.report()

    def report(self) -> None:
        """Once both are known: the first paint's figures and the time until fully built."""
        if not self.figures or self.built_ms is None:
            return
        longest = round(self.longest_gap * 1000, 1)
        figures = {**self.figures, "fully_built_ms": self.built_ms, "longest_block_after_paint_ms": longest}
        print(json.dumps(figures), flush=True)
        self.window.close()
        self.app.quit()


def main() -> int:
    gc.disable()  # as run_window: start-up's objects all live on
    try:
        from explorer.prebuilt import probe_graphviz_early
        from explorer.sources import load_sources

        probe_graphviz_early()
        sources = load_sources((), ())
        app = ensure_application()
        window = create_window(sources=sources, paint_first=True)  # as run_window
    finally:
        gc.enable()
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_startup_objects)
    watcher = _FirstPaint(app, window)
    window.diagram_view.viewport().installEventFilter(watcher)
    window.show()
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, app.quit)  # never hang a benchmark
    app.exec()
    done = bool(watcher.figures) and watcher.built_ms is not None
    if not done:
        wanted = "fully built window" if watcher.figures else "diagram painted"
        print(json.dumps({"error": f"no {wanted} within {FIRST_PAINT_TIMEOUT_MS} ms"}), flush=True)
    return exit_codes.OK if done else exit_codes.FAILED


def process_age_seconds(now: float) -> float:
    """Seconds since the process started: from the launcher's clock, the OS, or this module's import."""
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


if __name__ == "__main__":
    sys.exit(main())
