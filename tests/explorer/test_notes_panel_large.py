"""A large architecture's notes are matched in a worker, not on the UI thread (issue 16)."""

from __future__ import annotations

import threading

import pytest

from explorer.ui.main_window import MainWindow
from explorer.ui.notes_panel import LARGE_ARCHITECTURE, MANY_USER_NOTES
from models.architecture import Architecture, Component
from models.notes import NotesLibrary


def large_architecture() -> Architecture:
    components = tuple(
        Component(f"svc-{index}", f"Service {index}", "service", "aws/compute/fargate")
        for index in range(LARGE_ARCHITECTURE + 20)
    )
    return Architecture(id="large", title="Large model", summary="Many services.", components=components)


@pytest.fixture
def prepare_threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of every ``NotesLibrary.prepare`` call, in order (the matching still runs)."""
    threads: list[threading.Thread] = []
    prepare = NotesLibrary.prepare

    def recording(library: NotesLibrary, architecture: Architecture) -> None:
        threads.append(threading.current_thread())
        prepare(library, architecture)

    monkeypatch.setattr(NotesLibrary, "prepare", recording)
    return threads


def test_a_large_architecture_is_matched_in_a_worker_then_shown(
    qtbot, window: MainWindow, prepare_threads: list[threading.Thread]
) -> None:
    architecture = large_architecture()
    panel = window.notes_panel
    panel.set_notes(window.sources.notes.with_user(window.sources.notes.user, [architecture]))
    panel.show_element(architecture, None)
    assert "Matching the notes to its components" in panel.plain_text()
    qtbot.waitUntil(lambda: "Click a component" in panel.plain_text(), timeout=30_000)
    assert prepare_threads
    assert prepare_threads[0] is not threading.main_thread()
    assert panel.notes.prepared(architecture)


def test_a_small_architecture_is_matched_at_once(window: MainWindow) -> None:
    window.show_architecture("kubernetes")
    assert "Click a component" in window.notes_panel.plain_text()


def test_with_many_user_notes_a_small_architecture_is_matched_in_a_worker(
    qtbot, window: MainWindow, prepare_threads: list[threading.Thread], tmp_path
) -> None:
    # The library matches the architecture on screen first and the others after: a switch
    # before it reached one must not match a 1,000-note vault on the UI thread.
    from models.notes import load_notes

    for index in range(MANY_USER_NOTES + 1):
        (tmp_path / f"note {index}.md").write_text(f"# Pods {index}\n\nA Pod runs on a node.\n")
    user = load_notes([tmp_path]).documents
    panel = window.notes_panel
    library = window.sources.notes.with_user(user, list(window.sources.architectures.values()))
    panel.set_notes(library)
    kubernetes = window.sources.architectures["kubernetes"]
    panel.show_element(kubernetes, None)
    assert "Matching the notes to its components" in panel.plain_text()
    qtbot.waitUntil(lambda: "Click a component" in panel.plain_text(), timeout=30_000)
    assert prepare_threads
    assert prepare_threads[0] is not threading.main_thread()
