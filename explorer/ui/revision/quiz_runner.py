"""Runs a quiz session on the window's live diagram.

The runner hides the labels (and, at the harder level, the icons), highlights
the component asked about, takes clicks on the diagram as answers, reveals the
right label and shows its notes after each answer. While a quiz runs it owns
left clicks on the diagram (a drag still pans), so a click never selects a
component and gives its name away in the notes panel or the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent

from explorer.diagram.items import ComponentItem
from explorer.diagram.scene import DiagramScene
from explorer.ui.revision.quiz_panel import QuizPanel
from models.revision.questions import QuestionKind
from models.revision.session import Outcome, QuizSession

if TYPE_CHECKING:
    from explorer.diagram.view import DiagramView
    from explorer.ui.window_api import ExplorerWindow


MIN_QUESTION_ZOOM = 0.5
"""Below this the diagram draws icons as plain boxes (see ``style.LOD_SIMPLE_ICON``): too small to tell."""
MAX_QUESTION_ZOOM = 1.25
_ANSWER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)

NOT_A_COMPONENT_HINT = "Click a component (an icon), not a group box or the background."


def clicked_component(scene: DiagramScene, view: DiagramView, position: QPointF) -> str | None:
    """The component under a click at ``position`` in ``view``'s viewport; None elsewhere."""
    return scene.component_at(view.mapToScene(position.toPoint()), view.viewportTransform())


