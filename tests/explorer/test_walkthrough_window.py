"""Walkthroughs in the window: the menu, keys, emphasis, pulse, narration, own excerpts, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from explorer.app import create_window
from explorer.app_state import Mode
from explorer.diagram import style
from explorer.diagram.walkthrough_emphasis import EARLIER
from explorer.ui.main_window import MainWindow

APPLY = "kubernetes-kubectl-apply"


def counter(window: MainWindow) -> str:
    assert window.walkthroughs.bar is not None
    return window.walkthroughs.bar.counter.text()


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.diagram_view, key)


def opacity(window: MainWindow, element_id: str) -> float:
    item = window.scene.item_for(element_id)
    assert item is not None
    return item.opacity()


def test_every_walkthrough_is_in_the_menu_and_starts(qtbot, window: MainWindow) -> None:
    entries = [a.objectName() for a in window.menus["walkthrough"].actions() if a.objectName()]
    assert {w.id for w in window.sources.walkthroughs} == {e.removeprefix("walkthrough:") for e in entries}
    assert len(entries) == 6
    for walkthrough in window.sources.walkthroughs:
        assert window.walkthroughs.start(walkthrough.id)
        assert window.current_id == walkthrough.architecture
        assert counter(window) == f"1 of {len(walkthrough.steps)}"
        for _ in walkthrough.steps[1:]:
            press(qtbot, window, Qt.Key.Key_Right)
        assert counter(window) == f"{len(walkthrough.steps)} of {len(walkthrough.steps)}"
        assert walkthrough.steps[-1].title in window.notes_panel.plain_text()


def test_keys_step_and_escape_leaves(qtbot, window: MainWindow) -> None:
    next(
        a for a in window.menus["walkthrough"].actions() if a.objectName() == f"walkthrough:{APPLY}"
    ).trigger()
    assert window.state.mode is Mode.WALKTHROUGH
    assert window.walkthroughs.bar.isVisible()
    assert counter(window) == "1 of 9"
    press(qtbot, window, Qt.Key.Key_Left)  # nothing before the first step
    assert counter(window) == "1 of 9"
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Space)
    assert counter(window) == "3 of 9"
    assert "Stored in etcd" in window.notes_panel.plain_text()
    press(qtbot, window, Qt.Key.Key_Left)
    assert counter(window) == "2 of 9"
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.state.mode is Mode.EXPLORE
    assert not window.walkthroughs.bar.isVisible()
    assert not window.walkthroughs.pulse.running()
    assert all(item.opacity() == 1.0 for item in window.scene.items() if item.data(0) != "walkthrough-pulse")
    assert not any(item.data(0) == "walkthrough-pulse" for item in window.scene.items())
    assert "Kubernetes" in window.notes_panel.plain_text()
    press(qtbot, window, Qt.Key.Key_Right)  # arrows are the diagram's again
    assert window.state.mode is Mode.EXPLORE


def test_each_step_emphasises_its_elements_and_keeps_earlier_ones_faint(window: MainWindow) -> None:
    window.walkthroughs.start(APPLY)
    window.walkthroughs.go(2)  # "Stored in etcd", after kubectl → API server and admission
    scene = window.scene
    assert opacity(window, "etcd") == 1.0
    assert scene.item_for("etcd").is_selected()
    assert opacity(window, "kubectl") == EARLIER  # step 1, still faintly there
    assert not scene.item_for("kubectl").is_selected()
    assert opacity(window, "kube-scheduler") == style.DIM_COMPONENT
    edges = {(e.source, e.target): e for e in scene.edge_items()}
    assert edges[("kube-apiserver", "etcd")].is_emphasised()
    assert edges[("kube-apiserver", "etcd")].opacity() == 1.0
    assert edges[("kubectl", "kube-apiserver")].opacity() == EARLIER
    assert not edges[("kubectl", "kube-apiserver")].is_emphasised()
    assert edges[("kube-scheduler", "kube-apiserver")].opacity() == style.DIM_EDGE
    window.walkthroughs.go(1)  # the control-plane group is the step's
    assert scene.item_for("control-plane").is_selected()
    assert opacity(window, "etcd") == style.DIM_COMPONENT  # not yet: stepping back undoes it


def test_a_click_during_a_walkthrough_keeps_the_emphasis(qtbot, window: MainWindow) -> None:
    window.walkthroughs.start(APPLY)
    window.walkthroughs.go(2)
    window.select_element("kube-scheduler")
    assert window.state.mode is Mode.WALKTHROUGH
    assert opacity(window, "etcd") == 1.0
    assert opacity(window, "kube-scheduler") == style.DIM_COMPONENT
    assert window.scene.item_for("kube-scheduler").is_selected()


def test_the_pulse_travels_along_each_relation_in_its_direction(window: MainWindow) -> None:
    pulse = window.walkthroughs.pulse
    window.walkthroughs.start(APPLY)
    window.walkthroughs.go(6)  # three relations, forward
    assert pulse.running()
    assert len(pulse.dots()) == 3
    edge = next(e for e in window.scene.edge_items() if (e.source, e.target) == ("kubelet-1", "containerd-1"))
    pulse.animation.setCurrentTime(0)
    start = pulse.dots()
    pulse.animation.setCurrentTime(pulse.animation.duration() // 2)
    middle = pulse.dots()
    assert start != middle
    assert (start[0] - edge.path().pointAtPercent(0.0)).manhattanLength() < 1.0
    window.walkthroughs.go(5)  # the kubelet's watch: reverse
    pulse.animation.setCurrentTime(0)
    edge = next(
        e for e in window.scene.edge_items() if (e.source, e.target) == ("kubelet-1", "kube-apiserver")
    )
    assert (pulse.dots()[0] - edge.path().pointAtPercent(1.0)).manhattanLength() < 1.0
    window.walkthroughs.go(1)  # no relation: no dot
    assert pulse.dots() == []
    window.walkthroughs.leave()
    assert not pulse.running()


def test_a_quiz_ends_the_walkthrough(window: MainWindow) -> None:
    window.walkthroughs.start(APPLY)
    window.actions_by_name["revise"].trigger()
    assert window.state.mode is Mode.REVISE
    assert not window.walkthroughs.active
    assert not window.walkthroughs.start(APPLY)  # not during a quiz
    window.actions_by_name["revise"].trigger()


def make_window(qtbot, tmp_path: Path, **locations) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    created = create_window(settings=settings, **locations)
    qtbot.addWidget(created)
    created.show()
    return created


def test_narration_is_followed_by_the_users_own_excerpts(qtbot, tmp_path: Path) -> None:
    note = tmp_path / "etcd.md"
    note.write_text("# Cluster state\n\n- **etcd** keeps its data consistent with Raft\n", encoding="utf-8")
    window = make_window(qtbot, tmp_path, note_locations=[note])
    window.walkthroughs.start(APPLY)
    window.walkthroughs.go(2)
    text = window.notes_panel.plain_text()
    narration = text.index("Once accepted, the Deployment is written to etcd")
    assert text.index("From your notes") > narration
    assert text.index("keeps its data consistent with Raft") > narration
    assert "Built-in notes" not in text  # only the user's own excerpts follow the narration
    window.walkthroughs.go(0)
    assert "Raft" not in window.notes_panel.plain_text()
    assert "do not mention" in window.notes_panel.plain_text()


MINE = """\
id: mine-etcd
architecture: kubernetes
title: Where the state lives
summary: The API server keeps everything in etcd.
steps:
  - title: A write
    text: The API server writes to etcd.
    components: [kube-apiserver, etcd]
    relations: [[kube-apiserver, etcd]]
  - title: A read
    text: The scheduler watches through the API server.
    components: [kube-scheduler]
