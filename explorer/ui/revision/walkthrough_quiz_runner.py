"""Runs a quiz on one walkthrough: "what happens next?" on the live diagram, then "put these steps in order".

The "next" question builds the walkthrough up to the step shown (labels hidden,
like the component quiz) and takes a click on the diagram as the answer,
through the same view click handler. The ordering question is answered in the
panel. At the end the runner emits one FSRS grade for the walkthrough's card:
*Good* when every answer was right, *Hard* when some were, *Again* when none.
"""

from __future__ import annotations

import html
import random
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal

from explorer.diagram.items import ComponentItem
from explorer.diagram.scene import DiagramScene
from explorer.diagram.walkthrough_emphasis import StepEmphasis, apply_step, clear_step
from explorer.ui.revision.quiz_runner import NOT_A_COMPONENT_HINT, clicked_component
from explorer.ui.revision.walkthrough_quiz_panel import WalkthroughQuizPanel
from models.revision.scheduler import Grade
from models.revision.walkthrough_quiz import (
    NextQuestion,
    OrderQuestion,
    make_next_question,
    make_order_question,
)
from models.walkthroughs import Walkthrough

if TYPE_CHECKING:
    from explorer.ui.window_api import ExplorerWindow

Question = NextQuestion | OrderQuestion


def questions_for(walkthrough: Walkthrough, rng: random.Random) -> list[Question]:
    """A "what happens next?" question (when a step brings in a new component), then an ordering one."""
    questions: list[Question] = []
    following = make_next_question(walkthrough, rng)
    if following is not None:
        questions.append(following)
    if len(walkthrough.steps) >= 2:
        questions.append(make_order_question(walkthrough, rng))
    return questions


def pick_walkthrough(
    walkthroughs: tuple[Walkthrough, ...] | list[Walkthrough],
    running: Walkthrough | None,
    architecture_id: str | None,
) -> Walkthrough | None:
    """The walkthrough on screen, else the first of the architecture shown, else the first of all."""
    if running is not None:
        return running
    return next((w for w in walkthroughs if w.architecture == architecture_id), None) or next(
        iter(walkthroughs), None
    )


def grade_for(results: list[bool]) -> Grade:
    """All right is Good, some right is Hard (like a recognised answer), none is Again."""
    if results and all(results):
        return Grade.GOOD
    return Grade.HARD if any(results) else Grade.AGAIN