class QuizRunner(QObject):
    """Drives ``session`` on ``window``; emits ``answered`` per final answer and ``finished`` at the end."""

    answered = Signal(object)  # Outcome
    finished = Signal(object)  # QuizSession

    def __init__(
        self, window: ExplorerWindow, panel: QuizPanel, session: QuizSession, hide_icons: bool
    ) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.session = session
        self.hide_icons = hide_icons
        self.active = False
        self._scenes: list[DiagramScene] = []
        self._switching = False
        self._connections: list[tuple[SignalInstance, Callable[..., object]]] = []
        self._view: QObject = QObject(self)

    # Lifecycle -------------------------------------------------------------

    def start(self) -> None:
        self.active = True
        panel = self.panel
        self._connections = [
            (panel.typed, self._on_typed),
            (panel.chose, self._on_chose),
            (panel.choices_requested, self.session.show_choices),
            (panel.skipped, self._on_skipped),
            (panel.next_requested, self._on_next),
            (panel.end_requested, self.stop),
            (panel.hard_changed, self._on_hard_changed),
            (self.window.architecture_shown, self._on_architecture_shown),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        panel.hard_check.setChecked(self.hide_icons)
        panel.show()
        panel.raise_()
        view = self.window.diagram_view
        view.set_click_handler(self._click)
        self._view = view
        self._view.installEventFilter(self)
        self._present()

    def stop(self) -> None:
        """Ends the session now (answered questions keep their schedule) and restores the diagrams."""
        if not self.active:
            return
        self.active = False
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self.window.diagram_view.set_click_handler(None)
        self._view.removeEventFilter(self)
        for scene in self._scenes:
            scene.set_quiz_mode(False)
            scene.set_icons_visible(True)
            scene.select_element(None, emit=False)
            scene.set_focused_element(None, ring=False)
        self.panel.hide()
        self.window.state.select(None)  # as on the scenes: leaving revise mode shows the summary
        self.finished.emit(self.session)

    # Presenting and revealing ----------------------------------------------

    def scene(self) -> DiagramScene | None:
        return self.window.scene

    def _present(self) -> None:
        question = self.session.current
        if question is None:
            self.stop()
            return
        window = self.window
        if window.current_id != question.architecture_id:
            self._switching = True
            try:
                window.show_architecture(question.architecture_id)
            finally:
                self._switching = False
        scene = window.scene
        architecture = window.architecture
        if scene is None or architecture is None:
            # A large diagram is still loading (architecture_shown brings us back), or cannot be drawn.
            self.panel.show_waiting(f"Waiting for the {question.architecture_id} diagram…")
            return
        if any(scene.item_for(component_id) is None for component_id in question.item.component_ids):
            window.show_status("The model changed and this question no longer fits; revision stopped.")
            self.stop()
            return
        if scene not in self._scenes:
            self._scenes.append(scene)
        scene.set_quiz_mode(True)
        scene.set_icons_visible(not self.hide_icons)
        scene.select_element(question.focus, emit=False)
        scene.set_focused_element(None, ring=False)
        self._frame(question.focus)
        window.notes_panel.show_element(architecture, None)
        session = self.session
        self.panel.show_question(
            question, session.index + 1, len(session.questions), session.score, architecture.title
        )
        if question.kind is QuestionKind.LOCATE:
            window.diagram_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self, outcome: Outcome) -> None:
        scene, architecture = self.scene(), self.window.architecture
        if scene is None or architecture is None:
            return
        question = outcome.question
        shown = [*question.item.component_ids, *([outcome.clicked] if outcome.clicked else [])]
        for component_id in shown:
            item = scene.item_for(component_id)
            if isinstance(item, ComponentItem):
                item.set_label_visible(True)
        # A right click on one of several alike (the etcd of AZ c) shows the one clicked.
        clicked = outcome.clicked
        right = clicked is not None and clicked in question.item.component_ids
        target = clicked if right and clicked else question.focus or question.item.component_ids[0]
        scene.select_element(target, emit=False)
        scene.set_focus_ring_visible(False)
        self._ensure_visible(target)
        self.window.notes_panel.show_element(architecture, target)

    def _frame(self, focus: str | None) -> None:
        """Zooms so the question can be answered: icons legible, the highlighted one in view."""
        view = self.window.diagram_view
        if focus is not None:
            view.zoom_to_selection()
            if view.zoom() > MAX_QUESTION_ZOOM:
                item = self.window.scene.item_for(focus) if self.window.scene is not None else None
                view.set_zoom(MAX_QUESTION_ZOOM, item.sceneBoundingRect().center() if item else None)
            self._ensure_visible(focus)
            return
        view.fit_diagram()
        if view.zoom() < MIN_QUESTION_ZOOM:
            view.set_zoom(MIN_QUESTION_ZOOM)

    def _ensure_visible(self, component_id: str) -> None:
        scene = self.scene()
        item = scene.item_for(component_id) if scene is not None else None
        if item is not None:
            self.window.diagram_view.ensureVisible(item.sceneBoundingRect(), 40, 40)

    # Answers ---------------------------------------------------------------

    def answer_click(self, component_id: str) -> Outcome | None:
        """Answers an open "click the …" question with ``component_id``."""
        question = self.session.current
        if question is None or question.kind is not QuestionKind.LOCATE or self.session.answered:
            return None
        return self._finish_answer(self.session.answer_click(component_id))

    def _on_typed(self, text: str) -> None:
        if self.session.answered:
            return
        outcome = self.session.answer_typed(text)
        if outcome.final:
            self._finish_answer(outcome)
        elif outcome.verdict is not None and outcome.verdict.verdict.value == "vague":
            self.panel.show_hint(f"“{text}” fits more than one component here: be more specific.")
        else:
            self.panel.show_hint("Type a name, or show the four choices.")

    def _on_chose(self, item_key: str) -> None:
        if not self.session.answered:
            self._finish_answer(self.session.answer_choice(item_key))

    def _on_skipped(self) -> None:
        if not self.session.answered:
            self._finish_answer(self.session.skip())

    def _finish_answer(self, outcome: Outcome) -> Outcome:
        self._reveal(outcome)
        session = self.session
        last = session.index + 1 >= len(session.questions)
        self.panel.show_outcome(outcome, session.score, len(session.outcomes), last)
        self.answered.emit(outcome)
        return outcome

    def _on_next(self) -> None:
        if not self.session.answered:
            return
        self.session.next()
        if self.session.finished:
            self.stop()
        else:
            self._present()

    def _on_hard_changed(self, hide: bool) -> None:
        self.hide_icons = hide
        scene = self.scene()
        if scene is not None:
            scene.set_icons_visible(not hide)

    def _on_architecture_shown(self, architecture_id: str) -> None:
        if self._switching:
            return
        question = self.session.current
        if question is not None and architecture_id == question.architecture_id:
            # The same architecture was reloaded (a model file changed): ask again on the new scene.
            if not self.session.answered:
                self._present()
            return
        self.window.show_status("Revision ended: you moved to another architecture.")
        self.stop()

    # The diagram's mouse and keys during a quiz -----------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Compared by identity only: while the window is torn down its view may be gone already.
        if not self.active:
            return False
        if watched is self._view and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return False

    def _key(self, event: QKeyEvent) -> bool:
        scene = self.scene()
        if event.key() in _ANSWER_KEYS:
            focused = scene.focused_element() if scene is not None else None
            if focused is not None:
                self.answer_click(focused)
            return True
        # Esc would clear the highlight of the question.
        return event.key() == Qt.Key.Key_Escape

    def _click(self, position: QPointF) -> None:
        scene = self.scene()
        question = self.session.current
        if scene is None or question is None or self.session.answered:
            return
        if question.kind is not QuestionKind.LOCATE:
            self.panel.show_hint("Answer in the panel: this question is not about clicking.")
            return
        element = clicked_component(scene, self.window.diagram_view, position)
        if element is None:
            self.panel.show_hint(NOT_A_COMPONENT_HINT)
            return
        self.answer_click(element)
