"""A huge folder opened as the notes folder (think ``/usr``): searched in the background, with
progress and a way to stop, its folders found off the UI thread too.

The tree is real: 1,500 folders holding non-Markdown files, and two notes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings

from explorer.app import create_window
from explorer.file_watch import folders_below
from explorer.user_notes import PROGRESS_EVERY_FOLDERS, UserNotes
from models.catalog import load_catalog
from models.notes import NotesLibrary

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usr")
    for index in range(1_500):
        folder = root / f"lib{index // 50}" / f"pkg{index}"
        folder.mkdir(parents=True)
        (folder / "module.so").write_bytes(b"\x7fELF")
        (folder / "README").write_text("not a note", encoding="utf-8")
    (root / "lib3" / "pkg150" / "kubelet.md").write_text(
        "# kubelet\nthe kubelet runs pods\n", encoding="utf-8"
    )
    (root / "etcd.markdown").write_text("# etcd\nthe etcd store keeps state\n", encoding="utf-8")
    return root


@pytest.fixture
def notes() -> Iterator[UserNotes]:
    owner = QObject()
    made = UserNotes(NotesLibrary(architectures=load_catalog().architectures), parent=owner)
    yield made
    made.wait_idle()
    made.shutdown()
    owner.deleteLater()


def test_progress_is_reported_and_the_notes_load(qtbot, huge: Path, notes: UserNotes) -> None:
    messages: list[str] = []
    notes.progress.connect(messages.append)
    with qtbot.waitSignal(notes.library_changed, timeout=WAIT_MS):
        notes.set_locations([huge])
    assert sorted(document.title for document in notes.library.user) == ["etcd", "kubelet"]
    assert f"Reading notes: {PROGRESS_EVERY_FOLDERS:,} folders searched" in messages[0]
    assert messages[-1] == "", "the progress ends"
    assert not notes.loading


def test_a_load_can_be_stopped_and_keeps_the_notes_read_before(
    qtbot, huge: Path, notes: UserNotes, tmp_path: Path
) -> None:
    small = tmp_path / "small"
    small.mkdir()
    (small / "alb.md").write_text("# alb\nthe load balancer\n", encoding="utf-8")
    with qtbot.waitSignal(notes.library_changed, timeout=WAIT_MS):
        notes.set_locations([small])
    busy = threading.Event()
    notes._executor.submit(busy.wait)  # the loader is busy: the next load starts only after the stop
    messages: list[str] = []
    notes.progress.connect(messages.append)
    notes.add_locations([huge])
    assert notes.loading
    notes.cancel()
    busy.set()
    qtbot.waitUntil(
        lambda: messages == ["Stopped reading notes; the notes read before are kept"], timeout=WAIT_MS
    )
    assert [document.title for document in notes.library.user] == ["alb"]
    assert not notes.loading


def test_the_window_offers_to_stop_while_searching(qtbot, huge: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("sources/notes", [str(huge)])
    window = create_window(settings=settings, architecture_id="eks")
    qtbot.addWidget(window)
    window.show()
    content = window.user_content
    assert not content.notes.library.user, "start-up does not wait for the folder to be searched"
    shown: list[bool] = []
    content.notes.progress.connect(
        lambda message: shown.append(content.stop_notes_button.isVisibleTo(window))
    )
    qtbot.waitUntil(lambda: len(content.notes.library.user) == 2, timeout=WAIT_MS)
    assert shown[0], "the stop button shows while searching"
    assert not content.stop_notes_button.isVisibleTo(window), "and goes once done"
    window.close()


def test_folders_are_found_quickly_and_bounded(huge: Path) -> None:
    folders = folders_below(huge)
    assert len(folders) == 1 + 30 + 1_500
    assert folders[0] == huge
