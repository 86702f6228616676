"""The app's start paints the finished window's frame first and builds the rest after (issue 16).

The first frame must not jump when the rest arrives: every part keeps the place it
had in that frame. Its shortcuts work from the start, even those of modes built later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings
from PySide6.QtWidgets import QWidget

from explorer.app import create_window
from explorer.settings import DEFAULT_ARCHITECTURE, AppSettings, WindowShape
from explorer.sources import Sources
from explorer.ui.action_registry import MENUS
from explorer.ui.main_window import MainWindow
from tests.explorer.test_start_guard_paint import cache_first_layout


def _places(window: MainWindow) -> dict[str, QRect]:
    parts: dict[str, QWidget] = {
        "window": window,
        "list": window.architecture_list,
        "diagram": window.diagram_view,
        "notes": window.notes_panel,
        "toolbar": window.toolbar,
        "search": window.search_box,
        "menus": window.menuBar(),
        "status": window.statusBar(),
    }
    return {
        name: QRect(part.mapTo(window, part.rect().topLeft()), part.size()) for name, part in parts.items()
    }


class _AtFirstPaint(QObject):
    """Records where the window's parts are when its diagram is first painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.places: dict[str, QRect] = {}
        self.menus: list[str] = []
        self.notes = ""
        window.diagram_view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.places and event.type() == QEvent.Type.Paint and self.window.scene is not None:
            self.places = _places(self.window)
            self.menus = [action.text() for action in self.window.menuBar().actions()]
            self.notes = self.window.notes_panel.plain_text()
        return False


def _started(qtbot, sources: Sources, settings: QSettings) -> tuple[MainWindow, _AtFirstPaint]:
    cache_first_layout(sources)
    window = create_window(sources, settings, architecture_id=DEFAULT_ARCHITECTURE, paint_first=True)
    qtbot.addWidget(window)
    return window, _AtFirstPaint(window)


def test_the_rest_arrives_without_moving_the_first_frame(
    qtbot, sources: Sources, settings_store: QSettings
) -> None:
    window, first = _started(qtbot, sources, settings_store)
    with qtbot.waitSignal(window.fully_built, timeout=30_000):
        window.show()
    assert first.places, "the diagram was painted before the rest was built"
    assert "Matching the notes" in first.notes, "the notes panel's title at once, its notes after"
    assert "Matching the notes" not in window.notes_panel.plain_text()
    assert first.menus == [title for _key, title, _names in MENUS], "every menu's title in the first frame"
    assert _places(window) == first.places
    assert window.search_box.suggestions(), "the search suggestions came after it"
    assert window.notes_panel.plain_text(), "and the notes"
    window.close()


def test_a_saved_shape_is_the_first_frames_shape(qtbot, sources: Sources, settings_store: QSettings) -> None:
    AppSettings(settings_store).save_window_shape(
        WindowShape(rect=(10, 10, 760, 560), list_width=160, notes_width=250)  # the offscreen screen: 800×600
    )
    window, first = _started(qtbot, sources, settings_store)
    with qtbot.waitSignal(window.fully_built, timeout=30_000):
        window.show()
    assert first.places["window"].size().toTuple() == (760, 560)
    assert first.places["list"].width() == 160
    assert first.places["notes"].width() == 250
    assert _places(window) == first.places
    window.close()


def test_shortcuts_work_before_the_rest_is_built(qtbot, sources: Sources, settings_store: QSettings) -> None:
    window, _first = _started(qtbot, sources, settings_store)
    actions = window.actions_by_name
    fixed = len(window.menus["walkthrough"].actions())
    assert all(actions[name].shortcuts() for name in ("fit", "find", "walkthrough_start", "revise"))
    assert not actions["walkthrough_next"].isEnabled(), "Space and the arrows stay the diagram's"
    actions["walkthrough_start"].trigger()  # F5 before the mode exists: it is built, and starts
    assert window.walkthroughs.active
    assert len(window.menus["walkthrough"].actions()) > fixed, "the walkthroughs are listed once it is built"
    assert actions["walkthrough_next"].isEnabled()
    window.close()
