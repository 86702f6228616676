"""DiagramScene and its items, built from a hand-made layout (and once from Graphviz)."""

from __future__ import annotations

import math
import shutil

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF

from explorer.diagram import style
from explorer.diagram.icons import IconCache
from explorer.diagram.items import ComponentItem, GroupItem
from explorer.diagram.scene import DiagramScene
from explorer.layout.geometry import EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from models.architecture import Architecture, Component, Group, LayoutHints, Relation
from models.icons import find_icon

ICON = 48.0
NODE_WIDTH = 100.0
LINE = 15.0
ARROW = 8.0


def node(component_id: str, x: float, y: float, *lines: str) -> NodeBox:
    """A node with a 48-point icon at its top and its label lines below."""
    label_height = LINE * len(lines)
    return NodeBox(
        component_id=component_id,
        box=Rect(x, y, NODE_WIDTH, 4 + ICON + 4 + label_height),
        icon_box=Rect(x + (NODE_WIDTH - ICON) / 2, y + 4, ICON, ICON),
        label_box=Rect(x, y + 8 + ICON, NODE_WIDTH, label_height),
        label_lines=lines,
    )


def straight_edge(
    index: int,
    source: str,
    target: str,
    start: tuple[float, float],
    tip: tuple[float, float],
    label: str = "",
) -> EdgePath:
    """A straight edge as Graphviz would give it: the line ends where the arrowhead begins."""
    dx, dy = tip[0] - start[0], tip[1] - start[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    base = Point(tip[0] - ARROW * ux, tip[1] - ARROW * uy)
    first = Point(*start)
    head = (
        Point(*tip),
        Point(base.x - 3.5 * uy, base.y + 3.5 * ux),
        Point(base.x + 3.5 * uy, base.y - 3.5 * ux),
    )
    middle = Point((first.x + base.x) / 2, (first.y + base.y) / 2 - 8)
    return EdgePath(
        source=source,
        target=target,
        index=index,
        points=(first, first, base, base),
        arrow_head=head,
        label=label,
        label_pos=middle if label else None,
    )


def make_architecture(direction: str = "LR") -> Architecture:
    """Users → ALB → two Fargate tasks in an AZ of a VPC, which pull from ECR and log to CloudWatch."""
    return Architecture(
        id="shop",
        title="Shop",
        summary="A small web shop.",
        groups=(
            Group("cloud", "AWS Cloud", "cloud"),
            Group("vpc", "VPC", "vpc", parent="cloud", description="Your network."),
            Group("az", "Availability Zone A", "az", parent="vpc"),
        ),
        components=(
            Component("users", "Users", "client", "aws/general/users", description="People shopping."),
            Component(
                "alb",
                "Application Load Balancer",
                "load-balancer",
                "aws/network/elb-application-load-balancer",
                group="vpc",
                description="Spreads requests over the tasks.\nSecond line is not shown.",
            ),
            Component("task-a", "Task A", "task", "aws/compute/fargate", group="az"),
            Component("task-b", "Task B", "task", "aws/compute/fargate", group="az"),
            Component("ecr", "Amazon ECR", "registry", "aws/compute/ec2-container-registry", group="cloud"),
            Component("logs", "CloudWatch Logs", "logs", "aws/management/cloudwatch-logs", group="cloud"),
        ),
        relations=(
            Relation("users", "alb", "request", "HTTPS"),
            Relation("alb", "task-a", "route"),
            Relation("alb", "task-b", "route"),
            Relation("task-a", "ecr", "pull", "pulls image"),
            Relation("task-b", "logs", "log", "logs"),
        ),
        layout=LayoutHints(direction=direction),
    )


def make_layout() -> Layout:
    nodes = [
        node("users", 0, 150, "Users"),
        node("alb", 160, 150, "Application Load", "Balancer"),
        node("task-a", 340, 100, "Task A"),
        node("task-b", 340, 260, "Task B"),
        node("ecr", 560, 100, "Amazon ECR"),
        node("logs", 560, 260, "CloudWatch Logs"),
    ]
    groups = [
        GroupBox("cloud", Rect(120, 0, 560, 420), Point(160, 14), 0, "AWS Cloud"),
        GroupBox("vpc", Rect(140, 30, 360, 370), Point(170, 44), 1, "VPC"),
        GroupBox("az", Rect(300, 60, 180, 320), Point(360, 74), 2, "Availability Zone A"),
    ]
    edges = (
        straight_edge(0, "users", "alb", (74, 178), (186, 178), "HTTPS"),
        straight_edge(1, "alb", "task-a", (234, 178), (366, 128)),
        straight_edge(2, "alb", "task-b", (234, 178), (366, 288)),
        straight_edge(3, "task-a", "ecr", (414, 128), (586, 128), "pulls image"),
        straight_edge(4, "task-b", "logs", (414, 288), (586, 288), "logs"),
    )
    return Layout(
        architecture_id="shop",
        bounds=Rect(0, 0, 680, 420),
        nodes={box.component_id: box for box in nodes},
        groups={box.group_id: box for box in groups},
        edges=edges,
    )


@pytest.fixture
def scene(qapp) -> DiagramScene:
    return DiagramScene(make_architecture(), make_layout())


def test_every_icon_of_the_test_model_exists() -> None:
    for component in make_architecture().components:
        assert find_icon(component.icon) is not None, component.icon


def test_one_item_per_component_group_and_relation(scene: DiagramScene) -> None:
    assert {item.element_id for item in scene.component_items()} == set(make_layout().nodes)
    assert {item.element_id for item in scene.group_items()} == {"cloud", "vpc", "az"}
    assert [(item.source, item.target) for item in scene.edge_items()] == [
        (r.source, r.target) for r in make_architecture().relations
    ]
    assert len(scene.items()) == 6 + 3 + 3 + 5  # each group's title is an item of its own
    assert isinstance(scene.item_for("alb"), ComponentItem)
    assert isinstance(scene.item_for("vpc"), GroupItem)
    assert scene.item_for("nope") is None


def test_items_sit_where_the_layout_says(scene: DiagramScene) -> None:
    alb = scene.item_for("alb")
    assert isinstance(alb, ComponentItem)
    assert alb.icon_rect() == QRectF(186, 154, 48, 48)
    assert "Application Load Balancer" in alb.toolTip()
    assert "Spreads requests" in alb.toolTip()
    assert "Second line" not in alb.toolTip()
    edge = scene.edge_items()[0]
    path = edge.path()
    assert path.pointAtPercent(0) == QPointF(74, 178)
    assert path.pointAtPercent(1) == QPointF(186 - ARROW, 178)
    assert edge.label_rect().center().x() == pytest.approx(make_layout().edges[0].label_pos.x)
    assert "Users" in edge.toolTip()
    assert "HTTPS" in edge.toolTip()
    scene_rect = scene.sceneRect()
    assert scene_rect.contains(QRectF(0, 0, 680, 420))


def test_z_order_puts_groups_behind_edges_behind_components(scene: DiagramScene) -> None:
    groups = sorted(scene.group_items(), key=lambda item: item.zValue())
    assert [item.element_id for item in groups] == ["cloud", "vpc", "az"]
    highest_group = max(item.zValue() for item in scene.group_items())
    assert all(highest_group < edge.zValue() for edge in scene.edge_items())
    assert all(
        edge.zValue() < component.zValue()
        for edge in scene.edge_items()
        for component in scene.component_items()
    )


def test_labels_are_below_the_icon_and_inside_their_box(scene: DiagramScene) -> None:
    for item in scene.component_items():
        label = item.label_rect()
        box = make_layout().nodes[item.element_id].label_box
        assert label.top() >= item.icon_rect().bottom()
        assert label.left() >= box.x - 0.01
        assert label.right() <= box.right + 0.01


def test_a_long_label_line_shrinks_to_fit_rather_than_overflow(qapp) -> None:
    line = "kube-controller-manager-with-a-very-long-name"
    architecture = Architecture(
        id="long", title="Long", summary="", components=(Component("c", line, "x", "aws/compute/fargate"),)
    )
    layout = Layout("long", Rect(0, 0, 100, 80), nodes={"c": node("c", 0, 0, line)})
    item = DiagramScene(architecture, layout).item_for("c")
    assert isinstance(item, ComponentItem)
    natural = QFontMetricsF(style.LIGHT.component_font()).horizontalAdvance(line)
    assert natural > NODE_WIDTH
    assert item.label_rect().width() <= NODE_WIDTH + 0.01
    assert item.boundingRect().contains(item.label_rect())


def test_reading_order_follows_the_layout_direction(qapp) -> None:
    lr = DiagramScene(make_architecture("LR"), make_layout()).component_items()
    assert [item.element_id for item in lr] == ["users", "alb", "task-a", "task-b", "ecr", "logs"]
    tb = DiagramScene(make_architecture("TB"), make_layout()).component_items()
    assert [item.element_id for item in tb] == ["task-a", "ecr", "users", "alb", "task-b", "logs"]


def test_select_element_emits_and_highlights_the_neighbourhood(qtbot, scene: DiagramScene) -> None:
    with qtbot.waitSignal(scene.element_selected) as blocker:
        scene.select_element("task-a")
    assert blocker.args == ["task-a"]
    assert scene.selected_element() == "task-a"
    items = {item.element_id: item for item in scene.component_items()}
    assert items["task-a"].is_selected()
    assert {cid for cid, item in items.items() if item.opacity() == 1.0} == {"task-a", "alb", "ecr"}
    assert items["logs"].opacity() == pytest.approx(style.DIM_COMPONENT)
    emphasised = [(edge.source, edge.target) for edge in scene.edge_items() if edge.is_emphasised()]
    assert emphasised == [("alb", "task-a"), ("task-a", "ecr")]
    assert all(edge.opacity() < 1.0 for edge in scene.edge_items() if not edge.is_emphasised())
    groups = {item.element_id: item for item in scene.group_items()}
    assert all(group.opacity() == 1.0 for group in groups.values())


def test_selecting_a_group_dims_the_rest_softly(scene: DiagramScene) -> None:
    scene.select_element("az")
    items = {item.element_id: item for item in scene.component_items()}
    assert items["task-a"].opacity() == 1.0
    assert items["task-b"].opacity() == 1.0
    assert items["users"].opacity() == pytest.approx(style.DIM_SOFT)
    assert style.DIM_COMPONENT < style.DIM_SOFT < 1.0
    groups = {item.element_id: item for item in scene.group_items()}
    assert groups["az"].is_selected()
    assert not groups["vpc"].is_selected()
    assert groups["vpc"].opacity() == 1.0  # the groups around it give context
    assert not any(item.is_selected() for item in items.values())


def test_clearing_emits_only_when_something_was_selected(qtbot, scene: DiagramScene) -> None:
    with qtbot.assertNotEmitted(scene.selection_cleared):
        scene.select_element(None)
    scene.select_element("alb")
    with qtbot.waitSignal(scene.selection_cleared):
        scene.select_element(None)
    assert scene.selected_element() is None
    assert all(item.opacity() == 1.0 for item in scene.items())


def test_select_without_emit_and_unknown_ids(qtbot, scene: DiagramScene) -> None:
    with qtbot.assertNotEmitted(scene.element_selected):
        scene.select_element("alb", emit=False)
    assert scene.selected_element() == "alb"
    scene.select_element("no-such-thing", emit=False)
    assert scene.selected_element() is None


def test_highlight_can_be_hidden_without_losing_the_selection(scene: DiagramScene) -> None:
    scene.select_element("task-a")
    scene.set_selection_highlight_visible(False)
    assert scene.selected_element() == "task-a"
    assert all(item.opacity() == 1.0 for item in scene.items())
    assert not any(item.is_selected() for item in scene.component_items())
    scene.set_selection_highlight_visible(True)
    assert scene.item_for("task-a").is_selected()


def test_markers_are_set_and_removed(scene: DiagramScene) -> None:
    scene.set_markers({"ecr", "logs", "not-a-component"})
    assert scene.marked_components() == {"ecr", "logs"}
    assert "Not in your notes yet" in scene.item_for("ecr").toolTip()
    scene.set_markers(set())
    assert scene.marked_components() == set()
    assert "Not in your notes" not in scene.item_for("ecr").toolTip()


def test_hiding_labels_also_hides_tooltips(scene: DiagramScene) -> None:
    scene.set_labels_visible(False)
    assert all(item.toolTip() == "" for item in scene.component_items())
    scene.set_labels_visible(True)
    assert "Users" in scene.item_for("users").toolTip()


def test_element_at_prefers_components_then_the_innermost_group(scene: DiagramScene) -> None:
    assert scene.element_at(QPointF(390, 128)) == "task-a"
    assert scene.element_at(QPointF(390, 165)) == "task-a"  # on its label
    assert scene.element_at(QPointF(450, 350)) == "az"
    assert scene.element_at(QPointF(200, 350)) == "vpc"
    assert scene.element_at(QPointF(600, 400)) == "cloud"
    on_edge = QPointF(280, 178 + (128 - 178) * (280 - 234) / (366 - 234))
    assert scene.edge_items()[1].shape().contains(on_edge)
    assert scene.element_at(on_edge) == "vpc"  # edges are not elements: the click goes to the group
    assert scene.element_at(QPointF(50, 400)) is None


def test_focus_moves_in_reading_order_and_stops_at_the_ends(scene: DiagramScene) -> None:
    order = [item.element_id for item in scene.component_items()]
    visited = []
    while scene.focus_next(True):
        visited.append(scene.focused_element())
    assert visited == order
    assert scene.focused_element() == order[-1]
    assert scene.focus_next(False)
    assert scene.focused_element() == order[-2]
    assert scene.item_for(order[-2]).has_focus_ring()
    assert not scene.item_for(order[-1]).has_focus_ring()


def test_arrow_focus_goes_to_the_nearest_component_in_that_direction(scene: DiagramScene) -> None:
    scene.set_focused_element("alb")
    assert scene.focus_direction(1, 0)
    assert scene.focused_element() == "task-a"
    assert scene.focus_direction(0, 1)
    assert scene.focused_element() == "task-b"
    assert scene.focus_direction(1, 0)
    assert scene.focused_element() == "logs"
    assert scene.focus_direction(0, -1)
    assert scene.focused_element() == "ecr"
    assert not scene.focus_direction(1, 0)
    assert scene.focused_element() == "ecr"
    assert scene.focus_direction(-1, 0)
    assert scene.focused_element() == "task-a"


def test_focus_ring_can_be_hidden(scene: DiagramScene) -> None:
    scene.set_focused_element("users")
    assert scene.focus_ring_visible()
    assert scene.item_for("users").has_focus_ring()
    scene.set_focus_ring_visible(False)
    assert not scene.item_for("users").has_focus_ring()
    assert scene.focused_element() == "users"


def test_an_unreadable_icon_falls_back_to_a_placeholder(qapp, tmp_path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    cache = IconCache()
    assert cache.source(broken).isNull()
    assert cache.average_color(broken) is None


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_a_real_graphviz_layout_builds_a_matching_scene(qapp) -> None:
    from explorer.layout.graphviz_run import compute_layout

    architecture = make_architecture()
    layout = compute_layout(architecture)
    scene = DiagramScene(architecture, layout)
    assert len(scene.component_items()) == len(architecture.components)
    assert len(scene.group_items()) == len(architecture.groups)
    assert len(scene.edge_items()) == len(architecture.relations)
    for item in scene.component_items():
        box = layout.nodes[item.element_id]
        assert item.icon_rect().center().x() == pytest.approx(box.icon_box.center.x)
        assert item.label_rect().top() >= item.icon_rect().bottom()
    for group in scene.group_items():
        assert group.title_rect().top() >= layout.groups[group.element_id].box.y


def test_selecting_a_component_moves_the_keyboard_focus_to_it(scene: DiagramScene) -> None:
    scene.set_focused_element("users")
    scene.select_element("ecr", emit=False)
    assert scene.focused_element() == "ecr"
    assert scene.focus_next(True)
    assert scene.focused_element() == "logs"
    scene.select_element("vpc", emit=False)
    assert scene.focused_element() == "logs"


def test_group_fill_and_title_follow_the_layout(scene: DiagramScene) -> None:
    assert style.LIGHT.group_fill(0, "#123456") == QColor("#123456")
    assert style.LIGHT.group_fill(5, "not a colour") == style.LIGHT.group_fills[1]
    title = scene.item_for("az").title_rect()
    assert title.center().y() == pytest.approx(74, abs=2)
    assert title.left() > 300


def test_group_titles_sit_above_the_lines_but_clicks_and_dimming_reach_the_group(scene: DiagramScene) -> None:
    vpc = scene.item_for("vpc")
    assert isinstance(vpc, GroupItem)
    title = vpc.title_item
    assert title.scene() is scene
    assert max(edge.zValue() for edge in scene.edge_items()) < title.zValue()
    assert title.zValue() < min(item.zValue() for item in scene.component_items())
    assert title.boundingRect().contains(vpc.title_rect())
    assert scene.element_at(vpc.title_rect().center()) == "vpc"  # the click passes through the title
    vpc.setOpacity(0.3)
    assert title.opacity() == 0.3


def test_component_at_names_components_only(scene: DiagramScene) -> None:
    alb, vpc = scene.item_for("alb"), scene.item_for("vpc")
    assert isinstance(alb, ComponentItem)
    assert isinstance(vpc, GroupItem)
    assert scene.component_at(alb.icon_rect().center()) == "alb"
    assert scene.component_at(vpc.title_rect().center()) is None  # a group: not a component
    assert scene.element_at(vpc.title_rect().center()) == "vpc"


def test_a_scene_built_in_steps_gets_its_final_rectangle_before_its_first_item(qapp) -> None:
    # Items added as they are made had Qt sum up their bounds after each turn, and index them all
    # in one go at the first query; they now go in once made, a share a step, indexed as they go.
    scene = DiagramScene(make_architecture(), make_layout(), build=False)
    total = scene.item_count()
    steps = scene.build_steps(batch=1)
    assert [next(steps) for _ in range(total)] == list(range(1, total + 1))
    assert next(steps) == total  # the last count again
    assert scene.items() == []  # all made, none in the scene yet
    next(steps)  # the first share is in
    assert scene.items()
    rect = QRectF(scene.sceneRect())
    for _done in steps:
        assert scene.sceneRect() == rect
    margin = DiagramScene.MARGIN
    assert rect == scene.diagram_rect().adjusted(-margin, -margin, margin, margin)
    assert len(scene.component_items()) == len(make_architecture().components)
