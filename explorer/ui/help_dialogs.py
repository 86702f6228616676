"""The Help menu's dialogs and the status bar's summary line."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from models.architecture import Architecture


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


def status_line(architecture: Architecture, selected: str | None) -> str:
    """Title, counts and what is selected: the status bar's resting message."""
    parts = [
        architecture.title,
        f"{len(architecture.components)} components",
        f"{len(architecture.relations)} relations",
    ]
    if selected is not None:
        element = architecture.components_by_id.get(selected) or architecture.groups_by_id.get(selected)
        if element is not None:
            parts.append(f"selected: {element.label}")
    return "  ·  ".join(parts)
