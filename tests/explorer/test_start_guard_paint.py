"""The app's start clears its crash guard once the first diagram is painted, not before."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.layout.service import LayoutService
from explorer.settings import DEFAULT_ARCHITECTURE
from explorer.sources import Sources


def cache_first_layout(sources: Sources) -> None:
    """A later start: the first diagram's layout is in the cache, so it is drawn on the spot."""
    layouts = LayoutService()
    try:
        layouts.layout_for(sources.architectures[DEFAULT_ARCHITECTURE])
    finally:
        layouts.shutdown()


def test_the_mark_stays_until_the_first_diagram_is_painted(
    qtbot, sources: Sources, settings_store: QSettings
) -> None:
    cache_first_layout(sources)
    window = create_window(sources, settings_store, architecture_id=DEFAULT_ARCHITECTURE, paint_first=True)
    qtbot.addWidget(window)
    assert window.scene is not None, "drawn on the spot from the layout cache"
    assert window.settings.drawing() == DEFAULT_ARCHITECTURE, (
        "a crash in the first paint would still be caught"
    )
    with qtbot.waitSignal(window.fully_built, timeout=30_000):  # no worker left running after
        window.show()
        qtbot.waitUntil(lambda: window.settings.drawing() == "", timeout=10_000)
    window.close()


def test_without_paint_first_the_mark_is_cleared_once_drawn(
    qtbot, sources: Sources, settings_store: QSettings
) -> None:
    cache_first_layout(sources)
    window = create_window(sources, settings_store, architecture_id=DEFAULT_ARCHITECTURE)
    qtbot.addWidget(window)
    assert window.scene is not None
    assert window.settings.drawing() == ""
    window.close()


def test_a_window_closed_before_its_first_paint_leaves_no_crash_mark(
    qtbot, sources: Sources, settings_store: QSettings
) -> None:
    cache_first_layout(sources)
    window = create_window(sources, settings_store, architecture_id=DEFAULT_ARCHITECTURE, paint_first=True)
    qtbot.addWidget(window)
    assert window.settings.drawing() == DEFAULT_ARCHITECTURE
    window.close()  # a normal close (the benchmark quits right after the first paint)
    assert window.settings.drawing() == ""
