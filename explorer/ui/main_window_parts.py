"""Plain widgets of the main window, made here to keep the window's code about wiring."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget


def diagram_message_label(parent: QWidget) -> QLabel:
    """Where a diagram that cannot be drawn says why (selectable, for copying into a report)."""
    label = QLabel(parent)
    label.setObjectName("diagramMessage")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(40)
    return label


def main_splitter(parent: QWidget, sidebar: QWidget, diagram: QWidget) -> QSplitter:
    """The sidebar (which folds away) beside the diagram (which takes every extra pixel)."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(sidebar)
    splitter.addWidget(diagram)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(0, True)
    splitter.setCollapsible(1, False)
    return splitter


def status_line(window: QMainWindow) -> QLabel:
    """The status bar's lasting line. A normal (not temporary) status-bar widget: a menu's
    tips and passing messages cover it while they show, and it comes back after them."""
    label = QLabel(window)
    label.setObjectName("statusLine")
    window.statusBar().addWidget(label, 1)
    return label


class _FirstPaint(QObject):
    """Runs ``callback`` once, just after ``widget`` is first painted (see :func:`after_first_paint`)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued twice: the whole window is painted (children after their parent), and
            # whatever else that paint queued has run, before it does.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.callback))
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` from the event loop once ``widget`` (and the rest of that paint) is on screen."""
    _FirstPaint(widget, callback)
