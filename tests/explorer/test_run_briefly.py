"""``prebuilt.run_briefly``: a first start's ``dot -V`` without importing ``subprocess``."""

from __future__ import annotations

import shutil
import sys

import pytest

from explorer import prebuilt

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell programs")
PRINTS_AND_FAILS = ["sh", "-c", "echo out; echo err >&2; exit 3"]


@pytest.fixture(params=["posix_spawnp", "subprocess"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs both ways: spawned, and through ``subprocess`` (where ``posix_spawnp`` is missing)."""
    if request.param == "subprocess":
        monkeypatch.setattr(prebuilt, "_spawn", None)
    return str(request.param)


def test_the_status_and_what_it_printed(way: str) -> None:
    assert prebuilt.run_briefly(PRINTS_AND_FAILS, timeout=30) == (3, "out\nerr")


def test_a_missing_program_is_none(way: str) -> None:
    assert prebuilt.run_briefly(["no-such-program-for-the-tests"], timeout=30) is None


def test_a_program_that_does_not_end_in_time_is_killed(way: str) -> None:
    assert prebuilt.run_briefly(["sh", "-c", "exec sleep 60"], timeout=0.05) is None


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_the_graphviz_version_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    spawned = prebuilt.graphviz_version()
    monkeypatch.setattr(prebuilt, "_spawn", None)
    assert spawned is not None
    assert spawned == prebuilt.graphviz_version()
