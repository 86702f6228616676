"""Whole-architecture slides (1920 × 1080): the compact profile, the edge-label policy, the text size reached.

Every built-in reaches :data:`SLIDE_LABEL_PX` on a whole slide, light and dark, with every
group and component kept and nothing crossing a label.

Sizes are measured on the scene, as in ``test_readable_export``: the smallest label
font times the frame's scale.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from explorer.cli import main
from explorer.diagram.style import PLATE_PAD
from explorer.export.options import ExportOptions
from explorer.export.prepare import SLIDE_LABEL_PX, Prepared, prepare
from explorer.export.render import compute_frame, create_scene
from explorer.layout.cache import LayoutCache
from explorer.layout.geometry import Rect
from explorer.layout.graphviz_layout import COMPACT_NODESEP, compact_cluster_margin, dot_source
from explorer.layout.labels import NodeMetrics, label_ems, node_label_lines
from explorer.layout.measures import (
    detached_labels,
    label_overlaps,
    lines_across_components,
    lines_across_labels,
    loose_arrowheads,
)
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService
from explorer.sources import Sources
from models.architecture import Architecture, Component, Relation
from models.icons import icon_or_fallback
from tests.explorer.test_readable_export import assert_inked_inside_slide_margins

SLIDE = ExportOptions(slide="1920x1080")
BUILT_INS = ("containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes")


@pytest.fixture(autouse=True)
def _qt(qapp) -> None:
    """Scenes and fonts need the test run's QApplication."""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> LayoutService:
    return LayoutService(LayoutCache(tmp_path_factory.mktemp("layouts")))


def _whole_slide(sources: Sources, service: LayoutService, architecture_id: str, **changes) -> Prepared:
    return _prepared(sources.architectures[architecture_id], service, **changes)


def _prepared(architecture: Architecture, service: LayoutService, **changes) -> Prepared:
    return prepare(
        architecture,
        SLIDE.with_changes(**changes),
        lambda a, o: service.layout_for(a, options=o),
    )


