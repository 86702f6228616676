"""Plain widgets of the main window, made here to keep the window's code about wiring."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QToolButton, QWidget

from explorer.layout.service import routing_note
from explorer.ui.after_the_diagram import AfterTheDiagram
from explorer.ui.main_window_shape import NOTES_MIN
from explorer.ui.notes_panel import NotesPanel

if TYPE_CHECKING:
    from explorer.diagram.scene import DiagramScene
    from explorer.ui.user_content import UserContent
    from explorer.ui.window_api import ExplorerWindow
    from models.architecture import Architecture


def diagram_message_label(parent: QWidget) -> QLabel:
    """Where a diagram that cannot be drawn says why (selectable, for copying into a report)."""
    label = QLabel(parent)
    label.setObjectName("diagramMessage")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(40)
    return label


def stack(parent: QWidget, *pages: QWidget) -> QStackedWidget:
    """The diagram's place: the view, or why it cannot be drawn, or the progress of its layout."""
    pages_stack = QStackedWidget(parent)
    for page in pages:
        pages_stack.addWidget(page)
    return pages_stack


def notes_dock(window: ExplorerWindow) -> NotesPanel:
    """The notes panel docked on the right, following what ``window`` shows.

    It reads the library from the sources when it first shows notes: never a stale one.
    """
    notes = NotesPanel(lambda: window.sources.notes, window)
    notes.setMinimumWidth(NOTES_MIN)
    notes.follow(window.state, lambda architecture_id: window.sources.architectures.get(architecture_id))
    notes.match_large_in_background(
        AfterTheDiagram(window.layouts.run, lambda: window.scene_loader.pending() is not None, notes)
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, notes)
    return notes


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
    # Tool buttons join the bar after the first paint (revision's due count) and are taller
    # than a line of text while they have none: the line is as tall from the start, so the
    # bar, and the diagram above it, never change height.
    label.setMinimumHeight(QToolButton().sizeHint().height())  # a probe, dropped at once
    bar = window.statusBar()
    bar.addWidget(label, 1)
    # The bar hides the line under a message only while the window shows: a message posted
    # before (the notes' first report) had both drawn over each other once the window showed.
    bar.messageChanged.connect(lambda message: label.setVisible(not message))
    return label


def status_text(architecture: Architecture, scene: DiagramScene | None) -> str:
    """Title, counts, what is selected and how edges are routed: the status bar's resting message."""
    parts = [
        architecture.title,
        f"{len(architecture.components)} components",
        f"{len(architecture.relations)} relations",
    ]
    selected = scene.selected_element() if scene is not None else None
    if selected is not None:
        element = architecture.components_by_id.get(selected) or architecture.groups_by_id.get(selected)
        if element is not None:
            parts.append(f"selected: {element.label}")
    line = "  ·  ".join(parts)
    note = routing_note(architecture, scene.layout) if scene is not None else ""
    return f"{line} · {note}" if note else line


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
