"""Records on the start path (``frozen_record``) behave as the frozen dataclasses they were."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from explorer.navigation import Place
from explorer.settings import WindowShape
from explorer.sources import Models, Once, Sources, load_models, load_sources
from tests.records_check import assert_defaults_alike, assert_like_frozen_dataclass, twin_class


def test_places_are_like_a_frozen_dataclass() -> None:
    assert_like_frozen_dataclass([Place("eks"), Place("eks", "kube-apiserver"), Place("ecs-ec2", None)])
    assert_defaults_alike(Place, architecture_id="eks")


def test_window_shapes_are_like_a_frozen_dataclass() -> None:
    assert_like_frozen_dataclass(
        [WindowShape(), WindowShape((1, 2, 300, 400), True, 200, False, 300, True), WindowShape(list_width=5)]
    )
    assert_defaults_alike(WindowShape)


def test_models_are_like_a_frozen_dataclass() -> None:
    models = load_models()
    assert_like_frozen_dataclass([models, Models({}), Models(dict(models.architectures))])
    assert_defaults_alike(Models, architectures={})


def test_sources_are_like_a_frozen_dataclass(tmp_path: Path) -> None:
    """As :func:`~tests.records_check.assert_like_frozen_dataclass`, but for copying: the notes
    library's lock can be neither pickled nor deep-copied, in the record as in the dataclass."""
    sources = load_sources()
    other = dataclasses.replace(sources, model_locations=(tmp_path,))
    twin = twin_class(Sources)
    for sample in (sources, other):
        values = {f.name: getattr(sample, f.name) for f in dataclasses.fields(sample)}
        alike = twin(**values)
        assert repr(sample) == repr(alike)
        assert type(sample.architectures) is type(alike.architectures)  # a read-only copy in both
        assert sample == Sources(**values)
        assert sample.with_notes(sample.notes) == sample  # the notes library is not compared
        for name in ("architectures", "not_a_field"):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(sample, name, 1)
    assert sources != other
    assert dataclasses.replace(sources) == sources
    once = Once.of(sources.walkthroughs)
    assert_defaults_alike(
        Sources, architectures={}, notes_once=Once(lambda: sources.notes), walkthroughs_once=once
    )
    assert Sources({}, once).walkthroughs == ()  # no walkthroughs unless given
