"""PySide's own floor for this app's window: its kinds of widgets and items, none of its code.

Run as ``python -m bench.qt_floor_window ICON…`` with the icons of the first diagram
(as :mod:`bench.baseline_window`). It builds what the first paint of the app shows,
with PySide alone: a main window with a menu bar (six menus of shortcut actions), a
toolbar with standard icons and a search field, a list, a graphics view in a stack
with 26 boxes (gradient, icon, text) and 35 curves, a dock with a text browser and a
status bar. It reports its first paint as the app does. The gap between it and the
bare window is what PySide and Qt cost for this kind of window (Python enum types
made for every class touched, type discovery, fonts and text, widget polish); the
gap between the app and it is the app's own.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextBrowser,
    QToolBar,
)

BOXES = 26
MENUS = ("File", "View", "Go", "Notes", "Revise", "Help")


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.reported and event.type() == QEvent.Type.Paint:
            self.reported = True
            QTimer.singleShot(0, report)
        return False


def report() -> None:
    launched = float(os.environ.get("ARCH_EXPLORER_LAUNCH_TIME", "0") or 0)
    figures = {
        "first_paint_ms": round((time.time() - launched) * 1000, 1) if launched else None,
        "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "cpu_ms": round(sum(os.times()[:2]) * 1000, 1),
    }
    print(json.dumps(figures), flush=True)
    QApplication.quit()


def diagram(icons: list[str]) -> QGraphicsScene:
    scene = QGraphicsScene()
    pixmaps = [QPixmap(path) for path in icons] or [QPixmap()]
    for index in range(BOXES):
        x, y = (index % 6) * 180.0, (index // 6) * 160.0
        box = QGraphicsRectItem(x, y, 150, 130)
        gradient = QLinearGradient(x, y, x, y + 130)
        gradient.setColorAt(0, QColor("#ffffff"))
        gradient.setColorAt(1, QColor("#eeeeee"))
        box.setBrush(QBrush(gradient))
        box.setPen(QPen(QColor("#888888")))
        scene.addItem(box)
        icon = QGraphicsPixmapItem(pixmaps[index % len(pixmaps)])
        icon.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        icon.setScale(56 / max(1, icon.pixmap().width()))
        icon.setPos(x + 47, y + 10)
        scene.addItem(icon)
        text = QGraphicsSimpleTextItem(f"Component {index}")
        text.setFont(QFont("Sans", 10))
        text.setPos(x + 20, y + 90)
        scene.addItem(text)
    for index in range(35):
        x, y = (index % 6) * 180.0, (index // 6) * 160.0
        path = QPainterPath()
        path.moveTo(x, y)
        path.cubicTo(x - 40, y + 20, x - 60, y - 20, x - 100, y)
        scene.addItem(QGraphicsPathItem(path))
    return scene


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    listing = QListWidget()
    listing.addItems(
        ["Amazon ECS on EC2", "Amazon ECS on Fargate", "Kubernetes", "Amazon EKS", "Containers vs VMs"]
    )
    view = QGraphicsView(diagram(sys.argv[1:21]))
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    stack = QStackedWidget()
    stack.addWidget(view)
    stack.addWidget(QLabel("message"))
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(listing)
    splitter.addWidget(stack)
    window.setCentralWidget(splitter)
    dock = QDockWidget("Notes")
    dock.setWidget(QTextBrowser())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toolbar = QToolBar()
    window.addToolBar(toolbar)
    icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack)
    for name in MENUS:
        menu = window.menuBar().addMenu(name)
        for index in range(6):
            action = QAction(f"{name} {index}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{index}"))
            menu.addAction(action)
        toolbar.addAction(QAction(icon, name, window))
    toolbar.addWidget(QLineEdit())
    window.statusBar().showMessage("status")
    watcher = _FirstPaint()
    view.viewport().installEventFilter(watcher)
    window.show()
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
