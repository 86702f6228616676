"""The "Notes sources" dialog: which files and folders of notes are open, and removing them."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.user_notes import UserNotes


class NotesSourcesDialog(QDialog):
    """Lists the open note locations with their problems; removal applies at once."""

    def __init__(
        self,
        user_notes: UserNotes,
        parent: QWidget | None = None,
        draft_note: Callable[[Path], object] | None = None,
    ):
        """``draft_note`` (when given) is offered in a note file's context menu."""
        super().__init__(parent)
        self.draft_note = draft_note
        self.setObjectName("notesSourcesDialog")
        self.setWindowTitle("Notes sources")
        self.resize(620, 380)
        self.user_notes = user_notes
        self.list = QListWidget(self)
        self.list.setObjectName("notesSourcesList")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(
            lambda pos: self.context_menu().popup(self.list.mapToGlobal(pos))
        )
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setObjectName("notesSourcesProblems")
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("removeNotesSource")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Your notes are read from these files and folders:", self))
        layout.addWidget(self.list)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for location in self.user_notes.locations:
            item = QListWidgetItem(str(location))
            if not location.exists():
                item.setText(f"{location}  (missing)")
            item.setData(Qt.ItemDataRole.UserRole, str(location))
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)
        errors = self.user_notes.errors
        self.problems.setText(
            ("<b>Could not read:</b><br>" + "<br>".join(html.escape(error) for error in errors[:20]))
            if errors
            else "No problems reading them."
        )

    def context_menu(self) -> QMenu:
        """Remove the current location; draft an architecture from it when it is one note file."""
        menu = QMenu(self)
        menu.addAction("Remove", self.remove_selected)
        item = self.list.currentItem()
        path = Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if self.draft_note is not None and path is not None and path.is_file():
            draft = menu.addAction("New architecture from this note…")
            draft.setObjectName("draftFromNote")
            draft.triggered.connect(lambda: self._draft(path))
        return menu

    def _draft(self, path: Path) -> None:
        self.accept()
        if self.draft_note is not None:
            self.draft_note(path)

    def remove_selected(self) -> None:
        item = self.list.currentItem() or (self.list.item(0) if self.list.count() else None)
        if item is None:
            return
        self.user_notes.remove_location(Path(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh()