class WalkthroughQuizRunner(QObject):
    """Asks ``questions`` on ``window``; emits ``finished(walkthrough, grade or None)`` at the end.

    The grade is None when the user ends the quiz before answering everything.
    """

    finished = Signal(object, object)  # Walkthrough, Grade | None

    def __init__(
        self,
        window: ExplorerWindow,
        panel: WalkthroughQuizPanel,
        walkthrough: Walkthrough,
        questions: list[Question],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.walkthrough = walkthrough
        self.questions = questions
        self.index = 0
        self.results: list[bool] = []
        self.active = False
        self._scene: DiagramScene | None = None

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def answered(self) -> bool:
        return len(self.results) > self.index

    def start(self) -> None:
        self.active = True
        self.panel.check_requested.connect(self.check_order)
        self.panel.next_requested.connect(self.next_question)
        self.panel.end_requested.connect(self.stop)
        self.window.architecture_shown.connect(self._on_architecture_shown)
        self.window.diagram_view.set_click_handler(self._click)
        self.panel.show()
        self.panel.raise_()
        self.window.show_architecture(self.walkthrough.architecture)
        if self.window.scene is not None:  # else a large diagram is still loading: architecture_shown
            self._present()

    def stop(self) -> None:
        """Ends the quiz; a grade is given only when every question was answered."""
        if not self.active:
            return
        self.active = False
        self.panel.check_requested.disconnect(self.check_order)
        self.panel.next_requested.disconnect(self.next_question)
        self.panel.end_requested.disconnect(self.stop)
        self.window.architecture_shown.disconnect(self._on_architecture_shown)
        self.window.diagram_view.set_click_handler(None)
        if self._scene is not None:
            clear_step(self._scene)
            self._scene.set_quiz_mode(False)
        self.panel.hide()
        complete = len(self.results) == len(self.questions)
        self.finished.emit(self.walkthrough, grade_for(self.results) if complete else None)

    # Questions -------------------------------------------------------------

    def _present(self) -> None:
        question, scene = self.current, self.window.scene
        if question is None:
            self.stop()
            return
        if scene is None:
            return
        self._scene = scene
        scene.set_quiz_mode(True)
        scene.select_element(None, emit=False)
        number, total, title = self.index + 1, len(self.questions), self.walkthrough.title
        self.window.show_status(f"Quiz on “{title}”: question {number} of {total}")
        if isinstance(question, NextQuestion):
            apply_step(scene, StepEmphasis.of(self.walkthrough, question.shown))
            self.window.diagram_view.fit_diagram()
            self.panel.show_next_question(title, number, total, question.prompt)
            self.window.diagram_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            clear_step(scene)
            steps = [(index, step.title) for index, step in zip(question.shown, question.steps, strict=True)]
            self.panel.show_order_question(title, number, total, question.prompt, steps)

    def answer_component(self, component_id: str) -> bool | None:
        """Answers the open "what happens next?" question with ``component_id``."""
        question = self.current
        if not isinstance(question, NextQuestion) or self.answered:
            return None
        right = question.check(component_id)
        self.results.append(right)
        scene = self.window.scene
        architecture = self.window.architecture
        if scene is not None and architecture is not None:
            apply_step(scene, StepEmphasis.of(self.walkthrough, question.shown + 1))
            for shown in {*question.answers, component_id}:
                item = scene.item_for(shown)
                if isinstance(item, ComponentItem):
                    item.set_label_visible(True)
        names = ", ".join(sorted(self._label(c) for c in question.answers))
        verdict = "Right." if right else f"Not quite: you clicked {html.escape(self._label(component_id))}."
        step = question.next_step
        text = (
            f"<b>{verdict}</b> Next comes <b>{html.escape(names)}</b>.<br>"
            f"<b>{html.escape(step.title)}</b>: {html.escape(step.text)}"
        )
        self.panel.show_verdict(right, text, self.index + 1 == len(self.questions))
        return right

    def check_order(self) -> bool | None:
        """Checks the order in the panel's list."""
        question = self.current
        if not isinstance(question, OrderQuestion) or self.answered:
            return None
        verdict = question.check(self.panel.order_list.order())
        self.results.append(verdict.correct)
        count = len(question.shown)
        if verdict.correct:
            text = f"<b>Right.</b> All {count} steps are in order."
        else:
            place = (verdict.first_wrong or 0) + 1
            expected = self.walkthrough.steps[question.solution[place - 1]].title
            text = (
                f"<b>{verdict.in_place} of {count} steps in place.</b> The first one out of place is "
                f"number {place}; it should be “{html.escape(expected)}”.<br>"
                + "<br>".join(
                    f"{n}. {html.escape(self.walkthrough.steps[i].title)}"
                    for n, i in enumerate(question.solution, 1)
                )
            )
        self.panel.show_verdict(verdict.correct, text, self.index + 1 == len(self.questions))
        return verdict.correct

    def next_question(self) -> None:
        if not self.answered:
            return
        self.index += 1
        if self.current is None:
            self.stop()
        else:
            self._present()

    # The diagram -------------------------------------------------------------

    def _click(self, position: QPointF) -> None:
        scene, question = self.window.scene, self.current
        if scene is None or self.answered:
            return
        if not isinstance(question, NextQuestion):
            self.panel.show_hint("Answer in the panel: put the steps in order, then Check.")
            return
        element = clicked_component(scene, self.window.diagram_view, position)
        if element is None:
            self.panel.show_hint(NOT_A_COMPONENT_HINT)
            return
        self.answer_component(element)

    def _on_architecture_shown(self, architecture_id: str) -> None:
        if architecture_id == self.walkthrough.architecture:
            # The diagram finished loading, or was redrawn after a model change.
            if self.answered and self.window.scene is not None:
                self._scene = self.window.scene
                self._scene.set_quiz_mode(True)
            else:
                self._present()
            return
        self.window.show_status("Walkthrough quiz ended: you moved to another architecture.")
        self.stop()

    def _label(self, component_id: str) -> str:
        architecture = self.window.architecture
        if architecture is not None and component_id in architecture.components_by_id:
            return architecture.components_by_id[component_id].label
        return component_id
