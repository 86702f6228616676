"""Walkthrough mode in the window: the menu of walkthroughs, stepping, emphasis, pulse and narration.

Each step emphasises its elements on the live scene (earlier steps stay faint,
:mod:`explorer.diagram.walkthrough_emphasis`), sends a pulse along its relations
and shows its narration with the user's own excerpts in the notes panel. The
mode is part of :class:`~explorer.app_state.AppState`; a quiz, another
architecture or a reload that drops the walkthrough ends it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from explorer.app_state import Mode
from explorer.diagram.items import ComponentItem, GroupItem
from explorer.diagram.walkthrough_emphasis import StepEmphasis, active_edges, apply_step, clear_step
from explorer.ui.action_registry import ActionSpec, make_action
from explorer.ui.walkthrough.narration import excerpts_heading, narration_html, own_excerpts
from explorer.ui.walkthrough.pulse import Pulse
from explorer.ui.walkthrough.step_bar import StepBar
from models.walkthroughs import Walkthrough

if TYPE_CHECKING:
    from explorer.ui.window_api import ExplorerWindow

STEP_ACTIONS = ("walkthrough_next", "walkthrough_previous", "walkthrough_leave")


class WalkthroughController(QObject):
    """Runs at most one walkthrough at a time on the window's diagram."""

    def __init__(self, window: ExplorerWindow) -> None:
        super().__init__(window)
        self.window = window
        self.walkthrough: Walkthrough | None = None
        self.index = 0
        self.pulse = Pulse(self)
        self.bar: StepBar | None = None
        self.actions: Mapping[str, QAction] = {}
        self._menu_actions: list[QAction] = []
        self._listed: tuple[Walkthrough, ...] | None = None
        self._pending: str | None = None
        window.architecture_shown.connect(self._on_architecture_shown)
        window.state.observe(self._on_state_changed)

    # Wiring ----------------------------------------------------------------

    def handlers(self) -> dict[str, Callable[..., object]]:
        return {
            "walkthrough_start": self.start_for_current,
            "walkthrough_next": self.next_step,
            "walkthrough_previous": self.previous_step,
            "walkthrough_leave": self.leave,
        }

    def connect_actions(self, actions: Mapping[str, QAction]) -> None:
        """Takes the window's actions, makes the step bar and lists the walkthroughs in the menu."""
        self.actions = actions
        self.bar = StepBar(actions, self.window)
        self.window.addToolBarBreak()
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.refresh_menu()
        self._update_actions()

    def refresh_menu(self) -> None:
        """One menu entry per loaded walkthrough, in architecture order."""
        walkthroughs = self.window.sources.walkthroughs
        if walkthroughs is self._listed:
            return
        self._listed = walkthroughs
        menu = self.window.menus["walkthrough"]
        for action in self._menu_actions:
            menu.removeAction(action)
            action.deleteLater()
        order = {
            architecture_id: index for index, architecture_id in enumerate(self.window.sources.architectures)
        }
        self._menu_actions = []
        for walkthrough in sorted(walkthroughs, key=lambda w: order.get(w.architecture, len(order))):
            architecture = self.window.sources.architectures[walkthrough.architecture]
            spec = ActionSpec(
                f"walkthrough:{walkthrough.id}",
                f"{architecture.title}: {walkthrough.title}".replace("&", "&&"),
                tip=walkthrough.summary,
            )
            action = make_action(menu, spec, lambda w=walkthrough.id: self.start(w))
            action.setObjectName(spec.name)
            menu.addAction(action)
            self._menu_actions.append(action)
        self.actions["walkthrough_start"].setEnabled(bool(walkthroughs))

    # Stepping --------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.walkthrough is not None

    def walkthroughs_of(self, architecture_id: str | None) -> list[Walkthrough]:
        return [w for w in self.window.sources.walkthroughs if w.architecture == architecture_id]

    def start_for_current(self) -> None:
        """F5: the first walkthrough of the architecture on screen, else the first one of all."""
        candidates = self.walkthroughs_of(self.window.current_id) or list(self.window.sources.walkthroughs)
        if candidates:
            self.start(candidates[0].id)
        else:
            self.window.show_status("There are no walkthroughs.")

    def start(self, walkthrough_id: str) -> bool:
        """Shows the walkthrough's architecture and its first step; False if it cannot start now."""
        walkthrough = next((w for w in self.window.sources.walkthroughs if w.id == walkthrough_id), None)
        if walkthrough is None:
            return False
        if self.window.state.mode is Mode.REVISE:
            self.window.show_status("Finish the quiz first (Ctrl+R ends it), then start the walkthrough.")
            return False
        self.leave()
        self.window.show_architecture(walkthrough.architecture)
        if self.window.scene is None:
            self._pending = walkthrough.id  # a large diagram is still being laid out
            return True
        self.walkthrough = walkthrough
        self.window.state.set_mode(Mode.WALKTHROUGH)
        self.go(0)
        self.window.diagram_view.setFocus()
        return True

    def next_step(self) -> None:
        if self.walkthrough is not None and self.index + 1 < len(self.walkthrough.steps):
            self.go(self.index + 1)

    def previous_step(self) -> None:
        if self.walkthrough is not None and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> None:
        """Shows step ``index``: emphasis, pulse, the bar's counter and the narration."""
        walkthrough, scene, architecture = self.walkthrough, self.window.scene, self.window.architecture
        if walkthrough is None or scene is None or architecture is None:
            return
        self.index = index
        step = walkthrough.steps[index]
        emphasis = StepEmphasis.of(walkthrough, index)
        apply_step(scene, emphasis)
        self.pulse.start(scene, active_edges(scene, emphasis), reverse=step.direction == "reverse")
        if self.bar is not None:
            self.bar.show_step(walkthrough.title, step.title, index, len(walkthrough.steps))
            self.bar.show()
        elements = (*step.components, *step.groups)
        self.window.diagram_view.bring_into_view(elements)
        excerpts = own_excerpts(self.window.sources.notes, architecture, elements)
        parts = [*narration_html(walkthrough, index), excerpts_heading(architecture, elements, len(excerpts))]
        self.window.notes_panel.show_composed(parts, excerpts)
        self.window.show_status(f"{walkthrough.title}: step {index + 1} of {len(walkthrough.steps)}")
        self._update_actions()

    def leave(self) -> None:
        """Esc: the diagram, the notes panel and the mode go back to exploring."""
        self._pending = None
        if self.walkthrough is None:
            return
        self.walkthrough = None
        self.pulse.stop()
        if self.bar is not None:
            self.bar.hide()
        scene = self.window.scene
        if scene is not None:
            clear_step(scene)
        if self.window.state.mode is Mode.WALKTHROUGH:
            self.window.state.set_mode(Mode.EXPLORE)  # the notes panel shows the selection again
        self._update_actions()

    # Reacting to the window ---------------------------------------------------

    def _on_architecture_shown(self, architecture_id: str) -> None:
        self.refresh_menu()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.start(pending)
            return
        walkthrough = self.walkthrough
        if walkthrough is None:
            return
        current = next((w for w in self.window.sources.walkthroughs if w.id == walkthrough.id), None)
        if current is None or current.architecture != architecture_id:
            self.leave()
            return
        # The same walkthrough on a redrawn diagram (a reload): stay on the step, or the last one left.
        self.walkthrough = current
        self.go(min(self.index, len(current.steps) - 1))

    def _on_state_changed(self, what: str) -> None:
        if what == "mode" and self.active and self.window.state.mode is not Mode.WALKTHROUGH:
            self.leave()
        elif what == "selection" and self.active and self.window.scene is not None:
            # A click shows that component's notes; the step's emphasis stays on the diagram.
            assert self.walkthrough is not None
            apply_step(self.window.scene, StepEmphasis.of(self.walkthrough, self.index))
            selected = self.window.scene.item_for(self.window.state.selected or "")
            if isinstance(selected, ComponentItem | GroupItem):
                selected.set_selected(True)

    def _update_actions(self) -> None:
        if not self.actions:
            return
        walkthrough = self.walkthrough
        self.actions["walkthrough_leave"].setEnabled(walkthrough is not None)
        self.actions["walkthrough_previous"].setEnabled(walkthrough is not None and self.index > 0)
        self.actions["walkthrough_next"].setEnabled(
            walkthrough is not None and self.index + 1 < len(walkthrough.steps)
        )
