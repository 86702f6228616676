"""The user's notes are read and matched on the worker thread: the window only looks results up."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from explorer.user_notes import UserNotes
from models.catalog import load_catalog
from models.notes import NotesLibrary
from models.notes import loading as loading_module
from models.notes import reading as reading_module
from models.notes.cache import NotesCache

VAULT = Path(__file__).resolve().parents[1] / "fixtures" / "notes" / "vault"
ARCHITECTURES = load_catalog().architectures


@pytest.fixture
def owner() -> Iterator[QObject]:
    """Owns the loaders, as in the app: the loader thread must never hold the last reference."""
    parent = QObject()
    yield parent
    parent.deleteLater()


def _loaded(qtbot, owner: QObject, vault: Path, cache: NotesCache) -> UserNotes:
    notes = UserNotes(NotesLibrary(architectures=ARCHITECTURES), parent=owner, cache=cache)
    notes.set_architectures(ARCHITECTURES)
    with qtbot.waitSignal(notes.library_changed, timeout=10_000):
        notes.set_locations([vault])
    notes.wait_idle()
    notes.shutdown()
    return notes


def _refuse(*args: object) -> None:
    raise AssertionError("a note was read outside the worker thread")


def test_every_architecture_is_matched_by_the_time_the_worker_is_idle(
    qtbot, owner: QObject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _loaded(qtbot, owner, VAULT, NotesCache(tmp_path / "notes.cache"))
    monkeypatch.setattr(reading_module, "read_document", _refuse)
    for architecture in ARCHITECTURES:
        for component in architecture.components:
            notes.library.excerpts_for(architecture, component.id)
            notes.library.total_user_matches(architecture, component.id)
        notes.library.summary_for(architecture)
    kubernetes = next(a for a in ARCHITECTURES if a.id == "kubernetes")
    assert any(e.origin == "user" for e in notes.library.excerpts_for(kubernetes, "kube-apiserver"))


def test_a_restart_reads_the_notes_from_the_cache_file(
    qtbot, owner: QObject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    first = _loaded(qtbot, owner, vault, NotesCache(tmp_path / "notes.cache"))
    assert (tmp_path / "notes.cache").is_file()
    monkeypatch.setattr(loading_module, "parse_note", _refuse)
    monkeypatch.setattr(reading_module, "read_document", _refuse)
    again = _loaded(qtbot, owner, vault, NotesCache(tmp_path / "notes.cache"))
    assert again.library.user == first.library.user
    assert again.errors == first.errors == []


@pytest.mark.parametrize("on_screen", ["kubernetes", None])
def test_the_architecture_on_screen_is_matched_before_the_library_arrives_and_the_others_after(
    qtbot, owner: QObject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_screen: str | None
) -> None:
    """With nothing on screen yet (the window is starting), every architecture is matched first."""
    ui, read = threading.current_thread(), reading_module.read_document

    def read_off_the_ui_thread(*args: object) -> object:
        assert threading.current_thread() is not ui, "a note was read on the UI thread"
        return read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_module, "read_document", read_off_the_ui_thread)
    notes = UserNotes(
        NotesLibrary(architectures=ARCHITECTURES),
        parent=owner,
        cache=NotesCache(tmp_path / "notes.cache"),
        shown=lambda: on_screen,
    )
    notes.set_architectures(ARCHITECTURES)
    kubernetes = next(a for a in ARCHITECTURES if a.id == "kubernetes")
    shown: list[bool] = []

    def on_arrival(library: NotesLibrary) -> None:  # on the UI thread, as the panel would
        if library.user:
            shown.append(any(e.origin == "user" for e in library.excerpts_for(kubernetes, "kube-apiserver")))
            if on_screen is None:
                for architecture in ARCHITECTURES:
                    library.summary_for(architecture)

    notes.library_changed.connect(on_arrival)
    with qtbot.waitSignal(notes.library_changed, timeout=10_000, check_params_cb=lambda lib: bool(lib.user)):
        notes.set_locations([VAULT])
    assert shown == [True]
    notes.wait_idle()
    for architecture in ARCHITECTURES:
        for component in architecture.components:
            notes.library.excerpts_for(architecture, component.id)
        notes.library.summary_for(architecture)
    notes.shutdown()


def test_architectures_over_the_warm_limit_are_left_to_whoever_shows_them(
    qtbot, owner: QObject, tmp_path: Path
) -> None:
    # Matching a 1,000-component model ahead of need took the interpreter from the window opening it.
    limit = max(len(a.components) for a in ARCHITECTURES) - 1
    large = [a for a in ARCHITECTURES if len(a.components) > limit]
    notes = UserNotes(
        NotesLibrary(architectures=ARCHITECTURES),
        parent=owner,
        cache=NotesCache(tmp_path / "notes.cache"),
        warm_limit=limit,
    )
    notes.set_architectures(ARCHITECTURES)
    with qtbot.waitSignal(notes.library_changed, timeout=10_000):
        notes.set_locations([VAULT])
    notes.wait_idle()
    notes.shutdown()
    assert large
    assert not any(notes.library.prepared(a) for a in large)
    assert all(notes.library.prepared(a) for a in ARCHITECTURES if a not in large)
