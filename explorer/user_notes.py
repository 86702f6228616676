"""The user's own notes: where they are, loading them off the UI thread, and live reload."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from explorer.file_watch import FileWatch
from explorer.userdirs import user_cache_dir
from models.architecture import Architecture
from models.notes import NotesLibrary, load_notes
from models.notes.cache import NotesCache

log = logging.getLogger(__name__)
CACHE_FILE = "notes.cache"


@dataclass(frozen=True)
class _Loaded:
    library: NotesLibrary
    errors: list[str]


class UserNotes(QObject):
    """Keeps a :class:`NotesLibrary` in step with the user's note files.

    ``library_changed`` fires on the UI thread after every completed load, with a new
    library: one handed out is never changed (worker threads may be reading it).
    Loads run on a worker thread so a large vault never freezes the window, and the
    notes are matched there against every architecture before the library is handed
    out: showing any architecture never waits for matching. Parsed notes and their
    matches are kept in the user cache folder, so a restart reads only changed notes.
    A load started later supersedes one still running.
    """

    library_changed = Signal(object)
    _loaded = Signal(int, object)

    def __init__(
        self,
        library: NotesLibrary,
        locations: Sequence[Path] = (),
        parent: QObject | None = None,
        architectures: Iterable[Architecture] = (),
        cache: NotesCache | None = None,
    ):
        super().__init__(parent)
        self._cache = cache or NotesCache(user_cache_dir() / CACHE_FILE)
        self._in_use: set[str] | None = None  # the fingerprints the last load matched with (worker only)
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
        """Match the notes against new architectures (in the background, like a load)."""
        self._architectures = tuple(architectures)
        self.reload()

    def reload(self) -> None:
        """Load every location again and match the notes, in the background."""
        if self._closed:
            return
        self._generation += 1
        generation, before = self._generation, self.library
        future = self._executor.submit(self._load, list(self.locations), before, self._architectures)
        future.add_done_callback(lambda done: self._loaded.emit(generation, _result_of(done, before)))
        self._executor.submit(self._save)  # once the panel has its notes: nobody waits for it

    def _load(
        self, locations: list[Path], before: NotesLibrary, architectures: Sequence[Architecture]
    ) -> _Loaded:
        """On the worker thread: unchanged notes come from the cache, the rest are read and matched."""
        result = load_notes(locations, self._cache)
        library = before.with_user(result.documents, architectures, cache=self._cache)
        library.warm()
        self._in_use = library.fingerprints()
        return _Loaded(library, result.errors)

    def _save(self) -> None:
        """On the worker thread, after a load: keep the notes and the latest architectures' readings."""
        self._cache.save(self._in_use)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued loads are done (tests and the command line)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Stop watching and loading (the window is closing)."""
        self._closed = True
        self._watch.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _on_loaded(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation or self._closed:
            return  # a newer load is on its way
        self.library = loaded.library
        self.errors = list(loaded.errors)
        self._watch.watch(self.locations, (document.source for document in self.library.user))
        self.library_changed.emit(self.library)


def _result_of(future: Future[_Loaded], before: NotesLibrary) -> _Loaded:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a loader bug must not take the window down
        log.exception("the notes could not be loaded")
        return _Loaded(before.with_user([]), [f"notes could not be loaded: {error}"])
