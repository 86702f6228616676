"""Laid out for reading: larger text is laid out (not magnified), labels in the clear, arrows on target.

Everything here is measured on the pure :class:`Layout`, without Qt.
"""

from __future__ import annotations

import pytest

from explorer.layout.finishing import finish_layout
from explorer.layout.geometry import Box, EdgePath, Layout, NodeBox, Point, Rect
from explorer.layout.graphviz_layout import dot_source
from explorer.layout.graphviz_run import compute_layout
from explorer.layout.labels import NODE_FONT_SIZE, NodeMetrics, node_width
from explorer.layout.measures import label_overlaps, loose_arrowheads
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService
from explorer.sources import Sources

BUILT_INS = ("ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> LayoutService:
    from explorer.layout.cache import LayoutCache

    return LayoutService(LayoutCache(tmp_path_factory.mktemp("layouts")))


def test_larger_text_is_given_to_graphviz(sources: Sources) -> None:
    architecture = sources.architectures["containers-vs-vms"]
    normal, larger = dot_source(architecture), dot_source(architecture, text_scale=2.0)
    assert f"fontsize={NODE_FONT_SIZE * 2:.2f}" in larger
    assert f"{node_width(2.0) / 72:.4f}" in larger
    assert normal != larger
    with pytest.raises(ValueError, match="text scale"):
        dot_source(architecture, text_scale=0)


def test_the_cache_key_covers_the_text_scale(sources: Sources, service: LayoutService) -> None:
    architecture = sources.architectures["containers-vs-vms"]
    one = LayoutOptions.for_architecture(architecture)
    two = LayoutOptions.for_architecture(architecture, text_scale=2.0)
    assert one.as_key() != two.as_key()
    small, large = (
        service.layout_for(architecture, options=one),
        service.layout_for(architecture, options=two),
    )
    assert service.cached(architecture, two) is large
    assert service.cached(architecture, one) is small
    node_id = architecture.components[0].id
    # Graphviz made room: wider nodes, taller label bands, a larger diagram.
    assert large.nodes[node_id].box.width == pytest.approx(2 * small.nodes[node_id].box.width, rel=0.01)
    assert large.nodes[node_id].label_box.height == pytest.approx(2 * small.nodes[node_id].label_box.height)
    assert large.bounds.width > 1.5 * small.bounds.width


@pytest.mark.parametrize("architecture_id", BUILT_INS)
@pytest.mark.parametrize("text_scale", [1.0, 2.0])
def test_edge_labels_cover_nothing_and_arrows_reach_their_targets(
    sources: Sources, service: LayoutService, architecture_id: str, text_scale: float
) -> None:
    architecture = sources.architectures[architecture_id]
    layout = service.layout_for(
        architecture, options=LayoutOptions.for_architecture(architecture, text_scale=text_scale)
    )
    assert label_overlaps(layout, text_scale) == []
    assert loose_arrowheads(layout, text_scale) == []
    labelled = [edge for edge in layout.edges if edge.label]
    assert labelled
    assert all(edge.label_pos is not None for edge in labelled)


def test_graphviz_alone_leaves_labels_piled_up_or_arrows_short(sources: Sources) -> None:
    """The finishing pass is what makes the checks above pass (they can fail)."""
    from explorer.layout.dot_json import parse_layout
    from explorer.layout.dot_process import run_dot

    architecture = sources.architectures["eks"]
    raw = parse_layout(run_dot(dot_source(architecture), []), architecture, splines="ortho")
    assert label_overlaps(raw) or loose_arrowheads(raw)
    finished = finish_layout(raw)
    assert not label_overlaps(finished)
    assert not loose_arrowheads(finished)
    assert compute_layout(architecture).edges == finished.edges


def _node(component_id: str, x: float, y: float) -> NodeBox:
    box = Rect(x, y, node_width(), NodeMetrics(1).height)
    metrics = NodeMetrics(1)
    return NodeBox(component_id, box, metrics.icon_box(box), metrics.label_box(box), ("name",))


def test_an_arrow_meeting_the_box_beside_the_icon_is_carried_on_to_it() -> None:
    source, target = _node("a", 0, 0), _node("b", 400, 0)
    y = target.icon_box.center.y
    edge = EdgePath(
        "a",
        "b",
        0,
        points=(Point(node_width(), y), Point(300, y), Point(350, y), Point(390, y)),
        arrow_head=(Point(390, y - 3.5), Point(400, y), Point(390, y + 3.5)),
    )
    layout = Layout("t", Rect(0, 0, 600, 200), {"a": source, "b": target}, {}, (edge,))
    assert loose_arrowheads(layout)
    finished = finish_layout(layout)
    assert loose_arrowheads(finished) == []
    tip = max(finished.edges[0].arrow_head, key=lambda p: p.x)
    assert tip.x == pytest.approx(target.icon_box.x)
    start = finished.edges[0].points[0]
    assert start.x == pytest.approx(source.icon_box.right)


def test_a_label_is_moved_off_a_node_onto_its_edge() -> None:
    first, second, third = _node("a", 0, 0), _node("b", 600, 0), _node("c", 300, 200)
    y = first.icon_box.center.y
    edge = EdgePath(
        "a",
        "b",
        0,
        points=(Point(first.icon_box.right, y), Point(300, y), Point(400, y), Point(second.icon_box.x, y)),
        label="talks to",
        label_pos=third.box.center,
    )
    layout = Layout("t", Rect(0, 0, 800, 400), {"a": first, "b": second, "c": third}, {}, (edge,))
    assert label_overlaps(layout)
    placed = finish_layout(layout).edges[0].label_pos
    assert placed is not None
    assert label_overlaps(finish_layout(layout)) == []
    assert abs(placed.y - y) < 30  # on (or just beside) its own edge


def test_boxes_overlap_only_when_they_share_area() -> None:
    assert Box(0, 0, 10, 10).overlaps(Box(5, 5, 15, 15))
    assert not Box(0, 0, 10, 10).overlaps(Box(10, 0, 20, 10))
    assert Box(0, 0, 10, 10).overlaps(Box(11, 0, 20, 10), gap=2)