@pytest.mark.parametrize("architecture_id", BUILT_INS)
def test_a_whole_slide_reads_from_the_back(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    prepared = _whole_slide(sources, service, architecture_id)
    scale = prepared.options.text_scale or 1.0
    for background in ("white", "dark"):
        options = prepared.options.with_changes(background=background)
        scene = create_scene(prepared.architecture, prepared.layout, options)
        frame = compute_frame(scene, options)
        factor = frame.transform.m11()
        fonts = [item.label_font().pixelSize() for item in scene.component_items()]
        # Every label printed at the size it was laid out for (none shrunk to fit), and readable.
        assert set(fonts) == {round(14 * scale)}
        assert min(fonts) * factor >= SLIDE_LABEL_PX
        edge_px = [e.label_font().pixelSize() * factor for e in scene.edge_items() if e.label_visible()]
        assert min(edge_px, default=14) >= 14
        assert bool(edge_px) == options.edge_labels
        assert_inked_inside_slide_margins(scene, frame)
        # Every group title whole.
        title_metrics = QFontMetricsF(scene.diagram_style.group_font())
        for group in scene.group_items():
            assert group.title_rect().width() >= title_metrics.horizontalAdvance(group.model.label) - 0.5
    # Still every group and component, and a clean layout.
    architecture = sources.architectures[architecture_id]
    assert set(prepared.layout.groups) == set(architecture.groups_by_id)
    assert set(prepared.layout.nodes) == set(architecture.components_by_id)
    assert label_overlaps(prepared.layout, scale) == []
    assert loose_arrowheads(prepared.layout, scale) == []
    assert lines_across_components(prepared.layout, scale) == []
    assert lines_across_labels(prepared.layout, scale) == []
    assert detached_labels(prepared.layout, scale) == []


INSIDE_GAP_PX = 2.0
"""Slide pixels between a component's icon (with its plate) or label and the border of a group it is in."""
BORDER_GAP_PX = 1.5
"""Slide pixels between two group borders, and between a component and a group it is not in."""


@pytest.mark.parametrize("architecture_id", BUILT_INS)
def test_nothing_touches_a_group_border_on_a_whole_slide(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    prepared = _whole_slide(sources, service, architecture_id)
    options = prepared.options.with_changes(background="dark")  # plates behind dark outline icons
    scene = create_scene(prepared.architecture, prepared.layout, options)
    factor = compute_frame(scene, options).transform.m11()
    model = prepared.architecture
    borders = {group.element_id: group.ink_rect() for group in scene.group_items()}
    inside: list[tuple[float, str]] = []
    apart: list[tuple[float, str]] = []
    for item in scene.component_items():
        ink = item.ink_rect()
        if scene.diagram_style.needs_plate(icon_or_fallback(item.component.icon)):
            ink = ink.united(item.icon_rect().adjusted(-PLATE_PAD, -PLATE_PAD, PLATE_PAD, PLATE_PAD))
        holders = _holders(model, item.component.group)
        for group_id, border in borders.items():
            gaps = inside if group_id in holders else apart
            gap = _inner_gap(ink, border) if group_id in holders else _separation(ink, border)
            gaps.append((gap * factor, f"{item.component.label} / {group_id}"))
    for group_id, border in borders.items():
        for other_id, other in borders.items():
            if other_id in _holders(model, group_id) - {group_id}:
                apart.append((_inner_gap(border, other) * factor, f"{group_id} in {other_id}"))
            elif group_id < other_id and group_id not in _holders(model, other_id):
                apart.append((_separation(border, other) * factor, f"{group_id} / {other_id}"))
    assert min(inside) >= (INSIDE_GAP_PX, ""), min(inside)
    assert min(apart) >= (BORDER_GAP_PX, ""), min(apart)


BESIDE_GAP_EMS = 0.4
"""At most this (in ems of the label font) between an icon and the label drawn beside it (laid out: 0.3)."""


@pytest.mark.parametrize("architecture_id", BUILT_INS)
def test_a_label_beside_its_icon_starts_close_to_it(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    prepared = _whole_slide(sources, service, architecture_id)
    scene = create_scene(prepared.architecture, prepared.layout, prepared.options)
    for item in scene.component_items():
        icon, label = item.icon_rect(), item.label_rect()
        if icon.right() <= label.left():  # the icon beside its label
            gap = (label.left() - icon.right()) / item.label_font().pixelSize()
            assert gap <= BESIDE_GAP_EMS, (item.component.label, gap)


def _holders(architecture: Architecture, group_id: str | None) -> set[str]:
    """``group_id`` and the groups around it."""
    return {group.id for group in architecture.group_path(group_id)} if group_id else set()


def _inner_gap(ink: QRectF, border: QRectF) -> float:
    return min(
        ink.left() - border.left(),
        border.right() - ink.right(),
        ink.top() - border.top(),
        border.bottom() - ink.bottom(),
    )


def _separation(one: QRectF, other: QRectF) -> float:
    """How far apart two rectangles are (negative: how deep they overlap)."""
    across = max(one.left() - other.right(), other.left() - one.right())
    down = max(one.top() - other.bottom(), other.top() - one.bottom())
    return max(across, down)


def test_labels_stay_only_where_they_read_clear_and_can_be_forced(
    sources: Sources, service: LayoutService
) -> None:
    pair = Architecture(
        id="pair",
        title="Pair",
        summary="",
        components=(Component("web", "Web", "x", "aws/compute/fargate"), Component("db", "DB", "x", "x/y")),
        relations=(Relation("web", "db", "reads", "reads orders"),),
    )
    kept = _prepared(pair, service)
    assert kept.options.edge_labels
    assert [edge.label for edge in kept.layout.edges] == ["reads orders"]
    # The built-ins' labels would cover components or have other relations' lines under them.
    assert not _whole_slide(sources, service, "containers-vs-vms").options.edge_labels
    forced = prepare(
        sources.architectures["kubernetes"],
        SLIDE.with_changes(edge_labels=True),
        lambda a, o: service.layout_for(a, options=o),
    )
    assert forced.options.edge_labels
    assert all(edge.label_pos is not None for edge in forced.layout.edges if edge.label)


def test_the_compact_profile_and_unlabelled_relations_reach_graphviz_and_the_cache_key(
    sources: Sources,
) -> None:
    kubernetes = sources.architectures["kubernetes"]
    ordinary = dot_source(kubernetes, text_scale=2.0)
    labelled = dot_source(kubernetes, text_scale=2.0, compact=True)
    bare = dot_source(kubernetes, text_scale=2.0, compact=True, edge_labels=False)
    assert "xlabel" in ordinary
    assert "xlabel" in labelled
    assert "xlabel" not in bare
    assert f"nodesep={COMPACT_NODESEP:.3f}" in bare.replace('"', "")
    assert f"nodesep={COMPACT_NODESEP:.3f}" not in labelled.replace('"', "")
    assert f"margin={compact_cluster_margin(2.0, depth=3)}" in labelled.replace('"', "")  # three deep
    assert compact_cluster_margin(4.0) > compact_cluster_margin(1.0) >= 4  # grows with the text
    assert compact_cluster_margin(4.0, depth=6) < compact_cluster_margin(4.0, depth=3)  # deep: thinner
    assert NodeMetrics(1, 2.0, compact=True).icon_size < NodeMetrics(1, 2.0).icon_size
    keys = {
        str(
            LayoutOptions.for_architecture(
                kubernetes, compact=compact, edge_labels=labels, beside=beside
            ).as_key()
        )
        for compact in (False, True)
        for labels in (False, True)
        for beside in (False, True)
    }
    assert len(keys) == 6  # icons go beside their labels on compact layouts only
    assert not LayoutOptions.for_architecture(kubernetes, beside=True).beside


def test_compact_nodes_fit_their_own_labels_with_icons_above_or_beside() -> None:
    short, long = ("etcd",), ("kube-controller-", "manager")
    stacked = NodeMetrics(2, 2.0, compact=True)
    assert NodeMetrics(1, 2.0, compact=True).fitted_width(short) < stacked.fitted_width(long)
    assert stacked.fitted_width(long) < NodeMetrics(2, 2.0).width
    beside = NodeMetrics(2, 2.0, compact=True, beside=True)
    assert beside.height < stacked.height
    box = Rect(0, 0, beside.fitted_width(long), beside.height)
    icon, label = beside.icon_box(box), beside.label_box(box)
    assert icon.right < label.x
    assert label.right <= box.right
    assert abs(icon.center.y - label.center.y) < 0.01
    assert label_ems(compact=True) < label_ems() < label_ems(compact=True, beside=True)
    assert node_label_lines("kube-controller-manager", label_ems(compact=True, beside=True)) == long
    assert len(node_label_lines("kube-controller-manager", label_ems(compact=True))) == 3
    # A narrow slide column never cuts a word: it widens to the longest one.
    assert node_label_lines("Supercalifragilistic proxy", label_ems(compact=True)) == (
        "Supercalifragilistic",
        "proxy",
    )


def test_cli_says_when_a_whole_slide_leaves_the_relations_unlabelled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "slide.png"
    assert main(["export", "kubernetes", "-o", str(target), "--slide", "16:9"]) == 0
    assert "relations left unlabelled" in capsys.readouterr().err
    assert main(["export", "kubernetes", "-o", str(target), "--slide", "16:9", "--edge-labels"]) == 0
    assert "relations left unlabelled" not in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "kubernetes", "-o", str(target), "--edge-labels", "--no-edge-labels"])
