"""How the window shares the screen out, and how a saved shape is checked before it is used.

The diagram gets most of the width: the architecture list and the notes panel take
a share of the window proportional to it, within fixed bounds. A saved shape is
never trusted as it is: a window larger than the screen, off it, or smaller than the
window's minimum, and panels wider than half the window or narrower than usable,
fall back to the defaults for the screen the window is on now.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from explorer.settings import WindowShape

LIST_SHARE, LIST_MIN, LIST_MAX = 0.12, 150, 260
"""The architecture list: 12 % of the window, 150-260 px."""
NOTES_SHARE, NOTES_MIN, NOTES_MAX = 0.2, 240, 520
"""The notes panel: 20 % of the window, 240-520 px (the diagram keeps ≥ 65 % on a laptop)."""
PANEL_MAX_SHARE = 0.5
"""A saved panel wider than this share of the window is not restored."""
DEFAULT_SIZE = QSize(1400, 860)
"""The un-maximised window on a first run, shrunk to the screen when larger."""


def default_list_width(window_width: int) -> int:
    return _within(round(window_width * LIST_SHARE), LIST_MIN, LIST_MAX)


def default_notes_width(window_width: int) -> int:
    return _within(round(window_width * NOTES_SHARE), NOTES_MIN, NOTES_MAX)


def panel_width(saved: int | None, window_width: int, minimum: int, default: int) -> int:
    """``saved`` when usable in a window ``window_width`` wide, else ``default``."""
    if saved is None or saved < minimum or saved > window_width * PANEL_MAX_SHARE:
        return default
    return saved


def default_rect(available: QRect) -> QRect:
    """The first-run window: :data:`DEFAULT_SIZE` (or the screen, if smaller), centred."""
    size = DEFAULT_SIZE.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def degenerate(saved: tuple[int, int, int, int] | None, available: QRect, minimum: QSize) -> bool:
    """Missing, smaller than ``minimum``, or wholly off the screen area ``available``."""
    if saved is None:
        return True
    x, y, width, height = saved
    return (
        width < minimum.width()
        or height < minimum.height()
        or not QRect(x, y, width, height).intersects(available)
    )


def clamped_rect(saved: tuple[int, int, int, int] | None, available: QRect, minimum: QSize) -> QRect:
    """The saved window rectangle fitted onto ``available``; the default when :func:`degenerate`."""
    if saved is None or degenerate(saved, available, minimum):
        return default_rect(available)
    x, y, width, height = saved
    width, height = min(width, available.width()), min(height, available.height())
    x = _within(x, available.left(), available.right() + 1 - width)
    y = _within(y, available.top(), available.bottom() + 1 - height)
    return QRect(x, y, width, height)


def checked_shape(saved: WindowShape, available: QRect, minimum: QSize) -> tuple[QRect, int, int]:
    """The window rectangle, list width and notes width to use, from ``saved`` as checked here.

    Panel widths are measured against the width the window will have: the screen's
    when it opens maximised.
    """
    rect = clamped_rect(saved.rect, available, minimum)
    width = available.width() if saved.maximized else rect.width()
    list_width = panel_width(saved.list_width, width, LIST_MIN, default_list_width(width))
    notes_width = panel_width(saved.notes_width, width, NOTES_MIN, default_notes_width(width))
    return rect, list_width, notes_width


def restore(
    window: QMainWindow, splitter: QSplitter, notes: QDockWidget, saved: WindowShape | None, available: QRect
) -> bool:
    """Gives the window its shape, checked against the screen area ``available``; True when
    it should open maximised (as a first run does).

    ``saved`` None (a screenshot) is the default size whatever the screen, so every
    screenshot looks the same.
    """
    if saved is None:
        rect, maximized = QRect(0, 0, DEFAULT_SIZE.width(), DEFAULT_SIZE.height()), False
        list_width, notes_width = default_list_width(rect.width()), default_notes_width(rect.width())
        saved = WindowShape()
    else:
        # A first run, or a shape of no use, opens as a first run does: maximised.
        maximized = saved.maximized or degenerate(saved.rect, available, window.minimumSize())
        checked = replace(saved, maximized=maximized)
        rect, list_width, notes_width = checked_shape(checked, available, window.minimumSize())
    # The saved corner is the frame's (see :func:`capture`): move() places the frame, so a
    # title bar is never put above the screen; resize() sets the inside.
    window.resize(rect.size())
    window.move(rect.topLeft())
    width = available.width() if maximized else rect.width()
    splitter.setSizes([list_width if saved.list_visible else 0, max(1, width - list_width - notes_width)])
    notes.setFloating(False)
    notes.setVisible(saved.notes_visible)
    window.resizeDocks([notes], [notes_width], Qt.Orientation.Horizontal)
    return maximized


def capture(window: QMainWindow, splitter: QSplitter, notes: QDockWidget) -> WindowShape:
    """The window's shape to save; a floating notes panel saves no width.

    The rectangle is the frame's top-left corner with the inside's size (Qt's ``pos()``
    and ``size()``): the inside's corner alone, restored under a window manager, put the
    title bar above the top of the screen when the window had filled it.
    """
    normal = window.normalGeometry() if window.isMaximized() or window.isFullScreen() else window.geometry()
    frame = window.frameGeometry()
    normal.translate(frame.topLeft() - window.geometry().topLeft())
    list_width = splitter.sizes()[0] if splitter.count() else 0
    docked = notes.isVisible() and not notes.isFloating()
    return WindowShape(
        rect=(normal.x(), normal.y(), normal.width(), normal.height()) if normal.isValid() else None,
        maximized=window.isMaximized(),
        list_width=list_width or None,
        list_visible=list_width > 0,
        notes_width=notes.width() if docked else None,
        notes_visible=notes.isVisible(),
    )


def fit_frame(window: QMainWindow) -> bool:
    """Fits a normal window's frame onto its screen's free area, once the frame is known.

    Before the window manager frames the window its size is known only inside: a saved
    shape that filled the screen (saved with no window manager) then hung its title bar
    or its bottom edge off the screen. True once the frame was known (and checked).
    """
    frame, inside = window.frameGeometry(), window.geometry()
    if frame == inside:
        return False  # not framed yet, or never will be
    if window.isMaximized() or window.isFullScreen():
        return True
    available = window.screen().availableGeometry()
    extra_width, extra_height = frame.width() - inside.width(), frame.height() - inside.height()
    width = min(inside.width(), available.width() - extra_width)
    height = min(inside.height(), available.height() - extra_height)
    if (width, height) != (inside.width(), inside.height()):
        window.resize(width, height)
    x = _within(frame.x(), available.left(), available.right() + 1 - width - extra_width)
    y = _within(frame.y(), available.top(), available.bottom() + 1 - height - extra_height)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
    return True


def toggle_list(splitter: QSplitter) -> None:
    """Folds the architecture list away, or brings it back at its default width."""
    sizes = splitter.sizes()
    total = sum(sizes)
    list_width = 0 if sizes[0] > 0 else default_list_width(splitter.window().width())
    splitter.setSizes([list_width, max(1, total - list_width)])


def dock_if_lost(window: QMainWindow, notes: QDockWidget) -> None:
    """Docks the notes panel again when it floats too small to use or off every screen."""
    if not notes.isFloating():
        return
    geometry = notes.frameGeometry()
    on_screen = any(
        screen.availableGeometry().intersects(geometry) for screen in window.screen().virtualSiblings()
    )
    if geometry.width() < NOTES_MIN or geometry.height() < NOTES_MIN or not on_screen:
        notes.setFloating(False)
        window.resizeDocks([notes], [default_notes_width(window.width())], Qt.Orientation.Horizontal)


def _within(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))
