"""Debounced watching of files and folders (QFileSystemWatcher is neither recursive nor debounced)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250
MAX_WATCHED_FOLDERS = 2000


class FileWatch(QObject):
    """Emits ``changed`` once a burst of changes below the watched locations has settled."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.changed)

    def watch(
        self,
        locations: Iterable[Path],
        files: Iterable[str | Path] = (),
        *,
        folders: Iterable[Path] | None = None,
    ) -> None:
        """Watch exactly these locations (folders recursively) and files, replacing what was watched.

        A location that does not exist yet is watched through its nearest
        existing parent folder, so its appearance (or a replaced folder) is seen.
        ``folders``, when given, are the folders below the locations, already found
        (off the UI thread: a huge folder takes a while to search).
        """
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        paths: set[str] = {str(path) for path in files}
        if folders is not None:
            paths.update(str(folder) for folder in folders)
        for location in locations:
            if location.is_dir() and folders is None:
                paths.update(str(folder) for folder in folders_below(location))
            elif location.is_dir() or location.exists():
                paths.add(str(location))
            else:
                ancestor = next((parent for parent in location.parents if parent.is_dir()), None)
                if ancestor is not None:
                    paths.add(str(ancestor))
            if location.parent.is_dir():
                paths.add(str(location.parent))
        if paths:
            self._watcher.addPaths(sorted(paths))

    def stop(self) -> None:
        """Forget every watched path and any change still waiting to be reported."""
        self._timer.stop()
        self.watch([])

    def _poke(self, _path: str) -> None:
        self._timer.start()


def folders_below(root: Path) -> list[Path]:
    """``root`` and the folders under it, skipping hidden ones and symlink loops; bounded.

    Entries are read with ``scandir`` (their type comes with the name) and only
    symbolic links are resolved: a big tree is searched in a fraction of the time.
    """
    folders: list[Path] = [root]
    seen = {os.path.realpath(root)}
    index = 0
    while index < len(folders) and len(folders) < MAX_WATCHED_FOLDERS:
        folder = folders[index]
        try:
            with os.scandir(folder) as entries:
                children = sorted(
                    (entry for entry in entries if not entry.name.startswith(".") and entry.is_dir()),
                    key=lambda entry: entry.name,
                )
        except OSError:
            children = []
        for child in children:
            real = os.path.realpath(child.path) if child.is_symlink() else child.path
            if real not in seen:
                seen.add(real)
                folders.append(Path(child.path))
        index += 1
    return folders
