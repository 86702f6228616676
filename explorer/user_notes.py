"""The user's own notes: where they are, loading them off the UI thread, and live reload."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from explorer.file_watch import FileWatch, folders_below
from explorer.userdirs import user_cache_dir
from models.architecture import Architecture
from models.notes import NotesLibrary, NotesMatcher
from models.notes.cache import NotesCache

log = logging.getLogger(__name__)
CACHE_FILE = "notes.cache"
PROGRESS_EVERY_FOLDERS = 500
"""A progress message every this many folders searched (``/usr`` has tens of thousands)."""


class _Stopped(Exception):
    """Raised inside a load that was cancelled or superseded, to stop its folder walk."""


@dataclass(frozen=True)
class _Loaded:
    library: NotesLibrary
    errors: list[str]
    folders: list[Path]
    """The folders to watch, found off the UI thread too."""


class UserNotes(QObject):
    """Keeps a :class:`NotesLibrary` in step with the user's note files.

    ``library_changed`` fires on the UI thread after every completed load, with a new
    library: one handed out is never changed (worker threads may be reading it).
    Loads run on a worker thread so a large vault never freezes the window (a large one
    is parsed on two cores, see :mod:`models.notes.two_cores`). The notes are read for
    the architecture on screen (``shown`` gives its id; it is called on the worker thread,
    so it must only read a plain value) as they are parsed, and the
    library is handed out once that one is matched; the same worker then matches the
    others, in the handed-out library (its caches are filled as values, see
    docs/ARCHITECTURE.md). Parsed notes and their matches are kept in the user cache
    folder, so a restart reads only changed notes. A load started later supersedes (and
    stops) one still running.
    """

    library_changed = Signal(object)
    progress = Signal(str)
    """What a load in progress is doing (on the UI thread); "" once it ended."""
    _loaded = Signal(int, object)
    _progress = Signal(int, str)

    def __init__(
        self,
        library: NotesLibrary,
        locations: Sequence[Path] = (),
        parent: QObject | None = None,
        architectures: Iterable[Architecture] = (),
        cache: NotesCache | None = None,
        shown: Callable[[], str | None] = lambda: None,
        warm_limit: int | None = None,
    ):
        super().__init__(parent)
        self._shown = shown
        self._warm_limit = warm_limit
        self._cache = cache or NotesCache(user_cache_dir() / CACHE_FILE)
        self._in_use: set[str] | None = None  # the fingerprints the last load matched with (worker only)
        self.library = library
        self._architectures = tuple(architectures)
        self.locations: list[Path] = list(locations)
        self.errors: list[str] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notes")
        self._generation = 0
        self._stop = threading.Event()
        self._stop.set()  # set whenever no load is running
        self._closed = False
        self._watch = FileWatch(self)
        self._watch.changed.connect(self.reload)
        # Queued even when the load finished before its callback was added (the callback then
        # runs on this thread): the new library always arrives after the caller's own updates.
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._watch.watch(self.locations, (d.source for d in library.user))

    def set_locations(self, locations: Sequence[Path]) -> None:
        self.locations = list(dict.fromkeys(Path(location).expanduser() for location in locations))
        self.reload()

    def add_locations(self, locations: Sequence[Path]) -> None:
        self.set_locations([*self.locations, *locations])

    def remove_location(self, location: Path) -> None:
        self.set_locations([existing for existing in self.locations if existing != location])

    def set_architectures(
        self, architectures: Sequence[Architecture], prepared: NotesLibrary | None = None
    ) -> None:
        """Match against these architectures: ``prepared`` is a library made (and warmed) off the UI
        thread for them, used when it holds the notes loaded now; otherwise a background load."""
        self._architectures = tuple(architectures)
        if prepared is not None and _same_notes(prepared, self.library):
            self.library = prepared
            self.library_changed.emit(self.library)
        else:
            self.reload()

    def prepared_library(self, architectures: Sequence[Architecture]) -> NotesLibrary:
        """A library of the notes loaded now for ``architectures`` (any thread: libraries are values)."""
        library = self.library
        return library.with_user(library.user, architectures, cache=self._cache)

    @property
    def loading(self) -> bool:
        return not self._stop.is_set()

    def cancel(self) -> None:
        """Stop the load in progress; the notes read before it stay."""
        self._stop.set()

    def reload(self) -> None:
        """Load every location again and match the notes, in the background (a load still running
        stops)."""
        if self._closed:
            return
        self._stop.set()
        self._stop = stop = threading.Event()
        self._generation += 1
        generation, before = self._generation, self.library
        future = self._executor.submit(
            self._load, list(self.locations), before, self._architectures, generation, stop
        )
        future.add_done_callback(lambda done: self._loaded.emit(generation, done))
        self._executor.submit(self._warm_others, future, generation)  # once the panel has its notes
        self._executor.submit(self._save)

    def _load(
        self,
        locations: list[Path],
        before: NotesLibrary,
        architectures: Sequence[Architecture],
        generation: int,
        stop: threading.Event,
    ) -> _Loaded:
        """On the worker: unchanged notes come from the cache, the rest are parsed and read for the
        architecture on screen, which is matched (and the one on screen by then, if another; every
        architecture when none is shown yet); then the folders to watch. ``stop`` ends it between
        folders and between notes."""
        searched = 0

        def on_folder(folder: str, notes: int) -> None:
            nonlocal searched
            if stop.is_set():
                raise _Stopped()
            searched += 1
            if searched % PROGRESS_EVERY_FOLDERS == 0:
                found = f"{searched:,} folders searched, {notes:,} notes found"
                self._progress.emit(generation, f"Reading notes: {found}, now in {folder}…")

        def between() -> None:
            if stop.is_set():
                raise _Stopped()

        from models.notes import load_notes  # the parser is imported when notes are first read

        shown = self._shown_now(architectures)
        others = [other for other in architectures if other is not shown]
        matcher = NotesMatcher(shown, others, self._cache) if shown is not None else None
        result = load_notes(locations, self._cache, on_folder=on_folder, between=between, read_with=matcher)
        library = before.with_user(result.documents, architectures, cache=self._cache)
        first = list(dict.fromkeys(a for a in (shown, self._shown_now(architectures)) if a is not None))
        library.warm(first or self._to_warm(architectures))  # nothing on screen yet: every one
        folders = [below for location in locations if location.is_dir() for below in folders_below(location)]
        return _Loaded(library, result.errors, folders)

    def _to_warm(self, architectures: Sequence[Architecture]) -> list[Architecture]:
        """The architectures matched ahead of need: not those over ``warm_limit`` components, which
        whoever shows them matches when asked (matching 1,000 components ahead of need took the
        interpreter from the window opening one)."""
        limit = self._warm_limit
        return [a for a in architectures if limit is None or len(a.components) <= limit]

    def _shown_now(self, architectures: Sequence[Architecture]) -> Architecture | None:
        """The architecture on screen (asked from the worker: ``shown`` reads a plain value)."""
        try:
            shown = self._shown()
        except RuntimeError:  # the window is gone
            return None
        return next((architecture for architecture in architectures if architecture.id == shown), None)

    def _warm_others(self, loaded: Future[_Loaded], generation: int) -> None:
        """On the worker, after a load: match the other architectures (unless a newer load started)."""
        if loaded.exception() is None and generation == self._generation:
            library = loaded.result().library
            library.warm(self._to_warm(self._architectures))
            self._in_use = library.fingerprints()

    def _save(self) -> None:
        """On the worker thread, after a load: keep the notes and the latest architectures' readings."""
        self._cache.save(self._in_use)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued loads are done (tests and the command line)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Stop watching and loading (the window is closing)."""
        self._closed = True
        self._stop.set()
        self._watch.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _on_progress(self, generation: int, message: str) -> None:
        if generation == self._generation and not self._closed and self.loading:
            self.progress.emit(message)

    def _on_loaded(self, generation: int, future: Future[_Loaded]) -> None:
        if generation != self._generation or self._closed:
            return  # a newer load is on its way
        stopped = self._stop.is_set()
        self._stop.set()
        loaded = _result_of(future, self.library)
        if loaded is None:
            self.progress.emit("Stopped reading notes; the notes read before are kept" if stopped else "")
            return
        self.progress.emit("")
        self.library = loaded.library
        self.errors = list(loaded.errors)
        self._watch.watch(
            self.locations, (document.source for document in self.library.user), folders=loaded.folders
        )
        self.library_changed.emit(self.library)


def _same_notes(one: NotesLibrary, other: NotesLibrary) -> bool:
    """The same note objects (a load in between would have made new ones) and the same limit."""
    pairs = zip(one.user, other.user, strict=False)
    return len(one.user) == len(other.user) and one.limit == other.limit and all(a is b for a, b in pairs)


def _result_of(future: Future[_Loaded], before: NotesLibrary) -> _Loaded | None:
    """The load's result; None when it was stopped; a loader bug becomes a message, never a crash."""
    try:
        return future.result()
    except _Stopped:
        return None
    except Exception as error:  # noqa: BLE001 - a loader bug must not take the window down
        log.exception("the notes could not be loaded")
        return _Loaded(before.with_user([]), [f"notes could not be loaded: {error}"], [])