"""


def test_a_broken_walkthrough_is_a_located_problem_and_breaks_nothing(qtbot, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "mine.walkthrough.yaml").write_text(MINE, encoding="utf-8")
    broken = models / "broken.walkthrough.yaml"
    broken.write_text(MINE.replace("mine-etcd", "broken").replace("[kube-scheduler]", "[kube-schedular]"))
    window = make_window(qtbot, tmp_path, model_locations=[models])
    problems = window.user_content.problems()
    assert len(problems) == 1
    assert f"{broken}:12: steps[1].components[0]: unknown component 'kube-schedular'" in problems[0]
    assert window.user_content.problems_button.isVisibleTo(window)
    assert len(window.architecture_list.ids()) >= 5
    assert {w.id for w in window.sources.walkthroughs} >= {"mine-etcd", APPLY}
    assert window.walkthroughs.start("mine-etcd")
    assert counter(window) == "1 of 2"

    broken.write_text(MINE.replace("mine-etcd", "fixed"), encoding="utf-8")
    window.user_content.reload_models()
    qtbot.waitUntil(lambda: window.user_content.problems() == [], timeout=10_000)
    assert "walkthrough:fixed" in [a.objectName() for a in window.menus["walkthrough"].actions()]
    assert window.walkthroughs.active  # the running walkthrough survives the reload
    (models / "mine.walkthrough.yaml").unlink()
    window.user_content.reload_models()
    qtbot.waitUntil(lambda: not window.walkthroughs.active, timeout=10_000)


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Space])
def test_next_keys_work_from_the_notes_panel_too(qtbot, window: MainWindow, key: Qt.Key) -> None:
    window.walkthroughs.start(APPLY)
    window.notes_panel.browser.setFocus()
    qtbot.keyClick(window.notes_panel.browser, key)
    assert counter(window) == "2 of 9"


def test_a_due_walkthrough_card_counts_with_the_others(window: MainWindow) -> None:
    from datetime import timedelta

    from models.revision.scheduler import Grade
    from models.revision.walkthrough_cards import walkthrough_card_key

    revision = window.revision
    walkthrough = next(w for w in window.sources.walkthroughs if w.id == APPLY)
    before = revision.refresh_due().get("kubernetes", 0)
    past = revision.clock() - timedelta(days=30)
    revision.progress.record([walkthrough_card_key(walkthrough)], Grade.GOOD, past)
    assert revision.refresh_due().get("kubernetes", 0) == before + 1


@pytest.mark.parametrize("walkthrough_id", [APPLY, "kubernetes-external-request"])
def test_every_step_brings_its_components_on_screen(qtbot, window: MainWindow, walkthrough_id: str) -> None:
    window.resize(1100, 700)  # a small screen: the diagram does not fit at a readable zoom
    assert window.walkthroughs.start(walkthrough_id)
    walkthrough = window.walkthroughs.walkthrough
    assert walkthrough is not None
    view = window.diagram_view
    for index, step in enumerate(walkthrough.steps):
        if index:
            press(qtbot, window, Qt.Key.Key_Right)
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        for component in step.components:
            item = window.scene.item_for(component)
            assert item is not None
            assert visible.contains(item.sceneBoundingRect().center()), (index, component)
        assert view.zoom() >= view.fit_zoom() - 1e-9
