"""The walkthrough quiz dock: "what happens next?" (a click on the diagram) and "put these steps in order"."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from explorer.ui.revision.quiz_panel import (
    HINT_STYLE,
    RIGHT_STYLE,
    WRONG_STYLE,
    dock_column,
    prompt_label,
    wrapping_label,
)

STEP_ROLE = Qt.ItemDataRole.UserRole
"""Where each list row keeps its step index."""


class StepOrderList(QListWidget):
    """Step titles the user reorders by dragging, or with Alt+Up / Alt+Down on the current row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkthroughOrderList")
        self.setAccessibleName("Steps to put in order (Alt+Up and Alt+Down move the current one)")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setToolTip("Drag the steps into order, or move the selected one with Alt+Up and Alt+Down")

    def set_steps(self, steps: Sequence[tuple[int, str]]) -> None:
        """``steps`` are (step index, title) pairs, in the order to show."""
        self.clear()
        for index, title in steps:
            item = QListWidgetItem(title, self)
            item.setData(STEP_ROLE, index)
        self.setCurrentRow(0)

    def order(self) -> list[int]:
        """The step indices as the rows stand now, top to bottom."""
        return [int(self.item(row).data(STEP_ROLE)) for row in range(self.count())]

    def move_current(self, by: int) -> None:
        row = self.currentRow()
        target = row + by
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        by = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if by is not None and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.move_current(by)
            event.accept()
            return
        super().keyPressEvent(event)


class WalkthroughQuizPanel(QDockWidget):
    """Shows one walkthrough question at a time; the runner handles its signals."""

    check_requested = Signal()
    next_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Walkthrough quiz", parent)
        self.setObjectName("walkthroughQuizPanel")
        body, layout = dock_column(self)
        self.progress_label = wrapping_label(body, "walkthroughQuizProgress")
        self.prompt_label = prompt_label(body, "walkthroughQuizPrompt", 1.2)
        self.order_list = StepOrderList(body)
        self.feedback_label = wrapping_label(body, "walkthroughQuizFeedback", rich=True)
        self.check_button = QPushButton("Check", body)
        self.check_button.setObjectName("walkthroughQuizCheck")
        self.next_button = QPushButton("Next", body)
        self.next_button.setObjectName("walkthroughQuizNext")
        self.next_button.setDefault(True)
        self.end_button = QPushButton("End", body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.next_button)
        for widget in (self.progress_label, self.prompt_label, self.order_list, self.feedback_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)
        self.check_button.clicked.connect(self.check_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.end_button.clicked.connect(self.end_requested)

    def show_next_question(self, title: str, number: int, total: int, prompt: str) -> None:
        """A "what happens next?" question: answered by a click on the diagram."""
        self._show_question(title, number, total, prompt)
        self.order_list.hide()
        self.check_button.hide()

    def show_order_question(
        self, title: str, number: int, total: int, prompt: str, steps: Sequence[tuple[int, str]]
    ) -> None:
        self._show_question(title, number, total, prompt)
        self.order_list.set_steps(steps)
        self.order_list.setEnabled(True)
        self.order_list.show()
        self.check_button.show()
        self.check_button.setEnabled(True)
        self.order_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_hint(self, text: str) -> None:
        self._set_feedback(html.escape(text), HINT_STYLE)

    def show_verdict(self, right: bool, text_html: str, last: bool) -> None:
        """Right or wrong with an explanation; Next (or Finish) leads on."""
        self._set_feedback(text_html, RIGHT_STYLE if right else WRONG_STYLE)
        self.order_list.setEnabled(False)
        self.check_button.setEnabled(False)
        self.next_button.setText("Finish" if last else "Next")
        self.next_button.setEnabled(True)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def feedback_text(self) -> str:
        return self.feedback_label.text()

    def _show_question(self, title: str, number: int, total: int, prompt: str) -> None:
        self.progress_label.setText(f"{html.escape(title)} · question {number} of {total}")
        self.prompt_label.setText(prompt)
        self.feedback_label.clear()
        self.feedback_label.hide()
        self.next_button.setEnabled(False)

    def _set_feedback(self, text_html: str, style: str) -> None:
        self.feedback_label.setText(text_html)
        self.feedback_label.setStyleSheet(style)
        self.feedback_label.show()
