"""The window's shape: the diagram's share of the screen, and saved shapes checked before use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QStatusTipEvent
from PySide6.QtWidgets import QApplication

from explorer.app import create_window
from explorer.settings import WindowShape
from explorer.sources import Sources
from explorer.ui import main_window_shape
from explorer.ui.main_window import MainWindow
from explorer.ui.main_window_shape import LIST_MIN, NOTES_MIN, checked_shape, clamped_rect
from tests.cli_process import run_cli

LAPTOP = QRect(0, 0, 1366, 768)
MINIMUM = QSize(720, 480)


def laptop_window(qtbot, sources: Sources, settings_store: QSettings) -> MainWindow:
    """A first-run window given the shape it gets on a 1366×768 screen, maximised."""
    window = create_window(sources, settings_store)
    qtbot.addWidget(window)
    main_window_shape.restore(window, window.splitter, window.notes_panel, WindowShape(), LAPTOP)
    window.setGeometry(LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def test_the_diagram_gets_two_thirds_of_a_laptop_screen(qtbot, sources: Sources, settings_store) -> None:
    window = laptop_window(qtbot, sources, settings_store)
    assert window.diagram_view.width() >= 0.65 * LAPTOP.width()
    assert window.architecture_list.width() >= LIST_MIN
    assert window.notes_panel.isVisible()
    # The notes panel's default width is a share of the screen.
    assert window.notes_panel.width() == pytest.approx(0.2 * LAPTOP.width(), abs=12)


def test_panels_grow_with_the_screen() -> None:
    _rect, laptop_list, laptop_notes = checked_shape(WindowShape(maximized=True), LAPTOP, MINIMUM)
    _rect, wide_list, wide_notes = checked_shape(
        WindowShape(maximized=True), QRect(0, 0, 1920, 1080), MINIMUM
    )
    assert wide_notes > laptop_notes
    assert wide_list > laptop_list
    assert 1920 - wide_list - wide_notes >= 0.65 * 1920


@pytest.mark.parametrize(
    "saved",
    [
        (5000, 5000, 1000, 700),  # off every screen
        (10, 10, 210, 30),  # a strip
        (0, 0, 0, 0),
        None,
    ],
)
def test_a_degenerate_rectangle_gives_the_default(saved: tuple[int, int, int, int] | None) -> None:
    rect = clamped_rect(saved, LAPTOP, MINIMUM)
    assert rect == main_window_shape.default_rect(LAPTOP)
    assert LAPTOP.contains(rect)


def test_a_rectangle_larger_than_the_screen_is_clamped_onto_it() -> None:
    rect = clamped_rect((-300, 400, 3000, 2000), LAPTOP, MINIMUM)
    assert rect == LAPTOP
    assert clamped_rect((900, 500, 800, 600), LAPTOP, MINIMUM) == QRect(566, 168, 800, 600)


def write_degenerate_state(store: QSettings) -> None:
    """What a window quit while maximised could leave: a strip, and panels of no use."""
    store.setValue("window/rect", "3000,-40,210,30")
    store.setValue("window/maximized", "perhaps")
    store.setValue("window/notes_width", 30)
    store.setValue("window/list_width", 99999)
    store.setValue("window/state", b"\x00\xff garbage from an older version")
    store.setValue("zoom_to_fit/ecs-ec2", "nan")
    store.sync()


def test_a_degenerate_saved_state_falls_back_to_defaults(qtbot, sources: Sources, settings_store) -> None:
    write_degenerate_state(settings_store)
    window = create_window(sources, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.start_maximized  # as on a first run
    screen = window.screen().availableGeometry()
    assert screen.intersects(window.geometry())
    assert MINIMUM.width() <= window.width() <= screen.width()
    assert MINIMUM.height() <= window.height() <= screen.height()
    notes = window.notes_panel
    assert notes.isVisible()
    assert not notes.isFloating()
    # The defaults for this screen, not the saved 30 px and 99,999 px.
    assert notes.width() == pytest.approx(main_window_shape.default_notes_width(screen.width()), abs=12)
    list_width = main_window_shape.default_list_width(screen.width())
    assert window.architecture_list.width() == pytest.approx(list_width, abs=12)


def test_ctrl_shift_n_brings_a_lost_notes_panel_back(qtbot, window: MainWindow) -> None:
    notes = window.notes_panel
    notes.setFloating(True)
    notes.setGeometry(QRect(5, 5, 210, 30))
    notes.hide()
    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QApplication.processEvents()
    assert notes.isVisible()
    assert not notes.isFloating()
    assert notes.width() >= NOTES_MIN


def test_the_architecture_list_folds_away_and_comes_back(qtbot, window: MainWindow) -> None:
    window.actions_by_name["toggle_list"].trigger()
    assert window.splitter.sizes()[0] == 0
    window.actions_by_name["toggle_list"].trigger()
    assert window.splitter.sizes()[0] >= LIST_MIN


def test_the_shape_is_saved_and_restored(qtbot, sources: Sources, settings_store, window: MainWindow) -> None:
    window.setGeometry(QRect(20, 30, 760, 600))
    frame = window.frameGeometry().topLeft()
    window.close()
    assert settings_store.value("window/rect") == f"{frame.x()},{frame.y()},760,600"
    second = create_window(sources, settings_store)
    qtbot.addWidget(second)
    assert not second.start_maximized
    second.show()  # the frame is placed once the window has one
    qtbot.waitExposed(second)
    assert second.geometry() == QRect(20, 30, 760, 600)


def test_a_window_saved_at_the_top_of_the_screen_keeps_its_title_bar_on_it(
    qtbot, sources: Sources, settings_store, window: MainWindow
) -> None:
    # The corner saved is the frame's: restoring the inside's corner there put the title bar above the screen.
    available = window.screen().availableGeometry()
    window.setGeometry(
        QRect(available.topLeft(), QSize(760, 600))
    )  # the inside at the top: the frame above it
    window.close()
    second = create_window(sources, settings_store)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.frameGeometry().topLeft() == available.topLeft()
    assert second.geometry().top() >= available.top()
    assert second.size() == QSize(760, 600)


def test_a_menu_tip_does_not_wipe_the_status_line(qtbot, window: MainWindow) -> None:
    line = window.status_line
    text = line.text()
    assert "components" in text
    QApplication.sendEvent(window, QStatusTipEvent("Export the diagram as PNG, SVG or PDF"))
    QApplication.sendEvent(window, QStatusTipEvent(""))  # the pointer leaves the menu
    QApplication.processEvents()
    assert line.isVisible()
    assert line.text() == text


def test_a_screenshot_neither_reads_nor_changes_the_saved_state(tmp_path: Path) -> None:
    config = tmp_path / "ArchitectureExplorer" / "Architecture Explorer.conf"
    config.parent.mkdir(parents=True)
    config.write_text(
        '[session]\narchitecture=kubernetes\n\n[window]\nrect="0,0,798,774"\nnotes_width=700\n\n'
        "[zoom_to_fit]\neks=3.5\n"
    )
    before = config.read_bytes()
    target = tmp_path / "shot.png"
    completed = run_cli("--screenshot", str(target), env={"XDG_CONFIG_HOME": str(tmp_path)}, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert config.read_bytes() == before
    image = QImage(str(target))
    assert (image.width(), image.height()) == (
        main_window_shape.DEFAULT_SIZE.width(),
        main_window_shape.DEFAULT_SIZE.height(),
    )


def test_a_window_saved_filling_the_screen_fits_its_frame_onto_it(
    qtbot, sources: Sources, settings_store, window: MainWindow
) -> None:
    # Saved with no window manager (no frame), restored under one: the frame must not hang off.
    available = window.screen().availableGeometry()
    window.close()
    settings_store.setValue("window/rect", f"0,0,{available.width()},{available.height()}")
    settings_store.setValue("window/maximized", False)
    second = create_window(sources, settings_store)
    qtbot.addWidget(second)
    assert not second.start_maximized
    second.show()
    qtbot.waitUntil(lambda: available.contains(second.frameGeometry()), timeout=5_000)
    assert second.frameGeometry() != second.geometry()  # framed: the check above saw a frame


def test_a_message_shown_before_the_window_still_covers_the_status_line(
    qtbot, sources: Sources, settings_store
) -> None:
    # Showing the window showed the line again under a message posted before it (both drawn).
    window = create_window(sources, settings_store)
    qtbot.addWidget(window)
    window.show_status("3 of 30 components are not in your notes yet")
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().currentMessage()
    assert not window.status_line.isVisible()
    window.statusBar().clearMessage()
    assert window.status_line.isVisible()
