"""The model's records (``models.records.frozen_record``) behave as the frozen dataclasses they were."""

from __future__ import annotations

import dataclasses

import pytest

from models.architecture import Architecture, Component, Group, LayoutHints, Relation
from models.catalog import load_catalog
from models.records import frozen_record
from models.walkthroughs import Step, Walkthrough, load_walkthrough_catalog
from tests.records_check import assert_defaults_alike, assert_like_frozen_dataclass


@pytest.fixture(scope="module")
def architectures() -> list[Architecture]:
    return list(load_catalog(()).architectures)


def test_the_built_in_architectures_and_their_parts_are_like_frozen_dataclasses(
    architectures: list[Architecture],
) -> None:
    assert_like_frozen_dataclass(architectures)
    assert_like_frozen_dataclass([group for a in architectures for group in a.groups][:60])
    assert_like_frozen_dataclass([component for a in architectures for component in a.components][:60])
    assert_like_frozen_dataclass([relation for a in architectures for relation in a.relations][:60])
    assert_like_frozen_dataclass([LayoutHints(), LayoutHints("TB"), *(a.layout for a in architectures)])


def test_defaults_are_the_dataclass_defaults() -> None:
    assert_defaults_alike(Group, id="g", label="G", kind="vpc")
    assert_defaults_alike(Component, id="c", label="C", kind="service", icon="generic")
    assert_defaults_alike(Relation, source="a", target="b", kind="calls")
    assert_defaults_alike(LayoutHints)
    assert_defaults_alike(Architecture, id="x", title="X", summary="")
    assert Architecture("x", "X", "").layout == LayoutHints()


def test_cached_properties_still_work_on_a_frozen_architecture(architectures: list[Architecture]) -> None:
    first = architectures[0]
    component = first.components[0]
    assert first.component(component.id) is component
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'id'"):
        first.id = "other"  # type: ignore[misc]


def test_a_record_must_write_its_own_init() -> None:
    with pytest.raises(TypeError, match="writes its own __init__"):

        @frozen_record
        class NoInit:
            """A record without its ``__init__``."""

            x: int


def test_walkthroughs_and_their_steps_are_like_frozen_dataclasses(architectures: list[Architecture]) -> None:
    walkthroughs = list(load_walkthrough_catalog({a.id: a for a in architectures}).walkthroughs)
    assert walkthroughs
    assert_like_frozen_dataclass(walkthroughs)
    assert_like_frozen_dataclass([step for walkthrough in walkthroughs for step in walkthrough.steps][:60])
    assert_defaults_alike(Step, title="T", text="X")
    assert_defaults_alike(Walkthrough, id="w", architecture="a", title="T", summary="S", steps=())
