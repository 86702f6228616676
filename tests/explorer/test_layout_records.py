"""The layout options (a ``frozen_record``, in the cache key) behave as the frozen dataclass they were."""

from __future__ import annotations

from explorer.layout.options import LayoutOptions
from models.catalog import load_catalog
from tests.records_check import assert_defaults_alike, assert_like_frozen_dataclass


def test_layout_options_are_like_a_frozen_dataclass() -> None:
    architectures = load_catalog(()).architectures
    samples = [LayoutOptions.for_architecture(a) for a in architectures]
    samples += [
        LayoutOptions.for_architecture(architectures[0], text_scale=2.0, compact=True, beside=True),
        LayoutOptions.for_architecture(architectures[0], splines="spline", edge_labels=False),
    ]
    assert_like_frozen_dataclass(samples)


def test_layout_options_have_the_dataclass_defaults() -> None:
    assert_defaults_alike(LayoutOptions, splines="ortho")
