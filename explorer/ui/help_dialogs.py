"""The Help menu's dialogs (imported when one is first shown)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> None:
    rows = []
    for action in actions:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            rows.append(f"<tr><td>{action.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
    rows.append("<tr><td>Move between components</td><td><b>Tab, Shift+Tab, arrow keys</b></td></tr>")
    rows.append("<tr><td>Select the focused component</td><td><b>Enter</b></td></tr>")
    rows.append("<tr><td>Clear the selection</td><td><b>Esc</b></td></tr>")
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table cellpadding='3'>{''.join(rows)}</table>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Architecture Explorer",
        "<b>Architecture Explorer</b><br>Clickable diagrams of AWS ECS, EKS and Kubernetes, "
        "with the built-in study notes and your own notes beside every component.",
    )
