"""From a note to the draft editor and back to the window: File → "New architecture from note…".

The window's three ways in (the menu action, a drop with Alt or Ctrl held, the
notes sources' context menu) all end in :meth:`DraftLauncher.draft_note`. The
note is checked at once; the icon catalogue loads off the UI thread; bad input
gets a clear message and writes nothing. Once saved, the window reloads the
user models (so the new architecture is listed and its file watched), opens the
note as user notes and shows the new diagram.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.drafting.service import DraftInputError, make_draft, read_note_text
from explorer.ui.drafting.catalogue_loader import CatalogueLoader
from explorer.ui.drafting.editor import DraftEditor
from explorer.userdirs import user_models_dir
from models.drafting import Catalogue
from models.notes.loading import NOTE_SUFFIXES

if TYPE_CHECKING:
    from explorer.ui.window_api import ExplorerWindow

DRAFT_DROP_MODIFIERS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
"""Dropping one note with either held drafts an architecture from it instead of opening it as notes."""


class UserModels(Protocol):
    """What the launcher needs from the window's user content (``UserContent``)."""

    def reload_models(self, *, then: Callable[[], None] | None = None) -> None: ...

    def add_note_locations(self, locations: Iterable[Path]) -> None: ...


class DraftLauncher(QObject):
    """Drafts notes for one window; there is one per window (see :func:`launcher_for`)."""

    def __init__(self, window: ExplorerWindow, content: UserModels) -> None:
        super().__init__(window)
        self.setObjectName("draftLauncher")
        self.window = window
        self.content = content
        self.loader = CatalogueLoader(self)
        self.loader.ready.connect(self._on_catalogue)
        self.loader.failed.connect(self.show_problem)
        self._pending: tuple[Path, str] | None = None
        self.editor: DraftEditor | None = None

    def choose_note(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "New architecture from note", str(Path.home()), "Markdown notes (*.md *.markdown)"
        )
        if name:
            self.draft_note(Path(name))

    def draft_note(self, note: Path) -> None:
        """Check ``note`` now, then open the editor once the icon catalogue is ready."""
        try:
            text = read_note_text(note)
        except DraftInputError as error:
            self.show_problem(str(error))
            return
        self._pending = (note, text)
        self.window.show_status(f"Drafting an architecture from {note.name}…")
        self.loader.load()

    def show_problem(self, message: str) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setObjectName("draftProblem")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("New architecture from note")
        box.setText("No architecture was drafted; nothing was written.")
        box.setInformativeText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _on_catalogue(self, catalogue: Catalogue) -> None:
        if self._pending is None:
            return
        note, text = self._pending
        self._pending = None
        try:
            draft, _yaml = make_draft(text, note, None, None)
        except DraftInputError as error:
            self.show_problem(str(error))
            return
        taken = frozenset(self.window.sources.architectures)
        draft = replace(draft, id=_free_id(draft.id, taken))
        if self.editor is not None:
            self.editor.close()
        self.editor = DraftEditor(
            draft, note, text, catalogue, self.window.layouts, user_models_dir(), taken, self.window
        )
        self.editor.saved.connect(lambda _file, architecture_id: self._on_saved(note, architecture_id))
        self.editor.finished.connect(self._forget_editor)
        self.editor.open()

    def _forget_editor(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None

    def _on_saved(self, note: Path, architecture_id: str) -> None:
        self.content.add_note_locations([note])
        self.content.reload_models(then=lambda: self._show_saved(note, architecture_id))

    def _show_saved(self, note: Path, architecture_id: str) -> None:
        if architecture_id in self.window.sources.architectures:
            self.window.show_architecture(architecture_id)
            self.window.show_status(f"Saved the new architecture; {note.name} is attached as your notes")


def launcher_for(window: ExplorerWindow, content: UserModels) -> DraftLauncher:
    """The window's launcher, made on first use."""
    launcher = window.findChild(DraftLauncher, "draftLauncher")
    return launcher if isinstance(launcher, DraftLauncher) else DraftLauncher(window, content)


def draft_dropped_note(
    launcher: DraftLauncher, paths: Sequence[Path], modifiers: Qt.KeyboardModifier
) -> bool:
    """Draft from the one note dropped with Alt or Ctrl held; False for any other drop."""
    notes = [path for path in paths if path.is_file() and path.suffix.lower() in NOTE_SUFFIXES]
    if len(paths) != 1 or len(notes) != 1 or not modifiers & DRAFT_DROP_MODIFIERS:
        return False
    launcher.draft_note(notes[0])
    return True


def _free_id(wanted: str, taken: frozenset[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate
