"""Fixtures of the reliability tests: the built-in content, loaded once."""

from __future__ import annotations

import pytest

from explorer.sources import Sources, load_sources
from tests.reliability._guards import Reads, record_reads


@pytest.fixture(scope="session")
def sources() -> Sources:
    """The built-in architectures and notes (the window tests share them, as in tests/explorer)."""
    loaded = load_sources()
    assert not loaded.model_errors, loaded.model_errors
    return loaded


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """The files the test's code opens and the bytes it reads (see :func:`record_reads`)."""
    return record_reads(monkeypatch)
