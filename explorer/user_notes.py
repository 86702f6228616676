"""The user's own notes: where they are, loading them off the UI thread, and live reload."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from explorer.file_watch import FileWatch
from models.architecture import Architecture
from models.notes import NoteDocument, NotesLibrary, NotesLoadResult, load_notes

log = logging.getLogger(__name__)


class UserNotes(QObject):
    """Keeps a :class:`NotesLibrary` in step with the user's note files.

    ``library_changed`` fires on the UI thread after every completed load, with a new
    library: one handed out is never changed (worker threads may be reading it).
    Loads run on a worker thread so a large vault never freezes the window;
    a load started later supersedes one still running.
    """

    library_changed = Signal(object)
    _loaded = Signal(int, object)

    def __init__(
        self,
        library: NotesLibrary,
        locations: Sequence[Path] = (),
        parent: QObject | None = None,
        architectures: Iterable[Architecture] = (),
    ):
        super().__init__(parent)
        self.library = library
        self._architectures = tuple(architectures)
        self.locations: list[Path] = list(locations)
        self.errors: list[str] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notes")
        self._generation = 0
        self._closed = False
        self._watch = FileWatch(self)
        self._watch.changed.connect(self.reload)
        # Queued even when the load finished before its callback was added (the callback then
        # runs on this thread): the new library always arrives after the caller's own updates.
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._watch.watch(self.locations, (d.source for d in library.user))

    def set_locations(self, locations: Sequence[Path]) -> None:
        self.locations = list(dict.fromkeys(Path(location).expanduser() for location in locations))
        self.reload()

    def add_locations(self, locations: Sequence[Path]) -> None:
        self.set_locations([*self.locations, *locations])

    def remove_location(self, location: Path) -> None:
        self.set_locations([existing for existing in self.locations if existing != location])

    def set_architectures(self, architectures: Sequence[Architecture]) -> None:
        self._architectures = tuple(architectures)
        self.library = self._snapshot(self.library.user)
        self.library_changed.emit(self.library)

    def reload(self) -> None:
        """Load every location again in the background."""
        if self._closed:
            return
        self._generation += 1
        generation = self._generation
        future: Future[NotesLoadResult] = self._executor.submit(load_notes, list(self.locations))
        future.add_done_callback(lambda done: self._loaded.emit(generation, _result_of(done)))

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued loads are done (tests and the command line)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Stop watching and loading (the window is closing)."""
        self._closed = True
        self._watch.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _on_loaded(self, generation: int, result: NotesLoadResult) -> None:
        if generation != self._generation or self._closed:
            return  # a newer load is on its way
        self.library = self._snapshot(result.documents)
        self.errors = list(result.errors)
        self._watch.watch(self.locations, (document.source for document in result.documents))
        self.library_changed.emit(self.library)

    def _snapshot(self, user: Sequence[NoteDocument]) -> NotesLibrary:
        return NotesLibrary(
            self.library.builtin, user, architectures=self._architectures, limit=self.library.limit
        )


def _result_of(future: Future[NotesLoadResult]) -> NotesLoadResult:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a loader bug must not take the window down
        log.exception("the notes could not be loaded")
        return NotesLoadResult(documents=[], errors=[f"notes could not be loaded: {error}"])
