"""Whole-architecture slides (1920 × 1080): the compact profile, the edge-label policy, the text size reached.

Sizes are measured on the scene, as in ``test_readable_export``: the smallest label
font times the frame's scale.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main
from explorer.export.options import ExportOptions
from explorer.export.prepare import SLIDE_LABEL_PX, Prepared, prepare
from explorer.export.render import compute_frame, create_scene, ink_rect
from explorer.layout.cache import LayoutCache
from explorer.layout.graphviz_layout import COMPACT_NODESEP, dot_source
from explorer.layout.labels import NodeMetrics
from explorer.layout.measures import label_overlaps, loose_arrowheads
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService
from explorer.sources import Sources

SLIDE = ExportOptions(slide="1920x1080")
SHORT_OF_THE_GOAL = {"ecs-ec2": 16.5, "eks": 11.5}
"""Whole slides that still miss :data:`SLIDE_LABEL_PX`, and the size they reach now (px).

EKS has 35 components in groups nested six deep: laid out by dot with every group kept,
its label area alone is about three times what a 1080p slide holds at 18 px. A focus
slide (``--focus``) is the way to show part of it from the back of a room.
"""
BUILT_INS = ("containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes")


@pytest.fixture(autouse=True)
def _qt(qapp) -> None:
    """Scenes and fonts need the test run's QApplication."""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> LayoutService:
    return LayoutService(LayoutCache(tmp_path_factory.mktemp("layouts")))


def _whole_slide(sources: Sources, service: LayoutService, architecture_id: str, **changes) -> Prepared:
    return prepare(
        sources.architectures[architecture_id],
        SLIDE.with_changes(**changes),
        lambda a, o: service.layout_for(a, options=o),
        auto_edge_labels=True,
    )


@pytest.mark.parametrize("architecture_id", BUILT_INS)
def test_a_whole_slide_reads_from_the_back(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    prepared = _whole_slide(sources, service, architecture_id)
    scene = create_scene(prepared.architecture, prepared.layout, prepared.options)
    frame = compute_frame(scene, prepared.options)
    factor = frame.transform.m11()
    component_px = min(item.label_font().pixelSize() for item in scene.component_items()) * factor
    assert component_px >= SHORT_OF_THE_GOAL.get(architecture_id, SLIDE_LABEL_PX)
    edge_px = [edge.label_font().pixelSize() * factor for edge in scene.edge_items() if edge.label_visible()]
    assert min(edge_px, default=14) >= 14
    assert bool(edge_px) == prepared.options.edge_labels
    # Margins: nothing inked within 5 % of the slide's edges.
    ink = ink_rect(scene)
    top_left, bottom_right = frame.to_canvas(ink.topLeft()), frame.to_canvas(ink.bottomRight())
    assert top_left.x() >= 0.05 * 1920 - 0.5
    assert bottom_right.x() <= 0.95 * 1920 + 0.5
    assert top_left.y() >= 0.05 * 1080 - 0.5
    assert bottom_right.y() <= 0.95 * 1080 + 0.5
    # Still every group and component, and a clean layout.
    architecture = sources.architectures[architecture_id]
    assert set(prepared.layout.groups) == set(architecture.groups_by_id)
    assert set(prepared.layout.nodes) == set(architecture.components_by_id)
    scale = prepared.options.text_scale or 1.0
    assert label_overlaps(prepared.layout, scale) == []
    assert loose_arrowheads(prepared.layout, scale) == []


@pytest.mark.parametrize("architecture_id", sorted(SHORT_OF_THE_GOAL))
@pytest.mark.xfail(strict=True, reason="whole slide still under 18 px: see SHORT_OF_THE_GOAL")
def test_the_slides_short_of_the_goal_are_still_short(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    prepared = _whole_slide(sources, service, architecture_id)
    scene = create_scene(prepared.architecture, prepared.layout, prepared.options)
    factor = compute_frame(scene, prepared.options).transform.m11()
    assert min(item.label_font().pixelSize() for item in scene.component_items()) * factor >= SLIDE_LABEL_PX


def test_labels_stay_when_the_slide_reads_with_them_and_can_be_forced(
    sources: Sources, service: LayoutService
) -> None:
    assert _whole_slide(sources, service, "containers-vs-vms").options.edge_labels
    assert not _whole_slide(sources, service, "kubernetes").options.edge_labels
    forced = prepare(
        sources.architectures["kubernetes"], SLIDE, lambda a, o: service.layout_for(a, options=o)
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
    assert "margin=2" in labelled.replace('"', "")
    assert NodeMetrics(1, 2.0, compact=True).icon_size < NodeMetrics(1, 2.0).icon_size
    keys = {
        str(LayoutOptions.for_architecture(kubernetes, compact=compact, edge_labels=labels).as_key())
        for compact in (False, True)
        for labels in (False, True)
    }
    assert len(keys) == 4


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
