"""The Graphviz adapter, run against the real ``dot``: model → diagram → DOT → JSON → Layout."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from explorer.layout.dot_json import parse_layout
from explorer.layout.dot_process import run_dot
from explorer.layout.geometry import EdgePath, Layout, Point, Rect
from explorer.layout.graphviz_layout import dot_source
from explorer.layout.graphviz_run import compute_layout
from explorer.layout.labels import (
    clean_text,
    node_label_lines,
)
from explorer.layout.options import ORTHO_MAX_NODES, LayoutOptions, choose_splines
from models import Architecture, Component, Group, LayoutHints, Relation, load_architecture_file
from models.paths import ASSETS_DIR

SPLINES = ["ortho", "spline"]


def _laid_out(architecture: Architecture, *, splines: str | None = None, timeout: float = 60.0) -> Layout:
    """Graphviz's layout through the one pipeline the app uses (no cache)."""
    return compute_layout(
        architecture, LayoutOptions.for_architecture(architecture, splines=splines), timeout=timeout
    )


BUILT_IN_MODELS = sorted((ASSETS_DIR / "architectures").glob("*.yaml"))
NASTY_LABELS = [
    'say "hi"',
    "{braces} [brackets] |pipes|",
    "<b>not html</b>",
    "<>",
    r"back\slash",
    "ends with a backslash\\",
    r"\N \G \E \T \H \L \l \r \n",
    '\\"; evil -> node; "',
    "];\nnode [shape=box",
    "Café naïve façade",
    "日本語のラベル",
    "مرحبا بالعالم",
    "🚀 launch 👩‍💻",
    "nul\x00 and escape\x1b",
]
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="fake 'dot' is a shell script")


def _architecture(
    direction: str = "TB",
    component_labels: tuple[str, ...] = (),
    group_label: str = "Availability Zone A",
    relation_label: str = "pulls image",
) -> Architecture:
    """Two VPCs whose zones share a label, an empty group, labelled relations."""
    groups = (
        Group("aws", "AWS Cloud", "cloud"),
        Group("vpc-1", "VPC", "vpc", parent="aws"),
        Group("vpc-2", "VPC", "vpc", parent="aws"),
        Group("az-1a", group_label, "az", parent="vpc-1"),
        Group("az-2a", group_label, "az", parent="vpc-2"),
        Group("empty", "Nothing here yet", "generic", parent="aws"),
    )
    components = [
        Component("user", "User", "user", "no/such/icon"),
        Component("alb", "Application Load Balancer", "lb", "aws/network/elastic-load-balancing", "vpc-1"),
        Component("web", "Web task", "task", "aws/compute/fargate", group="az-1a"),
        Component(
            "worker", "Worker task with a long label that wraps", "task", "aws/compute/fargate", "az-2a"
        ),
        Component("ecr", "ECR", "registry", "aws/compute/ec2-container-registry"),
    ]
    components += [
        Component(f"nasty-{index}", label, "x", "aws/compute/fargate", group="az-2a")
        for index, label in enumerate(component_labels)
    ]
    relations = (
        Relation("user", "alb", "calls", "HTTPS"),
        Relation("alb", "web", "routes-to", "forwards requests"),
        Relation("web", "worker", "calls"),
        Relation("web", "ecr", "pulls-from", relation_label),
        Relation("worker", "ecr", "pulls-from", relation_label),
    )
    return Architecture(
        "test", "Test", "", groups, tuple(components), relations, layout=LayoutHints(direction)
    )


def _generated(component_count: int) -> Architecture:
    components = tuple(
        Component(f"c{i}", f"Component {i}", "x", "aws/compute/ec2") for i in range(component_count)
    )
    relations = tuple(Relation(f"c{i}", f"c{i + 1}", "calls") for i in range(component_count - 1))
    return Architecture("generated", "Generated", "", (), components, relations)


@pytest.fixture(scope="module", params=SPLINES)
def layout(request: pytest.FixtureRequest) -> Layout:
    return _laid_out(_architecture(), splines=request.param)


def _distance(point: Point, rect: Rect) -> float:
    """0 inside ``rect``, else how far ``point`` is from it."""
    dx = max(rect.x - point.x, 0.0, point.x - rect.right)
    dy = max(rect.y - point.y, 0.0, point.y - rect.bottom)
    return math.hypot(dx, dy)


def _grown(rect: Rect, by: float) -> Rect:
    """``rect`` with a margin, for comparisons that Graphviz's rounding to points would upset."""
    return Rect(rect.x - by, rect.y - by, rect.width + 2 * by, rect.height + 2 * by)


def _texts(obj: dict[str, Any], key: str = "_ldraw_") -> list[str]:
    return [op["text"] for op in obj.get(key, ()) if op.get("op") == "T"]


