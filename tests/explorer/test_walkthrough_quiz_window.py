"""Walkthrough quizzes in the window, with real clicks and keys: what happens next, order, the card."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from explorer.app_state import Mode
from explorer.diagram import style
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from explorer.ui.revision.walkthrough_quiz_runner import WalkthroughQuizRunner
from models.revision.scheduler import Grade
from models.revision.walkthrough_cards import walkthrough_card_key
from models.revision.walkthrough_quiz import NextQuestion, OrderQuestion
from tests.explorer.clock import NOON, ticking_clock
from tests.explorer.windows import shown_window

APPLY = "kubernetes-kubectl-apply"


@pytest.fixture
def k8s_window(qtbot, sources: Sources, settings_store: QSettings, data_dir: Path) -> Iterator[MainWindow]:
    window = shown_window(qtbot, sources, settings_store, architecture_id="kubernetes", clock=ticking_clock())
    window.revision.rng = random.Random(3)
    yield window
    window.close()


def start_quiz(window: MainWindow) -> WalkthroughQuizRunner:
    """Steps into the kubectl apply walkthrough, then Walkthrough ▸ Quiz this walkthrough."""
    assert window.walkthroughs.start(APPLY)
    action = next(a for a in window.menus["walkthrough"].actions() if a.text() == "&Quiz this walkthrough")
    action.trigger()
    runner = window.revision.walkthrough_runner
    assert runner is not None
    assert runner.active
    assert runner.walkthrough.id == APPLY
    return runner


def click_component(qtbot, window: MainWindow, component_id: str) -> None:
    view = window.diagram_view
    view.center_on_element(component_id)
    point = view.mapFromScene(window.scene.item_for(component_id).icon_rect().center())
    assert view.viewport().rect().contains(point), component_id
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def put_in_order(qtbot, window: MainWindow, question: OrderQuestion) -> None:
    """Sorts the list with the keyboard only: Home, Down to a step, Alt+Up until it is in place."""
    steps = window.revision.walkthrough_panel.order_list
    for place, wanted in enumerate(question.solution):
        qtbot.keyClick(steps, Qt.Key.Key_Home)
        for _ in range(steps.order().index(wanted)):
            qtbot.keyClick(steps, Qt.Key.Key_Down)
        for _ in range(steps.order().index(wanted) - place):
            qtbot.keyClick(steps, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert steps.order() == list(question.solution)


def answer_right(qtbot, window: MainWindow, runner: WalkthroughQuizRunner) -> None:
    panel = window.revision.walkthrough_panel
    while runner.active:
        question = runner.current
        if isinstance(question, NextQuestion):
            click_component(qtbot, window, sorted(question.answers)[0])
        else:
            put_in_order(qtbot, window, question)
            qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
        assert runner.results[-1], question
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)


def test_the_quiz_is_in_both_menus_and_hides_labels(qtbot, k8s_window: MainWindow) -> None:
    for menu in ("walkthrough", "revise"):
        texts = [a.text() for a in k8s_window.menus[menu].actions()]
        assert "&Quiz this walkthrough" in texts
    runner = start_quiz(k8s_window)
    assert k8s_window.state.mode is Mode.REVISE
    assert not k8s_window.walkthroughs.active  # the step bar gave way to the quiz
    assert k8s_window.revision.walkthrough_panel.isVisible()
    items = list(k8s_window.scene.component_items())
    assert not any(item._label_visible for item in items)
    assert not any(item.toolTip() for item in items)
    runner.stop()  # ended early: no grade, labels back
    assert all(item._label_visible for item in k8s_window.scene.component_items())
    assert k8s_window.state.mode is Mode.EXPLORE
    assert k8s_window.revision.progress.card(walkthrough_card_key(runner.walkthrough)) is None


def test_what_happens_next_right_click_builds_up_and_narrates(qtbot, k8s_window: MainWindow) -> None:
    runner = start_quiz(k8s_window)
    question = runner.current
    assert isinstance(question, NextQuestion)
    panel = k8s_window.revision.walkthrough_panel
    assert question.step.title in panel.prompt_label.text()
    scene = k8s_window.scene
    shown = question.step.components[0]
    assert scene.item_for(shown).opacity() == 1.0  # the step shown is emphasised
    involved = {c for step in runner.walkthrough.steps for c in step.components}
    dimmed = next(i for i in scene.component_items() if i.element_id not in involved)
    assert dimmed.opacity() == style.DIM_COMPONENT
    answer = sorted(question.answers)[0]
    click_component(qtbot, k8s_window, answer)
    assert runner.results == [True]
    assert "Right." in panel.feedback_text()
    assert question.next_step.title in panel.feedback_text()  # the step's narration follows
    assert scene.item_for(answer)._label_visible  # the answer is revealed
    assert scene.selected_element() is None  # a quiz click selects nothing


def test_what_happens_next_wrong_click(qtbot, k8s_window: MainWindow) -> None:
    runner = start_quiz(k8s_window)
    question = runner.current
    assert isinstance(question, NextQuestion)
    wrong = next(c for c in question.step.components if c not in question.answers)
    click_component(qtbot, k8s_window, wrong)
    assert runner.results == [False]
    feedback = k8s_window.revision.walkthrough_panel.feedback_text()
    assert "Not quite" in feedback
    assert question.next_step.text.split()[0] in feedback
    click_component(qtbot, k8s_window, sorted(question.answers)[0])  # no second try
    assert runner.results == [False]


def test_order_with_keys_then_check(qtbot, k8s_window: MainWindow) -> None:
    runner = start_quiz(k8s_window)
    panel = k8s_window.revision.walkthrough_panel
    click_component(qtbot, k8s_window, sorted(runner.current.answers)[0])
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    question = runner.current
    assert isinstance(question, OrderQuestion)
    assert panel.order_list.isVisible()
    assert panel.order_list.order() == list(question.shown)
    steps = panel.order_list
    first = steps.order()[0]
    qtbot.keyClick(steps, Qt.Key.Key_Home)
    qtbot.keyClick(steps, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # Alt+Down moves it
    assert steps.order()[1] == first
    assert steps.currentRow() == 1
    put_in_order(qtbot, k8s_window, question)
    assert not panel.next_button.isEnabled()  # Check first
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert runner.results == [True, True]
    assert "Right." in panel.feedback_text()
    assert panel.next_button.text() == "Finish"


def test_a_wrong_order_names_the_first_step_out_of_place(qtbot, k8s_window: MainWindow) -> None:
    runner = start_quiz(k8s_window)
    panel = k8s_window.revision.walkthrough_panel
    click_component(qtbot, k8s_window, sorted(runner.current.answers)[0])
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    question = runner.current
    verdict = question.check(panel.order_list.order())  # shuffled: never already in order
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert runner.results == [True, False]
    assert f"{verdict.in_place} of {len(question.shown)} steps in place" in panel.feedback_text()
    assert f"number {verdict.first_wrong + 1}" in panel.feedback_text()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    card = k8s_window.revision.progress.card(walkthrough_card_key(runner.walkthrough))
    assert card is not None
    assert card.due < NOON + timedelta(days=1)


def test_revise_due_quizzes_a_due_walkthrough_and_moves_its_due_date(
    qtbot, k8s_window: MainWindow, data_dir: Path
) -> None:
    revision = k8s_window.revision
    walkthrough = next(w for w in k8s_window.sources.walkthroughs if w.id == APPLY)
    key = walkthrough_card_key(walkthrough)
    revision.progress.record([key], Grade.GOOD, NOON - timedelta(days=30), fuzz=False)
    due_before = revision.progress.card(key).due
    assert revision.refresh_due().get("kubernetes") == 1
    k8s_window.actions_by_name["revise_due"].trigger()  # no component is due: the walkthrough is
    runner = revision.walkthrough_runner
    assert runner is not None
    assert runner.active
    assert runner.walkthrough.id == APPLY
    answer_right(qtbot, k8s_window, runner)
    card = revision.progress.card(key)
    assert card.due > due_before
    assert card.due > NOON + timedelta(days=1)
    assert revision.refresh_due().get("kubernetes", 0) == 0
    assert "Nothing due" in revision.due_button.text()
    saved = json.loads((data_dir / "progress.json").read_text())
    assert f"walkthrough:{APPLY}" in json.dumps(saved)
