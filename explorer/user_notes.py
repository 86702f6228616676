"""The user's own notes: where they are, loading them off the UI thread, and live reload."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from models.notes import NoteDocument, NotesLibrary, NotesLoadResult, load_notes

RELOAD_DELAY_MS = 250
MAX_WATCHED_FOLDERS = 2000


class UserNotes(QObject):
    """Keeps a :class:`NotesLibrary` in step with the user's note files.

    ``library_changed`` fires (on the UI thread) after every completed load,
    with the new library and the problems met while reading.
    """

    library_changed = Signal(object, list)
    _loaded = Signal(int, object)

    def __init__(self, builtin: Sequence[NoteDocument], parent: QObject | None = None):
        super().__init__(parent)
        self._builtin = tuple(builtin)
        self.locations: list[Path] = []
        self.library = NotesLibrary(self._builtin)
        self.errors: list[str] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notes")
        self._generation = 0
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule_reload)
        self._watcher.directoryChanged.connect(self._schedule_reload)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self._loaded.connect(self._on_loaded)

    def set_locations(self, locations: Sequence[Path]) -> None:
        self.locations = list(dict.fromkeys(Path(location).expanduser() for location in locations))
        self.reload()

    def add_location(self, location: Path) -> None:
        self.set_locations([*self.locations, location])

    def remove_location(self, location: Path) -> None:
        self.set_locations([existing for existing in self.locations if existing != location])

    def reload(self) -> None:
        """Load every location again in the background; a newer load supersedes older ones."""
        self._generation += 1
        generation = self._generation
        locations = list(self.locations)
        if not locations:
            self._on_loaded(generation, NotesLoadResult(documents=[], errors=[]))
            return
        future: Future[NotesLoadResult] = self._executor.submit(load_notes, locations)
        future.add_done_callback(lambda done: self._loaded.emit(generation, _result_of(done)))

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until queued loads are done (for the command line and tests)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _on_loaded(self, generation: int, result: NotesLoadResult) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self.library = NotesLibrary(self._builtin, result.documents)
        self.errors = list(result.errors)
        self._watch(result.documents)
        self.library_changed.emit(self.library, self.errors)

    def _watch(self, documents: Sequence[NoteDocument]) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        paths = {str(location) for location in self.locations if location.exists()}
        paths.update(document.source for document in documents)
        for location in self.locations:
            if location.is_dir():
                paths.update(str(folder) for folder in _folders_below(location))
        if paths:
            self._watcher.addPaths(sorted(paths))

    def _schedule_reload(self, _path: str) -> None:
        self._timer.start()


def _folders_below(root: Path) -> list[Path]:
    """Folders to watch for new files (QFileSystemWatcher is not recursive); bounded."""
    folders: list[Path] = [root]
    seen = {root.resolve()}
    index = 0
    while index < len(folders) and len(folders) < MAX_WATCHED_FOLDERS:
        try:
            children = [child for child in folders[index].iterdir() if child.is_dir()]
        except OSError:
            children = []
        for child in children:
            resolved = child.resolve()
            if resolved not in seen and not child.name.startswith("."):
                seen.add(resolved)
                folders.append(child)
        index += 1
    return folders


def _result_of(future: Future[NotesLoadResult]) -> NotesLoadResult:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a loader bug must not kill the app
        return NotesLoadResult(documents=[], errors=[f"notes could not be loaded: {error}"])