def test_every_component_has_a_box_inside_its_group(layout: Layout) -> None:
    architecture = _architecture()
    assert set(layout.nodes) == {component.id for component in architecture.components}
    for component in architecture.components:
        node = layout.nodes[component.id]
        assert layout.bounds.contains(_grown(node.box, -1))
        if component.group:
            assert layout.groups[component.group].box.contains(node.box), component.id


def test_nested_groups_lie_inside_their_parents_with_depths(layout: Layout) -> None:
    architecture = _architecture()
    assert set(layout.groups) == {group.id for group in architecture.groups}
    for group in architecture.groups:
        box = layout.groups[group.id]
        assert box.depth == len(architecture.group_path(group.id)) - 1
        assert box.fill.startswith("#")
        if group.parent:
            assert layout.groups[group.parent].box.contains(box.box), group.id


def test_groups_with_the_same_label_stay_apart(layout: Layout) -> None:
    zone_1, zone_2 = layout.groups["az-1a"], layout.groups["az-2a"]
    assert zone_1.label == zone_2.label == "Availability Zone A"
    assert zone_1.box != zone_2.box
    assert layout.groups["vpc-1"].box.contains(zone_1.box)
    assert layout.groups["vpc-2"].box.contains(zone_2.box)
    assert not layout.groups["vpc-1"].box.contains(zone_2.box)


def test_an_empty_group_is_drawn_without_a_node(layout: Layout) -> None:
    empty = layout.groups["empty"]
    assert empty.box.width > 50
    assert empty.box.height > 30
    assert layout.groups["aws"].box.contains(empty.box)
    assert not any(empty.box.contains(node.box) for node in layout.nodes.values())


def test_group_title_sits_at_the_top_of_its_box(layout: Layout) -> None:
    for group in layout.groups.values():
        assert group.box.x <= group.label_pos.x <= group.box.right
        assert group.box.y <= group.label_pos.y <= group.box.y + 30


def test_every_relation_has_a_path_from_source_to_target(layout: Layout) -> None:
    architecture = _architecture()
    assert [edge.index for edge in layout.edges] == list(range(len(architecture.relations)))
    for edge, relation in zip(layout.edges, architecture.relations, strict=True):
        assert (edge.source, edge.target) == (relation.source, relation.target)
        assert len(edge.points) >= 4
        assert (len(edge.points) - 1) % 3 == 0, "a start point then groups of three"
        assert _distance(edge.points[0], layout.nodes[edge.source].box) < 3
        assert _distance(edge.points[-1], layout.nodes[edge.target].box) < 12
        assert min(_distance(point, layout.nodes[edge.target].box) for point in edge.arrow_head) < 2


def test_edge_labels_are_placed_near_their_edges(layout: Layout) -> None:
    labelled = [edge for edge in layout.edges if edge.label]
    assert [edge.label for edge in labelled] == ["HTTPS", "forwards requests", "pulls image", "pulls image"]
    for edge in labelled:
        assert edge.label_pos is not None
        assert _distance_to_path(edge.label_pos, edge) < 80
    assert next(edge for edge in layout.edges if not edge.label).label_pos is None


def _distance_to_path(point: Point, edge: EdgePath) -> float:
    """Distance to the polygon through the path's points (close enough for Graphviz's curves)."""
    return min(math.dist((point.x, point.y), (p.x, p.y)) for p in _sampled(edge.points))


def _sampled(points: tuple[Point, ...], steps: int = 10) -> list[Point]:
    samples = []
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start : start + 4]
        for step in range(steps + 1):
            t = step / steps
            weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
            samples.append(
                Point(
                    sum(w * p.x for w, p in zip(weights, (p0, p1, p2, p3), strict=True)),
                    sum(w * p.y for w, p in zip(weights, (p0, p1, p2, p3), strict=True)),
                )
            )
    return samples


@pytest.mark.parametrize("splines", SPLINES)
def test_top_to_bottom_puts_the_source_above_the_target(splines: str) -> None:
    layout = _laid_out(_architecture("TB"), splines=splines)
    assert layout.nodes["user"].box.bottom < layout.nodes["alb"].box.y
    assert layout.nodes["web"].box.bottom < layout.nodes["ecr"].box.y
    first = layout.edges[0]
    assert first.points[0].y < first.points[-1].y, "y grows downwards"


@pytest.mark.parametrize(("direction", "before"), [("LR", True), ("RL", False)])
def test_left_right_directions(direction: str, before: bool) -> None:
    layout = _laid_out(_architecture(direction), splines="spline")
    user, alb = layout.nodes["user"].box, layout.nodes["alb"].box
    assert (user.right < alb.x) is before


