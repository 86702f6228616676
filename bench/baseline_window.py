"""The cold-start baseline: a bare PySide6 window painting 20 icons, and nothing else.

Run as ``python -m bench.baseline_window ICON…`` with the icon files the app's
first diagram shows. It reports its first paint exactly as the app does under
``python -m bench.first_paint`` (one JSON line, milliseconds since the
launcher's ``ARCH_EXPLORER_LAUNCH_TIME``) and exits. Only PySide6 is imported.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

ICON_SIZE = 72
COLUMNS = 5


class IconWindow(QWidget):
    """Paints each icon once in a grid; reports after its first paint."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.pixmaps = [QPixmap(path) for path in paths]
        self.reported = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index, pixmap in enumerate(self.pixmaps):
            x = 20 + (index % COLUMNS) * (ICON_SIZE + 40)
            y = 20 + (index // COLUMNS) * (ICON_SIZE + 40)
            painter.drawPixmap(QRectF(x, y, ICON_SIZE, ICON_SIZE), pixmap, QRectF(pixmap.rect()))
        painter.end()
        if not self.reported:
            self.reported = True
            QTimer.singleShot(0, self.report)

    def report(self) -> None:
        launched = float(os.environ.get("ARCH_EXPLORER_LAUNCH_TIME", "0") or 0)
        figures = {
            "first_paint_ms": round((time.time() - launched) * 1000, 1) if launched else None,
            "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "cpu_ms": round(sum(os.times()[:2]) * 1000, 1),  # user + system, this process
        }
        print(json.dumps(figures), flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = IconWindow(sys.argv[1:21])
    window.resize(1400, 900)
    window.show()
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
