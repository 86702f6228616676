"""The DOT text the app writes is the text ``diagrams`` builds for the same model, byte for byte."""

from __future__ import annotations

import pytest

from bench.model_gen import generate
from explorer.layout.graphviz_layout import dot_source
from models import Architecture, Component, Group, LayoutHints, Relation
from models.loader import load_architecture_file
from models.paths import ASSETS_DIR
from tests.explorer.diagrams_reference import diagrams_dot_source

PROFILES = [
    {},
    {"text_scale": 1.5},
    {"compact": True},
    {"compact": True, "edge_labels": False},
    {"compact": True, "edge_labels": False, "beside": True, "text_scale": 2.0},
    {"splines": "ortho"},
]
BUILT_IN = sorted(path.stem for path in (ASSETS_DIR / "architectures").glob("*.yaml"))


def odd_architecture() -> Architecture:
    """Labels and ids that need quoting, escaping or look like HTML; an empty group; deep nesting."""
    groups = (
        Group(id="outer", label='Region "eu-west-1"', kind="region"),
        Group(id="inner", label="<b>VPC</b> \\ private", kind="vpc", parent="outer"),
        Group(id="empty", label="", kind="subnet", parent="outer"),
        Group(id="node", label="graph", kind="cluster"),
    )
    components = (
        Component(id="a", label="Load balancer\n(ALB)", kind="alb", icon="no/such/icon.png", group="inner"),
        Component(id="b-1", label='Task "web" \\ <x>', kind="task", icon="", group="inner"),
        Component(id="node2", label="édition ünïcode — ✓", kind="pod", icon="", group="node"),
        Component(id="1.5", label="-1.5", kind="user", icon=""),
    )
    relations = (
        Relation(source="a", target="b-1", kind="routes", label="routes <b>to</b>"),
        Relation(source="b-1", target="node2", kind="calls", label='says "hi" \\ back'),
        Relation(source="node2", target="1.5", kind="calls"),
        Relation(
            source="1.5", target="a", kind="calls", label="a long label that wraps over more than one line"
        ),
    )
    return Architecture(
        id="odd",
        title="Odd",
        summary="",
        groups=groups,
        components=components,
        relations=relations,
        layout=LayoutHints(direction="lr"),
    )


@pytest.mark.parametrize("architecture_id", BUILT_IN)
@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: ",".join(profile) or "window")
def test_each_built_in_is_written_as_diagrams_writes_it(architecture_id: str, profile: dict) -> None:
    architecture = load_architecture_file(ASSETS_DIR / "architectures" / f"{architecture_id}.yaml")
    assert dot_source(architecture, **profile) == diagrams_dot_source(architecture, **profile)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: ",".join(profile) or "window")
def test_odd_labels_and_ids_are_written_as_diagrams_writes_them(profile: dict) -> None:
    architecture = odd_architecture()
    assert dot_source(architecture, **profile) == diagrams_dot_source(architecture, **profile)


def test_a_generated_large_model_is_written_as_diagrams_writes_it() -> None:
    architecture = generate(300)
    assert dot_source(architecture) == diagrams_dot_source(architecture)
