"""The user's own notes and architectures in the window: opening, watching, markers, problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QToolButton

from explorer.diagram.qt_values import escape
from explorer.file_watch import FileWatch
from explorer.sources import user_model_locations
from explorer.ui.notes_panel import LARGE_ARCHITECTURE
from models.architecture import Architecture

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from PySide6.QtWidgets import QMessageBox

    from explorer.ui.window_api import ExplorerWindow
    from explorer.user_notes import UserNotes
    from models.loader import LoadResult
    from models.notes import NotesLibrary
    from models.walkthroughs import WalkthroughLoadResult


class ModelsLoad(NamedTuple):
    """What a reload of the user's models found: the catalog, the model files to watch, and the
    notes library for the new architectures, matched for the one shown."""

    catalog: LoadResult
    locations: list[Path]
    files: list[Path]
    library: NotesLibrary
    walkthroughs: WalkthroughLoadResult


class UserContent(QObject):
    """Keeps the window in step with the user's notes and model files.

    Model files are read again on a worker thread (a 50,000-component model takes
    seconds to parse); the window takes the result on the UI thread, and a reload
    started later supersedes one still running.
    """

    _models_loaded = Signal(int, object)

    def __init__(self, window: ExplorerWindow, *, later: bool = False):
        super().__init__(window)
        self.window = window
        self._loader: ThreadPoolExecutor | None = None  # made on the first reload (see _model_loader)
        self._model_generation = 0
        self._models_loaded.connect(self._on_models_loaded, Qt.ConnectionType.QueuedConnection)
        self._after_models: Callable[[], None] | None = None
        sources = window.sources
        self._notes: UserNotes | None = None
        self.model_watch = FileWatch(self)
        self.model_watch.changed.connect(self.reload_models)
        locations = user_model_locations(sources.model_locations)
        self.model_watch.watch(locations, watched_model_files(locations))
        self.stop_notes_button = QToolButton(window)
        self.stop_notes_button.setObjectName("stopReadingNotesButton")
        self.stop_notes_button.setText("Stop reading notes")
        self.stop_notes_button.setToolTip("Stop searching the notes folders (the notes read before are kept)")
        self.stop_notes_button.setVisible(False)
        self.stop_notes_button.clicked.connect(lambda: self.notes.cancel())
        window.statusBar().addPermanentWidget(self.stop_notes_button)
        self.problems_button = QToolButton(window)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        window.statusBar().addPermanentWidget(self.problems_button)
        self._update_problems()
        if not later:
            _ = self.notes

    @property
    def notes(self) -> UserNotes:
        """The user's notes: watched and read in the background; made on first use, or with
        ``later`` (the window's start) just after the first paint (:meth:`start_notes`)."""
        if self._notes is None:
            self._notes = self._start_notes()
        return self._notes

    def start_notes(self) -> None:
        _ = self.notes

    def _start_notes(self) -> UserNotes:
        from explorer.user_notes import UserNotes

        sources = self.window.sources
        window = self.window
        notes = UserNotes(
            sources.notes,
            sources.note_locations,
            self,
            sources.architectures.values(),
            shown=lambda: window.current_id,  # asked on the notes worker (AppState: a plain value)
            warm_limit=LARGE_ARCHITECTURE,  # the notes panel matches larger ones in the background
        )
        self._notes = notes
        notes.errors = list(sources.notes_errors)
        notes.library_changed.connect(self._on_notes_changed)
        notes.progress.connect(self._on_notes_progress)
        remembered = [path for path in self.window.settings.note_locations() if path not in notes.locations]
        if remembered:
            notes.add_locations(remembered)
        return notes

    @property
    def _model_loader(self) -> ThreadPoolExecutor:
        """The thread that reads model files again; made on first use, so ``concurrent.futures``
        is not imported before the first paint."""
        if self._loader is None:
            from concurrent.futures import ThreadPoolExecutor

            self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="models")
        return self._loader

    def shutdown(self) -> None:
        """Stops reading notes (if they were ever started)."""
        if self._notes is not None:
            self._notes.shutdown()

    # Notes -----------------------------------------------------------------

    def open_notes_file(self) -> None:
        # Dialogs are imported when used: not before the first paint.
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self.window, "Open notes", str(Path.home()), "Markdown notes (*.md *.markdown)"
        )
        self.add_note_locations(Path(name) for name in files)

    def open_notes_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

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
        from explorer.ui.drafting.launch import launcher_for  # drafting is imported on first use
        from explorer.ui.notes_sources_dialog import NotesSourcesDialog

        dialog = NotesSourcesDialog(
            self.notes, self.window, draft_note=launcher_for(self.window, self).draft_note
        )
        dialog.exec()
        self.window.settings.set_note_locations(self.notes.locations)

    def has_user_notes(self) -> bool:
        if self._notes is None:  # not started yet: the locations it will read
            return bool(self.window.sources.note_locations or self.window.settings.note_locations())
        return bool(self._notes.locations)

    def _on_notes_progress(self, message: str) -> None:
        """A large folder is being searched: say how far it got, and offer to stop."""
        self.stop_notes_button.setVisible(self.notes.loading)
        if message:
            self.window.show_status(message)

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
        from models.notes.loading import NOTE_SUFFIXES  # the notes parser: not at start-up

        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [path for path in paths if path.is_dir() or path.suffix.lower() in NOTE_SUFFIXES]

    # Models ----------------------------------------------------------------

    def reload_models(self, *, then: Callable[[], None] | None = None) -> None:
        """Load the architectures again (off the UI thread) after a user model file changed;
        ``then`` runs on the UI thread once they are shown (not if a newer reload replaced this one)."""
        self._model_generation += 1
        generation = self._model_generation
        self._after_models = then
        locations = user_model_locations(self.window.sources.model_locations)
        shown = self.window.current_id
        future = self._model_loader.submit(_load_models, locations, self.notes.prepared_library, shown)
        future.add_done_callback(lambda done: self._models_loaded.emit(generation, done))

    def wait_for_models(self, timeout: float = 60.0) -> None:
        """Block until queued model reloads are read (tests)."""
        self._model_loader.submit(lambda: None).result(timeout)

    def _on_models_loaded(self, generation: int, future: Future[ModelsLoad]) -> None:
        if generation != self._model_generation:
            return  # a newer reload is on its way
        loaded = future.result()
        catalog = loaded.catalog
        self.window.sources = self.window.sources.with_walkthroughs(loaded.walkthroughs)
        self.window.apply_architectures(catalog.architectures, catalog.errors)
        self.notes.set_architectures(catalog.architectures, loaded.library)
        self.model_watch.watch(loaded.locations, loaded.files)
        self._update_problems()
        then, self._after_models = self._after_models, None
        if then is not None:
            then()

    # Problems --------------------------------------------------------------

    def problems(self) -> list[str]:
        return [
            *self.window.settings.problems,
            *(error.message for error in self.window.sources.model_errors),
            *(error.message for error in self.window.sources.walkthrough_errors),
            *(self._notes.errors if self._notes is not None else self.window.sources.notes_errors),
        ]

    def _update_problems(self) -> None:
        count = len(self.problems())
        self.problems_button.setVisible(count > 0)
        self.problems_button.setText(f"⚠ {count} problem{'s' if count != 1 else ''}")
        self.problems_button.setToolTip("Files that could not be read; click for details")

    def show_problems(self) -> QMessageBox:
        """Lists every problem in the dialog itself (selectable), not behind "Show Details"."""
        from PySide6.QtWidgets import QMessageBox

        problems = self.problems()
        box = QMessageBox(self.window)
        box.setObjectName("problemsDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Problems reading your files")
        if problems:
            box.setText(f"{len(problems)} problem(s) reading your files. Everything else keeps working.")
            # File names and parser messages are text, never markup.
            box.setInformativeText("<br><br>".join(escape(problem) for problem in problems))
        else:
            box.setText("No problems: every file was read.")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        return box


def _load_models(
    locations: list[Path], library_for: Callable[[Sequence[Architecture]], NotesLibrary], shown: str | None
) -> ModelsLoad:
    """On the worker: the models, and the notes matched for the architecture shown (matching a
    model's names against 50,000 others takes seconds)."""
    from models.catalog import load_catalog
    from models.walkthroughs import load_walkthrough_catalog

    catalog = load_catalog(locations)
    walkthroughs = load_walkthrough_catalog({a.id: a for a in catalog.architectures}, locations)
    library = library_for(catalog.architectures)
    for architecture in catalog.architectures:
        if architecture.id == shown:
            library.summary_for(architecture)
    return ModelsLoad(catalog, locations, watched_model_files(locations), library, walkthroughs)


def watched_model_files(locations: Sequence[Path]) -> list[Path]:
    """Each model file at ``locations``: watched itself, so an edit in place reloads (the folder's
    own watch sees only files added, removed or renamed)."""
    if not locations:
        return []
    from models.loader import model_files  # and PyYAML: only when the user has model files
    from models.walkthroughs._loader import user_files

    files: list[Path] = []
    for location in locations:
        try:
            files.extend([*model_files(location), *user_files(location)])
        except OSError:
            continue  # the load reports it
    return files
