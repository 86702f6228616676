"""Revision mode on the live diagram, driven with real clicks and keys: each question kind, right, wrong."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage, QKeySequence

from explorer.diagram.items import ComponentItem
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from explorer.ui.revision.controller import RevisionController
from explorer.ui.revision.summary_dialog import SummaryDialog
from models.revision.items import quiz_items
from models.revision.questions import QuestionKind, make_question
from models.revision.session import QuizSession
from tests.explorer.clock import ticking_clock
from tests.explorer.windows import shown_window

IDENTIFY, LOCATE, DESCRIBE = QuestionKind.IDENTIFY, QuestionKind.LOCATE, QuestionKind.DESCRIBE


@pytest.fixture
def eks_window(qtbot, sources: Sources, settings_store: QSettings, data_dir: Path) -> Iterator[MainWindow]:
    window = shown_window(qtbot, sources, settings_store, architecture_id="eks", clock=ticking_clock())
    window.revision.rng = random.Random(11)
    yield window
    window.close()


def controller(window: MainWindow) -> RevisionController:
    return window.revision


def session_of(window: MainWindow, *questions: tuple[QuestionKind, str]) -> QuizSession:
    architecture = window.architecture
    assert architecture is not None
    items = quiz_items(architecture)
    rng = random.Random(0)
    built = [
        make_question(kind, next(i for i in items if i.label == label), items, rng)
        for kind, label in questions
    ]
    return QuizSession(built, {architecture.id: items})


def viewport_point(window: MainWindow, component_id: str) -> QPoint:
    view = window.diagram_view
    view.center_on_element(component_id)
    item = window.scene.item_for(component_id)
    point = view.mapFromScene(item.icon_rect().center())
    assert view.viewport().rect().contains(point), component_id
    return point


def click_component(qtbot, window: MainWindow, component_id: str) -> None:
    qtbot.mouseClick(
        window.diagram_view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, component_id)
    )


def actual_size(window: MainWindow) -> None:
    """Zoom 1: labels are drawn crisp enough to count their pixels."""
    window.diagram_view.set_zoom(1.0)


def ink(window: MainWindow, component_ids: list[str] | None = None) -> int:
    """Dark (text) pixels inside the label boxes of components on screen, in a grab of the diagram."""
    view = window.diagram_view
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    dark = 0
    for item in window.scene.component_items():
        if component_ids is not None and item.element_id not in component_ids:
            continue
        box = view.mapFromScene(item.label_rect()).boundingRect().intersected(view.viewport().rect())
        for x in range(box.left(), box.right() + 1):
            for y in range(box.top(), box.bottom() + 1):
                color = image.pixelColor(x, y)
                if color.red() + color.green() + color.blue() < 3 * 90:
                    dark += 1
    return dark


def test_revise_is_ctrl_r_in_the_view_menu_and_its_own_menu(eks_window: MainWindow) -> None:
    actions = eks_window.actions_by_name
    assert actions["revise"].shortcut() == QKeySequence("Ctrl+R")
    assert actions["revise"] in eks_window.menus["view"].actions()
    assert actions["compare"] in eks_window.menus["view"].actions()
    titles = [
        action.text().replace("&", "") for action in eks_window.menus["revise"].actions() if action.text()
    ]
    for wanted in (
        "Revise",
        "Revise due",
        "Compare…",
        "Reset progress…",
        "Export progress…",
        "Import progress…",
    ):
        assert wanted in titles
    menus = [action.text().replace("&", "") for action in eks_window.menuBar().actions()]
    assert menus.index("Revise") == menus.index("Help") - 1


def test_labels_are_really_hidden_and_come_back(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    revision.run(session_of(eks_window, (LOCATE, "kube-scheduler")))
    assert revision.panel.isVisible()
    actual_size(eks_window)
    eks_window.diagram_view.center_on_element("eks-scheduler")  # the label-dense control plane
    hidden = ink(eks_window)
    tooltips = [item.toolTip() for item in eks_window.scene.component_items()]
    eks_window.actions_by_name["revise"].trigger()  # Ctrl+R again ends the quiz
    assert not revision.panel.isVisible()
    shown = ink(eks_window)
    assert shown > 400
    assert hidden < shown / 20
    assert not any(tooltips)  # a hover must not give the answer away either


def test_the_harder_level_hides_icons_too(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    revision.run(session_of(eks_window, (IDENTIFY, "etcd")))
    view = eks_window.diagram_view
    item = eks_window.scene.item_for("eks-scheduler")
    assert isinstance(item, ComponentItem)

    def colours() -> int:
        image = view.viewport().grab().toImage()
        box = view.mapFromScene(item.icon_rect()).boundingRect().adjusted(6, 6, -6, -6)
        xs, ys = range(box.left(), box.right()), range(box.top(), box.bottom())
        return len({image.pixel(x, y) for x in xs for y in ys})

    actual_size(eks_window)
    view.center_on_element("eks-scheduler")
    with_icons = colours()
    check = revision.panel.hard_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert revision.actions["hide_icons"].isChecked()
    assert colours() < with_icons / 3
    revision.runner.stop()
    assert colours() >= with_icons  # icons back (and no longer dimmed)


def test_identify_typed_alias_is_right_and_reveals_label_and_notes(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    runner = revision.run(session_of(eks_window, (IDENTIFY, "kube-controller-mgr"), (LOCATE, "etcd")))
    panel = revision.panel
    assert eks_window.scene.selected_element() == "eks-controller-manager"  # highlighted, not announced
    assert "kube-controller-mgr" not in panel.feedback_text()
    actual_size(eks_window)
    before = ink(eks_window, ["eks-controller-manager"])
    notes_before = eks_window.notes_panel.plain_text()
    qtbot.keyClicks(panel.answer_edit, "Controller-Manager")
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
    assert "Right" in panel.feedback_text()
    assert "kube-controller-mgr" in panel.feedback_text()
    assert before == 0
    assert ink(eks_window, ["eks-controller-manager"]) > 20
    notes = eks_window.notes_panel.plain_text()
    assert notes != notes_before
    assert "kube-controller-mgr" in notes
    assert panel.next_button.isEnabled()
    assert panel.next_button.hasFocus()
    assert runner.session.outcomes[-1].correct
    card = revision.progress.card(("eks", "eks-controller-manager"))
    assert card is not None
    assert card.due > revision.clock()


def test_identify_vague_then_wrong_choice(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    runner = revision.run(session_of(eks_window, (IDENTIFY, "kubelet")))
    panel = revision.panel
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
    assert not runner.session.answered
    assert "Type a name" in panel.feedback_text()
    assert not panel.choices.isVisible()
    qtbot.mouseClick(panel.show_choices_button, Qt.MouseButton.LeftButton)
    assert panel.choices.isVisible()
    question = runner.session.current
    actual_size(eks_window)
    wrong = next(index for index, option in enumerate(question.options) if option.label != "kubelet")
    eks_window.diagram_view.setFocus()
    qtbot.keyClick(eks_window.diagram_view, Qt.Key(Qt.Key.Key_1 + wrong))  # the plain number key
    assert "Not quite" in panel.feedback_text()
    assert question.options[wrong].label in panel.feedback_text()
    assert ink(eks_window, [question.focus]) > 20  # the right label, revealed on the diagram
    assert not runner.session.outcomes[-1].correct
    assert revision.progress.is_due(("eks", "kubelet-mng"), revision.clock())


def test_locate_by_real_clicks_right_and_wrong(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    runner = revision.run(session_of(eks_window, (LOCATE, "etcd"), (LOCATE, "kube-scheduler")))
    panel = revision.panel
    assert panel.prompt_label.text() == "Click the etcd on the diagram."
    status_before = eks_window.statusBar().currentMessage()
    # The background is not an answer.
    view = eks_window.diagram_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert not runner.session.answered
    click_component(qtbot, eks_window, "etcd-c")  # any of the three members is right
    assert runner.session.outcomes[-1].correct
    assert eks_window.scene.selected_element() == "etcd-c"  # the one clicked, not the first
    assert "Right" in panel.feedback_text()
    assert "selected:" not in eks_window.statusBar().currentMessage() or status_before
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.prompt_label.text() == "Click the kube-scheduler on the diagram."
    actual_size(eks_window)
    click_component(qtbot, eks_window, "apiserver-a")
    outcome = runner.session.outcomes[-1]
    assert not outcome.correct
    assert outcome.clicked == "apiserver-a"
    assert "not kube-apiserver" in panel.feedback_text()
    assert ink(eks_window, ["eks-scheduler"]) > 20


def test_a_drag_pans_instead_of_answering(qtbot, eks_window: MainWindow) -> None:
    runner = controller(eks_window).run(session_of(eks_window, (LOCATE, "etcd")))
    view = eks_window.diagram_view
    start = viewport_point(eks_window, "etcd-a")
    bar = view.horizontalScrollBar()
    scroll = bar.value()
    # Drag towards the side the view can still scroll to (dragging left scrolls right), wherever
    # the layout put etcd.
    leftwards = scroll < bar.maximum()
    step = QPoint(-1 if leftwards else 1, 0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + step * 40)
    qtbot.mouseMove(view.viewport(), start + step * 120)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + step * 120)
    assert not runner.session.answered
    moved = bar.value() - scroll
    assert moved > 0 if leftwards else moved < 0


def test_a_drag_during_a_quiz_pans_and_is_no_answer(qtbot, eks_window: MainWindow) -> None:
    runner = controller(eks_window).run(session_of(eks_window, (LOCATE, "etcd")))
    actual_size(eks_window)
    view = eks_window.diagram_view
    start = viewport_point(eks_window, "etcd-a")
    end = start + QPoint(120, 80)
    scroll = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(30, 20))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != scroll
    assert not runner.session.answered
    click_component(qtbot, eks_window, "etcd-a")
    assert runner.session.outcomes[-1].correct


def test_locate_with_the_keyboard(qtbot, eks_window: MainWindow) -> None:
    runner = controller(eks_window).run(session_of(eks_window, (LOCATE, "kubectl")))
    view = eks_window.diagram_view
    view.setFocus()
    eks_window.scene.set_focused_element("kubectl-user")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert runner.session.outcomes[-1].correct


def test_clicks_during_other_questions_select_nothing(qtbot, eks_window: MainWindow) -> None:
    runner = controller(eks_window).run(session_of(eks_window, (IDENTIFY, "etcd")))
    focus = runner.session.current.focus
    notes = eks_window.notes_panel.plain_text()
    click_component(qtbot, eks_window, "eks-scheduler")
    qtbot.keyClick(eks_window.diagram_view, Qt.Key.Key_Escape)
    assert eks_window.scene.selected_element() == focus
    assert eks_window.notes_panel.plain_text() == notes
    assert not runner.session.answered
    assert "not about clicking" in controller(eks_window).panel.feedback_text()


def test_describe_right_and_wrong(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    runner = revision.run(session_of(eks_window, (DESCRIBE, "Amazon VPC CNI"), (DESCRIBE, "kube-proxy")))
    panel = revision.panel
    assert panel.clue_label.isVisible()
    assert "Attaches ENIs" in panel.clue_label.text()
    assert "VPC CNI" not in panel.clue_label.text()
    assert panel.choices.isVisible()
    assert not panel.answer_row.isVisible()
    question = runner.session.current
    right = [option.label for option in question.options].index("Amazon VPC CNI")
    qtbot.mouseClick(panel.choice_buttons[right], Qt.MouseButton.LeftButton)
    assert runner.session.outcomes[-1].correct
    assert "Amazon VPC CNI" in eks_window.notes_panel.plain_text()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    question = runner.session.current
    wrong = next(i for i, option in enumerate(question.options) if option.label != "kube-proxy")
    qtbot.keyClick(panel.choice_buttons[wrong], Qt.Key.Key_Space)
    assert not runner.session.outcomes[-1].correct
    assert "kube-proxy" in panel.feedback_text()


def test_summary_lists_the_missed_and_revises_them_again(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    revision.run(session_of(eks_window, (IDENTIFY, "etcd"), (IDENTIFY, "kubelet"), (LOCATE, "IAM")))
    panel = revision.panel
    qtbot.keyClicks(panel.answer_edit, "etcd")
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
    qtbot.keyClick(panel.next_button, Qt.Key.Key_Space)
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)  # "I don't know"
    qtbot.keyClick(panel.next_button, Qt.Key.Key_Space)
    click_component(qtbot, eks_window, "ecr")
    assert panel.next_button.text() == "See the summary"
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    dialog = revision.summary_dialog
    assert isinstance(dialog, SummaryDialog)
    assert dialog.isVisible()
    assert "1 / 3" in dialog.score_label.text()
    missed = [dialog.missed_list.item(row).text() for row in range(dialog.missed_list.count())]
    assert missed == ["kubelet  —  Amazon EKS", "IAM  —  Amazon EKS"]
    assert "Next review" in dialog.schedule_label.text()
    assert not panel.isVisible()
    actual_size(eks_window)
    assert ink(eks_window) > 400  # labels back
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    again = revision.runner.session
    assert revision.runner.active
    assert [question.item.label for question in again.questions] == ["kubelet", "IAM"]
    assert panel.isVisible()
    assert panel.next_button.text() == "Next"


def test_moving_to_another_architecture_ends_the_quiz(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    runner = revision.run(session_of(eks_window, (LOCATE, "etcd")))
    eks_scene = eks_window.scene
    eks_window.show_architecture("kubernetes")
    assert not runner.active
    assert "Revision ended" in eks_window.statusBar().currentMessage()
    assert all(item.toolTip() for item in eks_scene.component_items())  # labels restored


def test_due_counts_badges_and_revise_due_across_architectures(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    now = revision.clock()
    from models.revision.scheduler import Grade

    revision.progress.record([("eks", "etcd-a"), ("eks", "etcd-b")], Grade.AGAIN, now)
    revision.progress.record([("ecs-ec2", "task-definition")], Grade.AGAIN, now)
    revision.progress.record([("kubernetes", "etcd")], Grade.GOOD, now)
    assert revision.refresh_due() == {"eks": 1, "ecs-ec2": 1}
    assert revision.due_button.text() == "2 due today"
    assert eks_window.architecture_list.badge("eks") == 1
    assert eks_window.architecture_list.badge("kubernetes") == 0
    qtbot.mouseClick(revision.due_button, Qt.MouseButton.LeftButton)
    runner = revision.runner
    assert {q.item.architecture_id for q in runner.session.questions} == {"eks", "ecs-ec2"}
    seen = set()
    while runner.active:
        seen.add(eks_window.current_id)
        revision.panel.skip_button.click()
        revision.panel.next_button.click()
    assert seen == {"eks", "ecs-ec2"}


def test_nothing_due_says_when_the_next_review_is(qtbot, eks_window: MainWindow) -> None:
    revision = controller(eks_window)
    assert revision.due_button.text() == "Nothing due today"
    revision.revise_due()
    assert revision.runner is None
    assert "No card is due" in eks_window.statusBar().currentMessage()
