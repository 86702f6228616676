"""Plain widgets of the main window, made here to keep the window's code about wiring."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

if TYPE_CHECKING:
    from explorer.ui.user_content import UserContent
    from explorer.ui.window_api import ExplorerWindow


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
    bar = window.statusBar()
    bar.addWidget(label, 1)
    # The bar hides the line under a message only while the window shows: a message posted
    # before (the notes' first report) had both drawn over each other once the window showed.
    bar.messageChanged.connect(lambda message: label.setVisible(not message))
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


def accept_drag(event: QDragEnterEvent) -> None:
    """Notes files and folders may be dropped on the window."""
    from explorer.ui.user_content import UserContent

    if UserContent.dropped_locations(event.mimeData()):
        event.acceptProposedAction()


def drop(window: ExplorerWindow, content: UserContent, event: QDropEvent) -> None:
    """A dropped note with Alt or Ctrl is drafted into an architecture; anything else is read as notes."""
    from explorer.ui.drafting.launch import draft_dropped_note
    from explorer.ui.main_window_actions import draft_launcher

    locations = content.dropped_locations(event.mimeData())
    if draft_dropped_note(draft_launcher(window, content), locations, event.modifiers()):
        event.acceptProposedAction()
    elif locations:
        content.add_note_locations(locations)
        event.acceptProposedAction()
