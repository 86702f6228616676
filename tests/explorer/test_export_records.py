"""The layout's and the export's records behave as the frozen dataclasses they were."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from explorer.export.batch import BatchStep
from explorer.export.options import ExportOptions, InvalidOptionsError
from explorer.export.prepare import Prepared
from explorer.layout.geometry import Box, EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from models.architecture import Architecture
from tests.records_check import assert_defaults_alike, assert_like_frozen_dataclass

P, Q = Point(1.0, 2.0), Point(1.0, 2.5)
R, S = Rect(0.0, 0.0, 10.0, 5.0), Rect(0.0, 0.0, 10.0, 6.0)
NODE = NodeBox("a", R, S, R, ("A", "label"))
GROUP = GroupBox("g", R, P, 1, "G", "#ffffff")
EDGE = EdgePath("a", "b", 0, (P, Q, P, Q), (P,), "calls", Q)
LAYOUT = Layout("x", R, {"a": NODE}, {"g": GROUP}, (EDGE,), "spline")


@pytest.mark.parametrize(
    "samples",
    [
        [P, Q, Point(1, 2), Point(math.nan, 0.0), Point(-0.0, 0.0), Point(0.0, 0.0)],
        [R, S, Rect(0, 0, 10, 5)],
        [NODE, NodeBox("a", R, R, R, ("A", "label")), NodeBox("b", R, S, R, ())],
        [GROUP, GroupBox("g", R, P, 1), GroupBox("g", R, Q, 2, "G")],
        [EDGE, EdgePath("a", "b", 0, (P, Q, P, Q)), EdgePath("a", "b", 1, (P, Q, P, Q), label="x")],
        [LAYOUT, Layout("x", R), Layout("x", R, {"a": NODE}), Layout("y", S, edges=(EDGE,))],
        [Box(0, 0, 1, 1), Box(0, 0, 1, 2), Box.of(R), Box.around(P, 2, 2)],
        [ExportOptions(), ExportOptions(format="svg", scale=1), ExportOptions(slide="1920x1080", focus="a")],
        [
            Prepared(Architecture("x", "X", ""), LAYOUT, ExportOptions()),
            Prepared(Architecture("x", "X", ""), Layout("x", R), ExportOptions()),
        ],
        [BatchStep(1, 2, "x", Path("x.png")), BatchStep(2, 2, "y", Path("y.png"), "failed")],
    ],
    ids=lambda samples: type(samples[0]).__name__,
)
def test_records_are_like_frozen_dataclasses(samples: list[object]) -> None:
    assert_like_frozen_dataclass(samples)


def test_defaults_are_the_dataclass_defaults() -> None:
    assert_defaults_alike(GroupBox, group_id="g", box=R, label_pos=P, depth=0)
    assert_defaults_alike(EdgePath, source="a", target="b", index=0, points=())
    assert_defaults_alike(Layout, architecture_id="x", bounds=R)
    assert_defaults_alike(ExportOptions)
    assert_defaults_alike(BatchStep, index=1, total=1, architecture_id="x", path=Path("x"))


def test_a_layout_gets_dictionaries_of_its_own() -> None:
    first, second = Layout("x", R), Layout("x", R)
    assert first.nodes == {}
    assert first.nodes is not second.nodes
    assert first.groups is not second.groups


def test_export_options_are_checked_as_they_are_made() -> None:
    with pytest.raises(InvalidOptionsError, match="scale must be one of"):
        ExportOptions(scale=3)
    with pytest.raises(InvalidOptionsError, match="margin must be between"):
        ExportOptions().with_changes(margin=-1)
