"""The compact bar shown while a walkthrough runs: its title, Previous, "3 of 7", Next and Leave."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QWidget


class StepBar(QToolBar):
    """Buttons for the walkthrough actions (their shortcuts live on the window's actions)."""

    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__("Walkthrough", parent)
        self.setObjectName("walkthroughBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addAction(actions["walkthrough_previous"])
        self.counter = QLabel(self)
        self.counter.setObjectName("walkthroughCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setMinimumWidth(64)
        self.addWidget(self.counter)
        self.addAction(actions["walkthrough_next"])
        self.addSeparator()
        self.addAction(actions["walkthrough_leave"])
        self.addSeparator()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("walkthroughTitle")
        # Takes the room the buttons leave, after them, so it never covers them.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label.setMinimumWidth(0)
        self.title_label.setContentsMargins(8, 0, 8, 0)
        self.addWidget(self.title_label)
        for action in ("walkthrough_previous", "walkthrough_next", "walkthrough_leave"):
            button = self.widgetForAction(actions[action])
            if isinstance(button, QToolButton):
                button.setObjectName(f"{action}Button")
        self.hide()

    def show_step(self, title: str, step_title: str, index: int, count: int) -> None:
        self.title_label.setText(f"<b>{title}</b> — {step_title}")
        self.title_label.setToolTip(f"{title}: {step_title}")
        self.counter.setText(f"{index + 1} of {count}")
