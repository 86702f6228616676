"""The declared actions (``ActionSpec``, a ``frozen_record``) behave as the frozen dataclass they were."""

from __future__ import annotations

from explorer.ui.action_registry import ACTIONS, ActionSpec
from tests.records_check import assert_defaults_alike, assert_like_frozen_dataclass


def test_every_declared_action_is_like_a_frozen_dataclass() -> None:
    assert_like_frozen_dataclass(list(ACTIONS))


def test_an_action_spec_has_the_dataclass_defaults() -> None:
    assert_defaults_alike(ActionSpec, name="quit", text="&Quit")
