"""Large models laid out in parts (one Graphviz per top-level group) and packed into one layout."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from bench.model_gen import generate
from explorer.layout import compose
from explorer.layout import options as options_module
from explorer.layout import service as service_module
from explorer.layout.geometry import Rect
from explorer.layout.graphviz_run import compute_layout
from explorer.layout.options import LayoutOptions, should_compose
from models.architecture import Component, Relation

SIZE = 160
"""Two top-level groups (regions) in the generated shape: 128 and 32 components."""


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(options_module, "COMPOSE_FROM", SIZE)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_a_model_splits_at_its_top_level_groups_keeping_every_inner_relation() -> None:
    architecture = generate(SIZE)
    loose = Component(id="loose", label="Loose", kind="service", icon="aws/compute/ec2")
    architecture = replace(
        architecture,
        components=(*architecture.components, loose),
        relations=(*architecture.relations, Relation("loose", "c0", "calls")),
    )
    parts = compose.split(architecture)
    assert [part.root for part in parts] == ["r0", "r1", None]
    assert sorted(c.id for part in parts for c in part.architecture.components) == sorted(
        c.id for c in architecture.components
    )
    for part in parts:
        for relation, index in zip(part.architecture.relations, part.relation_indices, strict=True):
            assert architecture.relations[index] == relation
    between = len(architecture.relations) - sum(len(part.relation_indices) for part in parts)
    assert between > 0  # the generator links regions, and "loose" links to r0


@pytest.mark.usefixtures("small_threshold")
def test_the_packed_layout_places_everything_once_without_parts_overlapping() -> None:
    architecture = generate(SIZE)
    assert should_compose(architecture)
    layout = compute_layout(architecture)
    assert set(layout.nodes) == {c.id for c in architecture.components}
    assert [edge.index for edge in layout.edges] == list(range(len(architecture.relations)))
    for edge in layout.edges:
        relation = architecture.relations[edge.index]
        assert (edge.source, edge.target) == (relation.source, relation.target)
        assert edge.arrow_head
    regions = [layout.groups["r0"].box, layout.groups["r1"].box]
    assert not _overlap(*regions)
    for box in itertools.chain(regions, (node.box for node in layout.nodes.values())):
        assert layout.bounds.contains(box)
    for group in layout.groups.values():
        assert layout.bounds.contains(group.box)


def test_a_relation_between_parts_runs_border_to_border_with_its_arrowhead_at_the_target() -> None:
    architecture = generate(SIZE)
    parts = compose.split(architecture)
    layouts = [compute_layout(part.architecture) for part in parts]
    layout = compose.pack(architecture, parts, layouts)
    inside = {index for part in parts for index in part.relation_indices}
    crossing = [edge for edge in layout.edges if edge.index not in inside]
    assert crossing
    for edge in crossing:
        source, target = layout.nodes[edge.source].box, layout.nodes[edge.target].box
        start, tip = edge.points[0], edge.arrow_head[1]
        on_border = (
            min(abs(start.x - source.x), abs(start.x - source.right)) < 1e-6
            or min(abs(start.y - source.y), abs(start.y - source.bottom)) < 1e-6
        )
        assert on_border
        assert target.x - 1e-6 <= tip.x <= target.right + 1e-6
        assert target.y - 1e-6 <= tip.y <= target.bottom + 1e-6


def test_the_cache_key_says_the_layout_was_composed(monkeypatch: pytest.MonkeyPatch) -> None:
    architecture = generate(SIZE)
    options = LayoutOptions.for_architecture(architecture)
    whole = service_module._key(architecture, options)
    monkeypatch.setattr(options_module, "COMPOSE_FROM", SIZE)
    assert service_module._key(architecture, options) != whole