def test_label_box_is_below_the_icon_inside_the_node(layout: Layout) -> None:
    for node in layout.nodes.values():
        assert node.box.contains(_grown(node.icon_box, -0.5))
        assert node.box.contains(_grown(node.label_box, -0.5))
        assert node.icon_box.width == node.icon_box.height
        assert node.label_box.y >= node.icon_box.bottom
        assert node.label_lines == node_label_lines(_architecture().component(node.component_id).label)
    assert len(layout.nodes["worker"].label_lines) > 1
    assert layout.nodes["worker"].box.height > layout.nodes["web"].box.height


def test_graphviz_writes_node_labels_inside_the_label_box() -> None:
    """Graphviz's own text positions (y up) fall in the label band the layout reports."""
    architecture = _architecture()
    data = run_dot(dot_source(architecture, splines="spline"), output_format="json")
    layout = parse_layout(data, architecture, splines="spline")
    top = float(data["bb"].split(",")[3])
    for obj in data["objects"]:
        node = layout.nodes.get(obj["name"])
        if node is None:
            continue
        baselines = [top - op["pt"][1] for op in obj["_ldraw_"] if op.get("op") == "T"]
        assert len(baselines) == len(node.label_lines)
        for baseline in baselines:
            assert node.label_box.y + 8 <= baseline <= node.label_box.bottom


@pytest.mark.parametrize("splines", ["spline", "ortho"])
def test_routes_and_arrowheads_read_from_pos_match_what_graphviz_draws(splines: str) -> None:
    """The layout reads ``json0`` (no drawing instructions): its curves and arrowheads are the ones
    Graphviz draws with ``json``, to the rounding of the two outputs."""
    architecture = _architecture()
    data = run_dot(dot_source(architecture, splines=splines), output_format="json")
    layout = parse_layout(data, architecture, splines=splines)
    top = float(data["bb"].split(",")[3])

    def flipped(points: list[list[float]]) -> list[Point]:
        return [Point(x, top - y) for x, y in points]

    for edge in data["edges"]:
        path = layout.edges[int(edge["relation"])]
        drawn = [point for op in edge["_draw_"] if op["op"] in "bB" for point in flipped(op["points"])]
        head = next(flipped(op["points"]) for op in edge["_hdraw_"] if op["op"] in "pP")
        assert len(path.points) == len(drawn)
        assert len(path.arrow_head) == len(head) == 3
        for ours, theirs in [*zip(path.points, drawn, strict=True), *zip(path.arrow_head, head, strict=True)]:
            assert math.hypot(ours.x - theirs.x, ours.y - theirs.y) < 0.2


def _laid_out_with_dot(architecture: Architecture) -> tuple[dict[str, Any], Layout]:
    data = run_dot(dot_source(architecture, splines="spline"), output_format="json")  # with its text
    return data, parse_layout(data, architecture, splines="spline")


def _assert_nothing_injected(data: dict[str, Any], architecture: Architecture) -> None:
    names = {obj["name"] for obj in data["objects"]}
    assert names == (
        {component.id for component in architecture.components}
        | {f"cluster_{group.id}" for group in architecture.groups}
        | {"placeholder of empty"}
    )
    assert len(data["edges"]) == len(architecture.relations)


@pytest.mark.parametrize("label", NASTY_LABELS)
def test_nasty_node_labels_reach_graphviz_as_plain_text(label: str) -> None:
    """Quotes, DOT escapes, markup and any script come out as the very text that went in."""
    architecture = _architecture(component_labels=(label,))
    assert "\x00" not in dot_source(architecture)
    data, layout = _laid_out_with_dot(architecture)
    _assert_nothing_injected(data, architecture)
    lines = layout.nodes["nasty-0"].label_lines
    assert _texts(next(obj for obj in data["objects"] if obj["name"] == "nasty-0")) == list(lines)
    assert "".join(lines).replace(" ", "") == clean_text(label).replace(" ", "")


@pytest.mark.parametrize("label", NASTY_LABELS)
def test_nasty_group_and_edge_labels_reach_graphviz_as_plain_text(label: str) -> None:
    architecture = _architecture(group_label=label, relation_label=label)
    data, layout = _laid_out_with_dot(architecture)
    _assert_nothing_injected(data, architecture)
    zone = next(obj for obj in data["objects"] if obj["name"] == "cluster_az-1a")
    assert _texts(zone) == [clean_text(label)] == [layout.groups["az-1a"].label]
    edge = next(edge for edge in data["edges"] if edge["relation"] == "3")
    assert _texts(edge) == layout.edges[3].label.split("\n")


def test_an_edge_graphviz_could_not_route_is_drawn_straight() -> None:
    architecture = _architecture()
    data = run_dot(dot_source(architecture, splines="ortho"))
    for edge in data["edges"]:
        if edge["relation"] == "1":
            del edge["pos"]
    layout = parse_layout(data, architecture, splines="ortho")
    alb, web = layout.nodes["alb"].box.center, layout.nodes["web"].box.center
    assert layout.edges[1].points == (alb, alb, web, web)


