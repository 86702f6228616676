"""The diagram view's keyboard: a focus ring moved by Tab and the arrows, Enter, Esc and zoom keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGraphicsView

from explorer.diagram.items import ComponentItem

if TYPE_CHECKING:
    from explorer.diagram.scene import DiagramScene

_ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}
_ZOOM_IN_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Equal)


class KeyboardNavigation(QGraphicsView):
    """Keyboard handling for :class:`~explorer.diagram.view.DiagramView` (kept apart for size)."""

    _diagram: DiagramScene | None

    def zoom_in(self) -> None:
        raise NotImplementedError

    def zoom_out(self) -> None:
        raise NotImplementedError

    # Keyboard ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self._diagram
        if scene is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and scene.focused_element():
            scene.set_focus_ring_visible(True)
            scene.select_element(scene.focused_element())
            self._describe_focus()
        elif key == Qt.Key.Key_Escape and scene.selected_element() is not None:
            scene.select_element(None)
        elif key in _ARROWS and plain:
            scene.focus_direction(*_ARROWS[Qt.Key(key)])
            self._show_focus()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (plain and key in _ZOOM_IN_KEYS):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (plain and key == Qt.Key.Key_Minus):
            self.zoom_out()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        scene = self._diagram
        if scene is not None and scene.focus_next(next):
            self._show_focus()
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        scene = self._diagram
        if scene is None:
            return
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            # Tabbing into the diagram starts at its first (or, backwards, last) component.
            scene.set_focused_element(None)
            scene.focus_next(reason == Qt.FocusReason.TabFocusReason)
            self._show_focus()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._diagram is not None and event.reason() not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
        ):
            self._diagram.set_focus_ring_visible(False)

    def _show_focus(self) -> None:
        """Shows the focus ring and scrolls the focused component into view."""
        scene = self._diagram
        focused = scene.focused_element() if scene is not None else None
        if scene is None or focused is None:
            return
        scene.set_focus_ring_visible(True)
        item = scene.item_for(focused)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 24, 24)
        self._describe_focus()

    def _describe_focus(self) -> None:
        """Tells assistive technology which component the keyboard is on."""
        scene = self._diagram
        focused = scene.focused_element() if scene is not None else None
        item = scene.item_for(focused) if scene is not None and focused is not None else None
        if isinstance(item, ComponentItem):
            description = item.component.description.strip().splitlines()
            name = item.accessible_name
            self.setAccessibleDescription(f"{name}: {description[0]}" if description else name)
