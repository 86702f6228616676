"""What the user is looking at, without Qt: the window and its panels observe it.

One :class:`AppState` per window holds the current architecture, the selected
component or group, the back/forward history and the mode (exploring,
revising or following a walkthrough). Changing it notifies every observer with the name of what changed;
widgets redraw from the state rather than reaching into one another (napari's
ViewerModel/QtViewer split).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from explorer.navigation import History, Place


class Mode(Enum):
    EXPLORE = "explore"
    REVISE = "revise"
    WALKTHROUGH = "walkthrough"


Observer = Callable[[str], None]
"""Called with the name of what changed: ``"architecture"``, ``"selection"``, ``"history"`` or ``"mode"``."""


class AppState:
    """The current architecture, selection, history and mode of one window."""

    def __init__(self) -> None:
        self.history = History()
        self._architecture_id: str | None = None
        self._selected: str | None = None
        self._mode = Mode.EXPLORE
        self._observers: list[Observer] = []

    def observe(self, observer: Observer) -> None:
        self._observers.append(observer)

    @property
    def architecture_id(self) -> str | None:
        return self._architecture_id

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def mode(self) -> Mode:
        return self._mode

    def show(self, architecture_id: str | None) -> None:
        """Makes ``architecture_id`` current; the selection goes with the old architecture."""
        if architecture_id != self._architecture_id:
            self._architecture_id = architecture_id
            self._selected = None
            self._notify("architecture")

    def select(self, element_id: str | None) -> None:
        """Selects ``element_id`` and notifies even when it was selected already.

        Selecting is what a click does: clicking the selected component again shows its
        notes again after a whole note or a walkthrough step took the panel.
        """
        self._selected = element_id
        self._notify("selection")

    def visit(self, place: Place) -> None:
        """Records ``place`` in the history (a repeat of the current place is not recorded)."""
        self.history.visit(place)
        self._notify("history")

    def back(self) -> Place | None:
        return self._step(self.history.back())

    def forward(self) -> Place | None:
        return self._step(self.history.forward())

    def set_mode(self, mode: Mode) -> None:
        if mode is not self._mode:
            self._mode = mode
            self._notify("mode")

    def _step(self, place: Place | None) -> Place | None:
        if place is not None:
            self._notify("history")
        return place

    def _notify(self, what: str) -> None:
        for observer in list(self._observers):
            observer(what)
