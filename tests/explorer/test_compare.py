"""The compare window: counterparts linked both ways by real clicks, the differences, the decision helper."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from explorer.ui.main_window import MainWindow
from explorer.ui.revision.compare_pane import ComparePane
from explorer.ui.revision.compare_window import CompareWindow


@pytest.fixture
def compare(qtbot, window: MainWindow) -> CompareWindow:
    window.show_architecture("ecs-ec2")
    window.actions_by_name["compare"].trigger()
    created = window.revision.compare_window
    assert created is not None
    qtbot.addWidget(created)
    qtbot.waitExposed(created)
    # A layout not made yet comes from the layout worker, never the UI thread.
    qtbot.waitUntil(lambda: created.left_pane.scene is not None and created.right_pane.scene is not None)
    return created


def click(qtbot, pane: ComparePane, component_id: str) -> None:
    view = pane.view
    view.center_on_element(component_id)
    point = view.mapFromScene(pane.scene.item_for(component_id).icon_rect().center())
    assert view.viewport().rect().contains(point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_defaults_to_the_partner_of_the_current_architecture(qtbot, window: MainWindow) -> None:
    window.show_architecture("eks")
    compare = window.revision.open_compare()
    qtbot.addWidget(compare)
    assert (compare.left_id(), compare.right_id()) == ("eks", "kubernetes")
    window.show_architecture("containers-vs-vms")  # no partner: the first default pair
    window.revision.open_compare()
    assert (compare.left_id(), compare.right_id()) == ("ecs-ec2", "ecs-fargate")


def test_selecting_one_side_highlights_its_counterpart_both_ways(qtbot, compare: CompareWindow) -> None:
    left, right = compare.left_pane, compare.right_pane
    assert (left.architecture.id, right.architecture.id) == ("ecs-ec2", "ecs-fargate")
    click(qtbot, left, "task-definition")
    assert left.scene.selected_element() == "task-definition"
    assert right.scene.selected_element() == "task-definition"
    assert "corresponds to" in compare.selection_label.text()
    click(qtbot, right, "fargate")
    assert left.scene.selected_element() == "capacity-provider"
    assert "Capacity provider" in compare.selection_label.text()
    click(qtbot, right, "task-b")  # the same id is preferred among several counterparts
    assert left.scene.selected_element() == "task-b"
    assert "(2 of them)" in compare.selection_label.text()
    click(qtbot, left, "agent-a")  # the ECS agent's counterpart is the Fargate agent
    assert right.scene.selected_element() == "fargate-agent-a"
    click(qtbot, left, "asg")
    assert right.scene.selected_element() is None
    assert "only in this architecture" in compare.selection_label.text()


def wait_for_pair(qtbot, compare: CompareWindow, left_id: str, right_id: str) -> None:
    """Both panes drawn for the pair (a layout not made yet comes from the worker)."""

    def drawn(pane, architecture_id: str) -> bool:  # noqa: ANN001
        return pane.scene is not None and pane.scene.architecture.id == architecture_id

    qtbot.waitUntil(lambda: drawn(compare.left_pane, left_id) and drawn(compare.right_pane, right_id))


def test_what_exists_on_one_side_only_is_marked(qtbot, compare: CompareWindow) -> None:
    assert compare.left_pane.marked_ids() == {"instance-role", "asg"}
    assert compare.right_pane.marked_ids() == set()
    compare.show_pair("kubernetes", "eks")
    wait_for_pair(qtbot, compare, "kubernetes", "eks")
    assert {"cluster-endpoint", "eni-a", "iam", "ecr", "alb"} <= compare.right_pane.marked_ids()
    assert {"external-clients", "cloud-provider-api"} <= compare.left_pane.marked_ids()
    assert "kube-apiserver" not in compare.left_pane.marked_ids()


def test_kubernetes_and_eks_link_the_api_server(qtbot, compare: CompareWindow) -> None:
    preset = compare.preset_buttons["kubernetes", "eks"]
    qtbot.mouseClick(preset, Qt.MouseButton.LeftButton)
    wait_for_pair(qtbot, compare, "kubernetes", "eks")
    click(qtbot, compare.left_pane, "kube-apiserver")
    assert compare.right_pane.scene.selected_element() == "apiserver-a"
    click(qtbot, compare.right_pane, "etcd-c")
    assert compare.left_pane.scene.selected_element() == "etcd"
    compare.right_pane.scene.select_element(None)
    assert compare.left_pane.scene.selected_element() is None


def test_the_table_of_differences_and_the_guidance(compare: CompareWindow) -> None:
    rows = {aspect: (left, right) for aspect, left, right in compare.differences()}
    aspects = ("Who manages the hosts", "What you pay for", "Networking per task", "Scaling", "Isolation")
    assert set(aspects) | {"When to choose it"} <= set(rows)
    assert "You do" in rows["Who manages the hosts"][0]
    assert "AWS does" in rows["Who manages the hosts"][1]
    assert "vCPU and memory each task requests" in rows["What you pay for"][1]
    header = [compare.table.horizontalHeaderItem(c).text() for c in (1, 2)]
    assert header == ["Amazon ECS on EC2 (EC2 mode)", "Amazon ECS on Fargate"]
    guidance = compare.guidance.toPlainText()
    assert "When to use ECS on EC2, ECS on Fargate, or plain EC2 as a Docker host" in guidance
    assert "no hosts to manage" in guidance
    compare.show_pair("ecs-fargate", "ecs-ec2")  # swapped: the columns follow
    rows = {aspect: (left, right) for aspect, left, right in compare.differences()}
    assert "AWS does" in rows["Who manages the hosts"][0]
    compare.show_pair("eks", "containers-vs-vms")
    assert compare.differences() == []
    assert "No table of differences" in compare.guidance.toPlainText()


def test_the_decision_helper_recommends_and_highlights(qtbot, compare: CompareWindow) -> None:
    qtbot.mouseClick(compare.decision_button, Qt.MouseButton.LeftButton)
    helper = compare.decision_dialog
    assert helper is not None
    assert helper.isVisible()
    qtbot.addWidget(helper)
    helper.choose("orchestration", "yes")
    helper.choose("manage", "no")
    helper.choose("load", "bursty")
    helper.choose("host_features", "no")
    assert "Recommended: ECS on Fargate" in helper.result_text()
    assert "idle" in helper.result_text()
    assert compare.right_pane.is_recommended()
    assert not compare.left_pane.is_recommended()
    assert "Recommended" in compare.right_pane.title.text()
    helper.choose("accelerators", "yes")
    assert "Recommended: ECS Managed Instances" in helper.result_text()
    assert "14 days" in helper.result_text()
    assert compare.left_pane.is_recommended()
    helper.choose("host_features", "yes")
    assert "Recommended: ECS on EC2" in helper.result_text()
    assert "Managed Instances" in helper.result_text()
    assert compare.left_pane.is_recommended()
    helper.choose("orchestration", "no")
    helper.choose("manage", "yes")
    assert "Plain EC2" in helper.result_text()
    assert not compare.left_pane.is_recommended()
    assert not compare.right_pane.is_recommended()
    helper.reset()
    assert helper.answers() == {}


def test_the_helper_answers_the_question_of_the_pair_compared(qtbot, compare: CompareWindow) -> None:
    compare.show_pair("kubernetes", "eks")
    helper = compare.open_decision_helper()
    qtbot.addWidget(helper)
    assert helper.topic.id == "kubernetes"
    assert "EKS" in helper.windowTitle()
    helper.choose("nodes", "none")
    helper.choose("pods", "small")
    assert "Recommended: Amazon EKS on Fargate" in helper.result_text()
    assert compare.right_pane.is_recommended()
    helper.choose("where", "elsewhere")
    assert "Recommended: Self-managed Kubernetes" in helper.result_text()
    assert compare.left_pane.is_recommended()
    compare.show_pair("ecs-ec2", "ecs-fargate")
    ecs_helper = compare.open_decision_helper()
    qtbot.addWidget(ecs_helper)
    assert ecs_helper.topic.id == "ecs"
    ecs_helper.choose("manage", "yes")
    ecs_helper.choose("load", "steady")
    assert (compare.left_id(), compare.right_id()) == ("ecs-ec2", "ecs-fargate")
    assert compare.left_pane.is_recommended()


def test_a_pane_lays_out_in_the_worker_when_no_layout_is_made(qtbot, tmp_path, sources) -> None:
    from explorer.layout.cache import LayoutCache
    from explorer.layout.service import LayoutService

    service = LayoutService(LayoutCache(tmp_path / "layouts"))
    pane = ComparePane("left", service)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.scene_ready, timeout=30_000) as ready:
        assert pane.show_architecture(sources.architectures["eks"]) is None
        assert pane.scene is None
    assert ready.args[0] is pane.scene
    assert service.graphviz_runs == 1
    service.shutdown()
