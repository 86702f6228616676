"""The window's start reads the notes just after its first paint: the built-in library on
first use, the user's remembered notes folders once the window is painted (issue 16)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.settings import AppSettings
from explorer.sources import Once, load_sources
from models.notes import NotesLibrary

VAULT = Path(__file__).resolve().parents[1] / "fixtures" / "notes" / "vault"


def test_the_library_is_made_once_for_every_copy_and_thread() -> None:
    made: list[NotesLibrary] = []

    def make() -> NotesLibrary:
        made.append(NotesLibrary())
        return made[-1]

    once = Once(make)
    assert not once.made
    seen: list[NotesLibrary] = []
    threads = [threading.Thread(target=lambda: seen.append(once())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert all(library is made[0] for library in seen)


def test_sources_share_their_library_until_new_notes_come() -> None:
    sources = load_sources()
    assert not sources.notes_once.made, "nothing asked for the notes yet"
    again = sources.with_architectures(list(sources.architectures.values()), [])
    assert again.notes is sources.notes
    assert sources.notes_once.made
    assert sources.notes.builtin, "the built-in notes, read from the snapshot"
    other = NotesLibrary()
    assert sources.with_notes(other).notes is other
    assert sources.notes is not other


def test_remembered_notes_folders_are_read_once_the_window_is_painted(
    qtbot, tmp_path: Path, settings_store: QSettings
) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    AppSettings(settings_store).set_note_locations([vault])
    window = create_window(settings=settings_store, paint_first=True)
    qtbot.addWidget(window)
    assert not window.sources.notes.user, "no user notes before the first paint"
    with qtbot.waitSignal(window.fully_built, timeout=30_000):
        window.show()
    assert "Matching the notes" not in window.notes_panel.plain_text(), "the notes are shown"
    qtbot.waitUntil(lambda: bool(window.sources.notes.user), timeout=20_000)
    assert window.user_content.notes.locations == [vault]
    window.close()
