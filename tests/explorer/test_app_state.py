"""The Qt-free app state, and the notes panel that observes it rather than being told by the window."""

from __future__ import annotations

from explorer.app_state import AppState, Mode
from explorer.navigation import Place
from explorer.ui.main_window import MainWindow
from tests.explorer.test_main_window import click_element


def recording(state: AppState) -> list[str]:
    changes: list[str] = []
    state.observe(changes.append)
    return changes


def test_showing_another_architecture_drops_the_selection_and_says_so_once() -> None:
    state = AppState()
    changes = recording(state)
    state.show("kubernetes")
    state.select("etcd")
    state.show("eks")
    state.show("eks")
    assert (state.architecture_id, state.selected) == ("eks", None)
    assert changes == ["architecture", "selection", "architecture"]


def test_selecting_again_notifies_again_because_a_click_is_news() -> None:
    state = AppState()
    changes = recording(state)
    state.select("etcd")
    state.select("etcd")
    assert changes == ["selection", "selection"]


def test_history_and_mode_changes_are_announced() -> None:
    state = AppState()
    changes = recording(state)
    state.visit(Place("kubernetes", None))
    state.visit(Place("kubernetes", "etcd"))
    assert state.back() == Place("kubernetes", None)
    assert state.back() is None  # nothing further back: no news
    state.set_mode(Mode.REVISE)
    state.set_mode(Mode.REVISE)
    assert changes == ["history", "history", "history", "mode"]


def notes_heading(window: MainWindow) -> str:
    return window.notes_panel.plain_text().strip().splitlines()[0]


def test_the_notes_panel_follows_the_state_not_the_window(window: MainWindow) -> None:
    window.show_architecture("kubernetes")
    assert notes_heading(window) == window.sources.architectures["kubernetes"].title
    window.state.select("etcd")
    assert notes_heading(window) == window.sources.architectures["kubernetes"].component("etcd").label
    window.state.show("eks")
    assert notes_heading(window) == window.sources.architectures["eks"].title


def test_in_revise_mode_the_panel_ignores_the_state_so_answers_stay_hidden(window: MainWindow) -> None:
    window.show_architecture("kubernetes")
    window.state.set_mode(Mode.REVISE)
    window.state.select("etcd")
    assert notes_heading(window) == window.sources.architectures["kubernetes"].title
    window.state.set_mode(Mode.EXPLORE)
    assert notes_heading(window) == window.sources.architectures["kubernetes"].component("etcd").label


def test_clicking_the_selected_component_again_brings_its_notes_back(qtbot, window: MainWindow) -> None:
    window.show_architecture("kubernetes", "etcd")
    window.notes_panel.show_message("Elsewhere", "A whole note took the panel.")
    assert "A whole note took the panel." in window.notes_panel.plain_text()
    click_element(qtbot, window, "etcd")
    assert notes_heading(window) == window.sources.architectures["kubernetes"].component("etcd").label
