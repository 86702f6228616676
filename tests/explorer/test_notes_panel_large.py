"""A large architecture's notes are matched in a worker, not on the UI thread (issue 16)."""

from __future__ import annotations

import threading

import pytest

from explorer.ui.after_the_diagram import POLL_MS, AfterTheDiagram
from explorer.ui.main_window import MainWindow
from explorer.ui.notes_panel import LARGE_ARCHITECTURE, MANY_USER_NOTES, NotesPanel
from models.architecture import Architecture, Component
from models.notes import NotesLibrary


def large_architecture() -> Architecture:
    components = tuple(
        Component(f"svc-{index}", f"Service {index}", "service", "aws/compute/fargate")
        for index in range(LARGE_ARCHITECTURE + 20)
    )
    return Architecture(id="large", title="Large model", summary="Many services.", components=components)


def large_in_panel(window: MainWindow) -> tuple[Architecture, NotesPanel]:
    """A large architecture, and the window's notes panel with a library that knows it."""
    panel = window.notes_panel
    architecture = large_architecture()
    panel.set_notes(window.sources.notes.with_user(window.sources.notes.user, [architecture]))
    return architecture, panel


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
    architecture, panel = large_in_panel(window)
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


def test_a_large_architecture_is_matched_once_its_diagram_is_drawn(
    qtbot, window: MainWindow, prepare_threads: list[threading.Thread]
) -> None:
    # A third thread matching the notes while the layout worker and the UI thread build the
    # diagram made the UI thread wait for the GIL: the matching starts once the diagram is shown.
    architecture, panel = large_in_panel(window)
    order: list[str] = []
    window.scene_loader.ready.connect(lambda _scene: order.append("diagram"))
    window.scene_loader.load(architecture)
    panel.show_element(architecture, None)
    assert "Matching the notes to its components" in panel.plain_text()
    qtbot.waitUntil(lambda: "Click a component" in panel.plain_text(), timeout=30_000)
    order.extend("matched" for _ in prepare_threads)
    assert order[0] == "diagram", order
    assert prepare_threads[0] is not threading.main_thread()


def test_work_waits_while_a_diagram_loads_and_starts_after(qtbot) -> None:
    loading, started = [True], []
    runner = AfterTheDiagram(lambda work, _done: started.append(work), lambda: loading[0])
    runner(print, print)
    qtbot.wait(4 * POLL_MS)  # several polls while the diagram still loads
    assert started == []
    assert runner.waiting() == 1
    loading[0] = False
    qtbot.waitUntil(lambda: started == [print])
    assert runner.waiting() == 0
    runner(repr, print)  # nothing loading: at once
    assert started == [print, repr]