def test_choose_splines_switches_to_curves_for_large_models() -> None:
    assert choose_splines(_architecture()) == "ortho"
    assert choose_splines(_generated(ORTHO_MAX_NODES)) == "ortho"
    assert choose_splines(_generated(ORTHO_MAX_NODES + 1)) == "spline"
    assert _laid_out(_generated(ORTHO_MAX_NODES + 1)).splines == "spline"


def test_the_dot_text_names_each_cluster_by_its_group_id() -> None:
    source = dot_source(_architecture(), splines="ortho")
    assert "subgraph cluster_az-1a" in source.replace('"', "")
    assert "subgraph cluster_az-2a" in source.replace('"', "")
    assert "splines=ortho" in source


def test_the_dot_text_quotes_what_dot_would_misread() -> None:
    architecture = Architecture(
        "q",
        "Q",
        "",
        groups=(Group("node", 'Say "hi" <b>', "vpc"),),
        components=(
            Component("edge", "back\\slash <i>", "service", "", group="node"),
            Component("b", "B", "service", ""),
        ),
        relations=(Relation("edge", "b", "reads", "<b>reads</b>"),),
    )
    source = dot_source(architecture, splines="spline")
    assert "subgraph cluster_node {" in source
    assert 'label="Say \\"hi\\" <b>"' in source
    assert '\t\t"edge" [label="back\\\\slash <i>"' in source
    assert '\t"edge" -> b [label="<b>reads</b>"' in source
    assert 'xlabel="<b>reads</b>"' in dot_source(architecture, splines="ortho")  # text, not an HTML label


def test_importing_the_adapter_does_not_import_diagrams() -> None:
    """Start-up should not pay for ``diagrams`` and ``graphviz`` before the first layout."""
    check = (
        "import sys, explorer.layout.graphviz_layout, explorer.layout.dot_json; "
        "sys.exit(bool({'diagrams', 'graphviz'} & set(sys.modules)))"
    )
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0


def test_layout_writes_nothing_to_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    _laid_out(_architecture())
    assert list(tmp_path.iterdir()) == []


def test_bad_input_is_refused_before_graphviz_runs() -> None:
    with pytest.raises(ValueError, match="splines"):
        dot_source(_architecture(), splines="zigzag")
    broken = Architecture(
        "broken",
        "Broken",
        "",
        components=(Component("a", "A", "x", ""),),
        relations=(Relation("a", "b", "x"),),
    )
    with pytest.raises(ValueError, match="'b'"):
        dot_source(broken)


def _trips_default_ranking() -> Architecture:
    """Clusters and labelled edges on which dot 2.43's default ranking fails ("trouble in init_rank")."""
    members = {
        "g0": "c9 c13",
        "g1": "c4 c6 c12 c19",
        "g2": "c2 c3",
        "g3": "c8 c10 c11 c16",
        "g4": "c5 c14 c17",
        "g5": "c0 c1 c7 c15",
    }
    links = (
        "c9>c11 c16>c6 c3>c19 c8>c9:call c6>c12 c15>c7 c4>c19:call c6>c16 c0>c6 c5>c0:call c10>c17 "
        "c9>c11:call c12>c16 c12>c9 c4>c15:call c13>c19 c12>c3:call c14>c7 c2>c19"
    )
    groups = tuple(Group(group, group, "x", parent=None if group == "g0" else "g0") for group in members)
    components = tuple(
        Component(id_, f"Component number {id_[1:]} service", "x", "aws/compute/ec2", group=group)
        for group, ids in members.items()
        for id_ in ids.split()
    )
    relations = []
    for link in links.split():
        ends, _, label = link.partition(":")
        source, target = ends.split(">")
        relations.append(Relation(source, target, "calls", label))
    return Architecture("tricky", "Tricky", "", groups, components, tuple(relations))


@pytest.mark.parametrize("splines", SPLINES)
def test_clustered_graphs_that_trip_dots_default_ranking_still_lay_out(splines: str) -> None:
    architecture = _trips_default_ranking()
    layout = _laid_out(architecture, splines=splines)
    assert len(layout.edges) == len(architecture.relations)


@pytest.mark.parametrize("path", BUILT_IN_MODELS, ids=lambda path: path.stem)
def test_built_in_models_lay_out_completely(path: Path) -> None:
    architecture = load_architecture_file(path)
    layout = _laid_out(architecture)
    assert layout.splines == choose_splines(architecture)
    assert set(layout.nodes) == set(architecture.components_by_id)
    assert set(layout.groups) == set(architecture.groups_by_id)
    assert len(layout.edges) == len(architecture.relations)
    for component in architecture.components:
        if component.group:
            assert layout.groups[component.group].box.contains(layout.nodes[component.id].box)
    assert all(len(edge.points) >= 4 for edge in layout.edges)
