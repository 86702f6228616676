"""The user's own notes and architectures in the window: opening, watching, markers, problems."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton

from explorer.file_watch import FileWatch
from explorer.sources import user_model_locations
from explorer.ui.notes_sources_dialog import NotesSourcesDialog
from explorer.user_notes import UserNotes
from models.catalog import load_catalog
from models.notes import NotesLibrary
from models.notes.loading import NOTE_SUFFIXES
from models.walkthroughs import load_walkthrough_catalog

if TYPE_CHECKING:
    from explorer.ui.window_api import ExplorerWindow


class UserContent(QObject):
    """Keeps the window in step with the user's notes and model files."""

    def __init__(self, window: ExplorerWindow):
        super().__init__(window)
        self.window = window
        sources = window.sources
        self.notes = UserNotes(sources.notes, sources.note_locations, self, sources.architectures.values())
        self.notes.errors = list(sources.notes_errors)
        self.notes.library_changed.connect(self._on_notes_changed)
        self.model_watch = FileWatch(self)
        self.model_watch.changed.connect(self.reload_models)
        self.model_watch.watch(user_model_locations(sources.model_locations))
        self.problems_button = QToolButton(window)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        window.statusBar().addPermanentWidget(self.problems_button)
        remembered = [path for path in window.settings.note_locations() if path not in self.notes.locations]
        if remembered:
            self.notes.add_locations(remembered)
        self._update_problems()

    # Notes -----------------------------------------------------------------

    def open_notes_file(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, "Open notes", str(Path.home()), "Markdown notes (*.md *.markdown)"
        )
        self.add_note_locations(Path(name) for name in files)

    def open_notes_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of notes (an Obsidian vault)")
        if folder:
            self.add_note_locations([Path(folder)])

    def add_note_locations(self, locations: Iterable[Path]) -> None:
        new = [location for location in locations if location not in self.notes.locations]
        if not new:
            return
        self.notes.add_locations(new)
        self.window.settings.set_note_locations(self.notes.locations)
        self.window.show_status(f"Reading notes from {', '.join(str(path) for path in new)}…")

    def show_sources(self) -> None:
        dialog = NotesSourcesDialog(self.notes, self.window)
        dialog.exec()
        self.window.settings.set_note_locations(self.notes.locations)

    def has_user_notes(self) -> bool:
        return bool(self.notes.locations)

    def _on_notes_changed(self, library: NotesLibrary) -> None:
        self.window.sources = self.window.sources.with_notes(library)
        self.window.notes_panel.set_notes(library)
        self.update_markers()
        self._update_problems()

    def update_markers(self) -> None:
        """Mark components that the user's notes never mention, and count them in the status bar."""
        scene, architecture = self.window.scene, self.window.architecture
        if scene is None or architecture is None:
            return
        if not self.has_user_notes():
            scene.set_markers(set())
            return
        library = self.window.sources.notes
        missing = {
            c.id for c in architecture.components if library.total_user_matches(architecture, c.id) == 0
        }
        scene.set_markers(missing)
        self.window.show_status(
            f"{len(missing)} of {len(architecture.components)} components are not in your notes yet"
            if missing
            else "Every component is in your notes"
        )

    # Drag and drop ---------------------------------------------------------

    @staticmethod
    def dropped_locations(mime: QMimeData) -> list[Path]:
        """Local Markdown files and folders among dropped URLs."""
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [path for path in paths if path.is_dir() or path.suffix.lower() in NOTE_SUFFIXES]

    # Models ----------------------------------------------------------------

    def reload_models(self) -> None:
        """Load the architectures again after a user model file changed; the rest keeps working."""
        window = self.window
        locations = user_model_locations(window.sources.model_locations)
        catalog = load_catalog(locations)
        by_id = {architecture.id: architecture for architecture in catalog.architectures}
        window.sources = window.sources.with_walkthroughs(load_walkthrough_catalog(by_id, locations))
        window.apply_architectures(catalog.architectures, catalog.errors)
        self.notes.set_architectures(catalog.architectures)
        self.model_watch.watch(locations)
        self._update_problems()

    # Problems --------------------------------------------------------------

    def problems(self) -> list[str]:
        return [
            *self.window.settings.problems,
            *(error.message for error in self.window.sources.model_errors),
            *(error.message for error in self.window.sources.walkthrough_errors),
            *self.notes.errors,
        ]

    def _update_problems(self) -> None:
        count = len(self.problems())
        self.problems_button.setVisible(count > 0)
        self.problems_button.setText(f"⚠ {count} problem{'s' if count != 1 else ''}")
        self.problems_button.setToolTip("Files that could not be read; click for details")

    def show_problems(self) -> None:
        problems = self.problems()
        box = QMessageBox(self.window)
        box.setObjectName("problemsDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Problems reading your files")
        box.setText(f"{len(problems)} file(s) could not be read. Everything else keeps working.")
        box.setDetailedText("\n".join(problems))
        box.open()
